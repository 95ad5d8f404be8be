"""Outlet profiles: everything outlet-specific, as data and patterns.

An outlet plugin registers an :class:`OutletProfile`; the core's built-in profile plugin
(:mod:`conflictparse._default_plugins.profiles`) turns profiles into behaviour for every
per-report hook. A plugin therefore needs no code beyond its profile, unless its outlet does
something no pattern can describe, in which case it implements the hook itself.

Patterns are ``regex`` syntax, matched case-sensitively against the folded text (straight
quotes, plain spaces; see ``Document``) unless they start with ``(?i)``. A profile with a
pattern that does not compile is refused when registered; a
:class:`~conflictparse.Parser` compiles an outlet's patterns once, when it first reads a
report of that outlet (its markers at once: detection looks for every outlet's).
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ._types import SourceKind

PATTERN_TIMEOUT = 1.0
"""Seconds a pattern from a profile or plugin may run on one call before it is abandoned with
``TimeoutError`` (which the Parser reports as a diagnostic), so a catastrophic pattern cannot
hang a parse."""


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
    headline) or an empty ``kicker`` group (``(?P<kicker>)``: the headline-like line below
    is a section label, the headline the line after it, when that looks like a headline).
    The match ends the dateline; text after it on the line is body."""
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
