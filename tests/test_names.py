"""Name keys: transliteration variants of one name reduce to one key."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conflictparse import _registry
from conflictparse._names import name_keys, token_key


@pytest.mark.parametrize(("a", "b"), [
    ("Hmeimim", "Hmeimeem"),
    ("Hmeimim", "Khmeimim"),
    ("Aş Şanamayn", "Al-Sanamayn"),
    ("Al-Sanamayn", "Sanamein"),
    ("Deir ez-Zor", "Deir al-Zour"),
    ("Deir ez-Zor", "Dayr az-Zawr"),
    ("Daraa", "Dara'a"),
    ("Daraa", "Deraa"),
    ("Suwayda", "Suweida"),
    ("Raqqa", "Rakka"),
    ("Dar‘ā", "Daraa"),
])
def test_variants_share_a_key(a: str, b: str) -> None:
    """Spelling variants of a place give the same key sequence."""
    assert name_keys(a) == name_keys(b)


@pytest.mark.parametrize(("a", "b"), [("Homs", "Hama"), ("Hama", "Hmeimim"), ("UN", "On"),
                                      ("SAA", "Sea")])
def test_different_names_stay_apart(a: str, b: str) -> None:
    """Different names, and acronyms versus words, keep different keys."""
    assert name_keys(a) != name_keys(b)


def test_acronyms_keep_capitals_and_drop_dots() -> None:
    """U.S. and US are the same acronym; 'us' is a word."""
    assert token_key("U.S.") == token_key("US") == "=US"
    assert token_key("us") != "=US"


def test_people_keep_space_separated_article_words() -> None:
    """'Ash Carter' keeps 'Ash'; a place name drops it."""
    assert name_keys("Ash Carter", loose_articles=False) == (token_key("Ash"), token_key("Carter"))
    assert name_keys("Ash Carter") == (token_key("Carter"),)
    assert name_keys("Bashar al-Assad", loose_articles=False) == name_keys("Bashar Assad")


def test_arabic_keys_fold_alef_and_article() -> None:
    """Arabic spellings with different alef forms and the article match."""
    assert token_key("إيران") == token_key("ايران")
    assert token_key("الرقة") == token_key("رقه")


def test_the_shipped_name_keys_are_those_the_rules_give() -> None:
    """data/name_keys.json.gz is computed ahead; after a change to the key rules or the
    packaged names it must be rebuilt (scripts/build_name_keys.py)."""
    script = Path(__file__).resolve().parent.parent / "scripts" / "build_name_keys.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_precomputed_keys_give_the_same_index_as_computed_ones(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def index(known: bool) -> _registry.NameIndex:
        if not known:
            monkeypatch.setattr(_registry, "packaged_name_keys", lambda: None)
        registry = _registry.Registry()
        for actor in _registry.packaged_actors():
            registry.add_actor(actor)
        for place in _registry.packaged_places():
            registry.add_place(place)
        return registry.index

    fast, slow = index(known=True), index(known=False)
    assert fast.names == slow.names and fast.max_words == slow.max_words
    assert fast.beginnings == slow.beginnings and fast.lower_heads == slow.lower_heads
