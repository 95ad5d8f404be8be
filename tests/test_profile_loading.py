"""A parser loads fast: at registration an outlet profile's markers are compiled (detection
needs every outlet's) and its other patterns are only checked; the outlet's boilerplate,
header and provenance patterns are compiled when a report of it is first read. A profile
with a pattern that does not compile is still refused at registration."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import conflictparse
from conflictparse import Marker, OutletProfile, Parser, ProfileVariant, hookimpl

TODAY = dt.date(2026, 11, 25)
SEEDS = Path(__file__).parent / "fixtures" / "seeds"
DEBKA = (SEEDS / "000_ef60f1c7f8756a70.txt").read_text(encoding="utf-8")
OBSERVER = (SEEDS / "004_d8ee403f277f3248.txt").read_text(encoding="utf-8")


def compiled_outlets(parser: Parser) -> set[str]:
    return {outlet for outlet, _ in parser._profile_plugin._compiled}


def test_outlets_are_compiled_when_first_met_and_read_the_same() -> None:
    parser = Parser(today=TODAY)
    assert compiled_outlets(parser) == set()
    first = parser.parse(DEBKA)
    assert first.outlet == "debkafile"
    assert compiled_outlets(parser) == {"debkafile"}
    assert parser.parse(OBSERVER).outlet == "syrian_observer"
    assert compiled_outlets(parser) == {"debkafile", "syrian_observer"}
    assert parser.parse(DEBKA) == first


class _Registers:
    def __init__(self, profile: OutletProfile) -> None:
        self.profile = profile
        self.refusal: Exception | None = None

    @hookimpl
    def register_outlets(self, register: Callable[[OutletProfile], None]) -> None:
        try:
            register(self.profile)
        except conflictparse.PluginRegistrationError as error:
            self.refusal = error


@pytest.mark.parametrize("fields", [
    {"datelines": (r"(?P<date>\d{4}-\d{2}-\d{2}",)},
    {"headline_suffixes": (r"(?x) \| Outlet  # the site's name",)},  # swallows the ")"
    {"translator_notes": (r"[unclosed",)},
    {"variants": (ProfileVariant(name="v", detect="OUTLET", headline_prefixes=("(?<",)),)},
    {"variants": (ProfileVariant(name="v", detect="(OUTLET"),)},
    {"markers": (Marker(pattern="OUTLET)", weight=1.0),)},
], ids=["dateline", "verbose-comment", "translator-note", "variant-prefix", "variant-detect",
        "marker"])
def test_a_pattern_that_does_not_compile_refuses_the_profile_at_registration(
        fields: dict[str, object]) -> None:
    plugin = _Registers(OutletProfile(id="broken", name="Broken", **fields))  # type: ignore[arg-type]
    parser = Parser(plugins=[plugin], entry_points=False, today=TODAY)
    assert plugin.refusal is not None
    assert "'broken' has an invalid pattern" in str(plugin.refusal)
    assert "broken" not in parser.outlets


def test_preload_builds_every_outlet_and_reads_the_same() -> None:
    lazy = Parser(today=TODAY)
    eager = Parser(today=TODAY)
    eager.preload()
    variants = {(profile.id, variant.name if variant else "") for profile in eager.outlets.values()
                for variant in (None, *profile.variants)}
    assert set(eager._profile_plugin._compiled) == variants
    assert set(eager._profile_plugin._detectors) == set(eager.outlets)
    assert set(eager._grammars) == set(eager.outlets)
    for text in (DEBKA, OBSERVER):
        assert eager.parse(text) == lazy.parse(text)


@given(weights=st.lists(st.sampled_from([-0.6, -0.5, 0.05, 0.1, 0.2, 0.3, 0.5, 0.6, 0.9, 1.0]),
                        min_size=1, max_size=8),
       present=st.lists(st.booleans(), min_size=8, max_size=8))
def test_detection_stops_only_where_no_marker_left_can_change_the_score(
        weights: list[float], present: list[bool]) -> None:
    """Markers are looked for until the capped score is settled; the score is the one of
    adding every found marker's weight."""
    markers = tuple(Marker(pattern=f"MARK{k}X", weight=w) for k, w in enumerate(weights))
    text = "Headline\n\n" + " ".join(f"MARK{k}X" for k in range(len(weights)) if present[k])
    parser = Parser(plugins=[_Registers(OutletProfile(id="weighed", name="W", markers=markers))],
                    entry_points=False, today=TODAY)
    scores = dict(parser._profile_plugin.detect_outlet(text))
    total = 0.0
    for k, weight in enumerate(weights):
        if present[k]:
            total += weight
    assert scores["weighed"] == max(0.0, min(total, 1.0))


_PRELOADED = r"""
import functools, re, sys
from pathlib import Path
import regex
import conflictparse
from conflictparse import _attribution, _entities

parser = conflictparse.Parser()
parser.preload()
left = []
for module in (_attribution, _entities):
    for name, value in vars(module).items():
        lazy = {attribute for kind in type(value).__mro__ for attribute, member in vars(kind).items()
                if isinstance(member, functools.cached_property)}
        left += [f"{module.__name__}.{name}.{attribute}" for attribute in sorted(lazy)
                 if attribute not in vars(value)]
        if (hasattr(value, "cache_info") and value.__module__ == module.__name__
                and value.__wrapped__.__code__.co_argcount == 0 and value.cache_info().currsize == 0):
            left.append(f"{module.__name__}.{name}()")
if _entities._LITERALS._automaton is None:
    left.append("the scans' automaton")
assert not left, left

# And parsing compiles no pattern of these modules (a forked worker would compile it again).
compiled = []
def spy(compile):
    def spied(*arguments, **keywords):
        caller = sys._getframe(1).f_globals.get("__name__", "")
        if caller.startswith(("conflictparse._entities", "conflictparse._scan",
                              "conflictparse._attribution", "conflictparse._names",
                              "conflictparse._registry")):
            compiled.append((caller, arguments[0]))
        return compile(*arguments, **keywords)
    return spied
regex.compile, re.compile = spy(regex.compile), spy(re.compile)
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    parser.parse(path.read_text(encoding="utf-8"))
assert not compiled, compiled
"""


def test_preload_leaves_no_module_pattern_to_compile_on_first_use() -> None:
    """After ``preload()`` the module-level patterns the entity and claim passes compile on
    first use (cached properties, cached functions, the scans' automaton) are built, and
    parsing compiles none: a forked worker would pay ~20 ms to compile them again. In a
    fresh process, since the tests before have compiled them in this one."""
    import subprocess
    import sys

    subprocess.run([sys.executable, "-c", _PRELOADED, str(SEEDS)], check=True)
