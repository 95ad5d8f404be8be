"""The attribution grammar: who says what.

Each sentence of the body is read by a small set of rules, in this order; a stretch claimed
by one rule is not read again by a later one (so "told" inside already-attributed content
does not start a second claim):

``colon_lead``        ``DEBKAfile reports: …`` — an outlet phrase opening a sentence with a colon.
``document``          ``a statement said to have been issued by … saying that …``
``quoted_as_saying``  ``SANA quoted the deputy minister, Ghassan Ouda, as saying that …``
``quote_after``       ``"…," he stressed`` / ``"…," said the minister``
``quote_before``      ``X said: "…"`` / ``X told Cham FM radio, which is loyal to the regime, "…"``
``according_to``      ``According to X, …`` / ``…, according to X.``
``inverted``          ``…, writes Brocar Press.``
``parenthetical``     ``…which, DEBKAfile reveals, will be led…`` (the whole sentence is content)
``cue``               ``X said/told/revealed/disclosed/added/informed/reported (that) …``, with
                      ``said in a statement carried by SANA that …`` and the trailing form
                      ``…, our military sources report.``
``credit``            ``…in response to alleged violations, Shaam Network.`` (outlets only)

A source is classified by what it is: an actor the entity pass found (a named person, or an
organisation), an outlet name, an anonymous-source phrase (``Sources, who asked not to be
named``), a document, an anaphor (``The same sources``, ``The source``) or a pronoun
(``he``), the last two linked to the earlier source they refer to. Cue verbs, hedges and
source nouns are data below; outlet plugins add phrases and cues through their profiles.
Precision matters more than recall: when no rule can name the speaker, no claim is made.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Mapping, Sequence

import ahocorasick
import attrs
import regex

from ._document import Document
from ._outlets import PATTERN_TIMEOUT, AttributionPhrase
from ._prefilters import required_literals
from ._types import Actor, Claim, SourceKind, fast_constructor, new_claim, new_source

CUES = (
    "said", "says", "say", "told", "tells", "tell", "revealed", "reveals", "reveal", "disclosed",
    "discloses", "disclose", "added", "adds", "add", "informed", "informs", "reported", "reports",
    "report", "stressed", "stresses", "stress", "confirmed", "confirms", "confirm", "stated",
    "states", "announced", "announces", "indicated", "indicates", "indicate", "noted", "notes",
    "note", "claimed", "claims", "claim", "warned", "warns", "explained", "explains", "affirmed",
    "affirms", "asserted", "asserts", "pointed out", "points out", "point out", "emphasized",
    "emphasised", "emphasizes", "emphasises", "insisted", "insists", "alleged", "alleges",
    "acknowledged", "admitted", "learned", "has learned", "learns", "writes", "wrote",
    "estimate", "estimates", "believe", "believes", "assessed", "assess", "assesses",
    "maintained", "maintains", "mentioned", "clarified", "declared", "announced", "quoted",
    "predicted", "predict", "expect", "expects", "understand", "understands",
)
"""Verbs that attribute speech or knowledge."""
ADDRESSEE_CUES = frozenset({"told", "tells", "tell", "informed", "informs", "quoted"})
SPEECH_CUES = frozenset({
    "said", "says", "say", "added", "adds", "add", "stressed", "stresses", "stress", "noted",
    "notes", "note", "warned", "warns", "explained", "explains", "insisted", "insists",
    "claimed", "claims", "claim", "believe", "believes", "estimate", "estimates", "affirmed",
    "asserted", "asserts", "emphasized", "emphasised", "maintained", "maintains", "writes",
    "wrote", "expect", "expects", "predicted", "predict",
})
"""Cues whose content may follow without "that" ("he said the attack failed"); the others
("revealed", "confirmed", "reported") take an object otherwise ("revealed photographs")."""
"""Cues that take an addressee before the content ("told Alsouria Net that …")."""
HEDGES = (
    "said to have been", "said to have", "said to be", "reportedly", "allegedly", "purportedly",
    "apparently", "unconfirmed", "supposedly", "rumoured", "rumored", "is believed to",
)
ORGANISATION_NOUNS = (
    "ministry", "command", "army", "government", "presidency", "council", "agency", "committee",
    "brigade", "regiment", "division", "front", "movement", "group", "faction", "militia", "party",
    "newspaper", "paper", "website", "channel", "TV", "radio", "office", "center", "centre",
    "corps", "forces", "authorities", "administration", "department", "directorate", "embassy",
    "coalition", "alliance", "observatory", "network", "spokesman", "spokeswoman",
    "spokesperson", "intelligence", "police", "military",
)
"""Heads of noun phrases that name a body speaking as one ("the Russian Defense Ministry")."""
SOURCE_NOUNS = (
    "sources", "source", "officials", "official", "activists", "activist", "eyewitnesses",
    "eyewitness", "witnesses", "witness", "residents", "observers", "analysts", "diplomats",
    "insiders", "circles", "informants", "correspondents", "correspondent", "reports",
    "officer", "officers", "commanders", "commander",
)
DOCUMENT_NOUNS = (
    "statement", "report", "leaflet", "document", "communique", "communiqué", "announcement",
    "letter", "memo", "memorandum", "decree", "circular", "declaration", "recording", "video",
    "message", "notice", "bulletin",
)


def _alternation(words: Iterable[str], *, ignore_case: bool = False) -> str:
    """``words`` as one regex alternation, their order kept, with the words that start with
    the same letter grouped behind it (``s(?:aid|ays|ay)``).

    The ``regex`` module tries each alternative at each position; grouped, a position is
    ruled out by one letter instead of one attempt per word. Only alternatives of the same
    group can match at one position (an ASCII letter or digit matches only itself, or its
    other case when ``ignore_case``), so which one matches first does not change. A space
    in a word matches any run of white space (a cue like "pointed out").
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        first = word[:1]
        if first.isascii() and first.isalnum():
            groups.setdefault(first.lower() if ignore_case else first, []).append(word[1:])
        else:
            groups.setdefault(word, [])  # kept whole, in its place
    return "(?:" + "|".join(
        f"{key}(?:{'|'.join(_literal(rest) for rest in rests)})" if rests else _literal(key)
        for key, rests in groups.items()) + ")"


def _literal(word: str) -> str:
    return regex.escape(word).replace(r"\ ", r"\s+")


# An automaton is always run over a slice (``iter(text[start:end])``), never with bounds:
# pyahocorasick's ``iter(text, start, end)`` copies the whole text on each call, which made
# reading one long document quadratic.
def _automaton(values: Mapping[str, object]) -> ahocorasick.Automaton:
    """An automaton finding the words of ``values`` (at least one) and giving their values."""
    automaton = ahocorasick.Automaton()
    for word, value in values.items():
        automaton.add_word(word, value)
    automaton.make_automaton()
    return automaton


def _words(words: Iterable[str]) -> ahocorasick.Automaton:
    """An automaton finding ``words`` and giving their lengths."""
    return _automaton({word: len(word) for word in words})


def _words_to(values: Mapping[str, int]) -> ahocorasick.Automaton | None:
    """An automaton giving each word's value (``None`` for no words)."""
    return _automaton(values) if values else None


def _occurs(words: ahocorasick.Automaton, text: str, start: int, end: int) -> bool:
    """Whether one of ``words`` lies in ``text[start:end]`` (a literal search is several
    times faster than a ``regex`` search for what holds one)."""
    return next(words.iter(text[start:end]), None) is not None


# Precompiled: the module-level regex functions look the pattern up in a cache each call.
_RELATION_WORD = regex.compile(r"\b(?:of|for|in|at|with|by|and|after|when)\b")
_PREPOSITION = regex.compile(r"\b(?:of|for|in|at|with)\b")
_THE_SAME = regex.compile(r"(?:[Tt]he\s+)(?:same\s+)?")


class _EndAnchored:
    """A pattern that must end where its window ends, searched only from where it can start.

    The pattern reads ``prefix head tail$``: the ``head`` a word alternation (letters only,
    then ``\\b``), the prefix at most ``prefix_words`` words each followed by white space.
    Searched from the window's start, the whole pattern was tried at every position (the
    costliest step of the grammar). But a match holds a head whose tail reaches the end, and
    the first such head found starts at or before the match's own (heads that overlap end at
    the same ``\\b``, so their tails are the same); so no match starts more than
    ``prefix_words`` runs of white space before it, and searching from there finds the same
    match.

    The patterns are compiled when first used: the four phrases' took ~11 ms of the package's
    import.
    """

    def __init__(self, prefix: str, head: str, tail: str, *, prefix_words: int,
                 pattern: str | None = None) -> None:
        """``pattern`` defaults to ``prefix head tail``, which it must read as."""
        self._sources = (f"{pattern or prefix + head + tail}$", f"{head}(?={tail}$)",
                         rf"(\s+)(?:\S+\s+){{{prefix_words}}}\S*", head if not tail else None)

    @functools.cached_property
    def pattern(self) -> regex.Pattern[str]:
        return regex.compile(self._sources[0])

    @functools.cached_property
    def head(self) -> regex.Pattern[str]:
        """The head followed by a tail that reaches the end (a lookahead): the first such head."""
        return regex.compile(self._sources[1])

    @functools.cached_property
    def prefix_start(self) -> regex.Pattern[str]:
        """Matched backwards from a head: ``prefix_words`` + 1 runs of white space before it
        (the words between them), the farthest run captured."""
        return regex.compile(self._sources[2], regex.REVERSE)

    @functools.cached_property
    def head_backwards(self) -> regex.Pattern[str] | None:
        """The head, matched backwards, when it must end the window itself (no tail)."""
        head = self._sources[3]
        return None if head is None else regex.compile(head, regex.REVERSE)

    def prepare(self) -> None:
        """Compile the patterns now rather than on first use."""
        _ = self.pattern, self.head, self.prefix_start, self.head_backwards  # cached properties

    def search(self, text: str, start: int, end: int,
               heads: Sequence[int] | None = None) -> regex.Match[str] | None:
        """The pattern's first match in ``text[start:end]``; ``heads``: where, in order, a head
        may start (``None``: anywhere)."""
        head = None
        if self.head_backwards is not None and not text.endswith("\n", start, end):
            # One attempt at the end instead of a scan ("$" may also match before a "\n").
            head = self.head_backwards.match(text, start, end)
        elif heads is None:
            head = self.head.search(text, start, end)
        else:  # the first that is one is what the search finds
            for at in heads:
                head = self.head.match(text, at, end)
                if head is not None:
                    break
        if head is None:
            return None
        prefix = self.prefix_start.match(text, start, head.start())
        if prefix is not None:  # else the window's start is near enough
            start = prefix.end(1)
        return self.pattern.search(text, start, end)


_ARTICLE = r"(?:[Tt]he|[Aa]n?)\s+"
_DETERMINER = r"(?:[Tt]he|[Aa]n?|[Oo]ur|[Tt]hese|[Tt]hose|[Ss]ome|[Ss]everal|[Tt]wo|[Tt]hree|[Mm]any|[Oo]ther|[Tt]heir|[Ii]ts)\s+"
_NOUNS = (r"(?i:" + _alternation(sorted(SOURCE_NOUNS, key=len, reverse=True), ignore_case=True)
          + r")\b")
_DOCS = r"(?:" + "|".join(sorted(DOCUMENT_NOUNS, key=len, reverse=True)) + r")\b"
_MODIFIER = r"(?:\p{Lu}[\p{L}\p{N}.-]*(?:'s)?|[a-z]+(?:-[a-z]+)*)"


@functools.cache
def _source_noun_phrase_end() -> regex.Pattern[str]:
    """A source phrase ending the text, compiled when first needed (few reports need it;
    ~1.6 ms of the import)."""
    return regex.compile(rf"(?:{_DETERMINER})?(?:{_MODIFIER}\s+){{0,3}}?{_NOUNS}$")


_ANONYMOUS_END = _EndAnchored(
    rf"(?:{_DETERMINER})?(?:{_MODIFIER}\s+){{0,4}}?", _NOUNS,
    r"(?:\s+(?:close\s+to|in|from|within|inside|at|familiar\s+with|of|for|with)\s+(?:the\s+)?"
    r"[\p{L}'-]+(?:\s+[\p{L}'-]+){0,7}?)?",
    prefix_words=5,
)
_ORGANISATION = _EndAnchored(
    r"(?:(?:[Tt]he|[Aa]n?|[Ii]ts)\s+)?(?:(?:\p{Lu}[\p{L}'.-]*|[a-z]+-[a-z]+|[a-z]+'s|pro-\w+|official|"
    r"military|state|local|regime|government|security|[A-Z]+)\s+){0,4}",
    r"(?i:" + _alternation(ORGANISATION_NOUNS, ignore_case=True) + r")\b",
    r"(?:\s+(?:of|for|in)\s+(?:the\s+)?\p{Lu}[\p{L}'-]*(?:\s+(?:\p{Lu}[\p{L}'-]*|for|of|and)){0,5})?"
    r"(?:\s+(?:at|in)\s+\p{Lu}[\p{L}'-]*)?",
    prefix_words=5,
)
_ANAPHOR = _EndAnchored(rf"(?:{_ARTICLE})?(?:same\s+)?", _NOUNS, "", prefix_words=2)
"""An anaphor ('The same sources') counts only when it opens with 'the' (:data:`_THE_SAME`)."""


@functools.cache
def _the_anaphor() -> regex.Pattern[str]:
    """:data:`_ANAPHOR` when it opens with 'the', tried where the last 'the' of a window
    opens (compiled when first needed)."""
    return regex.compile(rf"[Tt]he\s+(?:same\s+)?{_NOUNS}$")


_PRONOUN_TITLES = (
    "minister", "governor", "general", "colonel", "spokesman", "spokeswoman", "ambassador",
    "envoy", "commander", "president", "director", "official", "officer", "premier",
)
_PRONOUN = regex.compile(r"(?:he|she|He|She|(?:[Tt]he\s+)(?:" + "|".join(_PRONOUN_TITLES)
                         + r"))$")
"""Pronouns, and titles standing for the last person named ("the minister said")."""
_PRONOUN_ENDS = ("he", "He", *_PRONOUN_TITLES)
"""How a match of :data:`_PRONOUN` ends, looked at before it is tried."""
_DOCUMENT = rf"(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\p{{L}}'-]+\s+){{0,3}}?{_DOCS}"
_DOCUMENT_TAIL = (r"(?:\s+(?:issued|published|signed|released|sent|circulated|distributed)\s+"
                  r"(?:by|on|to)\s+[^,;:\"]{1,80}?)?")
_DOCUMENT_END = _EndAnchored("", _DOCS, _DOCUMENT_TAIL, prefix_words=4,
                             pattern=rf"(?P<document>{_DOCUMENT}){_DOCUMENT_TAIL}")

def compile_patterns() -> None:
    """Compile now the module's patterns otherwise made on first use (``Parser.preload``:
    before forking workers, so that they share them)."""
    for phrase in (_ANONYMOUS_END, _ORGANISATION, _ANAPHOR, _DOCUMENT_END):
        phrase.prepare()
    _source_noun_phrase_end()
    _the_anaphor()


_NAME_GUESS = regex.compile(
    r"(?!(?:The|A|An|This|That|These|Those|Our|Their|Its|His|Her)\b)\p{Lu}\p{Ll}+(?:\s+(?:(?:al|el|bin|abu|Abu|Al)[-\s])?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,2}$"
)
_TAIL_WORDS = (
    "has", "have", "had", "also", "further", "later", "earlier", "previously", "then",
    "recently", "officially", "publicly", "exclusively", "separately", "first", "repeatedly",
    *HEDGES,
)
"""What may stand between a source and its cue ("sources have also said")."""
_TAIL = regex.compile(r"(?:\s+(?:" + "|".join(_TAIL_WORDS) + r"))*\s*$")
_TAIL_LAST_WORDS = frozenset(words.rsplit(" ", 1)[-1] for words in _TAIL_WORDS)
_CREDIT = regex.compile(r',\s+(?P<source>\p{Lu}[^,;:"]{1,40}?)\.?\s*$')
_INSIDE_WORDS = ("from", "of", "by", "in", "at", "to", "with", "for", "on", "near", "inside",
                 "within", "close", "among", "against")
_INSIDE_PHRASE = regex.compile(r"\b(?:" + "|".join(_INSIDE_WORDS) + r")(?:\s+(?:the|a|an))?\s+$")
_INSIDE_ENDS = (*_INSIDE_WORDS, "the", "a", "an")
"""How the words before white space end where :data:`_INSIDE_PHRASE` matches."""
_LEADING_ADJECTIVES = regex.compile(
    r'[\s,]*(?:(?:"[^"]{1,40}"|(?!(?:the|a|an|news)\b)[a-z][a-z-]*)[\s,]+)*'
)
_TITLE_WORDS = regex.compile(r"(?:(?:[Tt]he\s+)?(?:\p{Lu}[\p{L}]*\.?\s*){1,4})")
_COORDINATED = regex.compile(r"\s(?:and|but)\s*$")
_APPOSITION = regex.compile(r",\s*(?:[^,;:\"]{1,100}),\s*$")
_CLAUSE_END = regex.compile(r"[,;:]\s|\s(?:but|while|although|whereas)\s")
_HEDGE = regex.compile(r"\b(?:" + "|".join(regex.escape(h) for h in HEDGES) + r")\b", regex.I)
_HEDGE_WORDS = _words(h.lower() for h in HEDGES)
"""The hedges in lower case: few texts hold one, so a pass over the lower-cased text tells
where ``_HEDGE`` need not be searched."""
_NOT_WORD_AS_SPACE = bytes(
    code if chr(code).isascii() and (chr(code).isalnum() or chr(code) == "_") else ord(" ")
    for code in range(256))
"""A ``bytes.translate`` table turning every character but an ASCII letter, digit or ``_``
(what ``\\w`` matches in ASCII) into a space."""


def _starts(words: ahocorasick.Automaton, lowered: str, start: int, end: int) -> list[int]:
    """Where, in order, one of ``words`` starts in ``lowered[start:end]``."""
    return sorted({start + stop - length + 1 for stop, length in words.iter(lowered[start:end])})


def _ascii_start(word: str) -> str:
    """``word`` up to its first non-ASCII character, which :func:`_lowered` turns into a
    ``?`` ("communiqué" is looked for as "communiqu")."""
    return next((word[:i] for i, char in enumerate(word) if not char.isascii()), word)


_SOURCE_NOUN_WORDS = _words(_ascii_start(n.lower()) for n in SOURCE_NOUNS)
_ORGANISATION_WORDS = _words(_ascii_start(n.lower()) for n in ORGANISATION_NOUNS)
_DOCUMENT_WORDS = _words(_ascii_start(n.lower()) for n in DOCUMENT_NOUNS)
"""Looked for in the lower-cased text: a window without one cannot end in such a phrase."""
_CASE_ODD = "\xdf\u0130\u0131\u017f\u212a\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"
"""The characters but ASCII letters that lower-case to ASCII, or match an ASCII letter when
case is ignored (``İ``, ``K``, ``ſ``), or upper-case to ASCII letters (``ß``, ``ﬀ``): in a text
without them, ``_HEDGE`` matches only where the lower-cased text holds a hedge as written."""
_INTRODUCED_QUOTE = regex.compile(r'[:,]\s*"')
"""What both quote-before rules need (``said: "…"``), a quick test before them."""
_QUOTED = regex.compile(r'"(?P<content>[^"\n]{3,}?)[,.!?]?"')
_WORDS = regex.compile(r"[\p{L}\p{N}]+")
_ADDRESSEE_THEN_CONTENT = regex.compile(r"\s+[^.;:\"]{1,100}?(?:\s+that\s+|\s*[:,]\s*(?=\"))")
_INTRODUCER = regex.compile(r"(?:that|:)\s*$")
_PRONOUN_OBJECT = regex.compile(r"(?:it|him|her|them|us|so|nothing|little|more|much)\b")
_FINITE_VERBS = ("was", "were", "is", "are", "had", "has", "have", "would", "will", "could",
                 "should", "might")
_FINITE_VERB = regex.compile(r"(?:" + "|".join(_FINITE_VERBS) + r")\b")
_CORRESPONDENT = regex.compile(r"\b(?:correspondents?|reporters?)\b")
_LEADING_ARTICLE = regex.compile(r"^(?:[Tt]he|[Aa]n?)\s+")
_OBJECT_THEN_COLON = regex.compile(r"\s+[^.;:\"]{1,40}:\s+")
_TRAILING_ADVERBS = ("exclusively", "also", "too", "further", "now", "today")
_TRAILING_END = regex.compile(r"(?:\s+(?:" + "|".join(_TRAILING_ADVERBS) + r"))?[\s.\"]*")
_WHITE_SPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
                "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
"""The characters isspace() holds (what \\s matches is among them)."""
_REGEX_WHITE_SPACE = "".join(char for char in _WHITE_SPACE if char not in "\x1c\x1d\x1e\x1f")
"""What \\s matches: isspace() also holds the four separators."""
_TAIL_CHARACTERS = _REGEX_WHITE_SPACE + "abcdefghijklmnopqrstuvwxyz"
"""What the tail words and the white space between them are made of (see :func:`_tail_bound`)."""
_NOT_TRAILING = _WHITE_SPACE + '."'
"""What a trailing cue may be followed by, but for one of :data:`_TRAILING_ADVERBS`."""
_TRAILING_ADDRESSEE = regex.compile(r"\s+(?:(?!\bthat\b)[^,;:\"]){1,60}?\s*\.?\s*")
_ADVERBIAL = (
    r"(?:\s+(?:in|on|at|during|after|before|via|through|from|to)\s+"
    r"(?:(?!\bthat\b)[^,.;:\"]){1,80}?(?=\s+that\b|\s*:|,\s*\"|\s+\"))?"
)
"""'said in a statement carried by SANA that': where and how, between cue and content."""
_AFTER_CUE = regex.compile(
    r"(?:\s+(?:exclusively|also|further|now|today|yesterday|separately|earlier|later|"
    r"(?:on\s+|late\s+|early\s+|last\s+)?\w+day(?:\s+(?:night|morning|afternoon|evening))?))*"
    + _ADVERBIAL + r"\s*(?:that\s+|:\s*|,\s*(?=\"))?"
)
_DOCUMENT_VERBS = ("saying", "stating", "announcing", "claiming", "asserting")
"""Words one of which the document rule's cue holds, but for "said" (a quick test before the
rule): "said" counts only after "which" or "that" (:data:`_WHICH_OR_THAT`)."""
_DOCUMENT_WORD = regex.compile("|".join(("said", *_DOCUMENT_VERBS)))
_WHICH_OR_THAT = regex.compile(r"(?:which|that)\s+", regex.REVERSE)
_COMMA_BEFORE = regex.compile(r',"?\s+', regex.REVERSE)
"""What the inverted rule needs right before its cue, matched backwards from the cue."""
_NOT_SPEECH = regex.compile(
    r"\s+(?:to\b(?!\s+\p{Lu})|by\b|of\b|on\s+(?!\w+day\b)(?!.{0,80}?\bthat\b))"
)
"""What, after a cue, makes it no speech ("said to have been", "reported by")."""


@attrs.frozen(kw_only=True)
class _Candidate:
    kind: SourceKind
    name: str
    start: int
    end: int
    actor_id: str | None = None
    outlet: str | None = None
    refers_to: tuple[int, int] | None = None
    confidence: float = 0.85


_new_candidate = fast_constructor(_Candidate)
"""``_Candidate(...)``, twice as fast (a report makes a dozen)."""


class Grammar:
    """The attribution grammar compiled for one outlet (see the module docstring)."""

    def __init__(self, *, outlet: str, outlet_names: Sequence[str], other_outlets: Sequence[str],
                 phrases: Iterable[AttributionPhrase], cues: Sequence[str]) -> None:
        self.outlet = outlet
        self.phrases = tuple(phrases)
        all_cues = sorted({*CUES, *cues}, key=len, reverse=True)
        cue = _alternation(all_cues)
        self.cue = regex.compile(rf"\b(?P<cue>{cue})\b")
        # Every match of a rule holding a cue starts that cue with the cue's first word, as
        # written (a space matches any white space): one pass of an automaton over a sentence
        # finds where they occur, instead of the cue alternation tried at every character.
        # The document rule's verbs are looked for in the same pass.
        first_words = {c.split(" ", 1)[0] for c in all_cues}
        self._cue_words = (_words(first_words | {"said", *_DOCUMENT_VERBS})
                           if "" not in first_words else None)
        # The whole cues, the document verbs and the hedges in lower case, for one pass over
        # a report's lower-cased text instead of two (an ASCII word as written occurs there
        # in lower case), where each starts a word (see cue_and_hedge_starts). Each key gives
        # how far before its end the word starts, and whether it is a cue.
        cue_phrases = {c.lower() for c in (*all_cues, "said", *_DOCUMENT_VERBS)}
        hedges = {h.lower() for h in HEDGES}
        self._cue_and_hedge_words: ahocorasick.Automaton | None = None
        if self._cue_words is not None and all(
                p.isascii() and _is_word_character(p[:1]) and _is_word_character(p[-1:])
                for p in cue_phrases) and all(
                h.isascii() and _is_word_character(h[:1]) for h in hedges):
            keys = {key: (len(key) - 1, True) for p in cue_phrases for key in _cue_keys(p)}
            keys.update({" " + _spaced(h): (len(h), False) for h in hedges})
            self._cue_and_hedge_words = _automaton(keys)
        outlets = sorted({*outlet_names, *other_outlets}, key=len, reverse=True)
        outlet_alternation = "|".join(regex.escape(n).replace(r"\ ", r"[\s-]+") for n in outlets)
        self.own_names = tuple(outlet_names)
        self.outlet_name = (regex.compile(rf"(?:{_ARTICLE})?(?P<outlet>{outlet_alternation})$",
                                          regex.I) if outlets else None)
        self._outlet_name_backwards = (regex.compile(outlet_alternation, regex.I | regex.REVERSE)
                                       if outlets else None)
        # How a name ends in the lower-cased text (see _lowered): its last three characters,
        # or fewer after a space (which matches other white space or a dash). A window ending
        # otherwise cannot end in a name. None: unknown (a name ending in other than ASCII,
        # or in a space).
        endings = {name[-3:].rsplit(" ", 1)[-1].lower() for name in outlets}
        self._outlet_endings = (tuple(endings) if all(e and e.isascii() for e in endings)
                                else None)
        # Keep _DOCUMENT_VERBS in step with this rule's cues.
        self.document_rule = regex.compile(
            rf"\b(?P<source>{_DOCUMENT})\b(?P<middle>[^.;\"]{{0,160}}?)\s+"
            r"(?P<cue>saying|stating|which\s+said|that\s+said|announcing|claiming|asserting)"
            r"\s+(?:that\s+)?(?P<content>\S)"
        )
        self.phrase_patterns = tuple((p, regex.compile(rf"(?:{p.pattern})$")) for p in self.phrases)
        self.phrase_words = tuple(_required_words(p.pattern) for p in self.phrases)
        """For each phrase, words one of which a match holds (``None``: unknown), and whether
        they are to be looked for in lower case."""
        # All those words in one automaton (one for each case), each giving the phrases it
        # may open (a bit each): one pass over a window instead of one per phrase.
        self._ungated = 0
        self._caseless = 0
        by_word: tuple[dict[str, int], dict[str, int]] = ({}, {})
        for index, (words, caseless) in enumerate(self.phrase_words):
            if words is None:
                self._ungated |= 1 << index
                continue
            self._caseless |= caseless << index
            for word in words:
                by_word[caseless][word] = by_word[caseless].get(word, 0) | 1 << index
        self._phrase_words = tuple(_words_to(mapping) for mapping in by_word)
        colon_phrases = [p.pattern for p in self.phrases if p.colon_lead]
        plain_cue = "(?:" + "|".join(_literal(c) for c in all_cues) + ")"
        self.colon_lead = (
            regex.compile(
                # Not the grouped cues: a phrase's inline flag (``(?i)``) would apply to them.
                rf"(?P<source>{'|'.join(colon_phrases)})(?:\s+(?P<cue>{plain_cue}))?"
                r"(?:\s+[^:\"]{0,40}?)?:(?:\s+(?P<content>\S)|\s*$)"
            )
            if colon_phrases else None
        )
        self.quote_after = regex.compile(
            r'"(?P<content>[^"\n]{3,}?)[,.!?]?"\s*,?\s*(?:(?P<source>[^",.;:]{1,80}?)\s+'
            rf"(?P<cue>{cue})|(?P<cue2>{cue})\s+(?P<source2>[^\",.;:]{{1,80}}?))\s*(?:[,.;:]|$)"
        )
        self.quote_before = regex.compile(
            rf"(?P<cue>{cue})\b(?P<middle>[^\"]{{0,100}}?)[:,]\s*\"(?P<content>[^\"\n]{{3,}}?)[,.!?]?\""
        )
        self.colon_quote = regex.compile(r':\s*"(?P<content>[^"\n]{3,}?)[,.!?]?"')
        self.according_before = regex.compile(
            r"[Aa]ccording\s+to\s+(?P<source>[^,;:\"]{2,80}?)\s*,\s*(?P<content>\S)"
        )
        speech = _alternation(c for c in all_cues if c not in ADDRESSEE_CUES)
        self.inverted = regex.compile(
            rf',"?\s+(?P<cue>{speech})\s+(?P<source>(?:(?!\bthat\b)[^,;:"]){{2,80}}?)\s*\.?"?\s*$'
        )
        self.parenthetical = regex.compile(
            rf",\s+(?P<source>[^,;:\"]{{2,60}}?)\s+(?P<cue>{cue}),\s+"
        )
        self.cue_then_comma = regex.compile(rf"(?:{cue}),\s")
        """What the parenthetical rule needs from the start of its cue."""
        self.quoted_as_saying = regex.compile(
            r"\b(?:quoted|cited)\s+(?P<source>[^\n]{2,140}?),?\s+as\s+(?P<cue>saying)\s*(?:that\s+|:\s*)?"
            r"(?P<content>\S)"
        )
        self.according_after = regex.compile(
            r",\s*according\s+to\s+(?P<source>[^,;:\"]{2,80}?)\s*\.?\s*$"
        )

    def cue_starts(self, text: str, start: int, end: int) -> list[int] | None:
        """Where, in order, a cue's first word (or a document verb) occurs in
        ``text[start:end]``: every match of ``cue`` (and of each rule holding a cue) starts its
        cue at one of them. ``None`` when unknown (a cue opening with white space)."""
        if self._cue_words is None:
            return None
        # The automaton reports by end offset: a longer word may start before a shorter one.
        # (A few numbers: sorting them costs less than looking whether they are in order.)
        return sorted({start + stop - length + 1
                       for stop, length in self._cue_words.iter(text[start:end])})

    @property
    def reads_whole_words(self) -> bool:
        """Whether :meth:`cue_and_hedge_starts` can be asked (its words are ASCII words)."""
        return self._cue_and_hedge_words is not None

    def cue_and_hedge_starts(self, spaced: str) -> tuple[list[int], list[int]]:
        """Where, in order, a whole cue (or a document verb) and a hedge start a word in the
        text whose :func:`_spaced_text` is ``spaced``, whatever their case, in one pass
        (only when :attr:`reads_whole_words`).

        Every rule but quote_before has its cue after ``\\b``, white space, a comma or a
        quotation mark, and before ``\\b`` (or white space, a comma...): so does ``_HEDGE``
        its hedge. So a cue is looked for between spaces in ``spaced``, where every
        character but an ASCII letter, digit and ``_`` is one; and a hedge after one (a
        hedge may end a stretch searched inside a word). Words inside or opening others
        ("has" in "Ghassan", "report" in "reporters") are not looked at, nor "has" without
        "learned", and the automaton, which runs from a space, rules a position out with
        fewer steps. quote_before finds its own starts (:meth:`cue_starts`), and so does a
        sentence a word runs past the end of (the reader's ``_cue_starts_in``): there
        ``\\b`` matches at its end."""
        assert self._cue_and_hedge_words is not None
        cues: list[int] = []
        hedges: list[int] = []
        for stop, (back, cue) in self._cue_and_hedge_words.iter(spaced):
            (cues if cue else hedges).append(stop - back)
        # The automaton reports by end offset: a longer word may start before a shorter one.
        # (A few numbers: sorting them costs less than looking whether they are in order.)
        cues = sorted(set(cues))
        hedges.sort()
        return cues, hedges

    def possible_phrases(self, text: str, lowered: str | None, start: int, end: int) -> int:
        """A bit (``1 << index``) for each phrase that may match in ``text[start:end]``: those
        holding a word of theirs, and those of unknown words (``lowered``: see
        :func:`_lowered`; ``None``: the caseless ones are possible too)."""
        cased, caseless = self._phrase_words
        possible = self._ungated if lowered is not None else self._ungated | self._caseless
        if cased is not None:
            for _, bits in cased.iter(text[start:end]):
                possible |= bits
        if caseless is not None and lowered is not None:
            for _, bits in caseless.iter(lowered[start:end]):
                possible |= bits
        return possible

    def search_outlet_name(self, text: str, lowered: str | None, start: int,
                           end: int) -> regex.Match[str] | None:
        """``outlet_name`` searched in ``text[start:end]``, which it must end (``lowered``:
        see :func:`_lowered`)."""
        if self.outlet_name is None or self._outlet_name_backwards is None:
            return None
        # Few windows end in a name: a look at the last characters (most end in a word that
        # ends no name), then one attempt backwards from the end, rule most out before the
        # search, which tries every position.
        if not text.endswith("\n", start, end):  # "$" also matches before a "\n"
            endings = self._outlet_endings
            if (endings is not None and lowered is not None
                    and not lowered.endswith(endings, start, end)):
                return None
            if self._outlet_name_backwards.match(text, start, end) is None:
                return None
        return self.outlet_name.search(text, start, end)


class ClaimReader:
    """Reads the claims of one report with a compiled :class:`Grammar`."""

    def __init__(self, grammar: Grammar, document: Document, actors: Mapping[str, Actor],
                 actor_hits: Sequence[tuple[int, int, str]]) -> None:
        self.grammar = grammar
        self.actors = actors
        self.document = document
        self.text = document.folded
        self.hits = actor_hits
        self.hit_by_end = {end: (start, actor_id) for start, end, actor_id in actor_hits}
        starts = [hit[0] for hit in actor_hits]
        self._starts = starts if starts == sorted(starts) else None
        """Hit starts, for bisecting (``None`` when not sorted: lookups scan every hit)."""
        self.claims: list[Claim] = []
        self.last_anonymous: _Candidate | None = None
        self.last_source: _Candidate | None = None
        self.pending: _Candidate | None = None
        """A colon-lead source whose content is the next sentence."""
        self._lowered = lowered = _lowered(self.text)
        self._spaced = (_spaced_text(lowered) if lowered is not None
                        and grammar.reads_whole_words else None)
        """The text as :meth:`Grammar.cue_and_hedge_starts` reads it (``None``: not read so)."""
        self._cue_starts: list[int] | None
        self._hedge_starts: list[int] | None
        if self._spaced is not None:
            self._cue_starts, self._hedge_starts = grammar.cue_and_hedge_starts(self._spaced)
        else:
            self._cue_starts = grammar.cue_starts(self.text, 0, len(self.text))
            self._hedge_starts = None if lowered is None else sorted(
                stop - length + 1 for stop, length in _HEDGE_WORDS.iter(lowered))
        """Where a cue, a hedge may start, in order (``None``: anywhere); at least where
        one starts a word (see :meth:`Grammar.cue_and_hedge_starts`)."""

    # -- orchestration ----------------------------------------------------------------------

    def read(self, sentences: Iterable[tuple[int, int]]) -> tuple[Claim, ...]:
        for start, end in sentences:
            self._sentence(start, end)
        return tuple(self.claims)

    def _cue_starts_in(self, start: int, end: int) -> list[int] | None:
        """Where a cue may start in the sentence ``text[start:end]`` (``None``: anywhere).

        Cues are found in one pass over the text; each sentence takes those starting in it
        (one running past its end only fails to match there). But where a word runs past
        its end, a cue may end the sentence inside that word ('said' of 'saidX': ``\\b``
        and ``$`` match at the end of what is searched): then they are looked for in it."""
        starts = self._cue_starts
        if starts is None:
            return None
        if self._spaced is not None and self._spaced[end + 1] != " ":
            return self.grammar.cue_starts(self.text, start, end)
        return starts[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    def _sentence(self, start: int, end: int) -> None:
        """Read one sentence."""
        cues = self._cue_starts_in(start, end)
        taken: list[tuple[int, int]] = []
        text = self.text
        # The rules run in this order, each only when the sentence holds what its pattern
        # needs (a cue, a quotation mark, commas...), which most sentences lack.
        has_cue = cues != []
        quoted = text.find('"', start, end) >= 0
        commas = text.count(",", start, end)
        if self.pending is not None or text.find(":", start, end) >= 0:
            self._colon_lead(start, end, taken)
        if has_cue:  # the document verbs are among the cue words
            self._document(start, end, taken, cues)
        if text.find("saying", start, end) >= 0:
            self._quoted_as_saying(start, end, taken)
        if quoted and has_cue:
            self._quote_after(start, end, taken)
        if quoted:
            self._quote_before(start, end, taken)
        if text.find("ccording", start, end) >= 0:
            self._according_to(start, end, taken)
        if has_cue and commas:
            self._inverted(start, end, taken, cues)
            if commas >= 2:
                self._parenthetical(start, end, taken, cues)
        if has_cue:
            self._cues(start, end, taken, cues)
        if commas:
            self._credit(start, end, taken)

    def _emit(self, candidate: _Candidate, cue: tuple[int, int] | None, content: tuple[int, int],
              *, rule: str, direct: bool, taken: list[tuple[int, int]],
              hedge: tuple[int, int] | None = None, confidence: float | None = None) -> None:
        content_start, content_end = content
        while content_end > content_start and self.text[content_end - 1] in ' .,;:"':
            content_end -= 1
        if content_end - content_start < 3:
            return
        if hedge is None and self._hedge_starts != []:  # most texts hold no hedge
            hedge = self._hedge(candidate, cue, (content_start, content_end))
        document = self.document
        # new_source/new_claim: Source/Claim built twice as fast (a report makes ~6 claims).
        source = new_source(
            span=document.span(candidate.start, candidate.end),
            name=candidate.name,
            kind=candidate.kind,
            actor_id=candidate.actor_id,
            outlet=candidate.outlet,
            refers_to=document.span(*candidate.refers_to) if candidate.refers_to else None,
        )
        self.claims.append(new_claim(
            source=source,
            cue=document.span(*cue) if cue else None,
            content=document.span(content_start, content_end),
            direct_quote=direct,
            hedged=hedge is not None,
            hedge=document.span(*hedge) if hedge else None,
            rule=rule,
            confidence=candidate.confidence if confidence is None else confidence,
        ))
        edges = [candidate.start, candidate.end, content_start, content_end, *(cue or ())]
        taken.append((min(edges), max(edges)))
        if candidate.kind is SourceKind.ANONYMOUS:
            self.last_anonymous = candidate
        self.last_source = candidate

    def _hedge(self, candidate: _Candidate, cue: tuple[int, int] | None,
               content: tuple[int, int]) -> tuple[int, int] | None:
        """Hedging words in the attribution, or in the content's first clause ("six Iranians
        were reportedly killed"): either makes the claim uncertain."""
        text = self.text
        attribution_end = cue[1] if cue else candidate.end
        match = self._search_hedge(candidate.start, max(attribution_end, candidate.end))
        if match is None and self._may_hedge(*content):
            clause = _CLAUSE_END.search(text, content[0], content[1])
            match = _HEDGE.search(text, content[0], clause.start() if clause else content[1])
        return match.span() if match else None

    def _may_hedge(self, start: int, end: int) -> bool:
        """False when no hedge starts in ``text[start:end]``."""
        starts = self._hedge_starts
        if starts is None:
            return True
        index = bisect.bisect_left(starts, start)
        return index < len(starts) and starts[index] < end

    def _search_hedge(self, start: int, end: int) -> regex.Match[str] | None:
        return _HEDGE.search(self.text, start, end) if self._may_hedge(start, end) else None

    # -- rules (each called by _sentence only when the sentence holds what it needs) --------

    def _colon_lead(self, start: int, end: int, taken: list[tuple[int, int]]) -> None:
        pending, self.pending = self.pending, None
        if pending is not None:
            # "Remarks by the Syrian Observer:" on a line of its own: this is the remark.
            self._emit(pending, None, (start, end), rule="colon_lead", direct=False,
                       taken=taken, confidence=0.8)
            return
        if self.grammar.colon_lead is None:
            return
        match = self.grammar.colon_lead.match(self.text, start, end, timeout=PATTERN_TIMEOUT)
        if match is None:
            return
        candidate = self._classify(*match.span("source")) or _new_candidate(
            kind=SourceKind.OUTLET, name=match["source"], start=match.start("source"),
            end=match.end("source"), outlet=self.grammar.outlet)
        if match["content"] is None:
            self.pending = candidate
            taken.append(match.span())
            return
        cue = match.span("cue") if match["cue"] else None
        self._emit(candidate, cue, (match.start("content"), end), rule="colon_lead", direct=False,
                   taken=taken, confidence=0.9)

    def _document(self, start: int, end: int, taken: list[tuple[int, int]],
                  cue_starts: list[int] | None) -> None:
        text = self.text
        # The rule ends on one of these verbs, which few sentences hold: skip the scan.
        if not _has_document_verb(text, start, end, cue_starts):
            return
        for match in self.grammar.document_rule.finditer(self.text, start, end):
            if _overlaps(match.span(), taken):
                continue
            source_start, source_end = match.span("source")
            name = _without_article(self.text[source_start:source_end])
            candidate = _new_candidate(kind=SourceKind.DOCUMENT, name=name, start=source_start,
                                   end=source_end, confidence=0.8)
            hedge_match = self._search_hedge(*match.span("middle"))
            self._emit(candidate, match.span("cue"), (match.start("content"), end),
                       rule="document", direct=False, taken=taken,
                       hedge=hedge_match.span() if hedge_match else None)

    def _quote_after(self, start: int, end: int, taken: list[tuple[int, int]]) -> None:
        for match in self.grammar.quote_after.finditer(self.text, start, end):
            if _overlaps(match.span(), taken):
                continue
            group = "source" if match["source"] is not None else "source2"
            cue_group = "cue" if match["cue"] is not None else "cue2"
            source_start, source_end = match.span(group)
            candidate = self._classify(source_start, source_end, before=match.start())
            if candidate is None and group == "source2":
                candidate = self._first_actor(source_start, end)
            if candidate is None:
                continue
            self._emit(candidate, match.span(cue_group), match.span("content"),
                       rule="quote_after", direct=True, taken=taken, confidence=0.9)

    def _quote_before(self, start: int, end: int, taken: list[tuple[int, int]]) -> None:
        if not _INTRODUCED_QUOTE.search(self.text, start, end):
            return
        # This rule's cue may end a longer word ('reaffirmed: "…"'), so its starts are found
        # here (few sentences get this far), not among the reader's word starts.
        cue_starts = self.grammar.cue_starts(self.text, start, end)
        for match in self._matches_from(self.grammar.quote_before, start, end, cue_starts):
            if _overlaps(match.span(), taken):
                continue
            candidate = self._source_before(start, match.start("cue"))
            if candidate is None:
                continue
            self._emit(candidate, match.span("cue"), match.span("content"), rule="quote_before",
                       direct=True, taken=taken)
        for match in self.grammar.colon_quote.finditer(self.text, start, end):
            if _overlaps(match.span(), taken):
                continue
            candidate = self._source_before(start, match.start())
            if candidate is None or candidate.kind is SourceKind.ANONYMOUS:
                continue
            self._emit(candidate, None, match.span("content"), rule="colon_quote", direct=True,
                       taken=taken, confidence=0.75)

    def _quoted_as_saying(self, start: int, end: int, taken: list[tuple[int, int]]) -> None:
        match = self.grammar.quoted_as_saying.search(self.text, start, end)
        if match is None or _overlaps(match.span(), taken):
            return
        candidate = self._classify(*match.span("source")) or self._first_actor(
            *match.span("source"))
        if candidate is not None:
            self._emit(candidate, match.span("cue"), (match.start("content"), end),
                       rule="quoted_as_saying", direct=self.text[match.start("content")] == '"',
                       taken=taken)

    def _inverted(self, start: int, end: int, taken: list[tuple[int, int]],
                  cue_starts: list[int] | None) -> None:
        """``…, writes Brocar Press.`` — content first, then cue and source."""
        text = self.text
        if cue_starts is not None and not any(  # the cue comes right after a comma
                _comma_before(text, start, at) for at in cue_starts):
            return
        match = self.grammar.inverted.search(self.text, start, end)
        if match is None or _overlaps(match.span(), taken):
            return
        candidate = self._first_actor(*match.span("source")) or self._classify(
            *match.span("source"))
        if candidate is not None:
            self._emit(candidate, match.span("cue"), (start, match.start()), rule="inverted",
                       direct=self.text[start] == '"', taken=taken)

    def _credit(self, start: int, end: int, taken: list[tuple[int, int]]) -> None:
        """``…in response to alleged violations, Shaam Network.`` — an outlet credited at the
        end of a sentence, without a verb."""
        text = self.text
        # The credit holds no comma but its first: it can only start at the last one.
        comma = text.rfind(",", start, end)
        if not _may_credit(text, comma, end):
            return
        match = _CREDIT.match(text, comma, end)
        if match is None or _overlaps(match.span(), taken):
            return
        candidate = self._classify(*match.span("source"))
        if candidate is not None and candidate.kind is SourceKind.OUTLET:
            self._emit(candidate, None, (start, match.start()), rule="credit", direct=False,
                       taken=taken, confidence=0.7)

    def _parenthetical(self, start: int, end: int, taken: list[tuple[int, int]],
                       cue_starts: list[int] | None) -> None:
        """``…which, DEBKAfile reveals, will be led…`` — the whole sentence is the content."""
        if cue_starts is not None:  # a comma comes right after the cue
            for at in cue_starts:
                if self.grammar.cue_then_comma.match(self.text, at, end) is not None:
                    break
            else:
                return
        for match in self.grammar.parenthetical.finditer(self.text, start, end):
            if _overlaps(match.span(), taken):
                continue
            candidate = self._classify(*match.span("source"))
            if candidate is None:
                continue
            self._emit(candidate, match.span("cue"), (start, end), rule="parenthetical",
                       direct=False, taken=taken, confidence=0.75)

    def _according_to(self, start: int, end: int, taken: list[tuple[int, int]]) -> None:
        grammar = self.grammar
        match = grammar.according_before.match(self.text, start, end) or next(
            (m for m in grammar.according_before.finditer(self.text, start, end)
             if self.text[m.start() - 2:m.start()] in (", ", "; ")), None)
        if match is not None and not _overlaps(match.span(), taken):
            candidate = self._classify(*match.span("source"))
            if candidate is not None:
                self._emit(candidate, None, (match.start("content"), end), rule="according_to",
                           direct=self.text[match.start("content")] == '"', taken=taken)
        match = self.grammar.according_after.search(self.text, start, end)
        if match is not None and not _overlaps(match.span(), taken):
            candidate = self._classify(*match.span("source"))
            if candidate is not None:
                self._emit(candidate, None, (start, match.start()), rule="according_to",
                           direct=self.text[start] == '"', taken=taken)

    def _matches_from(self, pattern: regex.Pattern[str], start: int, end: int,
                      cue_starts: list[int] | None) -> Iterable[regex.Match[str]]:
        """``pattern.finditer(text, start, end)`` for a pattern whose matches open with a cue:
        tried only where a cue word starts (``cue_starts``, or everywhere when ``None``)."""
        if cue_starts is None:
            yield from pattern.finditer(self.text, start, end)
            return
        position = start
        for at in cue_starts:
            if at >= position:
                match = pattern.match(self.text, at, end)
                if match is not None:
                    yield match
                    position = match.end()

    def _cues(self, start: int, end: int, taken: list[tuple[int, int]],
              cue_starts: list[int] | None) -> None:
        text = self.text
        for match in self._matches_from(self.grammar.cue, start, end, cue_starts):
            cue_start, cue_end = match.span()
            if _overlaps((cue_start, cue_end), taken):
                continue
            cue = match["cue"]
            after = text[cue_end:end]
            if cue != "told" and _not_speech(after):
                continue  # "said to have been", "reported by", "reported on the talks"
            addressee = cue.lower() in ADDRESSEE_CUES
            trailing = (_may_trail(after) and _TRAILING_END.fullmatch(after) is not None) or (
                addressee and _may_trail_addressee(after)
                and _TRAILING_ADDRESSEE.fullmatch(after) is not None)
            # What follows the cue is read first: it rules out more cues, and more cheaply,
            # than the source before it (the source starts before the cue, so a comma before
            # it must come before the cue).
            if trailing:
                content_start = None
                if text.rfind(",", start, cue_start) <= start:
                    continue
            else:
                content_start = self._content_start(cue, addressee, cue_end, end)
                if content_start is None:
                    continue
            candidate = self._source_before(start, cue_start)
            if candidate is None:
                continue
            if content_start is None:
                # "…, our military sources report." — the content comes first.
                comma = text.rfind(",", start, candidate.start)
                if comma <= start:
                    continue
                self._emit(candidate, (cue_start, cue_end), (start, comma), rule="cue_trailing",
                           direct=text[start] == '"', taken=taken)
                continue
            hedge = self._search_hedge(candidate.start, cue_start)
            direct = text[content_start] == '"'
            if direct:
                quote = _QUOTED.match(text, content_start, end)
                content = quote.span("content") if quote else (content_start + 1, end)
            else:
                content = (content_start, end)
            self._emit(candidate, (cue_start, cue_end), content, rule="cue", direct=direct,
                       taken=taken, hedge=hedge.span() if hedge else None)

    # -- pieces -----------------------------------------------------------------------------

    def _content_start(self, cue: str, addressee: bool, cue_end: int, end: int) -> int | None:
        """Where the content after ``cue`` starts; ``addressee``: whether the cue is one of
        :data:`ADDRESSEE_CUES`."""
        text = self.text
        if addressee:
            match = _ADDRESSEE_THEN_CONTENT.match(text, cue_end, end)
            return None if match is None else match.end()
        match = _AFTER_CUE.match(text[cue_end:end])
        position = cue_end + (match.end() if match else 0)
        if position >= end:
            return None
        introduced = (_INTRODUCER.search(text, cue_end, position) is not None
                      or text[position] == '"')
        if not introduced:
            # "fill in some of the context: …" — a short object, then the content.
            colon = _OBJECT_THEN_COLON.match(text, cue_end, end)
            if colon is not None and colon.end() < end:
                return colon.end()
        if not introduced and cue.lower() not in SPEECH_CUES:
            return None
        following = text[position:end]
        if not (following[:1].isalnum() or following[:1] == '"'):
            return None
        # Without "that", a pronoun object ("said it", "told him") is not a claim.
        if text[cue_end:position].strip() == "" and _PRONOUN_OBJECT.match(following):
            return None
        # "what he said was a unit": the cue sits in a relative clause, not a claim.
        if following.startswith(_FINITE_VERBS) and _FINITE_VERB.match(following):
            return None
        return position

    def _source_before(self, sentence_start: int, cue_start: int) -> _Candidate | None:
        """The source phrase ending just before a cue, apposition and hedges skipped.

        An apposition ("Salam Abu Fakher, a local activist, told") yields the name before
        it when that is a person or anonymous source; "X toured the Golan and warned" yields
        the subject of the sentence.
        """
        text = self.text
        window_start = max(sentence_start, cue_start - 160)
        # Searched from the window's start, the tail was tried at every position.
        end = _tail_start(text, _tail_bound(text, window_start, cue_start), cue_start)
        apposition = (_APPOSITION.search(text, window_start, end)
                      if text.count(",", window_start, end) >= 2 else None)
        before_apposition = None
        if apposition is not None:
            before_apposition = self._source_ending_at(window_start, apposition.start())
            if before_apposition is not None and before_apposition.kind in (
                    SourceKind.NAMED_PERSON, SourceKind.ANONYMOUS, SourceKind.DOCUMENT):
                return before_apposition
        candidate = self._source_ending_at(window_start, end)
        if candidate is None:
            candidate = before_apposition
        if candidate is None and _COORDINATED.search(text, window_start, end):
            candidate = self._subject(sentence_start, end)
        return candidate

    def _hits_between(self, low: int, high: int) -> Sequence[tuple[int, int, str]]:
        """The hits starting in ``[low, high]``, in order: the only ones a lookup bounded by
        those offsets can accept (a report-long scan per claim made long texts quadratic)."""
        if self._starts is None:
            return self.hits
        return self.hits[bisect.bisect_left(self._starts, low):
                         bisect.bisect_right(self._starts, high)]

    def _subject(self, sentence_start: int, end: int) -> _Candidate | None:
        """The person or body that opens the sentence, for coordinated verbs."""
        for hit_start, hit_end, actor_id in self._hits_between(sentence_start, end):
            if sentence_start <= hit_start < end and hit_start - sentence_start <= 40:
                opening = self.text[sentence_start:hit_start]
                if not _RELATION_WORD.search(opening):
                    return self._actor_candidate(actor_id, hit_start, hit_end)
            if hit_start >= end:
                break
        return None

    def _source_ending_at(self, window_start: int, end: int) -> _Candidate | None:
        text = self.text
        while end > window_start and text[end - 1] in " ,":
            end -= 1
        if end <= window_start:
            return None
        hit = self.hit_by_end.get(end)
        if hit is not None and hit[0] >= window_start:
            start = hit[0]
            # "A source from the FSA said": the actor ends a longer phrase, not the source.
            if not _inside_phrase(text, window_start, start):
                return self._actor_candidate(hit[1], start, end)
        return self._classify_window(window_start, end)

    def _classify(self, start: int, end: int, *, before: int | None = None) -> _Candidate | None:
        """Classify exactly ``text[start:end]`` as a source."""
        text = self.text
        while end > start and text[end - 1] == " ":
            end -= 1
        while start < end and text[start] == " ":
            start += 1
        phrase = text[start:end]
        if phrase.endswith(_PRONOUN_ENDS) and _PRONOUN.fullmatch(phrase):
            return self._pronoun(start, end, before if before is not None else start)
        for hit_start, hit_end, actor_id in self._hits_between(start, end):
            if hit_end == end and start <= hit_start:
                prefix = text[start:hit_start].strip()
                # Only an article or title words may precede the actor ("Col Marley").
                if prefix in ("", "the", "The") or not _WORDS.search(prefix) or (
                        _TITLE_WORDS.fullmatch(prefix)):
                    return self._actor_candidate(actor_id, hit_start, hit_end)
        candidate = self._classify_window(start, end)
        # Only punctuation, or adjectives in quotes ('"highly credible" US sources'), may
        # precede the phrase the classifier recognised.
        if candidate is not None and (candidate.start == start or _LEADING_ADJECTIVES.fullmatch(
                text, start, candidate.start)):  # (nothing precedes it, mostly)
            return candidate
        if candidate is not None and _without_article(phrase) == candidate.name:
            return candidate
        return None

    def _classify_window(self, window_start: int, end: int) -> _Candidate | None:
        text = self.text
        grammar = self.grammar
        lowered = self._lowered
        # A window without one of a phrase's words cannot hold a match: looking costs less
        # than the search (which checks a timeout at every step).
        possible = grammar.possible_phrases(text, lowered, window_start, end) if (
            grammar.phrase_patterns) else 0
        for index, (phrase, pattern) in enumerate(grammar.phrase_patterns):
            if not possible >> index & 1:
                continue
            match = pattern.search(text, window_start, end, timeout=PATTERN_TIMEOUT)
            if match is not None:
                name = phrase.name or _without_article(match[0])
                return _new_candidate(kind=phrase.kind, name=name, start=match.start(), end=end,
                                  outlet=grammar.outlet if phrase.outlet_link else None,
                                  confidence=0.9)
        match = self._anaphor(window_start, end)
        if match is not None:
            refers = self.last_anonymous
            return _new_candidate(
                kind=SourceKind.ANONYMOUS, name=_without_article(match[0]), start=match.start(),
                end=end, outlet=refers.outlet if refers else None,
                refers_to=(refers.start, refers.end) if refers else None, confidence=0.8)
        match = grammar.search_outlet_name(text, lowered, window_start, end)
        if match is not None:
            name = match["outlet"]
            own = any(name.lower() == n.lower() for n in grammar.own_names)
            return _new_candidate(kind=SourceKind.OUTLET, name=name, start=match.start("outlet"),
                              end=end, outlet=grammar.outlet if own else None, confidence=0.9)
        lowered = self._lowered
        # The next three end in a noun, which most windows lack: where one starts is found
        # in the lower-cased text (faster than the case-blind search), and the head tried
        # only there.
        heads = None if lowered is None else _starts(_SOURCE_NOUN_WORDS, lowered,
                                                     window_start, end)
        match = _ANONYMOUS_END.search(text, window_start, end, heads) if heads != [] else None
        if match is not None:
            return self._anonymous(match.start(), end)
        heads = None if lowered is None else _starts(_DOCUMENT_WORDS, lowered, window_start, end)
        match = _DOCUMENT_END.search(text, window_start, end, heads) if heads != [] else None
        if match is not None:
            return _new_candidate(kind=SourceKind.DOCUMENT,
                              name=_without_article(match["document"]),
                              start=match.start(), end=end, confidence=0.8)
        heads = None if lowered is None else _starts(_ORGANISATION_WORDS, lowered,
                                                     window_start, end)
        match = _ORGANISATION.search(text, window_start, end, heads) if heads != [] else None
        if match is not None:
            return _new_candidate(kind=SourceKind.ORGANISATION, name=_without_article(match[0]),
                              start=match.start(), end=end, confidence=0.7)
        # "$" also matches before a final "\n".
        match = (_PRONOUN.search(text, window_start, end)
                 if text.endswith(_PRONOUN_ENDS, window_start, end)
                 or text.endswith("\n", window_start, end) else None)
        if match is not None and (match.start() == window_start or not text[match.start() - 1].isalpha()):
            return self._pronoun(match.start(), end, match.start())
        match = (_NAME_GUESS.search(text, window_start, end)
                 if _may_end_in_name(text, window_start, end) else None)
        if match is not None and (match.start() == window_start
                                  or text[match.start() - 2:match.start()] in (", ", "; ")):
            return _new_candidate(kind=SourceKind.NAMED_PERSON, name=match[0], start=match.start(),
                              end=end, confidence=0.5)
        return None

    def _anaphor(self, window_start: int, end: int) -> regex.Match[str] | None:
        """:data:`_ANAPHOR`'s first match in the window when it opens with 'the'.

        Neither 'same', white space nor a noun holds 'the' (in any case): such a match
        opens at the last 'the' of the lower-cased window, and is the search's first (one
        opening before it would hold it). So the pattern is tried there, not searched for.
        """
        lowered = self._lowered
        if lowered is None:
            match = _ANAPHOR.search(self.text, window_start, end)
            return match if match is not None and _THE_SAME.match(match[0]) else None
        the = lowered.rfind("the", window_start, end)
        return None if the < 0 else _the_anaphor().match(self.text, the, end)

    def _anonymous(self, start: int, end: int) -> _Candidate | None:
        text = self.text
        phrase = text[start:end]
        words = phrase.split()
        # The phrase must not swallow a clause: a verb-like lower-case word before the noun
        # ("launched on the quiet by the sources") means it is not a source phrase.
        if any(w in {"and", "or", "but", "that", "which", "while", "as", "by", "with", "was",
                     "were", "is", "are", "has", "have"} for w in words[:-1]):
            trimmed = _source_noun_phrase_end().search(phrase.split(" and ")[-1])
            if trimmed is None:
                return None
            start = end - len(trimmed[0])
            phrase = trimmed[0]
        lowered = phrase.lower()
        outlet = self.grammar.outlet if lowered.startswith(("our ", "we ")) or any(
            n.lower() in lowered for n in self.grammar.own_names) else None
        # An outlet's own correspondent speaks for the outlet ("An All4Syria correspondent").
        kind = (SourceKind.OUTLET if _CORRESPONDENT.search(phrase)
                else SourceKind.ANONYMOUS)
        return _new_candidate(kind=kind, name=_without_article(phrase), start=start,
                          end=end, outlet=outlet, confidence=0.85)

    def _pronoun(self, start: int, end: int, before: int) -> _Candidate | None:
        """'he', 'the minister': the last person named before, as an actor or a speaker."""
        antecedent = None
        for hit_start, hit_end, actor_id in reversed(self._hits_between(-1, before)):
            if hit_end <= before and self.actors[actor_id].kind == "person":
                antecedent = (hit_start, hit_end, actor_id)
                break
        speaker = self.last_source
        if speaker is not None and speaker.kind is SourceKind.NAMED_PERSON and (
                speaker.refers_to is None and speaker.end <= before
                and (antecedent is None or speaker.start > antecedent[1])):
            return attrs.evolve(speaker, start=start, end=end,
                                refers_to=(speaker.start, speaker.end), confidence=0.6)
        if antecedent is None and self.text[start:end].split()[-1].lower() not in ("he", "she"):
            # "the minister said" with no minister named before: the title as written.
            return _new_candidate(kind=SourceKind.NAMED_PERSON,
                              name=_without_article(self.text[start:end]), start=start,
                              end=end, confidence=0.5)
        if antecedent is None:
            return None
        return _new_candidate(kind=SourceKind.NAMED_PERSON, name=self.actors[antecedent[2]].name,
                          start=start, end=end, actor_id=antecedent[2],
                          refers_to=antecedent[:2], confidence=0.7)

    def _first_actor(self, start: int, end: int) -> _Candidate | None:
        """The first person (else any actor) named in ``text[start:end]``, for inverted
        attributions ("said Gen. Salim Idriss, chief of staff of the FSA")."""
        inside = [hit for hit in self._hits_between(start, end)
                  if start <= hit[0] and hit[1] <= end]
        people = [hit for hit in inside if self.actors[hit[2]].kind == "person"]
        for hit_start, hit_end, actor_id in people or inside[:1]:
            prefix = self.text[start:hit_start]
            if len(prefix) > 40 or _PREPOSITION.search(prefix):
                continue
            return self._actor_candidate(actor_id, hit_start, hit_end)
        return None

    def _actor_candidate(self, actor_id: str, start: int, end: int) -> _Candidate:
        if self.actors[actor_id].kind == "person":
            return _new_candidate(kind=SourceKind.NAMED_PERSON, name=self.actors[actor_id].name, start=start, end=end,
                              actor_id=actor_id, confidence=0.9)
        return _new_candidate(kind=SourceKind.ORGANISATION, name=self.text[start:end], start=start,
                          end=end, actor_id=actor_id, confidence=0.8)


def _overlaps(span: tuple[int, int], taken: Sequence[tuple[int, int]]) -> bool:
    start, end = span
    # Mostly empty: no generator is made then.
    return bool(taken) and any(start < b and a < end for a, b in taken)


def _not_speech(after: str) -> bool:
    """Whether :data:`_NOT_SPEECH` matches at the start of ``after``; the first character
    after the white space is looked at first (what \\s matches, isspace() holds)."""
    return after[:1].isspace() and after.lstrip()[:1] in ("t", "b", "o") and (
        _NOT_SPEECH.match(after) is not None)


def _may_end_in_name(text: str, start: int, end: int) -> bool:
    """False when :data:`_NAME_GUESS` cannot match in ``text[start:end]``: it ends in a
    capital then lower-case letters ("Salim"), or before a final newline. Most windows end
    in a lower-case word, which an ASCII letter other than a capital opens."""
    if text.endswith("\n", start, end):
        return True
    stem = text[start:end].rstrip("abcdefghijklmnopqrstuvwxyz")
    if len(stem) == end - start:  # no ASCII lower-case letter ends it
        return not stem[-1:].isascii()
    return not stem[-1:].isascii() or stem[-1:].isupper()


def _may_trail(after: str) -> bool:
    """False when :data:`_TRAILING_END` cannot match all of ``after``: stripped of white
    space, full stops and quotation marks, it holds at most one of its adverbs (most of
    what follows a cue is the content, which the strip leaves)."""
    rest = after.strip(_NOT_TRAILING)
    return not rest or rest in _TRAILING_ADVERBS


def _may_trail_addressee(after: str) -> bool:
    """False when :data:`_TRAILING_ADDRESSEE` cannot match all of ``after``: it holds
    none of ``,;:"``, and most contents hold one."""
    return "," not in after and ";" not in after and ":" not in after and '"' not in after


def _inside_phrase(text: str, start: int, end: int) -> bool:
    """Whether :data:`_INSIDE_PHRASE` matches in ``text[start:end]`` ('A source from the
    FSA'); the words before the white space at the end are looked at first (what \\s
    matches, isspace() holds)."""
    return text[start:end].rstrip().endswith(_INSIDE_ENDS) and (
        _INSIDE_PHRASE.search(text, start, end) is not None)


def _comma_before(text: str, start: int, at: int) -> bool:
    """Whether :data:`_COMMA_BEFORE` matches backwards from ``at`` in ``text[start:at]``.
    The character before the white space is looked at first: it is mostly a letter."""
    # What \s matches, isspace() holds.
    return at - start >= 2 and (text[at - 2] in ',"' or text[at - 2].isspace()) and (
        _COMMA_BEFORE.match(text, start, at) is not None)


def _after_which_or_that(text: str, start: int, at: int) -> bool:
    """Whether :data:`_WHICH_OR_THAT` matches backwards from ``at`` in ``text[start:at]``;
    the words before the white space are looked at first (what \\s matches, isspace()
    holds): mostly they end in neither."""
    before = text[start:at]
    words = before.rstrip()
    return len(words) < len(before) and words.endswith(("which", "that")) and (
        _WHICH_OR_THAT.match(text, start, at) is not None)


def _may_credit(text: str, comma: int, end: int) -> bool:
    """False when :data:`_CREDIT` cannot match at ``comma`` in ``text[:end]``: it needs white
    space then a capital after the comma, and an ASCII character that is neither after
    ", " (most commas: "and", "the") rules it out before the match."""
    # What \s matches, isspace() holds; an ASCII \p{Lu}, isupper().
    if comma + 2 >= end or not text[comma + 1].isspace():
        return False
    second = text[comma + 2]
    return not second.isascii() or second.isupper() or second.isspace()


def _has_document_verb(text: str, start: int, end: int, word_starts: list[int] | None) -> bool:
    """Whether ``text[start:end]`` holds a word the document rule's cue needs; each starts
    at one of ``word_starts`` (:meth:`Grammar.cue_starts`; ``None``: anywhere)."""
    if word_starts is None:
        word_starts = [m.start() for m in _DOCUMENT_WORD.finditer(text, start, end)]
    for at in word_starts:
        if text.startswith(_DOCUMENT_VERBS, at, end) or (
                text.startswith("said", at, end) and _after_which_or_that(text, start, at)):
            return True
    return False


_PROPERTY = re.compile(r"\\\\|\\[pP](?:\{[^}]*\}|[A-Za-z])")
"""A Unicode property escape (``\\p{Lu}``), or an escaped backslash (skipped)."""


def _required_words(pattern: str) -> tuple[ahocorasick.Automaton | None, bool]:
    r"""The most telling set of :func:`required_literals` of ``pattern``: words one of which
    every match holds (lower-cased when the pattern ignores case, and whether it does).
    A property escape, which that reader refuses, is read as ``\w``: it also matches one
    character and no literal, and the words a more permissive pattern needs, it needs."""
    required = required_literals(_PROPERTY.sub(
        lambda m: m[0] if m[0] == "\\\\" else r"\w", pattern))
    if required is None:
        return None, False
    sets, ignore_case = required
    return _words(w.lower() if ignore_case else w for w in sets[0]), ignore_case


def _is_word_character(char: str) -> bool:
    """Whether ``char`` is an ASCII letter, digit or ``_`` (what ``\\w`` matches in ASCII)."""
    return char.isascii() and (char.isalnum() or char == "_")


def _spaced(ascii_text: str) -> str:
    """``ascii_text`` with every character but an ASCII letter, digit or ``_`` as a space."""
    return ascii_text.encode("ascii").translate(_NOT_WORD_AS_SPACE).decode("ascii")


def _spaced_text(lowered: str) -> str:
    """``lowered`` (see :func:`_lowered`) as :func:`_spaced` gives it, between two spaces
    that stand for its start and end (offsets in it are one more than in the text)."""
    return f" {_spaced(lowered)} "


def _cue_keys(cue: str) -> list[str]:
    """How ``cue`` (in lower case; ASCII, opening and ending with a word character) occurs
    in a :func:`_spaced_text` where it starts and ends a word: between spaces; and, as a
    space in it matches any run of white space, its words up to a run of two or more (the
    first such run of an occurrence)."""
    spaced = _spaced(cue)
    return [f" {spaced} ", *(f" {spaced[:i]}  " for i, char in enumerate(spaced) if char == " ")]


def _lowered(text: str) -> str | None:
    """``text`` with its ASCII letters in lower case and every other character a ``?``
    (offsets kept): an ASCII word matched with case ignored occurs in it as written in lower
    case (``None`` when the text holds a :data:`_CASE_ODD` character). Other characters
    match no ASCII letter, and lower-casing ASCII is several times faster."""
    if text.isascii():
        return text.lower()
    if any(char in text for char in _CASE_ODD):
        return None
    return text.encode("ascii", "replace").decode("ascii").lower()


def _without_article(phrase: str) -> str:
    phrase = phrase.strip()
    # Most phrases open with a name: the pattern is tried only after what may be an article.
    return (_LEADING_ARTICLE.sub("", phrase) if phrase.startswith(("T", "t", "A", "a"))
            else phrase)


def _tail_bound(text: str, start: int, end: int) -> int:
    """Where the white space and lower-case ASCII letters that end ``text[start:end]``
    start: after its last other character (as ``[^\\sa-z]`` searched backwards finds it),
    else at ``start``. No tail word holds such a character, so the tail starts there or
    later."""
    return start + len(text[start:end].rstrip(_TAIL_CHARACTERS))


def _tail_start(text: str, start: int, end: int) -> int:
    """Where :data:`_TAIL` starts in ``text[start:end]``, which holds only white space and
    lower-case ASCII letters (what :func:`_tail_bound` leaves).

    The tail's words come last, each after white space: unless the last word of the stretch
    is the last of one, the tail is the white space after it (the search tried every
    position before)."""
    words = text[start:end].rstrip()  # what \s matches, isspace() holds
    if words and words.rsplit(None, 1)[-1] in _TAIL_LAST_WORDS:
        tail = _TAIL.search(text, start, end)
        return tail.start() if tail else end
    return start + len(words)
