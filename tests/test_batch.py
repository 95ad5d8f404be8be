"""Parsing in several processes: same results, same order, same configuration."""

from __future__ import annotations

import copy
import datetime as dt
import gc
import os
import pickle
from pathlib import Path

import attrs
import pytest

import conflictparse
from conflictparse._batch import ParserRecipe, parse_items, parse_jobs, recipe_of
from conflictparse._inputs import InputItem

TODAY = dt.date(2026, 11, 25)
HERE = Path(__file__).parent
TEXTS = [p.read_text(encoding="utf-8")
         for p in sorted([*(HERE / "fixtures" / "seeds").glob("*.txt"),
                          *(HERE / "devset").glob("*.txt")])]
DEBKA = (HERE / "fixtures" / "seeds" / "000_ef60f1c7f8756a70.txt").read_text(encoding="utf-8")


class Stamp:
    """A plugin added in code: it marks every report with a diagnostic."""

    __name__ = "stamp"

    @conflictparse.hookimpl
    def finish_report(self, report: conflictparse.Report) -> conflictparse.Report:
        mark = conflictparse.Diagnostic(code="stamped", message="seen by the stamp plugin",
                                        severity=conflictparse.Severity.INFO, plugin="stamp")
        return attrs.evolve(report, diagnostics=(*report.diagnostics, mark))


class PidStamp:
    """A plugin that writes the id of the process that parsed the report into it."""

    __name__ = "pid-stamp"

    @conflictparse.hookimpl
    def finish_report(self, report: conflictparse.Report) -> conflictparse.Report:
        mark = conflictparse.Diagnostic(code="parsed-by", message=str(os.getpid()),
                                        severity=conflictparse.Severity.INFO)
        return attrs.evolve(report, diagnostics=(*report.diagnostics, mark))


def test_the_caller_and_the_pool_processes_share_the_work() -> None:
    stamped = conflictparse.Parser(plugins=[PidStamp()], today=TODAY)
    reports = list(stamped.parse_many(TEXTS * 2, workers=3, chunksize=1))
    pids = [r.diagnostics[-1].message for r in reports]
    # The first chunks go to the pool's two processes for sure; the caller, rather than
    # wait for them, takes back chunks no process has started.
    assert str(os.getpid()) in pids
    assert 2 <= len(set(pids)) <= 3
    unstamped = [attrs.evolve(r, diagnostics=r.diagnostics[:-1]) for r in reports]
    assert unstamped == [attrs.evolve(r, diagnostics=r.diagnostics[:-1])
                         for r in map(stamped.parse, TEXTS * 2)]


def test_two_workers_give_the_single_process_results_in_order(
        parser: conflictparse.Parser) -> None:
    texts = TEXTS * 3
    single = list(parser.parse_many(texts))
    assert list(parser.parse_many(texts, workers=2, chunksize=5)) == single
    assert list(parser.parse_many(texts, workers=2, chunksize=16)) == single
    assert gc.isenabled()  # paused while a chunk is unpickled, then back on


def test_module_level_parse_many_uses_processes_like_the_default_parser() -> None:
    single = list(conflictparse.parse_many(TEXTS[:6]))
    assert list(conflictparse.parse_many(TEXTS[:6], workers=2, chunksize=2)) == single


def test_options_reach_the_workers(parser: conflictparse.Parser) -> None:
    day = dt.date(2019, 3, 4)
    single = list(parser.parse_many(TEXTS[:4], outlet="generic", published=day))
    multi = list(parser.parse_many(TEXTS[:4], workers=2, chunksize=1, outlet="generic",
                                   published=day))
    assert multi == single
    assert all(r.published == day and r.outlet is None for r in multi)


def test_disabled_plugins_stay_disabled_in_the_workers() -> None:
    without = conflictparse.Parser(disable=["debkafile"], today=TODAY)
    reports = list(without.parse_many([DEBKA, DEBKA], workers=2, chunksize=1))
    assert [r.outlet for r in reports] == [None, None]
    assert reports == list(without.parse_many([DEBKA, DEBKA]))


@pytest.mark.parametrize("context", [None, "spawn"])
def test_plugins_added_in_code_reach_the_workers(context: str | None) -> None:
    stamped = conflictparse.Parser(plugins=[Stamp()], today=TODAY)
    jobs = [(text, {}) for text in TEXTS[:4]]
    reports = list(parse_jobs(stamped, jobs, workers=2, chunksize=2, context=context))
    assert all(r.diagnostics[-1].code == "stamped" for r in reports)
    assert reports == [stamped.parse(text) for text in TEXTS[:4]]


def test_a_bad_text_raises_where_single_process_parsing_raises(
        parser: conflictparse.Parser) -> None:
    texts = [TEXTS[0], TEXTS[1], b"bytes", TEXTS[2]]
    reports = parser.parse_many(texts, workers=2, chunksize=1)
    seen = [next(reports), next(reports)]
    assert seen == [parser.parse(TEXTS[0]), parser.parse(TEXTS[1])]
    with pytest.raises(conflictparse.InputTypeError):
        next(reports)


def test_an_unknown_outlet_raises_the_usual_error(parser: conflictparse.Parser) -> None:
    with pytest.raises(conflictparse.UnknownOutletError):
        list(parser.parse_many(TEXTS[:3], workers=2, outlet="no-such-outlet"))


def test_stopping_early_does_not_hang(parser: conflictparse.Parser) -> None:
    reports = parser.parse_many(TEXTS * 20, workers=2, chunksize=2)
    first = next(iter(reports))
    reports.close()  # type: ignore[attr-defined]
    assert first == parser.parse(TEXTS[0])


def test_bad_arguments(parser: conflictparse.Parser) -> None:
    with pytest.raises(ValueError, match="workers"):
        list(parse_jobs(parser, [], workers=0))
    with pytest.raises(ValueError, match="chunksize"):
        list(parse_jobs(parser, [], workers=2, chunksize=0))


def test_a_parser_pickles_as_its_recipe() -> None:
    original = conflictparse.Parser(plugins=[Stamp()], disable=["syrian_observer"], today=TODAY)
    recipe = recipe_of(original)
    assert recipe.disable == ("syrian_observer",) and recipe.today == TODAY
    assert pickle.loads(pickle.dumps(original)) is original  # this process has it already
    rebuilt = pickle.loads(pickle.dumps(recipe)).build()
    assert rebuilt is not original
    assert [rebuilt.parse(t) for t in TEXTS[:3]] == [original.parse(t) for t in TEXTS[:3]]
    fresh = ParserRecipe(today=TODAY)
    assert pickle.loads(pickle.dumps(fresh)).token == fresh.token


def test_parse_items_keeps_unreadable_items_in_place(parser: conflictparse.Parser) -> None:
    items = [InputItem(id="bad-first", error="no such file"),
             InputItem(id="a", text=TEXTS[0]),
             InputItem(id="bad", error="not UTF-8"),
             InputItem(id="b", text=TEXTS[1], published=dt.date(2018, 7, 5)),
             InputItem(id="bad-last", error="cannot read")]
    for workers in (1, 2):
        pairs = list(parse_items(parser, items, workers=workers, chunksize=1))
        assert [item.id for item, _ in pairs] == ["bad-first", "a", "bad", "b", "bad-last"]
        assert [report is None for _, report in pairs] == [True, False, True, False, True]
        assert pairs[3][1] == parser.parse(TEXTS[1], published=dt.date(2018, 7, 5))


def test_cli_workers_write_the_same_lines(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from conflictparse import cli

    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe not utf-8")
    for number, text in enumerate(TEXTS[:5]):
        (tmp_path / f"r{number}.txt").write_text(text, encoding="utf-8")
    outputs = []
    for workers in ("1", "2"):
        status = cli.main(["parse", str(tmp_path), "--workers", workers, "--no-progress"])
        captured = capsys.readouterr()
        assert status == 1 and "broken.txt" in captured.err
        outputs.append(captured.out)
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == 5


def test_cli_refuses_zero_workers(capsys: pytest.CaptureFixture[str]) -> None:
    from conflictparse import cli

    with pytest.raises(SystemExit) as stop:
        cli.main(["parse", "x.txt", "--workers", "0"])
    assert stop.value.code == 2
    assert "positive" in capsys.readouterr().err


def test_sigterm_stops_the_cli_and_its_workers(tmp_path: Path) -> None:
    import json
    import os
    import signal
    import subprocess
    import sys
    import time

    stream = tmp_path / "many.jsonl"
    with stream.open("w", encoding="utf-8") as out:
        for number in range(400):
            out.write(json.dumps({"id": str(number), "text": TEXTS[number % len(TEXTS)]}) + "\n")
    child = subprocess.Popen([sys.executable, "-m", "conflictparse.cli", "parse", str(stream),
                              "--workers", "2", "--no-progress"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert child.stdout is not None
    child.stdout.readline()  # the workers are running
    workers = [int(p) for t in Path(f"/proc/{child.pid}/task").iterdir()
               for p in (t / "children").read_text().split()] if Path("/proc").is_dir() else []
    child.send_signal(signal.SIGTERM)
    child.stdout.read()
    child.stdout.close()
    assert child.wait(timeout=60) != 0
    deadline = time.monotonic() + 30
    while workers and time.monotonic() < deadline:
        workers = [p for p in workers if Path(f"/proc/{p}").exists()
                   and "Z" not in Path(f"/proc/{p}/stat").read_text().split()[2]]
        time.sleep(0.1)
    assert workers == [], f"workers left behind: {workers} (pid {os.getpid()})"


def test_the_benchmark_runs_in_short_mode() -> None:
    """CI's benchmark step: benchmarks/bench.py --short runs end to end (a few seconds) and
    prints every figure. No timing is asserted: the figures are for people to read."""
    import subprocess
    import sys

    script = HERE.parent / "benchmarks" / "bench.py"
    if not script.is_file():
        pytest.skip("benchmarks/ is not part of this checkout")
    run = subprocess.run([sys.executable, str(script), "--short", "--skip", "comparisons"],
                         capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    for figure in ("reports/s", "matcher floor", "per-stage", "import + registry load",
                   "peak RSS", "linearity", "speed-up", "RUSAGE_CHILDREN"):
        assert figure in run.stdout, f"{figure!r} missing from:\n{run.stdout}"


def test_reports_pickle_to_equal_frozen_reports(parser: conflictparse.Parser) -> None:
    for text in TEXTS[:4]:
        report = parser.parse(text)
        back = pickle.loads(pickle.dumps(report))
        assert back == report and hash(back) == hash(report)
        assert copy.deepcopy(report) == report
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            back.claims[0].source.name = "changed"  # type: ignore[misc]
