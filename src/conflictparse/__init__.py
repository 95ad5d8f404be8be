"""conflictparse: turn conflict reports into typed, evidence-backed data.

>>> import conflictparse
>>> report = conflictparse.parse(text)            # doctest: +SKIP
>>> report.headline, report.published, report.claims[0].source.name   # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from typing import Any

from ._errors import (
    ConflictParseError,
    InputTypeError,
    PluginRegistrationError,
    UnknownOutletError,
)
from ._gold import report_to_gold
from ._header import Header
from ._outlets import AttributionPhrase, Marker, OutletProfile, ProfileVariant
from ._parser import Parser
from ._registry import ActorEntry, PlaceEntry
from ._serialize import report_from_dict, report_from_json, report_to_dict, report_to_json
from ._types import (
    Actor,
    Claim,
    Dateline,
    DateMention,
    Diagnostic,
    Headline,
    Location,
    Mention,
    Precision,
    Provenance,
    Report,
    Severity,
    Source,
    SourceKind,
    Span,
)
from ._version import __version__
from .hookspecs import hookimpl

__all__ = [
    "Actor",
    "ActorEntry",
    "AttributionPhrase",
    "Claim",
    "ConflictParseError",
    "DateMention",
    "Dateline",
    "Diagnostic",
    "Header",
    "Headline",
    "InputTypeError",
    "Location",
    "Marker",
    "Mention",
    "OutletProfile",
    "Parser",
    "PlaceEntry",
    "PluginRegistrationError",
    "Precision",
    "ProfileVariant",
    "Provenance",
    "Report",
    "Severity",
    "Source",
    "SourceKind",
    "Span",
    "UnknownOutletError",
    "__version__",
    "default_parser",
    "hookimpl",
    "parse",
    "parse_many",
    "report_from_dict",
    "report_from_json",
    "report_to_dict",
    "report_to_gold",
    "report_to_json",
]


@functools.lru_cache(maxsize=1)
def default_parser() -> Parser:
    """The shared Parser behind :func:`parse`, with every installed plugin, built on first use."""
    return Parser()


def parse(text: str, *, outlet: str | None = None, published: dt.date | None = None) -> Report:
    """Parse one report.

    ``outlet`` names the outlet plugin to use (``"debkafile"``) instead of detecting it;
    ``published`` gives the publication day when the text has no dateline (it also wins
    over one). Messy text never raises: problems become ``Report.diagnostics``.

    Raises :class:`InputTypeError` (a ``TypeError``) when ``text`` is not a ``str``, and
    :class:`UnknownOutletError` (a ``ValueError``) for an outlet no plugin provides.
    """
    return default_parser().parse(text, outlet=outlet, published=published)


def parse_many(texts: Iterable[str], *, workers: int = 1, chunksize: int = 64,
               **options: Any) -> Iterator[Report]:
    """Parse many reports lazily and in order; ``workers > 1`` uses that many processes."""
    if workers <= 1:
        return default_parser().parse_many(texts, **options)
    from ._batch import parse_in_processes

    return parse_in_processes(texts, workers=workers, chunksize=chunksize, **options)
