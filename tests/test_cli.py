"""The command line: formats, streaming inputs, bad files, evaluate, plugins."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from conflictparse import cli

SEEDS = Path(__file__).parent / "fixtures" / "seeds"


def test_parse_folder_as_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    """A folder gives one JSON line per report, with its file name as id."""
    assert cli.main(["parse", str(SEEDS)]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert [Path(r["id"]).name for r in records] == ["000_ef60f1c7f8756a70.txt",
                                                     "004_d8ee403f277f3248.txt"]
    assert records[0]["outlet"] == "debkafile" and records[0]["published"] == "2018-07-05"


def test_parse_gold_and_table_formats(capsys: pytest.CaptureFixture[str]) -> None:
    """--format gold emits the annotation format; --format table a readable view."""
    seed = str(SEEDS / "004_d8ee403f277f3248.txt")
    assert cli.main(["parse", seed, "--format", "gold"]) == 0
    gold = json.loads(capsys.readouterr().out)
    assert gold["provenance"]["original_outlet"] == "Alsouria Net"
    assert cli.main(["parse", seed, "--format", "table"]) == 0
    table = capsys.readouterr().out
    assert "The Syrian Observer" in table and "same sources (anonymous) revealed" in table


def test_bad_files_are_named_and_the_rest_parsed(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Undecodable and missing inputs are reported by name; exit status 1 at the end."""
    (tmp_path / "a_bad.txt").write_bytes(b"DEBKAfile: \xff\xfe broken")
    (tmp_path / "b_good.txt").write_text("Headline of a report\n\nThe source said that it rained.",
                                         encoding="utf-8")
    status = cli.main(["parse", str(tmp_path), str(tmp_path / "missing.txt")])
    captured = capsys.readouterr()
    assert status == 1
    assert "a_bad.txt: not UTF-8" in captured.err
    assert "missing.txt: no such file" in captured.err
    assert [Path(json.loads(line)["id"]).name for line in captured.out.splitlines()] == [
        "b_good.txt"]


def test_jsonl_input_with_published(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """JSONL records carry id, text and published; a bad record is reported, not fatal."""
    stream = tmp_path / "in.jsonl"
    stream.write_text(
        json.dumps({"id": "r1", "text": "A headline\n\nThe source said on Tuesday that it fell.",
                    "published": "2018-07-05"}) + "\n{not json}\n", encoding="utf-8")
    assert cli.main(["parse", str(stream)]) == 1
    captured = capsys.readouterr()
    [record] = [json.loads(line) for line in captured.out.splitlines()]
    assert record["id"] == "r1" and record["dates"][0]["resolved"] == "2018-07-03"
    assert "in.jsonl:2: bad JSONL record" in captured.err


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """'-' reads one report from standard input."""
    stdin = io.TextIOWrapper(io.BytesIO((SEEDS / "000_ef60f1c7f8756a70.txt").read_bytes()))
    monkeypatch.setattr("sys.stdin", stdin)
    assert cli.main(["parse", "-", "--format", "gold"]) == 0
    assert json.loads(capsys.readouterr().out)["published"] == "2018-07-05"


def test_unknown_outlet_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """--outlet with an unknown id exits 2 with the known ids."""
    assert cli.main(["parse", str(SEEDS), "--outlet", "nope"]) == 2
    assert "registered outlets" in capsys.readouterr().err


def test_evaluate_json(capsys: pytest.CaptureFixture[str]) -> None:
    """evaluate scores a folder of reports with gold files beside them."""
    assert cli.main(["evaluate", str(SEEDS), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["files"] == 2
    assert result["fields"]["published"]["f1"] == 1.0


def test_plugins_lists_outlets_with_versions(capsys: pytest.CaptureFixture[str]) -> None:
    """plugins shows both outlet plugins with their versions."""
    assert cli.main(["plugins", "--json"]) == 0
    listed = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    assert listed["debkafile"]["version"] and listed["syrian_observer"]["version"]
    assert "register_outlets" in listed["debkafile"]["hooks"]
