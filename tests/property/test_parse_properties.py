"""Properties of ``parse`` on any text: it never raises on a ``str`` (and always raises the
documented error on anything else), every span points into the text, parsing is
deterministic, and the JSON round trip gives back an equal Report."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import conflictparse
from conflictparse import InputTypeError, Parser, Report
from conflictparse.testing import check_report, iter_spans
from conflictparse.testing import strategies as cst

TODAY = dt.date(2026, 11, 25)
OTHER_PARSER = Parser(today=TODAY)
"""A second, independent parser: two parsers must read a text the same way."""


@given(cst.any_text())
def test_parse_never_raises_on_a_str(parser: Parser, text: str) -> None:
    report = parser.parse(text)
    assert isinstance(report, Report)
    check_report(report, text, round_trip=False)


@given(st.one_of(st.binary(), st.builds(bytearray, st.binary()), st.integers(), st.floats(),
                 st.none(), st.lists(st.text(max_size=5), max_size=3),
                 st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2)))
def test_anything_but_a_str_raises_the_documented_error(parser: Parser, value: object) -> None:
    with pytest.raises(InputTypeError) as raised:
        parser.parse(value)  # type: ignore[arg-type]
    assert isinstance(raised.value, TypeError)
    assert type(value).__name__ in str(raised.value)


@given(cst.any_text())
def test_every_span_is_the_text_it_points_at(parser: Parser, text: str) -> None:
    report = parser.parse(text)
    spans = list(iter_spans(report))
    for where, span in spans:
        assert 0 <= span.start <= span.end <= len(report.text), where
        assert report.text[span.start:span.end] == span.text, where
    for claim in report.claims:
        assert claim.content.text, "a claim with empty content"
        assert claim.source.span.text


@given(cst.any_text())
def test_parsing_is_deterministic(parser: Parser, text: str) -> None:
    first = parser.parse(text)
    assert parser.parse(text) == first
    assert OTHER_PARSER.parse(text) == first


@given(cst.any_text())
def test_json_round_trip_gives_an_equal_report(parser: Parser, text: str) -> None:
    report = parser.parse(text)
    document = conflictparse.report_to_json(report)
    assert conflictparse.report_from_json(document) == report
    assert conflictparse.report_from_json(document.encode("utf-8")) == report
    assert conflictparse.report_from_dict(conflictparse.report_to_dict(report)) == report


@given(cst.reports(cst.DEBKAFILE) | cst.reports(cst.SYRIAN_OBSERVER)
       | cst.reports(cst.ZAMAN_AL_WASL) | cst.reports(cst.GENERIC))
def test_generated_pages_are_read_as_their_outlet(parser: Parser,
                                                  sample: cst.SampleReport) -> None:
    report = parser.parse(sample.text)
    expected = None if sample.outlet == "generic" else sample.outlet
    assert report.outlet == expected
    assert report.headline == sample.headline
