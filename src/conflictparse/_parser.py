"""The Parser: plugins, registries and compiled grammars, built once and reused per report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs
import regex

from . import _document
from ._attribution import ClaimReader, Grammar
from ._attribution import compile_patterns as compile_claim_patterns
from ._dates import find_dates
from ._default_plugins import DEFAULT_PLUGINS
from ._default_plugins.generic import GENERIC_ID
from ._default_plugins.profiles import ProfilePlugin
from ._document import Document
from ._entities import EntityFinder, with_speakers
from ._entities import compile_patterns as compile_entity_patterns
from ._errors import InputTypeError, PluginRegistrationError, UnknownOutletError
from ._header import Header, looks_like_related_headline
from ._outlets import AttributionPhrase, OutletProfile
from ._plugins import PluginHost, PluginInfo
from ._registry import ActorEntry, PlaceEntry, Registry, packaged_actors, packaged_places
from ._types import (
    Claim,
    Dateline,
    DateMention,
    Diagnostic,
    Provenance,
    Report,
    Severity,
    Span,
    new_date_mention,
)

DETECTION_THRESHOLD = 0.5
"""The lowest score with which an outlet plugin claims a text."""

Stretch = tuple[int, int]


class Parser:
    """Parses reports. Build one and reuse it: plugins are loaded, registries indexed and
    grammars compiled once.

    ``plugins`` are registered in code after the entry-point plugins; ``disable`` names
    plugins to leave out; ``entry_points=False`` skips discovery (for tests and sandboxes);
    ``today`` is the day after which a dateline is treated as impossible.
    """

    def __init__(self, *, plugins: Iterable[object] = (), disable: Iterable[str] = (),
                 entry_points: bool = True, today: dt.date | None = None) -> None:
        self.today = today or dt.date.today()
        plugins, disable = tuple(plugins), tuple(disable)
        self._arguments = (plugins, disable, entry_points, self.today)
        """What this Parser was built from, so that other processes can build an equal one."""
        self.profiles: dict[str, OutletProfile] = {}
        self._profile_plugin = ProfilePlugin(self.profiles, self.today)
        builtins: list[tuple[str, object]] = [(name.rsplit(".", 1)[-1], name)
                                              for name in DEFAULT_PLUGINS]
        builtins.append(("profiles", self._profile_plugin))
        self._host = PluginHost(plugins, disable=disable, entry_points=entry_points,
                                builtins=builtins)
        self._setup_problems: list[Diagnostic] = list(self._host.problems)
        self._register_outlets()
        self.registry = Registry()
        self._load_registry()
        self._finder = EntityFinder(self.registry)
        self._grammars: dict[str, tuple[Grammar, tuple[Diagnostic, ...]]] = {}

    # -- setup ------------------------------------------------------------------------------

    def _register_outlets(self) -> None:
        owners: dict[str, str] = {}
        current = [""]

        def register(profile: OutletProfile) -> None:
            if not isinstance(profile, OutletProfile):
                raise PluginRegistrationError(current[0], f"register_outlets got {profile!r}, "
                                              "not an OutletProfile")
            if profile.id in owners:
                raise PluginRegistrationError(
                    current[0], f"outlet {profile.id!r} is already registered by {owners[profile.id]!r}")
            try:
                _compile_all(self._profile_plugin, profile)
            except Exception as error:
                raise PluginRegistrationError(
                    current[0], f"outlet {profile.id!r} has an invalid pattern: {error}"
                ) from error
            owners[profile.id] = current[0]
            self.profiles[profile.id] = profile

        caller = self._host.manager.hook.register_outlets
        for implementation in reversed(caller.get_hookimpls()):
            current[0] = implementation.plugin_name
            try:
                implementation.function(register=register)
            except Exception as error:
                self._setup_problems.append(Diagnostic(
                    code="plugin-error", severity=Severity.ERROR, plugin=current[0],
                    message=f"register_outlets in plugin {current[0]!r} raised: {error}"))

    def _load_registry(self) -> None:
        for actor in packaged_actors():
            self.registry.add_actor(actor)
        for place in packaged_places():
            self.registry.add_place(place)
        sink: list[Diagnostic] = self._setup_problems

        def add_actor(entry: ActorEntry) -> None:
            if not isinstance(entry, ActorEntry):
                raise TypeError(f"register_actors got {entry!r}, not an ActorEntry")
            self.registry.add_actor(entry)

        def add_place(entry: PlaceEntry) -> None:
            if not isinstance(entry, PlaceEntry):
                raise TypeError(f"register_locations got {entry!r}, not a PlaceEntry")
            self.registry.add_place(entry)

        for _ in self._host.call_each("register_actors", sink, _anything, register=add_actor):
            pass
        for _ in self._host.call_each("register_locations", sink, _anything, register=add_place):
            pass

    def preload(self) -> None:
        """Build now what is otherwise built when first needed: the name index, and every
        outlet's patterns, variant detectors and attribution grammar. Before forking workers, so that they
        share it instead of each building it (``parse_many`` does)."""
        self.registry.index  # noqa: B018  (a property that builds the index)
        for profile in self.profiles.values():
            for variant in (None, *profile.variants):
                self._profile_plugin.compiled(profile, variant)
            self._profile_plugin.detectors(profile)
            self._grammar(profile.id, [])
        # The module-level patterns compiled on first use (~20 ms, once per process).
        compile_entity_patterns()
        compile_claim_patterns()

    def plugins(self) -> list[PluginInfo]:
        """The plugins this parser uses, with versions and hooks."""
        return self._host.info()

    @property
    def outlets(self) -> Mapping[str, OutletProfile]:
        """The registered outlet profiles by id."""
        return self.profiles

    def _grammar(self, outlet: str, diagnostics: list[Diagnostic]) -> Grammar:
        """The attribution grammar of ``outlet``, built once; problems met while building it
        (a plugin's ``attribution_phrases`` raising) are reported on every report using it."""
        cached = self._grammars.get(outlet)
        if cached is None:
            problems: list[Diagnostic] = []
            profile = self.profiles[outlet]
            phrases: list[AttributionPhrase] = []
            for _, result in self._host.call_each("attribution_phrases", problems,
                                                  _phrases, outlet=outlet):
                phrases.extend(result)
            others = [name for p in self.profiles.values() if p.id not in (outlet, GENERIC_ID)
                      for name in (p.name, *p.names)]
            translated = [name for entry in profile.translated_outlets
                          for name in entry.split("|") if name.strip()]
            grammar = Grammar(
                outlet=outlet,
                outlet_names=[profile.name, *profile.names] if outlet != GENERIC_ID else [],
                other_outlets=[*translated, *others],
                phrases=phrases,
                cues=profile.cues,
            )
            cached = self._grammars[outlet] = (grammar, tuple(problems))
        diagnostics.extend(cached[1])
        return cached[0]

    # -- parsing ----------------------------------------------------------------------------

    def parse(self, text: str, *, outlet: str | None = None,
              published: dt.date | None = None) -> Report:
        """Parse one report. See :func:`conflictparse.parse`."""
        if not isinstance(text, str):
            raise InputTypeError(text)
        if outlet is not None and outlet not in self.profiles:
            raise UnknownOutletError(outlet, sorted(self.profiles))
        if published is not None and not isinstance(published, dt.date):
            raise TypeError(f"published must be a datetime.date (got {published!r})")
        diagnostics: list[Diagnostic] = list(self._setup_problems)
        text = _document.sanitize(text)
        if not text.strip():
            diagnostics.append(Diagnostic(code="empty-text", message="the text is empty or "
                                          "holds only white space", severity=Severity.WARNING))
            return Report(text=text, published=published, diagnostics=tuple(diagnostics))
        document = Document(text)
        chosen = outlet or self._detect(document, diagnostics)
        profile = self.profiles[chosen]
        boilerplate = self._boilerplate(document, chosen, diagnostics)
        header = self._header(document, chosen, boilerplate, diagnostics)
        dateline = self._check_dateline(header.dateline, diagnostics)
        day = published or (dateline.date if dateline else None)
        provenance = self._provenance(document, chosen, header, diagnostics)
        removed = [*boilerplate, *header.consumed, *_folded(document, provenance)]
        body = _body_lines(document, _merge(removed), profile.drop_inline_headlines,
                           header, diagnostics)
        standfirst = _folded_span(document, header.standfirst)
        reading = ([standfirst] if standfirst else []) + body
        # The translated headline repeats the English one: reading it would only add noise.
        headline_regions = [_folded_span(document, h.span) for h in header.headlines
                            if h.language == "en"]
        entities = self._finder.find(
            document, [r for r in headline_regions if r is not None] + reading,
            without=self._outlet_names(chosen, provenance))
        claims: tuple[Claim, ...] = ()
        try:
            grammar = self._grammar(chosen, diagnostics)
            reader = ClaimReader(grammar, document, {a.id: a for a in entities.actors},
                                 entities.actor_hits)
            claims = reader.read(s for start, end in reading
                                 for s in _document.sentences(document.folded, start, end))
        except TimeoutError as error:
            diagnostics.append(Diagnostic(code="pattern-timeout", severity=Severity.ERROR,
                                          message=f"an attribution pattern of outlet "
                                                  f"{chosen!r} timed out: {error}"))
        entities, claims = with_speakers(entities, claims)
        dates = self._dates(document, reading, day, diagnostics)
        report = Report(
            text=text,
            outlet=None if chosen == GENERIC_ID else chosen,
            outlet_name=None if chosen == GENERIC_ID else profile.name,
            headlines=header.headlines,
            byline=header.byline,
            dateline=dateline,
            published=day,
            standfirst=header.standfirst,
            paragraphs=tuple(document.span(*r) for r in body),
            boilerplate=tuple(document.span(*r) for r in _merge(boilerplate)),
            provenance=provenance,
            claims=claims,
            actors=entities.actors,
            actor_mentions=entities.actor_mentions,
            locations=entities.locations,
            location_mentions=entities.location_mentions,
            dates=dates,
            diagnostics=tuple(diagnostics),
        )
        return self._finish(report)

    def parse_many(self, texts: Iterable[str], *, workers: int = 1, chunksize: int = 64,
                   **options: Any) -> Iterator[Report]:
        """Parse reports lazily, in order; ``workers > 1`` parses in that many processes,
        ``chunksize`` texts per task, each with a Parser built like this one."""
        if workers > 1:
            from ._batch import parse_in_processes

            return parse_in_processes(texts, workers=workers, chunksize=chunksize, parser=self,
                                      **options)
        return (self.parse(text, **options) for text in texts)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as the recipe to build an equal Parser (plugins, disabled plugins,
        ``today``); a process builds each recipe once."""
        from ._batch import rebuild_parser, recipe_of

        return rebuild_parser, (recipe_of(self),)

    def _outlet_names(self, outlet: str, provenance: Provenance) -> list[str]:
        """Every name of the publishing outlet and of the original outlet."""
        profile = self.profiles[outlet]
        names = [profile.name, *profile.names] if outlet != GENERIC_ID else []
        original = provenance.original_outlet
        if original:
            names.append(original)
            for entry in profile.translated_outlets:
                spellings = entry.split("|")
                if original in spellings:
                    names.extend(spellings)
        return names

    def _detect(self, document: Document, diagnostics: list[Diagnostic]) -> str:
        best, best_score = GENERIC_ID, DETECTION_THRESHOLD
        for _, result in self._host.call_each("detect_outlet", diagnostics, _scores,
                                              text=document.folded):
            for item in result:
                if (isinstance(item, tuple) and len(item) == 2 and item[0] in self.profiles
                        and isinstance(item[1], (int, float))
                        and (item[1] > best_score or (item[1] == best_score
                                                      and best == GENERIC_ID))):
                    best, best_score = item[0], float(item[1])
        return best

    def _boilerplate(self, document: Document, outlet: str,
                     diagnostics: list[Diagnostic]) -> tuple[Stretch, ...]:
        found: list[Stretch] = []
        size = len(document.folded)
        for _, result in self._host.call_each("find_boilerplate", diagnostics, _stretches,
                                              document=document, outlet=outlet):
            found.extend((max(0, a), min(size, b)) for a, b in result if a < b)
        return tuple(_merge(found))

    def _header(self, document: Document, outlet: str, boilerplate: tuple[Stretch, ...],
                diagnostics: list[Diagnostic]) -> Header:
        for _, result in self._host.call_each("read_header", diagnostics, _is(Header),
                                              document=document, outlet=outlet,
                                              boilerplate=boilerplate):
            return result  # type: ignore[no-any-return]
        return Header()

    def _provenance(self, document: Document, outlet: str, header: Header,
                    diagnostics: list[Diagnostic]) -> Provenance:
        for _, result in self._host.call_each("read_provenance", diagnostics, _is(Provenance),
                                              document=document, outlet=outlet, header=header):
            if result.translator_note is not None and result.original_outlet is None:
                diagnostics.append(Diagnostic(
                    code="original-outlet-unknown", severity=Severity.INFO,
                    message="a translator note was found but the text names no known outlet "
                            "as the original"))
            return result  # type: ignore[no-any-return]
        return Provenance()

    def _check_dateline(self, dateline: Dateline | None,
                        diagnostics: list[Diagnostic]) -> Dateline | None:
        if dateline is not None and dateline.date is not None and dateline.date > self.today:
            diagnostics.append(Diagnostic(
                code="future-dateline", span=dateline.span,
                message=f"the dateline {dateline.span.text!r} reads as {dateline.date}, "
                        f"after today ({self.today}); publication date left unset"))
            return attrs.evolve(dateline, date=None)
        return dateline

    def _dates(self, document: Document, regions: list[Stretch], day: dt.date | None,
               diagnostics: list[Diagnostic]) -> tuple[DateMention, ...]:
        mentions = []
        unresolved = 0
        for start, end in regions:
            for found in find_dates(document.folded, start, end, day):
                span = document.span(found.start, found.end)
                mentions.append(new_date_mention(span=span, resolved=found.resolved,
                                                 precision=found.precision, rule=found.rule))
                unresolved += found.resolved is None
                if found.problem:
                    diagnostics.append(Diagnostic(code="date-inconsistent", span=span,
                                                  message=found.problem))
        if unresolved and day is None:
            diagnostics.append(Diagnostic(
                code="dates-unresolved", severity=Severity.INFO,
                message=f"{unresolved} relative date(s) left unresolved: no publication date"))
        return tuple(mentions)

    def _finish(self, report: Report) -> Report:
        diagnostics: list[Diagnostic] = []
        caller = self._host.manager.hook.finish_report
        for implementation in reversed(caller.get_hookimpls()):
            name = implementation.plugin_name
            try:
                result = implementation.function(report=report)
            except Exception as error:
                diagnostics.append(Diagnostic(code="plugin-error", severity=Severity.ERROR,
                                              plugin=name, message=f"finish_report in plugin "
                                              f"{name!r} raised {type(error).__name__}: {error}"))
                continue
            if result is None:
                continue
            if not isinstance(result, Report) or result.text != report.text:
                diagnostics.append(Diagnostic(code="plugin-error", severity=Severity.ERROR,
                                              plugin=name, message=f"finish_report in plugin "
                                              f"{name!r} returned {type(result).__name__}, not a "
                                              "Report of the same text"))
                continue
            report = result
        if diagnostics:
            report = attrs.evolve(report, diagnostics=(*report.diagnostics, *diagnostics))
        return report


def _anything(_: object) -> bool:
    return True


def _is_iterable(value: object) -> bool:
    return isinstance(value, (list, tuple, set, frozenset)) or hasattr(value, "__iter__")


def _is(kind: type) -> Any:
    return lambda value: isinstance(value, kind)


def _items(value: object) -> bool:
    """An iterable of items; not a string or a mapping, whose iteration gives no items."""
    return _is_iterable(value) and not isinstance(value, (str, bytes, Mapping))


def _scores(value: object) -> bool:
    """``detect_outlet`` results: (outlet id, number) pairs."""
    return _items(value) and all(
        isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)
        and isinstance(item[1], (int, float)) and not isinstance(item[1], bool)
        for item in value)  # type: ignore[attr-defined]


def _stretches(value: object) -> bool:
    """``find_boilerplate`` results: (start, end) pairs of ints."""
    return _items(value) and all(
        isinstance(item, (tuple, list)) and len(item) == 2
        and all(isinstance(x, int) and not isinstance(x, bool) for x in item)
        for item in value)  # type: ignore[attr-defined]


def _phrases(value: object) -> bool:
    """``attribution_phrases`` results: AttributionPhrase objects whose patterns compile."""
    return _items(value) and all(
        isinstance(item, AttributionPhrase) and _compiles(rf"(?:{item.pattern})$")
        for item in value)  # type: ignore[attr-defined]


def _compiles(pattern: str) -> bool:
    try:
        regex.compile(pattern)
    except (regex.error, TypeError):
        return False
    return True


def _compile_all(plugin: ProfilePlugin, profile: OutletProfile) -> None:
    """Check that every pattern of ``profile`` compiles (raising on the first that does
    not), so that a broken profile is refused at registration instead of failing, for every
    outlet, each hook the profile plugin implements."""
    for phrase in profile.attribution:
        regex.compile(rf"(?:{phrase.pattern})$")
    plugin.prepare(profile)  # last: the plugin keeps a profile only if all its patterns compile


def _merge(stretches: Iterable[Stretch]) -> list[Stretch]:
    merged: list[Stretch] = []
    for start, end in sorted(stretches):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _folded_span(document: Document, span: Span | None) -> Stretch | None:
    if span is None:
        return None
    return document.folded_offset(span.start), document.folded_offset(span.end)


def _folded(document: Document, provenance: Provenance) -> list[Stretch]:
    spans = (provenance.translator_note, provenance.disclaimer)
    return [s for s in (_folded_span(document, span) for span in spans) if s is not None]


_EDGE_START = ".,;:-–—|*)"
_EDGE_END = "(-–—|"
"""Punctuation stripped from the edges of a body piece."""


def _body_lines(document: Document, removed: list[Stretch], drop_inline_headlines: bool,
                header: Header, diagnostics: list[Diagnostic]) -> list[Stretch]:
    """Lines of the body with the removed stretches cut out."""
    text = document.folded
    body: list[Stretch] = []
    position = 0
    for line in document.lines:
        while position < len(removed) and removed[position][1] <= line.start:
            position += 1
        if ((position == len(removed) or removed[position][0] >= line.end)
                and line.text[0] not in _EDGE_START and line.text[-1] not in _EDGE_END):
            found = [(line.start, line.text)]  # most lines: whole, with nothing to strip
        else:
            pieces = [(line.start, line.end)]
            for start, end in removed[position:]:
                if start >= line.end:
                    break
                pieces = [p for a, b in pieces for p in ((a, min(b, start)), (max(a, end), b))]
            found = []
            for start, end in pieces:
                # A stretch cut out of a line may leave punctuation at its edges.
                stripped = text[start:end].strip().lstrip(_EDGE_START).rstrip(_EDGE_END).strip()
                found.append((text.find(stripped, start, end), stripped))
        for offset, stripped in found:
            if not (stripped[:1].isalnum() or any(ch.isalnum() for ch in stripped)):
                continue  # (most pieces start with a letter: no generator for them)
            piece = (offset, offset + len(stripped))
            if (drop_inline_headlines and header.headlines
                    and looks_like_related_headline(stripped)):
                diagnostics.append(Diagnostic(code="related-headline-dropped",
                                              severity=Severity.INFO,
                                              span=document.span(*piece),
                                              message="dropped a line that reads as the headline "
                                                      "of a related article"))
                continue
            body.append(piece)
    return body
