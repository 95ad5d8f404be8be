"""The shortcuts of the dates stage and of the Document helpers give what the plain
patterns, attrs and dateutil give."""

from __future__ import annotations

import datetime as dt
import random

from dateutil.parser import isoparse
from dateutil.relativedelta import relativedelta

from conflictparse import _dates

_PIECES = ("last", "Last", "this", "This", "next", "Next", "coming", "late", "Earlier", "on",
           "by", "Since", "year", "years", "month", "months", "Monday", "Friday", "Sunday",
           "morning", "July", "Sept.", "Sep", "May", "may", "Mar", "March", "3", "21", "3rd",
           "1st", "of", "2018", "2018-07-05", "2018-7-5", "12345-01-01", "-", "yesterday",
           "Tomorrow", "the", "day", "before", "night", "two", "a", "days", "weeks", "ago",
           ",", ".", "x", "lastyear", "nextmonth", "yearlate", "\u00e9", "\u0663\u0664",
           "two weeks ago", "3 days ago", "May last year", "Jan. this  year")
_GAPS = (" ", " ", " ", "  ", "\n", "\t", "", "\x1c", "\u00a0", "\u2003")


def _found(match: object) -> tuple[object, ...]:
    groups = {k: v for k, v in match.groupdict().items() if v is not None}  # type: ignore[attr-defined]
    return match.span(), match.lastgroup, groups  # type: ignore[attr-defined]


def _assert_found_as_finditer_finds(pieces: tuple[str, ...], *, texts: int, most_pieces: int,
                                    seed: int) -> None:
    """``_alternative_matches`` gives DATE_EXPRESSION.finditer's matches in any stretch of
    random texts of ``pieces`` joined by odd gaps."""
    rng = random.Random(seed)
    for _ in range(texts):
        text = "".join(rng.choice(pieces) + rng.choice(_GAPS)
                       for _ in range(rng.randrange(1, most_pieces + 1)))
        start = rng.randrange(0, len(text) + 1)
        end = rng.randrange(start, len(text) + 1)
        want = [_found(m) for m in _dates.DATE_EXPRESSION.finditer(text, start, end)]
        got = [_found(m) for m in _dates._alternative_matches(text, start, end)]
        assert got == want, (text, start, end)


def test_alternative_matches_are_finditers_matches() -> None:
    """Each alternative's own match has the span, lastgroup and groups of DATE_EXPRESSION's
    match, in any stretch of random texts of the words the patterns read."""
    _assert_found_as_finditer_finds(_PIECES, texts=6000, most_pieces=17, seed=17)


def test_iso_dates_are_read_as_isoparse_reads_them() -> None:
    """``_iso_date`` gives isoparse's day, or None where isoparse refuses the text."""
    rng = random.Random(3)
    digits = "0123456789" * 6 + "\u0663\uff11\u09e7"
    for _ in range(20000):
        text = "".join(rng.choice(digits) if i not in (4, 7) else "-" for i in range(10))
        if rng.random() < 0.5:  # plausible days too
            text = f"{rng.randrange(10000):04d}-{rng.randrange(14):02d}-{rng.randrange(33):02d}"
        try:
            want: dt.date | None = isoparse(text).date()
        except ValueError:
            want = None
        assert _dates._iso_date(text) == want, text


def test_relative_months_are_relativedeltas() -> None:
    """'last/this/next month' resolve to relativedelta's first of the month."""
    day = dt.date(1990, 1, 1)
    while day < dt.date(2031, 1, 1):
        for which, shift in _dates._SHIFT.items():
            text = f"{which} month"
            [found] = _dates.find_dates(text, 0, len(text), day)
            assert found.resolved == day.replace(day=1) + relativedelta(months=shift)
        day += dt.timedelta(days=13)


def test_document_spans_are_attrs_spans() -> None:
    """Document.span builds its Span without attrs' __init__: it equals the one attrs
    builds, field by field, with and without deleted format characters."""
    import attrs

    from conflictparse._document import Document
    from conflictparse._types import Span

    for text in ("He said “no” on Tuesday", "Da\u200braa and \u200fHama"):
        document = Document(text)
        size = len(document.folded)
        for start in range(size + 1):
            for end in range(start, size + 1):
                span = document.span(start, end)
                fields = {f.name: getattr(span, f.name) for f in attrs.fields(Span)}
                assert span == Span(**fields)
                assert text[span.start:span.end] == span.text


def test_first_arabic_and_sanitize_skip_ascii_texts_rightly() -> None:
    """The ASCII shortcuts answer as the searches do."""
    from conflictparse import _document

    for text in ("", "plain", "a\x00b\x1f", "قال", "x قال", "a\ud800b", "\u200b", "é"):
        match = _document._ARABIC.search(text)
        assert _document.first_arabic(text) == (-1 if match is None else match.start())
        assert _document.sanitize(text) == "".join(
            "\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)


_PREFIXED = ("Late", "late", "on", "On", "Earlier", "earlier", "later", "This", "this", "coming",
             "Coming", "Next", "last", "by", "Since", "year", "x", "yearlate", "Monday",
             "Friday", "July", "6", "2018", ",", "morning", "\u00e9", "\u0301", "\u216b",
             "\u0627")


def test_weekday_prefixes_are_found_as_finditer_finds_them() -> None:
    """The weekday finder's bound before a name (letters by \\p{Alpha}, white space by the
    pattern's \\s, not str's) keeps every match: texts dense in prefix words, with letters
    and spaces the two readings disagree on."""
    _assert_found_as_finditer_finds(_PREFIXED, texts=20000, most_pieces=11, seed=23)


def test_sentence_ends_read_the_space_as_group_one() -> None:
    """sentences() reads the white space after a sentence by its group number."""
    from conflictparse import _document

    assert _document._PERIOD_END.groupindex["space"] == 1
    assert _document._SENTENCE_END.groupindex["space"] == 1
