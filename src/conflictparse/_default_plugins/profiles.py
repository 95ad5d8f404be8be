"""The profile plugin: turns every registered :class:`OutletProfile` into behaviour.

It implements the per-report hooks for all outlets from their profiles' patterns, and
answers last (``trylast``) so a plugin that implements a hook itself takes precedence.
Patterns from profiles run with a timeout (``PATTERN_TIMEOUT`` seconds per call); a pattern
that takes longer raises ``TimeoutError``, which the Parser reports as a diagnostic naming the
plugin instead of hanging.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Mapping
from types import TracebackType

import attrs
import regex

from conflictparse._document import Document
from conflictparse._errors import PartialResult
from conflictparse._header import Header, HeaderPatterns, compile_header_patterns, read_header
from conflictparse._outlets import PATTERN_TIMEOUT, AttributionPhrase, OutletProfile, ProfileVariant
from conflictparse._prefilters import (
    LineStarts,
    alternatives,
    any_of,
    caseless_view,
    holds_one,
    required_literals,
)
from conflictparse._provenance import (
    ProvenancePatterns,
    compile_provenance_patterns,
    read_provenance,
)
from conflictparse._types import Provenance
from conflictparse.hookspecs import hookimpl

from .generic import COMMON_BOILERPLATE, GENERIC_ID

_HEADER_CHARS = 3000
"""Markers marked ``header_only`` and variant detectors look this far into the text."""


class _patterns_of:
    """Name the outlet whose pattern timed out (the diagnostic would name only this plugin).
    (A class: a ``contextlib.contextmanager`` costs ~1.5 µs a use, and a parse has six.)"""

    __slots__ = ("outlet",)

    def __init__(self, outlet: str) -> None:
        self.outlet = outlet

    def __enter__(self) -> None:
        pass

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if isinstance(error, TimeoutError):
            raise TimeoutError(f"a pattern of outlet {self.outlet!r} timed out: {error}"
                               ) from error


def _line_only(pattern: str) -> bool:
    """Whether a boilerplate pattern may only remove whole lines (``^…``, or a counter)."""
    return pattern.removeprefix("(?i)").startswith(("^", r"\d"))


def _unanchored(pattern: str) -> str:
    """A line pattern without its ``^``: lines are matched from their first character."""
    flags = "(?i)" if pattern.startswith("(?i)") else ""
    body = pattern.removeprefix("(?i)")
    return flags + body.removeprefix("^")


def _line_pattern(pattern: str) -> str:
    """The whole-line form of a boilerplate pattern, with its flags leading (for ``any_of``)."""
    unanchored = _unanchored(pattern)
    flags = "(?i)" if unanchored.startswith("(?i)") else ""
    return rf"{flags}(?:{unanchored.removeprefix(flags)})\s*"


_CONTEXT = regex.compile(
    r"[\^$]|\\[AZzbBGmMKX]|\(\?(?:[=!<>|(]|[a-zA-Z-]*[fwVr])|[*+?}]\+|\{[a-z]")
"""Syntax whose match may depend on the text around a line (anchors, word boundaries,
lookarounds, graphemes, some flags), or that may stop matching with more text
(possessive, atomic, fuzzy)."""


def _context_free(pattern: str) -> bool:
    """Whether a match of ``pattern`` inside a line is also one in the whole text, so a
    text where it is nowhere has it in no line. (Errs on the safe side.)"""
    return _CONTEXT.search(pattern.removeprefix("(?i)")) is None


def _whole_line(compiled: _Compiled, text: str, start: int, end: int) -> bool:
    """Whether a line pattern matches all of ``text[start:end]``: their alternation says
    in one call; on a timeout, the patterns one by one (each with its own). Most lines are
    ruled out by their first character alone."""
    if compiled.line_starts is not None and not compiled.line_starts.admit(text, start, end):
        return False
    if compiled.any_line is not None:
        try:
            return compiled.any_line.fullmatch(text, start, end,
                                               timeout=PATTERN_TIMEOUT) is not None
        except TimeoutError:
            pass
    return any(pattern.fullmatch(text, start, end, timeout=PATTERN_TIMEOUT)
               for pattern in compiled.boilerplate_lines)


def _in_text(pattern: regex.Pattern[str], context_free: bool, text: str) -> bool:
    """Whether an inline pattern may match in a line of ``text``."""
    if not context_free:
        return True
    try:
        return pattern.search(text, timeout=PATTERN_TIMEOUT) is not None
    except TimeoutError:
        return True  # the lines one by one will tell


_Gate = tuple[tuple[frozenset[str], ...], bool]
"""Sets of literals, and whether they are caseless (then in lower case), such that a text
missing all the literals of one set has no match of the pattern (``required_literals``)."""

_Gated = tuple[tuple[regex.Pattern[str], _Gate | None], ...]
"""The ``alternatives`` of a pattern, compiled, each with its gate if it has one."""


def _split(pattern: str) -> _Gated:
    return tuple((regex.compile(part), _gate(part)) for part in alternatives(pattern))


def _gate(pattern: str) -> _Gate | None:
    """The (at most three) most telling sets of ``required_literals``, in lower case if
    they are caseless: looking for more would cost more than it saves."""
    required = required_literals(pattern)
    if required is None:
        return None
    sets, caseless = required
    if caseless:
        sets = tuple(frozenset(literal.lower() for literal in s) for s in sets)
    return sets[:3], caseless


def _gates(pattern: str) -> tuple[_Gate | None, tuple[str, ...]]:
    """The ``_gate`` of an inline pattern, and the literals of its most telling set if
    they are case-sensitive (a line with a match holds one)."""
    gate = _gate(pattern)
    if gate is None or gate[1]:
        return gate, ()
    return gate, tuple(sorted(gate[0][0]))


class _Literals:
    """Which literals one text holds, each looked for once (``in``, ~1 µs over a report,
    where a pattern search with its timeout takes ~3)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lower: str | None = None
        self._held: dict[str, bool] = {}
        self._held_lower: dict[str, bool] = {}
        """Whether the text (its lower case) holds a literal: one dict each, so that a
        lookup needs no key tuple (detection asks ~25 gates a report)."""

    def _lowered(self) -> str:
        """The text in lower case, or "" (every caseless gate opens) if it cannot be told."""
        self._lower = caseless_view(self.text) or ""
        return self._lower

    def admit(self, gate: _Gate | None) -> bool:
        """Whether a pattern with ``gate`` may match in the text."""
        if gate is None:
            return True
        required, caseless = gate
        if caseless:
            text = self._lower if self._lower is not None else self._lowered()
            if not text:
                return True
            held = self._held_lower
        else:
            text, held = self.text, self._held
        for literals in required:
            for literal in literals:
                found = held.get(literal)
                if found is None:
                    found = held[literal] = literal in text
                if found:
                    break
            else:
                return False
        return True


def _found(patterns: _Gated, text: str, literals: _Literals) -> bool:
    """Whether one of ``patterns`` (the ``alternatives`` of one pattern) is in ``text``;
    an alternative whose gate ``literals`` (of the whole text) close is not searched.
    They share the one pattern's time budget: a pattern of many alternatives that each
    backtrack must not take many times ``PATTERN_TIMEOUT``."""
    if len(patterns) == 1:  # most
        pattern, gate = patterns[0]
        return (literals.admit(gate)
                and pattern.search(text, timeout=PATTERN_TIMEOUT) is not None)
    deadline = time.monotonic() + PATTERN_TIMEOUT
    for pattern, gate in patterns:
        if not literals.admit(gate):
            continue
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("regex timed out")
        if pattern.search(text, timeout=left) is not None:
            return True
    return False


def _patterns_to_check(profile: OutletProfile) -> Iterable[str]:
    """The patterns of ``profile`` (and its variants) that ``_compile`` uses, as written."""
    yield from (*profile.boilerplate, *profile.headline_prefixes, *profile.translation_prefixes,
                *profile.datelines, *profile.headline_suffixes, *profile.translator_notes,
                *profile.disclaimers)
    for variant in profile.variants:
        yield from (variant.detect, *variant.boilerplate, *variant.headline_prefixes,
                    *variant.datelines)


def _cache_key(profile: OutletProfile, variant: ProfileVariant | None) -> tuple[str, str]:
    return profile.id, variant.name if variant else ""


_Markers = tuple[tuple[_Gated, float, bool, float, float], ...]
"""Each marker's pattern as its ``alternatives`` (only whether it is found counts), its
weight, whether it is looked for in the header only, and the scores above and below which
the markers from it on cannot change the outlet's capped score (``_settled``)."""

_MARGIN = 1e-9
"""Rounding room: a score is settled only if the weights left cannot move it by a hair."""


def _markers(profile: OutletProfile) -> _Markers:
    weights = [marker.weight for marker in profile.markers]
    return tuple((_split(marker.pattern), marker.weight, marker.header_only,
                  *_settled(sum(w for w in weights[k:] if w < 0),
                            sum(w for w in weights[k:] if w > 0)))
                 for k, marker in enumerate(profile.markers))


def _settled(losses_left: float, gains_left: float) -> tuple[float, float]:
    """Above which score and below which the markers left cannot change the outlet's
    score, which is capped to 0–1: it stays at least 1 if they all subtract, or at most 0
    if they all add. (Bounds compared with, not a function called per marker.)"""
    return 1.0 + _MARGIN - losses_left, -_MARGIN - gains_left


@attrs.frozen(kw_only=True)
class _Compiled:
    boilerplate_lines: tuple[regex.Pattern[str], ...]
    boilerplate_inline: tuple[tuple[regex.Pattern[str], bool, _Gate | None, tuple[str, ...]], ...]
    """Each with whether it is ``_context_free`` (then looked for in the whole text first),
    its gate (a text missing its literals has no match in any line), and case-sensitive
    literals one of which a line holds if it has a match (or none to look for)."""
    any_line: regex.Pattern[str] | None
    """``any_of`` the line patterns: most lines are no boilerplate. (Inline patterns mostly
    start with a literal, which ``regex`` finds fast; their alternation would not.)"""
    line_starts: LineStarts | None
    """Which lines may start a line pattern's match, by their first character."""
    header: HeaderPatterns
    provenance: ProvenancePatterns


class ProfilePlugin:
    """Implements the per-report hooks from outlet profiles (see the module docstring)."""

    def __init__(self, profiles: Mapping[str, OutletProfile], today: dt.date) -> None:
        self.profiles = profiles
        self.today = today
        self._markers: dict[str, _Markers] = {}
        self._compiled: dict[tuple[str, str], _Compiled] = {}
        self._detectors: dict[str, tuple[tuple[ProfileVariant, _Gated], ...]] = {}
        self._last: tuple[str, dict[str, _Compiled], _Literals] = ("", {}, _Literals(""))
        """The text last seen and its patterns per outlet: every hook of a parse asks again
        for the same text. One tuple, replaced whole, so threads never mix two texts."""

    def _current(self, text: str) -> tuple[str, dict[str, _Compiled], _Literals]:
        last = self._last
        if last[0] is not text:
            last = self._last = (text, {}, _Literals(text))
        return last

    def _effective(self, outlet: str, text: str) -> _Compiled:
        per_outlet = self._current(text)[1]
        compiled = per_outlet.get(outlet)
        if compiled is None:
            compiled = per_outlet[outlet] = self._for_variant(outlet, text)
        return compiled

    def _literals(self, text: str) -> _Literals:
        """The literals of ``text`` looked for so far."""
        return self._current(text)[2]

    def _for_variant(self, outlet: str, text: str) -> _Compiled:
        profile = self.profiles[outlet]
        head = text[:_HEADER_CHARS]
        literals = self._literals(text)
        variant = next((v for v, detect in self.detectors(profile)
                        if _found(detect, head, literals)), None)
        return self.compiled(profile, variant)

    def detectors(self, profile: OutletProfile) -> tuple[tuple[ProfileVariant, _Gated], ...]:
        """Each variant of ``profile`` with its ``detect`` pattern's alternatives, compiled
        once."""
        detectors = self._detectors.get(profile.id)
        if detectors is None:
            detectors = self._detectors[profile.id] = tuple(
                (v, _split(v.detect)) for v in profile.variants)
        return detectors

    def compiled(self, profile: OutletProfile, variant: ProfileVariant | None) -> _Compiled:
        """The patterns of ``profile`` (with ``variant``'s), compiled once."""
        key = _cache_key(profile, variant)
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = self._compile(profile, variant)
        return compiled

    def prepare(self, profile: OutletProfile) -> None:
        """Compile the markers of ``profile`` (detection looks for every outlet's) and check
        that each of its other patterns compiles, raising on the first that does not (the
        Parser calls it at registration). The rest is compiled when a report of the outlet is
        first read: a parser loads fast and compiles only the outlets it meets. (What is
        compiled then combines patterns checked here, or escaped names, so it compiles too.)"""
        for pattern in _patterns_to_check(profile):
            regex.compile(pattern)
            if "#" in pattern or r"\Q" in pattern:
                # A comment or quote running to the end would swallow the ")" of the group
                # a pattern is wrapped in: "(?x)a # note" compiles alone, not so.
                regex.compile(f"(?:{pattern})")
        self._markers[profile.id] = _markers(profile)

    def _compile(self, profile: OutletProfile, variant: object) -> _Compiled:
        extra_prefixes: tuple[str, ...] = getattr(variant, "headline_prefixes", ())
        extra_datelines: tuple[str, ...] = getattr(variant, "datelines", ())
        extra_boilerplate: tuple[str, ...] = getattr(variant, "boilerplate", ())
        boilerplate = (*extra_boilerplate, *profile.boilerplate)
        if profile.id != GENERIC_ID:
            boilerplate += COMMON_BOILERPLATE
        inline = tuple(p for p in boilerplate if not _line_only(p))
        lines = tuple(_line_pattern(p) for p in boilerplate)
        return _Compiled(
            boilerplate_lines=tuple(regex.compile(rf"(?:{_unanchored(p)})\s*") for p in boilerplate),
            boilerplate_inline=tuple((regex.compile(p), _context_free(p), *_gates(p))
                                     for p in inline),
            any_line=any_of(lines),
            line_starts=LineStarts.of(lines),
            header=compile_header_patterns((*extra_prefixes, *profile.headline_prefixes),
                                           profile.translation_prefixes,
                                           (*extra_datelines, *profile.datelines),
                                           profile.headline_suffixes),
            provenance=compile_provenance_patterns(profile.translator_notes, profile.disclaimers,
                                                   profile.translated_outlets),
        )

    @hookimpl(trylast=True)
    def detect_outlet(self, text: str) -> Iterable[tuple[str, float]]:
        head = text[:_HEADER_CHARS]
        scores = []
        problems = []
        literals = self._literals(text)
        for outlet, profile in self.profiles.items():
            if not profile.markers:
                continue
            try:
                with _patterns_of(outlet):
                    score = 0.0
                    for patterns, weight, header_only, above, below in self._markers[outlet]:
                        if score > above or score < below:
                            break  # settled: most reports name their outlet in a few markers
                        if _found(patterns, head if header_only else text, literals):
                            score += weight
            except TimeoutError as error:  # that outlet only: the others are still scored
                problems.append(str(error))
                continue
            scores.append((outlet, max(0.0, min(score, 1.0))))
        if problems:
            raise PartialResult(scores, "; ".join(problems))
        return scores

    @hookimpl(trylast=True)
    def find_boilerplate(self, document: Document, outlet: str) -> list[tuple[int, int]]:
        with _patterns_of(outlet):
            return self._boilerplate(document, outlet)

    def _boilerplate(self, document: Document, outlet: str) -> list[tuple[int, int]]:
        compiled = self._effective(outlet, document.folded)
        text = document.folded
        found: list[tuple[int, int]] = []
        literals = self._literals(text)
        inline = [(pattern, in_line) for pattern, context_free, gate, in_line
                  in compiled.boilerplate_inline
                  if literals.admit(gate) and _in_text(pattern, context_free, text)]
        for line in document.lines:
            if _whole_line(compiled, text, line.start, line.end):
                found.append((line.start, line.end))
            else:
                for pattern, in_line in inline:
                    if in_line and not holds_one(text, in_line, line.start, line.end):
                        continue  # (a find costs a fraction of a search)
                    for match in pattern.finditer(text, line.start, line.end,
                                                  timeout=PATTERN_TIMEOUT):
                        if match.end() > match.start():
                            found.append(match.span())
        return found

    @hookimpl(trylast=True)
    def read_header(self, document: Document, outlet: str,
                    boilerplate: tuple[tuple[int, int], ...]) -> Header:
        with _patterns_of(outlet):
            compiled = self._effective(outlet, document.folded)
            return read_header(document, compiled.header, boilerplate, self.today)

    @hookimpl(trylast=True)
    def read_provenance(self, document: Document, outlet: str, header: Header) -> Provenance:
        standfirst = None
        if header.standfirst is not None:
            standfirst = (document.folded_offset(header.standfirst.start),
                          document.folded_offset(header.standfirst.end))
        with _patterns_of(outlet):
            compiled = self._effective(outlet, document.folded)
            return read_provenance(document, compiled.provenance, standfirst)

    @hookimpl(trylast=True)
    def attribution_phrases(self, outlet: str) -> tuple[AttributionPhrase, ...]:
        return self.profiles[outlet].attribution
