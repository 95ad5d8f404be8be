"""The actor registry and the gazetteer, loaded from data inside the package.

``data/actors.json`` holds states, forces, units, groups, organisations and people;
``data/gazetteer.json.gz`` (built by ``scripts/build_gazetteer.py`` from GeoNames) and
``data/places_curated.json`` hold places. Plugins add entries through the
``register_actors`` / ``register_locations`` hooks. The :class:`NameIndex` maps name keys
(see :mod:`conflictparse._names`) to entries so text is matched word by word in one pass.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any, NamedTuple

import attrs

from ._names import name_keys, token_key
from ._types import Actor, Location


def _strings(value: Iterable[str] | None) -> tuple[str, ...]:
    return tuple(value or ())


@attrs.frozen(kw_only=True)
class ActorEntry:
    """An actor as registered, with the names used to find it in text."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    """Other names. Lower-case aliases ("regime forces") also match lower-case text;
    capitalised ones only capitalised text."""
    demonyms: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    """For states: adjectives and plural nouns that stand for the state ("Russian")."""
    capital: str | None = None
    """For states: the seat of government, read as the government unless used as a place."""
    government_names: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    parent: str | None = None
    country: str | None = None
    codes: tuple[tuple[str, str], ...] = ()
    roles: tuple[tuple[str, str | None, int | None, int | None], ...] = ()
    """For people: (title, of, start year, end year)."""
    affiliation: str | None = None

    def to_actor(self, title: str | None = None) -> Actor:
        """The :class:`Actor` reported for this entry."""
        names = (*self.aliases, *self.government_names)
        return Actor(
            id=self.id,
            name=self.name,
            kind=self.kind,
            aliases=tuple(dict.fromkeys(n for n in names if n != self.name)),
            country=self.country,
            parent=self.parent,
            codes=self.codes,
            title=title if title is not None else (self.roles[0][0] if self.roles else None),
            affiliation=self.affiliation,
        )


@attrs.frozen(kw_only=True)
class PlaceEntry:
    """A place as registered."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    latitude: float | None = None
    longitude: float | None = None
    parent: str | None = None
    country: str | None = None
    population: int | None = None

    def to_location(self) -> Location:
        """The :class:`Location` reported for this entry."""
        return Location(
            id=self.id,
            name=self.name,
            kind=self.kind,
            aliases=tuple(a for a in self.aliases if a != self.name),
            latitude=self.latitude,
            longitude=self.longitude,
            parent=self.parent,
            country=self.country,
        )


def actor_from_json(data: dict[str, Any]) -> ActorEntry:
    """An :class:`ActorEntry` from one item of ``actors.json``."""
    return ActorEntry(
        id=data["id"],
        name=data["name"],
        kind=data["kind"],
        aliases=data.get("aliases"),
        demonyms=data.get("demonyms"),
        capital=data.get("capital"),
        government_names=data.get("government_names"),
        parent=data.get("parent"),
        country=data.get("country"),
        codes=tuple(sorted((data.get("codes") or {}).items())),
        roles=tuple(
            (r["title"], r.get("of"), r.get("start"), r.get("end")) for r in data.get("roles") or ()
        ),
        affiliation=data.get("affiliation"),
    )


def place_from_json(data: dict[str, Any]) -> PlaceEntry:
    """A :class:`PlaceEntry` from one item of the gazetteer files."""
    return PlaceEntry(
        id=data["id"],
        name=data["name"],
        kind=data["kind"],
        aliases=data.get("aliases"),
        latitude=data.get("lat"),
        longitude=data.get("lon"),
        parent=data.get("parent"),
        country=data.get("country"),
        population=data.get("population"),
    )


def _read_data(name: str) -> Any:
    resource = resources.files("conflictparse") / "data" / name
    if not resource.is_file():
        return None
    raw = resource.read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return json.loads(raw)


def packaged_actors() -> Iterator[ActorEntry]:
    """The actors shipped in ``data/actors.json``."""
    data = _read_data("actors.json") or {"actors": []}
    for item in data["actors"]:
        yield actor_from_json(item)


def packaged_places() -> Iterator[PlaceEntry]:
    """The places shipped in the gazetteer files (curated entries last, so they win)."""
    for name in ("gazetteer.json.gz", "places_curated.json"):
        data = _read_data(name) or {"places": []}
        for item in data["places"]:
            yield place_from_json(item)


class IndexedName(NamedTuple):
    """One name of one entry in the :class:`NameIndex`. (A named tuple: ~22,000 are made
    when the index is built, three times faster than frozen attrs instances.)"""

    entity_id: str
    is_place: bool
    role: str
    """``name`` (a proper name), ``demonym``, ``capital`` or ``government``."""
    lower_ok: bool
    """The name was registered in lower case, so lower-case text matches it too."""
    priority: int
    """Breaks ties between entries sharing a key: higher wins."""


_KIND_PRIORITY = {
    "country": 9, "governorate": 8, "base": 8, "airport": 8, "crossing": 8, "region": 7,
    "landmark": 7, "city": 6, "province": 6, "district": 5, "town": 4, "camp": 4, "village": 2,
}


def packaged_name_keys() -> dict[bool, dict[str, str]]:
    """The name keys of the packaged names, computed ahead by ``scripts/build_name_keys.py``
    (``data/name_keys.json.gz``): ``{loose_articles: {name: "key key"}}``. Computing them
    when the index is built took two thirds of the time to a first parse."""
    data = _read_data("name_keys.json.gz") or {}
    return {True: data.get("loose", {}), False: data.get("strict", {})}


def computed_name_keys(names: Iterable[tuple[str, bool]]) -> dict[bool, dict[str, str]]:
    """What ``scripts/build_name_keys.py`` writes for ``(name, loose_articles)`` pairs."""
    keys: dict[bool, dict[str, str]] = {True: {}, False: {}}
    for name, loose in names:
        keys[loose][name] = " ".join(name_keys(name, loose_articles=loose))
    return keys


class _HeadWords(dict[str, bool]):
    """Word as written → whether it can start a name of the index: its key is a name's
    first key, and it is capitalised or a name registered in lower case starts with it. A
    dict filled on a miss (the same words recur in every report), so ``map`` reads it for
    every word of a text without Python calls; emptied when it grows past a bound."""

    limit = 200_000

    def __init__(self, index: NameIndex) -> None:
        super().__init__()
        self.index = index

    def __missing__(self, word: str) -> bool:
        if len(self) >= self.limit:
            self.clear()
        key = token_key(word)
        head = self[word] = key in self.index.max_words and (
            key in self.index.lower_heads or not word[:1].islower())
        return head


class NameIndex:
    """Name keys → the entries they may name; longest match wins when scanning text."""

    def __init__(self, known_keys: dict[bool, dict[str, str]] | None = None) -> None:
        self._known_keys = known_keys or {True: {}, False: {}}
        """Keys computed ahead (see :func:`packaged_name_keys`); others are computed here."""
        self.names: dict[tuple[str, ...], list[IndexedName]] = {}
        self.max_words: dict[str, int] = {}
        """First key → the most words a name starting with it has."""
        self._added: set[tuple[tuple[str, ...], str, str]] = set()
        self.beginnings: set[tuple[str, ...]] = set()
        """The first two, three … keys of every name of two or more words: a longer name
        is worth looking up only while the words read so far begin one."""
        self._partitions: dict[tuple[tuple[str, ...], bool],
                               tuple[list[IndexedName], list[IndexedName], bool]] = {}
        self.lower_heads: set[str] = set()
        """First keys of names registered in lower case: only these can start a match in
        lower-case text."""
        self.heads = _HeadWords(self)

    def partition(self, keys: tuple[str, ...], capitalised: bool
                  ) -> tuple[list[IndexedName], list[IndexedName], bool]:
        """The places and the actors that the name ``keys`` may be, when written capitalised
        or not (lower-case text matches only names registered in lower case), by priority;
        and whether one of the actors is a state named by its capital. Remembered: the same
        few hundred names recur in every report."""
        found = self._partitions.get((keys, capitalised))
        if found is None:
            usable = [item for item in self.names.get(keys, ()) if capitalised or item.lower_ok]
            actors = [item for item in usable if not item.is_place]
            found = ([item for item in usable if item.is_place], actors,
                     any(item.role == "capital" for item in actors))
            self._partitions[keys, capitalised] = found
        return found

    def add(self, entries: Iterable[tuple[str, IndexedName]]) -> None:
        """Index each ``(name, item)``; an entry repeating a name's keys, entity and role adds
        nothing. (One loop for all the ~22,000 names of a registry: the index is built when a
        parser reads its first report.)"""
        known_keys = self._known_keys
        added, names, max_words = self._added, self.names, self.max_words
        beginnings, lower_heads = self.beginnings, self.lower_heads
        grown: set[tuple[str, ...]] = set()
        for name, item in entries:
            name = _without_the(name)
            known = known_keys[item.is_place].get(name)
            keys = (tuple(known.split()) if known is not None
                    else name_keys(name, loose_articles=item.is_place))
            if not keys or (len(keys) == 1 and len(keys[0]) < 2):
                continue
            seen = (keys, item.entity_id, item.role)
            if seen in added:
                continue
            added.add(seen)
            bucket = names.get(keys)
            if bucket is None:
                names[keys] = [item]
            else:
                bucket.append(item)
                grown.add(keys)
            first = keys[0]
            if len(keys) > 1:
                beginnings.update(keys[:size] for size in range(2, len(keys) + 1))
            if item.lower_ok:
                lower_heads.add(first)
            if max_words.get(first, 0) < len(keys):
                max_words[first] = len(keys)
        for keys in grown:  # highest priority first, in the order added among equals
            names[keys].sort(key=lambda item: -item.priority)
        self._partitions.clear()
        self.heads.clear()


class Registry:
    """Actors and places known to a Parser, with the index used to find them."""

    def __init__(self) -> None:
        self.actors: dict[str, ActorEntry] = {}
        self.places: dict[str, PlaceEntry] = {}
        self._index: NameIndex | None = None
        self._actor_cache: dict[str, Actor] = {}
        self._location_cache: dict[str, Location] = {}

    def add_actor(self, entry: ActorEntry) -> None:
        """Add an actor; an existing id gains the new entry's aliases."""
        existing = self.actors.get(entry.id)
        if existing is not None:
            entry = attrs.evolve(
                existing,
                aliases=tuple(dict.fromkeys((*existing.aliases, entry.name, *entry.aliases))),
                demonyms=tuple(dict.fromkeys((*existing.demonyms, *entry.demonyms))),
                government_names=tuple(
                    dict.fromkeys((*existing.government_names, *entry.government_names))
                ),
            )
        self.actors[entry.id] = entry
        self._actor_cache.pop(entry.id, None)
        self._index = None

    def add_place(self, entry: PlaceEntry) -> None:
        """Add a place; an existing id gains the new entry's aliases."""
        existing = self.places.get(entry.id)
        if existing is not None:
            entry = attrs.evolve(
                entry,
                aliases=tuple(dict.fromkeys((*existing.aliases, existing.name, *entry.aliases))),
            )
        self.places[entry.id] = entry
        self._location_cache.pop(entry.id, None)
        self._index = None

    @property
    def index(self) -> NameIndex:
        """The name index, built on first use."""
        if self._index is None:
            self._index = self._build_index()
        return self._index

    def indexed_names(self) -> Iterator[tuple[str, bool]]:
        """Every ``(name, loose_articles)`` pair the index looks up keys for."""
        for place in self.places.values():
            for name in (place.name, *place.aliases):
                yield _without_the(name), True
        for actor in self.actors.values():
            for name in (actor.name, *actor.aliases, *actor.government_names,
                         *actor.demonyms, *([actor.capital] if actor.capital else [])):
                yield _without_the(name), False

    def _build_index(self) -> NameIndex:
        index = NameIndex(packaged_name_keys())
        index.add(self._index_entries())
        return index

    def _index_entries(self) -> Iterator[tuple[str, IndexedName]]:
        for place in self.places.values():
            priority = _KIND_PRIORITY.get(place.kind, 1) * 10 + min(
                9, len(str(place.population or 0))
            )
            item = IndexedName(entity_id=place.id, is_place=True, role="name", lower_ok=False,
                               priority=priority)
            for name in (place.name, *place.aliases):
                yield name, item
        for actor in self.actors.values():
            priority = 100 if actor.kind != "person" else 90
            roles = [(name, "name") for name in (actor.name, *actor.aliases)]
            roles += [(name, "government") for name in actor.government_names]
            roles += [(name, "demonym") for name in actor.demonyms]
            if actor.capital:
                roles.append((actor.capital, "capital"))
            for name, role in roles:
                bare = name[4:] if name[:4].lower() == "the " else name
                yield name, IndexedName(entity_id=actor.id, is_place=False, role=role,
                                        lower_ok=bare[:1].islower(), priority=priority)

    def actor(self, actor_id: str) -> Actor:
        """The output :class:`Actor` for a registered id."""
        actor = self._actor_cache.get(actor_id)
        if actor is None:
            actor = self._actor_cache[actor_id] = self.actors[actor_id].to_actor()
        return actor

    def location(self, place_id: str) -> Location:
        """The output :class:`Location` for a registered id."""
        location = self._location_cache.get(place_id)
        if location is None:
            location = self._location_cache[place_id] = self.places[place_id].to_location()
        return location


def _without_the(name: str) -> str:
    return name[4:] if name[:4].lower() == "the " else name
