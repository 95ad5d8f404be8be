"""Parsing corpora beyond one machine with Dask. Needs the ``dask`` extra
(``pip install "conflictparse[dask]"``, which brings ``dask[distributed]``).

    >>> import dask.bag as db                                                    # doctest: +SKIP
    >>> from conflictparse.dask import parse_bag
    >>> records = parse_bag(db.read_text("reports-*.jsonl").map(json.loads))      # doctest: +SKIP
    >>> records.map(json.dumps).to_textfiles("parsed-*.jsonl")                     # doctest: +SKIP

Tasks carry a small recipe of the Parser (its plugins, disabled plugins and ``today``), not
the Parser: each worker process builds the Parser for a recipe once, on its first task, and
reuses it for every later partition. See ``docs/performance.md`` for a cluster recipe.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

try:
    import dask  # type: ignore[import-not-found,import-untyped,unused-ignore]  # noqa: F401
    import pandas  # type: ignore[import-not-found,import-untyped,unused-ignore]
except ImportError as error:  # pragma: no cover - exercised without the extra
    raise ImportError("conflictparse.dask needs dask: pip install 'conflictparse[dask]'"
                      ) from error

from ._batch import ParserRecipe, parser_for, recipe_of
from ._parser import Parser
from ._serialize import report_to_dict, report_to_json
from ._types import Report

__all__ = ["FRAME_COLUMNS", "parse_bag", "parse_dataframe", "recipe"]

FRAME_COLUMNS = ("outlet", "outlet_name", "headline", "published", "claims", "actors",
                 "locations", "dates", "diagnostics", "report")
"""Columns :func:`parse_dataframe` adds; ``report`` holds the whole report as JSON
(:func:`conflictparse.report_from_json` reads it back)."""


def recipe(parser: Parser | None = None) -> ParserRecipe:
    """The recipe tasks carry: of ``parser``, or of the default parser."""
    if parser is None:
        from . import default_parser

        parser = default_parser()
    return recipe_of(parser)


def _day(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        return dt.date.fromisoformat(value[:10])
    return None


def _parse_records(records: Iterable[Any], recipe: ParserRecipe, outlet: str | None,
                   published: dt.date | None) -> list[dict[str, Any]]:
    parser = parser_for(recipe)
    out = []
    for record in records:
        if isinstance(record, Mapping):
            text, report_id, day = record["text"], record.get("id"), _day(record.get("published"))
        else:
            text, report_id, day = record, None, None
        report = parser.parse(text, outlet=outlet, published=published or day)
        out.append({"id": report_id, **report_to_dict(report)})
    return out


def parse_bag(bag: Any, *, parser: Parser | None = None, outlet: str | None = None,
              published: dt.date | None = None) -> Any:
    """A bag of parsed records from a bag of texts.

    Elements are ``str`` texts or mappings like the CLI's JSONL lines (``{"id", "text",
    "published"}``). Each record is :func:`conflictparse.report_to_dict` of the report plus
    ``"id"`` (the element's id, or ``None``); :func:`conflictparse.report_from_dict` turns it
    back into a Report. ``parser`` gives the configuration (plugins added or disabled).
    """
    return bag.map_partitions(_parse_records, recipe(parser), outlet, published)


def _row(report: Report) -> tuple[Any, ...]:
    return (report.outlet, report.outlet_name, report.headline,
            report.published.isoformat() if report.published else None, len(report.claims),
            len(report.actors), len(report.locations), len(report.dates),
            len(report.diagnostics), report_to_json(report))


def _parse_frame(frame: Any, text: str, published_column: str | None, recipe: ParserRecipe,
                 outlet: str | None, published: dt.date | None) -> Any:
    parser = parser_for(recipe)
    days = (frame[published_column] if published_column else [None] * len(frame))
    rows = [_row(parser.parse(value, outlet=outlet, published=published or _day(day)))
            for value, day in zip(frame[text], days, strict=True)]
    parsed = pandas.DataFrame.from_records(rows, columns=list(FRAME_COLUMNS), index=frame.index,
                                           nrows=len(rows))
    return pandas.concat([frame, _typed(parsed)], axis=1)


def _typed(frame: Any) -> Any:
    counts = ["claims", "actors", "locations", "dates", "diagnostics"]
    frame[counts] = frame[counts].astype("int64")
    strings = [c for c in FRAME_COLUMNS if c not in counts]
    frame[strings] = frame[strings].astype(object)
    return frame


def parse_dataframe(frame: Any, *, text: str = "text", published: str | None = None,
                    parser: Parser | None = None, outlet: str | None = None,
                    day: dt.date | None = None) -> Any:
    """The Dask DataFrame ``frame`` with :data:`FRAME_COLUMNS` added, one parsed report per
    row (index and partitions kept). ``text`` names the column of texts, ``published`` an
    optional column of publication days (dates or ISO strings); ``day`` gives one day for all.
    """
    meta = frame._meta.copy()
    empty = _typed(pandas.DataFrame({c: pandas.Series([], dtype=object) for c in FRAME_COLUMNS},
                                    index=meta.index))
    meta = pandas.concat([meta, empty], axis=1)
    return frame.map_partitions(_parse_frame, text, published, recipe(parser), outlet, day,
                                meta=meta)


def records_to_json_lines(records: Iterable[Mapping[str, Any]]) -> Iterable[str]:
    """JSON lines of records (for ``bag.map_partitions(records_to_json_lines)``)."""
    return [json.dumps(record, ensure_ascii=False) for record in records]
