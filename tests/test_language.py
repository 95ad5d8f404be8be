"""Telling the language of Latin-script text by its function words (``_language``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conflictparse._language import guess_language

TESTS = Path(__file__).parent


@pytest.mark.parametrize(("text", "language"), [
    ("According to the sources, the army has moved two brigades to the north of Hama.", "en"),
    ("Secondo le fonti, l'esercito ha spostato due brigate a nord di Hama, vicino alla città.",
     "it"),
    ("Nach Angaben der Quellen hat die Armee zwei Brigaden in den Norden von Hama verlegt.",
     "de"),
    ("Selon les sources, l'armée a déplacé deux brigades dans le nord de Hama, près de la ville.",
     "fr"),
    ("Según las fuentes, el ejército trasladó dos brigadas al norte de Hama, tras los ataques.",
     "es"),
    ("Segundo as fontes, o exército não foi ao norte de Hama pelo caminho dos rebeldes.", "pt"),
])
def test_a_sentence_tells_its_language(text: str, language: str) -> None:
    assert guess_language(text) == language


@pytest.mark.parametrize("text", [
    "", "Hizballah Quneitra", "Dozens die in Idlib strike", "12 / 07 / 2018",
    "ضربات في درعا",
])
def test_too_little_to_tell(text: str) -> None:
    assert guess_language(text) is None


def test_no_english_headline_or_opening_of_the_fixtures_reads_as_another_language() -> None:
    """The gold headlines of the dev set and the seeds, each with the paragraph below it,
    read as English or as nothing (never as another language, which would relabel them)."""
    checked = 0
    for gold_path in [*TESTS.glob("devset/*.gold.json"), *TESTS.glob("fixtures/seeds/*.gold.json")]:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        headline = gold.get("headline")
        if not headline:
            continue
        text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(
            encoding="utf-8")
        after = text[text.find(headline) + len(headline):].strip().split("\n")[0]
        assert guess_language(f"{headline}\n{after[:400]}", at_least=3) in ("en", None), headline
        checked += 1
    assert checked >= 10
