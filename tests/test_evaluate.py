"""Tests for conflictparse.evaluate: normalisation, gold validation, every matching rule, totals."""

from __future__ import annotations

import copy
import itertools
import json
import pathlib
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictparse.evaluate import (
    CLAIM_ATTRIBUTES,
    FIELDS,
    Counts,
    Evaluation,
    FileError,
    GoldFormatError,
    ReportScore,
    evaluate_directory,
    load_gold,
    name_key,
    normalise,
    score_report,
    validate_gold,
)
from conflictparse.evaluate import _max_matching as max_matching

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"
EVAL = FIXTURES / "eval"


def gold_report(**changes: Any) -> dict[str, Any]:
    """An empty, valid gold annotation with *changes* applied."""
    report: dict[str, Any] = {
        "outlet": None,
        "headline": None,
        "headline_translations": {},
        "published": None,
        "provenance": {"original_outlet": None, "translated_by": None},
        "claims": [],
        "actors": [],
        "locations": [],
        "dates": [],
    }
    report.update(changes)
    return report


def claim(source: str, content: str, **changes: Any) -> dict[str, Any]:
    """A gold claim with defaults for the attributes a test does not care about."""
    c: dict[str, Any] = {
        "source": source,
        "source_kind": "anonymous",
        "cue": "said",
        "content": content,
        "direct_quote": False,
        "hedged": False,
    }
    c.update(changes)
    return c


def score(field: str, predicted: dict[str, Any], gold: dict[str, Any]) -> tuple[int, int, int]:
    """The (tp, fp, fn) of one field."""
    s = score_report(predicted, gold).fields[field]
    return s.tp, s.fp, s.fn


def self_predict(path: pathlib.Path, text: str) -> dict[str, Any]:
    """A predictor that returns the gold annotation itself."""
    return load_gold(path.with_name(path.stem + ".gold.json"))


# --------------------------------------------------------------------------------------------------
# normalise and name_key
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran’s exit", "iran's exit"),
        ("‘single’ ‚low‛", "'single' 'low'"),
        ("“absolutely unrealistic”", '"absolutely unrealistic"'),
        ("„low‟", '"low"'),
        ("‹a› «b»", "'a' \"b\""),
        ("5′ 6″", "5' 6\""),
        ("＂fullwidth＂", '"fullwidth"'),
        ("ＤＥＢＫＡ ﬁle", "debka file"),
        ("DEBKAfile", "debkafile"),
        ("Straße", "strasse"),
        ("  two\t\nlines\u00a0and  spaces ", "two lines and spaces"),
        ("", ""),
    ],
    ids=lambda v: repr(v),
)
def test_normalise(text: str, expected: str) -> None:
    """normalise applies NFKC, case-folding, straight quotes and collapsed white space."""
    assert normalise(text) == expected


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    """Normalising twice changes nothing."""
    assert normalise(normalise(text)) == normalise(text)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Al-Sanamayn", "al Sanamayn"),
        ("Zaman Al Wasl", "Zaman al-Wasl"),
        ("Dara'a", "Daraa"),
        ("U.S.", "US"),
        ("DEBKAfile’s", "debkafile's"),
    ],
)
def test_name_key_equal(a: str, b: str) -> None:
    """Names that differ only in case, spaces and punctuation share a key."""
    assert name_key(a) == name_key(b)


def test_name_key_keeps_letters_digits_and_marks() -> None:
    """name_key keeps digits, non-Latin letters and combining marks."""
    assert name_key("4th Division") == "4thdivision"
    assert name_key("دَرعا") == "دَرعا"
    assert name_key("Sanamayn") != name_key("Sanamein")


# --------------------------------------------------------------------------------------------------
# Single-valued fields
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "predicted", "counts"),
    [
        ("debkafile", "debkafile", (1, 0, 0, 1)),
        ("debkafile", "syrian_observer", (0, 1, 1, 0)),
        ("debkafile", None, (0, 0, 1, 0)),
        (None, "debkafile", (0, 1, 0, 0)),
        (None, None, (0, 0, 0, 1)),
    ],
    ids=["equal", "different", "missed", "spurious", "both-null"],
)
def test_single_valued_counts(
    gold: str | None, predicted: str | None, counts: tuple[int, int, int, int]
) -> None:
    """outlet counts tp, fp, fn and correct by the documented table."""
    s = score_report(gold_report(outlet=predicted), gold_report(outlet=gold)).fields["outlet"]
    assert (s.tp, s.fp, s.fn, s.correct) == counts
    assert s.total == 1


def test_single_valued_misses() -> None:
    """A wrong value is kept as a false positive and the gold value as a false negative."""
    s = score_report(gold_report(published="2018-07-06"), gold_report(published="2018-07-05"))
    assert s.fields["published"].false_positives == ("2018-07-06",)
    assert s.fields["published"].false_negatives == ("2018-07-05",)


def test_headline_compares_normalised() -> None:
    """A headline with straight quotes, other case and spacing matches the curly gold headline."""
    gold = gold_report(headline="Calls Iran’s exit “absolutely unrealistic”")
    predicted = gold_report(headline='calls  IRAN\'S exit "absolutely unrealistic"')
    assert score("headline", predicted, gold) == (1, 0, 0)


def test_empty_prediction_string_counts_as_null() -> None:
    """An empty predicted headline is treated as null."""
    assert score("headline", gold_report(headline=""), gold_report(headline="Title")) == (0, 0, 1)


def test_both_null_is_perfect() -> None:
    """A field with nothing to find and nothing predicted has P = R = F1 = 1 and accuracy 1."""
    s = score_report(gold_report(), gold_report()).fields["headline"]
    assert (s.precision, s.recall, s.f1, s.accuracy) == (1.0, 1.0, 1.0, 1.0)


@pytest.mark.parametrize(
    ("gold", "predicted", "counts"),
    [
        (["Zaman al-Wasl", "Zaman Al Wasl"], "zaman al wasl", (1, 0, 0)),
        ("Zaman Al Wasl", ["Zaman al-Wasl"], (1, 0, 0)),
        ("Alsouria Net", "Al-Souria Net", (1, 0, 0)),
        ("Alsouria Net", "Enab Baladi", (0, 1, 1)),
        ("Alsouria Net", [], (0, 0, 1)),
    ],
    ids=["gold-list", "predicted-list", "loose", "different", "empty-list-is-null"],
)
def test_provenance_loose_names(
    gold: str | list[str], predicted: str | list[str], counts: tuple[int, int, int]
) -> None:
    """provenance compares by name key, and a gold list matches when any of its names does."""
    g = gold_report(provenance={"original_outlet": gold, "translated_by": None})
    p = gold_report(provenance={"original_outlet": predicted, "translated_by": None})
    assert score("provenance", p, g) == counts


def test_provenance_counts_both_values() -> None:
    """provenance sums its two values and wraps misses with their key."""
    g = gold_report(provenance={"original_outlet": "Alsouria Net", "translated_by": "SO"})
    p = gold_report(provenance={"original_outlet": None, "translated_by": "SO"})
    s = score_report(p, g).fields["provenance"]
    assert (s.tp, s.fp, s.fn, s.correct, s.total) == (1, 0, 1, 1, 2)
    assert s.false_negatives == ({"original_outlet": "Alsouria Net"},)


# --------------------------------------------------------------------------------------------------
# headline_translations
# --------------------------------------------------------------------------------------------------


def test_headline_translations() -> None:
    """Translations match per language code, exactly after normalisation."""
    gold = gold_report(headline_translations={"ar": "روسيا تستأنف", "de": "Russland"})
    predicted = gold_report(
        headline_translations={"ar": " روسيا  تستأنف ", "de": "Moskau", "it": "Russia"}
    )
    s = score_report(predicted, gold).fields["headline_translations"]
    assert (s.tp, s.fp, s.fn) == (1, 2, 1)
    assert s.false_negatives == ({"lang": "de", "text": "Russland"},)
    assert s.false_positives == (
        {"lang": "de", "text": "Moskau"},
        {"lang": "it", "text": "Russia"},
    )


# --------------------------------------------------------------------------------------------------
# actors and locations
# --------------------------------------------------------------------------------------------------


def test_alias_matching_is_credited() -> None:
    """A predicted item whose alias is the gold name matches it."""
    gold = gold_report(actors=["Hizballah"])
    predicted = gold_report(actors=[["Hezbollah", "Hizballah"]])
    assert score("actors", predicted, gold) == (1, 0, 0)


def test_gold_list_matching() -> None:
    """A gold list matches a prediction that has any one of its names."""
    gold = gold_report(locations=[["Al-Sanamayn", "As-Sanamayn", "Sanamayn"]])
    assert score("locations", gold_report(locations=["as sanamayn"]), gold) == (1, 0, 0)
    assert score("locations", gold_report(locations=["Sanamein"]), gold) == (0, 1, 1)


def test_two_predictions_for_one_gold_item() -> None:
    """Two predictions of one gold item give one tp and one fp."""
    gold = gold_report(actors=[["Hezbollah", "Hizballah"]])
    predicted = gold_report(actors=["Hezbollah", "Hizballah"])
    s = score_report(predicted, gold).fields["actors"]
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)
    assert s.false_positives == ("Hizballah",)


def test_maximum_matching_beats_greedy() -> None:
    """Where taking the first candidate would strand a gold item, the maximum matching pairs all."""
    # A greedy pass gives "Syria" (first prediction) to the first gold item, leaving the second
    # gold item, whose only name is "Syria", unmatched.
    gold = gold_report(actors=[["Syrian government", "Syria"], "Syria"])
    predicted = gold_report(actors=["Syria", "Syrian government"])
    assert score("actors", predicted, gold) == (2, 0, 0)


def test_unmatched_items_are_kept_as_misses() -> None:
    """False negatives are gold items as annotated, false positives predicted items as predicted."""
    gold = gold_report(locations=["Daraa", ["Golan Heights", "Golan"]])
    predicted = gold_report(locations=[["Deraa", "Daraa"], ["Quneitra"]])
    s = score_report(predicted, gold).fields["locations"]
    assert s.false_negatives == (["Golan Heights", "Golan"],)
    assert s.false_positives == (["Quneitra"],)


@given(st.lists(st.lists(st.integers(0, 4), max_size=5, unique=True), max_size=5))
def test_max_matching_is_maximum(candidates: list[list[int]]) -> None:
    """The matching is valid and as large as the largest found by brute force."""
    pairs = max_matching(candidates, 5)
    assert all(right in candidates[left] for left, right in pairs.items())
    assert len(set(pairs.values())) == len(pairs)
    best = 0
    for size in range(len(candidates), 0, -1):
        for lefts in itertools.combinations(range(len(candidates)), size):
            for rights in itertools.product(*(candidates[i] for i in lefts)):
                if len(set(rights)) == size:
                    best = size
                    break
            if best:
                break
        if best:
            break
    assert len(pairs) == best


# --------------------------------------------------------------------------------------------------
# claims
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold_content", "predicted_content", "matches"),
    [
        ("alpha beta gamma", "alpha delta epsilon zeta", False),  # 1 of 3: just under half
        ("alpha beta gamma", "alpha beta epsilon zeta", True),  # 2 of 3: just over half
        ("alpha beta gamma delta", "alpha epsilon zeta eta iota", False),  # 1 of 4
        ("alpha beta gamma delta", "beta alpha zeta eta iota", True),  # 2 of 4: exactly half
        ("alpha beta gamma delta eta", "Alpha, BETA!", True),  # the shorter one is the prediction
        ("the the the", "the cat sat on the mat", True),  # tokens count with their multiplicity
        ("the the the the", "the cat sat on a mat", False),
    ],
)
def test_claim_overlap_threshold(gold_content: str, predicted_content: str, matches: bool) -> None:
    """Contents match when they share at least half of the shorter one's tokens."""
    gold = gold_report(claims=[claim("Sources", gold_content)])
    predicted = gold_report(claims=[claim("Sources", predicted_content)])
    assert score("claims", predicted, gold) == ((1, 0, 0) if matches else (0, 1, 1))


@pytest.mark.parametrize(
    ("gold_source", "predicted_source", "matches"),
    [
        ("DEBKAfile’s military sources", "DEBKAfile", True),
        ("DEBKAfile", "DEBKAfile's military sources", True),
        ("Our sources", "sources", True),
        ("Sergei Lavrov", "sergei  LAVROV", True),
        ("US", "Russians", False),
        ("Sergei Lavrov", "Sergei Ryabkov", False),
        ("the statement", "statement", True),
        ("the statement", "statement said", False),
    ],
)
def test_claim_source_containment(gold_source: str, predicted_source: str, matches: bool) -> None:
    """Sources match when equal after normalisation or one contains the other's words."""
    content = "Iran is one of the key powers in the region"
    gold = gold_report(claims=[claim(gold_source, content)])
    predicted = gold_report(claims=[claim(predicted_source, content)])
    assert score("claims", predicted, gold) == ((1, 0, 0) if matches else (0, 1, 1))


def test_claim_source_aliases() -> None:
    """A predicted source resolved to an actor matches through the actor's other names."""
    content = "the fighters will stay in southern Syria"
    gold = gold_report(claims=[claim("Hizballah", content, source_kind="organisation")])
    bare = claim("Hezbollah", content, source_kind="organisation")
    resolved = dict(bare, source_aliases=["Hezbollah", "Hizballah", "Hizbullah"])
    assert score("claims", gold_report(claims=[bare]), gold) == (0, 1, 1)
    assert score("claims", gold_report(claims=[resolved]), gold) == (1, 0, 0)


def test_claims_are_matched_one_to_one() -> None:
    """Two predictions of one claim give one tp and one fp."""
    content = "the meeting lasted two hours"
    gold = gold_report(claims=[claim("sources", content)])
    predicted = gold_report(claims=[claim("sources", content), claim("same sources", content)])
    assert score("claims", predicted, gold) == (1, 1, 0)


def test_claim_matching_prefers_larger_overlap() -> None:
    """When both pairings are maximal, each claim goes with the prediction it overlaps most."""
    gold = gold_report(
        claims=[
            claim("sources", "alpha beta gamma delta", cue="told"),
            claim("sources", "alpha beta epsilon zeta", cue="added"),
        ]
    )
    predicted = gold_report(
        claims=[
            claim("sources", "alpha beta epsilon zeta", cue="added"),
            claim("sources", "alpha beta gamma delta", cue="told"),
        ]
    )
    s = score_report(predicted, gold)
    assert s.fields["claims"].tp == 2
    assert s.claim_attributes["cue"].correct == 2


def test_claim_attribute_accuracy() -> None:
    """source_kind, cue, direct_quote and hedged are scored over matched claims."""
    gold = gold_report(
        claims=[
            claim(
                "Sergei Lavrov", "Iran is a key power", source_kind="named_person", cue="Stressed"
            ),
            claim("statement", "the centre would restore stability", cue=None, hedged=True),
        ]
    )
    predicted = gold_report(
        claims=[
            claim(
                "Sergei Lavrov", "Iran is a key power", source_kind="named_person", cue="stressed"
            ),
            {"source": "the statement", "content": "the centre would restore stability"},
        ]
    )
    s = score_report(predicted, gold)
    acc = {name: (a.correct, a.total) for name, a in s.claim_attributes.items()}
    assert acc == {
        "source_kind": (1, 2),  # the second prediction has no source_kind: wrong
        "cue": (1, 1),  # the second gold cue is null: not judged
        "direct_quote": (1, 2),
        "hedged": (1, 2),
    }


def test_cue_skipped_when_gold_cue_null() -> None:
    """A predicted cue is not judged where the gold cue is null."""
    gold = gold_report(claims=[claim("DEBKAfile reporter", "the offensive fell silent", cue=None)])
    predicted = gold_report(claims=[claim("DEBKAfile reporter", "the offensive fell silent")])
    cue = score_report(predicted, gold).claim_attributes["cue"]
    assert (cue.correct, cue.total, cue.accuracy) == (0, 0, None)


def test_unmatched_claims_have_no_attribute_scores() -> None:
    """Attributes of claims that matched nothing are not judged."""
    gold = gold_report(claims=[claim("sources", "alpha beta")])
    predicted = gold_report(claims=[claim("sources", "gamma delta")])
    assert all(a.total == 0 for a in score_report(predicted, gold).claim_attributes.values())


# --------------------------------------------------------------------------------------------------
# dates
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "resolved", "matches"),
    [
        ("July 4", "2018-07-04", True),  # common tokens, same day
        ("late Wednesday, July 4", "2018-07-04", True),
        ("July 4", "2018-07-05", False),  # overlapping text, another day
        ("Thursday", "2018-07-04", False),  # same day, no overlap
        ("wednesday,", "2018-07-04", True),
    ],
)
def test_dates(text: str, resolved: str, matches: bool) -> None:
    """A date matches when the texts overlap and the resolved day is the same."""
    gold = gold_report(dates=[{"text": "late Wednesday, July 4", "resolved": "2018-07-04"}])
    predicted = gold_report(dates=[{"text": text, "resolved": resolved}])
    assert score("dates", predicted, gold) == ((1, 0, 0) if matches else (0, 1, 1))


def test_dates_substring_overlap() -> None:
    """Text containing the other text without a whole common token still overlaps."""
    gold = gold_report(dates=[{"text": "4th of July", "resolved": "2018-07-04"}])
    predicted = gold_report(dates=[{"text": "4t", "resolved": "2018-07-04"}])
    assert score("dates", predicted, gold) == (1, 0, 0)


def test_dates_one_to_one() -> None:
    """Two predictions of one date give one tp and one fp."""
    gold = gold_report(dates=[{"text": "on Tuesday", "resolved": "2018-07-03"}])
    predicted = gold_report(
        dates=[
            {"text": "Tuesday", "resolved": "2018-07-03"},
            {"text": "on Tuesday", "resolved": "2018-07-03"},
        ]
    )
    assert score("dates", predicted, gold) == (1, 1, 0)


# --------------------------------------------------------------------------------------------------
# Predictions
# --------------------------------------------------------------------------------------------------


def test_missing_prediction_keys_count_as_empty() -> None:
    """An empty prediction scores every gold value as a false negative."""
    gold = load_gold(EVAL / "001_shelling.gold.json")
    s = score_report({}, gold)
    assert {name: (f.tp, f.fp) for name, f in s.fields.items()} == dict.fromkeys(FIELDS, (0, 0))
    assert s.fields["claims"].fn == 2


@pytest.mark.parametrize(
    ("predicted", "where"),
    [
        (gold_report(outlet=3), "outlet"),
        (gold_report(actors="Hezbollah"), "actors"),
        (gold_report(actors=[["Hezbollah", 1]]), "actors[0]"),
        (gold_report(claims=[claim("x", "y", hedged="no")]), "claims[0].hedged"),
        (gold_report(dates=["July 4"]), "dates[0]"),
    ],
)
def test_malformed_prediction_raises(predicted: dict[str, Any], where: str) -> None:
    """A predicted value of the wrong type raises ValueError naming it."""
    with pytest.raises(ValueError, match=re.escape(f"predicted {where} ")):
        score_report(predicted, gold_report())


# --------------------------------------------------------------------------------------------------
# Gold validation
# --------------------------------------------------------------------------------------------------


def _broken(path: str, value: Any) -> dict[str, Any]:
    """The 001 fixture with the value at a dotted *path* replaced (or removed for ``...``)."""
    report = load_gold(EVAL / "001_shelling.gold.json")
    *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
    target: Any = report
    for p in parents:
        target = target[p]
    if value is ...:
        del target[last]
    else:
        target[last] = value
    return report


@pytest.mark.parametrize(
    ("path", "value", "reason"),
    [
        ("outlet", ..., "outlet is missing"),
        ("outlet", "Syrian Observer", "outlet must be a snake_case plugin id"),
        ("headline", 3, "headline must be a non-empty string or null"),
        ("headline_translations", [], "headline_translations must be a JSON object"),
        ("headline_translations", {"Arabic": "x"}, "ISO 639-1 code"),
        ("published", "2018-7-5", "published must be a date YYYY-MM-DD"),
        ("published", "2018-02-30", "published must be a date YYYY-MM-DD"),
        ("provenance.translated_by", ..., "provenance.translated_by is missing"),
        ("provenance.original_outlet", [], "provenance.original_outlet must not be an empty list"),
        ("provenance.original_outlet", 5, "provenance.original_outlet must be a name"),
        ("claims.0.source_kind", "person", "claims[0].source_kind must be one of"),
        ("claims.1.direct_quote", "yes", "claims[1].direct_quote must be true or false"),
        ("claims.1.content", "", "claims[1].content must be a non-empty string"),
        ("claims.0.speaker", "x", "claims[0].speaker is not a field"),
        ("actors", "Russia", "actors must be a list"),
        ("actors.1", ["Russia", 2], "actors[1][1] must be a non-empty string"),
        ("locations.0", "--", "locations[0] must contain a letter or digit"),
        ("dates.0.resolved", "June 3", "dates[0].resolved must be a date YYYY-MM-DD"),
        ("dates.1.text", ..., "dates[1].text is missing"),
        ("notes", "x", "notes is not a field of the annotation"),
    ],
    ids=lambda v: v if isinstance(v, str) else repr(v),
)
def test_validate_gold_names_the_field(path: str, value: Any, reason: str) -> None:
    """A malformed gold annotation raises GoldFormatError whose reason names the field."""
    with pytest.raises(GoldFormatError, match=re.escape(reason)) as info:
        validate_gold(_broken(path, value))
    assert info.value.path is None


def test_validate_gold_accepts_seeds() -> None:
    """Both seed annotations are valid."""
    for path in sorted(SEEDS.glob("*.gold.json")):
        assert load_gold(path)["outlet"] in {"debkafile", "syrian_observer"}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{", "not valid JSON: Expecting property name enclosed in double quotes at line 1"),
        (b'{"outlet": null, "outlet": null}', "duplicate key 'outlet'"),
        (b"\xff{}", r"not valid UTF-8 \(invalid start byte at byte 0\)"),
        (b"[]", "the file must be a JSON object"),
    ],
)
def test_load_gold_reports_file_problems(
    tmp_path: pathlib.Path, content: bytes, reason: str
) -> None:
    """load_gold raises GoldFormatError with the path and a reason for undecodable files."""
    path = tmp_path / "x.gold.json"
    path.write_bytes(content)
    with pytest.raises(GoldFormatError, match=reason) as info:
        load_gold(path)
    assert info.value.path == path
    assert str(info.value).startswith(str(path))
    assert isinstance(info.value, ValueError)


def test_score_report_validates_gold() -> None:
    """score_report refuses a malformed gold annotation."""
    with pytest.raises(GoldFormatError, match="claims is missing"):
        score_report(gold_report(), {k: v for k, v in gold_report().items() if k != "claims"})


# --------------------------------------------------------------------------------------------------
# Directories and totals
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.gold.json")))
def test_seed_self_score_is_perfect(seed: str) -> None:
    """Each seed annotation scored against itself has P = R = F1 = 1 in every field."""
    gold = load_gold(SEEDS / seed)
    s = score_report(copy.deepcopy(gold), gold)
    for name, field in s.fields.items():
        assert (field.precision, field.recall, field.f1) == (1.0, 1.0, 1.0), name
        assert field.fp == field.fn == 0, name
    assert all(a.correct == a.total for a in s.claim_attributes.values())


def test_seed_directory_self_score() -> None:
    """evaluate_directory over the seeds with a perfect predictor scores 1 everywhere."""
    result = evaluate_directory(SEEDS, self_predict)
    assert result.files == 2
    assert result.errors == ()
    out = result.to_dict()
    for name in FIELDS:
        assert (out["fields"][name]["precision"], out["fields"][name]["recall"]) == (1.0, 1.0)
        assert out["fields"][name]["f1"] == 1.0
    assert out["fields"]["claims"]["tp"] == 12
    assert out["misses"] == {}
    assert all(a["accuracy"] == 1.0 for a in out["claim_attributes"].values())


def test_fixture_directory_reports_malformed_gold() -> None:
    """Malformed gold files are reported with their reason and the other files are still scored."""
    result = evaluate_directory(EVAL, self_predict)
    assert list(result.reports) == ["001_shelling.txt"]
    assert result.errors == (
        FileError(
            file="002_bad_source_kind.gold.json",
            reason="claims[0].source_kind must be one of anonymous, document, named_person,"
            " organisation, outlet (got 'military')",
        ),
        FileError(
            file="003_bad_published.gold.json",
            reason="published must be a date YYYY-MM-DD (got '2018-7-5')",
        ),
    )
    assert result.to_dict()["errors"][0]["file"] == "002_bad_source_kind.gold.json"


def _write(directory: pathlib.Path, name: str, content: str | bytes) -> None:
    path = directory / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def test_evaluate_directory(tmp_path: pathlib.Path) -> None:
    """evaluate_directory pairs x.txt with x.gold.json, in name order, and reports file errors."""
    gold = json.dumps(gold_report(outlet="debkafile", locations=["Daraa"]))
    _write(tmp_path, "b.txt", "Daraa report")
    _write(tmp_path, "b.gold.json", gold)
    _write(tmp_path, "a.txt", "Quneitra report")
    _write(tmp_path, "a.gold.json", gold)
    _write(tmp_path, "c.txt", "no annotation")  # skipped
    _write(tmp_path, "d.gold.json", gold)  # no text beside it
    _write(tmp_path, "e.txt", b"caf\xe9")  # not UTF-8
    _write(tmp_path, "e.gold.json", gold)
    _write(tmp_path, "f.txt", "crash")
    _write(tmp_path, "f.gold.json", gold)
    _write(tmp_path, "g.txt", "bad prediction")
    _write(tmp_path, "g.gold.json", gold)
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub", "h.txt", "nested")  # not recursive
    _write(tmp_path / "sub", "h.gold.json", gold)
    seen: list[tuple[str, str]] = []

    def predict(path: pathlib.Path, text: str) -> dict[str, Any]:
        seen.append((path.name, text))
        if text == "crash":
            raise RuntimeError("parser exploded")
        if text == "bad prediction":
            return {"locations": "Daraa"}
        return gold_report(outlet="debkafile", locations=[text.split()[0]])

    result = evaluate_directory(tmp_path, predict)
    assert seen == [
        ("a.txt", "Quneitra report"),
        ("b.txt", "Daraa report"),
        ("f.txt", "crash"),
        ("g.txt", "bad prediction"),
    ]
    assert list(result.reports) == ["a.txt", "b.txt"]
    assert [(e.file, e.reason) for e in result.errors] == [
        ("d.gold.json", "no text file d.txt beside it"),
        ("e.txt", "not valid UTF-8 (unexpected end of data at byte 3)"),
        ("f.txt", "predict failed: RuntimeError: parser exploded"),
        (
            "g.txt",
            "malformed prediction: predicted locations must be a list (got 'Daraa')",
        ),
    ]
    totals = result.field_totals()
    assert (totals["outlet"].tp, totals["locations"].tp, totals["locations"].fp) == (2, 1, 1)
    assert result.misses() == {
        "a.txt": {"locations": {"false_positives": ["Quneitra"], "false_negatives": ["Daraa"]}}
    }


def test_evaluate_directory_needs_a_directory(tmp_path: pathlib.Path) -> None:
    """A path that is not a directory raises NotADirectoryError."""
    with pytest.raises(NotADirectoryError):
        evaluate_directory(tmp_path / "missing", self_predict)


def _imperfect_evaluation() -> Evaluation:
    """The fixture directory scored against a prediction with some mistakes."""

    def predict(path: pathlib.Path, text: str) -> dict[str, Any]:
        predicted = self_predict(path, text)
        predicted["published"] = "2019-06-03"
        predicted["provenance"]["original_outlet"] = "Zaman Al-Wasl"
        predicted["claims"][0]["source_aliases"] = ["local sources"]
        predicted["claims"][1]["direct_quote"] = False
        predicted["actors"].append(["Hezbollah", "Hizballah"])
        predicted["dates"] = predicted["dates"][:1]
        return predicted

    return evaluate_directory(EVAL, predict)


def test_to_dict_shape() -> None:
    """to_dict is JSON-serialisable and carries fields, attributes, misses and errors."""
    out = _imperfect_evaluation().to_dict()
    assert json.loads(json.dumps(out)) == out
    assert out["files"] == 1
    assert list(out["fields"]) == list(FIELDS)
    assert out["fields"]["published"] == {
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
        "tp": 0,
        "fp": 1,
        "fn": 0,
        "accuracy": 0.0,
        "correct": 0,
        "total": 1,
    }
    assert out["fields"]["provenance"]["tp"] == 2
    assert out["fields"]["actors"] == {
        "precision": pytest.approx(2 / 3),
        "recall": 1.0,
        "f1": pytest.approx(0.8),
        "tp": 2,
        "fp": 1,
        "fn": 0,
    }
    assert list(out["claim_attributes"]) == list(CLAIM_ATTRIBUTES)
    assert out["claim_attributes"]["direct_quote"] == {"accuracy": 0.5, "correct": 1, "total": 2}
    assert out["misses"] == {
        "001_shelling.txt": {
            "published": {"false_positives": ["2019-06-03"], "false_negatives": []},
            "actors": {"false_positives": [["Hezbollah", "Hizballah"]], "false_negatives": []},
            "dates": {
                "false_positives": [],
                "false_negatives": [{"text": "a day earlier", "resolved": "2019-06-02"}],
            },
        }
    }
    assert [e["file"] for e in out["errors"]] == [
        "002_bad_source_kind.gold.json",
        "003_bad_published.gold.json",
    ]


def test_format_table() -> None:
    """format_table shows the field rows, claim attributes, misses per file and errors."""
    table = _imperfect_evaluation().format_table()
    lines = table.splitlines()
    assert lines[0] == "files scored: 1; files with errors, not scored: 2"
    assert lines[2].split() == ["field", "P", "R", "F1", "tp", "fp", "fn", "acc"]
    rows = {line.split()[0]: line.split()[1:] for line in lines[3 : 3 + len(FIELDS)]}
    assert list(rows) == list(FIELDS)
    assert rows["actors"] == ["0.667", "1.000", "0.800", "2", "1", "0", "-"]
    assert rows["published"] == ["0.000", "0.000", "0.000", "0", "1", "0", "0.000"]
    assert [line.split() for line in lines if line.startswith("direct_quote")] == [
        ["direct_quote", "0.500", "1/2"]
    ]
    assert "  001_shelling.txt" in lines
    assert "      FP  Hezbollah / Hizballah" in lines
    assert '      FN  "a day earlier" = 2019-06-02' in lines
    assert lines[-3] == "errors (not scored)"
    assert lines[-1] == "  003_bad_published.gold.json: " + (
        "published must be a date YYYY-MM-DD (got '2018-7-5')"
    )
    # Rows line up: every field row is as wide as the header.
    assert len({len(line) for line in lines[2 : 3 + len(FIELDS)]}) == 1


def test_format_table_describes_claims() -> None:
    """Missed claims show source, cue and content."""
    gold = gold_report(claims=[claim("Sergei Lavrov", "Iran is a key power", cue="stressed")])
    table = Evaluation(reports={"x.txt": score_report({}, gold)}).format_table()
    assert '      FN  Sergei Lavrov (stressed): "Iran is a key power"' in table.splitlines()


def test_counts_conventions() -> None:
    """Zero denominators give 1.0 when there is nothing at all and 0.0 otherwise."""
    assert (Counts().precision, Counts().recall, Counts().f1) == (1.0, 1.0, 1.0)
    assert (Counts(fn=2).precision, Counts(fn=2).recall, Counts(fn=2).f1) == (0.0, 0.0, 0.0)
    assert (Counts(fp=1).precision, Counts(fp=1).recall) == (0.0, 0.0)
    c = Counts(tp=1, fp=1, fn=2) + Counts(tp=1, correct=1, total=1)
    assert (c.tp, c.fp, c.fn, c.correct, c.total) == (2, 1, 2, 1, 1)
    assert (c.precision, c.recall) == (2 / 3, 0.5)
    assert Counts().accuracy is None


def test_report_score_is_frozen() -> None:
    """ReportScore and its mappings cannot be changed."""
    s = score_report(gold_report(), gold_report())
    assert isinstance(s, ReportScore)
    with pytest.raises(TypeError):
        s.fields["outlet"] = s.fields["headline"]  # type: ignore[index]
