"""Outlet profiles: everything outlet-specific, as data and patterns.

An outlet plugin registers an :class:`OutletProfile`; the core's built-in profile plugin
(:mod:`conflictparse._default_plugins.profiles`) turns profiles into behaviour for every
per-report hook. A plugin therefore needs no code beyond its profile, unless its outlet does
something no pattern can describe, in which case it implements the hook itself.

Patterns are ``regex`` syntax, compiled once per :class:`~conflictparse.Parser`, matched
case-sensitively against the folded text (straight quotes, plain spaces; see ``Document``)
unless they start with ``(?i)``.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import regex

from ._types import SourceKind

PATTERN_TIMEOUT = 1.0
"""Seconds a pattern from a profile or plugin may run on one call before it is abandoned with
``TimeoutError`` (which the Parser reports as a diagnostic), so a catastrophic pattern cannot
hang a parse."""


_LEADING_FLAGS = regex.compile(r"\(\?([ims]+)\)")
_NOT_COMBINABLE = regex.compile(r"\\[1-9g]|\(\?(?:P[=>]|[&R|(+\d-]|[a-zA-Z^-]*\))")
"""Syntax that may mean something else inside an alternation: group references (numbers
shift), recursion, branch resets, conditionals, and inline flags past the start (their scope
would change). It errs on the safe side: a false hit only costs speed."""


def any_of(patterns: Iterable[str]) -> regex.Pattern[str] | None:
    """One compiled pattern that matches (``match``, ``fullmatch``, ``search``) wherever one of
    ``patterns`` does: their alternation, each with its leading flags scoped to it. A
    backtracking engine tries every alternative at each position, so the alternation finds a
    match exactly when one of the patterns would. Used as a prefilter: one call rules out a
    dozen. ``None`` when there are no patterns, or one may not keep its meaning."""
    alternatives = []
    for pattern in patterns:
        flags = _LEADING_FLAGS.match(pattern)
        body = pattern[flags.end():] if flags else pattern
        if _NOT_COMBINABLE.search(body):
            return None
        alternatives.append(f"(?{flags[1]}:{body})" if flags else f"(?:{body})")
    if not alternatives:
        return None
    try:
        return regex.compile("|".join(alternatives))
    except regex.error:
        return None


def alternatives(pattern: str) -> tuple[str, ...]:
    """The top-level alternatives of ``pattern``, each with its leading flags, or just
    ``(pattern,)``. ``regex`` finds a literal fast but tries an alternation at every
    position: searching ``A`` and ``B`` one after the other finds whether ``A|B`` is in a text
    several times faster. (Only the presence is the same: the leftmost match may differ.)"""
    flags = _LEADING_FLAGS.match(pattern)
    prefix = flags[0] if flags else ""
    body = pattern[len(prefix):]
    if _NOT_COMBINABLE.search(body) or any(s in body for s in ("[:", "(?#", "\\Q")):
        return (pattern,)
    parts = []
    depth = start = 0
    in_class = False
    index = 0
    while index < len(body):
        char = body[index]
        if char == "\\":
            index += 1  # the escaped character
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += body.startswith("^", index + 1)
            index += body.startswith("]", index + 1)  # a "]" first in a class is literal
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(body[start:index])
            start = index + 1
        index += 1
    parts.append(body[start:])
    split = tuple(prefix + part for part in parts)
    try:
        for part in split:
            regex.compile(part)
    except regex.error:
        return (pattern,)
    return split


def _tuple_of_str(value: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


@attrs.frozen(kw_only=True)
class Marker:
    """A pattern whose presence says a text comes from the outlet."""

    pattern: str
    weight: float
    """Added to the outlet's score when the pattern is found; the score is kept within
    [0, 1]. A negative weight makes a counter-marker: a sign the text only cites the outlet
    ("According to Debkafile:") rather than being its report."""
    header_only: bool = False
    """Only look in the first lines (the header), where a credit means authorship."""


@attrs.frozen(kw_only=True)
class AttributionPhrase:
    """A source phrase of the outlet's attribution grammar ("DEBKAfile's military sources")."""

    pattern: str
    """A ``regex`` for the source noun phrase; the core adds the cue verbs and the content."""
    kind: SourceKind
    name: str | None = None
    """The name to report for the source; ``None`` reports the text as written."""
    outlet_link: bool = False
    """The source belongs to the outlet (its reporter or its sources)."""
    colon_lead: bool = False
    """The phrase may open a paragraph followed by a colon (``DEBKAfile reports: …``)."""


@attrs.frozen(kw_only=True)
class ProfileVariant:
    """A layout the outlet uses in some period or on some reposting site.

    Its patterns are added to the profile's when ``detect`` matches the text's header.
    """

    name: str
    detect: str
    headline_prefixes: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    datelines: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    boilerplate: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)


@attrs.frozen(kw_only=True)
class OutletProfile:
    """What the core needs to know to read one outlet's reports."""

    id: str
    """Snake-case id, as used in gold files and ``--outlet`` (``debkafile``)."""
    name: str
    """Display name (``DEBKAfile``)."""
    names: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    """Spellings of the outlet's name in text (``DEBKA``, ``Debka File``)."""
    markers: tuple[Marker, ...] = ()
    headline_prefixes: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    """Patterns stripped from the start of a headline line (``DEBKAfile:``)."""
    headline_suffixes: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    """Patterns stripped from the end of a headline (`` - The Syrian Observer``)."""
    translation_prefixes: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    """Patterns stripped from the start of a translated headline (``موقع دبيكا/``)."""
    datelines: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    """Dateline patterns; named groups ``month``, ``day``, ``year`` or one group ``date`` that
    python-dateutil can read, and optionally ``headline`` (a credit line that names the
    headline). The match ends the dateline; text after it on the line is body."""
    boilerplate: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    """Site furniture. A pattern matching a whole line removes the line; anywhere else it
    removes just the match, unless it starts with ``^`` (whole lines only)."""
    attribution: tuple[AttributionPhrase, ...] = ()
    cues: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    """Extra attribution verbs (``fill in``) for the core's grammar."""
    translator_notes: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    """Patterns of translator notes; named groups ``translator`` (who translated) and/or
    ``editor`` (who edited without translating)."""
    disclaimers: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    translated_outlets: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    """Names (with spellings, ``Alsouria Net|Alsouria|al-Souria Net``) of the outlets whose
    reports this outlet translates or reposts; provenance looks for them in the text."""
    drop_inline_headlines: bool = False
    """Treat short title-case lines inside the body as related-article links to drop."""
    variants: tuple[ProfileVariant, ...] = ()
