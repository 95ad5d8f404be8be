"""Does parse time grow linearly with the size of the text? Prints numbers; asserts nothing.

    python benchmarks/linearity.py            # 1 KB, 100 KB, 10 MB and the hostile inputs
    python benchmarks/linearity.py --quick    # stop at 1 MB (and smaller hostile inputs)

A report of each size is built from the repository's own fixtures (a real header, then body
paragraphs of the seeds and the devset, repeated) and parsed once (small sizes: the median of
several runs). ``growth`` compares each size with the one before: the time ratio divided by
the size ratio, so 1.0 is linear, 2.0 means the time per character doubled.

Then the hostile inputs, each at a size and at a tenth of it, so their growth shows too:
100,000 quote marks, a 1 MB line without spaces, 50,000 nested "said that", and more.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import conflictparse

ROOT = Path(__file__).resolve().parent.parent
KB = 1000
MB = 1000 * KB


def _fixtures() -> list[str]:
    paths = sorted([*ROOT.glob("tests/fixtures/seeds/*.txt"), *ROOT.glob("tests/devset/*.txt")])
    if not paths:
        sys.exit("no fixtures found under tests/: run from a conflictparse checkout")
    return [p.read_text(encoding="utf-8") for p in paths]


def report_of_size(size: int) -> str:
    """A report of ``size`` characters: the DEBKAfile seed's header, then body paragraphs of
    every fixture, repeated, cut at a paragraph end near ``size``."""
    texts = _fixtures()
    header = "\n".join(texts[0].split("\n")[:6]) + "\n\n"
    paragraphs = [line.strip() for text in texts for line in text.split("\n")
                  if len(line.strip()) > 80 and line.strip()[-1:] in '.!?"”']
    out = [header]
    length = len(header)
    number = 0
    while length < size:
        paragraph = paragraphs[number % len(paragraphs)] + "\n\n"
        out.append(paragraph)
        length += len(paragraph)
        number += 1
    return "".join(out)[:size]


def timed(parser: conflictparse.Parser, text: str, runs: int) -> tuple[float, int]:
    """Median seconds of ``runs`` parses of ``text``, and the claims found."""
    times = []
    claims = 0
    for _ in range(runs):
        started = time.perf_counter()
        report = parser.parse(text)
        times.append(time.perf_counter() - started)
        claims = len(report.claims)
    return statistics.median(times), claims


def _row(name: str, size: int, seconds: float, previous: tuple[int, float] | None,
         extra: str = "") -> None:
    growth = ""
    if previous is not None and previous[1] > 0:
        growth = f"{(seconds / previous[1]) / (size / previous[0]):6.2f}"
    print(f"{name:<34} {size:>11,} {seconds:10.3f} {seconds / size * 1e6:10.2f} {growth:>7}"
          f"  {extra}", flush=True)


HOSTILE: list[tuple[str, Callable[[int], str], int]] = [
    ('quote marks """…', lambda n: '"' * n, 100_000),
    ("curly quotes “”‘’…", lambda n: ("“”‘’" * n)[:n], 100_000),
    ("one line without spaces", lambda n: "a" * n, 1 * MB),
    ("one Arabic word", lambda n: "ب" * n, 1 * MB),
    ('nested "said that"', lambda n: "Sources said that " + "he said that " * n + "it rained.",
     50_000),
    ("unclosed quote then words", lambda n: 'He said: "' + "word " * n, 100_000),
    ("commas (appositions)", lambda n: "Sources, " * n + "said that it rained.", 100_000),
    ('"According to" ×n', lambda n: "According to " * n + "sources, it rained.", 50_000),
    ("titles Gen. ×n", lambda n: "Gen. " * n + "Ali said that it rained.", 50_000),
    ('"the town of" ×n', lambda n: "the town of " * n + "Daraa.", 50_000),
    ("sentence stops ×n", lambda n: "A. " * n, 100_000),
    ("blank lines", lambda n: "\n" * n, 1 * MB),
    ("CR line ends", lambda n: "Regime forces shelled Daraa.\r" * (n // 29), 1 * MB),
    ("zero-width characters", lambda n: "\u200b" * n, 1 * MB),
    ("NUL characters", lambda n: "\x00" * n, 1 * MB),
    ("capitalised words", lambda n: "Abc " * n, 100_000),
]
"""(name, text of n units, n) — n is the big size; a tenth of it is timed first."""


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    arguments.add_argument("--quick", action="store_true",
                           help="stop at 1 MB, hostile inputs at a tenth of their size")
    options = arguments.parse_args()
    parser = conflictparse.Parser(today=dt.date(2026, 11, 25))
    parser.parse(report_of_size(2 * KB))  # build the grammars before timing

    print(f"{'input':<34} {'characters':>11} {'seconds':>10} {'µs/char':>10} {'growth':>7}")
    sizes = [(1 * KB, 200), (100 * KB, 5), (1 * MB if options.quick else 10 * MB, 1)]
    previous = None
    for size, runs in sizes:
        text = report_of_size(size)
        seconds, claims = timed(parser, text, runs)
        _row(f"report, {size // KB:,} KB", len(text), seconds, previous, f"{claims:,} claims")
        previous = (len(text), seconds)

    print()
    for name, make, units in HOSTILE:
        if options.quick:
            units //= 10
        previous = None
        for n in (units // 10, units):
            text = make(n)
            seconds, _ = timed(parser, text, 3 if n < units else 1)
            _row(f"{name} ×{n:,}", len(text), seconds, previous)
            previous = (len(text), seconds)


if __name__ == "__main__":
    main()
