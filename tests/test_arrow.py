"""Columnar output: Arrow tables from the API and Parquet files from the CLI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import conflictparse
from conflictparse import cli

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
arrow = pytest.importorskip("conflictparse.arrow")

HERE = Path(__file__).parent
PATHS = sorted([*(HERE / "fixtures" / "seeds").glob("*.txt"), *(HERE / "devset").glob("*.txt")])


@pytest.fixture(scope="module")
def parsed(parser: conflictparse.Parser) -> list[tuple[str, conflictparse.Report]]:
    return [(p.name, parser.parse(p.read_text(encoding="utf-8"))) for p in PATHS]


def test_tables_hold_one_row_per_item(parsed: list[tuple[str, conflictparse.Report]]) -> None:
    tables = arrow.to_tables(parsed)
    assert set(tables) == {"reports", "claims", "actor_mentions", "place_mentions", "dates"}
    assert tables["reports"].num_rows == len(parsed)
    assert tables["claims"].num_rows == sum(len(r.claims) for _, r in parsed)
    assert tables["actor_mentions"].num_rows == sum(len(r.actor_mentions) for _, r in parsed)
    assert tables["place_mentions"].num_rows == sum(len(r.location_mentions) for _, r in parsed)
    assert tables["dates"].num_rows == sum(len(r.dates) for _, r in parsed)
    for name, table in tables.items():
        assert table.schema == arrow.SCHEMAS[name]
        assert table.column_names[0] == "report_id"


def test_rows_join_by_report_id_and_offsets_point_into_the_text(
        parsed: list[tuple[str, conflictparse.Report]]) -> None:
    tables = arrow.to_tables(parsed)
    texts = dict(zip(tables["reports"]["report_id"].to_pylist(),
                     tables["reports"]["text"].to_pylist(), strict=True))
    for row in tables["claims"].to_pylist():
        text = texts[row["report_id"]]
        assert text[row["content_start"]:row["content_end"]] == row["content"]
        assert text[row["source_start"]:row["source_end"]] == row["source_text"]
    for name in ("actor_mentions", "place_mentions", "dates"):
        for row in tables[name].to_pylist():
            assert texts[row["report_id"]][row["start"]:row["end"]] == row["text"]
    report = dict(parsed)[PATHS[0].name]
    first = tables["reports"].to_pylist()[0]
    assert first["published"] == report.published
    assert first["headline"] == report.headline
    assert dict(first["headline_translations"]) == report.headline_translations


def test_no_reports_give_empty_tables_with_their_columns() -> None:
    tables = arrow.to_tables([])
    assert all(t.num_rows == 0 and t.schema == arrow.SCHEMAS[n] for n, t in tables.items())


def test_not_a_report_is_refused() -> None:
    with pytest.raises(TypeError, match="expected a Report"):
        arrow.to_tables([("x", "not a report")])


def test_sink_writes_row_groups_that_read_back_as_the_tables(
        tmp_path: Path, parsed: list[tuple[str, conflictparse.Report]]) -> None:
    with arrow.ParquetSink(tmp_path, batch=4) as sink:
        for report_id, report in parsed:
            sink.add(report_id, report)
    expected = arrow.to_tables(parsed)
    for name, table in expected.items():
        written = pq.ParquetFile(tmp_path / f"{name}.parquet")
        assert written.metadata.num_row_groups >= (1 if table.num_rows else 0)
        assert written.read().to_pylist() == table.to_pylist()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_cli_writes_parquet(tmp_path: Path, workers: str,
                            capsys: pytest.CaptureFixture[str]) -> None:
    status = cli.main(["parse", str(HERE / "devset"), "--format", "parquet", "--output",
                       str(tmp_path), "--workers", workers, "--no-progress"])
    assert status == 0
    assert capsys.readouterr().out == ""
    reports = pq.read_table(tmp_path / "reports.parquet")
    assert reports.num_rows == len(list((HERE / "devset").glob("*.txt")))
    claims = pq.read_table(tmp_path / "claims.parquet")
    assert set(claims["report_id"].to_pylist()) <= set(reports["report_id"].to_pylist())
    assert all(isinstance(d, dt.date) or d is None for d in reports["published"].to_pylist())


def test_cli_parquet_needs_an_output_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["parse", str(PATHS[0]), "--format", "parquet"]) == 2
    assert "--output" in capsys.readouterr().err
