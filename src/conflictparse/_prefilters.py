"""Cheap tests, read off a pattern's source, that rule out where it cannot match.

Profiles and the claim grammar hold many ``regex`` patterns, and most of them match in few
reports. Rather than run each over every report, the parser asks these first: one
alternation of many patterns (:func:`any_of`), a pattern's top-level alternatives searched
one by one (:func:`alternatives`), the literals every match must hold
(:func:`required_literals`, checked with ``in``; :func:`caseless_view` for the caseless
ones), and which line openings can start a match (:class:`LineStarts`). Each reader knows a
plain subset of the syntax and refuses the rest, so a pattern it cannot read is simply run,
never wrongly skipped. :func:`literal_prefixes` reads, with the standard library's parser,
the literals every match of a scan's anchor opens with (see ``_scan``).
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from typing import Any

import regex

from ._outlets import PATTERN_TIMEOUT

try:  # the standard library's own regex parser: re._parser from Python 3.11, sre_parse before
    _sre = importlib.import_module("re._constants")
    _sre_parse = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - Python 3.10
    _sre = importlib.import_module("sre_constants")
    _sre_parse = importlib.import_module("sre_parse")

_Prefixes = set[tuple[str, bool]]
"""(literal prefix, whether the element was matched completely by it)."""


def literal_prefixes(source: str, length: int = 3, limit: int = 5000) -> list[str] | None:
    """Literal strings, at most ``length`` characters, one of which starts every match of the
    (ASCII, plain ``re`` syntax) pattern ``source``; ``None`` when some match could start
    otherwise (a class, a wildcard, case folding) or the pattern is beyond this reader."""
    try:
        parsed = _sre_parse.parse(source)
    except Exception:
        return None

    def element(op: Any, value: Any) -> _Prefixes:
        if op is _sre.LITERAL:
            return {(chr(value), True)}
        if op is _sre.IN:
            chars: set[str] = set()
            for kind, item in value:
                if kind is _sre.LITERAL:
                    chars.add(chr(item))
                elif kind is _sre.RANGE and item[1] - item[0] < 30:
                    chars.update(chr(c) for c in range(item[0], item[1] + 1))
                else:
                    return {("", False)}
            return {(c, True) for c in chars}
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            return {("", True)}  # zero width: ignoring the condition only widens the set
        if op is _sre.SUBPATTERN:
            _, add_flags, _, pattern = value
            if add_flags & _sre.SRE_FLAG_IGNORECASE:
                return {("", False)}
            return sequence(pattern)
        if op is _sre.BRANCH:
            out: _Prefixes = set()
            for pattern in value[1]:
                out |= sequence(pattern)
            return out
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
            low, high, pattern = value
            inner = sequence(pattern)
            if low == 0:
                return {("", True)} | {(s, False) for s, _ in inner}
            if low == high == 1:
                return inner
            return {(s, False) for s, _ in inner}
        return {("", False)}

    def sequence(pattern: Any) -> _Prefixes:
        current: _Prefixes = {("", True)}
        for op, value in pattern:
            if all(not complete or len(s) >= length for s, complete in current):
                break
            following = element(op, value)
            grown: _Prefixes = set()
            for start, complete in current:
                if not complete or len(start) >= length:
                    grown.add((start[:length], False))
                    continue
                for more, whole in following:
                    joined = start + more
                    grown.add((joined[:length], whole and len(joined) < length))
            if len(grown) > limit:
                raise OverflowError
            current = grown
        return current

    try:
        found = {s for s, _ in sequence(parsed)}
    except (OverflowError, RecursionError, TypeError, ValueError):
        return None
    if "" in found:
        return None
    # Those no shorter one of which is a prefix (the set's own, not a pairwise test).
    return sorted(s for s in found if not any(s[:k] in found for k in range(1, len(s))))


_LEADING_FLAGS = regex.compile(r"\(\?([ims]+)\)")
_NOT_COMBINABLE = regex.compile(r"\\[1-9g]|\(\?(?:P[=>]|[&R|(+\d-]|[a-zA-Z^-]*\))")
"""Syntax that may mean something else inside an alternation: group references (numbers
shift), recursion, branch resets, conditionals, and inline flags past the start (their scope
would change). It errs on the safe side: a false hit only costs speed."""


def any_of(patterns: Iterable[str]) -> regex.Pattern[str] | None:
    """One compiled pattern that matches (``match``, ``fullmatch``, ``search``) wherever one of
    ``patterns`` does: their alternation, each with its leading flags scoped to it. A
    backtracking engine tries every alternative at each position, so the alternation finds a
    match exactly when one of the patterns would. Used as a prefilter: one call rules out a
    dozen. ``None`` when there are no patterns, or one may not keep its meaning."""
    alternatives = []
    for pattern in patterns:
        flags = _LEADING_FLAGS.match(pattern)
        body = pattern[flags.end():] if flags else pattern
        if _NOT_COMBINABLE.search(body):
            return None
        alternatives.append(f"(?{flags[1]}:{body})" if flags else f"(?:{body})")
    if not alternatives:
        return None
    try:
        return regex.compile("|".join(alternatives))
    except regex.error:
        return None


_FAR_BEHIND = regex.compile(r"\\[yYGKX]|\(\?<[=!]|\(\?[a-zA-Z-]*[fwrV]")
"""Syntax whose match at a position may depend on more than the one character before it
(lookbehinds, Unicode word boundaries, \\G, reversed or full-case matching): patterns
holding it get no :class:`LineStarts`."""
_ONE_BEHIND = regex.compile(r"\^|\\[AbBmM]")
"""Syntax that looks at the one character before a position (or at the text's start)."""
_BEHIND = ("", "\n", "a", ".")
"""What may stand before a line's first character, for ``_ONE_BEHIND``: nothing (the
text's start), a newline, a word and a non-word character."""
_PREFIX = 3
"""How many first characters of a line :class:`LineStarts` tests with the alternation."""
_PREFIXES_KEPT = 4096
"""How many of those prefixes it remembers (most lines open with a common word)."""
_CHARS_KEPT = 1024
"""How many first characters beyond ASCII :class:`LineStarts` remembers the patterns of."""
_FEW_LITERALS = 3
"""How many literals :class:`LineStarts` looks for in a line, at most, for one pattern."""
_NAMED_GROUP = regex.compile(r"(?<=(?:^|[^\\])(?:\\\\)*)\(\?P<\w+>")
"""A named group's opening (not escaped), read as a plain group for ``required_literals``."""


class LineStarts:
    """Whether a line may start a match of one of some patterns, told by its first
    characters: ``Posted in …`` cannot match a line opening with ``W``, and this lookup costs
    less than the ``any_of`` call it saves on most lines.

    Which ASCII characters may open a match of each pattern is asked of ``regex`` itself
    (a partial match of the one character, after each kind of character a line may follow
    where the pattern looks behind); for another character, the same way when a line first
    opens with it (an Arabic letter opens few patterns, or none). Then the line's first ``_PREFIX`` characters must open a match of one of those patterns
    (asked of ``regex`` the same way, once per prefix: ``The`` opens no dateline though
    ``T`` may), and the line must hold one of the few literals of which every match of that
    pattern holds one (:func:`required_literals`), if it has such. (Per pattern: a line
    ``Several …`` opens ``^.+\\s•`` only, so it must hold ``•``, whatever the patterns
    opening with ``Sh`` need.) ``None`` when a pattern cannot be read."""

    __slots__ = ("_openings", "_prefixes", "_table")

    _Entry = bool | tuple[tuple[str, ...], tuple[str, ...]]
    """``False``: no pattern opens with the prefix; ``True``: let the line through; else
    the literals (case-sensitive, and caseless in lower case) of which a line holds one if
    it matches."""

    _Opening = tuple[regex.Pattern[str], tuple[str, ...],
                     tuple[tuple[str, ...], tuple[str, ...]] | None]
    """A pattern, what may stand before a line for it, and its literals (or ``None``)."""

    def __init__(self, table: dict[str, tuple[int, ...]],
                 openings: tuple[LineStarts._Opening, ...]) -> None:
        self._table = table
        """Each ASCII character, and the others met so far: the patterns (indexes in
        ``_openings``) a match of which it may open."""
        self._openings = openings
        self._prefixes: dict[str, LineStarts._Entry] = {}

    @classmethod
    def of(cls, patterns: Iterable[str]) -> LineStarts | None:
        """The gate of ``patterns`` (as given to :func:`any_of`), or ``None``."""
        patterns = tuple(patterns)
        if any_of(patterns) is None:
            return None
        table: dict[str, list[int]] = {chr(code): [] for code in range(128)}
        openings: list[LineStarts._Opening] = []
        for number, pattern in enumerate(patterns):
            opening = _opening(pattern)
            if opening is None:
                return None
            chars, literals, one_behind = opening
            openings.append((regex.compile(pattern), _BEHIND if one_behind else ("",),
                             literals))
            for char in chars:
                table[char].append(number)
        return cls({char: tuple(numbers) for char, numbers in table.items()}, tuple(openings))

    def admit(self, text: str, start: int, end: int) -> bool:
        """Whether one of the patterns may match ``text[start:end]`` from ``start``."""
        if start >= end:
            return True
        numbers = self._table.get(text[start])
        if numbers is None:
            numbers = self._opened_by(text[start])
        if not numbers:
            return False
        prefix = text[start:min(start + _PREFIX, end)]
        entry = self._prefixes.get(prefix)
        if entry is None:
            entry = self._entry(prefix, numbers)
        if entry is True or entry is False:
            return entry
        cased, caseless = entry
        if holds_one(text, cased, start, end):
            return True
        if not caseless:
            return False
        line = caseless_view(text[start:end])
        return line is None or any(literal in line for literal in caseless)

    def _opens(self, number: int, prefix: str) -> bool:
        """Whether ``prefix`` may open a match of pattern ``number`` (a profile's pattern:
        asked with the timeout)."""
        pattern, behind, _ = self._openings[number]
        return any(pattern.match(before + prefix, len(before), partial=True,
                                 timeout=PATTERN_TIMEOUT) is not None for before in behind)

    def _opened_by(self, char: str) -> tuple[int, ...]:
        """The patterns ``char`` (not ASCII) may open, remembered up to a bound."""
        if len(self._table) >= 128 + _CHARS_KEPT:
            self._table = {c: numbers for c, numbers in self._table.items() if c.isascii()}
        numbers = self._table[char] = tuple(
            number for number in range(len(self._openings)) if self._opens(number, char))
        return numbers

    def _entry(self, prefix: str, numbers: tuple[int, ...]) -> LineStarts._Entry:
        """What a line opening with ``prefix`` must hold (remembered, up to a bound): the
        literals of the patterns it may open a match of (of ``numbers``, those its first
        character may open)."""
        if len(self._prefixes) >= _PREFIXES_KEPT:
            self._prefixes.clear()
        opens = False
        cased: set[str] = set()
        caseless: set[str] = set()
        for number in numbers:
            if not self._opens(number, prefix):
                continue
            literals = self._openings[number][2]
            if literals is None:
                self._prefixes[prefix] = True
                return True
            opens = True
            cased.update(literals[0])
            caseless.update(literals[1])
        entry: LineStarts._Entry = opens and (tuple(sorted(cased)), tuple(sorted(caseless)))
        self._prefixes[prefix] = entry
        return entry


@functools.lru_cache(maxsize=256)
def _opening(pattern: str
             ) -> tuple[str, tuple[tuple[str, ...], tuple[str, ...]] | None, bool] | None:
    """The ASCII characters a match of ``pattern`` may open with, the literals (case-
    sensitive, caseless in lower case) of which every match holds one if they are few, and
    whether it looks one character behind; ``None`` when :class:`LineStarts` cannot read it.
    (Cached: outlets share the common patterns.)"""
    flags = _LEADING_FLAGS.match(pattern)
    body = pattern[flags.end():] if flags else pattern
    if _FAR_BEHIND.search(body) or _NOT_COMBINABLE.search(body):
        return None
    try:
        compiled = regex.compile(pattern)
    except regex.error:
        return None
    one_behind = _ONE_BEHIND.search(body) is not None
    behind = _BEHIND if one_behind else ("",)
    chars = "".join(char for char in map(chr, range(128)) if any(
        compiled.match(before + char, len(before), partial=True,
                       timeout=PATTERN_TIMEOUT) is not None
        for before in behind))
    required = required_literals(_NAMED_GROUP.sub("(?:", pattern))
    if required is None or len(required[0][0]) > _FEW_LITERALS:
        return chars, None, one_behind  # many literals would cost more than the match
    literals = tuple(sorted(required[0][0]))
    if required[1]:
        return chars, ((), tuple(literal.lower() for literal in literals)), one_behind
    return chars, (literals, ()), one_behind


def alternatives(pattern: str) -> tuple[str, ...]:
    """The top-level alternatives of ``pattern``, each with its leading flags, or just
    ``(pattern,)``. ``regex`` finds a literal fast but tries an alternation at every
    position: searching ``A`` and ``B`` one after the other finds whether ``A|B`` is in a text
    several times faster. (Only the presence is the same: the leftmost match may differ.)"""
    flags = _LEADING_FLAGS.match(pattern)
    prefix = flags[0] if flags else ""
    body = pattern[len(prefix):]
    if _NOT_COMBINABLE.search(body) or any(s in body for s in ("[:", "(?#", "\\Q")):
        return (pattern,)
    parts = []
    depth = start = 0
    in_class = False
    index = 0
    while index < len(body):
        char = body[index]
        if char == "\\":
            index += 1  # the escaped character
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += body.startswith("^", index + 1)
            index += body.startswith("]", index + 1)  # a "]" first in a class is literal
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(body[start:index])
            start = index + 1
        index += 1
    parts.append(body[start:])
    split = tuple(prefix + part for part in parts)
    try:
        for part in split:
            regex.compile(part)
    except regex.error:
        return (pattern,)
    return split


_ESCAPES = frozenset("sSdDwWbBAZntrfvmM")
"""Escapes of a letter this reader knows to be two characters wide and no literal."""


class _Unknown(Exception):
    """Syntax :func:`required_literals` does not read."""


def holds_one(text: str, literals: Iterable[str], start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds one of ``literals`` (case-sensitive)."""
    for literal in literals:  # noqa: SIM110 (a loop: no generator for a few finds)
        if text.find(literal, start, end) >= 0:
            return True
    return False


def caseless_view(text: str) -> str | None:
    """``text`` in lower case, where a caseless literal of :func:`required_literals` is
    found wherever ``regex`` ignoring case would find it; ``None`` when that cannot be told:
    ``regex`` matches long s and dotted capital I to "s" and "i" ignoring case, but they
    lower to no ASCII letter (then a caseless gate must let the text through)."""
    if "\u017f" in text or "\u0130" in text:
        return None
    return text.lower()


def required_literals(pattern: str) -> tuple[tuple[frozenset[str], ...], bool] | None:
    """Sets of literal strings such that every match of ``pattern`` contains one of each
    set (the most telling sets first, those whose shortest string is longest), and whether
    they match ignoring case (then they are ASCII: the flags allow only a leading
    ``(?i)``); ``None`` when this reader cannot tell. A text missing all of one set has no
    match, so the pattern need not be searched there. The reader knows plain ``regex``
    syntax and refuses the rest (inline flags past the start, named groups, most escapes of
    a letter, POSIX classes, ``\\Q``): a refusal only costs speed."""
    flags = _LEADING_FLAGS.match(pattern)
    ignore_case = bool(flags and "i" in flags[1])
    body = pattern[flags.end():] if flags else pattern
    if "\\Q" in body:
        return None
    try:
        alternatives, end = _alternation(body, 0, ignore_case)
    except _Unknown:
        return None
    if end != len(body):
        return None
    required = alternatives[0] if len(alternatives) == 1 else [_either(alternatives)]
    required = sorted({r for r in required if r}, key=lambda r: (_telling(r), sorted(r)),
                      reverse=True)
    return (tuple(required), ignore_case) if required else None


def _alternation(body: str, index: int, ignore_case: bool
                 ) -> tuple[list[list[frozenset[str]]], int]:
    """The requirements (sets of literals, one of each must be in a match) of each
    alternative from ``index`` to the ``)`` closing their group (or the end), and where
    that is."""
    alternatives: list[list[frozenset[str]]] = []
    required: list[frozenset[str]] = []
    run = ""
    last = ""  # what the last item was: "char", "group" (which added a requirement) or ""

    def end_run() -> None:
        nonlocal run
        if run and (not ignore_case or run.isascii()):
            required.append(frozenset({run}))
        run = ""

    while index < len(body):
        char = body[index]
        if char == ")":
            break
        if char == "|":
            end_run()
            alternatives.append(required)
            required, last = [], ""
            index += 1
            continue
        if char in "?*+{":  # a quantifier: the item before it may be absent or repeated
            if char == "{":
                close = body.find("}", index)
                if close < 0:
                    raise _Unknown
                index = close
            if last == "char":
                run = run[:-1]
            end_run()
            if last == "group":
                required.pop()
            last = ""
            index += 1
            continue
        if char == "\\":
            escaped = body[index + 1:index + 2]
            if not escaped or (escaped.isalnum() and escaped not in _ESCAPES):
                raise _Unknown
            index += 2
            if escaped.isalnum():
                end_run()
                last = ""
            else:
                run += escaped
                last = "char"
            continue
        if char not in "[(.^$":
            run += char
            last = "char"
            index += 1
            continue
        end_run()
        last = ""
        if char == "[":
            index = _class_end(body, index)
        elif char == "(":
            opening = next((o for o in ("(?:", "(?>", "(?=", "(?!", "(?<=", "(?<!")
                            if body.startswith(o, index)), "(")
            if body.startswith("(?", index) and opening == "(":
                raise _Unknown  # flags, named groups, comments, conditionals...
            inner, close = _alternation(body, index + len(opening), ignore_case)
            if close >= len(body):
                raise _Unknown
            index = close
            group = _either(inner)
            if group and opening in ("(", "(?:", "(?>"):  # not a lookaround
                required.append(group)
                last = "group"
        index += 1
    end_run()
    alternatives.append(required)
    return alternatives, index


def _class_end(body: str, index: int) -> int:
    """The position of the ``]`` closing the character class opened at ``index``."""
    index += 1
    index += body.startswith("^", index)
    index += body.startswith("]", index)
    while index < len(body):
        char = body[index]
        if char == "\\":
            index += 1
        elif char == "[":
            raise _Unknown  # a POSIX class or a nested set
        elif char == "]":
            return index
        index += 1
    raise _Unknown


def _either(alternatives: list[list[frozenset[str]]]) -> frozenset[str]:
    """What a match of one of ``alternatives`` contains: the union of each one's most
    telling requirement (the one whose shortest literal is longest); empty when one
    alternative requires nothing."""
    union: set[str] = set()
    for required in alternatives:
        if not required:
            return frozenset()
        union |= max(required, key=_telling)
    # One holding another needs no search of its own: a text with the longer has the other.
    return frozenset(s for s in union if not any(t != s and t in s for t in union))


def _telling(literals: AbstractSet[str]) -> tuple[int, int]:
    """How rarely a text holds one of ``literals``, roughly: longer and fewer is rarer."""
    return min(map(len, literals)), -len(literals)
