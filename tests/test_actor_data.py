"""Checks on the packaged actor registry ``src/conflictparse/data/actors.json``.

The file is read with :mod:`json` only, so these tests do not depend on the loader:
they check the data against the schema the loader is written for, and that the actors
of the seed reports are there with the spellings the reports use.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

ACTORS_PATH = (
    Path(__file__).resolve().parent.parent / "src" / "conflictparse" / "data" / "actors.json"
)

KINDS = {"state", "armed_force", "unit", "armed_group", "organisation", "person"}
KEYS = {
    "id", "name", "kind", "aliases", "demonyms", "capital", "government_names",
    "parent", "country", "codes", "roles", "affiliation",
}
ROLE_KEYS = {"title", "of", "start", "end"}
STATE_ID = re.compile(r"[A-Z]{3}")
CHILD_ID = re.compile(r"(?:[A-Z]{3}|grp|org|person)(?:\.[a-z0-9_]+)+")
MIN_YEAR, MAX_YEAR = 1900, 2030

# Names that two actors may share, as {normalised name: (ids, reason)}. A name shared by
# two actors makes the matcher pick one of them at random, so each entry needs a reason.
ALLOWED_SHARED: dict[str, tuple[frozenset[str], str]] = {}

# Lower-case aliases match lower-case text, so they must name one actor on their own.
GENERIC_LOWER = {
    "army", "forces", "troops", "soldiers", "fighters", "militants", "militias", "police",
    "government", "coalition", "opposition", "president", "minister", "officials", "military",
    "security forces", "the government", "the army", "jihadists", "insurgents", "terrorists",
}

# Articles left out of a name when names are compared (as the matcher does).
_ARTICLES = {"al", "el", "as", "ash", "ad", "az", "ez", "ar", "at", "an", "ul", "il"}


def _load() -> dict[str, Any]:
    with ACTORS_PATH.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


DATA = _load()
ACTORS: list[dict[str, Any]] = DATA["actors"]
BY_ID: dict[str, dict[str, Any]] = {actor["id"]: actor for actor in ACTORS}
BY_NAME: dict[str, dict[str, Any]] = {actor["name"]: actor for actor in ACTORS}


def _all_names(actor: dict[str, Any]) -> list[str]:
    names = [actor["name"], *actor["aliases"], *actor["government_names"], *actor["demonyms"]]
    if actor["capital"]:
        names.append(actor["capital"])
    return names


def _normalise(name: str) -> str:
    """A spelling-tolerant form of a name: case, accents, apostrophes, articles, "the"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"['’‘`]", "", text)
    words = re.findall(r"[^\W_]+", text)
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(w for w in words if w not in _ARTICLES)


def _problems(check: Any) -> list[str]:
    found: list[str] = []
    for actor in ACTORS:
        found.extend(f"{actor.get('id')}: {p}" for p in check(actor))
    return found


def test_top_level() -> None:
    assert DATA["version"] == 1
    assert set(DATA) == {"version", "actors"}
    assert isinstance(ACTORS, list)
    assert len(ACTORS) >= 250


def test_ids_unique() -> None:
    ids = [actor["id"] for actor in ACTORS]
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == []


def test_names_unique() -> None:
    names = defaultdict(list)
    for actor in ACTORS:
        names[actor["name"]].append(actor["id"])
    assert {n: ids for n, ids in names.items() if len(ids) > 1} == {}


def _schema(actor: dict[str, Any]) -> list[str]:
    if set(actor) != KEYS:
        return [f"keys {sorted(set(actor) ^ KEYS)}"]
    found = []
    kind = actor["kind"]
    if kind not in KINDS:
        found.append(f"kind {kind!r}")
    if not isinstance(actor["name"], str) or not actor["name"].strip():
        found.append("empty name")
    for key in ("aliases", "demonyms", "government_names", "roles"):
        if not isinstance(actor[key], list):
            found.append(f"{key} is not a list")
    for key in ("capital", "parent", "country", "affiliation"):
        if actor[key] is not None and not isinstance(actor[key], str):
            found.append(f"{key} is not a string or null")
    if not isinstance(actor["codes"], dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v for k, v in actor["codes"].items()
    ):
        found.append("codes must map strings to strings")
    if kind == "state":
        if STATE_ID.fullmatch(actor["id"]) is None:
            found.append("a state id is an ISO 3166 alpha-3 code")
        if not actor["demonyms"]:
            found.append("a state needs demonyms")
        if actor["country"] != actor["id"]:
            found.append("a state's country is itself")
        if actor["parent"] is not None:
            found.append("a state has no parent")
        iso = actor["codes"].get("iso3166", "")
        if re.fullmatch(r"[A-Z]{2}", iso) is None:
            found.append(f"iso3166 code {iso!r}")
    else:
        if CHILD_ID.fullmatch(actor["id"]) is None:
            found.append("id is not a dotted lower-case slug")
        if actor["demonyms"] or actor["government_names"] or actor["capital"] is not None:
            found.append("demonyms, capital and government_names are for states only")
        prefix = actor["id"].split(".")[0]
        if STATE_ID.fullmatch(prefix) and actor["country"] != prefix:
            found.append(f"id prefix {prefix} but country {actor['country']}")
    if (kind == "person") != actor["id"].startswith("person."):
        found.append("person ids, and only person ids, start with 'person.'")
    if kind != "person" and (actor["roles"] or actor["affiliation"] is not None):
        found.append("roles and affiliation are for people only")
    if kind == "person" and actor["parent"] is not None:
        found.append("a person has no parent")
    cameo = actor["codes"].get("cameo")
    if cameo is not None and re.fullmatch(r"[A-Z]{3,9}", cameo) is None:
        found.append(f"cameo code {cameo!r}")
    return found


def test_schema() -> None:
    assert _problems(_schema) == []


def _roles(actor: dict[str, Any]) -> list[str]:
    found = []
    for role in actor["roles"]:
        if not isinstance(role, dict) or set(role) != ROLE_KEYS:
            found.append(f"role keys {role!r}")
            continue
        if not isinstance(role["title"], str) or not role["title"].strip():
            found.append(f"role title {role!r}")
        if role["of"] not in BY_ID:
            found.append(f"role of unknown actor {role['of']!r}")
        years = [role["start"], role["end"]]
        for year in years:
            if year is not None and (
                not isinstance(year, int) or isinstance(year, bool)
                or not MIN_YEAR <= year <= MAX_YEAR
            ):
                found.append(f"role year {year!r}")
        if all(isinstance(y, int) for y in years) and role["start"] > role["end"]:
            found.append(f"role ends before it starts: {role!r}")
    return found


def test_roles() -> None:
    assert _problems(_roles) == []


def _references(actor: dict[str, Any]) -> list[str]:
    found = []
    for key in ("parent", "affiliation"):
        target = actor[key]
        if target is not None and target not in BY_ID:
            found.append(f"{key} {target!r} does not exist")
    country = actor["country"]
    if country is not None and BY_ID.get(country, {}).get("kind") != "state":
        found.append(f"country {country!r} is not a state")
    parent = BY_ID.get(actor["parent"] or "")
    if parent is not None and parent["kind"] == "person":
        found.append("parent is a person")
    # no cycles
    seen = {actor["id"]}
    while parent is not None:
        if parent["id"] in seen:
            found.append("parent cycle")
            break
        seen.add(parent["id"])
        parent = BY_ID.get(parent["parent"] or "")
    return found


def test_references() -> None:
    assert _problems(_references) == []


def _spellings(actor: dict[str, Any]) -> list[str]:
    found = []
    written = _all_names(actor)
    for name in written:
        if not isinstance(name, str) or not name or name != " ".join(name.split()):
            found.append(f"badly spaced name {name!r}")
        elif name.endswith(("'s", "’s")):
            found.append(f"possessive {name!r}: the matcher strips possessives")
    if actor["name"] in actor["aliases"]:
        found.append("name repeated as an alias")
    for key in ("aliases", "demonyms", "government_names"):
        if len(set(actor[key])) != len(actor[key]):
            found.append(f"duplicate {key}")
    for name in [*actor["aliases"], *actor["government_names"]]:
        bare = name[4:] if name.lower().startswith("the ") else name
        if bare[:1].islower() and bare in GENERIC_LOWER:
            found.append(f"lower-case alias {name!r} is too generic")
    return found


def test_spellings() -> None:
    assert _problems(_spellings) == []


def test_no_name_shared_by_two_actors() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for actor in ACTORS:
        for name in _all_names(actor):
            key = _normalise(name)
            if key:
                owners[key].add(actor["id"])
    shared = {key: ids for key, ids in owners.items() if len(ids) > 1}
    unexplained = {
        key: sorted(ids) for key, ids in shared.items()
        if key not in ALLOWED_SHARED or ALLOWED_SHARED[key][0] != ids
    }
    assert unexplained == {}
    stale = set(ALLOWED_SHARED) - set(shared)
    assert not stale, f"allowlist entries no longer shared: {sorted(stale)}"


SEEDS: list[tuple[str, str, str, list[str]]] = [
    # (id, name, kind, spellings the seed reports use)
    ("RUS", "Russia", "state", ["Russian", "Russians", "Moscow"]),
    ("SYR", "Syria", "state", ["Assad regime", "Syrian regime", "Syrian government", "the regime",
                               "Damascus"]),
    ("IRN", "Iran", "state", ["Iranian", "Iranians", "Tehran"]),
    ("JOR", "Jordan", "state", ["Jordanian", "Amman"]),
    ("ISR", "Israel", "state", ["Israeli", "Jerusalem"]),
    ("USA", "United States", "state", ["US", "U.S.", "Washington"]),
    ("grp.syrian_rebels", "Syrian rebels", "armed_group", ["rebels"]),
    ("person.sergei_lavrov", "Sergei Lavrov", "person", ["Lavrov"]),
    ("SYR.saa", "Syrian Arab Army", "armed_force",
     ["Syrian army", "Syrian troops", "regime forces", "regime army"]),
    ("SYR.tiger_forces", "Tiger Forces", "unit", ["Tigers Force", "Tiger Force"]),
    ("SYR.4th_armoured_division", "4th Armoured Division", "unit",
     ["4th Division", "Fourth Division"]),
    ("person.bashar_al_assad", "Bashar al-Assad", "person", ["Bashar Assad", "Assad"]),
    ("grp.hezbollah", "Hezbollah", "armed_group", ["Hizballah", "Hizbullah"]),
    ("grp.radwan_force", "Radwan Force", "unit", ["Radwan fighters", "Radwan"]),
    ("person.vladimir_putin", "Vladimir Putin", "person", ["Putin"]),
    ("person.donald_trump", "Donald Trump", "person", ["Trump"]),
    ("person.mike_pompeo", "Mike Pompeo", "person", ["Pompeo"]),
    ("person.sergei_ryabkov", "Sergei Ryabkov", "person", ["Ribakov", "Sergei Ribakov", "Ryabkov"]),
    ("person.gary_koren", "Gary Koren", "person", []),
    ("person.benjamin_netanyahu", "Benjamin Netanyahu", "person",
     ["Binyamin Netanyahu", "Netanyahu"]),
    ("RUS.armed_forces", "Russian Armed Forces", "armed_force",
     ["Russian army", "Russian officers"]),
]


@pytest.mark.parametrize(("actor_id", "name", "kind", "spellings"), SEEDS)
def test_seed_actor(actor_id: str, name: str, kind: str, spellings: list[str]) -> None:
    actor = BY_ID[actor_id]
    assert actor["name"] == name
    assert actor["kind"] == kind
    missing = [s for s in spellings if s not in _all_names(actor)]
    assert missing == []


def test_seed_structure() -> None:
    assert BY_ID["USA"]["capital"] == "Washington"
    assert "the regime" in BY_ID["SYR"]["government_names"]
    assert BY_ID["SYR.saa"]["parent"] == "SYR"
    assert BY_ID["SYR.tiger_forces"]["parent"] == "SYR.saa"
    assert BY_ID["SYR.4th_armoured_division"]["parent"] == "SYR.saa"
    assert BY_ID["grp.radwan_force"]["parent"] == "grp.hezbollah"
    assert BY_ID["RUS.armed_forces"]["parent"] == "RUS"
    lavrov = BY_ID["person.sergei_lavrov"]
    assert lavrov["affiliation"] == "RUS"
    assert {"title": "Foreign Minister", "of": "RUS", "start": 2004, "end": None} in lavrov["roles"]
    ryabkov = BY_ID["person.sergei_ryabkov"]
    assert ryabkov["roles"][0]["title"] == "Deputy Foreign Minister"
    koren = BY_ID["person.gary_koren"]
    assert koren["roles"] == [
        {"title": "Ambassador to Russia", "of": "ISR", "start": 2015, "end": 2021}
    ]


_PARTICLE = re.compile(r"^(?:the |(?:al|el|ad|as|ash|az|ez)-|de |bin |ibn )", re.IGNORECASE)


def test_people_have_no_lower_case_aliases() -> None:
    """Lower-case aliases also match lower-case text: they are for common-noun phrases
    ("regime forces"), never for a person's name. Arabic articles ("al-Baghdadi") and
    particles ("de Mistura") are allowed before the capitalised part."""
    lower = [
        f"{actor['id']}: {name}"
        for actor in ACTORS if actor["kind"] == "person"
        for name in actor["aliases"]
        if _PARTICLE.sub("", name)[:1].islower()
    ]
    assert lower == []
