"""Tests that keep the documentation in step with the code: every hook and every public name is
documented, the plugin guide's excerpts are the real plugin's code, and the site builds
without a warning (when mkdocs is installed)."""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

import conflictparse
from conflictparse import hookspecs

ROOT = pathlib.Path(__file__).parents[1]
DOCS = ROOT / "docs"
PLUGIN = ROOT / "plugins" / "conflictparse-zaman-al-wasl"
HOOKS = sorted(name for name, value in vars(hookspecs).items()
               if callable(value) and hasattr(value, f"{hookspecs.PROJECT_NAME}_spec"))


def directive_members(page: pathlib.Path, identifier: str) -> list[str]:
    """The ``members:`` listed under ``::: identifier`` on ``page``."""
    text = page.read_text(encoding="utf-8")
    block = re.search(rf"^::: {re.escape(identifier)}\n((?:    .*\n|\n)*)", text, re.MULTILINE)
    assert block is not None, f"{page.name} has no '::: {identifier}' directive"
    return re.findall(r"^        - (\S+)$", block[1], re.MULTILINE)


def nav_pages() -> list[str]:
    """The Markdown files mkdocs.yml's nav names."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = config[config.index("\nnav:"):]
    return re.findall(r"^\s+- [^:\n]+: (\S+\.md)$", nav, re.MULTILINE)


def fenced_blocks(page: pathlib.Path, title: str) -> list[str]:
    """The code blocks of ``page`` whose fence carries ``title="<title>"``."""
    text = page.read_text(encoding="utf-8")
    return re.findall(rf'^```\w+ title="{re.escape(title)}"\n(.*?)^```$', text,
                      re.MULTILINE | re.DOTALL)


def test_hooks_are_found() -> None:
    """The hook spec module declares the hooks this test looks for."""
    assert {"register_outlets", "detect_outlet", "read_header", "finish_report"} <= set(HOOKS)


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_documented(hook: str) -> None:
    """Each hook has a docstring, is rendered on the hooks page and has a row in its table."""
    assert inspect.getdoc(getattr(hookspecs, hook)), f"{hook} has no docstring"
    page = DOCS / "hooks.md"
    assert hook in directive_members(page, "conflictparse.hookspecs")
    assert re.search(rf"^\| `{hook}` \|", page.read_text(encoding="utf-8"), re.MULTILINE), (
        f"hooks.md has no table row for {hook}")


def test_hooks_page_lists_nothing_else() -> None:
    """The hooks page renders only hooks (in pipeline order, as the spec declares them)."""
    members = directive_members(DOCS / "hooks.md", "conflictparse.hookspecs")
    in_source_order = sorted(HOOKS, key=lambda h: inspect.getsourcelines(
        getattr(hookspecs, h))[1])
    assert members == in_source_order


def api_names() -> list[str]:
    """The package-level names the API reference page renders (``::: conflictparse.NAME``)."""
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    return re.findall(r"^::: conflictparse\.(\w+)$", text, re.MULTILINE)


@pytest.mark.parametrize("name", conflictparse.__all__)
def test_every_public_name_is_in_the_api_reference(name: str) -> None:
    """Each name of ``conflictparse.__all__`` is rendered on the API reference page."""
    assert name in api_names()


def test_api_reference_lists_only_public_names() -> None:
    """The API page renders each public name once, and no private one (besides the public
    modules: ``conflictparse.schema``, ``conflictparse.evaluate``, …)."""
    names = [n for n in api_names() if importlib.util.find_spec(f"conflictparse.{n}") is None]
    assert len(names) == len(set(names))
    assert set(names) <= set(conflictparse.__all__)


def test_nav_covers_every_page() -> None:
    """Every page under docs/ is in the nav (or joins it through the optional-pages hook once
    it exists), and every nav entry exists."""
    sys.path.insert(0, str(DOCS / "_ext"))
    try:
        optional_pages = importlib.import_module("optional_pages")
    finally:
        sys.path.remove(str(DOCS / "_ext"))
    pages = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")
             if not p.relative_to(DOCS).as_posix().startswith("_")}
    listed = nav_pages()
    optional = {page for _, page, _ in optional_pages.OPTIONAL_PAGES}
    assert len(listed) == len(set(listed))
    assert not set(listed) & optional
    assert sorted(listed) == sorted(pages - optional)


def test_snippets_exist() -> None:
    """Every ``--8<--`` include names a file of the repository."""
    for page in DOCS.rglob("*.md"):
        for path in re.findall(r'--8<-- "([^"]+)"', page.read_text(encoding="utf-8")):
            assert (ROOT / path).is_file(), f"{page.name} includes a missing file {path}"


@pytest.mark.parametrize(("title", "source"), [
    ("src/conflictparse_zaman_al_wasl/__init__.py",
     PLUGIN / "src" / "conflictparse_zaman_al_wasl" / "__init__.py"),
    ("tests/test_zaman_al_wasl.py", PLUGIN / "tests" / "test_zaman_al_wasl.py"),
])
def test_guide_excerpts_are_the_real_code(title: str, source: pathlib.Path) -> None:
    """Each excerpt of the plugin in the author's guide is, line for line, in the plugin."""
    blocks = [b for b in fenced_blocks(DOCS / "plugin-guide.md", title) if "--8<--" not in b]
    assert blocks, f"the guide quotes nothing from {title}"
    lines = {line.strip() for line in source.read_text(encoding="utf-8").splitlines()}
    for block in blocks:
        missing = [line for line in block.splitlines() if line.strip() not in lines]
        assert not missing, f"the guide's excerpt of {title} has lines the file lacks: {missing}"


def test_readme_points_to_the_docs() -> None:
    """The README has a Documentation section naming the docs session."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Documentation" in readme
    assert "nox -s docs" in readme


def test_site_builds_without_warnings(tmp_path: pathlib.Path) -> None:
    """``mkdocs build --strict`` succeeds: no broken link, reference or include."""
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings")
    pytest.importorskip("material")
    mkdocs = shutil.which("mkdocs", path=str(pathlib.Path(sys.executable).parent))
    command = [mkdocs] if mkdocs else [sys.executable, "-m", "mkdocs"]
    result = subprocess.run(
        [*command, "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert (tmp_path / "site" / "hooks" / "index.html").is_file()
