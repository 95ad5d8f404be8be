"""The Syrian Observer: English translations of Syrian outlets (Alsouria Net, Enab Baladi,
Zaman al-Wasl, …), with a translator note and disclaimer.

Everything here is data: the core reads headers, translator notes, the original outlet and
attribution from this profile (see ``conflictparse.OutletProfile``).
"""

from __future__ import annotations

from collections.abc import Callable

from conflictparse import AttributionPhrase, Marker, OutletProfile, SourceKind, hookimpl

TRANSLATED_OUTLETS = (
    # Display name first, then the spellings seen in text.
    "Alsouria Net|Alsouria|al-Souria Net|Al-Souria Net|Souria Net",
    "Enab Baladi",
    "Zaman al-Wasl|Zaman Al Wasl|Zaman Alwasl|Zaman al Wasl",
    "Al-Modon|Almodon|al-Modon",
    "Jesr Press|Jisr Press",
    "Shaam Network|Sham Network",
    "Horan Free League",
    "Ahrar Horan Gathering|Ahrar Horan",
    "North Press|North Press Agency",
    "Syria TV|Syria Television|Tlfzyon Sorya",
    "Al-Watan|Al Watan|al-Watan",
    "SANA|Syrian Arab News Agency",
    "Athr Press|Athr",
    "Brocar Press",
    "All4Syria|All 4 Syria|Kulluna Shuraka",
    "Orient News|Orient Net",
    "Al-Quds Al-Arabi|Al Quds Al Arabi",
    "Asharq Al-Awsat|Asharq al-Awsat",
    "Step News|Step News Agency",
    "Sowt Al-Asima|Sawt al-Asimah",
    "Iqtissad|Eqtsad",
    "Syria Steps",
    "Sham FM|Cham FM",
    "Al-Ba'ath|Al-Baath",
    "Tishreen",
    "Hawar News|ANHA",
    "Rozana|Radio Rozana",
    "Levant 24|Levant24",
    "Nedaa Syria|Nidaa Syria",
    "Al-Hal|Al-Hal Net",
    "Syrian Observatory for Human Rights|SOHR",
    "Baladi News|Baladi-News",
    "Al-Masdar News|Al-Masdar|Al Masdar News|Al Masdar",
    "Al-Araby al-Jadeed|Al-Araby Al-Jadeed|Al Araby Al Jadeed",
    "Al-Thawra|Al Thawra",
    "Al-Hayat|Al Hayat",
    "Ayn al-Madina|Ain al-Medina|Ayn al-Medina",
    "Al-Mayadeen|Al Mayadeen",
)

_SPELLINGS = "|".join(
    name.strip().replace(" ", r"[\s-]+").replace(".", r"\.")
    for entry in TRANSLATED_OUTLETS for name in entry.split("|")
)
"""Every spelling of every translated outlet, as one alternation."""

_CUT_NOTE = (
    # The translator note cut off mid-word where a scrape ends ("This article was edi").
    r"This article was (?:t(?:r(?:a(?:n(?:s(?:l(?:a(?:t(?:ed?)?)?)?)?)?)?)?)?"
    r"|e(?:d(?:i(?:t(?:ed?)?)?)?)?)"
)

PROFILE = OutletProfile(
    id="syrian_observer",
    name="The Syrian Observer",
    names=("The Syrian Observer", "Syrian Observer"),
    markers=(
        Marker(pattern=r"(?i)translated\s+and\s+edited\s+by\s+the\s+Syrian\s+Observer", weight=1.0),
        Marker(pattern=r"(?i)edited\s+by\s+the\s+Syrian\s+Observer", weight=0.8),
        Marker(pattern=r"(?i)Remarks?\s+by\s+the\s+Syrian\s+Observer", weight=0.8),
        Marker(pattern=r"(?m)^Logo Wide\s*$", weight=0.5, header_only=True),
        Marker(pattern=r"(?m)^Helpful keywords\s*$", weight=0.3),
        Marker(pattern=r"Responsibility for the information and views set out in this article",
               weight=0.5),
        Marker(pattern=rf"(?m)^{_CUT_NOTE}\s*\Z", weight=0.5),
        # The old site's "Recommend article" form under the body.
        Marker(pattern=r"(?m)^Recommend article\s*\n\s*Sender's Name:", weight=0.5),
        # A blog's repost with the outlet as headline suffix ("<headline> - The Syrian Observer").
        # The line before the name is a lookbehind: the search is led by the literal (fast).
        Marker(pattern=r"(?m)(?<=^[^\n]{10,200}\s[-–|]\s+)The Syrian Observer\s*$", weight=0.9,
               header_only=True),
    ),
    headline_suffixes=(r"[-–|]\s+The Syrian Observer",),
    boilerplate=(
        r"^Logo Wide",
        r"^Helpful keywords",
        r"^\.{3,}",
        rf"^{_CUT_NOTE}",
    ),
    translator_notes=(
        r"(?:This article was |)(?:[Tt]ranslated and edited|[Tt]ranslated) by (?P<translator>"
        r"[Tt]he Syrian Observer)\.?",
        r"This article was edited by (?P<editor>[Tt]he Syrian Observer)\.?",
    ),
    disclaimers=(
        r"(?:The Syrian Observer has not verified the content of this story\.\s*)?"
        r"Responsibility for the information and views set out in this article lies en\w*"
        r"(?:\s+with\s+the\s+au\w*\.?)?",
        r"The Syrian Observer has not verified the content of this story\.?",
    ),
    translated_outlets=TRANSLATED_OUTLETS,
    attribution=(
        # "An All4Syria correspondent in Damascus has reported that": the translated outlet's
        # own correspondent speaks for it.
        AttributionPhrase(
            pattern=rf"(?:[Aa]n?\s+|[Tt]he\s+)?(?:{_SPELLINGS})\s+(?:correspondent|reporter)s?"
                    r"(?:\s+in\s+\p{Lu}[\p{L}-]+)?",
            kind=SourceKind.OUTLET),
        AttributionPhrase(pattern=r"Remarks?\s+by\s+the\s+Syrian\s+Observer",
                          kind=SourceKind.OUTLET, name="The Syrian Observer", outlet_link=True,
                          colon_lead=True),
    ),
    drop_inline_headlines=True,
)


@hookimpl
def register_outlets(register: Callable[[OutletProfile], None]) -> None:
    """Register The Syrian Observer profile."""
    register(PROFILE)
