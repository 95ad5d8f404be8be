"""The test kit tests what it says: its checks reject what is wrong, its conformance suite
fails for plugins that misbehave, and its strategies write what they promise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, ClassVar

import attrs
import conflictparse_debkafile
import pytest
from hypothesis import Phase, given
from hypothesis import strategies as st

import conflictparse
from conflictparse import (
    AttributionPhrase,
    Marker,
    OutletProfile,
    Parser,
    Report,
    SourceKind,
    Span,
    hookimpl,
)
from conflictparse._document import Document
from conflictparse._header import Header
from conflictparse.testing import (
    DEBKAFILE,
    PluginConformance,
    check_hook_result,
    check_report,
    profile_problems,
)
from conflictparse.testing import strategies as cst

NOISE_FREE = str.maketrans(dict.fromkeys("".join(cst.NOISE)))
TEXT = "DEBKAfile: Russia resumes strikes\n\nOur sources disclose that Iran left Daraa."


# -- the checks --------------------------------------------------------------------------------

def test_check_report_accepts_a_real_report(parser: Parser) -> None:
    check_report(parser.parse(TEXT), TEXT)


def test_check_report_rejects_a_span_that_is_not_its_text(parser: Parser) -> None:
    report = parser.parse(TEXT)
    claim = report.claims[0]
    moved = attrs.evolve(claim, content=attrs.evolve(claim.content, start=claim.content.start + 1))
    with pytest.raises(AssertionError, match=r"claims\[0\]\.content"):
        check_report(attrs.evolve(report, claims=(moved,)))


def test_check_report_rejects_offsets_outside_the_text(parser: Parser) -> None:
    report = parser.parse(TEXT)
    outside = Span(start=len(TEXT), end=len(TEXT) + 3, text="")
    with pytest.raises(AssertionError, match="outside the text"):
        check_report(attrs.evolve(report, standfirst=outside))


def test_check_report_rejects_fields_of_the_wrong_type(parser: Parser) -> None:
    report = parser.parse(TEXT)
    with pytest.raises(AssertionError, match=r"report\.claims: list is not a tuple"):
        check_report(attrs.evolve(report, claims=list(report.claims)))
    with pytest.raises(AssertionError, match=r"report\.published"):
        check_report(attrs.evolve(report, published="2018-07-05"))


def test_check_report_rejects_a_text_that_is_not_the_input(parser: Parser) -> None:
    with pytest.raises(AssertionError, match="not the text that was parsed"):
        check_report(parser.parse(TEXT), TEXT + " ")


def test_check_hook_result_rejects_what_the_spec_does_not_allow(parser: Parser) -> None:
    document = Document(TEXT)
    outlets = parser.outlets
    report = parser.parse(TEXT)
    wrong: list[tuple[str, object]] = [
        ("detect_outlet", [("debkafile", 1.5)]),
        ("detect_outlet", [("nobody", 0.9)]),
        ("detect_outlet", "debkafile"),
        ("find_boilerplate", [(0, len(TEXT) + 1)]),
        ("find_boilerplate", [(5, 2, 1)]),
        ("read_header", Header(byline=Span(start=0, end=4, text="Iran"))),
        ("read_header", Header(consumed=((0, 10_000),))),
        ("read_provenance", conflictparse.Provenance(translated_by=42)),  # type: ignore[arg-type]
        ("attribution_phrases", [AttributionPhrase(pattern="(", kind=SourceKind.ANONYMOUS)]),
        ("finish_report", attrs.evolve(report, text="other")),
        ("register_outlets", "something"),
    ]
    for hook, result in wrong:
        with pytest.raises(AssertionError):
            check_hook_result(hook, result, document=document, outlets=outlets, report=report)
    right: list[tuple[str, object]] = [
        ("detect_outlet", [("debkafile", 1)]), ("find_boilerplate", [(0, 9)]),
        ("read_header", Header()), ("attribution_phrases", ()), ("finish_report", report),
        ("read_provenance", None)]
    for hook, result in right:
        check_hook_result(hook, result, document=document, outlets=outlets, report=report)


def test_profile_problems_finds_bad_patterns_weights_and_datelines() -> None:
    assert profile_problems(conflictparse_debkafile.PROFILE) == []
    bad = OutletProfile(
        id="bad", name="Bad",
        markers=(Marker(pattern="(", weight=0.5), Marker(pattern="x", weight=0),
                 Marker(pattern="y", weight=2), Marker(pattern="z", weight=-0.5)),
        datelines=(r"\d{4}",), headline_suffixes=("[",),
        attribution=(AttributionPhrase(pattern="a)", kind=SourceKind.ANONYMOUS),))
    problems = "\n".join(profile_problems(bad))
    assert "'(' does not compile" in problems
    assert "weight 0 " in problems and "weight 2 " in problems and "-0.5" not in problems
    assert "neither a 'date' group" in problems
    assert "'[' does not compile" in problems
    assert "'a)' does not compile" in problems


# -- the suite fails for plugins that misbehave ------------------------------------------------

def plugin_module(name: str, **hooks: Callable[..., Any]) -> Any:
    """A plugin object with the given hook functions."""
    return type(name, (), {key: staticmethod(hookimpl(value)) for key, value in hooks.items()})()


def _register(profile: OutletProfile) -> Callable[..., None]:
    def register_outlets(register: Callable[[OutletProfile], None]) -> None:
        register(profile)
    return register_outlets


GREEDY = OutletProfile(id="greedy", name="Greedy", markers=(Marker(pattern=r"\w", weight=1.0),))
SHY = OutletProfile(id="shy", name="Shy", markers=(Marker(pattern="NEVER PRINTED", weight=1.0),))


class GreedySuite(PluginConformance):
    """Claims every page."""

    plugin = plugin_module("greedy", register_outlets=_register(GREEDY))
    foreign_samples: ClassVar[tuple[str, ...]] = (TEXT,)
    max_examples = 5
    hypothesis_settings: ClassVar[dict[str, Any]] = {"phases": [Phase.generate]}


class ShySuite(PluginConformance):
    """Claims nothing, not even its own pages."""

    plugin = plugin_module("shy", register_outlets=_register(SHY))
    style = cst.OutletStyle(id="shy", name="Shy", leads=("(Shy) - ",))
    samples: ClassVar[tuple[str, ...]] = ("(Shy) - Regime forces shelled Daraa.",)
    max_examples = 5
    hypothesis_settings: ClassVar[dict[str, Any]] = {"phases": [Phase.generate]}


class SloppySuite(PluginConformance):
    """Removes furniture past the end of the text."""

    plugin = plugin_module(
        "sloppy", find_boilerplate=lambda document, outlet: [(0, len(document.folded) + 5)])
    max_examples = 5
    hypothesis_settings: ClassVar[dict[str, Any]] = {"phases": [Phase.generate]}


class FailingSuite(PluginConformance):
    """Raises in finish_report."""

    plugin = plugin_module("failing", finish_report=lambda report: 1 / 0)
    max_examples = 5
    hypothesis_settings: ClassVar[dict[str, Any]] = {"phases": [Phase.generate]}


class EmptySuite(PluginConformance):
    """Forgot to set ``plugin``."""


@pytest.mark.parametrize(("suite", "test"), [
    (GreedySuite, "test_leaves_other_outlets_pages_alone"),
    (GreedySuite, "test_leaves_foreign_samples_alone"),
    (ShySuite, "test_detects_its_own_pages"),
    (ShySuite, "test_detects_its_samples"),
    (SloppySuite, "test_hooks_return_declared_types"),
    (FailingSuite, "test_parse_never_fails_on_generated_text"),
    (FailingSuite, "test_plugin_loads_cleanly"),
])
def test_the_suite_fails_a_plugin_that_misbehaves(suite: type[PluginConformance],
                                                  test: str) -> None:
    with pytest.raises(AssertionError):
        getattr(suite(), test)()


def test_the_suite_passes_where_the_plugin_behaves() -> None:
    GreedySuite().test_profile_patterns_compile()
    SloppySuite().test_parse_never_fails_on_generated_text()  # the parser clips its offsets
    ShySuite().test_registration_hooks_register_declared_types()
    SloppySuite().test_registration_hooks_register_declared_types()


def test_the_suite_asks_for_the_plugin() -> None:
    with pytest.raises(pytest.fail.Exception, match="must set `plugin"):
        EmptySuite().test_plugin_loads_cleanly()


# -- the strategies ----------------------------------------------------------------------------

@given(st.sampled_from(list(cst.STYLES.values())).flatmap(
    lambda style: st.tuples(st.just(style), cst.reports(style))))
def test_pages_carry_what_their_style_always_prints(pair: tuple[cst.OutletStyle,
                                                                cst.SampleReport]) -> None:
    style, sample = pair
    text = sample.text
    assert text.startswith("\n".join(style.top_lines))
    assert sample.headline in text.split("\n\n")[0]
    assert any(sample.body[0].startswith(lead) for lead in style.leads)
    assert all(line in text for line in style.footer_lines)
    if style.translator_notes:
        assert any(note in text for note in style.translator_notes)
    if sample.dateline is not None:
        assert sample.dateline in sample.header
        assert sample.published is not None
        assert cst.MIN_DATE <= sample.published <= cst.MAX_DATE


@given(cst.dates())
def test_format_dateline_fills_every_field(day: dt.date) -> None:
    text = cst.format_dateline("{month}|{mon}|{day}|{dd}|{mm}|{yy}|{yyyy}|{weekday}", day)
    assert text == day.strftime("%B|%b|") + f"{day.day}|{day:%d|%m|%y|%Y|%A}"


@given(cst.attributions(DEBKAFILE))
def test_an_attribution_sentence_holds_its_parts(attribution: cst.Attribution) -> None:
    text = attribution.text
    assert attribution.source.rstrip(",") in text
    assert attribution.content[1:] in text
    if attribution.cue is not None:
        assert attribution.cue in text
    if attribution.hedge is not None:
        assert attribution.hedge in text
    assert attribution.direct == ("\u201c" in text)


@given(cst.with_noise(st.just("Regime forces shelled Daraa.")))
def test_noise_adds_only_noise(text: str) -> None:
    assert text.translate(NOISE_FREE) == "Regime forces shelled Daraa."


@given(cst.bilingual_headlines())
def test_a_bilingual_headline_is_english_then_arabic_on_one_line(line: str) -> None:
    assert "\n" not in line
    report = conflictparse.parse(line + "\n\nRegime forces shelled Daraa.")
    assert isinstance(report, Report)
    assert [h.language for h in report.headlines] == ["en", "ar"]
