"""Tests for the Zaman al-Wasl plugin: its registration, the fixtures it reads, and the texts it
must leave to other outlets.

The fixtures under ``fixtures/`` are invented reports written in the shape of Zaman al-Wasl's
English pages (lead, byline with translator, comment form) and of the Syrian Observer's
translations of them; no sentence comes from a real article.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import pathlib

import conflictparse_zaman_al_wasl
import pytest

import conflictparse
from conflictparse import Parser, Report, SourceKind

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
REPOSITORY = pathlib.Path(__file__).parents[3]
"""The conflictparse checkout this plugin lives in (its seeds and devset, when present)."""


def read(name: str) -> str:
    """The text of fixture ``name``."""
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def parser() -> Parser:
    """A parser with only this plugin (and the built-in generic outlet)."""
    return Parser(plugins=[conflictparse_zaman_al_wasl], entry_points=False)


@pytest.fixture(scope="module")
def installed() -> Parser:
    """A parser with every installed plugin, as users get it."""
    return Parser()


def assert_spans_hold(report: Report) -> None:
    """Every span of the report's claims, paragraphs and boilerplate points into its text."""
    spans = [*report.paragraphs, *report.boilerplate]
    for claim in report.claims:
        spans += [claim.source.span, claim.content, *(s for s in (claim.cue, claim.hedge) if s)]
    for span in spans:
        assert report.text[span.start:span.end] == span.text


def test_entry_point_names_the_module() -> None:
    """The distribution publishes the module under the ``conflictparse`` entry-point group."""
    points = importlib.metadata.entry_points(group="conflictparse")
    assert {p.name: p.value for p in points}["zaman_al_wasl"] == "conflictparse_zaman_al_wasl"


def test_registers_one_profile(parser: Parser) -> None:
    """Registering the module adds the ``zaman_al_wasl`` outlet with its display name."""
    assert parser.outlets["zaman_al_wasl"].name == "Zaman al-Wasl"
    assert not [d for d in parser._setup_problems if d.code == "plugin-error"]


def test_reads_a_full_page(parser: Parser) -> None:
    """Headline, byline, dateline, lead and comment form of a full page are read."""
    report = parser.parse(read("arsal_border_raids.txt"))
    assert report.outlet == "zaman_al_wasl"
    assert report.outlet_name == "Zaman al-Wasl"
    assert report.headline == "Lebanese Army Raids Refugee Camps Near Arsal, Detains Dozens"
    assert report.byline is not None
    assert report.byline.text == "By Khaled al-Omar; Translation by Rami Haddad"
    assert report.dateline is not None
    assert report.published == dt.date(2019, 3, 18)
    assert [b.text.strip() for b in report.boilerplate] == [
        "(Zaman Al Wasl)-", "Comments About This Article", "Please fill the fields below."]
    assert report.paragraphs[0].text.startswith("Lebanese army on Monday raided")
    assert report.paragraphs[-1].text.startswith("The Lebanese army said in a statement")
    assert [(d.span.text, d.resolved) for d in report.dates] == [
        ("on Monday", dt.date(2019, 3, 18))]
    assert_spans_hold(report)


def test_reads_claims(parser: Parser) -> None:
    """Anonymous sources and witnesses are read as claims with their cues."""
    report = parser.parse(read("arsal_border_raids.txt"))
    found = {(c.source.name, c.source.kind, c.cue.text if c.cue else None)
             for c in report.claims}
    assert ("source", SourceKind.ANONYMOUS, "said") in found
    assert ("Eyewitnesses", SourceKind.ANONYMOUS, "told") in found
    eyewitnesses = next(c for c in report.claims if c.source.name == "Eyewitnesses")
    assert eyewitnesses.content.text.startswith("army bulldozers also removed")


def test_trailing_told_claim(parser: Parser) -> None:
    """"…, a field source told Zaman al-Wasl." attributes the sentence before it."""
    report = parser.parse(read("arsal_border_raids.txt"))
    claim = next(c for c in report.claims if c.source.name == "field source")
    assert claim.source.kind is SourceKind.ANONYMOUS
    assert claim.content.text.startswith("Lebanese army on Monday raided")


def test_own_correspondent_is_the_outlet(parser: Parser) -> None:
    """"A Zaman al-Wasl correspondent in the area said" is the outlet speaking."""
    report = parser.parse(read("hama_shelling_no_dateline.txt"))
    claim = next(c for c in report.claims if "correspondent" in c.source.name)
    assert claim.source.kind is SourceKind.OUTLET
    assert claim.source.outlet == "zaman_al_wasl"
    assert claim.content.text.startswith("the Fourth Division had moved")
    assert_spans_hold(report)


def test_page_without_dateline_takes_the_published_day(parser: Parser) -> None:
    """Without a dateline the caller's day resolves the weekday."""
    text = read("hama_shelling_no_dateline.txt")
    assert parser.parse(text).published is None
    report = parser.parse(text, published=dt.date(2019, 5, 10))
    assert report.outlet == "zaman_al_wasl"
    assert [d.resolved for d in report.dates] == [dt.date(2019, 5, 9)]


@pytest.mark.parametrize(("name", "outlet"), [
    ("syrian_observer_translation.txt", "syrian_observer"),
    ("other_outlet_citing_zaman.txt", None),
])
def test_leaves_other_outlets_alone(installed: Parser, name: str, outlet: str | None) -> None:
    """Translations by the Syrian Observer and texts that only cite Zaman al-Wasl are not ours."""
    if outlet is not None and outlet not in installed.outlets:
        pytest.skip(f"the {outlet} plugin is not installed")
    assert installed.parse(read(name)).outlet == outlet


def test_syrian_observer_translation_keeping_the_lead(installed: Parser) -> None:
    """A Syrian Observer translation that kept the "(Zaman Al Wasl)-" lead stays theirs."""
    if "syrian_observer" not in installed.outlets:
        pytest.skip("the syrian_observer plugin is not installed")
    text = read("syrian_observer_translation.txt").replace(
        "\nMilitary intelligence officers", "\n(Zaman Al Wasl)- Military intelligence officers")
    assert "(Zaman Al Wasl)- Military" in text
    assert installed.parse(text).outlet == "syrian_observer"


def test_syrian_observer_translation_credits_zaman(installed: Parser) -> None:
    """The Syrian Observer's translation names Zaman al-Wasl as the original outlet."""
    if "syrian_observer" not in installed.outlets:
        pytest.skip("the syrian_observer plugin is not installed")
    report = installed.parse(read("syrian_observer_translation.txt"))
    assert report.provenance.original_outlet == "Zaman al-Wasl"


@pytest.mark.parametrize("path", sorted(
    [*(REPOSITORY / "tests" / "devset").glob("*.txt"),
     *(REPOSITORY / "tests" / "fixtures" / "seeds").glob("*.txt")]), ids=lambda p: p.name)
def test_never_claims_the_core_corpus(parser: Parser, path: pathlib.Path) -> None:
    """No DEBKAfile or Syrian Observer report of the checkout reads as Zaman al-Wasl."""
    assert parser.parse(path.read_text(encoding="utf-8")).outlet != "zaman_al_wasl"


def test_named_outlet_skips_detection() -> None:
    """``parse(text, outlet="zaman_al_wasl")`` reads any text with this profile."""
    if "zaman_al_wasl" not in conflictparse.default_parser().outlets:
        pytest.skip("the plugin is not installed")
    report = conflictparse.parse(read("other_outlet_citing_zaman.txt"), outlet="zaman_al_wasl")
    assert report.outlet == "zaman_al_wasl"
