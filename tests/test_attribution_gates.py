"""The shortcuts of the attribution reader give the matches the plain searches give.

The reader skips a search where a cheap look for the words its matches need finds none, and
tries some patterns only where a cue word starts. These tests compare each shortcut with the
search it stands for, on random texts built from the very words involved.
"""

from __future__ import annotations

import random
import sys

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import conflictparse
from conflictparse import _attribution, _document
from conflictparse._attribution import ClaimReader, Grammar
from conflictparse._document import Document

_OFTEN = [
    "said", "Said", "told", "reported", "reportedly", "REPORTEDLY", "ReportEdly", "says",
    "say", "essay", "pointed", "pointed out", "pointed\n out", "has learned", "sources",
    "Sources", "SOURCE", "source", "ministry", "Ministry", "statement", "report", "which",
    "that", "he", "He", "DEBKAfile", "debkafile's", "Our", "correspondent", "Enab Baladi",
    "allegedly", "said to be", "Said To Have", "ſaid to be", "İs believed to", "K", "ß",
    "and", "the", "The", "a", "in", '"', ",", ", ", ":", ";", ".", "-", "'s", "\n", "  ",
    "unconfirmed", "communiqué", "TV", "tv", "newspaper", "video", "Video", "we", "We",
]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(_OFTEN) for _ in range(rng.randint(1, 40)))
            for _ in range(count)]


def _grammar() -> Grammar:
    return Grammar(outlet="test", outlet_names=["Test Net"], other_outlets=["Enab Baladi"],
                   phrases=[], cues=["pointed out", "fill in"])


_GRAMMAR = _grammar()


def _reader(grammar: Grammar, text: str) -> ClaimReader:
    return ClaimReader(grammar, Document(text), {}, [])


def _ranges(rng: random.Random, text: str) -> list[tuple[int, int]]:
    ranges = [(0, len(text))]
    for _ in range(4):
        start, end = sorted((rng.randint(0, len(text)), rng.randint(0, len(text))))
        ranges.append((start, end))
    return ranges


def test_case_odd_holds_every_character_that_case_folds_to_ascii() -> None:
    """A text without these characters matches a caseless ASCII word only where its lower
    case holds the word as written."""
    letter = regex.compile(r"(?i)[a-z]")
    for code in range(0x80, sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        lower = char.lower()
        if letter.match(char) or len(lower) != 1 or lower.isascii() or char.upper().isascii():
            assert char in _attribution._CASE_ODD, hex(code)


def test_cue_matches_are_those_of_finditer() -> None:
    grammar = _grammar()
    rng = random.Random(1)
    for text in _texts(1, 3000):
        reader = _reader(grammar, text)
        folded = reader.text
        for start, end in _ranges(rng, folded):
            starts = grammar.cue_starts(folded, start, end)
            for pattern in (grammar.cue, grammar.quote_before):
                expected = [m.span() for m in pattern.finditer(folded, start, end)]
                found = [m.span() for m in reader._matches_from(pattern, start, end, starts)]
                assert found == expected, (folded, start, end)


def test_reader_cue_starts_hold_every_cue_word() -> None:
    """The reader's cue starts in a stretch (found with the hedges in the lower-cased text,
    where a whole cue starts a word, or else in the stretch) hold the start of every cue the
    rules given them match, and the cue rule tried from them matches as finditer does."""
    grammar = _grammar()
    rng = random.Random(4)
    for text in _texts(4, 3000):
        _check_cue_starts(grammar, text, rng)


def _pieces(*choices: list[str]) -> st.SearchStrategy[str]:
    return st.tuples(*(st.sampled_from(c) for c in choices)).map("".join)


_SOURCES = ["", "sources", "Test Net", "He", "he", "The same sources", "Our sources",
            "Salim Idriss", "Enab Baladi", "a statement", "Gen. Salim Idriss, a commander,",
            '"We will win,"']
_CUE_WORDS = ["said", "says", "told", "reported", "affirmed", "stated", "added", "noted",
              "pointed out", "has learned", "saying", "which said", "claims", "writes", "quoted",
              "reportedly said"]
_CONTENTS = ["We will win", "the attack failed", "it", "X", "Salim Idriss"]
_ATTRIBUTIONS = st.lists(st.one_of(
    _pieces(_SOURCES,
            # What may stand before the cue: white space, or letters, digits, '_' it then ends.
            ["", " ", "  ", "\n", "\xa0", "_", "9", "x", "re", "ess", "\xe9", '"', "-", ", "],
            _CUE_WORDS,
            ["", " ", ": ", ': "', ', "', " that ", ", ", ",", " to have been ", " Reuters that "],
            ["", *_CONTENTS],
            ["", '"', '."', ". ", ", ", ".", ": ", " "]),
    # A quotation introduced by a cue that ends the source's last word ('Netsaid: "…"').
    _pieces(_SOURCES, _CUE_WORDS, [': "', ', "', ","], _CONTENTS, ['"', '."']),
    st.sampled_from(_OFTEN),
), min_size=1, max_size=6).map("".join)
"""Texts of attributions whose cue may end a longer word ('Netsaid: "…"', 'reaffirmed')."""


@settings(max_examples=500, deadline=None)
@given(_ATTRIBUTIONS, st.randoms(use_true_random=False))
def test_reader_cue_starts_hold_every_cue_word_inside_words(
        text: str, rng: random.Random) -> None:
    _check_cue_starts(_GRAMMAR, text, rng)


@settings(max_examples=500, deadline=None)
@given(_ATTRIBUTIONS, st.randoms(use_true_random=False))
def test_reader_reads_as_with_cues_looked_for_everywhere(text: str, rng: random.Random) -> None:
    """The reader reads the claims a reader without cue starts reads (every rule tried in
    every sentence, by its plain pattern), in the whole text and in stretches of it that
    may end inside a word."""
    reader = _reader(_GRAMMAR, text)
    plain = _reader(_GRAMMAR, text)
    plain._cue_starts = None
    folded = reader.text
    sentences = [sentence for start, end in sorted(_ranges(rng, folded))
                 for sentence in _document.sentences(folded, start, end)]
    assert reader.read(sentences) == plain.read(sentences), (text, sentences)


def _check_cue_starts(grammar: Grammar, text: str, rng: random.Random) -> None:
    reader = _reader(grammar, text)
    folded = reader.text
    found = reader._cue_starts
    assert found is not None
    assert found == sorted(set(found)), folded
    # Each rule given the cue starts, with the group that holds its cue, or (the document
    # rule) the word of it that is looked for.
    rules = [(grammar.quote_after, "cue"), (grammar.quote_after, "cue2"),
             (grammar.inverted, "cue"), (grammar.parenthetical, "cue")]
    for start, end in _ranges(rng, folded):
        starts = reader._cue_starts_in(start, end)
        assert starts is not None
        spans = [m.span() for m in grammar.cue.finditer(folded, start, end)]
        assert [m.span() for m in reader._matches_from(grammar.cue, start, end, starts)] \
            == spans, (folded, start, end)
        for pattern, group in rules:
            for match in pattern.finditer(folded, start, end):
                if match[group] is not None:
                    assert match.start(group) in starts, (folded, start, end, group)
        for match in grammar.document_rule.finditer(folded, start, end):
            verb = match["cue"].split()[-1]
            assert match.end("cue") - len(verb) in starts, (folded, start, end)
            assert _attribution._has_document_verb(folded, start, end, starts)


def test_hedge_gate_misses_no_hedge() -> None:
    grammar = _grammar()
    rng = random.Random(2)
    for text in _texts(2, 3000):
        _check_hedges(grammar, text, rng)


@settings(max_examples=500, deadline=None)
@given(_ATTRIBUTIONS, st.randoms(use_true_random=False))
def test_hedge_gate_misses_no_hedge_inside_words(text: str, rng: random.Random) -> None:
    """As above, in texts where words run into each other ('reportedlysaid' searched up to
    its 's': ``\\b`` matches at the end of what is searched)."""
    _check_hedges(_GRAMMAR, text, rng)


def _check_hedges(grammar: Grammar, text: str, rng: random.Random) -> None:
    reader = _reader(grammar, text)
    ranges = _ranges(rng, reader.text)
    # Stretches ending where a hedge does.
    ranges += [(0, m.end()) for m in regex.finditer("(?i)reportedly|allegedly|said to be",
                                                     reader.text)]
    for start, end in ranges:
        expected = _attribution._HEDGE.search(reader.text, start, end)
        found = reader._search_hedge(start, end)
        assert (found and found.span()) == (expected and expected.span()), (text, start, end)


def test_noun_gates_miss_no_phrase() -> None:
    grammar = _grammar()
    rng = random.Random(3)
    gates = [(_attribution._ANONYMOUS_END, _attribution._SOURCE_NOUN_WORDS),
             (_attribution._DOCUMENT_END, _attribution._DOCUMENT_WORDS),
             (_attribution._ORGANISATION, _attribution._ORGANISATION_WORDS)]
    for text in _texts(3, 3000):
        reader = _reader(grammar, text)
        if reader._lowered is None:
            continue
        for start, end in _ranges(rng, reader.text):
            for pattern, words in gates:
                if not _attribution._occurs(words, reader._lowered, start, end):
                    assert pattern.search(reader.text, start, end) is None, (text, start, end)


def test_phrase_words_are_in_every_match(parser: conflictparse.Parser) -> None:
    """The words read from a profile's phrase are in every match of it (property escapes
    included), so a window without them is rightly not searched."""
    rng = random.Random(4)
    for outlet in ("debkafile", "syrian_observer"):
        grammar = parser._grammar(outlet, [])
        assert any(words is not None for words, _ in grammar.phrase_words)
        for text in _texts(4, 3000):
            reader = _reader(grammar, text)
            for start, end in _ranges(rng, reader.text):
                possible = grammar.possible_phrases(reader.text, reader._lowered, start, end)
                for index, ((_, pattern), (words, caseless)) in enumerate(zip(
                        grammar.phrase_patterns, grammar.phrase_words, strict=True)):
                    if words is None or (caseless and reader._lowered is None):
                        assert possible >> index & 1
                        continue
                    haystack = reader._lowered if caseless else reader.text
                    assert haystack is not None
                    holds = next(words.iter(haystack, start, end), None) is not None
                    assert bool(possible >> index & 1) == holds  # one pass, as one per phrase
                    if not holds:
                        assert pattern.search(reader.text, start, end) is None


def test_property_escapes_read_as_one_character() -> None:
    words, caseless = _attribution._required_words(
        r"(?:\p{Lu}[\p{L}-]+\s+)?(?:Enab|Zaman)\s+(?:reporter|correspondent)s?\\p")
    assert words is not None and not caseless
    assert {word for word, _ in words.items()} in ({"reporter", "correspondent"},
                                                   {"Enab", "Zaman"})
    assert _attribution._required_words(r"\N{DASH}x")[0] is None


def test_document_verbs_found_from_the_word_pass_as_by_search() -> None:
    grammar = _grammar()
    rng = random.Random(5)
    words = ["said", "which", "that", "saying", "stating", "x", " ", "  ", "\n", "claiming",
             "unsaid", "whichsaid", "asserting"]
    for _ in range(5000):
        text = "".join(rng.choice(words) + rng.choice(["", " "]) for _ in range(rng.randint(1, 12)))
        for start, end in _ranges(rng, text):
            assert _attribution._has_document_verb(text, start, end, None) == (
                _attribution._has_document_verb(text, start, end,
                                                grammar.cue_starts(text, start, end)))


def test_end_anchored_search_finds_what_the_pattern_finds() -> None:
    """An end-anchored phrase searched from its heads (anywhere, or where the lower-cased
    text holds one of its nouns) is the pattern's own first match."""
    rng = random.Random(6)
    extra = ["close to", "in", "of", "for", "issued by", "signed by", "Damascus", "Defense",
             "Russian", "pro-regime", "same", "An", "its", "local", "X.", "(", "\t", "  \n"]
    for text in _texts(6, 3000):
        words = text.split(" ")
        text = " ".join(w if rng.random() < 0.7 else rng.choice(extra) for w in words)
        for start, end in _ranges(rng, text):
            for anchored in (_attribution._ANAPHOR, _attribution._ANONYMOUS_END,
                             _attribution._ORGANISATION, _attribution._DOCUMENT_END):
                found = anchored.search(text, start, end)
                expected = anchored.pattern.search(text, start, end)
                assert (found and found.span()) == (expected and expected.span()), (
                    text, start, end, anchored.pattern.pattern[:40])
            lowered = _attribution._lowered(text)
            if lowered is None:
                continue
            for anchored, words in ((_attribution._ANONYMOUS_END, _attribution._SOURCE_NOUN_WORDS),
                                    (_attribution._ORGANISATION, _attribution._ORGANISATION_WORDS),
                                    (_attribution._DOCUMENT_END, _attribution._DOCUMENT_WORDS)):
                heads = _attribution._starts(words, lowered, start, end)
                found = anchored.search(text, start, end, heads) if heads else None
                expected = anchored.pattern.search(text, start, end)
                assert (found and found.span()) == (expected and expected.span()), (
                    text, start, end, anchored.pattern.pattern[:40])


def test_possible_phrases_mixes_cased_caseless_and_ungated_phrases() -> None:
    """Each phrase's bit is set exactly when its own gate lets it be searched."""
    from conflictparse._outlets import AttributionPhrase
    from conflictparse._types import SourceKind

    phrases = [AttributionPhrase(pattern=p, kind=SourceKind.ANONYMOUS) for p in (
        r"(?i)our\s+sources", r"Test\s+Net\s+reporters?", r"\w+", r"(?i)(?:sources|video)")]
    grammar = Grammar(outlet="test", outlet_names=["Test Net"], other_outlets=[],
                      phrases=phrases, cues=[])
    rng = random.Random(7)
    for text in _texts(7, 2000):
        reader = _reader(grammar, text)
        for start, end in _ranges(rng, reader.text):
            possible = grammar.possible_phrases(reader.text, reader._lowered, start, end)
            for index, (words, caseless) in enumerate(grammar.phrase_words):
                if words is None or (caseless and reader._lowered is None):
                    expected = True
                else:
                    haystack = reader._lowered if caseless else reader.text
                    assert haystack is not None
                    expected = next(words.iter(haystack, start, end), None) is not None
                assert bool(possible >> index & 1) == expected, (text, start, end, index)
