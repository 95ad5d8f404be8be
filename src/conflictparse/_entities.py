"""Finding actors and places in text.

Three passes over each region of the body (headline, standfirst, paragraphs):

1. *Titled people* — "Gen. Ramadan Ramadan", "Russian Foreign Minister Sergei Lavrov",
   "Israel's ambassador to Moscow, Gary Koren": a registered person when the name is known,
   otherwise a new person actor with the title and affiliation the text gives. Their bare
   surname is then recognised for the rest of the report ("informed Ali").
2. *Introduced places* — "the town of Zimreen", "the village of Jabab": a registered place
   when the name is known, otherwise a new place of that kind without coordinates.
3. *Registry words* — one left-to-right pass over the words, looking up name keys
   (:mod:`conflictparse._names`) in the index; the longest name wins. A country or capital is
   a place after a locative word ("in Syria", "southwest Syria", "to Moscow") and the state or
   its government otherwise ("Washington and Moscow", "Israel's Golan border").
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
import sys
from collections.abc import Iterable

import attrs
import regex

from ._document import Document
from ._names import TOKEN, is_article, name_keys, token_key
from ._registry import IndexedName, Registry
from ._scan import (
    AffixedAnchorScan,
    AnchorScan,
    LiteralSearch,
    Match,
    RunAnchorScan,
    affixed_shape,
    ascii_around,
)
from ._types import (
    Actor,
    Claim,
    Location,
    Mention,
    SourceKind,
    fast_constructor,
    new_mention,
)

_PARTICLE = r"(?:(?:al|el|Al|El|bin|ibn|Abu|abu|Abou|de|van|von|ben|ez|es|as|ad|ash|ar|at|az|an)[-\s])"
_NAME = rf"(?!(?:Gen|Col|Maj|Brig|Lt|Capt|Sgt|Adm)\.)\p{{Lu}}[\p{{L}}']+(?:-\p{{Lu}}[\p{{L}}']+)?(?:\s+{_PARTICLE}?\p{{Lu}}[\p{{L}}']+(?:-\p{{Lu}}[\p{{L}}']+)?){{0,3}}"
_RANK = (
    r"(?:(?:Maj(?:or)?\.?|Brig(?:adier)?\.?|Lt\.?|Lieutenant)\s+(?:Gen(?:eral)?\.?|Col(?:onel)?\.?)"
    r"|Gen\.|General|Col\.?|Colonel|Maj\.|Major|Brig\.|Brigadier|Capt\.|Captain|Lt\.|Lieutenant"
    r"|Lieut\.?\s+Col\.?|Lt\.?\s+Col\.?"
    r"|Sgt\.|Sergeant|Adm\.|Admiral|Sheikh|Dr\.)"
)
_ABBREVIATED_RANK = r"(?:(?:Maj|Brig|Lt|Lieut|Gen|Col|Capt|Sgt|Adm)\.?\s*)+"
_ABBREVIATED_RANKS = regex.compile(_ABBREVIATED_RANK)
_OFFICE = (
    r"(?:(?:[Dd]eputy|[Vv]ice|[Pp]rime|[Ff]oreign|[Dd]efen[cs]e|[Ii]nterior|[Ii]nformation|"
    r"[Jj]ustice|[Ff]inance|[Cc]hief|[Ss]upreme|[Aa]ssistant|[Ss]pecial|UN|U\.N\.|[Ff]ormer|"
    r"[Ss]enior|[Mm]ilitary|[Pp]residential)\s+){0,3}"
    r"(?:[Mm]inister|President|[Pp]remier|[Aa]mbassador|[Gg]overnor|[Ee]nvoy|[Ss]pokes(?:man|woman)|"
    r"Secretary of State|[Ss]ecretary|[Cc]ommander|[Cc]hief of [Ss]taff|[Ll]eader|King|Emir|"
    r"Crown Prince|[Mm]ayor|[Cc]hairman|[Aa]dviser|[Aa]dvisor|[Cc]oordinator|[Dd]irector|"
    r"[Hh]ead|[Cc]hief)"
)
_AFFILIATION = r"(?:(?P<affiliation>\p{Lu}[\p{L}.]+)(?:'s)?\s+)"
_TITLED_PERSON_SOURCE = (
    rf"(?:{_AFFILIATION}?(?P<title>{_RANK}|{_OFFICE})"
    rf"(?:\s+(?:to|of|in|for)\s+(?:the\s+)?\p{{Lu}}[\p{{L}}]+(?:\s+(?:\p{{Lu}}[\p{{L}}]+|and|of|for|in)){{0,7}},\s+"
    rf"|\s+(?:to|of|in|for)\s+(?:the\s+)?\p{{Lu}}[\p{{L}}]+(?:\s+\p{{Lu}}[\p{{L}}]+){{0,3}}\s+|,?\s+)"
    rf"|(?P<title2>{_RANK})\s+)"
    rf"(?P<name>{_NAME})"
)
_LITERALS = LiteralSearch()
"""The anchors of the scans below, found in one pass over a report."""
# Same matches as _TITLED_PERSON.finditer, tried only at a title or the word before it
# (see _scan); a reshaped _TITLED_PERSON falls back to the plain scan by itself. The
# scans' patterns are compiled when first used (10 ms, two thirds of the module's import
# time; see __getattr__ below).
_TITLED_SCAN = AffixedAnchorScan(
    _TITLED_PERSON_SOURCE, rf"(?:{_RANK}|{_OFFICE})", enabled=affixed_shape(
        _TITLED_PERSON_SOURCE, _AFFILIATION, rf"(?P<title>{_RANK}|{_OFFICE})",
        rf"|(?P<title2>{_RANK})\s+)(?P<name>{_NAME})"), search=_LITERALS)


_PLACE_KINDS = {
    "town": "town", "village": "village", "city": "city", "district": "district",
    "province": "province", "governorate": "governorate", "region": "region", "area": "region",
    "neighbourhood": "district", "neighborhood": "district", "camp": "camp",
    "countryside": "region", "suburb": "district", "outskirts": "region",
}
_INTRODUCED_PLACE = regex.compile(
    r"\b(?:the\s+)(?P<kind>town|village|city|district|province|governorate|region|area|"
    r"neighbou?rhood|camp|suburb|outskirts)\s+of\s+(?P<name>(?:(?:al|el|as|ad|ash|ar|at|az|ez|an)-)?"
    rf"\p{{Lu}}[\p{{L}}']+(?:[-\s]{_PARTICLE}?\p{{Lu}}[\p{{L}}']+){{0,2}})"
)
_TOPONYM_HEADS = (
    "Tel|Tal|Tell|Jabal|Jebel|Kafr|Kfar|Khan|Bab|Deir|Dayr|Ain|Ayn|Jisr|Madinat|Wadi|Beit|"
    "Bayt|Qasr|Marj|Ras|Nahr|Busra|Bosra|Hayy|Harat|Mazraat|Mazraet|Mazraa|Sahl|Bir|Umm|Om|"
    "Ard|Izraa|Nawa|Ghabagheb"
)
_TOPONYM_SOURCE = (
    rf"\b(?P<name>(?:{_TOPONYM_HEADS})(?:[\s-]{_PARTICLE}?\p{{Lu}}[\p{{L}}']+){{1,2}})"
)
"""Arabic place names by their head word: Tel al-Hara, Kafr Nabudah, Bab Touma."""
_TOPONYM_SCAN = AnchorScan(_TOPONYM_SOURCE, rf"(?:{_TOPONYM_HEADS})",
                           enabled=_TOPONYM_SOURCE.startswith(rf"\b(?P<name>(?:{_TOPONYM_HEADS})"),
                           search=_LITERALS)
"""Same matches as _TOPONYM.finditer, tried only where a head word occurs (see _scan)."""
_PLACE_SUFFIXES = (
    "Square|Highway|highway|[Aa]ir\\s*[Bb]ase|[Aa]irbase|[Bb]ase|[Aa]irport|military airport|"
    "[Cc]rossing|[Ss]hrine|[Cc]omplex|[Cc]amp|[Bb]order"
)
_SUFFIXED_PLACE_SOURCE = (
    rf"\b(?P<name>\p{{Lu}}\p{{L}}+(?:[\s-]{_PARTICLE}?\p{{Lu}}\p{{L}}+){{0,2}})\s+"
    rf"(?P<kind>{_PLACE_SUFFIXES})\b"
)
"""Places named by what they are: Abbasiyyin Square, Dabaa airbase, Syrian-Iraqi border."""
_SUFFIXED_SCAN = RunAnchorScan(_SUFFIXED_PLACE_SOURCE, rf"(?:{_PLACE_SUFFIXES})",
                               run=r"[\p{L}\s-]", head=r"\p{Lu}", before=r"\p{Lu}\p{L}+\s+",
                               search=_LITERALS)
"""Same matches as _SUFFIXED_PLACE.finditer, tried only at the capitals of the letters,
spaces and hyphens before a suffix word that follows a capitalised word (see _scan): a name
and the space after it hold nothing else. Keep ``run``, ``head`` and ``before`` true to the
pattern when editing it."""
_SCANNED = {"_TITLED_PERSON": _TITLED_SCAN, "_TOPONYM": _TOPONYM_SCAN,
            "_SUFFIXED_PLACE": _SUFFIXED_SCAN}


def __getattr__(name: str) -> regex.Pattern[str]:
    """``_TITLED_PERSON``, ``_TOPONYM``, ``_SUFFIXED_PLACE``: the scans' patterns, compiled
    by them on first use."""
    scan = _SCANNED.get(name)
    if scan is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return scan.pattern


def compile_patterns() -> None:
    """Compile now the scans' patterns and anchors, otherwise made on first use
    (``Parser.preload``: before forking workers, so that they share them)."""
    for scan in _SCANNED.values():
        scan.prepare()
    _LITERALS.prepare()  # last: each scan's anchors are added to it


_SUFFIX_KINDS = {"square": "landmark", "highway": "landmark", "crossing": "crossing",
                 "shrine": "landmark", "complex": "landmark", "camp": "camp", "border": "region",
                 "airport": "airport"}
_ADJACENT_REJECTED = frozenset({"village", "town"})
_SETTLEMENTS = frozenset({"village", "town", "city"})
_COMMON_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday today yesterday tomorrow the this that these those last next news report "
    "reports source sources army forces president minister general colonel".split()
)
"""Words whose folded key may equal a village's ("June" ~ "Jawne"): never a one-word place."""
"""One-word gazetteer matches of these kinds are dropped when glued to other capitalised
words: "Harir" in "Busra al-Harir" is part of another name, not the village of Harir."""
_LOCATIVE = frozenset(
    ["in", "inside", "across", "throughout", "into", "from", "at", "near", "toward", "towards", "outside", "within", "around", "southern", "northern", "eastern", "western", "southwest", "southwestern", "northwest", "northwestern", "northeast", "northeastern", "southeast", "southeastern", "central", "south", "north", "east", "west", "occupied", "rural"]
)
_CITY_LOCATIVE = _LOCATIVE | {"to", "of", "visited", "visit", "visiting", "reached"}
_COMPASS_AFTER = regex.compile(r"'s\s+(?:south|north|east|west|center|centre|border|soil|territory)")
_GAP = regex.compile(r"[\s-]*")


@attrs.frozen(kw_only=True)
class Entities:
    """What :class:`EntityFinder` found in one report."""

    actors: tuple[Actor, ...]
    actor_mentions: tuple[Mention, ...]
    locations: tuple[Location, ...]
    location_mentions: tuple[Mention, ...]
    actor_hits: tuple[tuple[int, int, str], ...] = ()
    """Actor mentions as (start, end, actor id) in ``Document.folded``, sorted by start."""


_new_entities = fast_constructor(Entities)
"""``Entities(...)``, twice as fast (one or two a report)."""


@attrs.define
class _Words:
    """The words of some stretches of text, as parallel lists."""

    starts: list[int]
    ends: list[int]
    """Where each word ends, without a possessive 's."""
    keys: list[str]
    texts: list[str]
    """Each word as written, without a possessive 's."""
    prefix_starts: list[int]
    """Where each word starts with the article glued to it ("al-" in "al-Nusra")."""
    bounds: list[tuple[int, int]]
    """The first word of each stretch and the first after it."""
    heads: list[int]
    """The words that can start a name of the index (see ``NameIndex.heads``), in order."""


_TOKEN_SPLIT = regex.compile(f"({TOKEN.pattern})")
"""Splits text into the gaps and the :data:`TOKEN` words between them."""
_ASCII_TOKEN = (TOKEN.pattern.replace(r"[\p{L}\p{M}\p{N}]", "[A-Za-z0-9]")
                .replace(r"\p{Lu}", "[A-Z]"))
if sys.version_info >= (3, 11) and _ASCII_TOKEN == r"(?:[A-Z]\.){2,}|[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*":
    # The same words with possessive quantifiers (the standard library's from Python 3.11),
    # which split a fifth faster: no quantified part can give back a character the rest
    # of the pattern could use, so nothing is ever backtracked into. And one alternative,
    # which splits a tenth faster still: after its first character a word is a dotted
    # abbreviation (the longest run of two or more "X." that the first alternative took)
    # only if that character is a capital, and otherwise goes on as before.
    _ASCII_TOKEN = r"[A-Za-z0-9](?:(?<=[A-Z])(?:\.[A-Z])+\.|[A-Za-z0-9]*+(?:'[A-Za-z0-9]++)*+)"
_ASCII_TOKEN_SPLIT: re.Pattern[str] | regex.Pattern[str] = (
    re.compile(f"({_ASCII_TOKEN})") if "\\p" not in _ASCII_TOKEN else _TOKEN_SPLIT)
"""The same split for ASCII text (most paragraphs), by the standard library's ``re``, which
is twice as fast with these plain classes (a reshaped TOKEN keeps the ``regex`` split)."""
_ALWAYS = 2
"""An article word that is always part of the next word (al, el), not only before "-"."""


class _TokenInfo(dict[str, tuple[str, str, int, int, bool]]):
    """Text token → (the word without a possessive, its name key, characters trimmed,
    article kind: 0 for none, 1 for an article before a hyphen, :data:`_ALWAYS`; whether
    either of the last two applies). A dict, filled on a miss, because the same words recur
    in every report and ``map(dict.__getitem__, …)`` looks them up without Python calls;
    emptied when it grows past a bound, so a stream's memory stays flat."""

    limit = 200_000

    def __missing__(self, token: str) -> tuple[str, str, int, int, bool]:
        if len(self) >= self.limit:
            self.clear()
        word = token[:-2] if token.endswith(("'s", "'S")) else token
        article = 0
        if is_article(word):
            article = _ALWAYS if word.lower() in ("al", "el") else 1
        trimmed = len(token) - len(word)
        info = self[token] = (word, token_key(word), trimmed, article, bool(trimmed or article))
        return info


_TOKEN_INFO = _TokenInfo()
_KEY, _SPECIAL = operator.itemgetter(1), operator.itemgetter(4)
_SPAN_START, _ENTITY_ID = operator.attrgetter("span.start"), operator.attrgetter("entity_id")


class EntityFinder:
    """Finds actors and places of a :class:`Registry` in documents."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def find(self, document: Document, regions: Iterable[tuple[int, int]],
             without: Iterable[str] = ()) -> Entities:
        """Actors and places mentioned in the given stretches of ``document.folded``, but not
        the actors called by any of the names ``without`` (the publishing and the original
        outlet are the report's provenance, not actors in it)."""
        run = _Run(self.registry, document)
        regions = list(regions)
        # The words of all regions in one go: each region is searched on its own, but the
        # per-word work is done in a few passes for the report.
        words = run.words(regions)
        for (start, end), (first, stop) in zip(regions, words.bounds, strict=True):
            run.scan(start, end, words, first, stop)
        return run.result(without)


class _Run:
    """The state of one report's entity search."""

    def __init__(self, registry: Registry, document: Document) -> None:
        self.registry = registry
        self.index = registry.index
        self.document = document
        self.actors: dict[str, Actor] = {}
        self.locations: dict[str, Location] = {}
        self.countries: set[str | None] = set()
        """The countries of the places found so far (ids of the countries among them too)."""
        self.actor_hits: list[tuple[int, int, str, str]] = []
        """Actor mentions as (start, end, id, rule) in ``folded``, in the order found (their
        spans and mentions are built in one go at the end)."""
        self.location_hits: list[tuple[int, int, str, str]] = []
        self.surnames: dict[str, str] = {}

    def result(self, without: Iterable[str] = ()) -> Entities:
        """What was found, but the actors called by any of the names ``without``."""
        actor_hits = self.actor_hits
        dropped = self._called(without)
        if dropped:  # (most reports name their outlet: one actor, a few of ~25 mentions)
            actor_hits = [hit for hit in actor_hits if hit[2] not in dropped]
        span = self.document.span
        actor_mentions = sorted([new_mention(entity_id=i, span=span(s, e), rule=rule)
                                 for s, e, i, rule in actor_hits], key=_SPAN_START)
        location_mentions = sorted([new_mention(entity_id=i, span=span(s, e), rule=rule)
                                    for s, e, i, rule in self.location_hits], key=_SPAN_START)
        return _new_entities(
            # In order of first mention, whichever pass found them.
            actors=tuple(map(self.actors.__getitem__,
                             dict.fromkeys(map(_ENTITY_ID, actor_mentions)))),
            actor_mentions=tuple(actor_mentions),
            locations=tuple(map(self.locations.__getitem__,
                                dict.fromkeys(map(_ENTITY_ID, location_mentions)))),
            location_mentions=tuple(location_mentions),
            actor_hits=tuple(sorted([hit[:3] for hit in actor_hits])),
        )

    def _called(self, names: Iterable[str]) -> set[str]:
        """The ids of the actors found that are called by any of ``names``."""
        keys = _keys_of(tuple(names))
        return {actor.id for actor in self.actors.values()
                if not keys.isdisjoint(_actor_keys(actor.name, actor.aliases))}

    def _add_actor(self, actor: Actor, start: int, end: int, rule: str) -> None:
        self.actors.setdefault(actor.id, actor)
        self.actor_hits.append((start, end, actor.id, rule))

    def _add_location(self, location: Location, start: int, end: int, rule: str) -> None:
        if location.id not in self.locations:
            self.locations[location.id] = location
            self.countries.add(location.country)
            if location.kind == "country":
                self.countries.add(location.id)
        self.location_hits.append((start, end, location.id, rule))

    def scan(self, start: int, end: int, words: _Words, first: int, stop: int) -> None:
        """Find the entities of ``folded[start:end]``, whose words are ``first`` to
        ``stop - 1`` of ``words``."""
        text = self.document.folded
        claimed: list[tuple[int, int]] = []
        # The standard library's re finds what the patterns find in ASCII text, faster.
        ascii = ascii_around(text, start, end)
        for match in _TITLED_SCAN.finditer(text, start, end, ascii):
            claimed.append(self._titled_person(match))
        # (Not its re twin: regex finds the literal 'the' opening it faster than re does.)
        for match in _INTRODUCED_PLACE.finditer(text, start, end):
            if not _inside(match.start("name"), claimed):
                claimed.append(self._introduced_place(match))
        for match in (_TOPONYM_SCAN.finditer(text, start, end, ascii)
                      + _SUFFIXED_SCAN.finditer(text, start, end, ascii)):
            if not _inside(match.start(), claimed) and not _inside(match.end() - 1, claimed):
                span = self._named_place(match)
                if span is not None:
                    claimed.append(span)
        self._registry_words(words, first, stop, claimed)

    def _named_place(self, match: Match) -> tuple[int, int] | None:
        """A place named by its head word or by what it is (see the patterns above)."""
        name = match["name"]
        kind_word = (match.groupdict().get("kind") or "").lower()
        compound_border = kind_word == "border" and "-" in name
        if kind_word == "border" and not compound_border:
            return None
        keys = name_keys(name)
        index = self.index
        # "Russian base", "Hezbollah camp": an actor's, not a place's name.
        if not compound_border and any(not item.is_place for n in range(len(keys), 0, -1)
                                       for item in index.names.get(keys[:n], ())):
            return None
        start, end = match.span()
        for candidate in (name_keys(match[0]), keys):
            for item in index.names.get(candidate, ()):
                if not item.is_place:
                    continue
                # "Al-Karama Square" is not the village of Al-Karamah.
                settlement = self.registry.places[item.entity_id].kind in _SETTLEMENTS
                if not (kind_word and candidate is keys and settlement):
                    self._add_location(self.registry.location(item.entity_id), start, end,
                                       "named")
                    return start, end
        location = Location(id="introduced:" + "_".join(name_keys(match[0])), name=match[0],
                            kind=_suffix_kind(kind_word))
        self._add_location(location, start, end, "named")
        return start, end

    def _lookup(self, name: str, *, people: bool) -> IndexedName | None:
        for item in self.index.names.get(name_keys(name, loose_articles=False), ()):
            if item.is_place or item.role != "name":
                continue
            if (self.registry.actors[item.entity_id].kind == "person") == people:
                return item
        return None

    def _titled_person(self, match: Match) -> tuple[int, int]:
        name = match["name"]
        title = match["title"] or match["title2"]
        known = self._lookup(name, people=True)
        name_start, name_end = match.span("name")
        words = name.replace("-", " ").split()
        if known is None and len(words) == 1 and token_key(name) in self.surnames:
            # "Col Marley" after "Col Ronen Marley": the same person.
            actor = self.actors[self.surnames[token_key(name)]]
            self._add_actor(actor, name_start, name_end, "surname")
            return match.start(), name_end
        if known is None and len(words) < 2 and not _ABBREVIATED_RANKS.fullmatch(title):
            return match.start(), match.start()  # "commander of the Fourth Division"
        if known is not None:
            actor = _with_title(self.registry.actor(known.entity_id), title.rstrip("."))
        else:
            affiliation = self._affiliation(match["affiliation"])
            actor = Actor(
                id="person:" + "_".join(name_keys(name)),
                name=name,
                kind="person",
                aliases=(f"{title} {name}",),
                title=title.rstrip("."),
                affiliation=affiliation,
            )
            if len(words) >= 2:
                self.surnames.setdefault(token_key(words[-1]), actor.id)
        self._add_actor(actor, name_start, name_end, "title")
        affiliation_start = match.start("affiliation")
        if affiliation_start >= 0:
            # "Russian Foreign Minister" also mentions Russia.
            affix = self._one_word(match["affiliation"], affiliation_start) or self.words(
                [(affiliation_start, match.end("affiliation"))])
            self._registry_words(affix, *affix.bounds[0], [])
        return match.start(), name_end

    def _affiliation(self, word: str | None) -> str | None:
        if not word:
            return None
        for item in self.index.names.get(name_keys(word, loose_articles=False), ()):
            if not item.is_place:
                return item.entity_id
        return None

    def _introduced_place(self, match: Match) -> tuple[int, int]:
        name = match["name"]
        start, end = match.span("name")
        for item in self.index.names.get(name_keys(name), ()):
            if item.is_place:
                self._add_location(self.registry.location(item.entity_id), start, end, "introduced")
                return start, end
        kind = _PLACE_KINDS.get(match["kind"].lower(), "place")
        location = Location(id="introduced:" + "_".join(name_keys(name)), name=name, kind=kind)
        self._add_location(location, start, end, "introduced")
        return start, end

    def words(self, regions: list[tuple[int, int]]) -> _Words:
        """The words of the stretches ``regions`` of ``folded``."""
        # A few C-level passes (split, lengths, cached token facts) rather than Python work
        # for each of the ~360 words of a report: only a few of them start a name.
        text = self.document.folded
        starts: list[int] = []
        ends: list[int] = []
        texts: list[str] = []
        bounds: list[tuple[int, int]] = []
        for start, end in regions:
            region = text[start:end]
            parts = (_ASCII_TOKEN_SPLIT if region.isascii() else _TOKEN_SPLIT).split(region)
            offsets = list(itertools.accumulate(map(len, parts), initial=start))
            first = len(texts)
            starts += offsets[1:-1:2]
            ends += offsets[2::2]
            texts += parts[1::2]
            bounds.append((first, len(texts)))
        infos = list(map(_TOKEN_INFO.__getitem__, texts))
        keys = list(map(_KEY, infos))
        merged: list[int] = []
        for k in itertools.compress(itertools.count(), map(_SPECIAL, infos)):
            texts[k], _, trimmed, article, _ = infos[k]
            ends[k] -= trimmed
            # An article before a hyphen ("al-"), or al/el anywhere, belongs to the next word.
            if article and (article == _ALWAYS or text[ends[k]:ends[k] + 1] == "-"):
                merged.append(k)
        prefix_starts = starts
        if merged:
            prefix_starts = starts[:]
            dropped = set(merged)
            firsts = [first for first, _ in bounds]
            for k in merged:
                first, stop = bounds[bisect.bisect_right(firsts, k) - 1]  # k's region
                if k + 1 < stop and k + 1 not in dropped:
                    glued = k
                    while glued - 1 >= first and glued - 1 in dropped:
                        glued -= 1
                    prefix_starts[k + 1] = starts[glued]
            if len(merged) < 16:  # a report: a few deletions, not a copy of every list
                for k in reversed(merged):
                    del starts[k], ends[k], prefix_starts[k], keys[k], texts[k]
            else:  # a long document: each deletion moves the rest, so copy once
                kept = [k for k in range(len(texts)) if k not in dropped]
                starts, ends, prefix_starts = ([values[k] for k in kept]
                                               for values in (starts, ends, prefix_starts))
                keys, texts = [keys[k] for k in kept], [texts[k] for k in kept]
            bounds = [(first - bisect.bisect_left(merged, first),
                       stop - bisect.bisect_left(merged, stop)) for first, stop in bounds]
        heads = list(itertools.compress(itertools.count(), map(
            self.index.heads.__getitem__, texts)))
        return _Words(starts, ends, keys, texts, prefix_starts, bounds, heads)

    def _one_word(self, word: str, start: int) -> _Words | None:
        """What :meth:`words` gives for ``word`` at ``start`` when it is letters only, with no
        article or possessive to handle (most affixes: "Russian", "Israeli"): one word.
        ``None`` otherwise."""
        if not word.isalpha():  # (a dot may split it: "U.S.", "Gen.Ali")
            return None
        _, key, _, _, special = _TOKEN_INFO[word]
        if special:
            return None
        return _Words([start], [start + len(word)], [key], [word], [start], [(0, 1)],
                      [0] if self.index.heads[word] else [])

    def _registry_words(self, words: _Words, lo: int, hi: int,
                        claimed: list[tuple[int, int]]) -> None:
        """Registered names among words ``lo`` to ``hi - 1``."""
        text = self.document.folded
        index = self.index
        names, max_words, beginnings = index.names, index.max_words, index.beginnings
        surnames = self.surnames
        keys, texts, starts, ends = words.keys, words.texts, words.starts, words.ends
        # Most words start no name: only a name's first key (capitalised, unless a name
        # registered in lower case starts with it), or a surname, is worth a look.
        heads = words.heads
        candidates = heads[bisect.bisect_left(heads, lo):bisect.bisect_left(heads, hi)]
        if surnames and not surnames.keys().isdisjoint(keys[lo:hi]):
            candidates = sorted({*candidates, *(
                i for i in range(lo, hi) if keys[i] in surnames
                and (keys[i] in index.lower_heads or not texts[i][:1].islower()))})
        resume = 0  # words before this one are part of a name already found
        for i in candidates:
            if i < resume or (claimed and _inside(starts[i], claimed)):
                continue
            key = keys[i]
            found = 0
            # A surname of someone introduced earlier beats a one-word gazetteer entry.
            surname = key in surnames and texts[i][:1].isupper()
            most = max_words.get(key, 0)  # 0 for a surname that starts no name
            if most > hi - i:
                most = hi - i
            longest = 1 if most else 0
            while longest < most and tuple(keys[i:i + longest + 1]) in beginnings:
                longest += 1
            for size in range(longest, 1 if surname else 0, -1):  # the longest name first
                name = tuple(keys[i:i + size]) if size > 1 else (key,)
                if name not in names or (size > 1 and not _joined(text, words, i, i + size)):
                    continue
                if self._accept(name, words, i, i + size, lo, hi):
                    found = size
                    break
            if not found and surname:
                actor = self.actors[surnames[key]]
                self._add_actor(actor, starts[i], ends[i], "surname")
            resume = i + (found or 1)

    def _nearest(self, places: list[IndexedName]) -> IndexedName:
        """Of places sharing a name, the one in a country this report already mentioned
        ("al-Karak" next to Daraa is the Syrian village, not Jordan's Karak)."""
        if len(places) > 1 and self.locations:
            for item in places:
                if self.registry.places[item.entity_id].country in self.countries:
                    return item
        return places[0]

    def _glued(self, words: _Words, index: int, lo: int, hi: int) -> bool:
        """Whether word ``index`` (of the region's words ``lo`` to ``hi - 1``) is joined (by a
        space or hyphen only) to a capitalised neighbour, that is, part of a longer proper
        name."""
        text = self.document.folded
        texts, ends, prefix_starts = words.texts, words.ends, words.prefix_starts
        if index > lo and texts[index - 1][:1].isupper():
            gap = text[ends[index - 1]:prefix_starts[index]]
            if _GAP.fullmatch(gap) and (gap.strip()
                                        or prefix_starts[index] != words.starts[index]):
                return True
            if gap == " " and not self._sentence_start(prefix_starts[index - 1]):
                return True
        return index + 1 < hi and texts[index + 1][:1].isupper() and _GAP.fullmatch(
            text, ends[index], prefix_starts[index + 1]) is not None

    def _sentence_start(self, position: int) -> bool:
        """Whether a word starting at ``position`` starts a sentence."""
        before = self.document.folded[max(0, position - 3):position]
        return not before.strip() or before.rstrip()[-1:] in ".!?:\"\n"

    def _accept(self, name: tuple[str, ...], words: _Words, first: int, stop: int, lo: int,
                hi: int) -> bool:
        head = words.texts[first]
        places, actors, capital = self.index.partition(name, not head[0].islower())
        end = words.ends[stop - 1]
        chosen: IndexedName
        if not places:
            if not actors:
                return False
            chosen = actors[0]
        elif actors:
            text = self.document.folded
            before = words.texts[first - 1].lower() if first > lo else ""
            # "at Russia's meeting" is the state acting; "Syria's south" is the place.
            possessive = text.startswith("'s", end)
            locative = (before in (_CITY_LOCATIVE if capital else _LOCATIVE) and not possessive
                        ) or _COMPASS_AFTER.match(text, end) is not None
            chosen = self._nearest(places) if locative else actors[0]
        else:
            chosen = self._nearest(places)
        start = words.prefix_starts[first]
        if not chosen.is_place:
            self._add_actor(self.registry.actor(chosen.entity_id), start, end, chosen.role)
            return True
        if stop - first == 1 and (
                head.lower() in _COMMON_WORDS
                or (self.registry.places[chosen.entity_id].kind in _ADJACENT_REJECTED
                    and self._glued(words, first, lo, hi))):
            return False
        self._add_location(self.registry.location(chosen.entity_id), start, end, "registry")
        return True


@functools.lru_cache(maxsize=256)
def _suffix_kind(kind_word: str) -> str:
    """The kind of place a suffix word ("airbase", "square") says; without one, a village."""
    kind = next((k for w, k in _SUFFIX_KINDS.items() if w in kind_word), None)
    if kind is None:
        kind = "base" if "base" in kind_word else ("place" if kind_word else "village")
    return kind


@functools.lru_cache(maxsize=4096)
def _with_title(actor: Actor, title: str) -> Actor:
    """A registered person as the text titles them (the same few people and titles recur)."""
    return attrs.evolve(actor, title=title)


def _joined(text: str, words: _Words, first: int, stop: int) -> bool:
    """Whether words ``first`` to ``stop - 1`` follow each other with only white space or
    hyphens between them."""
    ends, prefix_starts = words.ends, words.prefix_starts
    for j in range(first, stop - 1):
        gap = text[ends[j]:prefix_starts[j + 1]]
        if gap != " " and _GAP.fullmatch(gap) is None:  # most gaps are one space
            return False
    return True


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    for start, end in spans:  # noqa: SIM110 (a loop is three times faster than any() here)
        if start <= position < end:
            return True
    return False


def with_speakers(entities: Entities, claims: tuple[Claim, ...]) -> tuple[Entities, tuple[Claim, ...]]:
    """Named people who speak in claims but are neither registered nor titled ("Salam Abu
    Fakher, a local activist, told …") become person actors too, linked from their claims."""
    if not any(map(_unlinked_speaker, claims)):
        return entities, claims  # most reports (the mentions are sorted already)
    actors = {a.id: a for a in entities.actors}
    mentions = list(entities.actor_mentions)
    linked = []
    for claim in claims:
        source = claim.source
        if _unlinked_speaker(claim):
            actor_id = "person:" + "_".join(name_keys(source.name, loose_articles=False))
            actors.setdefault(actor_id, Actor(id=actor_id, name=source.name, kind="person"))
            mentions.append(Mention(entity_id=actor_id, span=source.span, rule="speaker"))
            claim = attrs.evolve(claim, source=attrs.evolve(source, actor_id=actor_id))
        linked.append(claim)
    entities = attrs.evolve(entities, actors=tuple(actors.values()),
                            actor_mentions=tuple(sorted(mentions, key=_SPAN_START)))
    return entities, tuple(linked)


def _unlinked_speaker(claim: Claim) -> bool:
    source = claim.source
    return (source.kind is SourceKind.NAMED_PERSON and source.actor_id is None
            and source.refers_to is None)


@functools.lru_cache(maxsize=64)
def _keys_of(names: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    """The name keys of ``names`` (an outlet's: the same few every report)."""
    return frozenset(name_keys(n, loose_articles=False) for n in names)


@functools.lru_cache(maxsize=20_000)
def _actor_keys(name: str, aliases: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    """The name keys of an actor's name and aliases (the same ones every report)."""
    return frozenset(name_keys(n, loose_articles=False) for n in (name, *aliases))
