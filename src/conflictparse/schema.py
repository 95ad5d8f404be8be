"""The JSON Schema of conflictparse's JSON output, generated from the attrs types.

:func:`report_schema` walks :class:`~conflictparse.Report` with ``attrs.fields`` and the type
hints, and describes exactly what :func:`conflictparse.report_to_dict` (and so
``conflictparse parse --format json|jsonl``) writes: dates as ISO strings, enums as their
values, tuples as arrays, every field present (``null`` when unset), and a ``schema_version``.
Descriptions come from the docstrings under the fields. The checked-in copy is
``docs/schema/report.schema.json``; regenerate it with::

    python -m conflictparse.schema docs/schema/report.schema.json
"""

from __future__ import annotations

import ast
import datetime as dt
import enum
import inspect
import itertools
import json
import re
import sys
import textwrap
import types
import typing
from collections.abc import Sequence
from typing import Any

import attrs

from ._serialize import SCHEMA_VERSION
from ._types import Report

DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of :func:`report_schema`."""

__all__ = ["DIALECT", "report_schema", "schema_json"]


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a :func:`conflictparse.report_to_dict` dict."""
    definitions: dict[str, dict[str, Any]] = {}
    _define(Report, definitions)
    top = definitions.pop(Report.__name__)
    top["properties"]["schema_version"] = {
        "const": SCHEMA_VERSION,
        "description": "Version of this output format; changes when a field is renamed, "
                       "removed or changes type.",
    }
    top["properties"]["id"] = {
        "type": "string",
        "description": "The input's name (file path, or JSONL id), added by the command line.",
    }
    top["required"].append("schema_version")
    return {
        "$schema": DIALECT,
        "title": "conflictparse report",
        **top,
        "$defs": dict(sorted(definitions.items())),
    }


def schema_json() -> str:
    """:func:`report_schema` as the JSON text that is checked in (sorted, two-space indent)."""
    return json.dumps(report_schema(), ensure_ascii=False, indent=2) + "\n"


def _define(cls: type, definitions: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A ``$ref`` to the definition of attrs class ``cls``, adding it (and what it holds)."""
    name = cls.__name__
    if name not in definitions:
        definitions[name] = {}  # placeholder: a class may refer to itself
        hints = typing.get_type_hints(cls)
        notes = _field_docstrings(cls)
        properties: dict[str, Any] = {}
        for field in attrs.fields(cls):
            schema = _schema_of(hints[field.name], definitions)
            if field.name in notes:
                schema = {**schema, "description": notes[field.name]}
            properties[field.name] = schema
        definitions[name] = {
            "type": "object",
            "description": _first_paragraph(inspect.getdoc(cls) or name),
            "properties": properties,
            "required": [field.name for field in attrs.fields(cls)],
            "additionalProperties": False,
        }
    return {"$ref": f"#/$defs/{name}"}


def _schema_of(hint: Any, definitions: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The schema of one type hint, as cattrs unstructures a value of it."""
    origin = typing.get_origin(hint)
    arguments = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in arguments if a is not type(None)]
        inner = (_schema_of(options[0], definitions) if len(options) == 1
                 else {"anyOf": [_schema_of(a, definitions) for a in options]})
        if len(options) == len(arguments):
            return inner
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is tuple:
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return {"type": "array", "items": _schema_of(arguments[0], definitions)}
        return {"type": "array", "prefixItems": [_schema_of(a, definitions) for a in arguments],
                "minItems": len(arguments), "maxItems": len(arguments)}
    if isinstance(hint, type) and attrs.has(hint):
        return _define(hint, definitions)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        definitions.setdefault(hint.__name__, {
            "type": "string",
            "description": _first_paragraph(inspect.getdoc(hint) or hint.__name__),
            "enum": [member.value for member in hint],
        })
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if hint is dt.date:
        return {"type": "string", "format": "date"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is float:
        return {"type": "number"}
    if hint is str:
        return {"type": "string"}
    raise TypeError(f"no JSON Schema for the type hint {hint!r}")


def _field_docstrings(cls: type) -> dict[str, str]:
    """The string literal under each annotated field of ``cls``'s source, by field name."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):  # no source (a zipapp, a frozen build): no descriptions
        return {}
    body = ast.parse(source).body[0]
    assert isinstance(body, ast.ClassDef)
    notes: dict[str, str] = {}
    for statement, following in itertools.pairwise(body.body):
        if (isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)):
            notes[statement.target.id] = _plain(following.value.value)
    return notes


_ROLE = re.compile(r":[a-z]+:`~?(?:[\w.]+\.)?(\w+)`")


def _plain(docstring: str) -> str:
    """A docstring as one line of plain text: ``:class:`X``` becomes ``X``, double backquotes
    become single ones (Markdown code)."""
    return _ROLE.sub(r"\1", " ".join(docstring.split())).replace("``", "`")


def _first_paragraph(docstring: str) -> str:
    return _plain(docstring.split("\n\n")[0])


def main(argv: Sequence[str] | None = None) -> int:
    """Write the schema to the path given, or to standard output."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments and arguments[0] != "-":
        with open(arguments[0], "w", encoding="utf-8", newline="\n") as out:
            out.write(schema_json())
    else:
        sys.stdout.write(schema_json())
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
