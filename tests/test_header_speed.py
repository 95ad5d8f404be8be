"""LineStarts, the first-character gate of line patterns (boilerplate lines, datelines): it
must never turn away a line where one of its patterns matches."""

from __future__ import annotations

import random

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import conflictparse
from conflictparse._prefilters import LineStarts, any_of

_ODD = [r"\bab", r"\Bxy", r"(?i)^kasim\b", r"(?P<n>[^\n]{2,5}), ?DEBKA", r".+\s•", r"\d{1,3}$",
        r"(?i)tags?:.*", r"(?:a|)b", r"(?i:ab|cd)e", r"x*", r"(?m)^ab", r"\mab\M", r"(?x) a b",
        r"[A-Z][a-z]{2}\.?\s+\d", r"(?i)stra(?:ss|ß)e", r"ab(?=c)", r"a{e<=1}bc"]
_ALPHABET = "abckxyzABKS \n.,•-:/0123\u212a\u017f\u0130ßé"


def _ranges(text: str, rng: random.Random) -> list[tuple[int, int]]:
    """The lines of ``text`` and some random stretches of it."""
    ranges = []
    start = 0
    for line in text.split("\n"):
        ranges.append((start, start + len(line)))
        start += len(line) + 1
    for _ in range(4):
        a, b = sorted((rng.randrange(len(text) + 1), rng.randrange(len(text) + 1)))
        ranges.append((a, b))
    return ranges


def _check(gate: LineStarts, pattern: regex.Pattern[str], text: str,
           rng: random.Random) -> None:
    for start, end in _ranges(text, rng):
        if not gate.admit(text, start, end):
            assert pattern.match(text, start, end) is None, (text[start:end], start, end)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_ODD), min_size=1, max_size=4, unique=True),
       st.text(alphabet=_ALPHABET, max_size=40), st.randoms(use_true_random=False))
def test_the_gate_admits_every_match_of_odd_patterns(patterns: list[str], text: str,
                                                     rng: random.Random) -> None:
    gate, any_pattern = LineStarts.of(patterns), any_of(patterns)
    if gate is None or any_pattern is None:
        return
    # the text's pieces again, so that patterns find matches
    text = text + "\n" + "".join(rng.choice(("ab", "kasim", "KASIM", "DEBKA", "12", " •",
                                             "Tags:", "cde", "Jan. 5", "axy", "xy")) for _ in range(4))
    _check(gate, any_pattern, text, rng)


def test_a_line_must_hold_the_literals_of_the_patterns_its_prefix_opens() -> None:
    """'Several' opens only the first pattern (a line holding ' •'), so without '•' it is
    turned away, though 'S' also opens the second, which needs no literal ('Sh…')."""
    gate = LineStarts.of([r".+\s•", r"[Ss][Hh]\w*"])
    assert gate is not None
    text = "Several hundred fighters\nSeveral • items\nShared"
    lines = [(0, 24), (25, 40), (41, 47)]
    assert [gate.admit(text, a, b) for a, b in lines] == [False, True, True]


def test_a_line_opening_with_a_letter_beyond_ascii_opens_only_the_patterns_it_may() -> None:
    """An Arabic letter opens '.+\\s•' only (asked when first met), so a line opening with
    it must hold '•'; the Arabic pattern's own letter opens it."""
    gate = LineStarts.of([r"DEBKA\S*", r".+\s•", r"موقع\s*دبيكا"])
    assert gate is not None
    text = "حزب الله\nحزب •\nموقع دبيكا\nDEBKAfile"
    lines = [(0, 8), (9, 14), (15, 25), (26, 35)]
    assert [gate.admit(text, a, b) for a, b in lines] == [False, True, True, True]
    assert gate.admit(text, 0, 8) is False  # remembered


def test_syntax_reaching_further_back_gives_no_gate() -> None:
    for pattern in (r"(?<=a)b", r"(?<!a)b", r"\Gab", r"(?r)ab", r"(?f)(?i)ss", r"\yab"):
        assert LineStarts.of(["abc", pattern]) is None, pattern
    assert LineStarts.of([r"(?P<n>a)\1"]) is None


def test_the_gates_of_the_packaged_profiles_admit_every_match() -> None:
    """Each outlet's boilerplate line and dateline gates, on lines of its fixtures mutated
    (cut, case changed, characters dropped and added) and stuck together."""
    rng = random.Random(5)
    parser = conflictparse.Parser()
    parser.preload()
    plugin = parser._profile_plugin
    from pathlib import Path
    root = Path(__file__).parent
    lines = [line for path in sorted(root.glob("fixtures/seeds/*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines()[:30] if line.strip()]
    checked = 0
    for profile in parser.outlets.values():
        for variant in (None, *profile.variants):
            compiled = plugin.compiled(profile, variant)
            gates = [(compiled.line_starts, compiled.any_line),
                     (compiled.header.dateline_starts, compiled.header.any_dateline)]
            for gate, pattern in gates:
                assert gate is not None and pattern is not None
                for _ in range(300):
                    picked = [_mutated(rng.choice(lines), rng) for _ in range(3)]
                    text = "\n".join(picked)
                    _check(gate, pattern, text, rng)
                    checked += sum(pattern.match(text, a, b) is not None
                                   for a, b in _ranges(text, rng))
    assert checked > 100  # the texts do hold matches


def _mutated(line: str, rng: random.Random) -> str:
    choice = rng.randrange(6)
    if choice == 0:
        return line[rng.randrange(len(line) + 1):]
    if choice == 1:
        return line.swapcase()
    if choice == 2 and line:
        cut = rng.randrange(len(line))
        return line[:cut] + line[cut + 1:]
    if choice == 3:
        cut = rng.randrange(len(line) + 1)
        return line[:cut] + rng.choice(_ALPHABET) + line[cut:]
    return line


def test_credit_candidates_find_what_finditer_finds() -> None:
    """_credits (the credit pattern tried only where its starts and gate allow) against the
    pattern's own finditer, on texts of credit forms, outlet names and near misses."""
    from conflictparse._provenance import _credits

    parser = conflictparse.Parser()
    rng = random.Random(11)
    found = 0
    for profile in parser.outlets.values():
        patterns = parser._profile_plugin.compiled(profile, None).provenance
        if patterns.credit_gate is None:
            continue
        assert patterns.credit is not None
        names = [name.strip() for entry in profile.translated_outlets
                 for name in entry.split("|")]
        pieces = ["told ", "to ", "for the ", "reports ", "according to ", "via ", "quoted by ",
                  "cited  by ", ", ", ",\n", "an ", "The ", "a ", " said", " correspondent",
                  "'s local reporter", " wrote", " source", ".", "\n", " ", "-", "Al ",
                  "local ", "sources ", "x", "tomorrow ", "forces, ", "Al-Assad "]
        for _ in range(3000):
            text = "".join(rng.choice(pieces) if rng.random() < 0.6 else
                           _mutated(rng.choice(names), rng) for _ in range(rng.randrange(1, 14)))
            start = rng.randrange(len(text) + 1)
            for a, b in ((0, len(text)), (start, len(text)), (0, start)):
                expected = [(m.span(), m.lastgroup, m.span(m.lastgroup or 0))
                            for m in patterns.credit.finditer(text, a, b)]
                assert [(m.span(), m.lastgroup, m.span(m.lastgroup or 0))
                        for m in _credits(patterns, text, a, b)] == expected, text
                found += len(expected)
    assert found > 300


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab Z9 ,.-'\n\u0661\u0627é\u0301ß\u2160_\u00b2"),
               max_size=80)
       | st.lists(st.tuples(st.sampled_from(["w", "Ab", "9", "\u0627"]),  # 0-40 words
                            st.sampled_from([" ", " - ", ", ", "_", "\u0301"])),
                  max_size=40).map(lambda pairs: "".join(w + s for w, s in pairs))
       | st.lists(st.tuples(st.sampled_from(["w", "Ab", "9"]),  # ASCII, 25-40 words
                            st.sampled_from([" ", " - ", ", ", "_"])),
                  min_size=25, max_size=40).map(lambda pairs: "".join(w + s for w, s in pairs)))
def test_the_word_count_of_a_headline_is_that_of_its_words(line: str) -> None:
    """The one fullmatch that tells a line of 2 to 30 words counts _WORD's matches (on the
    line, and on its ASCII characters alone, where the stdlib's twin answers)."""
    from conflictparse._header import _TWO_TO_THIRTY_WORDS, _WORD, _two_to_thirty_words

    words = len(_WORD.findall(line))
    assert (_TWO_TO_THIRTY_WORDS.fullmatch(line) is not None) == (2 <= words <= 30), words
    assert _two_to_thirty_words(line) == (2 <= words <= 30), words
    ascii_only = "".join(char for char in line if char.isascii())
    words = len(_WORD.findall(ascii_only))
    assert _two_to_thirty_words(ascii_only) == (2 <= words <= 30), (ascii_only, words)


_HEADLINE_WORDS = st.lists(st.sampled_from(["Iran", "IRAN", "straße", "STRASSE", "Golan",
                                            "5km", "al", "Σ", "ﬁre", "İdlib", "حزب", "الله"]),
                           min_size=1, max_size=6)
_SEPARATORS = st.sampled_from([" ", " - ", ", ", "’", ": ", "  "])


@settings(max_examples=1500, deadline=None)
@given(_HEADLINE_WORDS, st.lists(_SEPARATORS, min_size=6, max_size=6),
       st.sampled_from(["", "DEBKAfile: ", "x ", "موقع دبيكا/"]),
       st.sampled_from(["", " - The Syrian Observer", " حزب", "."]), st.booleans())
def test_a_line_holding_the_headline_may_repeat_it(words: list[str], separators: list[str],
                                                   before: str, after: str,
                                                   arabic: bool) -> None:
    """_may_repeat never rules out a line a stretch of which has the headline's words (the
    comparison read_header makes after stripping prefixes and suffixes), in any case."""
    from conflictparse._header import _may_repeat, _same

    headline = " ".join(words)
    body = "".join(w.swapcase() + s for w, s in zip(words, separators, strict=False)).strip()
    if not _same(body, headline):
        return
    line = before + body + after
    english, translation = ("", headline) if arabic else (headline, "")
    assert _may_repeat(line, english, translation)
