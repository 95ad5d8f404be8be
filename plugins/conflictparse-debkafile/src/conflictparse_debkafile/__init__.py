"""DEBKAfile: debka.com and the sites that repost it, often with an Arabic headline.

Everything here is data: the core reads headers, datelines, boilerplate and attribution
from this profile (see ``conflictparse.OutletProfile``).
"""

from __future__ import annotations

from collections.abc import Callable

from conflictparse import (
    AttributionPhrase,
    Marker,
    OutletProfile,
    ProfileVariant,
    SourceKind,
    hookimpl,
)

_DEBKA = r"(?:DEBKA-?file|DEBKAfiles|debkafile|Debkafile|Debka\s+File|DEBKA)"
_PUBLICATION = rf"(?:{_DEBKA}|DEBKA\s+Weekly|DEBKA-Net-Weekly)"
_PUBLICATION_ANY_CASE = r"debka(?:-?file|files|file|\s+file||\s+weekly|-net-weekly)"
"""``_PUBLICATION`` for ``(?i)`` patterns, in the same order: one literal first, which the
regex engine finds fast (it tries an alternation at every position)."""
_MONTH_DAY_YEAR = r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}"


def _debka_then(rest: str) -> str:
    """``\\b{_DEBKA}{rest}`` as top-level alternatives, one per way the name starts, each
    led by a literal: the profile plugin searches for each alone, fast."""
    return "|".join(rf"\b{start}{rest}" for start in
                    (r"DEBKA(?:-?file|files|)", "debkafile", r"Debka(?:file|\s+File)"))

_TIME = r"(?:,?\s+\d{1,2}:\d{2}\s*(?:AM|PM|am|pm)?)?(?:\s*\([^)\n]{1,12}\))?"

PROFILE = OutletProfile(
    id="debkafile",
    name="DEBKAfile",
    names=("DEBKAfile", "debkafile", "DEBKA", "Debka File", "DEBKAfiles"),
    markers=(
        # Header credits: a line opening with the outlet name (the first line, or a repost's
        # line under blog furniture, a homepage's "DEBKAfile Exclusive Analysis <date>").
        Marker(pattern=rf"(?m)^(?:{_DEBKA}\s*[:/]|DEBKA\s+reveals:|{_DEBKA}\s+(?:Special|Exclusive)"
                       rf"|{_DEBKA}\s+DEBKA\s+Weekly|From\s+Debka(?:file)?\s*\.{{2,}})",
               weight=0.9, header_only=True),
        Marker(pattern=r"DEBKAfile/[A-Z][a-z]+\.?\s*\d{1,2}/\d{2}\b", weight=0.9),
        Marker(pattern=r"موقع\s*دبيكا", weight=0.9),
        Marker(pattern=r"(?i)Source:\s*Debka\s*File", weight=0.9),
        # A credit line "<Headline>, DEBKAfile, <date>"; the lookbehind keeps the scan cheap.
        Marker(pattern=rf"(?<=[^\n]{{10}}),\s*{_DEBKA},\s*{_MONTH_DAY_YEAR}", weight=0.9,
               header_only=True),
        # DEBKA Weekly's issue header ("Vol. 14, Issue 667, June 19, 2015").
        Marker(pattern=rf"(?m)^Vol\.\s*\d+,\s*Issue\s*\d+,\s*{_MONTH_DAY_YEAR}", weight=0.6,
               header_only=True),
        Marker(pattern=rf"(?i)\b{_PUBLICATION_ANY_CASE}'s\s+(?:[a-z-]+\s+){{0,4}}(?:sources|analysts|experts)",
               weight=0.6),
        Marker(pattern=_debka_then(r"\s+(?:[a-z-]+\s+){0,2}sources\s+(?:report|reveal|disclose|say|note)"),
               weight=0.6),
        Marker(pattern=_debka_then(r"\s+(?:reports|reporter)\b"), weight=0.5),
        # Reposts in translation: "le fonti militari di DEBKAfile", "Quellen von DEBKAfile".
        # (Two top-level alternatives, each opening with a literal: the profile plugin looks
        # for each alone, fast.)
        Marker(pattern=rf"(?i)\bfonti\s+(?:[\w']+\s+){{0,2}}di\s+{_DEBKA}"
                       rf"|\bQuellen\s+(?:\w+\s+){{0,2}}von\s+{_DEBKA}",
               weight=0.6),
        Marker(pattern=r"DEBKA(?:-Net)?[- ]Weekly", weight=0.3),
        Marker(pattern=r"\(click here to subscribe\)", weight=0.2),
        Marker(pattern=r"under DEBKAfile's regulations", weight=0.6),
        # Counter-markers: articles that cite DEBKAfile are not its reports.
        Marker(pattern=rf"(?i)\baccording\s+to\s+{_DEBKA}\s*:", weight=-0.6),
        # ("the" as a lookbehind: the search is led by the literal "israeli", fast.)
        Marker(pattern=rf"(?i)(?<=\bthe\s+)Israeli\s+(?:news\s+|intelligence\s+)?(?:web)?site,?\s+{_DEBKA}",
               weight=-0.5),
    ),
    headline_prefixes=(
        rf"{_DEBKA}\s+Exclusive\s*:\s*",
        rf"{_DEBKA}\s*[:/]\s*",
        r"DEBKA\s+reveals:\s*",
        # The repeated Arabic line of the reposting site keeps its prefix.
        r"موقع\s*دبيكا\s*/\s*",
    ),
    translation_prefixes=(r"موقع\s*دبيكا\s*/\s*",),
    datelines=(
        rf"{_DEBKA}/(?P<month>[A-Z][a-z]+)\.?\s*(?P<day>\d{{1,2}})/(?P<year>\d{{2}}(?:\d{{2}})?)\b",
        rf"{_DEBKA}\s+(?:Special\s+Report|Exclusive\s+Analysis|Exclusive\s+Report|Exclusive"
        rf"|DEBKA\s+Weekly|Analysis|Report)\s+(?P<date>{_MONTH_DAY_YEAR}){_TIME}",
        rf"(?P<headline>[^\n]{{10,200}}?),\s*{_DEBKA},\s*(?P<date>{_MONTH_DAY_YEAR})\s*$",
        # DEBKA Weekly's issue header; a section label stands above the headline.
        rf"Vol\.\s*\d+,\s*Issue\s*\d+,\s*(?P<date>{_MONTH_DAY_YEAR})(?P<kicker>)",
    ),
    boilerplate=(
        r"\(click here to subscribe\)\.?",
        r"(?i)If you are not yet a DEBKA Weekly subscriber,? click here to sign on\.?",
        r"(?i)To subscribe to DEBKA-Net-Weekly,? click here\.?",
        r"\(See separate articles? in this issue\)\.?",
        r"Comments containing incitement, libel or offensive language are barred under "
        r"DEBKAfile's regulations\.?",
        rf"^{_DEBKA}\s+(?:Exclusive|Special)\s+(?:Report|Analysis)",
        r"^(?:From\s+)?Debka(?:file)?\s*\.{2,}",
        r"(?i)^click here for print version",
        # debka.com's top bar and breaking-news ticker ("Thu June 3, 2010 | Breaking News").
        r"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\s*\|\s*Breaking News",
        r"^.+\s•",
    ),
    attribution=(
        AttributionPhrase(
            pattern=rf"(?:{_PUBLICATION})'s\s+(?:[\w-]+\s+(?:and\s+)?){{0,4}}?(?:analysts|experts)",
            kind=SourceKind.OUTLET, outlet_link=True),
        AttributionPhrase(
            pattern=rf"(?:{_PUBLICATION})'s\s+(?:[\w-]+\s+(?:and\s+)?){{0,4}}?sources",
            kind=SourceKind.ANONYMOUS, outlet_link=True),
        AttributionPhrase(
            pattern=r"[Oo]ur\s+(?:[\w-]+\s+(?:and\s+)?){0,3}?sources",
            kind=SourceKind.ANONYMOUS, outlet_link=True),
        AttributionPhrase(
            pattern=r"[Oo]ur\s+(?:[\w-]+\s+){0,2}?(?:analysts|experts|correspondents?|reporters?)",
            kind=SourceKind.OUTLET, outlet_link=True),
        AttributionPhrase(pattern=rf"{_DEBKA}\s+(?:reporter|correspondent)s?",
                          kind=SourceKind.OUTLET, outlet_link=True, colon_lead=True),
        AttributionPhrase(pattern=rf"(?:{_DEBKA}\s+Exclusive|Exclusive\s+to\s+{_DEBKA})",
                          kind=SourceKind.OUTLET, name="DEBKAfile", outlet_link=True,
                          colon_lead=True),
        AttributionPhrase(pattern=_PUBLICATION, kind=SourceKind.OUTLET, outlet_link=True,
                          colon_lead=True),
        AttributionPhrase(pattern=r"\b[Ww]e", kind=SourceKind.OUTLET, name="DEBKAfile",
                          outlet_link=True),
    ),
    cues=("fill in", "were first to reveal", "was first to reveal"),
    variants=(
        # The reposting site: "DEBKAfile/<headline> موقع دبيكا/<Arabic>" and "DEBKAfile/July 05/18".
        ProfileVariant(name="repost-bilingual", detect=r"موقع\s*دبيكا|DEBKAfile/[A-Z][a-z]+\s*\d"),
        # debka.com's own pages: no dateline, site furniture at the end.
        ProfileVariant(name="debka.com", detect=r"Print Friendly, PDF & Email|under DEBKAfile's",
                       boilerplate=(r"(?i)^Tags?:.*", r"(?i)^Share this:?")),
        # Weekly digests: the "<date> Briefs" labels head sections; they are not datelines.
        ProfileVariant(name="weekly-digest",
                       detect=rf"A Digest of {_DEBKA} Round-the-Clock Exclusives",
                       boilerplate=(rf"^{_MONTH_DAY_YEAR}\s+[Bb]riefs",)),
    ),
)


@hookimpl
def register_outlets(register: Callable[[OutletProfile], None]) -> None:
    """Register the DEBKAfile profile."""
    register(PROFILE)
