"""Reading a report's header: headline and its translations, byline, dateline, standfirst.

Scraped pages start with a few lines of header in outlet-specific shapes (see the outlet
profiles), all variations on one theme this module handles generically:

* the headline line may carry an outlet prefix (``DEBKAfile:``) and, after the English, its
  Arabic translation on the same line (found by script, not by position);
* the headline (and its translation) is often repeated on lines of their own;
* a dateline (``DEBKAfile/July 05/18``) may stand on its own line or open the first
  paragraph (``… 8:29 AM (GMT+02:00) – While Israeli jets …``);
* a standfirst sentence may sit between the headline and its repetition.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence

import attrs
import regex

from ._dates import date_from_groups
from ._document import Document, Line, first_arabic, has_latin
from ._language import guess_language
from ._outlets import PATTERN_TIMEOUT
from ._prefilters import LineStarts, any_of
from ._types import Dateline, Headline, Span

HEADER_LINES = 12
"""How many lines from the top (after boilerplate) may hold header elements."""

GENERIC_DATELINES = (
    r"(?:Source:\s*[^,\n]{2,40},\s*)?(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"[a-z]*\.?\s+\d{1,2},\s+\d{4})(?:,?\s+\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?)?(?:\s*\([^)\n]{1,12}\))?",
    r"date\s+(?P<date>\d{4}-\d{2}-\d{2})\b",
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?P<date>(?:Jan|Feb|Mar|"
    r"Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:Jan|Feb|"
    r"Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+\d{4})"
    r"(?:\s*[-–,|]?\s*\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?)?\s*$",
    r"(?i:publication\s+date|published(?:\s+on)?|posted(?:\s+on)?|date)\s*:\s*"
    r"(?P<date>\d{4}[/-]\d{1,2}[/-]\d{1,2}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4})",
    r"(?P<date>\d{4}-\d{2}-\d{2})$",
    r"(?:[•·]\s*)?(?P<year>\d{4})/(?P<month>\d{2})/(?P<day>\d{2})\b(?:\s*[•·]\s*\d{1,2}:\d{2}\s*[ap]m)?(?:\s*[•·])?",
)
_BYLINE = regex.compile(r"^[Bb]y\s+(?P<author>\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3})\b.{0,80}$")
_BY = ("By", "by")
"""How a ``_BYLINE`` starts: most lines are ruled out without the pattern."""
_DASH_AFTER = regex.compile(r"\s*[–—-]+\s*|\s*")
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_TWO_TO_THIRTY_WORDS = regex.compile(r"[^\p{L}\p{N}]*+(?:[\p{L}\p{N}]++[^\p{L}\p{N}]*+){2,30}+")
"""Fullmatches a line of 2 to 30 ``_WORD`` words: one call, not a match object per word."""
_TWO_TO_THIRTY_ASCII_WORDS = re.compile(
    r"[^A-Za-z0-9]*[A-Za-z0-9]+(?:[^A-Za-z0-9]+[A-Za-z0-9]+){1,29}[^A-Za-z0-9]*")
"""The same on an ASCII line (the letters and digits of ``_WORD`` there), with the stdlib's
``re``, five times faster. (Words are apart, so it cannot backtrack into splitting one.)"""
_STOPS = (".", ";", ",")
_LANGUAGE_SAMPLE = 400
"""How much of the line below a headline tells the language of a page."""


@attrs.frozen(kw_only=True)
class Header:
    """What :func:`read_header` found; ``consumed`` lists the stretches of ``folded`` that
    belong to the header and must not be read as body."""

    headlines: tuple[Headline, ...] = ()
    byline: Span | None = None
    dateline: Dateline | None = None
    standfirst: Span | None = None
    consumed: tuple[tuple[int, int], ...] = ()


@attrs.frozen(kw_only=True)
class HeaderPatterns:
    """The compiled outlet patterns :func:`read_header` uses."""

    headline_prefixes: tuple[regex.Pattern[str], ...] = ()
    any_headline_prefix: regex.Pattern[str] | None = None
    """Matches where one of ``headline_prefixes`` does (most lines have none)."""
    headline_suffixes: tuple[regex.Pattern[str], ...] = ()
    translation_prefixes: tuple[regex.Pattern[str], ...] = ()
    datelines: tuple[tuple[str, regex.Pattern[str]], ...] = ()
    """Matched at the start of each header line."""
    any_dateline: regex.Pattern[str] | None = None
    """Matches where one of ``datelines`` does: most lines are no dateline, and one call
    says so instead of one per pattern."""
    dateline_starts: LineStarts | None = None
    """Which lines may start a dateline, by their first character."""
    kicker_datelines: frozenset[str] = frozenset()
    """The sources of ``datelines`` with a ``kicker`` group: below them a section label
    stands above the headline."""


def compile_header_patterns(headline_prefixes: Sequence[str], translation_prefixes: Sequence[str],
                            datelines: Sequence[str],
                            headline_suffixes: Sequence[str] = ()) -> HeaderPatterns:
    """Compile outlet patterns, with the generic datelines after the outlet's own."""
    all_datelines = (*datelines, *GENERIC_DATELINES)
    return HeaderPatterns(
        headline_prefixes=tuple(regex.compile(p) for p in headline_prefixes),
        any_headline_prefix=any_of(headline_prefixes),
        headline_suffixes=tuple(regex.compile(rf"\s*(?:{p})\s*$") for p in headline_suffixes),
        translation_prefixes=tuple(regex.compile(p) for p in translation_prefixes),
        datelines=tuple((p, regex.compile(p)) for p in all_datelines),
        any_dateline=any_of(all_datelines),
        dateline_starts=LineStarts.of(all_datelines),
        kicker_datelines=frozenset(p for p in all_datelines if "(?P<kicker>" in p),
    )


@functools.lru_cache(maxsize=64)
def _words(headline: str) -> tuple[str, ...]:
    """The words of ``headline``, case-folded (a report compares many lines with it)."""
    return tuple(_WORD.findall(headline.casefold()))


def _same(line: str, headline: str) -> bool:
    """Whether ``line`` and ``headline`` hold the same words, ignoring case. Stops at the
    first difference: most lines compared differ from their first word."""
    words = _words(headline)
    folded = line.casefold()
    if words and words[0] not in folded:  # the first word is not even a substring
        return False
    found = _WORD.finditer(folded)
    for word in words:
        match = next(found, None)
        if match is None or match[0] != word:
            return False
    return next(found, None) is None


def _may_repeat(line: str, english: str, arabic: str) -> bool:
    """Whether ``line``, below the headline, may repeat it or give its Arabic translation
    (as ``read_header`` tells, stripping prefixes and suffixes first): not if it holds
    neither headline's first and last words, and it holds no Arabic letter or the Arabic
    headline is known. (A repetition holds every word, and casefolding a stretch of a line
    gives a stretch of the casefolded line. Most lines are body: this saves their prefix
    and suffix patterns and the comparison.)"""
    if not arabic and first_arabic(line) >= 0:
        return True
    folded = line.casefold()
    for headline in (english, arabic):
        if headline:
            words = _words(headline)
            if not words or (words[0] in folded and words[-1] in folded):
                return True
    return False


def _strip_prefix(text: str, start: int, prefixes: Sequence[regex.Pattern[str]],
                  any_prefix: regex.Pattern[str] | None = None) -> int:
    if any_prefix is not None:
        try:
            if any_prefix.match(text, start, timeout=PATTERN_TIMEOUT) is None:
                return start
        except TimeoutError:
            pass  # the patterns one by one, each with its own timeout, will tell
    for pattern in prefixes:
        match = pattern.match(text, start, timeout=PATTERN_TIMEOUT)
        if match is not None and match.end() > start:
            return match.end()
    return start


def _strip_suffix(text: str, start: int, end: int,
                  suffixes: Sequence[regex.Pattern[str]]) -> int:
    for pattern in suffixes:
        match = pattern.search(text, start, end, timeout=PATTERN_TIMEOUT)
        if match is not None and match.start() > start:
            return match.start()
    return end


def _final_stop(line: str) -> bool:
    """Whether ``line`` ends with ``.``, ``;`` or ``,``, maybe then a quote (before a final
    newline too): the pattern ``[.;,]['"]?$``, without scanning the line."""
    line = line.removesuffix("\n")
    return line.endswith(_STOPS) or (line.endswith(("'", '"')) and line[:-1].endswith(_STOPS))


def _looks_like_headline(line: str) -> bool:
    return not _final_stop(line) and _two_to_thirty_words(line) and has_latin(line)


def _two_to_thirty_words(line: str) -> bool:
    """Whether ``line`` holds 2 to 30 ``_WORD`` words."""
    words = _TWO_TO_THIRTY_ASCII_WORDS if line.isascii() else _TWO_TO_THIRTY_WORDS
    return words.fullmatch(line) is not None


def read_header(document: Document, patterns: HeaderPatterns,
                boilerplate: Sequence[tuple[int, int]], today: dt.date) -> Header:
    """Read the header of ``document`` (see the module docstring)."""
    text = document.folded
    lines: list[Line] = []
    for line in document.lines:  # (a loop: an islice over a generator costs more)
        if not _covered(line, boilerplate):
            lines.append(line)
            if len(lines) == HEADER_LINES:
                break
    consumed: list[tuple[int, int]] = []
    dateline: Dateline | None = None
    dateline_line = -1
    credited: tuple[int, int] | None = None
    for number, line in enumerate(lines):
        found = _dateline(document, line, patterns, today, consumed)
        if found is not None:
            dateline, credited = found
            dateline_line = number
            if credited is None and number + 1 < len(lines):
                credited = _credit_below(document, lines[number + 1], patterns, today,
                                         dateline.date, consumed)
            break

    first = _furniture_end(lines, dateline_line, patterns, text)
    consumed.extend((line.start, line.end) for line in lines[:first])
    below = dateline_line + 1  # the one line under a dateline that may start the headline
    kicker = dateline is not None and dateline.rule in patterns.kicker_datelines
    headlines: list[Headline] = []
    byline: Span | None = None
    english = arabic = ""
    for number, line in enumerate(lines):
        if number < first or _inside(line.start, consumed):
            continue
        if byline is None and line.text.startswith(_BY) and _BYLINE.match(line.text):
            byline = document.span(line.start, line.end)
            consumed.append((line.start, line.end))
            continue
        if (kicker and number == below and not headlines and number + 1 < len(lines)
                and _looks_like_headline(lines[number + 1].text)):
            # A section label ("Moscow's Plans for Aleppo") above the headline: header.
            consumed.append((line.start, line.end))
            below += 1
            continue
        if number > below >= 1 and not headlines:
            break  # only the line right below a dateline may still be the headline
        if headlines and not _may_repeat(line.text, english, arabic):
            continue
        start = _strip_prefix(text, line.start, patterns.headline_prefixes,
                          patterns.any_headline_prefix)
        body = text[start:_strip_suffix(text, start, line.end, patterns.headline_suffixes)]
        split = first_arabic(body)
        latin_part = body if split < 0 else body[:split]
        if not headlines:
            if not _looks_like_headline(latin_part.strip()) and split != 0:
                break
            if latin_part.strip():
                english = latin_part.strip()
                en_start = start + (len(latin_part) - len(latin_part.lstrip()))
                headlines.append(_headline(document, en_start, en_start + len(english), "en"))
            if split >= 0:
                ar_start = _strip_prefix(text, start + split, patterns.translation_prefixes)
                arabic = text[ar_start:line.end].strip()
                if arabic:
                    headlines.append(_headline(document, ar_start, ar_start + len(arabic), "ar"))
            consumed.append((line.start, line.end))
            continue
        if (english and _same(body, english)) or (arabic and _same(body, arabic)) or (
            english and split > 0 and _same(latin_part, english)
        ):
            consumed.append((line.start, line.end))
        elif split == 0 and not arabic:
            ar_start = _strip_prefix(text, start, patterns.translation_prefixes)
            arabic = text[ar_start:line.end].strip()
            headlines.append(_headline(document, ar_start, ar_start + len(arabic), "ar"))
            consumed.append((line.start, line.end))

    if not headlines and credited is not None:
        # A credit line "<Headline>, DEBKAfile, <date>" holds the headline itself.
        headlines.append(_headline(document, *credited, "en"))
        english = headlines[0].text
    if english and headlines[0].language == "en":
        headlines = _translated(document, lines, boilerplate, headlines, consumed)
    standfirst = _standfirst(document, lines, english, consumed)
    return Header(headlines=tuple(headlines), byline=byline, dateline=dateline,
                  standfirst=standfirst, consumed=tuple(sorted(consumed)))


def _translated(document: Document, lines: Sequence[Line],
                boilerplate: Sequence[tuple[int, int]], headlines: list[Headline],
                consumed: list[tuple[int, int]]) -> list[Headline]:
    """The headlines of a page that translates an English report (a repost in Italian, say):
    the Latin-script headline on top is then in the language of the text below it, and the
    English headline, if the page prints it, is the last line. ``headlines`` otherwise."""
    top = headlines[0]
    below = next((line for line in lines if line.start > top.span.end
                  and not _inside(line.start, consumed)), None)
    if below is None:
        return headlines
    sample = below.text[:_LANGUAGE_SAMPLE]
    if " the " in sample or sample.startswith("The "):  # English: most pages say so at once
        return headlines
    language = guess_language(f"{top.text}\n{sample}", at_least=3)
    if language is None or language == "en":
        return headlines
    translated = [attrs.evolve(top, language=language), *headlines[1:]]
    last = next((line for line in reversed(document.lines)
                 if not _covered(line, boilerplate)), None)
    if (last is not None and last.start > below.start and _looks_like_headline(last.text)
            and guess_language(last.text, at_least=1) == "en"):
        consumed.append((last.start, last.end))
        return [_headline(document, last.start, last.end, "en"), *translated]
    return translated


def _furniture_end(lines: Sequence[Line], dateline_line: int, patterns: HeaderPatterns,
                   text: str) -> int:
    """Where the headline block starts when site furniture stands above it.

    Reposts on blogs put their own lines (blog name, menus, a date) above the headline, which
    sits right above the outlet's dateline. When the headline-like line closest above a
    dateline is three or more lines below the first headline-like line and is not its
    repetition, the lines before it are furniture. Returns 0 otherwise.
    """
    if dateline_line < 3:
        return 0

    def latin(line: Line) -> str:
        start = _strip_prefix(text, line.start, patterns.headline_prefixes,
                          patterns.any_headline_prefix)
        body = text[start:line.end]
        split = first_arabic(body)
        return (body if split < 0 else body[:split]).strip()

    candidates = [n for n in range(dateline_line) if _looks_like_headline(latin(lines[n]))
                  and not (lines[n].text.startswith(_BY) and _BYLINE.match(lines[n].text))]
    if len(candidates) < 2:
        return 0
    first, closest = candidates[0], candidates[-1]
    if closest - first >= 3 and not _same(latin(lines[closest]), latin(lines[first])):
        return closest
    return 0


def _headline(document: Document, start: int, end: int, language: str) -> Headline:
    span = document.span(start, end)
    return Headline(text=span.text, language=language, span=span)


def _dateline(document: Document, line: Line, patterns: HeaderPatterns, today: dt.date,
              consumed: list[tuple[int, int]]) -> tuple[Dateline, tuple[int, int] | None] | None:
    """The dateline on ``line``, if any, and the stretch of its ``headline`` group (a credit
    line that names the headline); the dateline's stretch is added to ``consumed``."""
    text = document.folded
    starts = patterns.dateline_starts
    if starts is not None and not starts.admit(text, line.start, line.end):
        return None
    if patterns.any_dateline is not None:
        try:
            if patterns.any_dateline.match(text, line.start, line.end,
                                           timeout=PATTERN_TIMEOUT) is None:
                return None
        except TimeoutError:
            pass  # the patterns one by one, each with its own timeout, will tell
    for source, pattern in patterns.datelines:
        match = pattern.match(text, line.start, line.end, timeout=PATTERN_TIMEOUT)
        if match is None:
            continue
        date = date_from_groups(match, today)
        if date is None:
            continue
        end = _DASH_AFTER.match(text, match.end(), line.end)
        consumed_end = line.end if end is None or end.end() >= line.end else end.end()
        consumed.append((line.start, consumed_end))
        headline = None
        if "headline" in pattern.groupindex and match["headline"]:
            start, stop = match.span("headline")
            stripped = text[start:stop].strip()
            start = text.index(stripped, start)
            headline = (start, start + len(stripped))
        dateline = Dateline(span=document.span(match.start(), match.end()), date=date,
                            rule=source)
        return dateline, headline
    return None


def _credit_below(document: Document, line: Line, patterns: HeaderPatterns, today: dt.date,
                  date: dt.date | None, consumed: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The headline stretch of a credit line ("<Headline>, DEBKAfile, <date>") right below
    the dateline and giving its date, which is then header too (``consumed``); a reposting
    blog prints its own date line above the outlet's credit line."""
    below: list[tuple[int, int]] = []
    found = _dateline(document, line, patterns, today, below)
    if found is None or found[1] is None or found[0].date != date:
        return None
    consumed.extend(below)
    return found[1]


def _standfirst(document: Document, lines: Sequence[Line], english: str,
                consumed: list[tuple[int, int]]) -> Span | None:
    """The summary between the headline and its repetition, if the page has that shape: the
    longest of the (at most three) lines in between; the others are slug lines."""
    if not english:
        return None
    # The first line that repeats the headline, then the next within four lines (the
    # lines further down need no comparison).
    first = second = -1
    for number, line in enumerate(lines):
        if _same(line.text, english):
            if first >= 0:
                second = number
                break
            first = number
        elif first >= 0 and number - first >= 4:
            break
    if second - first >= 2:  # (-1 - first < 2: no second)
        between = lines[first + 1:second]
        for line in between:
            consumed.append((line.start, line.end))
        line = max(between, key=lambda candidate: len(candidate.text))
        return document.span(line.start, line.end)
    return None


# These two are loops, not any() over a generator: a header asks them ~25 times for a few
# stretches, and setting up a generator costs more than the search (0.3 -> 0.1 µs a call).
def _covered(line: Line, stretches: Sequence[tuple[int, int]]) -> bool:
    """Whether one of ``stretches`` holds all of ``line``."""
    for start, end in stretches:  # noqa: SIM110 (see above)
        if start <= line.start and line.end <= end:
            return True
    return False


def _inside(position: int, stretches: Sequence[tuple[int, int]]) -> bool:
    """Whether ``position`` is in one of ``stretches``."""
    for start, end in stretches:  # noqa: SIM110 (see above)
        if start <= position < end:
            return True
    return False


_SMALL_WORDS = frozenset(["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with", "vs", "amid", "after", "over"])


def looks_like_related_headline(line: str) -> bool:
    """Whether a body line reads as the headline of another article dropped into the page:
    short, no closing punctuation, and nearly every significant word capitalised."""
    if len(line) > 140 or line.rstrip()[-1:] in '.!?:;"\'),':
        return False
    words = [w for w in _WORD.findall(line) if w.lower() not in _SMALL_WORDS]
    if len(words) < 3:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return capitalised / len(words) >= 0.8
