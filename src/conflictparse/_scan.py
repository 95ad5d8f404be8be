"""Faster ways to get exactly the matches a slow ``regex`` scan would give.

The ``regex`` engine tries a big alternation at every position of the text (0.3–0.5 µs per
character for the entity and date grammars). When every match must begin at, or one word
before, a place where one of a few literal strings occurs, it is enough to find those places
with a literal search and try the pattern just there. The literals are derived from the
pattern source itself (:func:`literal_prefixes`), so they follow its edits; a pattern whose
shape no longer fits is scanned the slow way, never wrongly.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable
from string import ascii_letters
from typing import TypeAlias

import ahocorasick
import regex

from ._prefilters import literal_prefixes

Match: TypeAlias = "regex.Match[str] | re.Match[str]"
"""A match of a ``regex`` pattern or of its :func:`ascii_twin`: the same groups and spans."""


_ASCII_CLASSES = {r"\p{Lu}": "A-Z", r"\p{L}": "A-Za-z"}
_REGEX_ONLY = re.compile(r"\\[pPXmMGKNQE\d]|\(\?(?:[<|rVfbewp]|[a-zA-Z]*-)|\{(?![\d,]*\})|\[\^?\]"
                         r"|\[\[|&&|--|~~|\|\|")
"""Syntax that reads differently (or not at all) in the standard library's ``re``: property
escapes left after the translation, back references, look-behind and ``(?<name>``, branch
reset, reverse, version and scoped flags, fuzzy matching, set operations (conservative: some
harmless ones fall back too)."""


def ascii_twin(pattern: regex.Pattern[str]) -> re.Pattern[str] | None:
    r"""The same pattern for ASCII text, compiled by the standard library's ``re`` (two to
    three times faster on the entity patterns): ``\p{Lu}`` and ``\p{L}`` read as their ASCII
    letters, ``\s``, ``\w`` and ``\b`` as ASCII (the same characters ``regex`` gives them
    among ASCII ones). ``None`` when the pattern holds other ``regex``-only syntax or flags.
    Use it only where every character a match could look at (one before the start, one past
    the end for ``\b``) is ASCII."""
    if pattern.flags != _PLAIN_FLAGS:
        return None
    source, out, index, in_class = pattern.pattern, [], 0, False
    while index < len(source):
        for escape, letters in _ASCII_CLASSES.items():
            if source.startswith(escape, index):
                out.append(letters if in_class else f"[{letters}]")
                index += len(escape)
                break
        else:
            character = source[index]
            if character == "\\":
                out.append(source[index:index + 2])
                index += 2
                continue
            if in_class:
                in_class = character != "]"
            elif character == "[":  # (a class opening with "]" is refused below)
                in_class = True
            out.append(character)
            index += 1
    translated = "".join(out)
    if _REGEX_ONLY.search(translated) is not None:
        return None
    try:
        return re.compile(translated, re.ASCII)
    except re.error:
        return None


_PLAIN_FLAGS = regex.compile("").flags


def ascii_around(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` and the characters either side of it are ASCII: then an
    :func:`ascii_twin` finds what its pattern finds there."""
    return text[max(start - 1, 0):end + 1].isascii()


class LiteralSearch:
    """One Aho-Corasick automaton for the literal strings of several :class:`LiteralIndex`
    objects: a report read by several anchored scans is searched once for all of them (one
    pass with 140 strings takes ~45 µs over a 2 KB report, three passes ~70)."""

    def __init__(self) -> None:
        self._members: list[list[str]] = []
        self._automaton: ahocorasick.Automaton | None = None
        self._last: tuple[str, list[list[tuple[int, int]]]] = ("", [])
        """The last text searched and each member's occurrences as sorted (start, end)
        pairs: a report is read region by region (headline, paragraphs), so one pass serves
        them all."""

    def add(self, strings: Iterable[str]) -> int:
        """Add a member's strings; its number."""
        self._members.append(list(strings))
        self._automaton = None
        self._last = ("", [])
        return len(self._members) - 1

    def occurrences(self, text: str, member: int) -> list[tuple[int, int]]:
        """The sorted (start, end) pairs where a string of ``member`` occurs in ``text``."""
        last = self._last
        if last[0] is not text:
            automaton = self._automaton or self._build()
            found: list[list[tuple[int, int]]] = [[] for _ in self._members]
            if len(automaton):
                for stop, (length, owners) in automaton.iter(text):
                    for owner in owners:
                        found[owner].append((stop - length + 1, stop + 1))
            last = self._last = (text, [sorted(pairs) for pairs in found])
        return last[1][member]

    def prepare(self) -> None:
        """Build the automaton now (it is otherwise built on the first search): before
        forking workers, so that they share it. Add every member first."""
        if self._automaton is None:
            self._build()

    def _build(self) -> ahocorasick.Automaton:
        owners: dict[str, list[int]] = {}
        for member, strings in enumerate(self._members):
            for string in dict.fromkeys(strings):  # once each: occurrences need no dedup
                owners.setdefault(string, []).append(member)
        automaton = ahocorasick.Automaton()
        # The automaton finds a node's next character by a linear search of its children,
        # in the order they were added: at the root, which it is back at for most
        # characters, common letters are found sooner if added first (~8 % of the pass).
        for string in sorted(owners, key=_by_first_letter):
            automaton.add_word(string, (len(string), tuple(owners[string])))
        if len(automaton):
            automaton.make_automaton()
        self._automaton = automaton
        return automaton


_LETTERS_BY_FREQUENCY = "etaoinsrhldcumfpgwybvkjxqzSTAIMCDRBHPNLGEFWJKOUVYQXZ"
"""Letters by how often they occur in English news text, about."""


def _by_first_letter(string: str) -> int:
    position = _LETTERS_BY_FREQUENCY.find(string[:1])
    return position if position >= 0 else len(_LETTERS_BY_FREQUENCY)


class LiteralIndex:
    """Where any of some literal strings occurs, found in one pass of an Aho-Corasick
    automaton: a ``re`` alternation of the same strings tries each of them at every
    character (~200 µs over a 2 KB report for 80 strings; the automaton takes ~10).
    Indexes given the same ``search`` share its automaton (see :class:`LiteralSearch`)."""

    def __init__(self, strings: Iterable[str], search: LiteralSearch | None = None) -> None:
        strings = list(strings)
        self._empty = not strings
        self._search = search or LiteralSearch()
        self._member = self._search.add(strings)

    def starts(self, text: str, start: int, end: int) -> list[int]:
        """The sorted start offsets of the occurrences lying wholly in ``text[start:end]``."""
        if self._empty or start >= end:
            return []
        occurrences = self._search.occurrences(text, self._member)
        # Only the occurrences starting in the stretch are sliced: a long document is read
        # in thousands of stretches, and a slice to the end of the list would be quadratic.
        low = bisect.bisect_left(occurrences, (start, 0))
        found: list[int] = []
        for first, stop in occurrences[low:bisect.bisect_left(occurrences, (end, 0), low)]:
            if stop <= end and (not found or found[-1] != first):
                found.append(first)
        return found


class AnchorScan:
    """``pattern.finditer(text, start, end)``, with the same matches, for a pattern each of
    whose matches starts with its *anchor* (a pattern source of plain ``re`` syntax): the
    pattern is tried only where one of the anchor's literal prefixes occurs, in order.
    ``enabled=False`` (or an anchor with no literal prefixes) keeps the plain scan; scans
    given the same ``search`` look for their anchors in one pass. What the scan derives from
    its patterns is made on first use (a few ms at import for the entity scans)."""

    def __init__(self, pattern: regex.Pattern[str] | str, anchor_source: str, *,
                 enabled: bool = True, search: LiteralSearch | None = None) -> None:
        if isinstance(pattern, str):
            self._source = pattern  # compiled on first use
        else:
            self.pattern = pattern
        self._anchor_source = anchor_source
        self._enabled = enabled
        self._search = search or LiteralSearch()

    @functools.cached_property
    def pattern(self) -> regex.Pattern[str]:
        """The pattern, compiled from the source given (when not given compiled)."""
        return regex.compile(self._source)

    @functools.cached_property
    def anchors(self) -> LiteralIndex | None:
        """Where the anchor's literal prefixes occur; ``None`` for the plain scan."""
        # Longer prefixes mean fewer false anchors ("Commander", not "command"), and so fewer
        # tries; past ten characters they hardly differ.
        prefixes = literal_prefixes(self._anchor_source, length=10) if self._enabled else None
        return LiteralIndex(prefixes, self._search) if prefixes else None

    @functools.cached_property
    def _ascii(self) -> re.Pattern[str] | None:
        return ascii_twin(self.pattern)

    def prepare(self) -> None:
        """Make now what is otherwise made on first use (before forking workers, so that they
        share it; ~10 ms a scan). Then prepare the shared ``search``: this adds to it."""
        self.pattern, self.anchors, self._ascii  # noqa: B018  (cached properties)

    def _match_at(self, ascii: bool) -> Callable[[str, int, int], Match | None]:
        """The pattern's ``match``, or its :func:`ascii_twin`'s where the text allows
        (``ascii``: whether :func:`ascii_around` holds)."""
        return self._ascii.match if ascii and self._ascii is not None else self.pattern.match

    def finditer(self, text: str, start: int, end: int, ascii: bool | None = None
                 ) -> list[Match]:
        """The matches of ``pattern.finditer(text, start, end)``, as a list (most stretches
        hold no anchor: a plain call returns at once, where a generator would cost its set-up);
        ``ascii`` says whether :func:`ascii_around` holds there, if the caller knows."""
        if self.anchors is None:
            return list(self.pattern.finditer(text, start, end))
        anchors = self.anchors.starts(text, start, end)
        if not anchors:
            return []
        if ascii is None:
            ascii = ascii_around(text, start, end)
        match_at = self._match_at(ascii)
        found: list[Match] = []
        pos = start
        for at in anchors:
            if at < pos:
                continue
            for candidate in self._tries(text, pos, at, ascii):
                match = match_at(text, candidate, end)
                if match is not None:
                    found.append(match)
                    pos = match.end() if match.end() > candidate else candidate + 1
                    break
            else:
                pos = at + 1
            if pos >= end:
                break
        return found

    def _tries(self, text: str, pos: int, at: int, ascii: bool) -> Iterable[int]:
        """Where, from ``pos`` on, a match involving the anchor at ``at`` may start
        (``ascii``: whether the text from ``pos`` to ``at`` is)."""
        return (at,)


class RunAnchorScan(AnchorScan):
    """``pattern.finditer(text, start, end)``, with the same matches, for a pattern each of
    whose matches contains a match of its *anchor* (as for :class:`AnchorScan`, and matched
    there by the anchor pattern) with only characters of the class ``run`` before it, ending
    in a match of ``before``; and starts with a character of the class ``head`` (all in
    ``regex`` syntax). The pattern is tried only at the ``head`` characters of the run of
    ``run`` characters that ends at an occurrence of an anchor's literal prefix where the
    anchor and ``before`` match: a match starting anywhere else would hold a character
    outside the run.

    Why the first match found is the leftmost one: a match starting at ``m`` whose anchor
    is at ``k`` lies in the run ending at ``k``; any earlier anchor occurrence inside it has
    ``m`` in its own run too, so ``m`` is tried before any later start."""

    def __init__(self, pattern: regex.Pattern[str] | str, anchor_source: str, *, run: str,
                 head: str, before: str, enabled: bool = True,
                 search: LiteralSearch | None = None) -> None:
        super().__init__(pattern, anchor_source, enabled=enabled, search=search)
        self._run, self._head, self._before_source = run, head, before

    @functools.cached_property
    def _anchor(self) -> regex.Pattern[str]:
        return regex.compile(self._anchor_source)

    @functools.cached_property
    def _before(self) -> regex.Pattern[str]:
        """Matched backwards from an anchor: what must stand right before it."""
        return regex.compile(f"(?r)(?:{self._before_source})")

    @functools.cached_property
    def _run_back(self) -> regex.Pattern[str]:
        """Matched backwards from an anchor: where the run before it starts."""
        return regex.compile(f"(?r){self._run}*")

    @functools.cached_property
    def _heads(self) -> regex.Pattern[str]:
        return regex.compile(self._head)

    def prepare(self) -> None:
        super().prepare()
        self._anchor, self._before, self._run_back, self._heads  # noqa: B018

    def finditer(self, text: str, start: int, end: int, ascii: bool | None = None
                 ) -> list[Match]:
        if self.anchors is None:
            return list(self.pattern.finditer(text, start, end))
        anchors = self.anchors.starts(text, start, end)
        if not anchors:
            return []
        match_at = self._match_at(ascii_around(text, start, end) if ascii is None else ascii)
        found: list[Match] = []
        pos = start
        tried = start  # starts before this one failed (a start's match does not depend on pos)
        for at in anchors:
            if (at < pos or self._anchor.match(text, at, end) is None
                    or self._before.match(text, pos, at) is None):
                continue
            run = self._run_back.match(text, pos, at)
            first = max(run.start() if run is not None else at, tried)
            for head in self._heads.finditer(text, first, at + 1):
                match = match_at(text, head.start(), end)
                if match is not None:
                    found.append(match)
                    pos = tried = max(match.end(), head.start() + 1)
                    break
                tried = head.start() + 1
        return found


_AFFIX_CHARACTERS = ascii_letters + ".'"
"""The ASCII characters of an affix word as :meth:`AffixedAnchorScan._tries` walks it."""


class AffixedAnchorScan(AnchorScan):
    """An :class:`AnchorScan` for a pattern whose matches start either with its anchor or
    with one affix word (a capital letter, then letters, dots, an apostrophe, then white
    space) right before it: the pattern is also tried at the capital letters of the stretch
    between the start of the word before the anchor and the anchor."""

    def _tries(self, text: str, pos: int, at: int, ascii: bool) -> Iterable[int]:
        if ascii:  # the same walk back by str.rstrip, and no capital in most words before
            before = text[pos:at].rstrip()
            first = pos + len(before.rstrip(_AFFIX_CHARACTERS))
            if first == at or before[first - pos:].islower():
                return (at,)
            if text[first].isupper() and text[first + 1:at].islower():
                return (first, at)  # one capital opening the word ("Russian Foreign …")
            return [candidate for candidate in range(first, at + 1)
                    if candidate == at or text[candidate].isupper()]
        first = at  # back over white space, then over one affix word
        while first > pos and (text[first - 1].isspace() or not text[first - 1].isascii()):
            first -= 1
        while first > pos and (text[first - 1].isalpha() or text[first - 1] in ".'"
                               or not text[first - 1].isascii()):
            first -= 1
        return [candidate for candidate in range(first, at + 1)
                if candidate == at or not text[candidate].isascii()
                or text[candidate].isupper()]


def top_level_alternation(source: str) -> bool:
    """Whether ``source`` has a ``|`` outside every group and character class."""
    depth = 0
    in_class = False
    index = 0
    while index < len(source):
        character = source[index]
        if character == "\\":
            index += 2
            continue
        if in_class:
            in_class = character != "]"
        elif character == "[":
            in_class = True
            if source[index + 1:index + 2] == "]":
                index += 1
        elif character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
            if depth < 0:
                return True
        elif character == "|" and depth == 0:
            return True
        index += 1
    return depth != 0


AFFIX_WORD = r"(?:(?P<affiliation>\p{Lu}[\p{L}.]+)(?:'s)?\s+)"
"""The one affix word :class:`AffixedAnchorScan` walks back over."""


def affixed_shape(source: str, affix: str, head: str, tail: str) -> bool:
    """Whether ``source`` reads ``(?:`` affix ``?`` head *middle* tail, with ``affix`` the
    :data:`AFFIX_WORD` and no ``|`` of *middle* outside its groups: then every match starts
    at ``head`` or at the affix word before it, or at the start of ``tail``'s alternative."""
    opening = f"(?:{affix}?{head}"
    if affix != AFFIX_WORD or not source.startswith(opening) or not source.endswith(tail):
        return False
    middle = source[len(opening):len(source) - len(tail)]
    return len(opening) + len(tail) <= len(source) and not top_level_alternation(middle)
