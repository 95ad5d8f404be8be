"""Zaman al-Wasl: the English edition of the Syrian opposition news site.

Its pages open the first paragraph with ``(Zaman Al Wasl)-``, credit the writer and the
translator in one line (``By <name>; Translation by <name>``) and end with a comment form.
The Syrian Observer translates many of its articles: those carry the Syrian Observer's
translator note and stay ``syrian_observer``; here a mere mention of Zaman al-Wasl weighs
little, and only the lead and the byline claim a text.

Everything here is data: the core reads the header, boilerplate and attribution from this
profile (see ``conflictparse.OutletProfile``). This plugin is the worked example of the
plugin author's guide (``docs/plugin-guide.md``).
"""

from __future__ import annotations

from collections.abc import Callable

from conflictparse import AttributionPhrase, Marker, OutletProfile, SourceKind, hookimpl

_ZAMAN = r"(?:Zaman\s+[Aa]l[- ]?[Ww]asl|Zaman\s+Alwasl)"
"""The outlet's name as its own pages and its translators spell it: Zaman al-Wasl, Zaman Al
Wasl, Zaman al Wasl, Zaman Alwasl."""

PROFILE = OutletProfile(
    id="zaman_al_wasl",
    name="Zaman al-Wasl",
    names=("Zaman al-Wasl", "Zaman Al Wasl", "Zaman Alwasl", "Zaman al Wasl"),
    markers=(
        # The lead that opens every article: "(Zaman Al Wasl)- Lebanese army on Monday …".
        Marker(pattern=rf"(?m)^\({_ZAMAN}\)\s*[-–—]", weight=0.9, header_only=True),
        # The byline with its translator credit: "By Ahmad Khalil; Translation by Sami Yusuf".
        Marker(pattern=r"(?m)^By\s+[^;\n]{3,60};\s*Translation\s+by\s+\S", weight=0.4,
               header_only=True),
        # The comment form under the article.
        Marker(pattern=r"(?m)^Comments About This Article\s*$", weight=0.3),
        # A mere mention ("a field source told Zaman al-Wasl") is what a translation by
        # another outlet says too: it weighs too little to claim a text on its own, and
        # with the lead it stays below the 1.0 of a Syrian Observer translator note.
        Marker(pattern=rf"\btold\s+{_ZAMAN}", weight=0.05),
    ),
    datelines=(
        # The posting time on a line of its own, where the scrape kept it:
        # "2019-03-18 12:41:00". (The generic datelines would miss the time of day.)
        r"(?P<date>\d{4}-\d{2}-\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$",
    ),
    boilerplate=(
        rf"\({_ZAMAN}\)\s*[-–—]+\s*",
        # The comment form under the article: whole lines only ("^").
        r"^Comments About This Article",
        r"^Please fill the fields below\.?",
    ),
    attribution=(
        # "A Zaman al-Wasl correspondent in the area said that …": the outlet's own reporter.
        AttributionPhrase(
            pattern=rf"{_ZAMAN}(?:'s)?\s+(?:reporter|correspondent)s?"
                    r"(?:\s+in\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,3}?)?",
            kind=SourceKind.OUTLET, outlet_link=True),
    ),
)


@hookimpl
def register_outlets(register: Callable[[OutletProfile], None]) -> None:
    """Register the Zaman al-Wasl profile."""
    register(PROFILE)
