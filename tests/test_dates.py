"""Date expressions resolved against the publication day."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from conflictparse import Precision
from conflictparse._dates import find_dates

THURSDAY = dt.date(2018, 7, 5)


def _one(text: str, published: dt.date | None = THURSDAY) -> tuple[str, dt.date | None]:
    found = list(find_dates(text, 0, len(text), published))
    assert len(found) == 1, found
    return text[found[0].start:found[0].end], found[0].resolved


@pytest.mark.parametrize(("text", "mention", "day"), [
    ("It resumed late Wednesday, July 4, after", "late Wednesday, July 4", dt.date(2018, 7, 4)),
    ("reported earlier on Wednesday:", "earlier on Wednesday", dt.date(2018, 7, 4)),
    ("talks on Tuesday failed", "on Tuesday", dt.date(2018, 7, 3)),
    ("on Thursday the army", "on Thursday", dt.date(2018, 7, 5)),
    ("next Tuesday they meet", "next Tuesday", dt.date(2018, 7, 10)),
    ("the summit on July 16 in Helsinki", "July 16", dt.date(2018, 7, 16)),
    ("since 3 June the army", "3 June", dt.date(2018, 6, 3)),
    ("back in December 28 raids", "December 28", dt.date(2017, 12, 28)),
    ("yesterday the army", "yesterday", dt.date(2018, 7, 4)),
    ("three days ago the army", "three days ago", dt.date(2018, 7, 2)),
    ("on March 9, 2016 the army", "March 9, 2016", dt.date(2016, 3, 9)),
])
def test_resolution(text: str, mention: str, day: dt.date) -> None:
    """Each shape resolves to the expected day."""
    assert _one(text) == (mention, day)


def test_relative_year_has_year_precision() -> None:
    """'last year' resolves to the year before, with year precision."""
    [found] = find_dates("agreed last year", 0, 16, THURSDAY)
    assert (found.resolved, found.precision) == (dt.date(2017, 1, 1), Precision.YEAR)


def test_without_publication_date_relative_dates_stay_unresolved() -> None:
    """No dateline: weekdays and partial dates are not guessed; full dates still resolve."""
    assert _one("on Tuesday the army", None) == ("on Tuesday", None)
    assert _one("on July 16 the army", None) == ("July 16", None)
    assert _one("on July 16, 2018 the army", None) == ("July 16, 2018", dt.date(2018, 7, 16))


def test_weekday_inconsistent_with_day_is_flagged() -> None:
    """'Monday, July 6' (a Friday in 2018) keeps the day and reports the problem."""
    [found] = find_dates("on Monday, July 6 the", 0, 21, THURSDAY)
    assert found.resolved == dt.date(2018, 7, 6)
    assert found.problem is not None and "Monday" in found.problem


def test_lower_case_may_is_not_a_month() -> None:
    """'may 5' in lower case is the verb, not a month."""
    assert list(find_dates("they may 5 times", 0, 16, THURSDAY)) == []


def test_plain_dateline_dates_are_read_as_dateutil_reads_them() -> None:
    """``_parse_date`` reads ``2018-11-20`` and ``November 20, 2018`` itself: the same day
    as dateutil, or dateutil's answer where that is not a valid day."""
    import random

    from conflictparse import _dates

    rng = random.Random(11)
    texts = [f"{name}{dot} {day}, {year}" for name in _dates.MONTHS for dot in ("", ".")
             for day in (0, 1, 9, 28, 29, 30, 31, 32) for year in (999, 1000, 2016, 2024)]
    texts += [f"{rng.randrange(10000):04d}-{rng.randrange(100):02d}-{rng.randrange(100):02d}"
              for _ in range(2000)]
    texts += ["Mayo 5, 2018", "may 5, 2018", "May 5,2018", "2019-02-29", "2020-02-29"]
    for text in texts:
        assert _dates._parse_date(text, 2024) == _dates._dateutil_date.__wrapped__(text, 2024), text


def test_resolved_dates_are_attrs_instances() -> None:
    """find_dates builds its results without attrs' __init__: they equal those it builds."""
    from conflictparse._dates import ResolvedDate

    text = "on Friday, July 6, 2018 and last month, 3 May, yesterday, two weeks ago, next year, 2018-07-01"
    found = list(find_dates(text, 0, len(text), THURSDAY))
    assert len(found) == 7
    for date in found:
        assert date == ResolvedDate(**{f.name: getattr(date, f.name)
                                       for f in attrs.fields(ResolvedDate)})
