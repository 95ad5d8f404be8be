"""The conflictparse benchmark: throughput, the matcher floor, stages, load time, memory,
linearity, process speed-up and streaming memory, in one run.

    python benchmarks/bench.py            # full mode: 2,000 reports, 1 GB stream (minutes)
    python benchmarks/bench.py --short    # a few seconds, for CI
    nox -s bench                          # full mode with the optional comparison rows

The corpus is generated from the project's fixtures (``benchmarks/corpus.py``); the JSONL
stream goes to a temporary folder and is deleted afterwards. Nothing is downloaded.
Figures are medians of ``--repeat`` runs where a run is short enough to repeat.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

import conflictparse
from conflictparse import _attribution, _document, _parser
from conflictparse._document import Document
from conflictparse._entities import EntityFinder, _Run

RESULTS: dict[str, Any] = {}


def say(text: str = "") -> None:
    print(text, flush=True)


def section(title: str) -> None:
    say(f"\n== {title}")


def _mb(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def _median_time(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _rss_mb() -> float:
    """Peak RSS of this process so far."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- load ----------------------------------------------------------------------------------

_LOAD_PROBE = """
import resource, time, json
t0 = time.perf_counter()
import conflictparse
t1 = time.perf_counter()
parser = conflictparse.Parser()
t2 = time.perf_counter()
parser.parse("Russian jets struck Daraa on Tuesday, the Syrian Observatory said.")
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "parser": t2 - t1, "first_parse": t3 - t2,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def bench_load(repeat: int) -> None:
    section("import + registry load (fresh subprocess)")
    command = [sys.executable, "-c", "import conflictparse; conflictparse.Parser()"]
    bare = _median_time(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True),
                        repeat)
    total = _median_time(lambda: subprocess.run(command, check=True), repeat)
    probes = [json.loads(subprocess.run([sys.executable, "-c", _LOAD_PROBE], check=True,
                                        capture_output=True, text=True).stdout)
              for _ in range(repeat)]
    probe = {k: statistics.median(p[k] for p in probes) for k in probes[0]}
    say(f"python -c 'import conflictparse; conflictparse.Parser()': {total:.3f} s wall "
        f"(interpreter start alone {bare:.3f} s; target <= 0.3 s)")
    say(f"  in-process: import {probe['import']:.3f} s, Parser() {probe['parser']:.3f} s, "
        f"first parse (builds the name index, compiles its outlet's patterns and grammar) "
        f"{probe['first_parse']:.3f} s; import to a first report "
        f"{probe['import'] + probe['parser'] + probe['first_parse']:.3f} s")
    say(f"peak RSS of a loaded parser after one parse: {probe['rss_mb']:.0f} MB "
        "(target <= 150 MB)")
    RESULTS["load"] = {"wall_s": total, "python_start_s": bare, **probe}


# -- throughput and floor ------------------------------------------------------------------

def bench_throughput(texts: list[str], repeat: int) -> conflictparse.Parser:
    section(f"full parse, single process ({len(texts)} reports, {_mb(texts):.1f} MB, "
            f"median of {repeat})")
    parser = conflictparse.Parser()
    for text in texts[:20]:
        parser.parse(text)
    elapsed = _median_time(lambda: [parser.parse(t) for t in texts], repeat)
    finder = EntityFinder(parser.registry)

    def floor() -> None:  # the gazetteer/actor matcher alone: words, then registered names
        for text in texts:
            document = Document(text)
            run = _Run(parser.registry, document)
            words = run.words([(0, len(document.folded))])
            run._registry_words(words, 0, len(words.texts), [])

    def entity_pass() -> None:  # the whole entity stage: the matcher and the pattern rules
        for text in texts:
            document = Document(text)
            finder.find(document, [(0, len(document.folded))])

    floor()
    entity_pass()
    floor_time = _median_time(floor, repeat)
    entity_time = _median_time(entity_pass, repeat)
    rate, mbs = len(texts) / elapsed, _mb(texts) / elapsed
    floor_rate = len(texts) / floor_time
    say(f"parse:  {rate:8.0f} reports/s  {mbs:6.2f} MB/s  ({elapsed / len(texts) * 1e6:.0f} "
        "µs/report; target >= 2,000 reports/s)")
    say(f"floor:  {floor_rate:8.0f} reports/s  {_mb(texts) / floor_time:6.2f} MB/s  "
        "(the gazetteer/actor matcher alone: Document(text), its words, the registered names "
        "among them)")
    say(f"ratio:  parse takes {elapsed / floor_time:.2f}× the matcher floor (target <= 10×)")
    say(f"entity pass: {len(texts) / entity_time:8.0f} reports/s  (the floor plus the pattern "
        "rules: titled people, introduced and suffixed places; EntityFinder.find); parse takes "
        f"{elapsed / entity_time:.2f}× it")
    RESULTS["throughput"] = {"reports_per_s": rate, "mb_per_s": mbs,
                             "floor_reports_per_s": floor_rate,
                             "ratio_to_floor": elapsed / floor_time,
                             "entity_pass_reports_per_s": len(texts) / entity_time,
                             "ratio_to_entity_pass": elapsed / entity_time}
    return parser


# -- stages --------------------------------------------------------------------------------

STAGES = (
    ("normalise", "sanitize + Document (folding, offsets)"),
    ("detect", "outlet detection"),
    ("boilerplate", "boilerplate lines"),
    ("header", "headline, dateline, byline, standfirst"),
    ("provenance", "translator note, original outlet"),
    ("body", "body lines"),
    ("actors/places", "EntityFinder.find"),
    ("claims", "attribution grammar"),
    ("dates", "date expressions"),
    ("finish", "finish_report hooks"),
)


@contextlib.contextmanager
def _instrumented(spent: collections.Counter[str]) -> Iterator[conflictparse.Parser]:
    """A Parser whose stage functions are timed by wrapping them (monkeypatching), so no
    timing code sits in the parser itself."""

    def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - started
        return wrapper

    patches: list[tuple[object, str, object]] = []

    def patch(owner: object, attribute: str, name: str) -> None:
        original = getattr(owner, attribute)
        patches.append((owner, attribute, original))
        setattr(owner, attribute, timed(name, original))

    for attribute, name in (("_detect", "detect"), ("_boilerplate", "boilerplate"),
                            ("_header", "header"), ("_provenance", "provenance"),
                            ("_dates", "dates"), ("_finish", "finish")):
        patch(_parser.Parser, attribute, name)
    patch(_parser, "Document", "normalise")
    patch(_document, "sanitize", "normalise")
    patch(_parser, "_body_lines", "body")
    patch(_attribution.ClaimReader, "read", "claims")
    try:
        parser = _parser.Parser()
        patch(parser._finder, "find", "actors/places")
        yield parser
    finally:
        for owner, attribute, original in reversed(patches):
            setattr(owner, attribute, original)


def bench_stages(texts: list[str]) -> None:
    section("per-stage breakdown (stage functions timed by monkeypatching)")
    spent: collections.Counter[str] = collections.Counter()
    with _instrumented(spent) as parser:
        for text in texts[:20]:
            parser.parse(text)
        spent.clear()
        started = time.perf_counter()
        for text in texts:
            parser.parse(text)
        total = time.perf_counter() - started
    spent["other"] = total - sum(spent.values())
    for (name, what) in (*STAGES, ("other", "the rest of Parser.parse")):
        share = spent[name] / total
        say(f"  {name:14s} {spent[name] / len(texts) * 1e6:8.0f} µs/report  {share:6.1%}  {what}")
    RESULTS["stages_us"] = {k: v / len(texts) * 1e6 for k, v in spent.items()}


# -- linearity -----------------------------------------------------------------------------

def bench_linearity(parser: conflictparse.Parser, sizes: list[int], single_max: int) -> None:
    section("linearity: time against input size")
    stream = corpus.iter_reports(seed=5)
    pool: list[str] = []
    results = []
    chunks: list[list[str]] = []
    for size in sizes:
        while sum(len(t) for t in pool) < size:
            pool.append(next(stream))
        chunk, total = [], 0
        for text in pool:
            if total >= size:
                break
            chunk.append(text)
            total += len(text)
        # Each report dropped once parsed, as a stream consumer does: a list keeping
        # thousands of reports makes the garbage collector walk them all, again and again.
        elapsed = _median_time(lambda chunk=chunk: collections.deque(
            map(parser.parse, chunk), maxlen=0), 3 if size <= 100_000 else 1)
        results.append((total, elapsed))
        chunks.append(chunk)
    say("  corpus of ~2 KB reports (each report dropped once parsed):")
    _ratios(results, "corpus")
    if len(chunks) >= 2:  # for comparison: the last step with every report kept in a list
        kept = [_median_time(lambda chunk=chunk: [parser.parse(t) for t in chunk], 1)
                for chunk in chunks[-2:]]
        say(f"    the last step with every report kept in a list: ×{kept[1] / kept[0]:.2f} "
            f"time ({kept[0]:.3f} s → {kept[1]:.3f} s; the collector walks the kept reports)")
        RESULTS["linearity_corpus_kept"] = kept
    single = []
    for size in [s for s in sizes if s <= single_max]:
        text = "\n\n".join(pool)[:size]
        elapsed = _median_time(lambda text=text: parser.parse(text), 3 if size <= 1e5 else 1)
        single.append((len(text), elapsed))
    say("  one document of that size:")
    _ratios(single, "single")
    if len(single) >= 2:  # for comparison: the last step with the garbage collector paused
        texts = ["\n\n".join(pool)[:size] for size, _ in single[-2:]]
        gc.disable()
        try:
            paused = [_median_time(lambda text=text: parser.parse(text), 1) for text in texts]
        finally:
            gc.enable()
        say(f"    the last step with the garbage collector paused: ×{paused[1] / paused[0]:.2f} "
            f"time ({paused[0]:.3f} s → {paused[1]:.3f} s; its passes over the objects a long "
            "parse holds are the rest)")
        RESULTS["linearity_single_gc_paused"] = paused


def _ratios(results: list[tuple[int, float]], key: str) -> None:
    for number, (size, elapsed) in enumerate(results):
        line = f"    {size / 1e3:9.0f} KB  {elapsed:8.3f} s"
        if number:
            previous_size, previous = results[number - 1]
            line += f"   ×{size / previous_size:.1f} text → ×{elapsed / previous:.2f} time"
        say(line)
    first, last = results[0], results[-1]
    say(f"    overall: ×{last[0] / first[0]:.0f} text → ×{last[1] / first[1]:.0f} time "
        f"(linear would be ×{last[0] / first[0]:.0f}; target: each 10× step <= 11×)")
    RESULTS[f"linearity_{key}"] = results


# -- processes -----------------------------------------------------------------------------

def _burn(count: int) -> int:
    total = 0
    for number in range(count):
        total += number * number
    return total


def _free_cores(workers: int) -> float:
    """How many cores this run really gets: a pure CPU loop in 1 and in ``workers``
    processes (other work on a shared machine takes its share)."""
    import concurrent.futures

    count = 3_000_000
    one = _median_time(lambda: _burn(count), 1)
    with concurrent.futures.ProcessPoolExecutor(workers) as pool:
        list(pool.map(_burn, [1000] * workers))
        many = _median_time(lambda: list(pool.map(_burn, [count] * workers)), 1)
    return workers * one / many


def bench_processes(parser: conflictparse.Parser, texts: list[str], workers: int,
                    repeat: int) -> None:
    section(f"parse_many: 1 process against {workers} worker processes "
            f"(os.cpu_count() = {os.cpu_count()}, median of {repeat})")
    cores = _free_cores(workers)
    one = _median_time(lambda: list(parser.parse_many(texts)), repeat)
    many = _median_time(lambda: list(parser.parse_many(texts, workers=workers)), repeat)
    cores = (cores + _free_cores(workers)) / 2
    check = texts[:100]
    same = list(parser.parse_many(check, workers=workers, chunksize=16)) == [
        parser.parse(t) for t in check]
    say(f"  1 process: {len(texts) / one:7.0f} reports/s;  {workers} workers: "
        f"{len(texts) / many:7.0f} reports/s;  speed-up ×{one / many:.2f} (target >= 1.7 on 2 "
        f"cores); results equal single-process parsing: {same}")
    say(f"  cores free for this run: a pure CPU loop in {workers} processes ran ×{cores:.2f} "
        f"as fast as in one (×{workers} on an idle machine)")
    RESULTS["parse_many"] = {"speedup": one / many, "equal": same, "free_cores": cores}


# -- streaming -----------------------------------------------------------------------------

def _tree_rss_mb(pid: int) -> float:
    """RSS of a process and its descendants (Linux /proc), in MB; 0 where unavailable."""
    try:
        import psutil  # type: ignore[import-untyped]

        process = psutil.Process(pid)
        members = [process, *process.children(recursive=True)]
        return sum(p.memory_info().rss for p in members) / 2**20
    except Exception:
        pass
    total, stack = 0.0, [pid]
    while stack:
        current = stack.pop()
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                stack.extend(int(c) for c in children)
    return total


_WRAPPER = """
import resource, signal, subprocess, sys
child = subprocess.Popen(sys.argv[1:])
signal.signal(signal.SIGTERM, lambda *_: child.terminate())
code = child.wait()
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)
sys.exit(code)
"""
"""Runs the CLI and reports its ``RUSAGE_CHILDREN`` max RSS: only the CLI and its workers."""


def _descendants(pid: int) -> list[int]:
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        with contextlib.suppress(OSError):
            for task in Path(f"/proc/{current}/task").iterdir():
                children = [int(c) for c in (task / "children").read_text().split()]
                found.extend(children)
                stack.extend(children)
    return found


def _stream_run(path: Path, workers: int, budget: float | None = None) -> dict[str, Any]:
    """Run the CLI over ``path``, counting the JSONL lines it writes and sampling the RSS
    of its process tree; stop it after ``budget`` seconds if it has not finished."""
    command = [sys.executable, "-c", _WRAPPER, sys.executable, "-m", "conflictparse.cli",
               "parse", str(path), "--no-progress", "--workers", str(workers)]
    samples: list[tuple[float, float]] = []
    written = [0]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=False)
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(1.0):
            samples.append((time.perf_counter() - started, _tree_rss_mb(child.pid)))

    def count() -> None:
        assert child.stdout is not None
        for _ in child.stdout:
            written[0] += 1

    watcher = threading.Thread(target=sample, daemon=True)
    counter = threading.Thread(target=count, daemon=True)
    watcher.start()
    counter.start()
    try:
        code = child.wait(timeout=budget)
        finished = True
    except subprocess.TimeoutExpired:
        tree = _descendants(child.pid)
        child.terminate()  # the CLI shuts its worker pool down on SIGTERM
        try:
            code = child.wait(timeout=60)
        except subprocess.TimeoutExpired:
            child.kill()
            code = child.wait()
        for pid in tree:  # in case a worker outlived it
            with contextlib.suppress(OSError):
                os.kill(pid, 9)
        finished = False
    stop.set()
    watcher.join()
    counter.join(timeout=60)
    assert child.stderr is not None
    errors = child.stderr.read().decode("utf-8", "replace").strip().splitlines()
    child.stderr.close()
    if finished and code != 0:
        raise RuntimeError(f"the CLI exited with {code}: {errors[-5:]}")
    peak = int(errors[-1]) / 1024 if errors and errors[-1].isdigit() else float("nan")
    return {"seconds": time.perf_counter() - started, "samples": samples,
            "reports": written[0], "finished": finished, "max_rss_mb": peak}


def bench_streaming(megabytes: float, workers: int, budget: float | None) -> None:
    section(f"streaming: the CLI over a {megabytes} MB JSONL stream (generated into a "
            f"temporary folder), --workers {workers}")
    with tempfile.TemporaryDirectory(prefix="conflictparse-bench-") as folder:
        small, big = Path(folder) / "small.jsonl", Path(folder) / "big.jsonl"
        small_count, small_bytes = corpus.write_jsonl(small, int(min(5, megabytes / 4) * 1e6))
        count, size = corpus.write_jsonl(big, int(megabytes * 1e6))
        say(f"  generated {count} reports, {size / 1e6:.0f} MB")
        small_run = _stream_run(small, workers)
        small_peak = small_run["max_rss_mb"]
        run = _stream_run(big, workers, budget)
        peak = run["max_rss_mb"]
    samples = run["samples"]
    done = run["reports"]
    read_mb = size / 1e6 * done / count
    say(f"  {done / run['seconds']:.0f} reports/s, {read_mb / run['seconds']:.2f} MB/s; "
        + (f"all {done} reports in {run['seconds']:.0f} s" if run["finished"] else
           f"stopped after the {budget:.0f} s budget: {done} reports, {read_mb:.0f} MB of the "
           f"stream parsed and written"))
    say(f"  max RSS of the largest CLI process (RUSAGE_CHILDREN of a wrapper that only runs "
        f"the CLI): {peak:.0f} MB over {read_mb:.0f} MB; {small_peak:.0f} MB over a "
        f"{small_bytes / 1e6:.1f} MB stream")
    if samples:
        thirds = [samples[len(samples) * k // 3:len(samples) * (k + 1) // 3] or samples[-1:]
                  for k in range(3)]
        flat = [max(r for _, r in third) for third in thirds]
        say(f"  RSS of the CLI and its workers, max per third of the run: "
            f"{flat[0]:.0f} / {flat[1]:.0f} / {flat[2]:.0f} MB")
    RESULTS["streaming"] = {"mb": size / 1e6, "reports": done, "parsed_mb": read_mb,
                            "finished": run["finished"], "seconds": run["seconds"],
                            "max_rss_mb": peak, "small_max_rss_mb": small_peak,
                            "small_reports": small_count, "small_seconds": small_run["seconds"]}


# -- optional comparisons ------------------------------------------------------------------

def bench_comparisons(parser: conflictparse.Parser, texts: list[str]) -> None:
    section("optional comparison rows (extra 'bench')")
    sample = texts[:200]
    try:
        import spacy  # type: ignore[import-not-found]
    except ImportError:
        say("  spaCy: not installed, skipped")
    else:
        try:
            nlp = spacy.load("en_core_web_sm")
            label = "spaCy en_core_web_sm NER"
        except OSError:  # no model installed: no downloads here, so match the same names
            nlp = spacy.blank("en")
            ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
            names = {n for e in parser.registry.places.values() for n in (e.name, *e.aliases)}
            names |= {n for e in parser.registry.actors.values() for n in (e.name, *e.aliases)}
            ruler.add_patterns([{"label": "ENT", "pattern": n} for n in sorted(names)])
            label = f"spaCy blank('en') + EntityRuler over the same {len(names)} names"
        list(nlp.pipe(sample[:10]))
        elapsed = _median_time(lambda: list(nlp.pipe(sample)), 1)
        say(f"  {label}: {len(sample) / elapsed:.0f} reports/s")
        RESULTS["spacy_reports_per_s"] = len(sample) / elapsed
    try:
        from dateparser.search import search_dates  # type: ignore[import-not-found]
    except ImportError:
        say("  dateparser: not installed, skipped")
    else:
        few = sample[:50]
        search_dates(few[0], languages=["en"])
        elapsed = _median_time(lambda: [search_dates(t, languages=["en"]) for t in few], 1)
        ours = _median_time(lambda: [parser.parse(t) for t in few], 1)
        say(f"  dateparser.search_dates: {len(few) / elapsed:.0f} reports/s "
            f"(the whole conflictparse parse: {len(few) / ours:.0f} reports/s)")
        RESULTS["dateparser_reports_per_s"] = len(few) / elapsed


# -- main ----------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--short", action="store_true", help="a few seconds, for CI")
    options.add_argument("--reports", type=int, help="corpus size (default 2000; short 200)")
    options.add_argument("--repeat", type=int, help="runs per median (default 3; short 1)")
    options.add_argument("--stream-mb", type=float, help="JSONL stream size (1024; short 0.3)")
    options.add_argument("--workers", type=int, default=2, help="processes for parse_many")
    options.add_argument("--stream-seconds", type=float,
                         help="stop the streaming run after this long (default: no limit)")
    options.add_argument("--skip", action="append", default=[],
                         choices=["load", "stages", "linearity", "processes", "streaming",
                                  "comparisons"], help="leave a part out (repeatable)")
    options.add_argument("--json", type=Path, help="also write the figures as JSON here")
    arguments = options.parse_args(argv)
    short = arguments.short
    count = arguments.reports or (40 if short else 2000)
    repeat = arguments.repeat or (1 if short else 3)
    stream_mb = arguments.stream_mb or (0.3 if short else 1024)
    texts = corpus.reports(count)
    say(f"conflictparse {conflictparse.__version__} on Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs; {'short' if short else 'full'} mode")
    started = time.perf_counter()
    if "load" not in arguments.skip:
        bench_load(1 if short else 5)
    parser = bench_throughput(texts, repeat)
    if "stages" not in arguments.skip:
        bench_stages(texts)
    if "linearity" not in arguments.skip:
        sizes = [10_000, 100_000] if short else [10_000, 100_000, 1_000_000, 10_000_000]
        bench_linearity(parser, sizes, 100_000 if short else 1_000_000)
    if "processes" not in arguments.skip:
        bench_processes(parser, texts if not short else texts * 3, arguments.workers,
                        repeat)
    if "streaming" not in arguments.skip:
        bench_streaming(stream_mb, arguments.workers, arguments.stream_seconds)
    if "comparisons" not in arguments.skip:
        bench_comparisons(parser, texts)
    section("this process")
    say(f"  peak RSS {_rss_mb():.0f} MB; benchmark took {time.perf_counter() - started:.0f} s")
    RESULTS["bench_rss_mb"] = _rss_mb()
    if arguments.json:
        arguments.json.write_text(json.dumps(RESULTS, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
