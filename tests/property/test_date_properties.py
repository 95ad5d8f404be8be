"""Properties of dates: a day written in an outlet's dateline format is read back as the
publication day; a weekday is resolved within the week before publication (after it, when the
text says "next" or "coming"; the week before the day, when it says "last")."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictparse import Parser
from conflictparse.testing import STYLES
from conflictparse.testing import strategies as cst

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DATED = [style for style in STYLES.values() if style.datelines]


@pytest.mark.parametrize("style", DATED, ids=[style.id for style in DATED])
@given(data=st.data())
def test_a_dateline_reads_back_as_its_day(parser: Parser, style: cst.OutletStyle,
                                          data: st.DataObject) -> None:
    sample = data.draw(cst.reports(attrs.evolve(style, dateline_required=True)), label="page")
    report = parser.parse(sample.text)
    assert report.dateline is not None, f"no dateline read in {sample.dateline!r}"
    assert report.dateline.date == sample.published, sample.dateline
    assert report.published == sample.published


FORMATS = [(style.id, template) for style in DATED for template in style.datelines]


@given(st.sampled_from(FORMATS), cst.dates())
def test_every_dateline_format_round_trips_on_its_own(parser: Parser, format: tuple[str, str],
                                                      day: dt.date) -> None:
    outlet, template = format
    text = f"Regime forces shell Daraa\n{cst.format_dateline(template, day)}\n\nThe town burned."
    assert parser.parse(text, outlet=outlet).published == day


def _weekday_mention(parser: Parser, text: str, published: dt.date | None,
                     weekday: str) -> dt.date:
    report = parser.parse(text, published=published)
    found = [d for d in report.dates if d.rule == "weekday" and weekday in d.span.text]
    assert len(found) == 1, [d.span.text for d in report.dates]
    resolved = found[0].resolved
    assert resolved is not None
    assert resolved.weekday() == WEEKDAYS.index(weekday)
    return resolved


MODIFIERS = ("", "on ", "late ", "early ", "late on ", "by ", "since ")


@given(cst.dates(), st.sampled_from(WEEKDAYS), st.sampled_from(MODIFIERS),
       st.sampled_from(("", " morning", " night")))
def test_a_weekday_falls_in_the_week_up_to_publication(parser: Parser, day: dt.date,
                                                       weekday: str, modifier: str,
                                                       part: str) -> None:
    text = f"Regime forces shelled the town of Tafas {modifier}{weekday}{part}, activists said."
    resolved = _weekday_mention(parser, text, day, weekday)
    assert 0 <= (day - resolved).days <= 6


@given(cst.dates(), st.sampled_from(WEEKDAYS), st.sampled_from(("next", "coming", "Next")))
def test_next_weekday_falls_in_the_week_after_publication(parser: Parser, day: dt.date,
                                                          weekday: str, ahead: str) -> None:
    text = f"{ahead} {weekday} the talks resume in Amman, diplomats said."
    resolved = _weekday_mention(parser, text, day, weekday)
    assert 1 <= (resolved - day).days <= 7


@given(cst.dates(), st.sampled_from(WEEKDAYS))
def test_last_weekday_falls_in_the_week_before_publication(parser: Parser, day: dt.date,
                                                           weekday: str) -> None:
    text = f"The convoy left Homs last {weekday}, residents said."
    resolved = _weekday_mention(parser, text, day, weekday)
    assert 1 <= (day - resolved).days <= 7


@given(cst.dates(), st.sampled_from(WEEKDAYS))
def test_a_weekday_is_resolved_against_the_dateline(parser: Parser, day: dt.date,
                                                    weekday: str) -> None:
    dateline = cst.format_dateline("DEBKAfile/{month} {dd}/{yy}", day)
    text = (f"DEBKAfile: Russia resumes Daraa air strikes\n{dateline}\n\n"
            f"Russian jets struck Daraa on {weekday}, our sources disclose.")
    resolved = _weekday_mention(parser, text, None, weekday)
    assert 0 <= (day - resolved).days <= 6


@given(st.sampled_from(WEEKDAYS))
def test_without_a_publication_day_a_weekday_stays_unresolved(parser: Parser,
                                                              weekday: str) -> None:
    report = parser.parse(f"Regime forces shelled Daraa on {weekday}.")
    assert [d.resolved for d in report.dates if d.rule == "weekday"] == [None]
    assert "dates-unresolved" in [d.code for d in report.diagnostics]
