"""Acceptance on the two seed reports (issue 2's done-when), field by field."""

from __future__ import annotations

import datetime as dt

import conflictparse
from conflictparse import SourceKind


def _claim(report: conflictparse.Report, source: str) -> conflictparse.Claim:
    return next(c for c in report.claims if c.source.name == source)


def test_debka_header(debka_seed: conflictparse.Report) -> None:
    """The DEBKAfile seed gives its outlet, English and Arabic headline and dateline."""
    assert debka_seed.outlet == "debkafile"
    assert debka_seed.headline == (
        "Russia resumes Daraa air strikes, calls Iran’s exit from Syria “absolutely unrealistic”")
    assert debka_seed.headline_translations["ar"].startswith("روسيا تستأنف قصفها لدرعا")
    assert debka_seed.dateline is not None
    assert debka_seed.dateline.span.text == "DEBKAfile/July 05/18"
    assert debka_seed.published == dt.date(2018, 7, 5)


def test_debka_boilerplate_removed(debka_seed: conflictparse.Report) -> None:
    """The view counter and the subscribe link are not body text."""
    body = "\n".join(p.text for p in debka_seed.paragraphs)
    assert "(click here to subscribe)" not in body
    assert "59" not in [p.text for p in debka_seed.paragraphs]
    assert any(b.text == "59" for b in debka_seed.boilerplate)
    assert not any("DEBKAfile/July" in p.text for p in debka_seed.paragraphs)


def test_debka_claims(debka_seed: conflictparse.Report) -> None:
    """The five attributions of the gold file, with their kinds, cues and quote flags."""
    reports = _claim(debka_seed, "DEBKAfile")
    assert (reports.source.kind, reports.cue and reports.cue.text) == (SourceKind.OUTLET, "reports")
    assert reports.content.text.startswith("Rebel leaders continued to stand out")

    lavrov = _claim(debka_seed, "Sergei Lavrov")
    assert lavrov.direct_quote and lavrov.cue is not None and lavrov.cue.text == "stressed"
    assert lavrov.source.span.text == "he" and lavrov.source.refers_to is not None
    assert lavrov.source.refers_to.text == "Sergei Lavrov"
    assert lavrov.content.text.startswith("Iran is one of the key powers")

    reporter = _claim(debka_seed, "DEBKAfile reporter")
    assert reporter.cue is None and reporter.source.kind is SourceKind.OUTLET

    military = _claim(debka_seed, "DEBKAfile's military sources")
    assert military.source.kind is SourceKind.ANONYMOUS
    assert military.source.outlet == "debkafile"
    assert _claim(debka_seed, "Our sources").source.outlet == "debkafile"


def test_debka_dates(debka_seed: conflictparse.Report) -> None:
    """Every date of the gold file resolves against the dateline."""
    resolved = {d.span.text: d.resolved for d in debka_seed.dates}
    expected = {
        "late Wednesday, July 4": dt.date(2018, 7, 4),
        "earlier on Wednesday": dt.date(2018, 7, 4),
        "July 16": dt.date(2018, 7, 16),
        "on Friday, July 6": dt.date(2018, 7, 6),
        "on Tuesday, July": dt.date(2018, 7, 3),
        "on Tuesday": dt.date(2018, 7, 3),
        "July 11": dt.date(2018, 7, 11),
    }
    assert resolved == expected


def test_debka_actors_resolve_spelling_variants(debka_seed: conflictparse.Report) -> None:
    """Hizballah is Hezbollah, Ribakov is Ryabkov, Binyamin is Benjamin Netanyahu."""
    names = {a.name for a in debka_seed.actors}
    assert {"Hezbollah", "Sergei Ryabkov", "Benjamin Netanyahu", "Tiger Forces",
            "4th Armoured Division", "Radwan Force", "Sergei Lavrov"} <= names
    hezbollah = next(m for m in debka_seed.actor_mentions if m.span.text == "Hizballah")
    assert hezbollah.entity_id == next(a.id for a in debka_seed.actors if a.name == "Hezbollah")


def test_debka_countries_as_places_only_where_used_as_places(
        debka_seed: conflictparse.Report) -> None:
    """'from Syria' is a place; 'Israel's Golan border' and 'with Washington' are actors."""
    places = {loc.name for loc in debka_seed.locations}
    assert {"Syria", "Daraa", "Quneitra", "Golan Heights", "Helsinki", "Moscow"} <= places
    assert "Israel" not in places and "Washington" not in places
    golan = next(loc for loc in debka_seed.locations if loc.name == "Golan Heights")
    assert golan.latitude is not None and golan.longitude is not None


def test_observer_provenance(observer_seed: conflictparse.Report) -> None:
    """The Syrian Observer seed: translated by The Syrian Observer from Alsouria Net."""
    assert observer_seed.outlet == "syrian_observer"
    assert observer_seed.headline == "What Happened at Russia’s Meeting With the Regime in Daraa?"
    assert observer_seed.published is None
    provenance = observer_seed.provenance
    assert provenance.original_outlet == "Alsouria Net"
    assert provenance.translated_by == "The Syrian Observer"
    assert provenance.translator_note is not None
    assert provenance.disclaimer is not None
    assert provenance.disclaimer.text.startswith("Responsibility for the information")
    body = " ".join(p.text for p in observer_seed.paragraphs)
    assert "Logo Wide" not in body and "Helpful keywords" not in body
    assert "translated and edited" not in body


def test_observer_claims(observer_seed: conflictparse.Report) -> None:
    """Anonymous sources, their anaphora, an organisation and a hedged document."""
    by_cue = {c.cue.text if c.cue else None: c for c in observer_seed.claims}
    assert by_cue["reports"].source.name == "Alsouria Net"
    assert by_cue["reports"].source.kind is SourceKind.OUTLET
    assert by_cue["told"].source.name == "Sources"
    assert by_cue["told"].content.text.startswith("an emergency meeting was held")
    revealed = by_cue["revealed"]
    assert revealed.source.name == "same sources"
    assert revealed.source.refers_to is not None and revealed.source.refers_to.text == "Sources"
    assert by_cue["informed"].source.kind is SourceKind.ORGANISATION
    statement = by_cue["saying"]
    assert statement.source.kind is SourceKind.DOCUMENT and statement.hedged
    assert statement.hedge is not None and statement.hedge.text == "said to have been"
    assert all(not c.direct_quote for c in observer_seed.claims)


def test_observer_titled_officers(observer_seed: conflictparse.Report) -> None:
    """Officers introduced with a rank become person actors with their title."""
    people = {a.name: a for a in observer_seed.actors if a.kind == "person"}
    assert people["Ramadan Ramadan"].title == "Gen"
    assert people["Nizar al-Fanadi"].title == "Col"
    surname = [m for m in observer_seed.actor_mentions if m.span.text == "Ali"]
    assert surname and surname[0].entity_id == people["Louay al-Ali"].id


def test_observer_places_with_transliteration_variants(
        observer_seed: conflictparse.Report) -> None:
    """Hmeimeem is Hmeimim Air Base; Al-Sanamayn and Suweida are found in the gazetteer."""
    places = {loc.name: loc for loc in observer_seed.locations}
    assert "Hmeimim Air Base" in places and places["Hmeimim Air Base"].kind == "base"
    mention = next(m for m in observer_seed.location_mentions if m.entity_id ==
                   places["Hmeimim Air Base"].id)
    assert mention.span.text == "Hmeimeem base"
    assert any(loc.parent and loc.parent.startswith("SY") for loc in observer_seed.locations)
    assert {"Al-Sanamayn", "Amman", "Syria"} <= set(places)


def test_every_span_is_exact(debka_seed: conflictparse.Report,
                             observer_seed: conflictparse.Report) -> None:
    """report.text[start:end] is exactly the mention, for every item."""
    for report in (debka_seed, observer_seed):
        spans = [*report.paragraphs, *report.boilerplate, *(h.span for h in report.headlines),
                 *(m.span for m in report.actor_mentions),
                 *(m.span for m in report.location_mentions), *(d.span for d in report.dates)]
        for claim in report.claims:
            spans += [claim.content, claim.source.span, *([claim.cue] if claim.cue else [])]
        assert spans
        for span in spans:
            assert report.text[span.start:span.end] == span.text
