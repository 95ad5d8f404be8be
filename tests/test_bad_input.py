"""Bad and hostile input has defined behaviour: pathological texts finish (without
catastrophic backtracking) and give a valid Report; NUL bytes, lone surrogates, a BOM and mixed
line ends are read; undecodable files are reported by name while the others are parsed; only a
non-``str`` text (or an invalid argument) raises.

The sizes here keep the suite fast; ``benchmarks/linearity.py`` times the big versions.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

import conflictparse
from conflictparse import InputTypeError, Parser, Report, UnknownOutletError, cli
from conflictparse.testing import check_report

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
DEBKA = (SEEDS / "000_ef60f1c7f8756a70.txt").read_text(encoding="utf-8")
OBSERVER = (SEEDS / "004_d8ee403f277f3248.txt").read_text(encoding="utf-8")

PATHOLOGICAL: dict[str, Callable[[], str]] = {
    "100,000 quote marks": lambda: '"' * 100_000,
    "100,000 curly quotes": lambda: "“”‘’" * 25_000,
    "a 100 KB line without spaces": lambda: "a" * 100_000,
    "a 100 KB Arabic word": lambda: "ب" * 100_000,
    '1,000 nested "said that"': lambda: "Sources said that " + "he said that " * 1_000 + "x.",
    "an unclosed quote then 5,000 words": lambda: 'Lavrov said: "' + "word " * 5_000,
    "2,000 appositive commas": lambda: "Sources, " * 2_000 + "said that it rained.",
    '1,000 "According to"': lambda: "According to " * 1_000 + "sources, it rained.",
    "1,000 titles": lambda: "Gen. " * 1_000 + "Ali said that it rained.",
    '1,000 "the town of"': lambda: "the town of " * 1_000 + "Daraa.",
    "5,000 one-letter sentences": lambda: "A. " * 5_000,
    "100,000 blank lines": lambda: "\n" * 100_000,
    "100,000 zero-width spaces": lambda: "\u200b" * 100_000,
    "a headline of 10,000 words": lambda: "DEBKAfile: " + "Russia strikes " * 5_000 + "\n\nx.",
    "2,000 dateline-like lines": lambda: "DEBKAfile/July 05/18\n" * 2_000,
    "2,000 boilerplate lines": lambda: "Share | Tweet\n59\nRead also: x\n" * 700,
    "nested brackets": lambda: "(" * 20_000 + "Sources said that x" + ")" * 20_000,
}


@pytest.mark.parametrize("make", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_text_gives_a_report(parser: Parser, make: Callable[[], str]) -> None:
    text = make()
    report = parser.parse(text)
    assert isinstance(report, Report)
    check_report(report, text)


def test_nul_bytes_are_read_as_spaces_and_kept_in_the_text(parser: Parser) -> None:
    text = "Regime forces\x00shelled Daraa.\x00\n\nSources said that the\x00convoy left Homs."
    report = parser.parse(text)
    check_report(report, text)
    assert report.text == text
    assert [c.content.text for c in report.claims] == ["the\x00convoy left Homs"]
    assert "\\u0000" in conflictparse.report_to_json(report)


def test_nothing_but_nul_bytes_reads_as_an_empty_body(parser: Parser) -> None:
    report = parser.parse("\x00" * 50)
    check_report(report, "\x00" * 50)
    assert (report.headlines, report.paragraphs, report.claims) == ((), (), ())


def test_lone_surrogates_become_replacement_characters_in_place(parser: Parser) -> None:
    text = "DEBKAfile: Russia \ud800resumes strikes\n\nOur sources disclose that Iran left \udfff Daraa."
    report = parser.parse(text)
    check_report(report, text)
    assert report.text == text.replace("\ud800", "\ufffd").replace("\udfff", "\ufffd")
    assert len(report.text) == len(text)
    assert report.outlet == "debkafile"
    assert [c.content.text for c in report.claims] == ["Iran left \ufffd Daraa"]
    conflictparse.report_to_json(report).encode("utf-8")  # encodable: no surrogate left


def test_a_byte_order_mark_changes_nothing_read(parser: Parser) -> None:
    plain = parser.parse(DEBKA)
    marked = parser.parse("\ufeff" + DEBKA)
    check_report(marked, "\ufeff" + DEBKA)
    assert marked.outlet == plain.outlet == "debkafile"
    assert marked.headline == plain.headline
    assert [c.content.text for c in marked.claims] == [c.content.text for c in plain.claims]
    assert [c.content.start for c in marked.claims] == [c.content.start + 1
                                                        for c in plain.claims]


@pytest.mark.parametrize("text", [DEBKA, OBSERVER], ids=["debkafile", "syrian_observer"])
@pytest.mark.parametrize("ends", [("\r\n",), ("\r",), ("\r\n", "\n", "\r")],
                         ids=["crlf", "cr", "mixed"])
def test_line_ends_change_nothing_read(parser: Parser, text: str, ends: tuple[str, ...]) -> None:
    lines = text.split("\n")
    converted = lines[0] + "".join(ends[n % len(ends)] + line
                                   for n, line in enumerate(lines[1:]))
    plain, other = parser.parse(text), parser.parse(converted)
    check_report(other, converted)
    assert other.outlet == plain.outlet
    assert other.headlines and [h.text for h in other.headlines] == [
        h.text for h in plain.headlines]
    assert other.published == plain.published
    assert [p.text for p in other.paragraphs] == [p.text for p in plain.paragraphs]
    assert [(c.source.name, c.content.text) for c in other.claims] == [
        (c.source.name, c.content.text) for c in plain.claims]


@pytest.mark.parametrize("value", [b"DEBKAfile: bytes", bytearray(b"x"), None, 42, ["text"],
                                   Path("report.txt")])
def test_only_a_str_is_parsed(parser: Parser, value: object) -> None:
    with pytest.raises(InputTypeError, match="decode bytes"):
        parser.parse(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        conflictparse.parse(value)  # type: ignore[arg-type]


def test_invalid_arguments_raise_documented_errors(parser: Parser) -> None:
    with pytest.raises(UnknownOutletError):
        parser.parse("text", outlet="no_such_outlet")
    with pytest.raises(TypeError):
        parser.parse("text", published="2018-07-05")  # type: ignore[arg-type]


def test_a_batch_stops_at_a_non_str_after_yielding_the_reports_before_it(
        parser: Parser) -> None:
    reports = parser.parse_many([DEBKA, b"bytes", OBSERVER])  # type: ignore[list-item]
    assert next(reports).outlet == "debkafile"
    with pytest.raises(InputTypeError):
        next(reports)


def test_undecodable_files_are_named_and_the_others_parsed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a_debka.txt").write_text(DEBKA, encoding="utf-8")
    (folder / "b_latin1.txt").write_bytes("Caf\u00e9 in Damascus shelled.".encode("latin-1"))
    (folder / "c_utf16.txt").write_bytes("Regime forces shelled Daraa.".encode("utf-16"))
    (folder / "d_bom.txt").write_bytes(b"\xef\xbb\xbf" + OBSERVER.encode("utf-8"))
    (folder / "e_nul.txt").write_bytes(b"Regime forces\x00shelled Daraa.")
    status = cli.main(["parse", str(folder), "--format", "jsonl", "--no-progress"])
    captured = capsys.readouterr()
    assert status == 1
    parsed = [json.loads(line) for line in captured.out.splitlines()]
    assert [Path(record["id"]).name for record in parsed] == ["a_debka.txt", "d_bom.txt",
                                                              "e_nul.txt"]
    assert [record["outlet"] for record in parsed] == ["debkafile", "syrian_observer", None]
    assert not parsed[1]["text"].startswith("\ufeff")
    errors = captured.err.splitlines()
    assert any("b_latin1.txt" in line and "not UTF-8" in line for line in errors)
    assert any("c_utf16.txt" in line and "not UTF-8" in line for line in errors)
    assert "2 input(s) could not be read" in captured.err


def test_an_undecodable_file_among_good_ones_named_on_the_command_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text(DEBKA, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa broken")
    status = cli.main(["parse", str(good), str(bad), str(good), "--format", "gold",
                       "--no-progress"])
    captured = capsys.readouterr()
    assert status == 1
    assert len(captured.out.splitlines()) == 2
    assert str(bad) in captured.err
    assert str(good) not in captured.err


def test_published_wins_over_a_hostile_dateline(parser: Parser) -> None:
    text = "DEBKAfile: x y z\nDEBKAfile/Feb 31/18\n\nRegime forces shelled Daraa on Tuesday."
    report = parser.parse(text, published=dt.date(2018, 3, 1))
    check_report(report, text)
    assert report.published == dt.date(2018, 3, 1)
