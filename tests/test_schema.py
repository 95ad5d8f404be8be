"""Tests for conflictparse.schema: the generated JSON Schema, its checked-in copy, and real
output validated against it."""

from __future__ import annotations

import json
import pathlib
from typing import Any

import attrs
import pytest

import conflictparse
from conflictparse import schema

ROOT = pathlib.Path(__file__).parents[1]
CHECKED_IN = ROOT / "docs" / "schema" / "report.schema.json"
REPORTS = sorted([*(ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"),
                  *(ROOT / "tests" / "devset").glob("*.txt")])


def json_output(path: pathlib.Path) -> dict[str, Any]:
    """What ``conflictparse parse`` writes for ``path``, read back from JSON."""
    report = conflictparse.parse(path.read_text(encoding="utf-8"))
    data: dict[str, Any] = json.loads(conflictparse.report_to_json(report))
    return data


def test_checked_in_copy_is_current() -> None:
    """docs/schema/report.schema.json is what report_schema() generates today."""
    assert CHECKED_IN.read_text(encoding="utf-8") == schema.schema_json(), (
        "regenerate it: python -m conflictparse.schema docs/schema/report.schema.json")


def test_every_attrs_field_is_described() -> None:
    """Each attrs class the Report holds is a definition listing exactly its fields."""
    generated = schema.report_schema()
    classes = {conflictparse.Report: generated, **{
        getattr(conflictparse, name): definition
        for name, definition in generated["$defs"].items()
        if definition["type"] == "object"}}
    assert {c.__name__ for c in classes} >= {"Report", "Claim", "Source", "Span", "Actor",
                                              "Location", "Mention", "Provenance", "Diagnostic"}
    for cls, definition in classes.items():
        fields = [f.name for f in attrs.fields(cls)]
        extra = ("schema_version", "id") if cls is conflictparse.Report else ()
        assert [p for p in definition["properties"] if p not in extra] == fields
        assert definition["additionalProperties"] is False


def test_top_level_keys_match_the_output() -> None:
    """The schema's required keys are the keys report_to_dict writes, schema_version included."""
    data = json_output(REPORTS[0])
    assert set(schema.report_schema()["required"]) == set(data)
    assert data["schema_version"] == schema.report_schema()["properties"]["schema_version"]["const"]


def test_enums_list_their_values() -> None:
    """Enums are string definitions with every member's value."""
    definitions = schema.report_schema()["$defs"]
    assert definitions["SourceKind"]["enum"] == [k.value for k in conflictparse.SourceKind]
    assert definitions["Severity"]["enum"] == [k.value for k in conflictparse.Severity]


def test_descriptions_are_plain_text() -> None:
    """Field docstrings become descriptions without reST markup."""
    text = schema.schema_json()
    assert "``" not in text
    assert ":class:" not in text
    span = schema.report_schema()["$defs"]["Span"]["properties"]["start"]
    assert span["description"] == "Offset of the first character, in code points."


def test_main_writes_the_file(tmp_path: pathlib.Path) -> None:
    """``python -m conflictparse.schema PATH`` writes the checked-in text."""
    target = tmp_path / "report.schema.json"
    assert schema.main([str(target)]) == 0
    assert target.read_text(encoding="utf-8") == schema.schema_json()


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_real_output_validates(path: pathlib.Path) -> None:
    """The JSON output for every seed and devset report is valid against the schema."""
    jsonschema = pytest.importorskip("jsonschema")
    validator_class = jsonschema.Draft202012Validator
    validator_class.check_schema(schema.report_schema())
    validator = validator_class(schema.report_schema(),
                                format_checker=validator_class.FORMAT_CHECKER)
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(json_output(path))]
    assert errors == []


def test_schema_rejects_a_wrong_output() -> None:
    """A misspelt kind or a missing key fails validation (the schema is not vacuous)."""
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(schema.report_schema())
    data = json_output(REPORTS[0])
    assert data["claims"], "the first seed has claims"
    data["claims"][0]["source"]["kind"] = "rumour"
    del data["published"]
    messages = [e.message for e in validator.iter_errors(data)]
    assert any("rumour" in m for m in messages)
    assert any("published" in m for m in messages)
