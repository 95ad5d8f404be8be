"""Columnar output for analysts: flat Arrow tables, and Parquet files, joinable by report id.

Needs the ``parquet`` extra (``pip install "conflictparse[parquet]"``, which brings pyarrow).

    >>> tables = conflictparse.arrow.to_tables((name, parse(text)) for name, text in pages)  # doctest: +SKIP
    >>> tables["claims"].to_pandas()                                                      # doctest: +SKIP

The tables (:data:`SCHEMAS` gives their columns):

``reports``         one row per report: outlet, headline, dates, provenance, counts, text.
``claims``          one row per claim: source (name, kind, actor id, span), cue, content, flags.
``actor_mentions``  one row per actor mention, with the actor's id, name, kind and country.
``place_mentions``  one row per place mention, with the place's id, name, kind and coordinates.
``dates``           one row per date expression, with the day it resolves to.

Every table has ``report_id`` first; offsets (``*_start``/``*_end``) are code-point offsets
into the report text. :class:`ParquetSink` writes the same tables as Parquet files, one row
group per batch of reports, so a long stream is written in bounded memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

try:
    import pyarrow as pa  # type: ignore[import-not-found,import-untyped,unused-ignore]
    import pyarrow.parquet as pq  # type: ignore[import-not-found,import-untyped,unused-ignore]
except ImportError as error:  # pragma: no cover - exercised without the extra
    raise ImportError("conflictparse.arrow needs pyarrow: pip install 'conflictparse[parquet]'"
                      ) from error

from ._types import Report, Span

__all__ = ["SCHEMAS", "TABLES", "ParquetSink", "rows", "to_tables"]

_S, _I, _F, _B, _D = pa.string(), pa.int32(), pa.float64(), pa.bool_(), pa.date32()

SCHEMAS: dict[str, pa.Schema] = {
    "reports": pa.schema([
        ("report_id", _S), ("outlet", _S), ("outlet_name", _S), ("headline", _S),
        ("headline_translations", pa.map_(_S, _S)), ("published", _D), ("dateline", _S),
        ("dateline_date", _D), ("byline", _S), ("standfirst", _S), ("original_outlet", _S),
        ("translated_by", _S), ("edited_by", _S), ("paragraphs", _I), ("claims", _I),
        ("actors", _I), ("locations", _I), ("dates", _I), ("diagnostics", _I),
        ("diagnostic_codes", pa.list_(_S)), ("characters", _I), ("text", _S),
    ]),
    "claims": pa.schema([
        ("report_id", _S), ("claim", _I), ("source_name", _S), ("source_kind", _S),
        ("source_actor_id", _S), ("source_outlet", _S), ("source_text", _S),
        ("source_start", _I), ("source_end", _I), ("refers_to_start", _I),
        ("refers_to_end", _I), ("cue", _S), ("cue_start", _I), ("cue_end", _I),
        ("content", _S), ("content_start", _I), ("content_end", _I), ("direct_quote", _B),
        ("hedged", _B), ("hedge", _S), ("rule", _S), ("confidence", _F),
    ]),
    "actor_mentions": pa.schema([
        ("report_id", _S), ("actor_id", _S), ("name", _S), ("kind", _S), ("country", _S),
        ("parent", _S), ("title", _S), ("affiliation", _S), ("text", _S), ("start", _I),
        ("end", _I), ("rule", _S),
    ]),
    "place_mentions": pa.schema([
        ("report_id", _S), ("location_id", _S), ("name", _S), ("kind", _S), ("country", _S),
        ("parent", _S), ("latitude", _F), ("longitude", _F), ("text", _S), ("start", _I),
        ("end", _I), ("rule", _S),
    ]),
    "dates": pa.schema([
        ("report_id", _S), ("text", _S), ("start", _I), ("end", _I), ("resolved", _D),
        ("precision", _S), ("rule", _S),
    ]),
}
"""The columns of every table."""
TABLES = tuple(SCHEMAS)


def _text(span: Span | None) -> str | None:
    return None if span is None else span.text


def _start(span: Span | None) -> int | None:
    return None if span is None else span.start


def _end(span: Span | None) -> int | None:
    return None if span is None else span.end


def rows(report_id: str, report: Report) -> dict[str, list[tuple[Any, ...]]]:
    """The rows ``report`` adds to each table, as tuples in :data:`SCHEMAS` column order."""
    provenance = report.provenance
    dateline = report.dateline
    out: dict[str, list[tuple[Any, ...]]] = {name: [] for name in TABLES}
    out["reports"].append((
        report_id, report.outlet, report.outlet_name, report.headline,
        list(report.headline_translations.items()), report.published,
        _text(dateline.span) if dateline else None, dateline.date if dateline else None,
        _text(report.byline), _text(report.standfirst), provenance.original_outlet,
        provenance.translated_by, provenance.edited_by, len(report.paragraphs),
        len(report.claims), len(report.actors), len(report.locations), len(report.dates),
        len(report.diagnostics), [d.code for d in report.diagnostics], len(report.text),
        report.text,
    ))
    for number, claim in enumerate(report.claims):
        source = claim.source
        out["claims"].append((
            report_id, number, source.name, source.kind.value, source.actor_id, source.outlet,
            source.span.text, source.span.start, source.span.end, _start(source.refers_to),
            _end(source.refers_to), _text(claim.cue), _start(claim.cue), _end(claim.cue),
            claim.content.text, claim.content.start, claim.content.end, claim.direct_quote,
            claim.hedged, _text(claim.hedge), claim.rule, claim.confidence,
        ))
    actors = {actor.id: actor for actor in report.actors}
    for mention in report.actor_mentions:
        actor = actors.get(mention.entity_id)
        described = ((actor.name, actor.kind, actor.country, actor.parent, actor.title,
                      actor.affiliation) if actor else (None,) * 6)
        out["actor_mentions"].append((report_id, mention.entity_id, *described,
                                      mention.span.text, mention.span.start, mention.span.end,
                                      mention.rule))
    places = {location.id: location for location in report.locations}
    for mention in report.location_mentions:
        place = places.get(mention.entity_id)
        located = ((place.name, place.kind, place.country, place.parent, place.latitude,
                    place.longitude) if place else (None,) * 6)
        out["place_mentions"].append((report_id, mention.entity_id, *located,
                                      mention.span.text, mention.span.start, mention.span.end,
                                      mention.rule))
    for date in report.dates:
        out["dates"].append((report_id, date.span.text, date.span.start, date.span.end,
                             date.resolved, date.precision.value, date.rule))
    return out


class _Columns:
    """Rows gathered per table, turned into Arrow tables on demand."""

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in TABLES}
        self.reports = 0

    def add(self, report_id: str, report: Report) -> None:
        if not isinstance(report, Report):
            raise TypeError(f"expected a Report for {report_id!r}, got {type(report).__name__}")
        for name, new in rows(str(report_id), report).items():
            self.rows[name].extend(new)
        self.reports += 1

    def tables(self) -> dict[str, pa.Table]:
        result = {}
        for name, schema in SCHEMAS.items():
            columns = list(zip(*self.rows[name], strict=True)) or [()] * len(schema)
            result[name] = pa.Table.from_arrays(
                [pa.array(list(values), type=field.type)
                 for values, field in zip(columns, schema, strict=True)], schema=schema)
        return result

    def clear(self) -> None:
        for table_rows in self.rows.values():
            table_rows.clear()
        self.reports = 0


def to_tables(reports: Iterable[tuple[str, Report]]) -> dict[str, pa.Table]:
    """Arrow tables (see the module docstring) of ``(report id, report)`` pairs."""
    columns = _Columns()
    for report_id, report in reports:
        columns.add(report_id, report)
    return columns.tables()


class ParquetSink:
    """Writes the tables as ``<directory>/<table>.parquet`` while reports arrive.

    Rows are buffered for ``batch`` reports, then written as one row group per table, so
    memory stays bounded however long the stream. Use as a context manager, or call
    :meth:`close` to finish the files.
    """

    def __init__(self, directory: str | Path, *, batch: int = 2000,
                 compression: str = "zstd") -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.batch = batch
        self._columns = _Columns()
        self._writers = {name: pq.ParquetWriter(self.directory / f"{name}.parquet", schema,
                                                compression=compression)
                         for name, schema in SCHEMAS.items()}

    def add(self, report_id: str, report: Report) -> None:
        self._columns.add(report_id, report)
        if self._columns.reports >= self.batch:
            self.flush()

    def flush(self) -> None:
        if not self._columns.reports:
            return
        for name, table in self._columns.tables().items():
            self._writers[name].write_table(table)
        self._columns.clear()

    def close(self) -> None:
        self.flush()
        for writer in self._writers.values():
            writer.close()

    def __enter__(self) -> ParquetSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
