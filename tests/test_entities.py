"""Actors and places: registry matching, context rules, introductions, spans."""

from __future__ import annotations

import pytest

import conflictparse
from conflictparse import _entities, _scan
from conflictparse._names import token_key


def _parse(parser: conflictparse.Parser, body: str) -> conflictparse.Report:
    return parser.parse(f"A headline for the test\n\n{body}", outlet="generic")


def _places(report: conflictparse.Report) -> dict[str, str]:
    """Mention text → location name."""
    names = {loc.id: loc.name for loc in report.locations}
    return {m.span.text: names[m.entity_id] for m in report.location_mentions}


def _actors(report: conflictparse.Report) -> dict[str, str]:
    names = {a.id: a.name for a in report.actors}
    return {m.span.text: names[m.entity_id] for m in report.actor_mentions}


def test_country_is_a_place_after_a_locative_word(parser: conflictparse.Parser) -> None:
    """'in Syria' and 'southern Syria' are places; 'Syria said' and 'Syria's army' actors."""
    report = _parse(parser, "Fighting in Syria spread to southern Syria. Syria rejected it, "
                            "and Syria's army moved.")
    assert [m.span.text for m in report.location_mentions] == ["Syria", "Syria"]
    assert [m.span.text for m in report.actor_mentions].count("Syria") == 2


def test_capital_is_the_government_unless_a_place(parser: conflictparse.Parser) -> None:
    """'talks between Washington and Moscow' are governments; 'flew to Moscow' a place."""
    report = _parse(parser, "Talks between Washington and Moscow stalled. Netanyahu flew to "
                            "Moscow.")
    assert _actors(report)["Washington"] == "United States"
    assert _places(report) == {"Moscow": "Moscow"}


def test_demonyms_and_government_names(parser: conflictparse.Parser) -> None:
    """'Russian' is Russia; 'the Assad regime' is Syria's government; 'Iranians' Iran."""
    actors = _actors(_parse(parser, "Russian jets backed the Assad regime against Iranians."))
    assert actors == {"Russian": "Russia", "Assad regime": "Syria", "Iranians": "Iran"}


def test_longest_name_wins(parser: conflictparse.Parser) -> None:
    """'Syrian Arab Army' is one actor, not Syria plus something."""
    actors = _actors(_parse(parser, "The Syrian Arab Army and Hizballah's Radwan fighters "
                                    "advanced."))
    assert actors["Syrian Arab Army"] == "Syrian Arab Army"
    assert actors["Hizballah"] == "Hezbollah"
    assert actors["Radwan fighters"] == "Radwan Force"


def test_acronyms_only_match_capitals(parser: conflictparse.Parser) -> None:
    """'UN' is the United Nations; 'On' at a sentence start is not."""
    report = _parse(parser, "On Monday the UN and the U.S. spoke.")
    actors = _actors(report)
    assert actors["UN"] == "United Nations" and actors["U.S."] == "United States"
    assert "On" not in actors


def test_transliteration_variants_find_gazetteer_places(parser: conflictparse.Parser) -> None:
    """Sanamein, Deir al-Zour and Dara'a are found under their gazetteer names."""
    places = _places(_parse(parser, "Shelling hit Sanamein, Deir al-Zour and Dara'a."))
    assert places["Sanamein"] == "Al-Sanamayn"
    assert places["Deir al-Zour"] == "Deir ez-Zor"
    assert places["Dara'a"] == "Daraa"


def test_places_carry_coordinates_and_parents(parser: conflictparse.Parser) -> None:
    """A town has coordinates and its governorate as parent, which has the country."""
    report = _parse(parser, "Troops entered Al-Sanamayn.")
    [town] = report.locations
    assert town.latitude is not None and town.longitude is not None
    assert town.parent == "SY-DR" and town.country == "SY"


def test_introduced_places_without_gazetteer_entry(parser: conflictparse.Parser) -> None:
    """'the village of Zimreen' and 'Tel al-Hara' are places even when unknown."""
    report = _parse(parser, "Shells fell on the village of Zimreen and on Tel al-Hara.")
    kinds = {loc.name: (loc.kind, loc.latitude) for loc in report.locations}
    assert kinds["Zimreen"] == ("village", None)
    assert "Tel al-Hara" in kinds


def test_titled_people_with_affiliation(parser: conflictparse.Parser) -> None:
    """An unregistered officer keeps title and affiliation; a registered one resolves."""
    report = _parse(parser, "Iranian Brig. Gen. Hossein Karimi met Russian Foreign Minister "
                            "Sergei Lavrov.")
    people = {a.name: a for a in report.actors if a.kind == "person"}
    assert people["Hossein Karimi"].title == "Brig. Gen"
    assert people["Hossein Karimi"].affiliation == "IRN"
    assert people["Sergei Lavrov"].id.startswith("person.")


def test_registered_actors_carry_standard_codes(parser: conflictparse.Parser) -> None:
    """States carry their ISO 3166 code for joins with other event data."""
    [russia] = _parse(parser, "Russia objected.").actors
    assert ("iso3166", "RU") in russia.codes


def test_mentions_are_exact_spans(parser: conflictparse.Parser) -> None:
    """Every mention's span is the text it names, articles included where written."""
    report = _parse(parser, "Fighters left al-Bukamal for the Hmeimim air base.")
    for mention in (*report.actor_mentions, *report.location_mentions):
        assert report.text[mention.span.start:mention.span.end] == mention.span.text
    assert "al-Bukamal" in _places(report) or "Bukamal" in _places(report)


def test_arabic_place_names_match_arabic_text(parser: conflictparse.Parser) -> None:
    """GeoNames' Arabic names find places in Arabic text too."""
    report = _parse(parser, "Banners read درعا والسويداء in the squares.")
    assert {loc.name for loc in report.locations} >= {"Daraa", "As-Suwayda"}


def test_common_words_and_landmarks_do_not_become_villages(parser: conflictparse.Parser) -> None:
    """'June' is not the village Jawne; 'Al-Karama Square' is not the village Al-Karamah."""
    report = _parse(parser, "On June 1 protesters gathered in Al-Karama Square.")
    assert [loc.name for loc in report.locations] == ["Al-Karama Square"]
    assert report.locations[0].kind == "landmark"


def test_same_name_places_prefer_the_country_already_mentioned(
        parser: conflictparse.Parser) -> None:
    """Two places share a name: the one in the report's country wins."""
    [first] = _parse(parser, "Shelling hit Jisr al-Shughur.").locations
    report = _parse(parser, "Clashes in Daraa reached Om Walad and Mazraet al-Kuwaiti.")
    names = [loc.name for loc in report.locations]
    assert names[:1] == ["Daraa"] and "Om Walad" in names and "Mazraet al-Kuwaiti" in names
    assert "Kuwait" not in [a.name for a in report.actors]
    assert first.country == "SY"


def test_the_token_cache_stays_bounded_over_a_stream_of_new_words(
        monkeypatch: pytest.MonkeyPatch) -> None:
    cache = _entities._TokenInfo()
    monkeypatch.setattr(cache, "limit", 50)
    for number in range(1_000):
        assert cache[f"Word{number}x"][1] == token_key(f"Word{number}x")
        assert len(cache) <= 50


def test_anchored_scans_find_what_the_plain_patterns_find() -> None:
    """The scans that try a pattern only near its anchor words give exactly the pattern's
    own ``finditer`` matches, on real-looking and on random stretches."""
    import random

    rnd = random.Random(7)
    pieces = ("Square Highway highway Air Base airbase base airport military airport crossing "
              "Shrine complex Camp border Border al- Al- ez- Abu Tal Deir Kafr Dabaa Gen. Col. "
              "Syrian-Iraqi Abbasiyyin Russian Foreign Minister Sergei Lavrov the of , . ' "
              "DEBKAfile's military commander Ünal Çay").split()
    scans = ((_entities._SUFFIXED_SCAN, _entities._SUFFIXED_PLACE),
             (_entities._TOPONYM_SCAN, _entities._TOPONYM),
             (_entities._TITLED_SCAN, _entities._TITLED_PERSON))
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) + rnd.choice((" ", "", "-", "  ", "\n", ", "))
                       for _ in range(rnd.randint(1, 20)))
        start = rnd.randrange(len(text) + 1)
        end = rnd.choice((len(text), rnd.randrange(start, len(text) + 1)))
        for scan, pattern in scans:
            expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text, start, end)]
            for ascii in (None, _scan.ascii_around(text, start, end)):
                assert ([(m.span(), m.groupdict()) for m in scan.finditer(text, start, end, ascii)]
                        == expected), (text, start, end)


def test_ascii_twins_find_what_the_regex_patterns_find() -> None:
    """On ASCII text, the standard library's twin of each entity pattern (``\\p{Lu}`` read as
    ``[A-Z]`` …) gives the same matches, groups included, at every start and end."""
    import random

    rnd = random.Random(11)
    pieces = ("the town of village city Square airbase Air Base base border Border al- Al- as- "
              "Abu Tal Tell Deir Kafr Dabaa Gen. Col. Maj. Lt Col Brig. Sheikh Syrian-Iraqi "
              "Russian Foreign Minister Deputy Prime Sergei Lavrov to of for in and DEBKAfile's "
              "military commander head O'Brien U.S. UN 's 3 _ , . ' - south border soil").split()
    patterns = [getattr(_entities, name) for name in (
        "_TITLED_PERSON", "_INTRODUCED_PLACE", "_TOPONYM", "_SUFFIXED_PLACE", "_GAP",
        "_COMPASS_AFTER")]
    twins = [_scan.ascii_twin(pattern) for pattern in patterns]
    assert all(twin is not None for twin in twins)
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) + rnd.choice((" ", "", "-", "  ", "\n", ", ", "\t"))
                       for _ in range(rnd.randint(1, 16)))
        start = rnd.randrange(len(text) + 1)
        end = rnd.choice((len(text), rnd.randrange(start, len(text) + 1)))
        for pattern, twin in zip(patterns, twins, strict=True):
            assert twin is not None
            assert ([(m.span(), m.groupdict()) for m in twin.finditer(text, start, end)]
                    == [(m.span(), m.groupdict()) for m in pattern.finditer(text, start, end)]
                    ), (pattern.pattern, text, start, end)
            for at in range(start, end + 1):
                found, expected = twin.match(text, at, end), pattern.match(text, at, end)
                assert (found and (found.span(), found.groupdict())) == (
                    expected and (expected.span(), expected.groupdict())), (text, at, end)


def test_the_ascii_walk_back_to_an_affix_word_is_the_character_walk() -> None:
    import random

    rnd = random.Random(13)
    alphabet = "aB .'\t\n\x1c\x0bx-,9"
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 16)))
        at = rnd.randrange(len(text))
        pos = rnd.randrange(at + 1)
        assert (list(_entities._TITLED_SCAN._tries(text, pos, at, True))
                == list(_entities._TITLED_SCAN._tries(text, pos, at, False))), (text, pos, at)


def test_ascii_twin_refuses_what_re_reads_otherwise() -> None:
    import regex

    for source in (r"(?r)\w+", r"\p{Arabic}+", r"(?<=a)b", r"(a)\1", r"(?:ab){e<=1}",
                   r"(?|(a)|(b))", r"(?V1)[a--b]"):
        assert _scan.ascii_twin(regex.compile(source)) is None, source
    assert _scan.ascii_twin(regex.compile(r"(?i)abc")) is None  # flags
    assert _scan.ascii_twin(regex.compile(r"[]\p{L}]")) is None  # "]" opening a class
    twin = _scan.ascii_twin(regex.compile(r"[\p{Lu}\d]\p{L}+(?P<x>[\]\p{L}-])"))
    assert twin is not None and twin.pattern == r"[A-Z\d][A-Za-z]+(?P<x>[\]A-Za-z-])"


def test_words_of_several_regions_are_each_regions_words(parser: conflictparse.Parser) -> None:
    """The words of all regions, read in one go, are each region's own words: an article
    at the end of one region is not glued to the first word of the next."""
    import itertools

    from conflictparse._document import Document

    text = "Fighters of al\nal-Nusra in Deir ez-\nZor and el Bab's al al-Qaida. U.S. al"
    document = Document(text)
    run = _entities._Run(parser.registry, document)
    cuts = [0, 14, 15, 35, 36, 50, 51, 51, len(text)]
    regions = list(itertools.pairwise(cuts))
    together = run.words(regions)
    for region, (first, stop) in zip(regions, together.bounds, strict=True):
        alone = run.words([region])
        for field in ("starts", "ends", "keys", "texts", "prefix_starts"):
            assert getattr(together, field)[first:stop] == getattr(alone, field), (region, field)
        assert [i - first for i in together.heads if first <= i < stop] == alone.heads


def test_words_of_a_long_document_with_many_articles(parser: conflictparse.Parser) -> None:
    """Past a few merged articles the word lists are copied once instead of deleted from
    (a long document): the same words as each region read alone."""
    from conflictparse._document import Document

    line = "Fighters of al-Nusra and al al-Qaida left el Bab and Deir ez-Zor for as-Sukhnah."
    text = "\n".join([line] * 12)
    document = Document(text)
    run = _entities._Run(parser.registry, document)
    regions = [(n * (len(line) + 1), n * (len(line) + 1) + len(line)) for n in range(12)]
    together = run.words(regions)
    assert len(together.texts) < len(_entities._ASCII_TOKEN_SPLIT.split(text)) // 2 - 16
    for region, (first, stop) in zip(regions, together.bounds, strict=True):
        alone = run.words([region])
        for field in ("starts", "ends", "keys", "texts", "prefix_starts"):
            assert getattr(together, field)[first:stop] == getattr(alone, field), (region, field)
        assert [i - first for i in together.heads if first <= i < stop] == alone.heads


def test_the_ascii_split_finds_the_token_words() -> None:
    """The standard-library split used for ASCII text (with possessive quantifiers where the
    Python has them) cuts text exactly as the ``regex`` TOKEN split does."""
    import random

    rnd = random.Random(3)
    pieces = ("U.", "S.", "A", "b", ".", "'s", "'", "x9", " ", "-")  # dotted abbreviations
    for _ in range(20000):
        text = "".join(rnd.choice("aZU.S9'' -\n,é") for _ in range(rnd.randint(0, 14)))
        if rnd.random() < 0.5:
            text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        if text.isascii():
            assert (_entities._ASCII_TOKEN_SPLIT.split(text)
                    == _entities._TOKEN_SPLIT.split(text)), text


def test_an_entry_added_after_use_replaces_its_cached_output() -> None:
    """A registry's output Actor/Location is cached; adding to the entry (new aliases)
    after it was first used gives the new one, not the cached one."""
    from conflictparse._registry import ActorEntry, PlaceEntry, Registry

    registry = Registry()
    registry.add_actor(ActorEntry(id="group:test", name="Test Brigade", kind="armed_group"))
    registry.add_place(PlaceEntry(id="place:test", name="Testville", kind="town"))
    assert registry.actor("group:test").aliases == ()
    assert registry.location("place:test").aliases == ()
    registry.add_actor(ActorEntry(id="group:test", name="Test Brigade", kind="armed_group",
                                  aliases=("TB",)))
    registry.add_place(PlaceEntry(id="place:test", name="Testville", kind="town",
                                  aliases=("Test Ville",)))
    assert "TB" in registry.actor("group:test").aliases
    assert "Test Ville" in registry.location("place:test").aliases
