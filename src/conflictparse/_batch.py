"""Parsing in several processes: one Parser per worker, built once, results in order.

A :class:`ParserRecipe` says how to build a Parser equal to a given one (its code plugins,
disabled plugins, entry-point discovery and ``today``); it is small and picklable, and a
process builds each recipe at most once (:func:`parser_for`). Under the ``fork`` start method
the workers inherit the caller's Parser as it is, preloaded (name index, outlet patterns),
and build nothing.

The calling process is one of the workers: it parses every workers-th chunk itself, the
others go to a pool of workers - 1 processes. Texts travel to the workers in chunks; at most ``2 × workers`` chunks are in flight, so an
endless input streams through in bounded memory. A text the worker cannot parse (not a
``str``, an unknown outlet …) is parsed again in the calling process when its turn comes,
so the caller gets exactly the exception single-process parsing raises, at the same place.
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import datetime as dt
import gc
import importlib
import itertools
import multiprocessing
import pickle
import signal
import threading
import types
import uuid
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Generic, TypeVar

import attrs

from ._parser import Parser
from ._types import Report

T = TypeVar("T")
R = TypeVar("R")
Job = tuple[Any, Mapping[str, Any]]
"""A text and the keyword options for :meth:`Parser.parse`."""


@attrs.frozen(kw_only=True)
class _ModuleRef:
    """A plugin module, pickled by name."""

    name: str


@attrs.frozen(kw_only=True)
class ParserRecipe:
    """How to build a Parser equal to another one, in any process."""

    plugins: tuple[object, ...] = ()
    disable: tuple[str, ...] = ()
    entry_points: bool = True
    today: dt.date | None = None
    token: str = attrs.field(factory=lambda: uuid.uuid4().hex)
    """Identifies the recipe, so each process builds it once (:func:`parser_for`)."""

    def build(self) -> Parser:
        plugins = [importlib.import_module(p.name) if isinstance(p, _ModuleRef) else p
                   for p in self.plugins]
        return Parser(plugins=plugins, disable=self.disable, entry_points=self.entry_points,
                      today=self.today)


_BUILT: dict[str, Parser] = {}
"""Parsers built in this process, by recipe token, oldest first."""
_KEEP_BUILT = 4
_RECIPES: weakref.WeakKeyDictionary[Parser, ParserRecipe] = weakref.WeakKeyDictionary()
"""The recipe of each Parser that has one (so its token stays the same)."""
_OWN: weakref.WeakValueDictionary[str, Parser] = weakref.WeakValueDictionary()
"""The caller's Parsers by recipe token (a forked worker inherits them and builds nothing)."""


def recipe_of(parser: Parser) -> ParserRecipe:
    """The recipe of ``parser`` (remembered on it, so its token stays the same)."""
    recipe = _RECIPES.get(parser)
    if recipe is None:
        plugins, disable, entry_points, today = parser._arguments
        recipe = ParserRecipe(
            plugins=tuple(_ModuleRef(name=p.__name__) if isinstance(p, types.ModuleType) else p
                          for p in plugins),
            disable=tuple(disable), entry_points=entry_points, today=today)
        _RECIPES[parser] = recipe
        _OWN[recipe.token] = parser
    return recipe


def parser_for(recipe: ParserRecipe) -> Parser:
    """The Parser for ``recipe`` in this process, built on first use."""
    parser = _OWN.get(recipe.token) or _BUILT.get(recipe.token)
    if parser is None:
        while len(_BUILT) >= _KEEP_BUILT:  # a long-lived worker keeps the latest few
            del _BUILT[next(iter(_BUILT))]
        parser = _BUILT[recipe.token] = recipe.build()
        _RECIPES[parser] = recipe
    return parser


def rebuild_parser(recipe: ParserRecipe) -> Parser:
    """Unpickle a Parser (see ``Parser.__reduce__``): the one this process has for the
    recipe, or a new one."""
    return parser_for(recipe)


# -- worker side ---------------------------------------------------------------------------

_worker_recipe: ParserRecipe | None = None


def _init_worker(recipe: ParserRecipe) -> None:
    global _worker_recipe
    _worker_recipe = recipe
    # Ctrl-C reaches the whole process group: the caller shuts the pool down, so the
    # workers need not (and must not print a traceback each).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parser_for(recipe).preload()  # now, once (a forked worker inherits it all built)
    # The parser lives as long as the process: the collector need not walk it again (and,
    # in a forked worker, walking it copies every page it shares with the caller).
    gc.freeze()


class _Failed:
    """Stands in a worker's results for a text whose parse raised: the caller parses that
    text again, and raises identically, at its turn."""


def _parse_chunk(jobs: list[Job], render: Callable[[Report], R]) -> bytes:
    """The chunk's results (``_Failed()`` where parsing raised), pickled here: the caller's
    pool thread then only passes bytes on, and the caller unpickles them when they are due,
    instead of two threads of the caller taking turns at the interpreter lock."""
    assert _worker_recipe is not None
    results = _parse_all(parser_for(_worker_recipe), jobs, render)
    return pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)


def _parse_all(parser: Parser, jobs: list[Job], render: Callable[[Report], R]
               ) -> list[R | _Failed]:
    """``render(report)`` for each job, or ``_Failed()`` where parsing raised (the caller
    parses that text again, and raises identically, at its turn)."""
    results: list[R | _Failed] = []
    for text, options in jobs:
        try:
            results.append(render(parser.parse(text, **options)))
        except Exception:
            results.append(_Failed())
    return results


def same_report(report: Report) -> Report:
    """The report itself: what :func:`parse_jobs` returns when nothing else is asked."""
    return report


# -- caller side ---------------------------------------------------------------------------

def parse_jobs(parser: Parser, jobs: Iterable[Job], *, workers: int, chunksize: int = 64,
               context: str | None = None) -> Iterator[Report]:
    """Parse ``(text, options)`` jobs with ``parser``'s configuration in ``workers``
    processes, lazily and in order. ``context`` picks the multiprocessing start method."""
    return render_jobs(parser, jobs, same_report, workers=workers, chunksize=chunksize,
                       context=context)


def render_jobs(parser: Parser, jobs: Iterable[Job], render: Callable[[Report], R], *,
                workers: int, chunksize: int = 64, context: str | None = None) -> Iterator[R]:
    """:func:`parse_jobs`, with ``render`` (a picklable function) applied to each report
    in the process that parsed it: the CLI has its JSON lines made in the workers, so the
    caller only writes them instead of unpickling and serialising every report."""
    if workers < 1:
        raise ValueError(f"workers must be at least 1 (got {workers})")
    if chunksize < 1:
        raise ValueError(f"chunksize must be at least 1 (got {chunksize})")
    if workers == 1:
        for text, options in jobs:
            yield render(parser.parse(text, **options))
        return
    recipe = recipe_of(parser)
    parser.preload()  # before forking: the workers share what it builds
    iterator = iter(jobs)
    mp_context = multiprocessing.get_context(context) if context else None
    pool = concurrent.futures.ProcessPoolExecutor(max_workers=workers - 1,
                                                  mp_context=mp_context,
                                                  initializer=_init_worker, initargs=(recipe,))
    # Every chunk goes to the pool, but the caller is one of the ``workers``: rather than
    # wait for the next chunk in order, it takes back the last queued chunk no process has
    # started and parses it itself (keeping its results until their turn). So the caller,
    # which also unpickles what the processes send back, does what share it has time for.
    # The pool is kept fed with a few chunks per process; chunks parsed but not yet due
    # wait in ``pending`` too, which is bounded, so an endless input streams in bounded memory.
    queued, limit = 2 * workers + 2, 8 * workers + 8
    pending: collections.deque[_Chunk[R]] = collections.deque()

    def submit(jobs_: list[Job]) -> _Chunk[R]:
        return _Chunk(jobs_, pool.submit(_parse_chunk, _sendable(jobs_), render))

    exhausted = False
    try:
        while True:
            while not exhausted and len(pending) < limit and sum(
                    c.results is None and not c.done() for c in pending) < queued:
                jobs_ = list(itertools.islice(iterator, chunksize))
                if jobs_:
                    pending.append(submit(jobs_))
                    continue
                exhausted = True
                # At the end of the input, the chunks no process has started go back in
                # small pieces: the caller and the processes then run out of work within
                # a piece of each other, instead of the caller waiting for whole chunks.
                pending = _in_pieces(pending, max(1, chunksize // 8), submit)
            if not pending:
                return
            first = pending[0]
            if first.results is None and not first.done() and _steal(parser, pending, render):
                continue
            pending.popleft()
            for (text, options), result in zip(first.jobs, first.collect(), strict=True):
                if isinstance(result, _Failed):
                    result = render(parser.parse(text, **options))  # raises here, in order
                yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@attrs.define
class _Chunk(Generic[R]):
    """Jobs in flight: sent to the pool (``future``), or taken back and parsed by the
    caller (``results``)."""

    jobs: list[Job]
    future: concurrent.futures.Future[bytes] | None
    results: list[R | _Failed] | None = None

    def done(self) -> bool:
        return self.future is not None and self.future.done()

    def collect(self) -> list[R | _Failed]:
        if self.results is not None:
            return self.results
        assert self.future is not None
        data = self.future.result()
        # Thousands of new objects, none in a cycle: the collector's passes over the whole
        # heap (registry included) that they would set off find nothing to free, and took
        # 60 % of the time to unpickle a chunk.
        enabled = gc.isenabled()
        gc.disable()
        try:
            return pickle.loads(data)  # type: ignore[no-any-return]
        finally:
            if enabled:
                gc.enable()


def _in_pieces(pending: collections.deque[_Chunk[R]], size: int,
               submit: Callable[[list[Job]], _Chunk[R]]) -> collections.deque[_Chunk[R]]:
    """``pending`` with each chunk the pool has not started resubmitted as pieces of
    ``size`` jobs, in the same order."""
    pieces: collections.deque[_Chunk[R]] = collections.deque()
    for chunk in pending:
        if len(chunk.jobs) > size and chunk.future is not None and chunk.future.cancel():
            pieces.extend(submit(chunk.jobs[i:i + size])
                          for i in range(0, len(chunk.jobs), size))
        else:
            pieces.append(chunk)
    return pieces


def _steal(parser: Parser, pending: collections.deque[_Chunk[R]],
           render: Callable[[Report], R]) -> bool:
    """Parse, in the caller, the last pending chunk the pool has not started (a future is
    cancellable until a process takes it); False when there is none."""
    for chunk in reversed(pending):
        if chunk.future is not None and chunk.future.cancel():
            chunk.future, chunk.results = None, _parse_all(parser, chunk.jobs, render)
            return True
    return False


def _sendable(chunk: list[Job]) -> list[Job]:
    """The jobs a worker can take: a text that is not a ``str`` stays behind (the caller
    parses it, and raises, when its turn comes)."""
    return [(text, options) if isinstance(text, str) else (None, {}) for text, options in chunk]


def parse_in_processes(texts: Iterable[str], *, workers: int, chunksize: int = 64,
                       parser: Parser | None = None, **options: Any) -> Iterator[Report]:
    """Parse ``texts`` in ``workers`` processes, ``chunksize`` texts per task, in order.

    ``parser`` gives the configuration (plugins added or disabled, ``today``); by default
    the shared :func:`conflictparse.default_parser`.
    """
    if parser is None:
        from . import default_parser

        parser = default_parser()
    return parse_jobs(parser, ((text, options) for text in texts), workers=workers,
                      chunksize=chunksize)


def parse_items(parser: Parser, items: Iterable[T], *, workers: int = 1, chunksize: int = 64,
                outlet: str | None = None, published: dt.date | None = None,
                render: Callable[[Report], Any] = same_report) -> Iterator[tuple[T, Any]]:
    """For the CLI: ``(item, render(report))`` for each
    :class:`~conflictparse._inputs.InputItem`, in order; an item that could not be read
    comes back with ``None``."""
    buffered: collections.deque[T] = collections.deque()

    def jobs() -> Iterator[Job]:
        for item in items:
            buffered.append(item)
            text = getattr(item, "text", None)
            if getattr(item, "error", None) is None and text is not None:
                yield text, {"outlet": outlet,
                             "published": published or getattr(item, "published", None)}

    reports = render_jobs(parser, jobs(), render, workers=workers, chunksize=chunksize)
    with _terminate_as_interrupt(workers > 1):
        yield from _pair(reports, buffered)


@contextlib.contextmanager
def _terminate_as_interrupt(active: bool) -> Iterator[None]:
    """While worker processes run for the CLI, SIGTERM stops it like Ctrl-C, so the pool is
    shut down and no worker is left behind."""
    if not active or threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _pair(reports: Iterator[Any],
          buffered: collections.deque[T]) -> Iterator[tuple[T, Any]]:
    for report in reports:
        while True:
            item = buffered.popleft()
            if getattr(item, "error", None) is None and getattr(item, "text", None) is not None:
                yield item, report
                break
            yield item, None
    while buffered:  # unreadable items after the last readable one
        yield buffered.popleft(), None
