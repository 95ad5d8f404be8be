"""Score a parser's output against hand-made gold annotations.

A gold file is a JSON object in the format described in ``docs/evaluation.md``. A prediction is a
dict in the same format, with two optional extensions that a parser may emit:

- an ``actors`` or ``locations`` item may be a list ``[name, *aliases]`` (gold items may be too);
- a claim may carry ``"source_aliases": [...]``, all names of the actor its source resolved to.

This module works on those dicts only and imports nothing else from ``conflictparse``.

Comparison
    Strings are compared after :func:`normalise`: NFKC, case-folding, curly quotes made straight
    (‘ ’ ‚ ‛ ‹ › ′ → ``'``; “ ” „ ‟ « » ″ ＂ → ``"``), white space collapsed to single spaces, ends
    stripped. Names are compared by :func:`name_key`: the normalised string without anything but
    letters, digits and combining marks, so ``Al-Sanamayn`` = ``al Sanamayn``. An empty key matches
    nothing. Tokens are the maximal runs of letters, digits and combining marks after normalising.

Single-valued fields: ``outlet``, ``published``, ``headline``, ``provenance``
    ``outlet``, ``published`` and ``headline`` are equal when their normalised strings are;
    ``provenance.original_outlet`` and ``provenance.translated_by`` are equal when any predicted
    name has the name key of any gold name (either side may be a name or a list of names).
    Each value counts as follows:

    =====================  ======================  ===========================
    gold                   prediction              counted
    =====================  ======================  ===========================
    not null               equal                   tp, correct
    not null               different, not null     fp + fn
    not null               null                    fn
    null                   not null                fp
    null                   null                    nothing (a true negative),
                                                   correct
    =====================  ======================  ===========================

    ``accuracy`` is correct / values judged; ``provenance`` judges its two values separately.

Set fields: ``headline_translations``, ``actors``, ``locations``, ``claims``, ``dates``
    Each gold item matches at most one predicted item and each predicted item at most one gold
    item; the pairs form a maximum bipartite matching (not a greedy one), so the number of true
    positives is the largest possible. Matched gold items are tp, unmatched gold items fn and
    unmatched predicted items fp; both kinds of unmatched items are kept as misses.

    - ``headline_translations``: an item is a language code with its text; the same code with
      equal normalised text matches.
    - ``actors``, ``locations``: a predicted item matches a gold item when any of its names has the
      name key of any of the gold item's names.
    - ``claims``: the contents overlap by at least half of the shorter one's tokens (the multiset
      intersection of the two token lists counts), and the sources match: the predicted source or
      one of its ``source_aliases`` equals the gold source after normalisation, or the tokens of one
      contain the tokens of the other as a contiguous run (``DEBKAfile`` is in ``DEBKAfile's
      military sources``; ``US`` is not in ``Russians``). Among matchings of the same size the
      search prefers pairs with larger overlap. Over the matched pairs, ``source_kind``, ``cue``
      (only where the gold cue is not null), ``direct_quote`` and ``hedged`` are scored as
      accuracy; a missing predicted attribute counts as wrong.
    - ``dates``: the texts overlap (a common token, or one normalised text contains the other) and
      the resolved days are equal.

Totals
    :class:`Evaluation` sums tp, fp and fn per field over all files (micro-average), then computes
    precision tp / (tp + fp), recall tp / (tp + fn) and F1, their harmonic mean. A field with
    nothing to find and nothing predicted (tp = fp = fn = 0) scores 1.0; any other zero
    denominator gives 0.0.

Leniency
    :func:`load_gold` is strict: a gold file that breaks the format raises
    :class:`GoldFormatError` naming the field. Predictions are read leniently: a missing key counts
    as null or empty, but a value of the wrong type raises :class:`ValueError` naming it.
    :func:`evaluate_directory` reports both, and files it cannot read or decode, as file errors and
    goes on with the other files; a file with an error does not count in the totals.
"""

from __future__ import annotations

import datetime
import itertools
import json
import os
import pathlib
import re
import types
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final

import attrs

__all__ = [
    "CLAIM_ATTRIBUTES",
    "FIELDS",
    "GOLD_SUFFIX",
    "SINGLE_VALUED_FIELDS",
    "SOURCE_KINDS",
    "Accuracy",
    "Counts",
    "Evaluation",
    "FieldScore",
    "FileError",
    "GoldFormatError",
    "ReportScore",
    "evaluate_directory",
    "load_gold",
    "name_key",
    "normalise",
    "score_report",
    "validate_gold",
]

FIELDS: Final = (
    "outlet",
    "published",
    "headline",
    "headline_translations",
    "provenance",
    "claims",
    "actors",
    "locations",
    "dates",
)
"""The scored fields, in the order reports and tables list them."""

SINGLE_VALUED_FIELDS: Final = ("outlet", "published", "headline", "provenance")
"""The fields that also get an accuracy (a null gold and a null prediction count as correct)."""

CLAIM_ATTRIBUTES: Final = ("source_kind", "cue", "direct_quote", "hedged")
"""The claim attributes scored as accuracy over matched claims."""

SOURCE_KINDS: Final = frozenset({"named_person", "anonymous", "outlet", "organisation", "document"})
"""The allowed values of a claim's ``source_kind``."""

_PROVENANCE_KEYS: Final = ("original_outlet", "translated_by")
_CLAIM_KEYS: Final = ("source", "source_kind", "cue", "content", "direct_quote", "hedged")
_DATE_KEYS: Final = ("text", "resolved")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_OUTLET_ID = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*")
_LANGUAGE_CODE = re.compile(r"[a-z]{2}")


# --------------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------------

_QUOTES: Final = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "‹": "'",
        "›": "'",
        "′": "'",
        "＇": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
        "″": '"',
        "＂": '"',
    }
)


def normalise(s: str) -> str:
    """Return *s* in the form all comparisons use.

    NFKC, case-folded, curly quotes made straight, white space collapsed to single spaces, stripped.
    Quotes are straightened before NFKC too, because NFKC turns ``″`` into two ``′``.
    """
    s = unicodedata.normalize("NFKC", s.translate(_QUOTES)).casefold()
    s = unicodedata.normalize("NFKC", s).translate(_QUOTES)
    return " ".join(s.split())


def _is_word_char(c: str) -> bool:
    return c.isalnum() or unicodedata.category(c).startswith("M")


def name_key(s: str) -> str:
    """Return the key names are compared by: :func:`normalise`, then only letters and digits.

    Combining marks are kept with their letters. ``name_key("Al-Sanamayn") == "alsanamayn"``.
    """
    return "".join(c for c in normalise(s) if _is_word_char(c))


def _tokens(s: str) -> tuple[str, ...]:
    """The runs of letters, digits and combining marks of ``normalise(s)``."""
    return tuple(
        "".join(run) for is_word, run in itertools.groupby(normalise(s), _is_word_char) if is_word
    )


# --------------------------------------------------------------------------------------------------
# Loading and validating gold files
# --------------------------------------------------------------------------------------------------


class GoldFormatError(ValueError):
    """A gold annotation that breaks the format.

    ``reason`` names the field (``claims[2].source_kind``), says what was wrong and what was
    found.
    """

    path: pathlib.Path | None
    """The gold file, or ``None`` when a dict was validated directly."""
    reason: str
    """What is wrong, naming the field."""

    def __init__(self, path: str | os.PathLike[str] | None, reason: str) -> None:
        super().__init__(path, reason)
        self.path = None if path is None else pathlib.Path(path)
        self.reason = reason

    def __str__(self) -> str:
        return self.reason if self.path is None else f"{self.path}: {self.reason}"


def _decode_error(e: UnicodeDecodeError) -> str:
    return f"not valid UTF-8 ({e.reason} at byte {e.start})"


def load_gold(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read and validate one gold file; return its JSON object.

    Raises :class:`GoldFormatError` when the file is not UTF-8, not JSON (duplicate keys
    included) or breaks the format, and :class:`OSError` when it cannot be read.
    """
    p = pathlib.Path(path)
    raw = p.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise GoldFormatError(p, _decode_error(e)) from None

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj: dict[str, Any] = {}
        for key, value in pairs:
            if key in obj:
                raise GoldFormatError(p, f"duplicate key {key!r}")
            obj[key] = value
        return obj

    try:
        data = json.loads(text, object_pairs_hook=no_duplicates)
    except json.JSONDecodeError as e:
        raise GoldFormatError(
            p, f"not valid JSON: {e.msg} at line {e.lineno} column {e.colno}"
        ) from None
    return validate_gold(data, path=p)


def validate_gold(data: object, *, path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Return *data* if it is a gold annotation; raise :class:`GoldFormatError` if not."""

    def fail(reason: str) -> GoldFormatError:
        return GoldFormatError(path, reason)

    def got(value: object) -> str:
        if isinstance(value, str | int | float | None):
            return f"got {value!r}"
        return f"got a {type(value).__name__}"

    def obj(value: object, where: str, keys: Sequence[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise fail(f"{where or 'the file'} must be a JSON object ({got(value)})")
        for key in keys:
            if key not in value:
                raise fail(f"{join(where, key)} is missing")
        unknown = sorted(set(value) - set(keys))
        if unknown:
            raise fail(
                f"{join(where, unknown[0])} is not a field of {where or 'the annotation'}"
                f" (expected {', '.join(keys)})"
            )
        return value

    def join(where: str, key: str) -> str:
        return f"{where}.{key}" if where else key

    def string(value: object, where: str, *, nullable: bool = False) -> None:
        if value is None and nullable:
            return
        if not isinstance(value, str) or not value.strip():
            kind = "a non-empty string or null" if nullable else "a non-empty string"
            raise fail(f"{where} must be {kind} ({got(value)})")

    def day(value: object, where: str, *, nullable: bool = False) -> None:
        string(value, where, nullable=nullable)
        if value is None:
            return
        assert isinstance(value, str)
        try:
            if not _DAY.fullmatch(value):
                raise ValueError
            datetime.date.fromisoformat(value)
        except ValueError:
            raise fail(f"{where} must be a date YYYY-MM-DD ({got(value)})") from None

    def boolean(value: object, where: str) -> None:
        if not isinstance(value, bool):
            raise fail(f"{where} must be true or false ({got(value)})")

    def name(value: object, where: str) -> None:
        string(value, where)
        assert isinstance(value, str)
        if not name_key(value):
            raise fail(f"{where} must contain a letter or digit ({got(value)})")

    def names(value: object, where: str, *, nullable: bool = False) -> None:
        if value is None and nullable:
            return
        if isinstance(value, list):
            if not value:
                raise fail(f"{where} must not be an empty list")
            for i, item in enumerate(value):
                name(item, f"{where}[{i}]")
        elif isinstance(value, str):
            name(value, where)
        else:
            kind = "a name, a list of names or null" if nullable else "a name or a list of names"
            raise fail(f"{where} must be {kind} ({got(value)})")

    def array(value: object, where: str) -> list[Any]:
        if not isinstance(value, list):
            raise fail(f"{where} must be a list ({got(value)})")
        return value

    top = obj(data, "", FIELDS)
    outlet = top["outlet"]
    string(outlet, "outlet", nullable=True)
    if outlet is not None and not _OUTLET_ID.fullmatch(outlet):
        raise fail(
            f"outlet must be a snake_case plugin id such as 'syrian_observer' ({got(outlet)})"
        )
    string(top["headline"], "headline", nullable=True)
    translations = top["headline_translations"]
    if not isinstance(translations, dict):
        raise fail(f"headline_translations must be a JSON object ({got(translations)})")
    for code, text in translations.items():
        if not isinstance(code, str) or not _LANGUAGE_CODE.fullmatch(code):
            raise fail(
                f"headline_translations key must be an ISO 639-1 code such as 'ar' (got {code!r})"
            )
        string(text, f"headline_translations.{code}")
    day(top["published"], "published", nullable=True)
    provenance = obj(top["provenance"], "provenance", _PROVENANCE_KEYS)
    for key in _PROVENANCE_KEYS:
        names(provenance[key], f"provenance.{key}", nullable=True)
    for i, claim in enumerate(array(top["claims"], "claims")):
        where = f"claims[{i}]"
        obj(claim, where, _CLAIM_KEYS)
        string(claim["source"], f"{where}.source")
        kind = claim["source_kind"]
        if kind not in SOURCE_KINDS:
            raise fail(
                f"{where}.source_kind must be one of"
                f" {', '.join(sorted(SOURCE_KINDS))} ({got(kind)})"
            )
        string(claim["cue"], f"{where}.cue", nullable=True)
        string(claim["content"], f"{where}.content")
        if not _tokens(claim["content"]):
            raise fail(f"{where}.content must contain a word ({got(claim['content'])})")
        boolean(claim["direct_quote"], f"{where}.direct_quote")
        boolean(claim["hedged"], f"{where}.hedged")
    for field in ("actors", "locations"):
        for i, item in enumerate(array(top[field], field)):
            names(item, f"{field}[{i}]")
    for i, date in enumerate(array(top["dates"], "dates")):
        where = f"dates[{i}]"
        obj(date, where, _DATE_KEYS)
        string(date["text"], f"{where}.text")
        day(date["resolved"], f"{where}.resolved")
    return top


# --------------------------------------------------------------------------------------------------
# Result types
# --------------------------------------------------------------------------------------------------


def _ratio(numerator: int, denominator: int, *, empty: float) -> float:
    return numerator / denominator if denominator else empty


@attrs.frozen(kw_only=True)
class Counts:
    """True and false positives and negatives of one field, with its accuracy counts."""

    tp: int = 0
    """Gold values or items the prediction got."""
    fp: int = 0
    """Predicted values or items that are not in the gold."""
    fn: int = 0
    """Gold values or items the prediction missed."""
    correct: int = 0
    """Single-valued fields: values judged correct, a null gold with a null prediction included."""
    total: int = 0
    """Single-valued fields: values judged; 0 for set fields."""

    @property
    def precision(self) -> float:
        """tp / (tp + fp); if nothing was predicted, 1.0 when nothing was missed, else 0.0."""
        return _ratio(self.tp, self.tp + self.fp, empty=1.0 if self.fn == 0 else 0.0)

    @property
    def recall(self) -> float:
        """tp / (tp + fn); if there was nothing to find, 1.0 when nothing was predicted, else 0."""
        return _ratio(self.tp, self.tp + self.fn, empty=1.0 if self.fp == 0 else 0.0)

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall (0.0 when both are 0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float | None:
        """correct / total, or ``None`` for set fields (total 0)."""
        return self.correct / self.total if self.total else None

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            tp=self.tp + other.tp,
            fp=self.fp + other.fp,
            fn=self.fn + other.fn,
            correct=self.correct + other.correct,
            total=self.total + other.total,
        )


@attrs.frozen(kw_only=True)
class FieldScore(Counts):
    """The counts of one field of one report, with its misses."""

    false_positives: tuple[object, ...] = ()
    """Predicted values or items that matched nothing, as predicted."""
    false_negatives: tuple[object, ...] = ()
    """Gold values or items nothing matched, as annotated."""


@attrs.frozen(kw_only=True)
class Accuracy:
    """How often one claim attribute was right over matched claims."""

    correct: int = 0
    """Matched claims whose attribute agreed with the gold."""
    total: int = 0
    """Matched claims where the attribute was judged."""

    @property
    def accuracy(self) -> float | None:
        """correct / total, or ``None`` when nothing was judged."""
        return self.correct / self.total if self.total else None

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(correct=self.correct + other.correct, total=self.total + other.total)


def _frozen_mapping(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return types.MappingProxyType(dict(value))


def _tuple_of_errors(value: Iterable[FileError]) -> tuple[FileError, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class ReportScore:
    """How one prediction scored against one gold annotation."""

    fields: Mapping[str, FieldScore] = attrs.field(converter=_frozen_mapping)
    """A :class:`FieldScore` for every name in :data:`FIELDS`, in that order."""
    claim_attributes: Mapping[str, Accuracy] = attrs.field(converter=_frozen_mapping)
    """An :class:`Accuracy` for every name in :data:`CLAIM_ATTRIBUTES`, in that order."""

    def misses(self) -> dict[str, dict[str, list[object]]]:
        """The fields with misses: ``{field: {"false_positives": [], "false_negatives": []}}``."""
        return {
            name: {
                "false_positives": list(score.false_positives),
                "false_negatives": list(score.false_negatives),
            }
            for name, score in self.fields.items()
            if score.false_positives or score.false_negatives
        }


@attrs.frozen(kw_only=True)
class FileError:
    """A file that could not be evaluated."""

    file: str
    """The file's name (the gold file's or the text file's, whichever was at fault)."""
    reason: str
    """What went wrong."""


@attrs.frozen(kw_only=True)
class Evaluation:
    """The scores of many reports, and the files that could not be scored."""

    reports: Mapping[str, ReportScore] = attrs.field(converter=_frozen_mapping, factory=dict)
    """The score of every evaluated file, by the text file's name, in evaluation order."""
    errors: tuple[FileError, ...] = attrs.field(converter=_tuple_of_errors, default=())
    """Files left out of the totals, with the reason."""

    @property
    def files(self) -> int:
        """How many files were scored."""
        return len(self.reports)

    def field_totals(self) -> dict[str, Counts]:
        """The micro-averaged counts of every field, summed over all reports."""
        totals = {name: Counts() for name in FIELDS}
        for report in self.reports.values():
            for name in FIELDS:
                totals[name] += report.fields[name]
        return totals

    def claim_attribute_totals(self) -> dict[str, Accuracy]:
        """The accuracy counts of every claim attribute, summed over all reports."""
        totals = {name: Accuracy() for name in CLAIM_ATTRIBUTES}
        for report in self.reports.values():
            for name in CLAIM_ATTRIBUTES:
                totals[name] += report.claim_attributes[name]
        return totals

    def misses(self) -> dict[str, dict[str, dict[str, list[object]]]]:
        """The misses of every file that has any, as ``{file: ReportScore.misses()}``."""
        return {file: m for file, report in self.reports.items() if (m := report.misses())}

    def to_dict(self) -> dict[str, Any]:
        """Everything as a JSON-serialisable dict (see ``docs/evaluation.md``)."""
        fields: dict[str, Any] = {}
        for name, counts in self.field_totals().items():
            entry: dict[str, Any] = {
                "precision": counts.precision,
                "recall": counts.recall,
                "f1": counts.f1,
                "tp": counts.tp,
                "fp": counts.fp,
                "fn": counts.fn,
            }
            if name in SINGLE_VALUED_FIELDS:
                entry |= {
                    "accuracy": counts.accuracy,
                    "correct": counts.correct,
                    "total": counts.total,
                }
            fields[name] = entry
        return {
            "files": self.files,
            "fields": fields,
            "claim_attributes": {
                name: {"accuracy": acc.accuracy, "correct": acc.correct, "total": acc.total}
                for name, acc in self.claim_attribute_totals().items()
            },
            "misses": self.misses(),
            "errors": [{"file": e.file, "reason": e.reason} for e in self.errors],
        }

    def format_table(self) -> str:
        """A fixed-width report: fields, claim attributes, misses per file, errors."""
        width = max(len(name) for name in (*FIELDS, *CLAIM_ATTRIBUTES, "claim attribute"))
        lines = [
            f"files scored: {self.files}; files with errors, not scored: {len(self.errors)}",
            "",
            f"{'field':<{width}}  {'P':>6}  {'R':>6}  {'F1':>6}  {'tp':>5}  {'fp':>5}  {'fn':>5}"
            f"  {'acc':>6}",
        ]
        for name, c in self.field_totals().items():
            lines.append(
                f"{name:<{width}}  {c.precision:>6.3f}  {c.recall:>6.3f}  {c.f1:>6.3f}"
                f"  {c.tp:>5}  {c.fp:>5}  {c.fn:>5}  {_fmt_accuracy(c.accuracy):>6}"
            )
        lines += ["", f"{'claim attribute':<{width}}  {'acc':>6}  {'correct/total':>13}"]
        for name, acc in self.claim_attribute_totals().items():
            lines.append(
                f"{name:<{width}}  {_fmt_accuracy(acc.accuracy):>6}"
                f"  {f'{acc.correct}/{acc.total}':>13}"
            )
        misses = self.misses()
        if misses:
            lines += ["", "misses (FN: in the gold, not found; FP: predicted, not in the gold)"]
            for file, fields in misses.items():
                lines.append(f"  {file}")
                for field, kinds in fields.items():
                    lines.append(f"    {field}")
                    lines += [f"      FN  {_describe(field, i)}" for i in kinds["false_negatives"]]
                    lines += [f"      FP  {_describe(field, i)}" for i in kinds["false_positives"]]
        if self.errors:
            lines += ["", "errors (not scored)"]
            lines += [f"  {e.file}: {e.reason}" for e in self.errors]
        return "\n".join(lines) + "\n"


def _fmt_accuracy(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _shorten(s: str, limit: int = 100) -> str:
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _describe(field: str, item: object) -> str:
    """One line for a missed item in :meth:`Evaluation.format_table`."""
    if isinstance(item, str):
        return _shorten(item)
    if isinstance(item, list) and all(isinstance(n, str) for n in item):
        return _shorten(" / ".join(item))
    if isinstance(item, dict):
        if field == "claims":
            cue = item.get("cue")
            return _shorten(
                f'{item.get("source")}{f" ({cue})" if cue else ""}: "{item.get("content")}"'
            )
        if field == "dates":
            return _shorten(f'"{item.get("text")}" = {item.get("resolved")}')
        if field == "headline_translations":
            return _shorten(f"[{item.get('lang')}] {item.get('text')}")
        if field == "provenance" and len(item) == 1:
            ((key, value),) = item.items()
            return f"{key}: {_describe(field, value)}"
    return _shorten(json.dumps(item, ensure_ascii=False, default=repr))


# --------------------------------------------------------------------------------------------------
# Reading predictions (leniently: a missing key is null or empty, a wrong type is an error)
# --------------------------------------------------------------------------------------------------


def _opt_str(value: object, where: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise ValueError(f"predicted {where} must be a string or null (got {value!r})")


def _opt_bool(value: object, where: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise ValueError(f"predicted {where} must be true, false or null (got {value!r})")


def _list(value: object, where: str) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    raise ValueError(f"predicted {where} must be a list (got {value!r})")


def _mapping(value: object, where: str) -> Mapping[str, Any]:
    if value is None:
        return {}
    if isinstance(value, Mapping):
        return value
    raise ValueError(f"predicted {where} must be an object (got {value!r})")


def _names(value: object, where: str) -> tuple[str, ...]:
    """A name or a list of names (gold or predicted) as a tuple; null is ``()``."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    items = _list(value, where)
    for item in items:
        if not isinstance(item, str):
            raise ValueError(f"predicted {where} must hold names only (got {item!r})")
    return tuple(items)


def _name_keys(names: Iterable[str]) -> frozenset[str]:
    return frozenset(k for n in names if (k := name_key(n)))


# --------------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------------


def _max_matching(candidates: Sequence[Sequence[int]], n_right: int) -> dict[int, int]:
    """A maximum bipartite matching by augmenting paths (Kuhn's algorithm).

    ``candidates[i]`` lists the right-hand nodes left node ``i`` may pair with, preferred first.
    Returns ``{left: right}``.
    """
    owner: list[int | None] = [None] * n_right

    def augment(left: int, seen: set[int]) -> bool:
        for right in candidates[left]:
            if right in seen:
                continue
            seen.add(right)
            current = owner[right]
            if current is None or augment(current, seen):
                owner[right] = left
                return True
        return False

    for left in range(len(candidates)):
        augment(left, set())
    return {left: right for right, left in enumerate(owner) if left is not None}


def _score_set(
    gold: Sequence[object],
    predicted: Sequence[object],
    affinity: Callable[[int, int], float | None],
) -> tuple[FieldScore, dict[int, int]]:
    """Match gold items to predicted items one-to-one; ``affinity`` is ``None`` for no match."""
    candidates: list[list[int]] = []
    for g in range(len(gold)):
        scored = [(a, p) for p in range(len(predicted)) if (a := affinity(g, p)) is not None]
        candidates.append([p for _, p in sorted(scored, key=lambda ap: (-ap[0], ap[1]))])
    pairs = _max_matching(candidates, len(predicted))
    matched = set(pairs.values())
    score = FieldScore(
        tp=len(pairs),
        fp=len(predicted) - len(pairs),
        fn=len(gold) - len(pairs),
        false_positives=tuple(p for i, p in enumerate(predicted) if i not in matched),
        false_negatives=tuple(g for i, g in enumerate(gold) if i not in pairs),
    )
    return score, pairs


def _score_single(
    gold: object, predicted: object, equal: Callable[[Any, Any], bool], *, wrap: str | None = None
) -> FieldScore:
    """Score one value by the single-valued table in the module docstring."""

    def miss(value: object) -> tuple[object, ...]:
        return ({wrap: value},) if wrap else (value,)

    if gold is None and predicted is None:
        return FieldScore(correct=1, total=1)
    if gold is None:
        return FieldScore(fp=1, total=1, false_positives=miss(predicted))
    if predicted is None:
        return FieldScore(fn=1, total=1, false_negatives=miss(gold))
    if equal(gold, predicted):
        return FieldScore(tp=1, correct=1, total=1)
    return FieldScore(
        fp=1, fn=1, total=1, false_positives=miss(predicted), false_negatives=miss(gold)
    )


def _same_text(gold: str, predicted: str) -> bool:
    return normalise(gold) == normalise(predicted)


def _same_names(gold: object, predicted: object) -> bool:
    """Whether any name of *predicted* has the name key of any name of *gold*."""
    return bool(_name_keys(_names(gold, "")) & _name_keys(_names(predicted, "")))


def _contains_run(big: Sequence[str], small: Sequence[str]) -> bool:
    n = len(small)
    return any(big[i : i + n] == small for i in range(len(big) - n + 1))


def _source_matches(predicted_names: Sequence[str], gold_source: str) -> bool:
    """Whether any predicted name is the gold source: equal after normalisation, or either one's
    tokens are a contiguous run of the other's."""
    gold_norm, gold_tokens = normalise(gold_source), _tokens(gold_source)
    for name in predicted_names:
        tokens = _tokens(name)
        if normalise(name) == gold_norm or (
            tokens
            and gold_tokens
            and (_contains_run(tokens, gold_tokens) or _contains_run(gold_tokens, tokens))
        ):
            return True
    return False


def _content_overlap(gold: Counter[str], predicted: Counter[str]) -> float | None:
    """The overlap as a share of the shorter token list, or ``None`` when it is under a half."""
    shorter = min(gold.total(), predicted.total())
    if shorter == 0:
        return None
    common = (gold & predicted).total()
    return common / shorter if 2 * common >= shorter else None


def _score_translations(gold: Mapping[str, str], predicted: Mapping[str, Any]) -> FieldScore:
    """Score headline translations as a set of (language, text) items, matched by language."""
    by_code: dict[str, tuple[str, str]] = {}
    for code, text in predicted.items():
        if _opt_str(text, f"headline_translations.{code}"):
            by_code[normalise(code)] = (code, text)
    tp = 0
    fps: list[object] = []
    fns: list[object] = []
    for code, text in gold.items():
        got = by_code.pop(normalise(code), None)
        if got is not None and _same_text(text, got[1]):
            tp += 1
            continue
        fns.append({"lang": code, "text": text})
        if got is not None:
            fps.append({"lang": got[0], "text": got[1]})
    fps += ({"lang": code, "text": text} for code, text in by_code.values())
    return FieldScore(
        tp=tp,
        fp=len(fps),
        fn=len(fns),
        false_positives=tuple(fps),
        false_negatives=tuple(fns),
    )


def _score_names(field: str, gold: Sequence[object], predicted: Sequence[object]) -> FieldScore:
    gold_keys = [_name_keys(_names(item, f"{field}[{i}]")) for i, item in enumerate(gold)]
    pred_keys = [_name_keys(_names(item, f"{field}[{i}]")) for i, item in enumerate(predicted)]
    score, _ = _score_set(
        gold, predicted, lambda g, p: 1.0 if gold_keys[g] & pred_keys[p] else None
    )
    return score


def _score_claims(
    gold: Sequence[Mapping[str, Any]], predicted: Sequence[object]
) -> tuple[FieldScore, dict[str, Accuracy]]:
    preds: list[Mapping[str, Any]] = []
    for i, item in enumerate(predicted):
        claim = _mapping(item, f"claims[{i}]")
        for key in ("source", "content", "source_kind", "cue"):
            _opt_str(claim.get(key), f"claims[{i}].{key}")
        for key in ("direct_quote", "hedged"):
            _opt_bool(claim.get(key), f"claims[{i}].{key}")
        preds.append(claim)
    pred_names = [
        tuple(
            n
            for n in (
                c.get("source"),
                *_names(c.get("source_aliases"), f"claims[{i}].source_aliases"),
            )
            if n
        )
        for i, c in enumerate(preds)
    ]
    gold_tokens = [Counter(_tokens(c["content"])) for c in gold]
    pred_tokens = [Counter(_tokens(c.get("content") or "")) for c in preds]

    def affinity(g: int, p: int) -> float | None:
        overlap = _content_overlap(gold_tokens[g], pred_tokens[p])
        if overlap is None or not _source_matches(pred_names[p], gold[g]["source"]):
            return None
        return overlap

    score, pairs = _score_set(gold, preds, affinity)
    correct = dict.fromkeys(CLAIM_ATTRIBUTES, 0)
    total = dict.fromkeys(CLAIM_ATTRIBUTES, 0)
    for g, p in pairs.items():
        gold_claim, pred_claim = gold[g], preds[p]
        for attribute in CLAIM_ATTRIBUTES:
            expected, got = gold_claim[attribute], pred_claim.get(attribute)
            if attribute == "cue" and expected is None:
                continue
            total[attribute] += 1
            if isinstance(expected, str):
                correct[attribute] += isinstance(got, str) and _same_text(expected, got)
            else:
                correct[attribute] += got is expected
    return score, {a: Accuracy(correct=correct[a], total=total[a]) for a in CLAIM_ATTRIBUTES}


def _score_dates(gold: Sequence[Mapping[str, Any]], predicted: Sequence[object]) -> FieldScore:
    preds: list[tuple[str, str]] = []
    for i, item in enumerate(predicted):
        date = _mapping(item, f"dates[{i}]")
        text = _opt_str(date.get("text"), f"dates[{i}].text") or ""
        resolved = _opt_str(date.get("resolved"), f"dates[{i}].resolved") or ""
        preds.append((text, resolved.strip()))
    gold_texts = [(normalise(d["text"]), set(_tokens(d["text"]))) for d in gold]
    pred_texts = [(normalise(t), set(_tokens(t))) for t, _ in preds]

    def affinity(g: int, p: int) -> float | None:
        if gold[g]["resolved"] != preds[p][1]:
            return None
        (gold_norm, gold_set), (pred_norm, pred_set) = gold_texts[g], pred_texts[p]
        overlaps = bool(gold_set & pred_set) or (
            bool(gold_norm)
            and bool(pred_norm)
            and (gold_norm in pred_norm or pred_norm in gold_norm)
        )
        return 1.0 if overlaps else None

    score, _ = _score_set(gold, predicted, affinity)
    return score


def score_report(predicted: Mapping[str, Any], gold: dict[str, Any]) -> ReportScore:
    """Score one prediction against one gold annotation by the rules in the module docstring.

    *gold* is validated (:class:`GoldFormatError` if malformed). *predicted* is read leniently:
    missing keys count as null or empty; a value of the wrong type raises :class:`ValueError`.
    """
    validate_gold(gold)
    predicted = _mapping(predicted, "report")
    fields: dict[str, FieldScore] = {}
    for name in ("outlet", "published", "headline"):
        fields[name] = _score_single(
            gold[name], _opt_str(predicted.get(name), name) or None, _same_text
        )
    fields["headline_translations"] = _score_translations(
        gold["headline_translations"],
        _mapping(predicted.get("headline_translations"), "headline_translations"),
    )
    pred_provenance = _mapping(predicted.get("provenance"), "provenance")
    parts = [
        _score_single(
            gold["provenance"][key],
            value if _names(value := pred_provenance.get(key), f"provenance.{key}") else None,
            _same_names,
            wrap=key,
        )
        for key in _PROVENANCE_KEYS
    ]
    fields["provenance"] = FieldScore(
        tp=sum(s.tp for s in parts),
        fp=sum(s.fp for s in parts),
        fn=sum(s.fn for s in parts),
        correct=sum(s.correct for s in parts),
        total=sum(s.total for s in parts),
        false_positives=tuple(m for s in parts for m in s.false_positives),
        false_negatives=tuple(m for s in parts for m in s.false_negatives),
    )
    fields["claims"], claim_attributes = _score_claims(
        gold["claims"], _list(predicted.get("claims"), "claims")
    )
    for name in ("actors", "locations"):
        fields[name] = _score_names(name, gold[name], _list(predicted.get(name), name))
    fields["dates"] = _score_dates(gold["dates"], _list(predicted.get("dates"), "dates"))
    return ReportScore(
        fields={name: fields[name] for name in FIELDS}, claim_attributes=claim_attributes
    )


# --------------------------------------------------------------------------------------------------
# Directories
# --------------------------------------------------------------------------------------------------

GOLD_SUFFIX: Final = ".gold.json"
"""What replaces ``.txt`` in the name of a report's gold annotation."""


def evaluate_directory(
    directory: str | os.PathLike[str],
    predict: Callable[[pathlib.Path, str], Mapping[str, Any]],
) -> Evaluation:
    """Score ``predict`` on every annotated report in *directory* (not its subfolders).

    Every ``*.txt`` with a ``*.gold.json`` of the same stem beside it is read as UTF-8 and passed to
    ``predict(path, text)``, which returns a gold-format dict. Files are taken in name order. A gold
    file that is malformed or has no text beside it, a text that cannot be read or decoded, a
    ``predict`` that raises and a malformed prediction become :class:`FileError` entries; the other
    files are still scored. Raises :class:`NotADirectoryError` if *directory* is not a directory.
    """
    root = pathlib.Path(directory)
    if not root.is_dir():
        raise NotADirectoryError(f"not a directory: {root}")
    reports: dict[str, ReportScore] = {}
    errors: list[FileError] = []
    texts = {p.name: p for p in root.glob("*.txt") if p.is_file()}
    golds = {p.name: p for p in root.glob(f"*{GOLD_SUFFIX}") if p.is_file()}
    for gold_name in sorted(golds):
        text_name = gold_name[: -len(GOLD_SUFFIX)] + ".txt"
        if text_name not in texts:
            errors.append(FileError(file=gold_name, reason=f"no text file {text_name} beside it"))
    for text_name in sorted(texts):
        text_path = texts[text_name]
        gold_path = golds.get(text_path.stem + GOLD_SUFFIX)
        if gold_path is None:
            continue
        try:
            gold = load_gold(gold_path)
        except GoldFormatError as e:
            errors.append(FileError(file=gold_path.name, reason=e.reason))
            continue
        except OSError as e:
            errors.append(FileError(file=gold_path.name, reason=f"cannot read: {e.strerror or e}"))
            continue
        try:
            text = text_path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as e:
            errors.append(FileError(file=text_name, reason=_decode_error(e)))
            continue
        except OSError as e:
            errors.append(FileError(file=text_name, reason=f"cannot read: {e.strerror or e}"))
            continue
        try:
            predicted = predict(text_path, text)
        except Exception as e:
            errors.append(
                FileError(file=text_name, reason=f"predict failed: {type(e).__name__}: {e}")
            )
            continue
        try:
            reports[text_name] = score_report(predicted, gold)
        except ValueError as e:
            errors.append(FileError(file=text_name, reason=f"malformed prediction: {e}"))
    errors.sort(key=lambda e: e.file)
    return Evaluation(reports=reports, errors=tuple(errors))
