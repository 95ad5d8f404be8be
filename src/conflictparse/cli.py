"""The ``conflictparse`` command line.

    conflictparse parse PATH... [--format json|jsonl|gold|table] [--outlet ID] [--published DAY]
                               [--workers N] [--format parquet --output DIR]
    conflictparse evaluate DIR [--outlet ID] [--json]
    conflictparse plugins
    conflictparse new-plugin NAME [--outlet-name "Display Name"] [--directory DIR]

``parse`` reads files, folders, globs, JSONL streams or ``-`` (stdin) lazily and writes as it
goes. Inputs that cannot be read are reported on stderr by name; the others are parsed and
the exit status is 1 at the end. Exit status 2 means a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from ._batch import parse_items, same_report
from ._errors import ConflictParseError
from ._gold import report_to_gold
from ._inputs import InputItem, iter_inputs
from ._parser import Parser
from ._serialize import report_to_dict
from ._types import Report
from ._version import __version__

FORMATS = ("json", "jsonl", "gold", "table", "parquet")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = _argument_parser().parse_args(argv)
    try:
        status: int = arguments.run(arguments)
    except ConflictParseError as error:
        print(f"conflictparse: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `conflictparse parse … | head`
        return 0
    return status


def _argument_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="conflictparse", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"conflictparse {__version__}")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    parse = commands.add_parser("parse", help="parse reports")
    parse.add_argument("paths", nargs="+", metavar="PATH",
                       help="files, folders, globs, .jsonl streams, or - for stdin")
    parse.add_argument("--format", choices=FORMATS, default="jsonl",
                       help="output format (default: jsonl, one report per line)")
    _common(parse)
    parse.add_argument("--published", type=_day, metavar="YYYY-MM-DD",
                       help="publication day for texts without a dateline")
    parse.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    parse.add_argument("--workers", type=_positive, default=1, metavar="N",
                       help="parse in N processes (default: 1); output order is kept")
    parse.add_argument("--output", type=Path, metavar="DIR",
                       help="with --format parquet: the folder for reports.parquet, "
                            "claims.parquet, actor_mentions.parquet, place_mentions.parquet, "
                            "dates.parquet (needs the 'parquet' extra)")
    parse.set_defaults(run=_run_parse)

    evaluate = commands.add_parser("evaluate", help="score the parser against gold annotations")
    evaluate.add_argument("directory", type=Path, metavar="DIR",
                          help="folder of *.txt reports with *.gold.json beside them")
    evaluate.add_argument("--json", action="store_true", help="one JSON object instead of tables")
    _common(evaluate)
    evaluate.set_defaults(run=_run_evaluate)

    plugins = commands.add_parser("plugins", help="list the plugins found")
    plugins.add_argument("--json", action="store_true", help="as JSON")
    plugins.set_defaults(run=_run_plugins, disable=[])

    from ._scaffold import add_command as add_new_plugin_command

    add_new_plugin_command(commands)
    return parser


def _common(command: argparse.ArgumentParser) -> None:
    command.add_argument("--outlet", metavar="ID", help="read every text as this outlet")
    command.add_argument("--disable", action="append", default=[], metavar="PLUGIN",
                         help="leave this plugin out (repeatable)")


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from None


def _run_parse(arguments: argparse.Namespace) -> int:
    parser = Parser(disable=arguments.disable)
    sink = _parquet_sink(arguments) if arguments.format == "parquet" else None
    render, write = (same_report, sink.add_item) if sink else _writer(arguments.format,
                                                                      sys.stdout)
    progress = _Progress(enabled=not arguments.no_progress and sys.stderr.isatty())
    failures = 0
    for item, rendered in parse_items(parser, iter_inputs(arguments.paths),
                                      workers=arguments.workers, outlet=arguments.outlet,
                                      published=arguments.published, render=render):
        if rendered is None:
            failures += 1
            print(f"conflictparse: {item.id}: {item.error}", file=sys.stderr)
            continue
        write(item, rendered)
        progress.step()
    progress.done()
    if sink:
        sink.close()
    if failures:
        print(f"conflictparse: {failures} input(s) could not be read", file=sys.stderr)
    return 1 if failures else 0


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return int(value)


class _ParquetOut:
    """``--format parquet``: the reports as flat Parquet tables in ``--output``."""

    def __init__(self, directory: Path) -> None:
        from .arrow import ParquetSink

        self.sink = ParquetSink(directory)

    def add_item(self, item: InputItem, report: Report) -> None:
        self.sink.add(item.id, report)

    def close(self) -> None:
        self.sink.close()


def _parquet_sink(arguments: argparse.Namespace) -> _ParquetOut:
    if arguments.output is None:
        raise ConflictParseError("--format parquet writes several files: give --output DIR")
    try:
        return _ParquetOut(arguments.output)
    except ImportError as error:
        raise ConflictParseError(f"{error}") from None


def _writer(kind: str, out: TextIO) -> tuple[Callable[[Report], Any],
                                              Callable[[InputItem, Any], None]]:
    """How to render a report — done where it was parsed, in a worker process with
    ``--workers`` (so these are module-level functions, which pickle) — and how to write
    what was rendered."""

    def with_id(opening: str) -> Callable[[InputItem, str], None]:
        # The rendered JSON object gets the id first, as {"id": …, **report_to_dict(…)}.
        def write(item: InputItem, body: str) -> None:
            out.write(opening.format(json.dumps(item.id, ensure_ascii=False)) + body[1:] + "\n")
        return write

    def as_is(item: InputItem, body: str) -> None:
        out.write(body + "\n")

    def table(item: InputItem, report: Report) -> None:
        out.write(format_report(item.id, report))

    writers: dict[str, tuple[Callable[[Report], Any], Callable[[InputItem, Any], None]]] = {
        "jsonl": (_report_json, with_id('{{"id": {}, ')),
        "json": (_report_json_indented, with_id('{{\n  "id": {},')),
        "gold": (_gold_json, as_is),
        "table": (same_report, table),
    }
    return writers[kind]


def _report_json(report: Report) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False)


def _report_json_indented(report: Report) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2)


def _gold_json(report: Report) -> str:
    return json.dumps(report_to_gold(report), ensure_ascii=False)


def format_report(name: str, report: Report) -> str:
    """A readable terminal view of a report."""
    lines = [f"== {name}",
             f"outlet     {report.outlet_name or '-'}",
             f"headline   {report.headline or '-'}"]
    lines += [f"  [{lang}]     {text}" for lang, text in report.headline_translations.items()]
    lines.append(f"published  {report.published or '-'}")
    if report.provenance.translated_by or report.provenance.original_outlet:
        lines.append(f"provenance original: {report.provenance.original_outlet or '-'}; "
                     f"translated by: {report.provenance.translated_by or '-'}")
    lines.append(f"claims     {len(report.claims)}")
    for claim in report.claims:
        flags = "".join(f for f, on in (("Q", claim.direct_quote), ("H", claim.hedged)) if on)
        cue = claim.cue.text if claim.cue else "—"
        content = claim.content.text if len(claim.content.text) <= 70 else (
            claim.content.text[:69] + "…")
        lines.append(f"  {claim.source.name} ({claim.source.kind.value}) {cue} {flags:2} {content}")
    lines.append("actors     " + ", ".join(a.name for a in report.actors))
    lines.append("places     " + ", ".join(loc.name for loc in report.locations))
    dates = [f"{d.span.text} → {d.resolved or '?'}" for d in report.dates]
    lines.append("dates      " + "; ".join(dates))
    lines += [f"! {d.severity.value}: {d.code}: {d.message}" for d in report.diagnostics]
    return "\n".join(lines) + "\n\n"


def _run_evaluate(arguments: argparse.Namespace) -> int:
    from .evaluate import evaluate_directory

    if not arguments.directory.is_dir():
        print(f"conflictparse: {arguments.directory}: not a folder", file=sys.stderr)
        return 2
    parser = Parser(disable=arguments.disable)

    def predict(path: Path, text: str) -> dict[str, Any]:
        return report_to_gold(parser.parse(text, outlet=arguments.outlet))

    evaluation = evaluate_directory(arguments.directory, predict)
    if arguments.json:
        print(json.dumps(evaluation.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(evaluation.format_table(), end="")
    return 1 if evaluation.errors else 0


def _run_plugins(arguments: argparse.Namespace) -> int:
    parser = Parser()
    infos = parser.plugins()
    if arguments.json:
        print(json.dumps([{"name": i.name, "version": i.version, "source": i.source,
                           "hooks": list(i.hooks)} for i in infos], indent=2))
    else:
        width = max(len(i.name) for i in infos)
        for info in infos:
            print(f"{info.name:<{width}}  {info.version or '-':<8}  {info.source:<11}  "
                  f"{', '.join(info.hooks)}")
        print(f"\noutlets: {', '.join(sorted(parser.outlets))}")
    for problem in parser._host.problems:
        print(f"conflictparse: {problem.message}", file=sys.stderr)
    return 0


class _Progress:
    """A one-line counter on stderr, only on a terminal."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.count = 0

    def step(self) -> None:
        self.count += 1
        if self.enabled and self.count % 25 == 0:
            print(f"\rparsed {self.count} report(s)", end="", file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.enabled and self.count:
            print(f"\rparsed {self.count} report(s)", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
