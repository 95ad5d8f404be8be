"""The generic outlet: what every scraped page may carry, whatever its source.

Its profile (id ``generic``) reads reports of unknown outlets; its boilerplate patterns also
apply to every other outlet.
"""

from __future__ import annotations

from collections.abc import Callable

from conflictparse._outlets import OutletProfile
from conflictparse.hookspecs import hookimpl

GENERIC_ID = "generic"

COMMON_BOILERPLATE = (
    r"^\d{1,7}",  # a bare view or share counter line
    r"(?i)^print\s+friendly,?\s+pdf\s+&\s+email",
    r"(?i)^(?:share|tweet|email|print|whatsapp|facebook|twitter|telegram|linkedin)(?:\s*[|/·•]?\s*(?:share|tweet|email|print|whatsapp|facebook|twitter|telegram|linkedin))*",
    r"(?i)^search",
    r"(?i)^(?:read|see)\s+(?:also|more)\s*:.*",
    r"(?i)^related\s+(?:articles?|posts?|news)\s*:?",
    r"(?i)^this website uses cookies.*",
    r"(?i)^(?:accept|accept all|got it)",
    r"(?i)^(?:advertisement|sponsored)",
    r"(?i)^comments?\s+(?:are\s+)?closed\.?",
    r"(?i)^kommentare sind geschlossen\.?",
    r"(?i)^posted\s+(?:in|tagged)\s+.*",
    r"(?i)^archive for the\s+'[^']*'\s+category",
    r"(?i)^you have commented \d+ times? on .*",
    r"^\*{3,}",
    r"(?i)^(?:sender|receiver)'?s\s+(?:name|email)\s*:.*",
    r"(?i)^recommend\s+article",
)
"""Line patterns (``^``: whole lines only) removed from the reports of every outlet."""

PROFILE = OutletProfile(id=GENERIC_ID, name="Unknown outlet", boilerplate=COMMON_BOILERPLATE)


@hookimpl(trylast=True)
def register_outlets(register: Callable[[OutletProfile], None]) -> None:
    register(PROFILE)
