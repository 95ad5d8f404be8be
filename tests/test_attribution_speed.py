"""The claims reader's shortcuts give what the plain patterns they stand for give.

Each shortcut looks at a character or a word before a pattern is tried (or instead of it);
these tests compare it with the plain pattern on random texts built from the characters and
words it looks at (white space of every kind, capitals inside and outside ASCII, the tail
words), at every position.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable

import regex

from conflictparse import _attribution
from conflictparse._attribution import ClaimReader, Grammar
from conflictparse._document import Document

_SPACES = [" ", "  ", "\n", "\t", "\x0b", "\x1c", "\x1f", "\x85", "\xa0", "\u2028", "\u3000"]
_PIECES = [
    ",", ", ", ',"', '" ', ".", ":", ";", "a", "and", "the", "The", "A", "An", "an", "x", "Z",
    "9", "_", "\u0130", "\u212a", "\xc9", "\u1c89", "\u0645", "said", "sources", "Shaam Network",
    *_attribution._TAIL_WORDS, "to", "been", "be", "hasbeen", "alsox",
]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) if rng.random() < 0.6 else rng.choice(_SPACES)
                    for _ in range(rng.randint(0, 14)))
            for _ in range(count)]


_NOT_IN_TAIL = regex.compile(r"[^\sa-z]", regex.REVERSE)
"""The last character no tail word holds, which _tail_bound finds by rstrip."""


def test_tail_start_is_where_the_tail_search_starts() -> None:
    for text in _texts(1, 4000):
        for end in range(len(text) + 1):
            for window_start in {0, end // 2, end}:
                before = _NOT_IN_TAIL.search(text, window_start, end)
                start = before.end() if before else window_start
                assert _attribution._tail_bound(text, window_start, end) == start, (
                    text, window_start, end)
                tail = _attribution._TAIL.search(text, start, end)
                expected = tail.start() if tail else end
                assert _attribution._tail_start(text, start, end) == expected, (text, start, end)


def test_comma_before_is_the_backwards_match() -> None:
    for text in _texts(2, 4000):
        for at in range(len(text) + 1):
            for start in {0, max(0, at - 2), at}:
                expected = _attribution._COMMA_BEFORE.match(text, start, at) is not None
                assert _attribution._comma_before(text, start, at) == expected, (text, start, at)


def test_credit_gate_misses_no_credit() -> None:
    for text in _texts(3, 4000):
        for comma in range(len(text)):
            if text[comma] != ",":
                continue
            for end in range(comma, len(text) + 1):
                if not _attribution._may_credit(text, comma, end):
                    assert _attribution._CREDIT.match(text, comma, end) is None, (text, comma, end)


def test_without_article_is_the_substitution() -> None:
    for text in _texts(4, 4000):
        expected = _attribution._LEADING_ARTICLE.sub("", text.strip())
        assert _attribution._without_article(text) == expected, text


def test_outlet_name_gate_misses_no_name() -> None:
    names = ["Shaam Network", "DEBKAfile", "Zaman al-Wasl", "SANA", "Orient 24", "Al-Watan",
             "Syria TV", "Al-Ba'ath", "X"]
    grammar = Grammar(outlet="test", outlet_names=names[:2], other_outlets=names[2:],
                      phrases=[], cues=[])
    assert grammar._outlet_endings is not None
    rng = random.Random(5)
    pieces = [*_PIECES, *names, "sana", "DEBKAFILE", "Network", "NETWORK", "Orient 2", "WASL",
              "Syria-TV", "Syria\nTv", "BA'ATH", "ath", "4", "x", "-"]
    assert grammar.outlet_name is not None
    for _ in range(3000):
        text = "".join(rng.choice(pieces) if rng.random() < 0.6 else rng.choice(_SPACES)
                       for _ in range(rng.randint(0, 10)))
        lowered = _attribution._lowered(text)
        for end in range(len(text) + 1):
            for start in {0, end // 2}:
                found = grammar.search_outlet_name(text, lowered, start, end)
                expected = grammar.outlet_name.search(text, start, end)
                assert (found and found.span()) == (expected and expected.span()), (
                    text, start, end)


def test_not_speech_is_the_match() -> None:
    pieces = [*_PIECES, "to", "by", "of", "on", "Monday", "that", "To", "ton", "of:", "Damascus"]
    rng = random.Random(6)
    for _ in range(20000):
        after = "".join(rng.choice(pieces) if rng.random() < 0.5 else rng.choice(_SPACES)
                        for _ in range(rng.randint(0, 8)))
        expected = _attribution._NOT_SPEECH.match(after) is not None
        assert _attribution._not_speech(after) == expected, after


def test_pronoun_gates_miss_no_pronoun() -> None:
    pieces = [*_PIECES, "he", "He", "she", "She", "SHE", "the minister", "The envoy",
              "the  premier", "officer", "the Officer", "Ahe", "the\nofficial"]
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) if rng.random() < 0.6 else rng.choice(_SPACES)
                       for _ in range(rng.randint(0, 8)))
        for end in range(len(text) + 1):
            phrase = text[:end]
            if _attribution._PRONOUN.fullmatch(phrase):
                assert phrase.endswith(_attribution._PRONOUN_ENDS), phrase
            if _attribution._PRONOUN.search(text, 0, end):
                assert text.endswith(_attribution._PRONOUN_ENDS, 0, end) or text.endswith(
                    "\n", 0, end), (text, end)


def test_anaphor_is_the_search_opening_with_the() -> None:
    pieces = [*_PIECES, "the", "The", "THE", "tHe", "the same", "The  same", "same", "sources",
              "Sources", "SOURCE", "source", "officials", "eyewitnesses", "witnesses", "other",
              "bathe", "an", "An", "resources", "\u212a"]
    rng = random.Random(8)
    grammar = Grammar(outlet="test", outlet_names=[], other_outlets=[], phrases=[], cues=[])
    for _ in range(3000):
        text = "".join(rng.choice(pieces) if rng.random() < 0.6 else rng.choice(_SPACES)
                       for _ in range(rng.randint(0, 10)))
        reader = ClaimReader(grammar, Document(text), {}, [])
        folded = reader.text
        for end in range(len(folded) + 1):
            for start in {0, end // 3}:
                match = _attribution._ANAPHOR.search(folded, start, end)
                if match is not None and not _attribution._THE_SAME.match(match[0]):
                    match = None
                found = reader._anaphor(start, end)
                assert (found and found.span()) == (match and match.span()), (folded, start, end)


def test_name_gate_misses_no_name() -> None:
    pieces = [*_PIECES, "Salim", "Idriss", "al-Assad", "Abu Fakher", "Ahmad", "X", "xY",
              "\xc9lena", "\xe9", "\u1c89a", "Bin", "-", "The", "ab", "Z9"]
    rng = random.Random(9)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) if rng.random() < 0.7 else rng.choice(_SPACES)
                       for _ in range(rng.randint(0, 8)))
        for end in range(len(text) + 1):
            for start in {0, end // 2, end}:
                if not _attribution._may_end_in_name(text, start, end):
                    assert _attribution._NAME_GUESS.search(text, start, end) is None, (
                        text, start, end)


def test_white_space_is_what_isspace_holds() -> None:
    spaces = {chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()}
    assert spaces == set(_attribution._WHITE_SPACE)
    assert all(regex.match(r"\s", char) is None or char in spaces
               for char in map(chr, range(sys.maxunicode + 1)))
    assert {char for char in spaces if regex.match(r"\s", char)} == set(
        _attribution._REGEX_WHITE_SPACE)


def test_finite_verb_gate_and_which_or_that_are_the_matches() -> None:
    pieces = [*_PIECES, "which", "that", "Which", "whichsaid", "was", "wasn't", "is", "isle",
              "should", "might", "were", "has", "have", "had"]
    rng = random.Random(9)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) if rng.random() < 0.5 else rng.choice(_SPACES)
                       for _ in range(rng.randint(0, 8)))
        expected = _attribution._FINITE_VERB.match(text) is not None
        assert (text.startswith(_attribution._FINITE_VERBS)
                and _attribution._FINITE_VERB.match(text) is not None) == expected, text
        for at in range(len(text) + 1):
            for start in {0, at // 2}:
                expected = _attribution._WHICH_OR_THAT.match(text, start, at) is not None
                assert _attribution._after_which_or_that(text, start, at) == expected, (
                    text, start, at)


def _assert_gate_keeps_every_fullmatch(gate: Callable[[str], bool], pattern: regex.Pattern[str],
                                       pieces: list[str], *, piece_share: float,
                                       most_pieces: int, seed: int) -> None:
    """Where ``gate`` shuts, ``pattern`` fullmatches none of 30,000 random stretches after a
    cue made of ``pieces`` (a share ``piece_share`` of them) and white space."""
    rng = random.Random(seed)
    for _ in range(30000):
        after = "".join(rng.choice(pieces) if rng.random() < piece_share else rng.choice(_SPACES)
                        for _ in range(rng.randint(0, most_pieces)))
        if not gate(after):
            assert pattern.fullmatch(after) is None, after


def test_trailing_gate_misses_no_trailing_cue() -> None:
    pieces = [*_PIECES, *_attribution._TRAILING_ADVERBS, ".", '"', ' ."', "Today", "nowhere"]
    _assert_gate_keeps_every_fullmatch(_attribution._may_trail, _attribution._TRAILING_END,
                                       pieces, piece_share=0.4, most_pieces=6, seed=10)


def test_trailing_addressee_gate_misses_no_addressee() -> None:
    pieces = [*_PIECES, "that", "thats", "Reuters", "reporters", ";", ":", '"', ".", "  ."]
    _assert_gate_keeps_every_fullmatch(_attribution._may_trail_addressee,
                                       _attribution._TRAILING_ADDRESSEE, pieces,
                                       piece_share=0.5, most_pieces=8, seed=11)


def test_inside_phrase_is_the_search() -> None:
    pieces = [*_PIECES, *_attribution._INSIDE_ENDS, "x-from", "Of", "the FSA", "within"]
    rng = random.Random(12)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) if rng.random() < 0.6 else rng.choice(_SPACES)
                       for _ in range(rng.randint(0, 8)))
        for end in range(len(text) + 1):
            for start in {0, end // 2}:
                expected = _attribution._INSIDE_PHRASE.search(text, start, end) is not None
                assert _attribution._inside_phrase(text, start, end) == expected, (
                    text, start, end)

