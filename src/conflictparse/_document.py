"""The text under analysis, folded for matching while every offset stays meaningful.

Extraction runs on ``Document.folded``: curly quotes become straight, exotic spaces become
plain spaces, carriage returns become line ends, and invisible format characters (zero-width
spaces, bidi marks, BOM, soft hyphens) are deleted. Character-for-character replacements keep
offsets; deletions are recorded in an offset map, so :meth:`Document.span` turns any stretch of
``folded`` back into an exact :class:`Span` of the original text. Texts without format
characters (nearly all) skip the map entirely.
"""

from __future__ import annotations

import array
import bisect
import re
from collections.abc import Iterator
from typing import NamedTuple

import regex

from ._types import Span

_new = object.__new__
_set_start = Span.__dict__["start"].__set__
_set_end = Span.__dict__["end"].__set__
_set_text = Span.__dict__["text"].__set__

# One-to-one replacements: they keep every offset as it is.
_FOLD_TABLE = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`´", "'"),
        **dict.fromkeys("“”„‟″«»＂", '"'),
        **dict.fromkeys("\t\v\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                        "\u2008\u2009\u200a\u202f\u205f\u3000", " "),
        **dict.fromkeys("\u2028\u2029\x85", "\n"),
        "\x00": " ",
    }
)
# The stdlib ``re`` scans for a set of literal characters several times faster than ``regex``.
_FOLDABLE = re.compile("[" + re.escape("".join(map(chr, _FOLD_TABLE))) + "]")
# Format characters and surrogates. None is ASCII: ``regex`` skips ahead to the next non-ASCII
# character fast, and only tests the properties there (a property class alone costs ~10 ns a
# character).
_FORMAT_CHARS = regex.compile(r"[^\x00-\x7f](?<=[\p{Cf}\p{Cs}])")
_ARABIC = regex.compile(r"[^\x00-\x7f](?<=\p{Script=Arabic})")  # no Arabic letter is ASCII
_LATIN_LETTER = regex.compile(r"\p{Script=Latin}")

# Sentence ends: . ! ? (and a closing quote/bracket) followed by space and a capital or quote.
# Abbreviations that end in a period do not end a sentence.
_ABBREVIATION = (r"Gen|Lt|Col|Maj|Brig|Capt|Cpt|Sgt|Adm|Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Jr|Sr|No|"
                 r"vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|[A-Z]")
_SENTENCE_END = regex.compile(
    rf"""(?<!\b(?:{_ABBREVIATION}))[.!?]+["')\]]*(?P<space>\s+)(?=["'(\[]?[\p{{Lu}}\d])"""
)
# The same where no '!' or '?' occurs (most texts): opening with the literal '.' (the
# lookbehind moved past it), it is found twice as fast as the set.
_PERIOD_END = regex.compile(
    rf"""\.(?<!\b(?:{_ABBREVIATION})\.)\.*["')\]]*(?P<space>\s+)(?=["'(\[]?[\p{{Lu}}\d])"""
)


def _fold(text: str) -> str:
    """``text.translate(_FOLD_TABLE)``: replacing only the characters present is much faster
    than ``translate``, which looks every character of a non-ASCII text up in a dict."""
    for char in set(_FOLDABLE.findall(text)):
        text = text.replace(char, _FOLD_TABLE[ord(char)])
    return text


def sanitize(text: str) -> str:
    """Replace lone surrogates with U+FFFD so the text can always be encoded; keep length."""
    if text.isascii() or _FORMAT_CHARS.search(text) is None:  # (isascii reads a flag)
        return text
    return "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)


class Line(NamedTuple):
    """A non-blank line of the folded text, without surrounding white space. (A named
    tuple: a report has dozens, and it is built several times faster than a frozen class.)"""

    start: int
    end: int
    text: str


class Document:
    """A report text prepared for extraction (see the module docstring)."""

    __slots__ = ("_lines", "_offsets", "folded", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        folded = text
        if "\r" in folded:  # CR LF becomes " \n", a lone CR "\n": offsets stay
            folded = folded.replace("\r\n", " \n").replace("\r", "\n")
        folded = _fold(folded)
        offsets: array.array[int] | None = None
        if not folded.isascii() and _FORMAT_CHARS.search(folded) is not None:
            offsets = array.array("q")
            pieces = []
            previous = 0
            for index in (*(m.start() for m in _FORMAT_CHARS.finditer(folded)), len(folded)):
                offsets.extend(range(previous, index))
                pieces.append(folded[previous:index])
                previous = index + 1
            folded = "".join(pieces)
        self.folded = folded
        self._offsets = offsets
        self._lines: tuple[Line, ...] | None = None

    def original_offset(self, index: int) -> int:
        """The offset in ``text`` of position ``index`` of ``folded``."""
        if self._offsets is None:
            return index
        if index >= len(self._offsets):
            return len(self.text)
        return int(self._offsets[index])

    def folded_offset(self, index: int) -> int:
        """The position in ``folded`` of offset ``index`` of ``text`` (or of the next kept
        character, when ``index`` points at a deleted one)."""
        if self._offsets is None:
            return index
        return bisect.bisect_left(self._offsets, index)

    def span(self, start: int, end: int) -> Span:
        """The :class:`Span` of the original text that ``folded[start:end]`` came from."""
        if self._offsets is None:
            # new_span's work, inlined: a report builds ~75 spans here
            span = _new(Span)
            _set_start(span, start)
            _set_end(span, end)
            _set_text(span, self.text[start:end])
            return span
        original_start = self.original_offset(start)
        original_end = self.original_offset(end - 1) + 1 if end > start else original_start
        return Span.of(self.text, original_start, original_end)

    @property
    def lines(self) -> tuple[Line, ...]:
        """Non-blank lines, stripped, with their offsets in ``folded``."""
        if self._lines is None:
            lines = []
            position = 0
            for raw in self.folded.split("\n"):
                stripped = raw.strip()
                if stripped:
                    start = position + (len(raw) - len(raw.lstrip()))
                    lines.append(Line(start, start + len(stripped), stripped))
                position += len(raw) + 1
            self._lines = tuple(lines)
        return self._lines


def has_latin(text: str) -> bool:
    """Whether ``text`` holds any Latin-script letter."""
    return _LATIN_LETTER.search(text) is not None


def first_arabic(text: str) -> int:
    """Offset of the first Arabic-script letter in ``text``, or -1."""
    if text.isascii():  # most lines: str keeps this as a flag
        return -1
    match = _ARABIC.search(text)
    return -1 if match is None else match.start()


def sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence boundaries inside ``text[start:end]``, as absolute (start, end) pairs."""
    ends = (_PERIOD_END if text.find("!", start, end) < 0 and text.find("?", start, end) < 0
            else _SENTENCE_END)
    position = start
    for match in ends.finditer(text, start, end):
        # The sentence ends before the space (after at least the mark, so it is not empty);
        # the space is group 1 (by number: a name costs a lookup per sentence).
        yield position, match.start(1)
        position = match.end()
    tail_end = len(text[position:end].rstrip()) + position
    if tail_end > position:
        yield position, tail_end
