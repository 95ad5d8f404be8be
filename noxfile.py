"""Development sessions: `nox -l` lists them, `nox` runs tests on every Python, lint and types.

Interpreters 3.10–3.13 are found on PATH, or under `pyenv root` (or $PYENV_ROOT) when
pyenv manages them; nothing machine-specific is written here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import nox

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]
PLUGINS = sorted(str(p) for p in Path("plugins").iterdir() if (p / "pyproject.toml").is_file())

nox.options.sessions = ["tests", "extras", "lint", "typecheck"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = True


def _pyenv_paths() -> list[str]:
    """bin folders of pyenv-installed Pythons, so nox finds `python3.X` without shims."""
    root = os.environ.get("PYENV_ROOT")
    if not root and shutil.which("pyenv"):
        root = subprocess.run(["pyenv", "root"], capture_output=True, text=True,
                              check=False).stdout.strip()
    versions = Path(root or "~/.pyenv").expanduser() / "versions"
    if not versions.is_dir():
        return []
    return [str(v / "bin") for v in sorted(versions.iterdir()) if (v / "bin").is_dir()]


os.environ["PATH"] = os.pathsep.join([os.environ.get("PATH", ""), *_pyenv_paths()])


def _install(session: nox.Session, *extras: str) -> None:
    """Install the core (with extras) and every outlet plugin under plugins/."""
    core = f".[{','.join(extras)}]" if extras else "."
    session.install(core, *PLUGINS)


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Run the test suite (core and every plugin) with the fast hypothesis profile."""
    _install(session, "testing")
    session.run("python", "-m", "pytest", "-q", "tests", *PLUGINS, *session.posargs,
                env={"HYPOTHESIS_PROFILE": "ci"})


@nox.session(python=["3.10", "3.13"])
def extras(session: nox.Session) -> None:
    """The tests of the optional extras (Dask on a real LocalCluster, Arrow/Parquet tables),
    which skip where only `[testing]` is installed, as in CI and the `tests` session."""
    _install(session, "testing", "dask", "parquet")
    session.run("python", "-m", "pytest", "-q", "tests/test_dask.py", "tests/test_arrow.py",
                *session.posargs, env={"HYPOTHESIS_PROFILE": "ci"})


@nox.session(python="3.11")
def fuzz(session: nox.Session) -> None:
    """Property tests and every plugin's conformance suite with many more hypothesis examples."""
    _install(session, "testing")
    conformance = [f"{plugin}/tests/test_conformance.py" for plugin in PLUGINS]
    session.run("python", "-m", "pytest", "-q", "--hypothesis-show-statistics", "tests/property", *conformance,
                *session.posargs, env={"HYPOTHESIS_PROFILE": "fuzz"})


@nox.session(python="3.11")
def lint(session: nox.Session) -> None:
    """ruff over the core, plugins, tests and scripts."""
    session.install("ruff")
    session.run("ruff", "check", "src", "plugins", "tests", "noxfile.py")


@nox.session(python="3.11")
def typecheck(session: nox.Session) -> None:
    """mypy --strict over the core package."""
    _install(session, "testing")
    session.install("mypy", "types-python-dateutil", "types-regex")
    session.run("mypy", "--strict", "src/conflictparse")


@nox.session(python="3.11")
def docs(session: nox.Session) -> None:
    """Build the documentation site (mkdocs --strict: any warning fails); `-- serve` previews."""
    _install(session, "docs")
    arguments = session.posargs or ["build", "--strict"]
    session.run("mkdocs", *arguments, env={"NO_MKDOCS_2_WARNING": "1"})


@nox.session(python="3.11")
def bench(session: nox.Session) -> None:
    """The full benchmark (minutes: 2,000 reports, a 1 GB JSONL stream in a temporary folder),
    with the optional spaCy and dateparser rows; `nox -s bench -- --short` for a quick run."""
    _install(session, "bench", "dask", "parquet")
    session.run("python", "benchmarks/bench.py", *session.posargs)


@nox.session(python="3.11")
def bench_short(session: nox.Session) -> None:
    """The benchmark in short mode (seconds): the step CI runs; no optional extras."""
    _install(session)
    session.run("python", "benchmarks/bench.py", "--short", "--skip", "comparisons",
                *session.posargs)
