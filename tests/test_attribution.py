"""The attribution grammar, rule by rule, on sentences written for the purpose."""

from __future__ import annotations

import pytest

import conflictparse
from conflictparse import SourceKind


def _claims(parser: conflictparse.Parser, body: str, outlet: str = "generic") -> list[
        conflictparse.Claim]:
    text = f"A headline for the test\n\n{body}"
    return list(parser.parse(text, outlet=outlet).claims)


@pytest.mark.parametrize(("body", "source", "kind", "cue", "content"), [
    ("The source said that the convoy left at dawn.", "source", SourceKind.ANONYMOUS, "said",
     "the convoy left at dawn"),
    ("Sources, who asked not to be named, told Enab Baladi that the checkpoint was removed.",
     "Sources", SourceKind.ANONYMOUS, "told", "the checkpoint was removed"),
    ("A senior IDF officer told reporters that the army was ready.", "senior IDF officer",
     SourceKind.ANONYMOUS, "told", "the army was ready"),
    ("Russian Foreign Minister Sergei Lavrov said that the talks had failed.", "Sergei Lavrov",
     SourceKind.NAMED_PERSON, "said", "the talks had failed"),
    ("The Russian Defense Ministry said that every target was verified.",
     "Russian Defense Ministry", SourceKind.ORGANISATION, "said", "every target was verified"),
    ("The circular stated that fuel would be rationed.", "circular", SourceKind.DOCUMENT,
     "stated", "fuel would be rationed"),
    ("Prices doubled in a week, writes Brocar Press.", "Brocar Press", SourceKind.ORGANISATION,
     "writes", "Prices doubled in a week"),
    ("Two shells hit the market, a field source told Zaman al-Wasl.", "field source",
     SourceKind.ANONYMOUS, "told", "Two shells hit the market"),
    ("According to local sources, the road was closed.", "local sources",
     SourceKind.ANONYMOUS, None, "the road was closed"),
])
def test_indirect_speech(parser: conflictparse.Parser, body: str, source: str,
                         kind: SourceKind, cue: str | None, content: str) -> None:
    """Each attribution shape yields its source, kind, cue and content."""
    [claim] = _claims(parser, body)
    assert claim.source.name == source
    assert claim.source.kind is kind
    assert (claim.cue.text if claim.cue else None) == cue
    assert claim.content.text == content
    assert not claim.direct_quote


def test_direct_quote_with_pronoun_resolves_to_the_speaker(parser: conflictparse.Parser) -> None:
    """'“…,” he said' after a titled person is that person's direct quote."""
    [claim] = _claims(parser, "Defence Minister Avigdor Lieberman spoke in the north: "
                              "“We will not accept it,” he said.")
    assert claim.direct_quote and claim.content.text == "We will not accept it"
    assert claim.source.name == "Avigdor Lieberman" and claim.source.span.text == "he"


def test_quote_before_with_addressee(parser: conflictparse.Parser) -> None:
    """'Governor X told Cham FM radio, which is loyal to the regime, "…"' is a direct quote."""
    [claim] = _claims(parser, 'Governor Alaa Ibrahim told Cham FM radio, which is loyal to the '
                              'regime, "The bakeries will reopen tomorrow."')
    assert claim.direct_quote and claim.source.name == "Alaa Ibrahim"
    assert claim.content.text == "The bakeries will reopen tomorrow"


def test_anaphora_link_to_the_earlier_source(parser: conflictparse.Parser) -> None:
    """'The same sources' refers to the sources named before."""
    first, second = _claims(parser, "Local sources told Enab Baladi that the army withdrew. "
                                    "The same sources revealed that two tanks stayed.")
    assert second.source.name == "same sources"
    assert second.source.refers_to == first.source.span


@pytest.mark.parametrize("body", [
    "The convoy was said to have been hit near the town.",
    "Extraordinary actions, as will be revealed in the coming issue, were taken.",
    "He told them to leave the town before noon.",
    "Russian officers told their counterparts to expect no support.",
])
def test_no_claim_without_a_speaker_and_content(parser: conflictparse.Parser, body: str) -> None:
    """Passive hedges, 'revealed' without a source and orders are not claims."""
    assert _claims(parser, body) == []


def test_hedged_document(parser: conflictparse.Parser) -> None:
    """'a statement said to have been issued by … saying that …' is a hedged document claim."""
    [claim] = _claims(parser, "Activists circulated a statement said to have been issued by the "
                              "monitoring centre saying that calm would return.")
    assert claim.source.kind is SourceKind.DOCUMENT and claim.hedged
    assert claim.content.text == "calm would return"


def test_reportedly_hedges_an_attribution(parser: conflictparse.Parser) -> None:
    """'Unconfirmed reports from Hama said' is anonymous and hedged."""
    [claim] = _claims(parser, "Unconfirmed reports from Hama said that two generals were killed.")
    assert claim.source.kind is SourceKind.ANONYMOUS and claim.hedged


def test_outlet_phrases_come_from_the_profile(parser: conflictparse.Parser) -> None:
    """DEBKAfile's phrases ('our military sources', 'DEBKAfile reports:') need its profile."""
    body = ("DEBKAfile reports: The army moved north. "
            "Two bases were hit, our military sources report.")
    claims = _claims(parser, body, outlet="debkafile")
    assert [(c.source.name, c.source.kind, c.source.outlet) for c in claims] == [
        ("DEBKAfile", SourceKind.OUTLET, "debkafile"),
        ("our military sources", SourceKind.ANONYMOUS, "debkafile")]
    assert claims[1].content.text == "Two bases were hit"


def test_every_claim_records_its_rule_and_confidence(
        debka_seed: conflictparse.Report) -> None:
    """Users can filter claims by how they were found."""
    for claim in debka_seed.claims:
        assert claim.rule and 0 < claim.confidence <= 1


@pytest.mark.parametrize(("body", "source", "kind", "content"), [
    ("The Eighth Brigade said in a statement published on its page that it will act.",
     "Eighth Brigade", SourceKind.ORGANISATION, "it will act"),
    ("Salam Abu Fakher, a local activist, told Enab Baladi that the protests were peaceful.",
     "Salam Abu Fakher", SourceKind.NAMED_PERSON, "the protests were peaceful"),
    ("The circular, of which Enab Baladi obtained a copy, stated that fuel would be rationed.",
     "circular", SourceKind.DOCUMENT, "fuel would be rationed"),
    ("A spokesman for the Russian Center for Reconciliation at Hmeimim said that it was routine.",
     "spokesman for the Russian Center for Reconciliation at Hmeimim", SourceKind.ORGANISATION,
     "it was routine"),
])
def test_adverbials_and_appositions(parser: conflictparse.Parser, body: str, source: str,
                                    kind: SourceKind, content: str) -> None:
    """'said in a statement … that', and appositions between source and cue."""
    [claim] = _claims(parser, body)
    assert (claim.source.name, claim.source.kind, claim.content.text) == (source, kind, content)


def test_coordinated_verb_takes_the_sentence_subject(parser: conflictparse.Parser) -> None:
    """'Defence Minister X toured the Golan and warned: “…”' is X's quote."""
    [claim] = _claims(parser, "Defence Minister Avigdor Lieberman toured the Golan on Sunday "
                              "and warned: “We will not accept it.”")
    assert claim.source.name == "Avigdor Lieberman" and claim.direct_quote


def test_credit_without_verb_needs_an_outlet(parser: conflictparse.Parser) -> None:
    """'…, Shaam Network.' credits an outlet; '…, Daraa.' credits nobody."""
    text = "Headline of a translation\n\nTurkish guns shelled Kafr Nabl overnight, Shaam Network."
    [claim] = parser.parse(text, outlet="syrian_observer").claims
    assert (claim.source.name, claim.source.kind, claim.cue) == ("Shaam Network",
                                                                SourceKind.OUTLET, None)
    assert _claims(parser, "Turkish guns shelled villages overnight, Daraa.") == []


@pytest.mark.parametrize("body", [
    "Col Ronen Marley revealed previously classified photographs to the press.",
    "The army confirmed its presence in the town.",
    "It showed what he said was a unit of fighters.",
])
def test_objects_and_relative_clauses_are_not_claims(parser: conflictparse.Parser,
                                                     body: str) -> None:
    """'revealed photographs' has an object, not content; 'what he said was' is no claim."""
    assert _claims(parser, body) == []


def test_time_words_between_cue_and_content(parser: conflictparse.Parser) -> None:
    """'said Sunday night that …' starts the content after the time words."""
    [claim] = _claims(parser, "A Lebanese military spokesman said Sunday night that a drone "
                              "exploded.")
    assert claim.content.text == "a drone exploded"


def test_rank_without_full_stop_and_surname(parser: conflictparse.Parser) -> None:
    """'Col Ronen Marley' is a titled person, and a later 'Col Marley' is the same one."""
    claims = _claims(parser, "Col Ronen Marley showed the photographs. “The villages are "
                             "camps,” said Col Marley.")
    assert [(c.source.name, c.source.kind) for c in claims] == [
        ("Ronen Marley", SourceKind.NAMED_PERSON)]


def test_actor_inside_an_anonymous_phrase(parser: conflictparse.Parser) -> None:
    """'A source from the FSA said' is an anonymous source, not the FSA speaking."""
    [claim] = _claims(parser, "A source from the FSA said that a group infiltrated the lines.")
    assert (claim.source.name, claim.source.kind) == ("source from the FSA", SourceKind.ANONYMOUS)


def test_hedge_in_the_first_clause_of_the_content(parser: conflictparse.Parser) -> None:
    """'… said that six Iranians were reportedly killed' is a hedged claim; a hedge after
    the first clause is not."""
    [hedged] = _claims(parser, "Local sources said that six Iranians were reportedly killed.")
    assert hedged.hedged and hedged.hedge is not None and hedged.hedge.text == "reportedly"
    [plain] = _claims(parser, "Local sources said that six died, and two were reportedly hurt.")
    assert not plain.hedged


def test_an_outlets_correspondent_speaks_for_the_outlet(parser: conflictparse.Parser) -> None:
    """'An All4Syria correspondent … reported that' is the outlet, not an anonymous source."""
    [claim] = _claims(parser, "An All4Syria correspondent in Damascus has reported that the "
                              "checkpoints were doubled.")
    assert claim.source.kind is SourceKind.OUTLET


def test_cited_as_saying_with_quoted_adjectives(parser: conflictparse.Parser) -> None:
    """'DEBKAfile cited "highly credible" US military sources as saying that …'."""
    [claim] = _claims(parser, 'The site cited "highly credible" US military sources as saying '
                              "that the strike had been approved.")
    assert (claim.source.name, claim.source.kind) == ("US military sources",
                                                      SourceKind.ANONYMOUS)
    assert claim.content.text == "the strike had been approved"
