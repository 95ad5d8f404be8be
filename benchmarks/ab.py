"""Compare the speed of two source trees fairly on a machine whose speed drifts: each round
runs one subprocess per tree, in turns, and times the parse of the same generated reports
in CPU time, stage by stage (the stages of bench.py); medians over the rounds.

    git archive <rev> src | tar -x -C /tmp/old     # the tree to compare with
    python benchmarks/ab.py /tmp/old/src src --rounds 3
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import collections, json, sys, time
sys.path.insert(0, "benchmarks")
import bench, corpus
texts = corpus.reports(REPORTS)
spent = collections.Counter()
with bench._instrumented(spent) as parser:
    for text in texts[:60]:
        parser.parse(text)
    spent.clear()
    for text in texts:
        parser.parse(text)
plain = bench._parser.Parser()
for text in texts[:60]:
    plain.parse(text)
started = time.process_time()
for text in texts:
    plain.parse(text)
figures = {name: seconds / len(texts) * 1e6 for name, seconds in spent.items()}
figures["whole parse (CPU)"] = (time.process_time() - started) / len(texts) * 1e6
print(json.dumps(figures))
"""


def _run(source: Path, reports: int) -> dict[str, float]:
    environment = dict(os.environ, PYTHONPATH=str(source.resolve()))
    done = subprocess.run([sys.executable, "-c", CHILD.replace("REPORTS", str(reports))],
                          env=environment, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode:
        raise SystemExit(done.stderr)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    arguments.add_argument("old", type=Path, help="the src folder of the tree to compare with")
    arguments.add_argument("new", type=Path, help="the src folder of the tree to measure")
    arguments.add_argument("--rounds", type=int, default=3)
    arguments.add_argument("--reports", type=int, default=600)
    options = arguments.parse_args()
    old: list[dict[str, float]] = []
    new: list[dict[str, float]] = []
    for _ in range(options.rounds):
        old.append(_run(options.old, options.reports))
        new.append(_run(options.new, options.reports))
    print(f"{'µs per report':24} {'old':>9} {'new':>9} {'change':>8}")
    for name in sorted(set(old[0]) | set(new[0])):
        before = statistics.median(run.get(name, 0.0) for run in old)
        after = statistics.median(run.get(name, 0.0) for run in new)
        change = (after - before) / before * 100 if before else 0.0
        print(f"{name:24} {before:9.0f} {after:9.0f} {change:7.1f}%")


if __name__ == "__main__":
    main()
