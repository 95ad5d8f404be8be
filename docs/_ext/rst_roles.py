"""A griffe extension for the API pages: the docstrings are written with reST roles for
Sphinx-style tools; mkdocstrings renders Markdown. Before rendering, this turns

* ``:class:`~conflictparse.Parser``` into a link to the documented object (autorefs), or into
  plain code when the target is not on a documented page (private modules);
* a paragraph ending in ``::`` (a reST literal block follows) into one ending in ``:``.

Loaded by mkdocstrings from ``mkdocs.yml`` (``extensions``); not published with the site.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|func|meth|attr|mod|exc|data|obj):`(~?)([\w.]+)`")
_LITERAL = re.compile(r"(?<=\S)::$", re.MULTILINE)

DOCUMENTED = ("conflictparse", "conflictparse.hookspecs", "conflictparse.schema",
              "conflictparse.arrow", "conflictparse.dask", "conflictparse.evaluate",
              "conflictparse.testing")
"""Modules whose public members have pages (and so anchors)."""


class RstRoles(griffe.Extension):
    """Rewrite reST roles in every docstring of the package once it is loaded."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        public = set(getattr(pkg, "exports", None) or ())
        stack: list[griffe.Object] = [pkg]
        while stack:
            obj = stack.pop()
            if obj.docstring is not None:
                obj.docstring.value = _rewrite(obj.docstring.value, public)
            stack.extend(member for member in obj.members.values() if not member.is_alias)


def _rewrite(text: str, public: set[str]) -> str:
    def link(match: re.Match[str]) -> str:
        short, target = match[1] == "~", match[2]
        shown = target.rsplit(".", 1)[-1] if short else target
        full = _resolve(target, public)
        return f"[`{shown}`][{full}]" if full else f"`{shown}`"

    return _LITERAL.sub(":", _ROLE.sub(link, text))


def _resolve(target: str, public: set[str]) -> str | None:
    """The documented path of ``target``, or None when no page documents it."""
    parts = target.split(".")
    if parts[0] != "conflictparse":
        parts = ["conflictparse", *parts]
    if parts[1:2] and parts[1] in public:
        # conflictparse.Report, conflictparse.Report.headline: rendered under the package.
        return ".".join(parts) if all(not p.startswith("_") for p in parts) else None
    for module in DOCUMENTED[1:]:
        prefix = module.split(".")
        if parts[:len(prefix)] == prefix and all(not p.startswith("_") for p in parts):
            return ".".join(parts)
    return None
