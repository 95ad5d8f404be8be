"""Plugin discovery, registration and isolated hook calls.

Plugins come from three places, registered in this order: the built-in plugins, the
``conflictparse`` entry-point group, and the ``plugins`` argument of the Parser. A plugin
that fails to import or declares an unknown hook is left out and reported; the others load.

Hooks are called one implementation at a time (in pluggy's order: later-registered and
``tryfirst`` first) so that an implementation that raises, hangs in a pattern (``regex``
timeout) or returns the wrong type can be skipped and reported without losing the others.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable, Iterator
from importlib import metadata
from typing import Any

import attrs
import pluggy

from . import hookspecs
from ._errors import PartialResult
from ._types import Diagnostic, Severity

ENTRY_POINT_GROUP = "conflictparse"
DISABLE_ENV = "CONFLICTPARSE_DISABLE_PLUGINS"
"""Comma-separated plugin names to leave out, as with the ``disable`` argument."""


@attrs.frozen(kw_only=True)
class PluginInfo:
    """A registered plugin, as ``conflictparse plugins`` lists it."""

    name: str
    version: str | None
    hooks: tuple[str, ...]
    source: str
    """``builtin``, ``entry point`` or ``code``."""


class PluginHost:
    """A pluggy PluginManager plus the problems met while loading plugins."""

    def __init__(self, plugins: Iterable[object] = (), *, disable: Iterable[str] = (),
                 entry_points: bool = True, builtins: Iterable[tuple[str, object]] = ()) -> None:
        self.manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
        self.manager.add_hookspecs(hookspecs)
        self.problems: list[Diagnostic] = []
        self.sources: dict[str, str] = {}
        self.versions: dict[str, str | None] = {}
        disabled = set(disable) | {n.strip() for n in os.environ.get(DISABLE_ENV, "").split(",")
                                   if n.strip()}
        self.disabled = frozenset(disabled)
        for name, plugin in builtins:
            self._register(plugin, name, "builtin", None)
        if entry_points:
            for entry_point in _entry_points():
                if entry_point.name in self.disabled:
                    continue
                version = entry_point.dist.version if entry_point.dist else None
                try:
                    plugin = entry_point.load()
                except Exception as error:
                    self._problem(entry_point.name, f"failed to load: {error!r}")
                    continue
                self._register(plugin, entry_point.name, "entry point", version)
        for plugin in plugins:
            name = getattr(plugin, "__name__", None) or type(plugin).__name__
            if name not in self.disabled:
                self._register(plugin, name, "code", None)

    def _register(self, plugin: object, name: str, source: str, version: str | None) -> None:
        if isinstance(plugin, str):
            plugin = importlib.import_module(plugin)
        try:
            self.manager.register(plugin, name=name)
            self.manager.check_pending()
        except Exception as error:
            if self.manager.is_registered(plugin):
                self.manager.unregister(plugin)
            self._problem(name, f"rejected: {error}")
            return
        self.sources[name] = source
        self.versions[name] = version

    def _problem(self, plugin: str, message: str) -> None:
        self.problems.append(Diagnostic(code="plugin-load-error", message=f"{plugin}: {message}",
                                        severity=Severity.ERROR, plugin=plugin))

    def info(self) -> list[PluginInfo]:
        """The registered plugins with their versions and hooks."""
        result = []
        for name, plugin in self.manager.list_name_plugin():
            hooks = tuple(sorted(h.name for h in self.manager.get_hookcallers(plugin) or ()))
            result.append(PluginInfo(name=name, version=self.versions.get(name), hooks=hooks,
                                     source=self.sources.get(name, "code")))
        return result

    def call_each(self, hook: str, diagnostics: list[Diagnostic], check: Callable[[Any], bool],
                  /, **kwargs: Any) -> Iterator[tuple[str, Any]]:
        """Call each implementation of ``hook`` in pluggy order, isolated; yield
        ``(plugin name, result)`` for each non-``None`` result that passes ``check`` (an
        iterator result is read into a tuple first)."""
        caller = getattr(self.manager.hook, hook)
        for implementation in reversed(caller.get_hookimpls()):
            name = implementation.plugin_name
            try:
                arguments = {a: kwargs[a] for a in implementation.argnames}
                result = implementation.function(**arguments)
                if isinstance(result, Iterator):
                    result = tuple(result)  # a generator runs here, inside the isolation
            except PartialResult as partial:  # a problem reported, the rest still usable
                diagnostics.append(Diagnostic(
                    code="plugin-error", severity=Severity.ERROR, plugin=name,
                    message=f"{hook} in plugin {name!r}: {partial}"))
                result = partial.result
            except Exception as error:
                diagnostics.append(Diagnostic(
                    code="plugin-error", severity=Severity.ERROR, plugin=name,
                    message=f"{hook} in plugin {name!r} raised {type(error).__name__}: {error}"))
                continue
            if result is None:
                continue
            if not check(result):
                diagnostics.append(Diagnostic(
                    code="plugin-error", severity=Severity.ERROR, plugin=name,
                    message=f"{hook} in plugin {name!r} returned {type(result).__name__}, "
                            "which is not what the hook spec asks for"))
                continue
            yield name, result


def _entry_points() -> list[metadata.EntryPoint]:
    return sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name)
