"""Provenance: who wrote the original of a translated or republished report, and who
translated it, read from translator notes and from how the text credits outlets.

The translator note (``This article was translated and edited by The Syrian Observer.``) and
the disclaimer come from outlet patterns. The original outlet is one of the outlet's
``translated_outlets``, found where the text credits it, in this order of trust: the
standfirst ("Alsouria Net reports that …", "…, writes Brocar Press."), then the first
credit in the body ("told Alsouria Net", "An All4Syria correspondent"). A bare "according to
<outlet>" in the body counts last, since it often cites a third party.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs
import regex

from ._document import Document
from ._outlets import PATTERN_TIMEOUT
from ._types import Provenance, Span

_CUE = r"\b(?:told|to|for|reports?|reported|writes|wrote|according\s+to|via|cited\s+by|quoted\s+by)"
_CREDIT_BEFORE = rf"(?:{_CUE}\s+(?:the\s+)?(?:[\p{{L}}-]+\s+){{0,2}}?)"
_CREDIT_AFTER = (
    r"(?:(?:'s\s+(?:\w+\s+){0,2}?)?\s+(?:reports?|reported|writes|wrote|says|said|revealed|learned|"
    r"has\s+learned|obtained|correspondent|reporter))"
)
_CUE_WORDS = ("told", "to", "for", "report", "writes", "wrote", "according", "via", "cited",
              "quoted")
"""The literals ``_CREDIT_BEFORE`` starts with."""
_ARTICLE_BEFORE = regex.compile(r"\b(?:[Aa]n?|[Tt]he)\s+", regex.REVERSE)
"""The article and space of the last credit form, matched backwards from the outlet's name."""


@attrs.frozen(kw_only=True)
class ProvenancePatterns:
    """The compiled outlet patterns :func:`read_provenance` uses."""

    translator_notes: tuple[regex.Pattern[str], ...] = ()
    disclaimers: tuple[regex.Pattern[str], ...] = ()
    outlets: tuple[tuple[str, regex.Pattern[str]], ...] = ()
    """(display name, pattern of its spellings) for each translated outlet."""
    credit: regex.Pattern[str] | None = None
    """One pattern finding any translated outlet where the text credits it."""
    credit_starts: re.Pattern[str] | None = None
    """Where a ``credit`` match may start (see :func:`_credits`): group ``outlet`` at the
    first word of an outlet's name, else at a cue word or a comma."""
    credit_gate: regex.Pattern[str] | None = None
    """Matches (``match``) wherever ``credit`` does, and at few other places: the cue word,
    comma or article of each form, then the first word of an outlet's name where the form
    puts the name (the words in between as any words). ``match`` costs less than the credit
    pattern, which holds every spelling of every outlet."""


def compile_provenance_patterns(translator_notes: Sequence[str], disclaimers: Sequence[str],
                                translated_outlets: Sequence[str]) -> ProvenancePatterns:
    """Compile outlet patterns; each translated outlet is ``Name|Spelling|Spelling``."""
    outlets = []
    alternatives = []
    first_words: set[str] = set()
    for number, entry in enumerate(translated_outlets):
        names = [n.strip() for n in entry.split("|") if n.strip()]
        first_words.update(n.split(" ")[0] for n in names)
        spelled = "|".join(regex.escape(n).replace(r"\ ", r"[\s-]+") for n in
                           sorted(names, key=len, reverse=True))
        outlets.append((names[0], regex.compile(rf"\b(?:{spelled})\b", regex.IGNORECASE)))
        alternatives.append(rf"(?P<o{number}>\b(?:{spelled})\b)")
    credit = credit_starts = credit_gate = None
    if alternatives and not any(_in_article(word) for word in first_words):
        firsts = _starts_of(first_words)
        credit_starts = re.compile(f"(?P<outlet>{firsts})|{_starts_of((*_CUE_WORDS, ','))}")
        # Each form of ``credit`` below, with the name's first word for the name; a form
        # opening with the name itself is left out: credit_starts tells those places.
        credit_gate = regex.compile(
            rf"{_CUE}\s+(?:[\p{{L}}-]+\s+){{0,3}}(?:{firsts})|,\s+(?:{firsts})"
            rf"|\b(?:[Aa]n?|[Tt]he)\s+(?:{firsts})")
        any_outlet = "(?:" + "|".join(alternatives) + ")"
        credit = regex.compile(
            rf"{_CREDIT_BEFORE}{any_outlet}|{any_outlet}{_CREDIT_AFTER}|,\s+{any_outlet}\.?\s*$"
            rf"|\b(?:[Aa]n?|[Tt]he)\s+{any_outlet}\s+(?:correspondent|reporter|source)",
            regex.MULTILINE,
        )
    return ProvenancePatterns(
        translator_notes=tuple(regex.compile(p) for p in translator_notes),
        disclaimers=tuple(regex.compile(p) for p in disclaimers),
        outlets=tuple(outlets),
        credit=credit,
        credit_starts=credit_starts,
        credit_gate=credit_gate,
    )


def _starts_of(words: Iterable[str]) -> str:
    """A pattern matching where one of ``words`` starts, as a trie (``re`` would try a flat
    alternation's words one by one at every position)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        if "" in node:  # a word ends here: its start is found, longer words add nothing
            return ""
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return pattern(trie)


def _in_article(word: str) -> bool:
    """Whether ``word`` may start inside an article (``the``), or holds a space: then
    :func:`_credits` would not see every start in order, and is not used."""
    return any(ch.isspace() for ch in word) or any(
        article[i:].startswith(word) for article in ("a", "A", "an", "An", "the", "The")
        for i in range(len(article)))


def read_provenance(document: Document, patterns: ProvenancePatterns,
                    standfirst: tuple[int, int] | None) -> Provenance:
    """Provenance of ``document``; ``standfirst`` (offsets in ``folded``) is searched first."""
    text = document.folded
    removed: list[tuple[int, int]] = []
    note: Span | None = None
    translated_by = edited_by = None
    for pattern in patterns.translator_notes:
        match = pattern.search(text, timeout=PATTERN_TIMEOUT)
        if match is not None:
            note = document.span(*match.span())
            removed.append(match.span())
            groups = match.groupdict()
            translated_by = _clean(groups.get("translator"))
            edited_by = _clean(groups.get("editor")) or translated_by
            break
    disclaimer: Span | None = None
    for pattern in patterns.disclaimers:
        match = pattern.search(text, timeout=PATTERN_TIMEOUT)
        if match is not None:
            disclaimer = document.span(*match.span())
            removed.append(match.span())
            break
    original, original_span = _original_outlet(document, patterns, standfirst, removed)
    return Provenance(
        original_outlet=original,
        original_outlet_span=original_span,
        translated_by=translated_by,
        edited_by=edited_by,
        translator_note=note,
        disclaimer=disclaimer,
    )


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) if value else None


def _original_outlet(document: Document, patterns: ProvenancePatterns,
                     standfirst: tuple[int, int] | None,
                     removed: Sequence[tuple[int, int]]) -> tuple[str | None, Span | None]:
    if patterns.credit is None:
        return None, None
    text = document.folded
    searches = [standfirst] if standfirst else []
    searches.append((0, len(text)))
    for start, end in searches:
        fallback = None
        matches = (patterns.credit.finditer(text, start, end) if patterns.credit_starts is None
                   else _credits(patterns, text, start, end))
        for match in matches:
            if any(a <= match.start() < b for a, b in removed):
                continue
            name, span = _which(match, patterns)
            if "according" in match[0].lower():
                fallback = fallback or (name, span)
                continue
            return name, document.span(*span)
        if fallback is not None:
            return fallback[0], document.span(*fallback[1])
    return None, None


def _credits(patterns: ProvenancePatterns, text: str, start: int,
             end: int) -> Iterator[regex.Match[str]]:
    """``patterns.credit.finditer(text, start, end)``, faster.

    The regex engine tries the credit pattern's ~150 alternatives at every position. But a
    match starts at a cue word (``told …``), at the first word of an outlet's name, at a
    comma, or at the article before an outlet's name (``an All4Syria correspondent``), all
    literals the stdlib ``re`` finds fast. The leftmost position among those where the
    pattern matches is where a search would find it; ``match`` there finds the same match.
    """
    assert patterns.credit is not None and patterns.credit_starts is not None
    assert patterns.credit_gate is not None
    credit, starts, gate = patterns.credit, patterns.credit_starts, patterns.credit_gate
    position = candidate = start
    while True:
        found = starts.search(text, candidate, end)
        if found is None:
            return
        candidate = found.start()
        match = None
        if found["outlet"] is not None:  # the article before the name first: it comes first
            article = _ARTICLE_BEFORE.match(text, 0, candidate)
            if article is not None and article.start() >= position:
                match = credit.match(text, article.start(), end)
        elif gate.match(text, candidate, end) is None:
            candidate += 1  # no credit here: a cue word or comma with no outlet after it
            continue
        if match is None:
            match = credit.match(text, candidate, end)
        if match is None:
            candidate += 1  # literals may overlap: look again from the next character
            continue
        yield match
        position = candidate = match.end()


def _which(match: regex.Match[str], patterns: ProvenancePatterns) -> tuple[str, tuple[int, int]]:
    # The outlet groups are the pattern's only groups and a match takes part in one: it is
    # the last group matched. (Reading them all by groupdict() took ~15 µs.)
    key = match.lastgroup
    if key is None or not key.startswith("o"):  # pragma: no cover
        raise AssertionError("a credit match always names an outlet")
    return patterns.outlets[int(key[1:])][0], match.span(key)
