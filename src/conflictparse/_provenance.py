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

from collections.abc import Sequence

import attrs
import regex

from ._document import Document
from ._outlets import PATTERN_TIMEOUT
from ._types import Provenance, Span

_CREDIT_BEFORE = (
    r"(?:\b(?:told|to|for|reports?|reported|writes|wrote|according\s+to|via|cited\s+by|quoted\s+by)"
    r"\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}?)"
)
_CREDIT_AFTER = (
    r"(?:(?:'s\s+(?:\w+\s+){0,2}?)?\s+(?:reports?|reported|writes|wrote|says|said|revealed|learned|"
    r"has\s+learned|obtained|correspondent|reporter))"
)


@attrs.frozen(kw_only=True)
class ProvenancePatterns:
    """The compiled outlet patterns :func:`read_provenance` uses."""

    translator_notes: tuple[regex.Pattern[str], ...] = ()
    disclaimers: tuple[regex.Pattern[str], ...] = ()
    outlets: tuple[tuple[str, regex.Pattern[str]], ...] = ()
    """(display name, pattern of its spellings) for each translated outlet."""
    credit: regex.Pattern[str] | None = None
    """One pattern finding any translated outlet where the text credits it."""


def compile_provenance_patterns(translator_notes: Sequence[str], disclaimers: Sequence[str],
                                translated_outlets: Sequence[str]) -> ProvenancePatterns:
    """Compile outlet patterns; each translated outlet is ``Name|Spelling|Spelling``."""
    outlets = []
    alternatives = []
    for number, entry in enumerate(translated_outlets):
        names = [n.strip() for n in entry.split("|") if n.strip()]
        spelled = "|".join(regex.escape(n).replace(r"\ ", r"[\s-]+") for n in
                           sorted(names, key=len, reverse=True))
        outlets.append((names[0], regex.compile(rf"\b(?:{spelled})\b", regex.IGNORECASE)))
        alternatives.append(rf"(?P<o{number}>\b(?:{spelled})\b)")
    credit = None
    if alternatives:
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
    )


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
        for match in patterns.credit.finditer(text, start, end):
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


def _which(match: regex.Match[str], patterns: ProvenancePatterns) -> tuple[str, tuple[int, int]]:
    for key, value in match.groupdict().items():
        if value is not None and key.startswith("o"):
            return patterns.outlets[int(key[1:])][0], match.span(key)
    raise AssertionError("a credit match always names an outlet")  # pragma: no cover
