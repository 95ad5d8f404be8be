"""Tests for ``conflictparse new-plugin``: names, rendering, and a generated plugin that
registers and passes its own tests as generated."""

from __future__ import annotations

import importlib
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

import conflictparse
from conflictparse import cli
from conflictparse._scaffold import PluginNames, ScaffoldError, create_plugin, render

ROOT = pathlib.Path(__file__).parents[1]


@pytest.mark.parametrize("typed", ["north-press", "North Press", "north_press",
                                   "conflictparse-north-press", "  North--Press "])
def test_names_from_what_was_typed(typed: str) -> None:
    """Dashes, spaces, case and a leading ``conflictparse-`` all give the same names."""
    names = PluginNames.from_name(typed)
    assert names == PluginNames(outlet_id="north_press", outlet_name="North Press",
                                distribution="conflictparse-north-press",
                                package="conflictparse_north_press")


def test_display_name_is_kept() -> None:
    """``--outlet-name`` is the display name as given, spaces normalised."""
    assert PluginNames.from_name("sana", "Syrian  Arab News Agency").outlet_name == (
        "Syrian Arab News Agency")


@pytest.mark.parametrize(("name", "outlet_name"), [
    ("", None), ("9news", None), ("conflictparse", None), ("---", None),
    ("north-press", 'North "Press"'), ("north-press", "North\\Press"), ("north-press", " "),
])
def test_unusable_names_are_refused(name: str, outlet_name: str | None) -> None:
    """Names that make no identifier, or display names that cannot go into a string, raise."""
    with pytest.raises(ScaffoldError):
        PluginNames.from_name(name, outlet_name)


def test_render_fills_every_placeholder() -> None:
    """Every template becomes a file with its placeholders and path parts filled in."""
    files = render(PluginNames.from_name("north-press"))
    assert sorted(files) == [
        "README.md", "pyproject.toml", "src/conflictparse_north_press/__init__.py",
        "tests/fixtures/sample.txt", "tests/test_conformance.py", "tests/test_north_press.py"]
    for text in files.values():
        assert "{{" not in text
    pyproject = files["pyproject.toml"]
    assert '[project.entry-points.conflictparse]\nnorth_press = "conflictparse_north_press"' in (
        pyproject)
    assert f'"conflictparse>={".".join(conflictparse.__version__.split(".")[:2])}' in pyproject
    source = files["src/conflictparse_north_press/__init__.py"]
    compile(source, "__init__.py", "exec")
    assert 'id="north_press"' in source
    assert r'_NAME = r"North\s+Press"' in source


def test_refuses_to_overwrite(tmp_path: pathlib.Path) -> None:
    """An existing, non-empty plugin folder is left alone."""
    create_plugin("north-press", directory=tmp_path)
    with pytest.raises(ScaffoldError, match="already exists"):
        create_plugin("north-press", directory=tmp_path)


def test_cli_command(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``conflictparse new-plugin`` creates the folder and says what to do next; a bad name
    is a usage error (status 2)."""
    status = cli.main(["new-plugin", "enab-baladi", "--outlet-name", "Enab Baladi",
                       "--directory", str(tmp_path)])
    assert status == 0
    assert (tmp_path / "conflictparse-enab-baladi" / "pyproject.toml").is_file()
    assert "pip install -e" in capsys.readouterr().out
    assert cli.main(["new-plugin", "9", "--directory", str(tmp_path)]) == 2
    assert "cannot make an outlet id" in capsys.readouterr().err


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """A plugin generated with an awkward display name, and a fake installation of it: a
    ``.dist-info`` folder holding its entry point, as pip would write it."""
    base = tmp_path_factory.mktemp("scaffold")
    folder = create_plugin("al-quds-al-arabi", outlet_name="Al-Quds Al-Arabi", directory=base)
    pyproject = (folder / "pyproject.toml").read_text(encoding="utf-8")
    name, version = (re.search(rf'^{key} = "([^"]+)"', pyproject, re.MULTILINE)[1]
                     for key in ("name", "version"))
    points = re.search(r"^\[project\.entry-points\.conflictparse\]\n((?:\w+ = .+\n)+)",
                       pyproject, re.MULTILINE)[1]
    info = base / "site" / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(
        "[conflictparse]\n" + points.replace('"', ""), encoding="utf-8")
    return folder


def _environment(folder: pathlib.Path) -> dict[str, str]:
    paths = [str(folder / "src"), str(folder.parent / "site"), os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}


def test_generated_plugin_registers_in_code(generated: pathlib.Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The generated module, put on sys.path, registers its outlet with Parser(plugins=…)."""
    monkeypatch.syspath_prepend(str(generated / "src"))
    module = importlib.import_module("conflictparse_al_quds_al_arabi")
    try:
        parser = conflictparse.Parser(plugins=[module], entry_points=False)
        assert parser.outlets["al_quds_al_arabi"].name == "Al-Quds Al-Arabi"
        sample = (generated / "tests" / "fixtures" / "sample.txt").read_text(encoding="utf-8")
        assert parser.parse(sample).outlet == "al_quds_al_arabi"
    finally:
        sys.modules.pop("conflictparse_al_quds_al_arabi", None)


def test_generated_plugin_is_found_by_its_entry_point(generated: pathlib.Path) -> None:
    """Installed (its entry point visible), ``conflictparse plugins`` lists the new outlet."""
    result = subprocess.run(
        [sys.executable, "-m", "conflictparse.cli", "plugins"], cwd=generated,
        env=_environment(generated), capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "al_quds_al_arabi" in result.stdout


def test_generated_tests_pass(generated: pathlib.Path) -> None:
    """The plugin's own tests pass as generated: its fixture tests, the entry-point test and
    the conformance suite (with the fast hypothesis profile)."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider", "-rs"], cwd=generated,
        env={**_environment(generated), "HYPOTHESIS_PROFILE": "ci"},
        capture_output=True, text=True, timeout=120, check=False)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    passed = set(re.findall(r"::(\w+(?:::\w+)?) PASSED", result.stdout))
    assert {"test_reads_the_sample", "test_entry_point_once_installed",
            "TestConformance::test_detects_its_own_pages",
            "TestConformance::test_leaves_other_outlets_pages_alone",
            "TestConformance::test_reads_its_datelines"} <= passed, output


def test_generated_code_is_lint_clean(generated: pathlib.Path) -> None:
    """ruff finds nothing in the generated plugin (with the project's rule set)."""
    ruff = shutil.which("ruff") or shutil.which("ruff", path=str(pathlib.Path(sys.executable).parent))
    if ruff is None:
        pytest.skip("ruff is not installed")
    result = subprocess.run(
        [ruff, "check", "--no-cache", "--isolated", "--line-length", "100",
         "--select", "E,F,W,I,B,UP,SIM,RUF,C4,PIE,PT,RET", "."],
        cwd=generated, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
