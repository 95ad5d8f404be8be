"""Which texts the Syrian Observer plugin claims, which it leaves to others, and how it is
installed.

Detection is scored by the profile's markers; these tests run the plugin alone, next to the
DEBKAfile plugin, with every installed plugin, and as the ``conflictparse`` command sees it.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import pathlib
import subprocess
import sys

import conflictparse_syrian_observer
import pytest

from conflictparse import Parser

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
SEEDS = pathlib.Path(__file__).parents[3] / "tests" / "fixtures" / "seeds"
"""The seed reports of the conflictparse checkout this plugin lives in, when present."""
DEBKA_FIXTURES = pathlib.Path(__file__).parents[2] / "conflictparse-debkafile" / "tests" / "fixtures"
TODAY = dt.date(2025, 1, 1)
OWN_FIXTURES = sorted(path.name for path in FIXTURES.glob("*.txt"))
NO_OUTLET_MARKS = (
    "Bakeries close early in Daraa\n\nBakeries in several towns of Daraa closed at noon on "
    "Sunday because of a flour shortage, residents said.\n"
)
SUMMARY_ONLY = (
    "Bakeries close early in Daraa\n\nBakeries in several towns of Daraa closed at noon on "
    "Sunday because of a flour shortage, reports Enab Baladi.\n"
)
"""A text naming a translated outlet but carrying no Syrian Observer marks."""


def read(name: str) -> str:
    """The text of fixture ``name``."""
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def parser() -> Parser:
    """A parser with only this plugin (and the built-in generic outlet)."""
    return Parser(plugins=[conflictparse_syrian_observer], entry_points=False, today=TODAY)


@pytest.fixture(scope="module")
def both() -> Parser:
    """A parser with this plugin and the DEBKAfile plugin, competing for every text."""
    debkafile = pytest.importorskip("conflictparse_debkafile")
    return Parser(plugins=[conflictparse_syrian_observer, debkafile], entry_points=False,
                  today=TODAY)


@pytest.fixture(scope="module")
def installed() -> Parser:
    """A parser with every installed plugin, as users get it."""
    return Parser(today=TODAY)


def test_entry_point_names_the_module() -> None:
    """The distribution publishes the module under the ``conflictparse`` entry-point group."""
    points = importlib.metadata.entry_points(group="conflictparse")
    assert {p.name: p.value for p in points}["syrian_observer"] == "conflictparse_syrian_observer"


def test_registers_one_profile(parser: Parser) -> None:
    """Registering the module adds the ``syrian_observer`` outlet with its display name."""
    assert parser.outlets["syrian_observer"].name == "The Syrian Observer"
    assert not [d for d in parser._setup_problems if d.code == "plugin-error"]


@pytest.mark.parametrize("name", OWN_FIXTURES)
def test_claims_its_own_fixtures(both: Parser, installed: Parser, name: str) -> None:
    """Every fixture is claimed by this plugin, next to DEBKAfile and among all installed
    plugins (Zaman al-Wasl's included, whose reports it translates)."""
    text = read(name)
    assert both.parse(text).outlet == "syrian_observer"
    assert installed.parse(text).outlet == "syrian_observer"


def test_claims_seed_004(both: Parser) -> None:
    """The Syrian Observer seed is claimed next to the DEBKAfile plugin."""
    seed = next(iter(sorted(SEEDS.glob("004_*.txt"))), None)
    if seed is None:
        pytest.skip("the conflictparse checkout's seeds are not available")
    assert both.parse(seed.read_text(encoding="utf-8")).outlet == "syrian_observer"


def test_does_not_claim_debkafile_fixtures(both: Parser, parser: Parser) -> None:
    """The DEBKAfile plugin's fixtures and seed are not the Syrian Observer's."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEBKA_FIXTURES.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("000_*.txt"))]
    if not texts:
        pytest.skip("the DEBKAfile plugin's fixtures are not available")
    for text in texts:
        assert parser.parse(text).outlet != "syrian_observer"
        assert both.parse(text).outlet != "syrian_observer"


@pytest.mark.parametrize("text", [NO_OUTLET_MARKS, SUMMARY_ONLY])
def test_text_without_outlet_marks_falls_to_generic(parser: Parser, text: str) -> None:
    """Without the Syrian Observer's marks a text is the generic outlet's, even when it names
    an outlet the Syrian Observer translates."""
    report = parser.parse(text)
    assert report.outlet is None
    assert report.provenance.translated_by is None
    assert report.headline == "Bakeries close early in Daraa"


def test_outlet_argument_overrides_detection(both: Parser) -> None:
    """``outlet="syrian_observer"`` reads a text with this profile whatever it looks like, and
    ``outlet="debkafile"`` reads one of this plugin's fixtures with DEBKAfile's."""
    report = both.parse(SUMMARY_ONLY, outlet="syrian_observer")
    assert report.outlet == "syrian_observer"
    assert report.outlet_name == "The Syrian Observer"
    assert report.provenance.original_outlet == "Enab Baladi"
    forced = both.parse(read("logo_wide_full_note.txt"), outlet="debkafile")
    assert forced.outlet == "debkafile"
    assert forced.provenance.translated_by is None


def test_plugins_command_lists_both_plugins_with_versions() -> None:
    """`conflictparse plugins` lists this plugin and DEBKAfile's, with versions."""
    result = subprocess.run([sys.executable, "-m", "conflictparse.cli", "plugins", "--json"],
                            capture_output=True, text=True, check=True, timeout=120)
    listed = {entry["name"]: entry for entry in json.loads(result.stdout)}
    for name, distribution in (("syrian_observer", "conflictparse-syrian-observer"),
                               ("debkafile", "conflictparse-debkafile")):
        assert listed[name]["version"] == importlib.metadata.version(distribution)
        assert listed[name]["source"] == "entry point"
    table = subprocess.run([sys.executable, "-m", "conflictparse.cli", "plugins"],
                           capture_output=True, text=True, check=True, timeout=120).stdout
    rows = {line.split()[0]: line.split()[1] for line in table.splitlines()
            if line.strip() and not line.startswith("outlets:")}
    assert rows["syrian_observer"] == importlib.metadata.version("conflictparse-syrian-observer")
    assert rows["debkafile"] == importlib.metadata.version("conflictparse-debkafile")
