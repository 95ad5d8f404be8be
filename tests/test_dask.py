"""Dask: a real LocalCluster of two worker processes gives the single-process results."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import conflictparse

pytest.importorskip("dask")
pytest.importorskip("distributed")
pandas = pytest.importorskip("pandas")

import dask  # noqa: E402
import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402

from conflictparse.dask import FRAME_COLUMNS, parse_bag, parse_dataframe  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore")  # the cluster's own warnings are not ours

TODAY = dt.date(2026, 11, 25)
HERE = Path(__file__).parent
PATHS = sorted([*(HERE / "fixtures" / "seeds").glob("*.txt"), *(HERE / "devset").glob("*.txt")])
RECORDS = [{"id": p.name, "text": p.read_text(encoding="utf-8"),
            "published": "2019-03-04" if n % 3 == 0 else None} for n, p in enumerate(PATHS)]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    settings = {"distributed.comm.timeouts.connect": "120s",
                "distributed.comm.timeouts.tcp": "300s",
                "distributed.deploy.lost-worker-timeout": "300s"}
    with dask.config.set(settings), LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address=None, worker_dashboard_address=None, timeout="120s") as cluster, \
            Client(cluster, timeout="120s") as connected:
        yield connected


def _single(parser: conflictparse.Parser) -> list[dict[str, object]]:
    out = []
    for record in RECORDS:
        day = dt.date.fromisoformat(record["published"]) if record["published"] else None
        report = parser.parse(record["text"], published=day)
        out.append({"id": record["id"], **conflictparse.report_to_dict(report)})
    return out


def test_a_bag_parses_on_two_workers_like_one_process(client: Client) -> None:
    parser = conflictparse.Parser(today=TODAY)
    bag = db.from_sequence(RECORDS, npartitions=6)
    records = parse_bag(bag, parser=parser).compute()
    assert records == _single(parser)
    assert conflictparse.report_from_dict(records[0]) == parser.parse(RECORDS[0]["text"],
                                                                      published=dt.date(2019, 3, 4))
    # each worker process built the parser once, however many partitions it ran
    built = client.run(lambda: len(__import__("conflictparse._batch").
                                   _batch._BUILT))
    assert len(built) == 2 and all(count == 1 for count in built.values())


def test_plain_texts_and_a_configured_parser(client: Client) -> None:
    without = conflictparse.Parser(disable=["debkafile"], today=TODAY)
    texts = [r["text"] for r in RECORDS[:4]]
    records = parse_bag(db.from_sequence(texts, npartitions=2), parser=without).compute()
    assert [r["id"] for r in records] == [None] * 4
    assert records == [{"id": None, **conflictparse.report_to_dict(without.parse(t))}
                       for t in texts]
    assert not any(r["outlet"] == "debkafile" for r in records)


def test_a_dataframe_gains_parsed_columns(client: Client) -> None:
    parser = conflictparse.Parser(today=TODAY)
    frame = pandas.DataFrame(RECORDS).set_index("id")
    parsed = parse_dataframe(dd.from_pandas(frame, npartitions=3, sort=False), published="published",
                             parser=parser).compute()
    assert list(parsed.index) == list(frame.index)
    assert set(FRAME_COLUMNS) <= set(parsed.columns)
    for report_id, row in parsed.iterrows():
        record = next(r for r in RECORDS if r["id"] == report_id)
        day = dt.date.fromisoformat(record["published"]) if record["published"] else None
        expected = parser.parse(record["text"], published=day)
        assert conflictparse.report_from_json(row["report"]) == expected
        assert row["claims"] == len(expected.claims)
        assert json.loads(row["report"])["outlet"] == row["outlet"]
