"""The Parser API: contracts, diagnostics, outlet choice, plugins registered in code."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import conflictparse
from conflictparse import Marker, OutletProfile, hookimpl


def test_non_str_raises_documented_error(parser: conflictparse.Parser) -> None:
    """bytes and None are rejected with an InputTypeError (a TypeError) naming the type."""
    with pytest.raises(conflictparse.InputTypeError, match="got bytes"):
        parser.parse(b"DEBKAfile: text")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="got NoneType"):
        parser.parse(None)  # type: ignore[arg-type]


def test_empty_text_gives_empty_report_with_diagnostic(parser: conflictparse.Parser) -> None:
    """Whitespace-only text is not an error: an empty Report says why."""
    report = parser.parse(" \n\t ")
    assert report.claims == () and report.headlines == ()
    assert [d.code for d in report.diagnostics] == ["empty-text"]


def test_unknown_outlet_is_a_clear_error(parser: conflictparse.Parser) -> None:
    """Asking for an outlet no plugin provides lists the known ones."""
    with pytest.raises(conflictparse.UnknownOutletError, match="debkafile"):
        parser.parse("text", outlet="no_such_outlet")


def test_outlet_override_and_published(parser: conflictparse.Parser) -> None:
    """--outlet forces a profile; published resolves relative dates without a dateline."""
    text = "Plain headline about Daraa\n\nThe army said on Tuesday that it had advanced."
    generic = parser.parse(text)
    assert generic.outlet is None and generic.published is None
    assert generic.dates[0].resolved is None
    forced = parser.parse(text, outlet="debkafile", published=dt.date(2018, 7, 5))
    assert forced.outlet == "debkafile" and forced.outlet_name == "DEBKAfile"
    assert forced.dates[0].resolved == dt.date(2018, 7, 3)


def test_future_dateline_is_a_diagnostic_not_a_date() -> None:
    """A dateline after 'today' leaves the publication date unset and says so."""
    parser = conflictparse.Parser(today=dt.date(2018, 1, 1))
    report = parser.parse("DEBKAfile: Headline here about Syria\n\nDEBKAfile/July 05/18\n\n"
                          "Our sources disclose that the army moved.")
    assert report.published is None
    assert report.dateline is not None and report.dateline.date is None
    assert "future-dateline" in [d.code for d in report.diagnostics]


def test_parse_is_deterministic_and_round_trips(debka_seed: conflictparse.Report,
                                                parser: conflictparse.Parser) -> None:
    """The same text gives an equal Report; JSON gives it back unchanged."""
    assert parser.parse(debka_seed.text) == debka_seed
    assert conflictparse.report_from_json(conflictparse.report_to_json(debka_seed)) == debka_seed


def test_plugin_registered_in_code_detects_its_outlet() -> None:
    """A profile registered in code claims its texts; the others still work."""

    class Plugin:
        @hookimpl
        def register_outlets(self, register):  # type: ignore[no-untyped-def]
            register(OutletProfile(id="example_news", name="Example News",
                                   markers=(Marker(pattern=r"^EXAMPLE NEWS", weight=1.0,
                                                   header_only=True),),
                                   headline_prefixes=(r"EXAMPLE NEWS\s*[:-]\s*",)))

    parser = conflictparse.Parser(plugins=[Plugin()])
    report = parser.parse("EXAMPLE NEWS: Strikes hit Idlib\n\nThe source said that ten died.")
    assert report.outlet == "example_news" and report.headline == "Strikes hit Idlib"
    assert report.claims[0].source.name == "source"


def test_duplicate_outlet_id_is_reported_with_both_plugins() -> None:
    """Two plugins registering one outlet id: the second is refused, naming both."""

    class Copycat:
        @hookimpl
        def register_outlets(self, register):  # type: ignore[no-untyped-def]
            register(OutletProfile(id="debkafile", name="Fake"))

    parser = conflictparse.Parser(plugins=[Copycat()])
    problems = [d.message for d in parser.parse("x y z").diagnostics if d.code == "plugin-error"]
    assert any("already registered" in p and "Copycat" in p for p in problems)


def test_disabled_plugin_is_not_used(parser: conflictparse.Parser,
                                     debka_seed: conflictparse.Report) -> None:
    """Disabling the DEBKAfile plugin leaves its texts to the generic outlet."""
    without = conflictparse.Parser(disable=["debkafile"])
    assert "debkafile" not in without.outlets
    assert without.parse(debka_seed.text).outlet is None


def test_finish_report_hook_chains(debka_seed: conflictparse.Report) -> None:
    """finish_report implementations receive the previous one's result."""

    class Tagger:
        @hookimpl
        def finish_report(self, report):  # type: ignore[no-untyped-def]
            return attrs.evolve(report, claims=report.claims[:1])

    report = conflictparse.Parser(plugins=[Tagger()]).parse(debka_seed.text)
    assert len(report.claims) == 1 and len(debka_seed.claims) > 1


def test_report_to_gold_uses_gold_format(observer_seed: conflictparse.Report) -> None:
    """The gold view of a report has the annotation fields and resolved names."""
    gold = conflictparse.report_to_gold(observer_seed)
    assert gold["outlet"] == "syrian_observer"
    assert gold["provenance"] == {"original_outlet": "Alsouria Net",
                                  "translated_by": "The Syrian Observer"}
    assert {c["source_kind"] for c in gold["claims"]} >= {"anonymous", "outlet", "document"}
    assert all(isinstance(item, list) for item in gold["actors"])


def test_plugins_contribute_actors_and_places() -> None:
    """register_actors / register_locations add entries the matcher then finds."""

    class Knowledge:
        @hookimpl
        def register_actors(self, register):  # type: ignore[no-untyped-def]
            register(conflictparse.ActorEntry(id="grp.example_brigade", name="Example Brigade",
                                              kind="armed_group", aliases=("Liwa al-Mithal",)))

        @hookimpl
        def register_locations(self, register):  # type: ignore[no-untyped-def]
            register(conflictparse.PlaceEntry(id="example:zimreen", name="Zimreen",
                                              kind="village", latitude=32.9, longitude=36.1,
                                              parent="SY-DR", country="SY"))

    parser = conflictparse.Parser(plugins=[Knowledge()])
    report = parser.parse("A headline\n\nLiwa al-Mithal fighters entered Zimreen on foot.")
    assert [a.name for a in report.actors] == ["Example Brigade"]
    [zimreen] = report.locations
    assert (zimreen.id, zimreen.latitude, zimreen.parent) == ("example:zimreen", 32.9, "SY-DR")
