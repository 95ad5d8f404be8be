"""The plugin conformance suite, and the checks it is made of.

A plugin author subclasses :class:`PluginConformance` in a test module::

    import my_outlet_plugin
    from conflictparse.testing import OutletStyle, PluginConformance

    class TestConformance(PluginConformance):
        plugin = my_outlet_plugin
        style = OutletStyle(id="my_outlet", name="My Outlet", leads=("(My Outlet) - ",))
        samples = sorted(Path(__file__).parent.glob("fixtures/*.txt"))

and pytest runs the inherited tests: the plugin loads without problems; its registration hooks
register what they declare; every pattern of its profiles compiles; each hook it implements
returns the type the hook spec asks for, never raises and never gives offsets outside the text
on generated text; the parser never fails or reports a plugin error with it; it detects the
pages its ``style`` writes and the ``samples``; it does not claim pages of the other outlets
(``foreign_styles``, ``foreign_samples``); and pages in its dateline formats give back the day
they were written with.

The checks are usable on their own: :func:`check_report` (the invariants of every
:class:`~conflictparse.Report`), :func:`check_hook_result` (one hook's result against the hook
spec) and :func:`iter_spans`.
"""

from __future__ import annotations

import datetime as dt
import os
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import attrs
import pluggy
import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from conflictparse import hookspecs
from conflictparse._document import Document, sanitize
from conflictparse._header import Header
from conflictparse._outlets import AttributionPhrase, OutletProfile
from conflictparse._parser import Parser
from conflictparse._registry import ActorEntry, PlaceEntry
from conflictparse._serialize import report_from_json, report_to_json
from conflictparse._types import Provenance, Report, Span

from .strategies import (
    MAX_DATE,
    STYLES,
    OutletStyle,
    any_text,
    report_texts,
    reports,
)

__all__ = [
    "PROBLEM_CODES",
    "PluginConformance",
    "check_hook_result",
    "check_report",
    "iter_spans",
    "profile_problems",
    "register_profiles",
]

PROBLEM_CODES = frozenset({"plugin-error", "plugin-load-error", "pattern-timeout"})
"""Diagnostic codes that mean a plugin misbehaved."""

PROFILE_ENV = "HYPOTHESIS_PROFILE"


def register_profiles(*, load: bool = False) -> None:
    """Register the hypothesis profiles ``ci`` (derandomised, 50 examples, no deadline) and
    ``fuzz`` (2,500 examples); with ``load``, load the one named by ``$HYPOTHESIS_PROFILE``
    (default ``ci``)."""
    quiet = [HealthCheck.too_slow, HealthCheck.data_too_large]
    settings.register_profile("ci", max_examples=50, derandomize=True, deadline=None,
                              suppress_health_check=quiet, print_blob=True)
    settings.register_profile("fuzz", max_examples=2500, deadline=None,
                              suppress_health_check=quiet, print_blob=True)
    if load:
        settings.load_profile(os.environ.get(PROFILE_ENV) or "ci")


def _current_settings() -> settings:
    """The profile ``$HYPOTHESIS_PROFILE`` names (``ci`` and ``fuzz`` are registered when no
    profile of that name is), otherwise the loaded one; looked up when a test runs, not when
    it is defined, so a ``conftest.py`` loading a profile is obeyed."""
    name = os.environ.get(PROFILE_ENV)
    if name:
        try:
            return settings.get_profile(name)
        except InvalidArgument:
            if name in ("ci", "fuzz"):
                register_profiles()
                return settings.get_profile(name)
    return settings.default  # type: ignore[return-value]


# -- checks -----------------------------------------------------------------------------------

def iter_spans(value: object, path: str = "report") -> Iterator[tuple[str, Span]]:
    """Every :class:`Span` inside ``value`` (a Report, Header, Claim, … or a tuple of them),
    with a path naming where it sits (``report.claims[2].content``)."""
    if isinstance(value, Span):
        yield path, value
    elif isinstance(value, (tuple, list)):
        for number, item in enumerate(value):
            yield from iter_spans(item, f"{path}[{number}]")
    elif attrs.has(type(value)):
        for field in attrs.fields(typing.cast(Any, type(value))):
            yield from iter_spans(getattr(value, field.name), f"{path}.{field.name}")


def _type_problems(value: object, hint: Any, path: str) -> list[str]:
    """Where ``value`` does not have the (resolved) type ``hint``."""
    origin = typing.get_origin(hint)
    if hint is Any:
        return []
    if origin in (typing.Union, types.UnionType):
        options = [_type_problems(value, option, path) for option in typing.get_args(hint)]
        return [] if any(not o for o in options) else min(options, key=len)
    if hint is type(None):
        return [] if value is None else [f"{path}: {value!r} is not None"]
    if origin is tuple:
        if not isinstance(value, tuple):
            return [f"{path}: {type(value).__name__} is not a tuple"]
        arguments = typing.get_args(hint)
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return [p for n, item in enumerate(value)
                    for p in _type_problems(item, arguments[0], f"{path}[{n}]")]
        if len(arguments) != len(value):
            return [f"{path}: {len(value)} items, not {len(arguments)}"]
        return [p for n, (item, argument) in enumerate(zip(value, arguments, strict=True))
                for p in _type_problems(item, argument, f"{path}[{n}]")]
    if hint is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return [] if ok else [f"{path}: {value!r} is not a number"]
    if hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return [] if ok else [f"{path}: {value!r} is not an int"]
    if isinstance(hint, type) and attrs.has(hint):
        if not isinstance(value, hint):
            return [f"{path}: {type(value).__name__} is not a {hint.__name__}"]
        hints = _hints(hint)
        return [p for field in attrs.fields(hint)
                for p in _type_problems(getattr(value, field.name), hints[field.name],
                                        f"{path}.{field.name}")]
    if isinstance(hint, type):
        return [] if isinstance(value, hint) else [
            f"{path}: {type(value).__name__} is not a {hint.__name__}"]
    return []  # a typing construct the kit does not check


def _hints(cls: type) -> dict[str, Any]:
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


_HINTS: dict[type, dict[str, Any]] = {}


def _span_problems(value: object, text: str, path: str) -> list[str]:
    problems = []
    for where, span in iter_spans(value, path):
        if not (0 <= span.start <= span.end <= len(text)):
            problems.append(f"{where}: offsets {span.start}:{span.end} outside the text "
                            f"(length {len(text)})")
        elif text[span.start:span.end] != span.text:
            problems.append(f"{where}: text[{span.start}:{span.end}] is "
                            f"{text[span.start:span.end]!r}, the span says {span.text!r}")
    return problems


def check_report(report: object, text: str | None = None, *, round_trip: bool = True) -> None:
    """Assert what holds for every Report: every field has its declared type, every span
    points into ``report.text`` (``text[start:end] == span.text``), ``report.text`` is
    ``text`` (lone surrogates replaced by U+FFFD), and with ``round_trip`` the JSON round trip
    gives an equal Report."""
    problems = _type_problems(report, Report, "report")
    if problems:
        raise AssertionError("the report is malformed:\n  " + "\n  ".join(problems))
    assert isinstance(report, Report)
    if text is not None:
        assert report.text == sanitize(text), "Report.text is not the text that was parsed"
    problems = _span_problems(report, report.text, "report")
    if problems:
        raise AssertionError("spans do not point into the text:\n  " + "\n  ".join(problems))
    if round_trip:
        again = report_from_json(report_to_json(report))
        assert again == report, "the JSON round trip changed the report"


def check_hook_result(hook: str, result: object, *, document: Document | None = None,
                      outlets: Iterable[str] = (), report: Report | None = None) -> None:
    """Assert that ``result`` is what the hook spec of ``hook`` asks for: the declared type,
    scores in [0, 1] for registered ``outlets``, offsets inside ``document`` (for
    ``find_boilerplate``, ``read_header``, ``read_provenance``), compiling patterns (for
    ``attribution_phrases``), a valid report of the same text (for ``finish_report``)."""
    if result is None:
        return
    problems: list[str] = []
    if hook == "detect_outlet":
        known = set(outlets)
        if isinstance(result, (str, bytes)) or not isinstance(result, Iterable):
            raise AssertionError(f"detect_outlet returned {result!r}, not (outlet, score) pairs")
        for item in result:
            if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)
                    and isinstance(item[1], (int, float)) and not isinstance(item[1], bool)):
                problems.append(f"{item!r} is not an (outlet id, score) pair")
            elif not 0 <= item[1] <= 1:
                problems.append(f"score {item[1]!r} for {item[0]!r} is outside [0, 1]")
            elif known and item[0] not in known:
                problems.append(f"{item[0]!r} is not a registered outlet")
    elif hook == "find_boilerplate":
        assert document is not None
        if isinstance(result, (str, bytes)) or not isinstance(result, Iterable):
            raise AssertionError(f"find_boilerplate returned {result!r}, not offset pairs")
        for item in result:
            if not (isinstance(item, tuple) and len(item) == 2
                    and all(isinstance(x, int) and not isinstance(x, bool) for x in item)):
                problems.append(f"{item!r} is not a (start, end) pair of ints")
            elif not 0 <= item[0] <= item[1] <= len(document.folded):
                problems.append(f"{item!r} lies outside the folded text "
                                f"(length {len(document.folded)})")
    elif hook in ("read_header", "read_provenance"):
        assert document is not None
        kind = Header if hook == "read_header" else Provenance
        problems = _type_problems(result, kind, hook)
        if not problems:
            problems = _span_problems(result, document.text, hook)
        if not problems and isinstance(result, Header):
            problems = [f"read_header.consumed: {item!r} lies outside the folded text"
                        for item in result.consumed
                        if not 0 <= item[0] <= item[1] <= len(document.folded)]
    elif hook == "attribution_phrases":
        if isinstance(result, (str, bytes)) or not isinstance(result, Iterable):
            raise AssertionError(f"attribution_phrases returned {result!r}, not phrases")
        for phrase in result:
            problems += _type_problems(phrase, AttributionPhrase, "phrase")
            if isinstance(phrase, AttributionPhrase):
                problems += _pattern_problems(phrase.pattern, "attribution phrase")
    elif hook == "finish_report":
        assert report is not None
        if not isinstance(result, Report):
            raise AssertionError(f"finish_report returned {type(result).__name__}, not a Report")
        assert result.text == report.text, "finish_report changed Report.text"
        check_report(result, round_trip=False)
    elif hook in ("register_outlets", "register_actors", "register_locations"):
        problems.append(f"{hook} returned {result!r}; it should call register() and return "
                        "None")
    if problems:
        raise AssertionError(f"{hook} returned what its spec does not allow:\n  "
                             + "\n  ".join(problems))


def _pattern_problems(pattern: object, what: str) -> list[str]:
    if not isinstance(pattern, str):
        return [f"{what}: {pattern!r} is not a pattern string"]
    try:
        regex.compile(pattern)
    except regex.error as error:
        return [f"{what} {pattern!r} does not compile: {error}"]
    return []


_LITERAL_FIELDS = frozenset({"names", "cues", "translated_outlets"})
"""Fields of an OutletProfile that hold text, not patterns."""


def _pattern_fields(cls: type) -> list[str]:
    """The fields of ``cls`` (OutletProfile or ProfileVariant) that hold pattern strings."""
    hints = _hints(cls)
    return [field.name for field in attrs.fields(typing.cast(Any, cls))
            if hints[field.name] == tuple[str, ...] and field.name not in _LITERAL_FIELDS]


def profile_problems(profile: OutletProfile) -> list[str]:
    """What is wrong with ``profile``: fields of the wrong type, patterns that do not compile,
    marker weights of 0 or outside [-1, 1], dateline patterns without a ``date`` or ``year``
    and ``month`` group."""
    problems = _type_problems(profile, OutletProfile, profile.id if isinstance(
        getattr(profile, "id", None), str) else "profile")
    if problems:
        return problems
    for marker in profile.markers:
        problems += _pattern_problems(marker.pattern, "marker")
        if not -1 <= marker.weight <= 1 or marker.weight == 0:
            problems.append(f"marker {marker.pattern!r}: weight {marker.weight} is 0 or outside "
                            "[-1, 1] (a negative weight is a counter-marker)")
    datelines = [*profile.datelines, *(d for v in profile.variants for d in v.datelines)]
    for dateline in datelines:
        found = _pattern_problems(dateline, "dateline")
        problems += found
        if not found:
            groups = set(regex.compile(dateline).groupindex)
            if "date" not in groups and not {"year", "month"} <= groups:
                problems.append(f"dateline {dateline!r} has neither a 'date' group nor 'year' "
                                "and 'month' groups")
    others = [pattern for owner in (profile, *profile.variants)
              for name in _pattern_fields(type(owner)) if name != "datelines"
              for pattern in getattr(owner, name)]
    others += [variant.detect for variant in profile.variants]
    for pattern in others:
        problems += _pattern_problems(pattern, "pattern")
    for phrase in profile.attribution:
        problems += _pattern_problems(phrase.pattern, "attribution phrase")
    return problems


# -- the suite --------------------------------------------------------------------------------

_REGISTRATION = {"register_outlets": OutletProfile, "register_actors": ActorEntry,
                 "register_locations": PlaceEntry}
_PARSERS: dict[type, Parser] = {}


def _read(sample: str | os.PathLike[str]) -> str:
    if isinstance(sample, os.PathLike):
        return Path(sample).read_text(encoding="utf-8")
    return sample


def _name(sample: str | os.PathLike[str]) -> str:
    if isinstance(sample, os.PathLike):
        return Path(sample).name
    return repr(sample[:60])


class PluginConformance:
    """Conformance tests for one plugin: subclass it as ``Test…`` and set ``plugin`` (and,
    for an outlet plugin, ``style`` and ``samples``). See the module docstring."""

    plugin: ClassVar[object] = None
    """The plugin: the module (or object) with the ``@hookimpl`` functions."""
    style: ClassVar[OutletStyle | None] = None
    """How the plugin's outlet writes its pages; its generated pages must be detected."""
    samples: ClassVar[Sequence[str | os.PathLike[str]]] = ()
    """Texts (or paths of UTF-8 files) of the plugin's outlet, which must be detected."""
    foreign_styles: ClassVar[Sequence[OutletStyle] | None] = None
    """Styles of other outlets, whose pages the plugin must not claim; by default every
    style the kit ships whose id the plugin does not register."""
    foreign_samples: ClassVar[Sequence[str | os.PathLike[str]]] = ()
    """Texts (or paths) of other outlets, which the plugin must not claim."""
    today: ClassVar[dt.date] = MAX_DATE + dt.timedelta(days=1)
    """The ``today`` of the parser under test (datelines after it are rejected)."""
    max_examples: ClassVar[int | None] = None
    """Examples per property; by default the loaded hypothesis profile's."""
    hypothesis_settings: ClassVar[Mapping[str, Any]] = {}
    """Further ``hypothesis.settings`` arguments for the suite's properties."""

    # -- helpers ------------------------------------------------------------------------------

    def conformance_parser(self) -> Parser:
        """A Parser with only this plugin besides the built-in ones (cached per class)."""
        parser = _PARSERS.get(type(self))
        if parser is None:
            parser = _PARSERS[type(self)] = Parser(plugins=[self._plugin()],
                                                   entry_points=False, today=self.today)
        return parser

    def _plugin(self) -> object:
        plugin = type(self).plugin
        if plugin is None:
            pytest.fail(f"{type(self).__name__} must set `plugin = <the plugin module>`")
        return plugin

    def plugin_name(self) -> str:
        """The name the Parser registers the plugin under."""
        plugin = self._plugin()
        return getattr(plugin, "__name__", None) or type(plugin).__name__

    def hook_implementations(self) -> dict[str, pluggy.HookImpl]:
        """The hooks the plugin implements, by name."""
        manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
        manager.add_hookspecs(hookspecs)
        plugin = self._plugin()
        manager.register(plugin, name=self.plugin_name())
        found = {}
        for caller in manager.get_hookcallers(plugin) or ():
            for implementation in caller.get_hookimpls():
                if implementation.plugin is plugin:
                    found[caller.name] = implementation
        return found

    def registered(self) -> dict[str, list[object]]:
        """What each registration hook of the plugin registers, by hook name."""
        found: dict[str, list[object]] = {}
        for hook, implementation in self.hook_implementations().items():
            if hook in _REGISTRATION:
                items: list[object] = []
                result = _call(implementation, register=items.append)
                check_hook_result(hook, result)
                found[hook] = items
        return found

    def own_outlets(self) -> frozenset[str]:
        """The outlet ids the plugin registers."""
        return frozenset(p.id for p in self.registered().get("register_outlets", [])
                         if isinstance(p, OutletProfile))

    def given_settings(self) -> settings:
        """The hypothesis settings of the suite's properties."""
        parent = _current_settings()
        arguments: dict[str, Any] = {
            "deadline": None, "max_examples": self.max_examples or parent.max_examples,
            "suppress_health_check": [*parent.suppress_health_check, HealthCheck.too_slow,
                                      HealthCheck.data_too_large, HealthCheck.filter_too_much]}
        arguments.update(self.hypothesis_settings)
        return settings(parent, **arguments)

    def _property(self, *strategies: st.SearchStrategy[Any]) -> Callable[
            [Callable[..., None]], Callable[[], None]]:
        def decorate(test: Callable[..., None]) -> Callable[[], None]:
            run: Callable[[], None] = self.given_settings()(given(*strategies)(test))
            return run
        return decorate

    def _parse(self, text: str, **options: Any) -> Report:
        report = self.conformance_parser().parse(text, **options)
        check_report(report, text)
        problems = [d for d in report.diagnostics if d.code in PROBLEM_CODES]
        assert not problems, f"the plugin caused problems: {problems}"
        return report

    def _foreign_styles(self) -> list[OutletStyle]:
        own = self.own_outlets()
        if self.foreign_styles is not None:
            return [s for s in self.foreign_styles if s.id not in own]
        return [s for s in STYLES.values() if s.id not in own]

    # -- tests --------------------------------------------------------------------------------

    def test_plugin_loads_cleanly(self) -> None:
        """The plugin registers without problems and implements at least one hook."""
        assert self.hook_implementations(), "the plugin implements no conflictparse hook"
        parser = self.conformance_parser()
        assert self.plugin_name() in [info.name for info in parser.plugins()]
        report = parser.parse("Regime forces shelled Daraa on Tuesday.")
        problems = [d for d in report.diagnostics if d.code in PROBLEM_CODES]
        assert not problems, f"loading the plugin caused problems: {problems}"

    def test_registration_hooks_register_declared_types(self) -> None:
        """register_outlets/actors/locations register OutletProfile/ActorEntry/PlaceEntry
        objects (and the outlet of ``style``)."""
        for hook, items in self.registered().items():
            kind = _REGISTRATION[hook]
            wrong = [item for item in items if not isinstance(item, kind)]
            assert not wrong, f"{hook} registered {wrong!r}, not {kind.__name__} objects"
        outlets = [p.id for p in self.registered().get("register_outlets", [])
                   if isinstance(p, OutletProfile)]
        assert len(outlets) == len(set(outlets)), f"outlets registered twice: {outlets}"
        if self.style is not None and self.style.id != "generic":
            assert self.style.id in outlets, f"the plugin does not register {self.style.id!r}"
            assert self.style.id in self.conformance_parser().outlets

    def test_profile_patterns_compile(self) -> None:
        """Every pattern of every registered profile compiles, marker weights lie in [-1, 1]
        (not 0) and datelines have the groups the core reads."""
        problems = [problem for profile in self.registered().get("register_outlets", [])
                    if isinstance(profile, OutletProfile)
                    for problem in profile_problems(profile)]
        assert not problems, "invalid profile:\n  " + "\n  ".join(problems)

    def test_hooks_return_declared_types(self) -> None:
        """Each per-report hook the plugin implements returns what the spec asks for, and
        never raises, on generated text."""
        implementations = {hook: implementation for hook, implementation in
                           self.hook_implementations().items() if hook not in _REGISTRATION}
        if not implementations:
            pytest.skip("the plugin implements no per-report hook (its profile does the work)")
        parser = self.conformance_parser()
        outlets = sorted({*self.own_outlets(), "generic"})

        @self._property(any_text(), st.sampled_from(outlets))
        def check(text: str, outlet: str) -> None:
            document = Document(sanitize(text))
            for hook, implementation in implementations.items():
                arguments: dict[str, Any] = {
                    "text": document.folded, "document": document, "outlet": outlet,
                    "boilerplate": (), "header": Header(), "report": None}
                if hook == "finish_report":
                    arguments["report"] = parser.parse(text)
                result = _call(implementation, **arguments)
                check_hook_result(hook, result, document=document, outlets=parser.outlets,
                                  report=arguments["report"])

        check()

    def test_parse_never_fails_on_generated_text(self) -> None:
        """With the plugin, parse gives a valid Report (offsets inside the text, JSON round
        trip) with no plugin error, whatever the text."""
        @self._property(any_text())
        def check(text: str) -> None:
            self._parse(text)

        check()

    def test_detects_its_own_pages(self) -> None:
        """Pages written in the plugin's ``style`` are read as its outlet."""
        style = self.style
        if style is None or style.id == "generic":
            pytest.skip("no style given for the plugin's outlet")

        @self._property(reports(style))
        def check(sample: Any) -> None:
            report = self._parse(sample.text)
            assert report.outlet == style.id, (
                f"a {style.name} page was read as {report.outlet!r}:\n{sample.text}")

        check()

    def test_reads_its_datelines(self) -> None:
        """A day written in one of the style's dateline formats is read back as the
        publication day."""
        style = self.style
        if style is None or not style.datelines:
            pytest.skip("no dateline formats given for the plugin's outlet")
        dated = attrs.evolve(style, dateline_required=True)

        @self._property(reports(dated))
        def check(sample: Any) -> None:
            report = self._parse(sample.text)
            assert report.published == sample.published, (
                f"the dateline {sample.dateline!r} was read as {report.published}")

        check()

    def test_detects_its_samples(self) -> None:
        """Each of ``samples`` is read as one of the plugin's outlets."""
        if not self.samples:
            pytest.skip("no samples given")
        own = self.own_outlets()
        for sample in self.samples:
            report = self._parse(_read(sample))
            assert report.outlet in own, f"{_name(sample)} was read as {report.outlet!r}"

    def test_leaves_other_outlets_pages_alone(self) -> None:
        """Pages written in the styles of other outlets are not claimed by the plugin."""
        foreign = self._foreign_styles()
        if not foreign:
            pytest.skip("no other outlets' styles")
        own = self.own_outlets()

        @self._property(st.one_of(*(report_texts(s) for s in foreign)))
        def check(text: str) -> None:
            report = self._parse(text)
            assert report.outlet not in own, f"claimed a page of another outlet:\n{text}"

        check()

    def test_leaves_foreign_samples_alone(self) -> None:
        """None of ``foreign_samples`` is claimed by the plugin."""
        if not self.foreign_samples:
            pytest.skip("no foreign samples given")
        own = self.own_outlets()
        for sample in self.foreign_samples:
            report = self._parse(_read(sample))
            assert report.outlet not in own, f"claimed {_name(sample)} as {report.outlet!r}"


def _call(implementation: pluggy.HookImpl, **arguments: Any) -> Any:
    """Call one hook implementation with the arguments it asks for."""
    return implementation.function(**{name: arguments[name]
                                      for name in implementation.argnames})
