"""Which texts the DEBKAfile plugin claims, which it leaves to others, and how it is installed.

Detection is scored by the profile's markers; these tests run the plugin alone, next to the
Syrian Observer plugin, and as installed (entry points and the ``conflictparse`` command).
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import pathlib
import subprocess
import sys

import conflictparse_debkafile
import pytest

from conflictparse import Parser

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
SEEDS = pathlib.Path(__file__).parents[3] / "tests" / "fixtures" / "seeds"
"""The seed reports of the conflictparse checkout this plugin lives in, when present."""
TODAY = dt.date(2025, 1, 1)


def read(name: str) -> str:
    """The text of fixture ``name``."""
    return (FIXTURES / name).read_text(encoding="utf-8")


OWN_FIXTURES = sorted(
    path.name for path in FIXTURES.glob("*.txt")
    if path.name not in {"other_outlet_slash_dateline.txt", "about_debka_report.txt",
                         "quoting_debka_sources.txt"}
)
"""Every fixture that is a DEBKAfile report (or a repost or translation of one)."""
NOT_DEBKA = ["other_outlet_slash_dateline.txt", "about_debka_report.txt"]
NO_OUTLET_MARKS = (
    "Rockets hit northern town\n\nTwo rockets fired from Lebanon hit an empty field near a "
    "northern town on Tuesday, the army said. Nobody was hurt.\n"
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    """A parser with only this plugin (and the built-in generic outlet)."""
    return Parser(plugins=[conflictparse_debkafile], entry_points=False, today=TODAY)


@pytest.fixture(scope="module")
def both() -> Parser:
    """A parser with this plugin and the Syrian Observer plugin, competing for every text."""
    syrian_observer = pytest.importorskip("conflictparse_syrian_observer")
    return Parser(plugins=[conflictparse_debkafile, syrian_observer], entry_points=False,
                  today=TODAY)


def test_entry_point_names_the_module() -> None:
    """The distribution publishes the module under the ``conflictparse`` entry-point group."""
    points = importlib.metadata.entry_points(group="conflictparse")
    assert {p.name: p.value for p in points}["debkafile"] == "conflictparse_debkafile"


def test_registers_one_profile(parser: Parser) -> None:
    """Registering the module adds the ``debkafile`` outlet with its display name."""
    assert parser.outlets["debkafile"].name == "DEBKAfile"
    assert not [d for d in parser._setup_problems if d.code == "plugin-error"]


@pytest.mark.parametrize("name", OWN_FIXTURES)
def test_claims_its_own_fixtures(both: Parser, name: str) -> None:
    """Every DEBKAfile fixture is claimed by this plugin, also next to the Syrian Observer."""
    assert both.parse(read(name)).outlet == "debkafile"


def test_claims_seed_000(both: Parser) -> None:
    """The DEBKAfile seed is claimed next to the Syrian Observer plugin."""
    seed = next(iter(sorted(SEEDS.glob("000_*.txt"))), None)
    if seed is None:
        pytest.skip("the conflictparse checkout's seeds are not available")
    assert both.parse(seed.read_text(encoding="utf-8")).outlet == "debkafile"


def test_does_not_claim_syrian_observer_fixtures(both: Parser) -> None:
    """The Syrian Observer plugin's fixtures and seed are not DEBKAfile's."""
    other = FIXTURES.parents[2] / "conflictparse-syrian-observer" / "tests" / "fixtures"
    texts = [p.read_text(encoding="utf-8") for p in sorted(other.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("004_*.txt"))]
    if not texts:
        pytest.skip("the Syrian Observer plugin's fixtures are not available")
    alone = Parser(plugins=[conflictparse_debkafile], entry_points=False, today=TODAY)
    for text in texts:
        assert alone.parse(text).outlet != "debkafile"
        assert both.parse(text).outlet != "debkafile"


@pytest.mark.parametrize("name", NOT_DEBKA)
def test_leaves_look_alikes_to_the_generic_outlet(parser: Parser, name: str) -> None:
    """Another outlet in the reposting site's `Outlet/Mon dd/yy` shape, and an article that
    cites DEBKAfile as its source, are not DEBKAfile's reports."""
    report = parser.parse(read(name))
    assert report.outlet is None
    assert report.outlet_name is None


def test_text_without_outlet_marks_falls_to_generic(parser: Parser) -> None:
    """A text with no outlet marks is read by the generic outlet."""
    report = parser.parse(NO_OUTLET_MARKS)
    assert report.outlet is None
    assert report.headline == "Rockets hit northern town"


def test_outlet_argument_overrides_detection(both: Parser) -> None:
    """``outlet="debkafile"`` reads a text with the DEBKAfile profile whatever it looks like."""
    text = NO_OUTLET_MARKS.replace("Nobody was hurt.", "DEBKA: The rockets were a warning.")
    assert both.parse(text).outlet is None
    report = both.parse(text, outlet="debkafile")
    assert report.outlet == "debkafile"
    assert report.outlet_name == "DEBKAfile"
    assert [c.source.name for c in report.claims if c.cue is None] == ["DEBKA"]
    other = both.parse(read("other_outlet_slash_dateline.txt"), outlet="debkafile")
    assert other.outlet == "debkafile"


def test_plugins_command_lists_both_plugins_with_versions() -> None:
    """`conflictparse plugins` lists this plugin and the Syrian Observer's, with versions."""
    result = subprocess.run([sys.executable, "-m", "conflictparse.cli", "plugins", "--json"],
                            capture_output=True, text=True, check=True, timeout=120)
    listed = {entry["name"]: entry for entry in json.loads(result.stdout)}
    for name, distribution in (("debkafile", "conflictparse-debkafile"),
                               ("syrian_observer", "conflictparse-syrian-observer")):
        assert listed[name]["version"] == importlib.metadata.version(distribution)
        assert listed[name]["source"] == "entry point"
        assert "register_outlets" in listed[name]["hooks"]
    table = subprocess.run([sys.executable, "-m", "conflictparse.cli", "plugins"],
                           capture_output=True, text=True, check=True, timeout=120).stdout
    outlets = table.strip().splitlines()[-1]
    assert "debkafile" in outlets and "syrian_observer" in outlets
