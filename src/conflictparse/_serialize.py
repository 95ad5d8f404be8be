"""JSON (and plain-dict) round trips of Reports, with cattrs.

Dates become ISO strings, enums their values, tuples lists; ``report_from_dict`` restores an
equal Report. ``Report.headline`` and ``Report.headline_translations`` are derived and not
stored.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import TYPE_CHECKING, Any

from ._types import Report

if TYPE_CHECKING:
    import cattrs

SCHEMA_VERSION = 1


@functools.cache
def _converter() -> cattrs.Converter:
    # Imported on first use: a tenth of the package's import time, for parsing alone.
    import cattrs

    converter = cattrs.Converter()
    converter.register_unstructure_hook(dt.date, lambda value: value.isoformat())
    converter.register_structure_hook(dt.date, lambda value, _: dt.date.fromisoformat(value))
    return converter


def report_to_dict(report: Report) -> dict[str, Any]:
    """A JSON-ready dict of ``report``."""
    data: dict[str, Any] = _converter().unstructure(report)
    data["schema_version"] = SCHEMA_VERSION
    return data


def report_from_dict(data: dict[str, Any]) -> Report:
    """The Report a :func:`report_to_dict` dict describes."""
    payload = {k: v for k, v in data.items() if k != "schema_version"}
    return _converter().structure(payload, Report)


def report_to_json(report: Report, *, indent: int | None = None) -> str:
    """``report`` as a JSON document."""
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=indent)


def report_from_json(document: str | bytes) -> Report:
    """The Report a :func:`report_to_json` document describes."""
    return report_from_dict(json.loads(document))
