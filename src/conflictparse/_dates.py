"""Dates: datelines, and date expressions in the body resolved against the publication day.

Policy (after dateutil's forgiving parser): a date expression is resolved only when the text
gives enough to pin it down. Weekdays ("on Tuesday", "late Wednesday") and partial dates
("July 16") need the publication date; without one they stay unresolved rather than guessed.
A bare weekday means the most recent such day on or before publication, unless the text says
"next"/"coming". A weekday given together with a day ("Friday, July 6") is checked for
consistency; a mismatch keeps the explicit day and adds a diagnostic.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import regex

from ._types import Precision, fast_constructor

MONTHS = {
    name: number
    for number, names in enumerate(
        [("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"),
         ("May",), ("June", "Jun"), ("July", "Jul"), ("August", "Aug"),
         ("September", "Sept", "Sep"), ("October", "Oct"), ("November", "Nov"),
         ("December", "Dec")],
        start=1,
    )
    for name in names
}
WEEKDAYS = {"Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4,
            "Saturday": 5, "Sunday": 6}
"""Each weekday name's ``date.weekday()``."""
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}

_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
_ORDINAL = r"(?:st|nd|rd|th)?\b"
_WEEKDAY_EXPRESSION = rf"""
    (?P<weekday_expr>
        (?:(?P<modifier>(?:[Ll]ate|[Ee]arly|[Ee]arlier|[Ll]ater)(?:\s+on)?)\s+|(?:[Oo]n|[Bb]y|[Ss]ince)\s+
           |(?P<ahead>[Nn]ext|[Cc]oming|[Tt]his\s+coming)\s+|(?P<behind>[Ll]ast)\s+)?
        (?P<weekday>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?
        (?:,?\s+(?P<w_month>{_MONTH})(?:\s+(?P<w_day>\d{{1,2}}){_ORDINAL})?(?:,?\s+(?P<w_year>\d{{4}})\b)?)?
    )
    """
_OTHER_EXPRESSIONS = (
    rf"(?P<month_day>(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}}){_ORDINAL}(?:,?\s+(?P<year>\d{{4}})\b)?)",
    rf"(?P<day_month>(?P<day2>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<month2>{_MONTH})(?:,?\s+(?P<year2>\d{{4}})\b)?)",
    r"(?P<iso>\b\d{4}-\d{2}-\d{2}\b)",
    r"(?P<relative_day>\b(?:[Yy]esterday|[Tt]omorrow|[Tt]he\s+day\s+before\s+yesterday|[Ll]ast\s+night)\b)",
    r"(?P<ago>\b(?P<count>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>days?|weeks?)\s+ago\b)",
    rf"(?P<month_rel_year>(?P<month3>{_MONTH})\s+(?P<which3>last|this|next)\s+year\b)",
    r"(?P<relative_year>\b(?:[Ll]ast|[Tt]his|[Nn]ext)\s+year\b)",
    r"(?P<relative_month>\b(?:[Ll]ast|[Tt]his|[Nn]ext)\s+month\b)",
)


@functools.cache
def _date_expression() -> regex.Pattern[str]:
    """``DATE_EXPRESSION``, compiled when first read (~13 ms): the parser runs its
    alternatives one by one (below), and only the tests read the whole."""
    return regex.compile("|".join((_WEEKDAY_EXPRESSION, *_OTHER_EXPRESSIONS)), regex.VERBOSE)


def __getattr__(name: str) -> regex.Pattern[str]:
    """``DATE_EXPRESSION``: every date expression; the alternatives are tried in this order
    at each position."""
    if name == "DATE_EXPRESSION":
        return _date_expression()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Finding the next match fast, with exactly DATE_EXPRESSION.finditer's results: the regex
# engine tries all nine alternatives at every position, which costs about 0.5 µs per
# character. Each alternative alone scans quickly (it starts with a literal or a class),
# so the next match is the first of their next matches (the earlier alternative on a tie,
# as DATE_EXPRESSION tries them in order). The weekday alternative starts
# with optional words, so it is found from its weekday name: a match starts at most two
# words (its prefix, "This coming", "Late on"; the first may end a longer run of letters,
# as in "yearlate") before the weekday, and no prefix word holds a weekday name.
#
# The stdlib ``re`` finds where a set of literals starts several times faster than ``regex``,
# so the weekday names, and the month names (which open two alternatives and close "26 May"),
# are found with it, the month names once per region.
# Each alternative's matches also hold a literal (a month's first three letters, "ago",
# "year", …, case-sensitive as the patterns are): in a region without it, the alternative is
# not searched for at all.
_WEEKDAY_NAME = re.compile(_WEEKDAY)
_WEEKDAY_ALONE = regex.compile(_WEEKDAY_EXPRESSION, regex.VERBOSE)
(_MONTH_DAY, _DAY_MONTH, _ISO, _RELATIVE_DAY, _AGO, _MONTH_REL_YEAR, _RELATIVE_YEAR,
 _RELATIVE_MONTH) = (regex.compile(p, regex.VERBOSE) for p in _OTHER_EXPRESSIONS)
_PREFIX_BOUND = regex.compile(r"(?r)(?:\p{Alpha}*\s*){2}")
"""Matched backwards from a weekday name, back over white space and letters twice: no match
of the weekday alternative starts before (its prefix is at most two words and their white
space, the pattern's \\s, which str.isspace would read more widely)."""
_MONTH_START = re.compile("|".join(sorted({name[:3] for name in MONTHS})))
"""Where a month name may start (every name opens with one of these, and none of them
overlaps another)."""
_PREFIX_START = re.compile("Late|late|Earl|earl|On|on|By|by|Since|since|Next|next"
                           "|Coming|coming|This|this|Last|last")
"""How the prefix words of a weekday expression start."""

# A finder: its alternative's next match in text[pos:end] (its own pattern's match: the
# same span and groups as the alternative's in DATE_EXPRESSION), given the region's
# month-name starts.
_Finder = Callable[[str, int, int, "list[int]"], "regex.Match[str] | None"]


def _next_weekday(text: str, pos: int, end: int, months: list[int]) -> regex.Match[str] | None:
    """The next weekday expression at or after ``pos``."""
    anchor = _WEEKDAY_NAME.search(text, pos, end)
    if anchor is None:
        return None
    name = anchor.start()
    # (it always matches: all of it is optional)
    first = _PREFIX_BOUND.match(text, pos, name).start()  # type: ignore[union-attr]
    # Before the name, a match opens with a prefix word (no weekday name is in between).
    # (Searched again one character on: prefixes overlap, as in "yearlate".)
    prefix = _PREFIX_START.search(text, first, name)  # a prefix word ends before the name
    while prefix is not None:
        candidate = prefix.start()
        match = _WEEKDAY_ALONE.match(text, candidate, end)
        if match is not None:
            return match
        prefix = _PREFIX_START.search(text, candidate + 1, name)
    return _WEEKDAY_ALONE.match(text, name, end)  # the weekday name alone is a match


def _month_searcher(pattern: regex.Pattern[str]) -> _Finder:
    """The finder of a pattern whose matches open with a month name: tried only there."""

    def search(text: str, pos: int, end: int, months: list[int]) -> regex.Match[str] | None:
        for month in months[bisect.bisect_left(months, pos):]:
            match = pattern.match(text, month, end)
            if match is not None:
                return match
        return None

    return search


_BEFORE_MONTH = frozenset("stndrhof")
"""The letters between a day and its month ("3rd of May"): ordinals and "of"."""


def _next_day_month(text: str, pos: int, end: int, months: list[int]) -> regex.Match[str] | None:
    """The finder of a day before its month ("26 May"): tried only at the digits just
    before a month name. Between them stand only white space, an ordinal and "of" (no month
    name), so a match ends with the first month name after its start."""
    low = pos
    for month in months[bisect.bisect_left(months, pos):]:
        first = month
        while first > low and (text[first - 1].isspace() or text[first - 1].isdigit()
                               or text[first - 1] in _BEFORE_MONTH):
            first -= 1
        for candidate in range(first, month):
            if text[candidate].isdigit():
                match = _DAY_MONTH.match(text, candidate, end)
                if match is not None:
                    return match
        low = month
    return None


def _next_iso(text: str, pos: int, end: int, months: list[int]) -> regex.Match[str] | None:
    """The finder of the ISO date, whose first "-" follows its fourth digit."""
    hyphen = text.find("-", pos + 4, end)
    while hyphen >= 0:
        # (str.isdigit holds every character of \d: a cheap test before the match.)
        if text[hyphen - 1].isdigit():
            match = _ISO.match(text, hyphen - 4, end)
            if match is not None:
                return match
        hyphen = text.find("-", hyphen + 1, end)
    return None


def _searcher(pattern: regex.Pattern[str]) -> _Finder:
    """The finder of a pattern searched as it is."""

    def search(text: str, pos: int, end: int, months: list[int]) -> regex.Match[str] | None:
        return pattern.search(text, pos, end)

    return search


def _relative_searcher(word: str, pattern: regex.Pattern[str]) -> _Finder:
    """The finder of "last/this/next <word>": tried only four letters and the white space
    before each ``word`` (the regex engine would try the pattern at every character)."""

    def search(text: str, pos: int, end: int, months: list[int]) -> regex.Match[str] | None:
        at = text.find(word, pos + 5, end)
        while at >= 0:
            # The white space of a match runs from its fourth letter to the word (str's
            # white space holds the pattern's \s: a wider run fails the match).
            first = at
            while first > pos and text[first - 1].isspace():
                first -= 1
            if first < at and first - 4 >= pos:
                match = pattern.match(text, first - 4, end)
                if match is not None:
                    return match
            at = text.find(word, at + 1, end)
        return None

    return search


_next_month_day = _month_searcher(_MONTH_DAY)
_next_month_rel_year = _month_searcher(_MONTH_REL_YEAR)
_next_relative_day = _searcher(_RELATIVE_DAY)
_next_ago = _searcher(_AGO)
_next_relative_year = _relative_searcher("year", _RELATIVE_YEAR)
_next_relative_month = _relative_searcher("month", _RELATIVE_MONTH)


def _finders(text: str, start: int, end: int, months: list[int]) -> list[_Finder]:
    """The finders of the alternatives that may match in ``text[start:end]``, in the order
    of the alternatives: each alternative's matches hold a literal (case-sensitive, as the
    patterns are), looked for with ``in`` on one copy of the region (cheaper than bounded
    finds)."""
    region = text[start:end]
    finders: list[_Finder] = []
    if "day" in region:  # every weekday name ends in "day"
        finders.append(_next_weekday)
    if months:
        finders += (_next_month_day, _next_day_month)
    if "-" in region:
        finders.append(_next_iso)
    if "esterday" in region or "omorrow" in region or "night" in region:
        finders.append(_next_relative_day)
    if "ago" in region:
        finders.append(_next_ago)
    if "year" in region:
        if months:
            finders.append(_next_month_rel_year)
        finders.append(_next_relative_year)
    if "month" in region:
        finders.append(_next_relative_month)
    return finders


def _alternative_matches(text: str, start: int, end: int) -> list[regex.Match[str]]:
    """``DATE_EXPRESSION.finditer(text, start, end)``'s matches, faster (see above), each
    as the match of the alternative that matched by its own pattern: the same span,
    ``lastgroup`` and groups (those of the other alternatives absent, not None)."""
    first = _MONTH_START.search(text, start, end)  # (most regions name no month)
    months = ([] if first is None
              else [found.start() for found in _MONTH_START.finditer(text, first.start(), end)])
    # [where the alternative's next match starts, the match, its finder] for those that may
    # match; -2: not looked for yet, -1: none left
    nexts: list[list[Any]] = [[-2, None, finder]
                              for finder in _finders(text, start, end, months)]
    matches: list[regex.Match[str]] = []
    pos = start
    while nexts and pos < end:
        best = None
        best_start = -1
        for entry in nexts:
            found = entry[0]
            if found < pos and found != -1:
                match = entry[1] = entry[2](text, pos, end, months)
                found = entry[0] = -1 if match is None else match.start()
            # On a tie the earlier alternative wins, as in DATE_EXPRESSION.
            if found >= 0 and (best_start < 0 or found < best_start):
                best_start = found
                best = entry[1]
        if best is None:
            break
        matches.append(best)
        pos = best.end()
    return matches


@attrs.frozen(kw_only=True)
class ResolvedDate:
    """One date expression found by :func:`find_dates`."""

    start: int
    end: int
    resolved: dt.date | None
    precision: Precision
    rule: str
    problem: str | None = None
    """A consistency problem worth a diagnostic."""


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".")]


def _nearest_year(month: int, day: int, anchor: dt.date) -> dt.date | None:
    """The ``month``/``day`` a report published on ``anchor`` means: reports look back
    more than ahead, so a day up to ~10 months before or ~2 months after ``anchor``."""
    for year in (anchor.year, anchor.year - 1, anchor.year + 1):
        candidate = _safe_date(year, month, day)
        if candidate is not None and -300 <= (candidate - anchor).days <= 65:
            return candidate
    return None


def _on_or_before(day: dt.date, weekday: int) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def _on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _iso_date(text: str) -> dt.date | None:
    """The day an ISO date match (four digits, two, two) gives, as dateutil's ``isoparse``
    reads it: it refuses digits other than ASCII ones (a test compares the two)."""
    if not text.isascii():
        return None
    return _safe_date(int(text[:4]), int(text[5:7]), int(text[8:]))


def find_dates(text: str, start: int, end: int, published: dt.date | None) -> Iterator[ResolvedDate]:
    """Date expressions in ``text[start:end]``, resolved against ``published``."""
    for match in _alternative_matches(text, start, end):
        yield _resolve(match, published)


_new_resolved = fast_constructor(ResolvedDate)
"""``ResolvedDate(...)``, twice as fast (a report has a few)."""
_RELATIVE_DAYS = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                  "last night": -1}
_SHIFT = {"last": -1, "this": 0, "next": 1}


def _resolve(match: regex.Match[str], published: dt.date | None) -> ResolvedDate:
    start, end = match.span()
    # The alternative that matched: its group closes after the groups inside it.
    kind = match.lastgroup
    if kind == "weekday_expr":
        name, w_month, w_day, w_year, ahead, behind = match.group(
            "weekday", "w_month", "w_day", "w_year", "ahead", "behind")
        weekday = WEEKDAYS[name]
        problem = None
        resolved: dt.date | None = None
        if w_day and w_month:
            month, day = _month(w_month), int(w_day)
            if w_year:
                resolved = _safe_date(int(w_year), month, day)
            elif published is not None:
                resolved = _nearest_year(month, day, published)
            if resolved is not None and resolved.weekday() != weekday:
                problem = (f"{name} does not fall on {resolved.isoformat()}; "
                           "kept the stated day")
            return _new_resolved(start=start, end=end, resolved=resolved,
                                 precision=Precision.DAY, rule="weekday_date", problem=problem)
        if published is not None:
            # relativedelta's weekday(±1) arithmetic, without its cost (~10 µs a call).
            if ahead:  # the first such day after publication
                resolved = _on_or_after(published + dt.timedelta(days=1), weekday)
            elif behind:  # the last such day before publication
                resolved = _on_or_before(published - dt.timedelta(days=1), weekday)
            else:  # the last such day on or before publication
                resolved = _on_or_before(published, weekday)
            if w_month and resolved.month != _month(w_month):
                problem = (f"{name} before {published.isoformat()} is not in "
                           f"{w_month}")
        return _new_resolved(start=start, end=end, resolved=resolved, precision=Precision.DAY,
                             rule="weekday", problem=problem)
    if kind == "month_day" or kind == "day_month":
        if kind == "month_day":
            month_text, day_text, year_text = match.group("month", "day", "year")
        else:
            month_text, day_text, year_text = match.group("month2", "day2", "year2")
        month, day = _month(month_text), int(day_text)
        if year_text:
            resolved = _safe_date(int(year_text), month, day)
        else:
            resolved = None if published is None else _nearest_year(month, day, published)
        return _new_resolved(start=start, end=end, resolved=resolved, precision=Precision.DAY,
                             rule="month_day")
    if kind == "iso":
        resolved = _iso_date(match["iso"])
        return _new_resolved(start=start, end=end, resolved=resolved, precision=Precision.DAY,
                             rule="iso")
    if kind == "relative_day":
        word = " ".join(match["relative_day"].lower().split())
        resolved = (None if published is None
                    else published + dt.timedelta(days=_RELATIVE_DAYS[word]))
        return _new_resolved(start=start, end=end, resolved=resolved, precision=Precision.DAY,
                             rule="relative_day")
    if kind == "ago":
        count = match["count"].lower()
        amount = int(count) if count.isdigit() else _NUMBERS[count]
        days = amount * (7 if match["unit"].startswith("week") else 1)
        resolved = None if published is None else published - dt.timedelta(days=days)
        return _new_resolved(start=start, end=end, resolved=resolved, precision=Precision.DAY,
                             rule="ago")
    if kind == "month_rel_year":
        resolved = None
        if published is not None:
            year = published.year + _SHIFT[match["which3"].lower()]
            resolved = dt.date(year, _month(match["month3"]), 1)
        return _new_resolved(start=start, end=end, resolved=resolved, precision=Precision.MONTH,
                             rule="month_relative_year")
    if kind == "relative_year":
        which = match["relative_year"].split()[0].lower()
        resolved = None if published is None else dt.date(published.year + _SHIFT[which], 1, 1)
        return _new_resolved(start=start, end=end, resolved=resolved, precision=Precision.YEAR,
                             rule="relative_year")
    which = match["relative_month"].split()[0].lower()
    resolved = None
    if published is not None:
        # The first of the month before, of or after publication.
        months = published.year * 12 + published.month - 1 + _SHIFT[which]
        resolved = dt.date(months // 12, months % 12 + 1, 1)
    return _new_resolved(start=start, end=end, resolved=resolved, precision=Precision.MONTH,
                         rule="relative_month")


_PLAIN_DATE = re.compile(r"(?:(\d{4})-(\d{2})-(\d{2})|([A-Z][a-z]+)\.? +(\d{1,2}), +(\d{4}))")
"""The two shapes most datelines' dates take, ``2018-11-20`` and ``November 20, 2018``."""


def _parse_date(text: str, year: int) -> dt.date | None:
    """dateutil's fuzzy reading of ``text`` (a year defaults to ``year``); a valid date of a
    ``_PLAIN_DATE`` shape (with a year from 1000 and a month name of ``MONTHS``) is read
    directly, as dateutil reads it (tested on every such date), ten times faster."""
    plain = _PLAIN_DATE.fullmatch(text)
    if plain is not None:
        iso_year, iso_month, iso_day, name, day, named_year = plain.groups()
        if iso_year is not None:
            found = _safe_date(int(iso_year), int(iso_month), int(iso_day))
        else:
            number = MONTHS.get(name)
            found = None if number is None else _safe_date(int(named_year), number, int(day))
        if found is not None and found.year >= 1000:
            return found
    return _dateutil_date(text, year)


@functools.lru_cache(maxsize=1024)
def _dateutil_date(text: str, year: int) -> dt.date | None:
    """dateutil's fuzzy reading. It costs ~30 µs, and a stream of reports repeats its
    datelines' dates."""
    from dateutil import parser  # ~15 ms to import, and few datelines need it

    try:
        return parser.parse(text, fuzzy=True, default=dt.datetime(year, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


def date_from_groups(match: regex.Match[str], today: dt.date) -> dt.date | None:
    """The day a dateline match states: groups ``year``/``month``/``day``, or ``date``."""
    groups = match.groupdict()
    if groups.get("date"):
        return _parse_date(groups["date"], today.year)
    try:
        month_text = groups.get("month") or ""
        month = int(month_text) if month_text.isdigit() else _month(month_text.title())
        year = int(groups.get("year") or "")
        day = int(groups.get("day") or "1")
    except (KeyError, ValueError):
        return None
    if year < 100:
        year += 2000 if year <= today.year % 100 else 1900
    return _safe_date(year, month, day)
