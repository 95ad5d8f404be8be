"""``conflictparse new-plugin``: scaffold an outlet plugin distribution from the templates.

The templates under ``conflictparse/templates/plugin/`` are plain files ending ``.tmpl`` in
which ``{{placeholder}}`` marks are replaced (and ``__package__`` / ``__outlet_id__`` in file
names). What they make installs, registers its outlet through the ``conflictparse`` entry
point and passes its own tests as generated::

    conflictparse-<name>/
        pyproject.toml              hatchling, the entry point, a compatible pin on the core
        README.md
        src/conflictparse_<id>/__init__.py   a commented OutletProfile and register_outlets
        tests/test_<id>.py          fixture tests
        tests/test_conformance.py   the conformance suite of ``conflictparse.testing``
        tests/fixtures/sample.txt   an invented report in the outlet's (assumed) style
"""

from __future__ import annotations

import argparse
import importlib.resources
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from ._errors import ConflictParseError
from ._version import __version__

_ID = re.compile(r"[a-z][a-z0-9_]*")
_UNSAFE_NAME = re.compile(r"[\"\\\n\r{}]")


class ScaffoldError(ConflictParseError, ValueError):
    """``new-plugin`` was given a name it cannot use, or a folder that already exists."""


@attrs.frozen(kw_only=True)
class PluginNames:
    """Every name a new plugin needs, derived from what the author typed."""

    outlet_id: str
    """Snake-case outlet id and entry-point name (``north_press``)."""
    outlet_name: str
    """Display name (``North Press``)."""
    distribution: str
    """Distribution (and folder) name (``conflictparse-north-press``)."""
    package: str
    """Import package (``conflictparse_north_press``)."""

    @classmethod
    def from_name(cls, name: str, outlet_name: str | None = None) -> PluginNames:
        """Names for ``name`` (``north-press``, ``North Press`` or ``north_press``; a leading
        ``conflictparse-`` is dropped). Raises :class:`ScaffoldError` for an unusable name."""
        words = re.findall(r"[A-Za-z0-9]+", name.strip())
        if words and words[0].lower() == "conflictparse":
            words = words[1:]
        outlet_id = "_".join(word.lower() for word in words)
        if not _ID.fullmatch(outlet_id):
            raise ScaffoldError(f"cannot make an outlet id of {name!r}: use letters, digits "
                                "and dashes, starting with a letter (e.g. north-press)")
        display = " ".join((outlet_name or " ".join(w.capitalize() for w in words)).split())
        if not display or _UNSAFE_NAME.search(display):
            raise ScaffoldError(f"unusable outlet name {outlet_name!r}: it must not be empty "
                                "or contain quotes, backslashes, braces or line breaks")
        return cls(outlet_id=outlet_id, outlet_name=display,
                   distribution="conflictparse-" + outlet_id.replace("_", "-"),
                   package="conflictparse_" + outlet_id)

    def substitutions(self) -> dict[str, str]:
        """The ``{{placeholder}}`` values of the templates."""
        major, minor = (int(part) for part in __version__.split(".")[:2])
        upper = f"{major + 1}" if major else f"0.{minor + 1}"
        return {
            "outlet_id": self.outlet_id,
            "outlet_name": self.outlet_name,
            "distribution": self.distribution,
            "package": self.package,
            "name_pattern": r"\s+".join(re.escape(word) for word in self.outlet_name.split()),
            "core_requirement": f"conflictparse>={major}.{minor},<{upper}",
        }


def _templates() -> Iterator[tuple[str, str]]:
    """(relative path, text) of every template file."""
    root = importlib.resources.files("conflictparse") / "templates" / "plugin"
    stack: list[tuple[str, Any]] = [("", root)]
    while stack:
        prefix, folder = stack.pop()
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_dir():
                if entry.name != "__pycache__":
                    stack.append((f"{prefix}{entry.name}/", entry))
            elif entry.name.endswith(".tmpl"):
                yield prefix + entry.name.removesuffix(".tmpl"), entry.read_text(encoding="utf-8")


def render(names: PluginNames) -> dict[str, str]:
    """The files of the new plugin, by path relative to its folder."""
    values = names.substitutions()
    files: dict[str, str] = {}
    for path, text in _templates():
        for key, value in values.items():
            text = text.replace("{{" + key + "}}", value)
        path = path.replace("__package__", names.package).replace("__outlet_id__",
                                                                  names.outlet_id)
        leftover = re.search(r"\{\{\w+\}\}", text)
        if leftover:  # pragma: no cover - a broken template is a bug in conflictparse
            raise AssertionError(f"template {path}: unknown placeholder {leftover[0]}")
        files[path] = text
    return files


def create_plugin(name: str, *, outlet_name: str | None = None,
                  directory: Path | str = ".") -> Path:
    """Write a new plugin distribution into ``directory`` and return its folder.

    Raises :class:`ScaffoldError` when the name is unusable or the folder exists and is not
    empty.
    """
    return _write(PluginNames.from_name(name, outlet_name), Path(directory))


def _write(names: PluginNames, directory: Path) -> Path:
    target = directory / names.distribution
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ScaffoldError(f"{target} already exists and is not an empty folder")
    for path, text in render(names).items():
        destination = target / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(text, encoding="utf-8", newline="\n")
    return target


def add_command(commands: Any) -> None:
    """Add the ``new-plugin`` subcommand to the CLI's subparsers."""
    command: argparse.ArgumentParser = commands.add_parser(
        "new-plugin", help="scaffold an outlet plugin distribution",
        description="Create conflictparse-NAME/ with a pyproject (entry point), a package "
                    "holding a commented OutletProfile, tests and a sample fixture.")
    command.add_argument("name", metavar="NAME",
                         help="the outlet, e.g. north-press (becomes the id north_press)")
    command.add_argument("--outlet-name", metavar="DISPLAY",
                         help='display name (default: from NAME, e.g. "North Press")')
    command.add_argument("--directory", type=Path, default=Path("."), metavar="DIR",
                         help="where to create the plugin folder (default: here)")
    command.set_defaults(run=_run)


def _run(arguments: argparse.Namespace) -> int:
    names = PluginNames.from_name(arguments.name, arguments.outlet_name)
    target = _write(names, arguments.directory)
    print(f"created {target}\n"
          f"  outlet {names.outlet_id!r} ({names.outlet_name}), package {names.package}\n"
          f"next: pip install -e {target} && python -m pytest {target}")
    return 0
