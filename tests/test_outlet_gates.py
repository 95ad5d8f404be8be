"""The literal gates of profile patterns: a pattern is searched only in texts holding one
literal of each of its required sets, which must never skip a text where it matches."""

from __future__ import annotations

import random

import pytest
import regex

import conflictparse
from conflictparse._default_plugins.profiles import _gate, _gates, _Literals
from conflictparse._prefilters import alternatives, holds_one, required_literals


@pytest.mark.parametrize(("pattern", "expected"), [
    ("Logo Wide", ((frozenset({"Logo Wide"}),), False)),
    (r"(?i)Source:\s*Debka", ((frozenset({"Source:"}), frozenset({"Debka"})), True)),
    (r"DEBKA-?file", ((frozenset({"DEBKA"}), frozenset({"file"})), False)),
    (r"\(click\)", ((frozenset({"(click)"}),), False)),
    (r"(?:abc|abd)xy", ((frozenset({"abc", "abd"}), frozenset({"xy"})), False)),
    (r"(?:DEBKA|DEBKAfile)\s", ((frozenset({"DEBKA"}),), False)),  # the longer holds it
    (r"(?:abc)?de", ((frozenset({"de"}),), False)),
    (r"ab{2}c", ((frozenset({"c"}), frozenset({"a"})), False)),
    (r"(?<=xyz)ab", ((frozenset({"ab"}),), False)),  # lookarounds give nothing
])
def test_required_literals(pattern: str, expected: object) -> None:
    assert required_literals(pattern) == expected


@pytest.mark.parametrize("pattern", [
    r"a|", r"(?:a|)b?", r"\p{L}+", r"\x41bc", r"\1abc", r"(?P<n>ab)", r"ab(?i)c", r"(?x)a b",
    r"[[:alpha:]]ab", r"\Qab\E", r"(?iu)ab", r"\N{DASH}", r"(?(1)a|b)", r"(?i)مرحبا",
])
def test_syntax_it_does_not_read_gives_no_gate(pattern: str) -> None:
    assert required_literals(pattern) is None


def test_caseless_gates_open_where_regex_folds_a_non_ascii_letter() -> None:
    gate = _gate(r"(?i)kasim")
    assert gate is not None
    for text in ("KASIM", "\u212aasim", "ka\u017fim", "kas\u0130m"):
        assert regex.search(r"(?i)kasim", text)
        assert _Literals(text).admit(gate), text
    assert not _Literals("kassim").admit(gate)


def test_a_gate_never_skips_a_text_where_the_pattern_matches() -> None:
    """Every marker, variant and boilerplate pattern of the packaged profiles (and some odd
    ones) against mutated texts: where a pattern matches, its gate admits the text, and the
    text holds one of the literals an inline boilerplate pattern's lines are tested for."""
    rng = random.Random(3)
    patterns = [r"(?i)ab(?:cd|ef)?gh", r"a{e<=1}bc", r"(?:abc){e<=1}x", r"x(?=abc)abc",
                r"(?:ab|cd)+ef", r"[]a]bc", r"a[\]]b", r"(ab)?cd", r"(?>ab)c", r"(?s)a.b"]
    for profile in conflictparse.Parser().outlets.values():
        for pattern in (*(m.pattern for m in profile.markers),
                        *(v.detect for v in profile.variants), *profile.boilerplate,
                        *(p for v in profile.variants for p in v.boilerplate)):
            patterns.extend(alternatives(pattern))
    compiled = [(regex.compile(p), _gate(p), _gates(p)[1]) for p in patterns]
    pieces = ["DEBKAfile/May 5/18", "Debka File", "Source: debka file", "told Zaman al-Wasl",
              "translated and edited by the Syrian Observer", "abgh", "abefgh", "xabc", "cdef",
              "\u017f", "\u0130", "\u212a", "Logo Wide", "\n", " ", "(click here to subscribe)"]
    matched = 0
    for _ in range(3000):
        words = [rng.choice(pieces) for _ in range(rng.randrange(1, 8))]
        text = "".join(w.swapcase() if rng.random() < 0.2 else w for w in words)
        literals = _Literals(text)
        for pattern, gate, in_line in compiled:
            if pattern.search(text):
                matched += 1
                assert literals.admit(gate), (pattern.pattern, text)
                assert not in_line or holds_one(text, in_line, 0, len(text)), pattern.pattern
    assert matched > 1000


def test_a_credit_names_the_outlet_credited() -> None:
    """Each translated outlet of the Syrian Observer, credited in each form the credit
    pattern knows, is the one provenance reads."""
    from conflictparse._document import Document
    from conflictparse._provenance import read_provenance

    parser = conflictparse.Parser()
    profile = parser.outlets["syrian_observer"]
    patterns = parser._profile_plugin.compiled(profile, None).provenance
    for entry in profile.translated_outlets:
        names = [n.strip() for n in entry.split("|") if n.strip()]
        for name in names:
            for text in (f"The report told {name} that the road was closed.",
                         f"{name} reported that the road was closed.",
                         f"The road was closed, {name}.",
                         f"A {name} correspondent said the road was closed."):
                provenance = read_provenance(Document(text), patterns, None)
                assert provenance.original_outlet == names[0], (text, provenance)
