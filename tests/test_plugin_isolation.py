"""A plugin that raises, returns the wrong type or hangs in a pattern is isolated, hook by
hook: the report is still produced by the core and the other plugins, exactly as without the
bad plugin, plus a diagnostic naming it; a batch goes on. Plugins can be disabled by name, and
entry points that fail to load are reported without stopping the others."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import sys
import textwrap
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import conflictparse
from conflictparse import (
    AttributionPhrase,
    Marker,
    OutletProfile,
    Parser,
    ProfileVariant,
    Report,
    SourceKind,
    hookimpl,
)
from conflictparse import _plugins as plugins_module
from conflictparse.testing import check_report

TODAY = dt.date(2026, 11, 25)
SEEDS = Path(__file__).parent / "fixtures" / "seeds"
DEBKA = (SEEDS / "000_ef60f1c7f8756a70.txt").read_text(encoding="utf-8")
OBSERVER = (SEEDS / "004_d8ee403f277f3248.txt").read_text(encoding="utf-8")
BAD = "bad_plugin"

ARGUMENTS = {
    "register_outlets": ("register",),
    "register_actors": ("register",),
    "register_locations": ("register",),
    "detect_outlet": ("text",),
    "find_boilerplate": ("document", "outlet"),
    "read_header": ("document", "outlet", "boilerplate"),
    "read_provenance": ("document", "outlet", "header"),
    "attribution_phrases": ("outlet",),
    "finish_report": ("report",),
}
"""Every hook of the spec, with its arguments."""


def test_every_hook_of_the_spec_is_covered() -> None:
    from conflictparse import hookspecs

    specs = {name for name in dir(hookspecs)
             if hasattr(getattr(hookspecs, name), "conflictparse_spec")}
    assert specs == set(ARGUMENTS)


def plugin_with(hook: str, behaviour: Callable[..., object], name: str = BAD) -> types.ModuleType:
    """A plugin (a module object) implementing only ``hook``, by calling ``behaviour`` with
    the hook's arguments."""
    names = ARGUMENTS[hook]
    # pluggy reads the argument names from the signature: build a function that has them.
    namespace: dict[str, Any] = {"behaviour": behaviour}
    exec(f"def {hook}({', '.join(names)}):\n    return behaviour({', '.join(names)})",
         namespace)
    plugin = types.ModuleType(name)
    setattr(plugin, hook, hookimpl(namespace[hook]))
    return plugin


def raising(*_: object) -> object:
    raise RuntimeError("boom")


def timing_out(*_: object) -> object:
    raise TimeoutError("regex timed out")


WRONG_RESULTS: dict[str, list[object]] = {
    "detect_outlet": [42, object(), "debkafile", [("debkafile",)], [(1, 0.9)],
                      [("debkafile", "high")]],
    "find_boilerplate": [42, "0-10", [(1,)], [("a", "b")], [None], {"start": 1}],
    "read_header": [42, "DEBKAfile", {"headline": "x"}, conflictparse.Provenance()],
    "read_provenance": [42, "The Syrian Observer", {"translated_by": "x"}],
    "attribution_phrases": [42, "sources", [object()], [AttributionPhrase(
        pattern="(unclosed", kind=SourceKind.ANONYMOUS)]],
    "finish_report": [42, "report", attrs.evolve(conflictparse.parse(""), text="other")],
}
"""Results of the wrong type (or shape) for each per-report hook."""


def registering(item: object) -> Callable[..., object]:
    def register_it(register: Callable[[object], None]) -> None:
        register(item)
    return register_it


WRONG_REGISTRATIONS: dict[str, list[object]] = {
    "register_outlets": ["debkafile", 42, conflictparse.ActorEntry],
    "register_actors": ["RUS", 42, OutletProfile(id="x", name="X")],
    "register_locations": ["Daraa", 42, OutletProfile(id="x", name="X")],
}
"""Things of the wrong type registered by each registration hook."""


@pytest.fixture(scope="module")
def baseline() -> dict[str, Report]:
    """The two seeds read without any bad plugin."""
    parser = Parser(today=TODAY)
    return {"debka": parser.parse(DEBKA), "observer": parser.parse(OBSERVER)}


def without_diagnostics(report: Report) -> Report:
    return attrs.evolve(report, diagnostics=())


def assert_isolated(parser: Parser, baseline: dict[str, Report], name: str = BAD) -> None:
    """Both seeds read exactly as without the bad plugin, each with a diagnostic naming it."""
    for key, text in (("debka", DEBKA), ("observer", OBSERVER)):
        report = parser.parse(text)
        check_report(report, text)
        assert without_diagnostics(report) == without_diagnostics(baseline[key])
        named = [d for d in report.diagnostics if d.plugin == name]
        assert named, f"no diagnostic names {name!r}: {report.diagnostics}"
        assert all(d.code in ("plugin-error", "plugin-load-error") for d in named)
        assert all(d.severity is conflictparse.Severity.ERROR for d in named)


@pytest.mark.parametrize("hook", sorted(ARGUMENTS))
def test_a_raising_hook_is_isolated(hook: str, baseline: dict[str, Report]) -> None:
    parser = Parser(plugins=[plugin_with(hook, raising)], today=TODAY)
    assert_isolated(parser, baseline)
    message = next(d.message for d in parser.parse(DEBKA).diagnostics if d.plugin == BAD)
    assert hook in message and "boom" in message


@pytest.mark.parametrize("hook", sorted(ARGUMENTS))
def test_a_hook_that_times_out_in_a_pattern_is_isolated(hook: str,
                                                        baseline: dict[str, Report]) -> None:
    parser = Parser(plugins=[plugin_with(hook, timing_out)], today=TODAY)
    assert_isolated(parser, baseline)


@pytest.mark.parametrize(("hook", "result"), [(hook, result) for hook, results in
                                              WRONG_RESULTS.items() for result in results])
def test_a_hook_returning_the_wrong_type_is_isolated(hook: str, result: object,
                                                     baseline: dict[str, Report]) -> None:
    parser = Parser(plugins=[plugin_with(hook, lambda *_: result)], today=TODAY)
    assert_isolated(parser, baseline)


@pytest.mark.parametrize(("hook", "item"), [(hook, item) for hook, items in
                                            WRONG_REGISTRATIONS.items() for item in items])
def test_registering_the_wrong_type_is_isolated(hook: str, item: object,
                                                baseline: dict[str, Report]) -> None:
    parser = Parser(plugins=[plugin_with(hook, registering(item))], today=TODAY)
    assert_isolated(parser, baseline)


@pytest.mark.parametrize("hook", ["detect_outlet", "find_boilerplate", "attribution_phrases"])
def test_a_generator_that_fails_midway_is_isolated(hook: str,
                                                   baseline: dict[str, Report]) -> None:
    def failing_generator(*_: object) -> object:
        def generate() -> Any:
            yield from ()
            raise RuntimeError("boom")
        return generate()

    parser = Parser(plugins=[plugin_with(hook, failing_generator)], today=TODAY)
    assert_isolated(parser, baseline)


def test_generators_are_valid_results() -> None:
    """Hooks may return any iterable, generators included (they are read once)."""
    def phrases(outlet: str) -> Any:
        if outlet == "generic":
            yield AttributionPhrase(pattern=r"[Tt]he\s+watchtower", kind=SourceKind.ANONYMOUS)

    def furniture(document: Any, outlet: str) -> Any:
        start = document.folded.find("Subscribe now")
        if start >= 0:
            yield (start, start + len("Subscribe now"))

    parser = Parser(plugins=[plugin_with("attribution_phrases", phrases, "phrases"),
                             plugin_with("find_boilerplate", furniture, "furniture")],
                    entry_points=False, today=TODAY)
    report = parser.parse("Subscribe now\n\nThe watchtower said that the convoy left Homs.")
    assert [b.text for b in report.boilerplate] == ["Subscribe now"]
    assert [(c.source.span.text, c.content.text) for c in report.claims] == [
        ("The watchtower", "the convoy left Homs")]
    assert not report.diagnostics


def test_a_batch_goes_on_past_a_bad_plugin(baseline: dict[str, Report]) -> None:
    calls = []

    def flaky(report: Report) -> Report | None:
        calls.append(report.outlet)
        if report.outlet == "debkafile":
            raise RuntimeError("boom")
        return None

    parser = Parser(plugins=[plugin_with("finish_report", flaky)], today=TODAY)
    reports = list(parser.parse_many([DEBKA, OBSERVER, DEBKA, "", OBSERVER]))
    assert [r.outlet for r in reports] == ["debkafile", "syrian_observer", "debkafile", None,
                                           "syrian_observer"]
    assert [any(d.plugin == BAD for d in r.diagnostics) for r in reports] == [
        True, False, True, False, False]
    assert without_diagnostics(reports[2]) == without_diagnostics(baseline["debka"])


# -- patterns that hang -----------------------------------------------------------------------

CATASTROPHIC = r"(?:(?:\p{L}|\p{L}\p{L})+)+\d"
"""Exponential backtracking on a run of letters not followed by a digit (the ``regex``
module's own safeguards do not catch this one)."""
LETTERS = "a" * 60
ARABIC = "\u0628" * 60
HANGING_TEXT = (f"{LETTERS} strikes Daraa again {ARABIC}\nHANGING\n\n"
                f"Sources said that {LETTERS} {LETTERS}.\n\n"
                f"The {LETTERS} said that the convoy left.\n")
"""Every kind of pattern meets a run of letters: at the start of the headline line (prefixes,
datelines, boilerplate), after the Latin part of the headline (translation prefixes), in the
text (markers, notes, disclaimers, variants) and before a cue (attribution phrases)."""


@pytest.fixture
def short_timeout(monkeypatch: pytest.MonkeyPatch) -> float:
    """Plugin patterns time out after 50 ms instead of a second, to keep the tests fast."""
    from conflictparse import _attribution, _header, _provenance
    from conflictparse._default_plugins import profiles

    for module in (profiles, _header, _provenance, _attribution):
        monkeypatch.setattr(module, "PATTERN_TIMEOUT", 0.05, raising=False)
    return 0.05


def hanging_profiles() -> list[tuple[str, OutletProfile]]:
    """Profiles of an outlet ``hanging`` with the catastrophic pattern in one field each;
    every one is detected by its first marker on texts that say 'HANGING' at the top."""
    marker = Marker(pattern=r"HANGING", weight=1.0, header_only=True)
    base = OutletProfile(id="hanging", name="Hanging", markers=(marker,))
    variant = ProfileVariant(name="v", detect=CATASTROPHIC)
    phrase = AttributionPhrase(pattern=CATASTROPHIC, kind=SourceKind.ANONYMOUS)
    return [
        ("markers", attrs.evolve(base, markers=(marker, Marker(pattern=CATASTROPHIC,
                                                               weight=0.1)))),
        # Searched one alternative at a time, they must still share one time budget.
        ("marker_alternatives", attrs.evolve(base, markers=(marker, Marker(
            pattern="|".join([CATASTROPHIC] * 150), weight=0.1)))),
        ("headline_prefixes", attrs.evolve(base, headline_prefixes=(CATASTROPHIC,))),
        ("translation_prefixes", attrs.evolve(base, translation_prefixes=(CATASTROPHIC,))),
        ("datelines", attrs.evolve(base, datelines=(rf"(?P<date>{CATASTROPHIC})",))),
        ("boilerplate", attrs.evolve(base, boilerplate=(CATASTROPHIC,))),
        ("boilerplate_lines", attrs.evolve(base, boilerplate=(f"^{CATASTROPHIC}",))),
        ("translator_notes", attrs.evolve(base, translator_notes=(CATASTROPHIC,))),
        ("disclaimers", attrs.evolve(base, disclaimers=(CATASTROPHIC,))),
        ("variants", attrs.evolve(base, variants=(variant,))),
        ("attribution", attrs.evolve(base, attribution=(phrase,))),
    ]


HANGING = hanging_profiles()


@pytest.mark.parametrize(("field", "profile"), HANGING, ids=[f for f, _ in HANGING])
def test_a_profile_pattern_that_hangs_times_out(field: str, profile: OutletProfile,
                                                short_timeout: float) -> None:
    def register_outlets(register: Callable[[OutletProfile], None]) -> None:
        register(profile)

    plugin = plugin_with("register_outlets", register_outlets, "hanging_plugin")
    parser = Parser(plugins=[plugin], entry_points=False, today=TODAY)
    text = HANGING_TEXT
    started = time.perf_counter()
    report = parser.parse(text)
    elapsed = time.perf_counter() - started
    check_report(report, text)
    assert elapsed < 100 * short_timeout, f"took {elapsed:.2f}s"
    timeouts = [d for d in report.diagnostics if "timed out" in d.message]
    assert timeouts, report.diagnostics
    assert all(d.code in ("plugin-error", "pattern-timeout") for d in timeouts)
    assert any("hanging" in d.message for d in timeouts), "the diagnostic names no outlet"
    # A hanging pattern of one outlet does not stop the others being read.
    assert parser.parse(OBSERVER).outlet is None  # no observer plugin here: generic
    assert Parser(plugins=[plugin], today=TODAY).parse(DEBKA).outlet == "debkafile"


def test_an_invalid_profile_pattern_is_reported_and_the_others_work(
        baseline: dict[str, Report]) -> None:
    broken = OutletProfile(id="broken", name="Broken", markers=(Marker(pattern="(unclosed",
                                                                       weight=1.0),))

    def register_outlets(register: Callable[[OutletProfile], None]) -> None:
        register(broken)

    parser = Parser(plugins=[plugin_with("register_outlets", register_outlets)], today=TODAY)
    assert "broken" not in parser.outlets
    assert_isolated(parser, baseline)


# -- disabling and loading --------------------------------------------------------------------

def test_a_plugin_can_be_disabled_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Parser(today=TODAY).parse(DEBKA).outlet == "debkafile"
    assert Parser(disable=["debkafile"], today=TODAY).parse(DEBKA).outlet is None
    names = [info.name for info in Parser(disable=["debkafile"], today=TODAY).plugins()]
    assert "debkafile" not in names and "syrian_observer" in names
    bad = plugin_with("detect_outlet", raising)
    report = Parser(plugins=[bad], disable=[BAD], today=TODAY).parse(DEBKA)
    assert not [d for d in report.diagnostics if d.plugin == BAD]
    monkeypatch.setenv(plugins_module.DISABLE_ENV, "syrian_observer, debkafile")
    assert Parser(today=TODAY).parse(OBSERVER).outlet is None


def test_the_cli_disables_a_plugin_by_name(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from conflictparse import cli

    page = tmp_path / "page.txt"
    page.write_text(DEBKA, encoding="utf-8")
    assert cli.main(["parse", str(page), "--format", "gold", "--no-progress"]) == 0
    assert '"outlet": "debkafile"' in capsys.readouterr().out
    assert cli.main(["parse", str(page), "--format", "gold", "--no-progress",
                     "--disable", "debkafile"]) == 0
    assert '"outlet": null' in capsys.readouterr().out


def fake_entry_point(name: str, value: str) -> importlib.metadata.EntryPoint:
    return importlib.metadata.EntryPoint(name=name, value=value,
                                         group=plugins_module.ENTRY_POINT_GROUP)


def test_entry_points_that_fail_to_load_are_reported_and_the_others_load(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "cp_raises_on_import.py").write_text("raise RuntimeError('broken at import')\n")
    (tmp_path / "cp_unknown_hook.py").write_text(textwrap.dedent("""
        from conflictparse import hookimpl

        @hookimpl
        def detect_outlets(text):
            return None
    """))
    monkeypatch.syspath_prepend(str(tmp_path))
    real = plugins_module._entry_points()
    fakes = [fake_entry_point("missing", "cp_no_such_module_anywhere"),
             fake_entry_point("raises", "cp_raises_on_import"),
             fake_entry_point("unknown_hook", "cp_unknown_hook"),
             fake_entry_point("missing_attribute", "conflictparse:no_such_plugin")]
    monkeypatch.setattr(plugins_module, "_entry_points", lambda: [*fakes, *real])
    parser = Parser(today=TODAY)
    problems = {d.plugin: d for d in parser.parse("").diagnostics
                if d.code == "plugin-load-error"}
    assert set(problems) == {"missing", "raises", "unknown_hook", "missing_attribute"}
    assert "broken at import" in problems["raises"].message
    assert "detect_outlets" in problems["unknown_hook"].message
    loaded = {info.name for info in parser.plugins()}
    assert {e.name for e in real} <= loaded
    assert not loaded & set(problems)
    assert parser.parse(DEBKA).outlet == "debkafile"
    assert parser.parse(OBSERVER).outlet == "syrian_observer"
    sys.modules.pop("cp_unknown_hook", None)
    sys.modules.pop("cp_raises_on_import", None)


def test_a_refused_profile_leaves_nothing_behind_for_a_valid_one_of_the_same_id() -> None:
    """A profile whose second variant does not compile is refused whole: a later valid
    profile with the same id gets its own patterns, not the refused one's first variant."""
    refused = OutletProfile(
        id="clash", name="Clash", markers=(Marker(pattern="CLASH", weight=1.0),),
        boilerplate=(r"^Refused boilerplate line$",),
        variants=(ProfileVariant(name="v", detect="NEVER", boilerplate=("(unclosed",)),))
    valid = OutletProfile(id="clash", name="Clash", markers=(Marker(pattern="CLASH",
                                                                    weight=1.0),))

    def register_outlets(register: Callable[[OutletProfile], None]) -> None:
        with pytest.raises(conflictparse.PluginRegistrationError):
            register(refused)
        register(valid)

    parser = Parser(plugins=[plugin_with("register_outlets", register_outlets)],
                    entry_points=False, today=TODAY)
    text = "CLASH headline\n\nRefused boilerplate line\n\nOfficials said the convoy left.\n"
    report = parser.parse(text)
    assert report.outlet == "clash"
    assert not report.boilerplate  # the refused profile's line pattern is not in use
