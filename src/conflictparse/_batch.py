"""Parsing in several processes: one Parser per worker, built once, results in order."""

from __future__ import annotations

import concurrent.futures
import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from ._parser import Parser
from ._types import Report

_worker_parser: Parser | None = None


def _init_worker() -> None:
    global _worker_parser
    _worker_parser = Parser()


def _parse_chunk(texts: list[str], options: dict[str, Any]) -> list[Report]:
    assert _worker_parser is not None
    return [_worker_parser.parse(text, **options) for text in texts]


def parse_in_processes(texts: Iterable[str], *, workers: int, chunksize: int,
                       **options: Any) -> Iterator[Report]:
    """Parse ``texts`` in ``workers`` processes, ``chunksize`` texts per task, in order."""
    iterator = iter(texts)
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers,
                                                initializer=_init_worker) as pool:
        pending: list[concurrent.futures.Future[list[Report]]] = []
        while True:
            while len(pending) < workers * 2:
                chunk = list(itertools.islice(iterator, chunksize))
                if not chunk:
                    break
                pending.append(pool.submit(_parse_chunk, chunk, options))
            if not pending:
                return
            yield from pending.pop(0).result()
