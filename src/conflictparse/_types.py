"""The typed output of a parse: a :class:`Report` and everything it holds.

Every class is a frozen, keyword-only attrs class whose collections are tuples, so a Report
is hashable, comparable and safe to share between threads. Every extracted item carries a
:class:`Span` into ``Report.text``; ``report.text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

import datetime as dt
import enum
import operator
from collections.abc import Callable
from typing import TypeVar

import attrs

_T = TypeVar("_T")


class SourceKind(str, enum.Enum):
    """Who a claim is attributed to."""

    NAMED_PERSON = "named_person"
    """A person the text names ("Sergei Lavrov", "Gen. Ramadan Ramadan")."""
    ANONYMOUS = "anonymous"
    """Unnamed sources ("Sources, who asked not to be named", "Our military sources")."""
    OUTLET = "outlet"
    """The publishing or the original outlet itself ("DEBKAfile reports:")."""
    ORGANISATION = "organisation"
    """A government, army, ministry or group speaking as a body ("The Russians informed")."""
    DOCUMENT = "document"
    """A statement, report, leaflet or document ("a statement said to have been issued")."""


class Precision(str, enum.Enum):
    """How precisely a date mention pins down a day."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Severity(str, enum.Enum):
    """How serious a diagnostic is."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@attrs.frozen(kw_only=True)
class Span:
    """A stretch of ``Report.text``: ``text == report.text[start:end]``."""

    start: int
    """Offset of the first character, in code points."""
    end: int
    """Offset one past the last character."""
    text: str
    """The characters themselves, exactly as they stand in ``Report.text``."""

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text[start:end]``."""
        return cls(start=start, end=end, text=text[start:end])


@attrs.frozen(kw_only=True)
class Headline:
    """A headline as printed, in one language."""

    text: str
    """The headline without outlet prefix (``DEBKAfile:``) or translation."""
    language: str
    """ISO 639-1 code ("en", "ar")."""
    span: Span
    """Where the headline stands in the text (its first occurrence)."""


@attrs.frozen(kw_only=True)
class Dateline:
    """The line (or line prefix) that states when and by whom a report was published."""

    span: Span
    """The dateline as printed (``DEBKAfile/July 05/18``)."""
    date: dt.date | None
    """The publication day it states, or ``None`` when it cannot be trusted (see diagnostics)."""
    rule: str
    """Which dateline pattern read it."""


@attrs.frozen(kw_only=True)
class Provenance:
    """Where a translated or republished report comes from."""

    original_outlet: str | None = None
    """Display name of the outlet that wrote the original (``Alsouria Net``)."""
    original_outlet_span: Span | None = None
    """Where the text names the original outlet."""
    translated_by: str | None = None
    """Display name of the outlet that translated it (``The Syrian Observer``)."""
    edited_by: str | None = None
    """The outlet that edited it (set with or without a translation)."""
    translator_note: Span | None = None
    """The translator's note (``This article was translated and edited by …``)."""
    disclaimer: Span | None = None
    """The disclaimer (``Responsibility for the information … lies entirely with the author.``)."""


@attrs.frozen(kw_only=True)
class Actor:
    """A registered actor: a state, a force or unit, an armed group, an organisation, a person."""

    id: str
    """Canonical id: ISO 3166 alpha-3 for states (``RUS``), dotted slugs otherwise."""
    name: str
    """Common English name."""
    kind: str
    """``state``, ``armed_force``, ``unit``, ``armed_group``, ``organisation`` or ``person``."""
    aliases: tuple[str, ...] = ()
    """Other names and spellings (``Hizballah`` for Hezbollah)."""
    country: str | None = None
    """ISO alpha-3 of the state it belongs to."""
    parent: str | None = None
    """Id of the actor it belongs to (unit → army → state)."""
    codes: tuple[tuple[str, str], ...] = ()
    """Standard codes as ``(scheme, code)`` pairs: ``("iso3166", "RU")``, ``("cameo", "RUS")``."""
    title: str | None = None
    """For people: the title or role the text gives (``Foreign Minister``)."""
    affiliation: str | None = None
    """For people: the id of the state or group they act for."""


@attrs.frozen(kw_only=True)
class Location:
    """A registered or introduced place."""

    id: str
    """Canonical id: ``geonames:170017``, ``SY-DR`` (ISO 3166-2), ``SY``, ``base:hmeimim``, or
    ``introduced:<name>`` for places the gazetteer lacks."""
    name: str
    """Common English name."""
    kind: str
    """``country``, ``governorate``, ``district``, ``city``, ``town``, ``village``, ``base``, …"""
    aliases: tuple[str, ...] = ()
    """Other names and spellings, Arabic included."""
    latitude: float | None = None
    longitude: float | None = None
    parent: str | None = None
    """Id of the enclosing place (town → governorate → country)."""
    country: str | None = None
    """ISO 3166 alpha-2 of the country it lies in."""


@attrs.frozen(kw_only=True)
class Mention:
    """One place in the text that names an actor or a location."""

    entity_id: str
    """Id of the :class:`Actor` or :class:`Location` named."""
    span: Span
    rule: str
    """How it was found: ``registry``, ``title``, ``introduced``, ``demonym``, …"""


@attrs.frozen(kw_only=True)
class Source:
    """Who a claim is attributed to."""

    span: Span
    """The source as written (``Sources``, ``he``, ``DEBKAfile's military sources``)."""
    name: str
    """The source as it should be reported: the written form without articles or appositions,
    or, for a pronoun or anaphor, the name of what it refers to."""
    kind: SourceKind
    actor_id: str | None = None
    """The registered actor it resolves to, if any."""
    outlet: str | None = None
    """The outlet the source belongs to (``debkafile`` for "our sources") or is."""
    refers_to: Span | None = None
    """For anaphora ("The same sources", "he"): the earlier mention it refers to."""


@attrs.frozen(kw_only=True)
class Claim:
    """A statement the text attributes to a source."""

    source: Source
    cue: Span | None
    """The attribution word (``said``, ``disclose``), or ``None`` (``DEBKAfile reporter:``)."""
    content: Span
    """The claimed content, from its first word to the end of the sentence or quotation."""
    direct_quote: bool
    """True when the content stands in quotation marks."""
    hedged: bool
    """True when the text marks the attribution as uncertain."""
    hedge: Span | None = None
    """The hedging words (``said to have been``, ``reportedly``)."""
    rule: str
    """The attribution rule that found the claim."""
    confidence: float
    """How sure the rule is, 0–1; filter on it to trade recall for precision."""


@attrs.frozen(kw_only=True)
class DateMention:
    """A date expression in the body and the day it resolves to."""

    span: Span
    resolved: dt.date | None
    """The day (or first day of the month/year) it resolves to; ``None`` when unresolved."""
    precision: Precision
    rule: str
    """Which date rule read it (``weekday``, ``month_day``, ``relative_year``, …)."""


@attrs.frozen(kw_only=True)
class Diagnostic:
    """Something the parser wants the caller to know about this report."""

    code: str
    """Stable machine-readable code (``empty-text``, ``future-dateline``, ``plugin-error``)."""
    message: str
    severity: Severity = Severity.WARNING
    plugin: str | None = None
    """The plugin concerned, for plugin errors."""
    span: Span | None = None


@attrs.frozen(kw_only=True)
class Report:
    """Everything conflictparse read from one report."""

    text: str
    """The text that was parsed; every span points into it."""
    outlet: str | None = None
    """Id of the outlet plugin profile that read the report (``debkafile``), or ``None``."""
    outlet_name: str | None = None
    """Display name of that outlet (``DEBKAfile``)."""
    headlines: tuple[Headline, ...] = ()
    """The English headline first, then its translations."""
    byline: Span | None = None
    dateline: Dateline | None = None
    published: dt.date | None = None
    """Publication day: from the dateline, or given by the caller."""
    standfirst: Span | None = None
    """The summary sentence under the headline."""
    paragraphs: tuple[Span, ...] = ()
    """Body paragraphs, boilerplate removed."""
    boilerplate: tuple[Span, ...] = ()
    """What was removed as site furniture."""
    provenance: Provenance = Provenance()
    claims: tuple[Claim, ...] = ()
    actors: tuple[Actor, ...] = ()
    """Distinct actors mentioned, in order of first mention."""
    actor_mentions: tuple[Mention, ...] = ()
    locations: tuple[Location, ...] = ()
    """Distinct places mentioned, in order of first mention."""
    location_mentions: tuple[Mention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def headline(self) -> str | None:
        """The English headline, if any."""
        for headline in self.headlines:
            if headline.language == "en":
                return headline.text
        return None

    @property
    def headline_translations(self) -> dict[str, str]:
        """Other-language versions of the headline, by language code."""
        return {h.language: h.text for h in self.headlines if h.language != "en"}


def _pickled_through_builder(cls: type) -> None:
    """Pickle an attrs class as a generated builder called with its field values: the builder
    sets each slot directly, as :func:`fast_constructor`'s functions do. Reports cross process
    boundaries in ``parse_many``, where the caller unpickles the reports of every other
    process, so their unpickling bounds the speed-up: this loads a report in ~260 µs where
    a ``__setstate__`` loop over the fields took ~330, and ~270 before that with attrs' own
    state dicts (~1.7 ms to parse it; ~150 objects a report)."""
    names = tuple(field.name for field in attrs.fields(cls))
    builder: Callable[..., object] = _slot_builder(cls, f"_rebuild_{cls.__name__.lower()}",
                                                   ", ".join(names))
    globals()[builder.__name__] = builder  # where pickle looks it up, by module and name
    get = operator.attrgetter(*names)  # one name would give the value, not a 1-tuple
    single = len(names) == 1

    def __reduce__(self: object) -> tuple[Callable[..., object], tuple[object, ...]]:
        return builder, (get(self),) if single else get(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]


def _slot_builder(cls: type[_T], name: str, parameters: str,
                  defaults: dict[str, object] | None = None) -> Callable[..., _T]:
    """A function ``name(parameters)`` that makes a ``cls`` without its ``__init__`` and sets
    each field's slot from the parameter of the same name (generated from the field names,
    as attrs generates its ``__init__``); ``parameters`` may read default values from
    ``_defaults``, which is ``defaults``."""
    fields = attrs.fields(cls)  # type: ignore[arg-type]  # an attrs class: fields() checks
    namespace: dict[str, object] = {"_new": object.__new__, "_cls": cls, "_defaults": defaults}
    lines = []
    for field in fields:
        namespace[f"_set_{field.name}"] = cls.__dict__[field.name].__set__
        lines.append(f"    _set_{field.name}(obj, {field.name})")
    source = (f"def {name}({parameters}):\n    obj = _new(_cls)\n" + "\n".join(lines)
              + "\n    return obj\n")
    exec(source, namespace)
    builder: Callable[..., _T] = namespace[name]  # type: ignore[assignment]
    builder.__module__ = __name__
    return builder


_FACTORY: type = type(attrs.Factory(list))  # the class; its stub types attrs.Factory as a function


def fast_constructor(cls: type[_T]) -> Callable[..., _T]:
    """A function that builds ``cls`` as its attrs ``__init__`` does, with the same keyword-only
    parameters and defaults, about twice as fast: the slots are set directly
    (:func:`_slot_builder`). Only for slotted classes whose fields are plain (no converter,
    validator, factory default, alias or post-init hook); anything else is refused here, at
    import, rather than built wrong. A test checks each constructor below against attrs' for every field."""
    fields = attrs.fields(cls)  # type: ignore[arg-type]  # an attrs class: fields() checks
    if ("__slots__" not in cls.__dict__ or hasattr(cls, "__attrs_post_init__")
            or any(f.converter is not None or f.validator is not None or not f.init
                   or f.alias != f.name or isinstance(f.default, _FACTORY)
                   for f in fields)):
        raise TypeError(f"{cls.__name__} needs its attrs __init__")
    params = []
    defaults: dict[str, object] = {}
    for field in fields:
        if field.default is attrs.NOTHING:
            params.append(field.name)
        else:
            defaults[field.name] = field.default
            params.append(f"{field.name}=_defaults[{field.name!r}]")
    return _slot_builder(cls, f"new_{cls.__name__.lower()}", "*, " + ", ".join(params), defaults)


new_span = fast_constructor(Span)
"""``Span(...)`` with the same keyword arguments, twice as fast (a report's actor, place and
claim mentions build ~60 of them)."""
new_mention = fast_constructor(Mention)
"""``Mention(...)`` with the same keyword arguments, twice as fast."""
new_source = fast_constructor(Source)
"""``Source(...)`` with the same keyword arguments, twice as fast."""
new_claim = fast_constructor(Claim)
"""``Claim(...)`` with the same keyword arguments, twice as fast."""
new_date_mention = fast_constructor(DateMention)
"""``DateMention(...)`` with the same keyword arguments, twice as fast."""


_SET_FIELD = object.__setattr__
for _class in (Span, Headline, Dateline, Provenance, Actor, Location, Mention, Source, Claim,
               DateMention, Diagnostic, Report):
    _pickled_through_builder(_class)
