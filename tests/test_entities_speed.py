"""The entity stage's shortcuts give what the plain code gives."""

from __future__ import annotations

import attrs
import pytest

import conflictparse
from conflictparse import _entities, _prefilters
from conflictparse._document import Document
from conflictparse._types import Actor, Mention, Span


def _entities_example(**changes: object) -> _entities.Entities:
    actor = Actor(id="RUS", name="Russia", kind="state")
    mention = Mention(entity_id="RUS", span=Span(start=0, end=6, text="Russia"), rule="registry")
    fields: dict[str, object] = {"actors": (actor,), "actor_mentions": (mention,),
                                 "locations": (), "location_mentions": (),
                                 "actor_hits": ((0, 6, "RUS"),)}
    fields.update(changes)
    return _entities.Entities(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("without", [None, "actor_hits"])
def test_new_entities_builds_what_attrs_builds(without: str | None) -> None:
    expected = _entities_example()
    fields = attrs.asdict(expected, recurse=False)
    if without is not None:  # its default
        del fields[without]
        expected = attrs.evolve(expected, **{without: ()})
    built = _entities._new_entities(**fields)
    assert built == expected
    assert type(built) is _entities.Entities
    assert attrs.asdict(built, recurse=False) == attrs.asdict(expected, recurse=False)
    with pytest.raises(TypeError):
        _entities._new_entities(actors=())  # required fields stay required


def _with_speakers_plain(entities: _entities.Entities, claims: tuple[conflictparse.Claim, ...]
                         ) -> tuple[_entities.Entities, tuple[conflictparse.Claim, ...]]:
    """with_speakers as it was, without the shortcut for reports without a new speaker."""
    actors = {a.id: a for a in entities.actors}
    mentions = list(entities.actor_mentions)
    linked = []
    for claim in claims:
        source = claim.source
        if _entities._unlinked_speaker(claim):
            actor_id = "person:" + "_".join(_entities.name_keys(source.name,
                                                                loose_articles=False))
            actors.setdefault(actor_id, Actor(id=actor_id, name=source.name, kind="person"))
            mentions.append(Mention(entity_id=actor_id, span=source.span, rule="speaker"))
            claim = attrs.evolve(claim, source=attrs.evolve(source, actor_id=actor_id))
        linked.append(claim)
    entities = attrs.evolve(entities, actors=tuple(actors.values()),
                            actor_mentions=tuple(sorted(mentions,
                                                        key=lambda m: m.span.start)))
    return entities, tuple(linked)


def test_with_speakers_and_dropping_outlet_names_give_what_the_plain_code_gives(
        parser: conflictparse.Parser, monkeypatch: pytest.MonkeyPatch) -> None:
    """Over generated reports (some with new speakers, most without; most naming their
    outlet): with_speakers, and find's actors called by the outlet's names left out."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import corpus

    from conflictparse import _parser

    seen: list[tuple[object, ...]] = []
    dropped_seen: list[bool] = []

    def spy(entities: _entities.Entities, claims: tuple[conflictparse.Claim, ...]
            ) -> tuple[_entities.Entities, tuple[conflictparse.Claim, ...]]:
        found = _entities.with_speakers(entities, claims)
        assert found == _with_speakers_plain(entities, claims)
        seen.append((any(map(_entities._unlinked_speaker, claims)),))
        return found

    find = parser._finder.find

    def find_spy(document: Document, regions: list[tuple[int, int]],
                 without: object = ()) -> _entities.Entities:
        names = tuple(without)  # type: ignore[call-overload]
        found = find(document, regions, without=names)
        everything = find(document, regions)  # then the plain way to leave them out:
        keys = {_entities.name_keys(n, loose_articles=False) for n in names}
        dropped = {a.id for a in everything.actors
                   if not keys.isdisjoint(_entities.name_keys(n, loose_articles=False)
                                          for n in (a.name, *a.aliases))}
        expected = attrs.evolve(
            everything,
            actors=tuple(a for a in everything.actors if a.id not in dropped),
            actor_mentions=tuple(m for m in everything.actor_mentions
                                 if m.entity_id not in dropped),
            actor_hits=tuple(h for h in everything.actor_hits if h[2] not in dropped))
        assert found == expected
        dropped_seen.append(bool(dropped))
        return found

    monkeypatch.setattr(_parser, "with_speakers", spy)
    monkeypatch.setattr(parser._finder, "find", find_spy)
    for text in corpus.reports(300):
        parser.parse(text)
    assert any(flag for flag, in seen) and not all(flag for flag, in seen)
    assert any(dropped_seen) and not all(dropped_seen)


def test_literal_prefixes_are_the_shortest_of_their_kind() -> None:
    """No prefix returned starts with another, and every match of the anchors starts with
    one (the set the pairwise filter gave)."""
    for scan in (_entities._TITLED_SCAN, _entities._TOPONYM_SCAN, _entities._SUFFIXED_SCAN):
        anchors = scan.anchors
        assert anchors is not None
        prefixes = anchors._search._members[anchors._member]
        assert prefixes == sorted(s for s in prefixes
                                  if not any(s != t and s.startswith(t) for t in prefixes))
    assert _prefilters.literal_prefixes("ab(?:c|cd|x)y", length=4) == ["abcd", "abcy", "abxy"]
    assert _prefilters.literal_prefixes("(?:a|ab|abc)d", length=3) == ["abc", "abd", "ad"]
    assert _prefilters.literal_prefixes("(?:Col|Colonel|C)\\.", length=10) == ["C.", "Col.",
                                                                          "Colonel."]


def test_one_word_reads_what_words_reads(parser: conflictparse.Parser) -> None:
    """An affix of letters only is read as :meth:`_Run.words` reads it, or left to it."""
    import random

    from conflictparse._document import Document

    rnd = random.Random(3)
    pieces = ["Russian", "Israeli", "U.S.", "Al", "al", "El", "As", "Syria", "Iran", "X",
              "Gen.Ali", "Çay", "Ünal", "Hezbollah", "US", "UN", "Deir", "Moscow", "s", "A.B"]
    read = 0
    for _ in range(2000):
        word = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 2)))
        before = rnd.choice(("", "the ", "al-", "x"))
        text = f"{before}{word} Foreign Minister"
        run = _entities._Run(parser.registry, Document(text))
        start = len(before)
        one = run._one_word(word, start)
        if one is None:
            continue
        read += 1
        assert one == run.words([(start, start + len(word))]), word
    assert read > 500


def test_the_ascii_walk_to_a_capitalised_affix_is_the_character_walk() -> None:
    """Words opening with one capital ("Russian"), or with more ("McDonald", "U.S."), before
    the anchor: the candidates are the character walk's."""
    import random

    rnd = random.Random(17)
    words = ["Russian", "McDonald", "U.S.", "A", "Ab", "ab", "aB", "O'Neil", "x.", "'", "."]
    scan = _entities._TITLED_SCAN
    for _ in range(20000):
        text = "".join(rnd.choice(words) + rnd.choice(("", " ", "  ", "\t", ", "))
                       for _ in range(rnd.randint(1, 4))) + "Minister"
        at = len(text) - len("Minister")
        pos = rnd.randrange(at + 1)
        assert list(scan._tries(text, pos, at, True)) == list(scan._tries(text, pos, at, False)
                                                              ), (text, pos)
