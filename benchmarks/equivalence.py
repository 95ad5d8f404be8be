"""Check that an optimisation changes nothing: dump every parse of a large, hostile corpus
from one source tree, dump again from another, compare.

    PYTHONPATH=/path/to/old/src python benchmarks/equivalence.py dump old.jsonl
    python benchmarks/equivalence.py dump new.jsonl
    python benchmarks/equivalence.py compare old.jsonl new.jsonl

The corpus: every fixture report (seeds, devset, evaluation fixtures), generated reports,
and mutations of all of them (slices at arbitrary offsets, CRLF, zero-width and bidi
characters, lone surrogates, case changes, splices), each parsed with outlet detection, with
a forced outlet and with a publication day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus


def texts(generated: int) -> list[str]:
    base = [text for _, text in corpus.fixture_texts()]
    base += [p.read_text(encoding="utf-8") for p in sorted(corpus.ROOT.glob("tests/fixtures/eval/*.txt"))]
    base += corpus.reports(generated, seed=99)
    return corpus.mutations(base)


def dump(out: Path, generated: int) -> None:
    import conflictparse
    from conflictparse import report_to_dict

    parser = conflictparse.Parser(today=dt.date(2026, 1, 1))
    outlets = sorted(parser.outlets)
    started = time.perf_counter()
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for number, text in enumerate(texts(generated)):
            runs: list[dict[str, object]] = [{}]
            if number % 3 == 0:
                runs.append({"outlet": outlets[number % len(outlets)]})
            if number % 4 == 1:
                runs.append({"published": dt.date(2019, 3, 1 + number % 28)})
            for options in runs:
                report = parser.parse(text, **options)  # type: ignore[arg-type]
                record = {"n": number, "options": str(options), **report_to_dict(report)}
                handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
                count += 1
    print(f"{count} parses in {time.perf_counter() - started:.1f} s from "
          f"{Path(conflictparse.__file__).parent}", file=sys.stderr)


def compare(a: Path, b: Path) -> int:
    differences = 0
    with a.open(encoding="utf-8") as left, b.open(encoding="utf-8") as right:
        for number, (x, y) in enumerate(zip(left, right, strict=True)):
            if x == y:
                continue
            differences += 1
            if differences <= 5:
                old, new = json.loads(x), json.loads(y)
                keys = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
                print(f"line {number + 1} (text {old['n']}, {old['options']}): {keys}")
                for key in keys[:3]:
                    print(f"  - {json.dumps(old.get(key), ensure_ascii=False)[:300]}")
                    print(f"  + {json.dumps(new.get(key), ensure_ascii=False)[:300]}")
        total = number + 1
    print(f"{total} parses compared, {differences} differ")
    return 1 if differences else 0


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = arguments.add_subparsers(dest="command", required=True)
    d = commands.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--generated", type=int, default=300, help="generated reports to add")
    c = commands.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    options = arguments.parse_args()
    if options.command == "dump":
        dump(options.out, options.generated)
        return 0
    return compare(options.a, options.b)


if __name__ == "__main__":
    raise SystemExit(main())
