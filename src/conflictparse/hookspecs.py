"""The plugin hook specification: every hook a conflictparse plugin can implement.

A plugin is a module or object with functions marked ``@conflictparse.hookimpl`` whose names
are hooks below. Plugins are found through the ``conflictparse`` entry-point group or
registered in code with ``Parser(plugins=[...])``. Hook names are verb-first without prefix;
unknown names are rejected when the plugin is loaded.

The pipeline, and where each hook runs::

    text ─► detect_outlet ─► find_boilerplate ─► read_header ─► read_provenance
         ─► claims (core grammar + attribution_phrases) ─► actors / locations ─► dates
         ─► finish_report ─► Report

Registration hooks run once, when a :class:`~conflictparse.Parser` is built. Per-report
hooks run once per report. Every call of every implementation is isolated: an implementation
that raises or returns the wrong type is skipped for that report and reported as a
``plugin-error`` diagnostic naming the plugin; the report is still produced.

Most outlet plugins implement only :func:`register_outlets`: the core's built-in profile
plugin implements the per-report hooks for every registered :class:`OutletProfile`. Implement
a per-report hook yourself only for what a profile cannot describe; return ``None`` for
outlets that are not yours so the next implementation (eventually the built-in one) answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from ._document import Document
    from ._header import Header
    from ._outlets import AttributionPhrase, OutletProfile
    from ._registry import ActorEntry, PlaceEntry
    from ._types import Provenance, Report

PROJECT_NAME = "conflictparse"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


# ---------------------------------------------------------------------------------------------
# Registration: called once per Parser, in plugin registration order.
# ---------------------------------------------------------------------------------------------


@hookspec
def register_outlets(register: Callable[[OutletProfile], None]) -> None:
    """Register the outlets this plugin knows how to read.

    Called once when a Parser is built. Call ``register(profile)`` for each
    :class:`~conflictparse.OutletProfile`. Two plugins registering the same outlet id is an
    error naming both, as is a profile with a pattern that does not compile
    (:class:`~conflictparse.PluginRegistrationError`). Returns nothing.
    """


@hookspec
def register_actors(register: Callable[[ActorEntry], None]) -> None:
    """Add actors (states, forces, groups, organisations, people) to the actor registry.

    Called once when a Parser is built, after the packaged registry is loaded. Call
    ``register(entry)`` with an :class:`~conflictparse.ActorEntry`; an entry whose id already
    exists adds its aliases to the existing actor. Returns nothing.
    """


@hookspec
def register_locations(register: Callable[[PlaceEntry], None]) -> None:
    """Add places (towns, bases, crossings, regions) to the gazetteer.

    Called once when a Parser is built, after the packaged gazetteer is loaded. Call
    ``register(entry)`` with a :class:`~conflictparse.PlaceEntry`; an entry whose id already
    exists adds its aliases to the existing place. Returns nothing.
    """


# ---------------------------------------------------------------------------------------------
# Per report, in pipeline order.
# ---------------------------------------------------------------------------------------------


@hookspec
def detect_outlet(text: str) -> Iterable[tuple[str, float]] | None:
    """Score how likely ``text`` is a report of each outlet this plugin reads.

    Called once per report unless the caller named the outlet. ``text`` is the folded text
    (straight quotes, plain spaces). Return ``(outlet_id, score)`` pairs with scores in
    [0, 1], or ``None``. All implementations are called; the highest score at or above 0.5
    picks the outlet, otherwise the report is read as the generic outlet.
    """


@hookspec
def find_boilerplate(document: Document, outlet: str) -> Iterable[tuple[int, int]] | None:
    """Find site furniture to remove: logos, counters, subscribe links, share widgets.

    Called once per report with the chosen outlet id. Return ``(start, end)`` offsets into
    ``document.folded``. All implementations are called and their stretches are united; the
    body, header and attribution grammar never see them.
    """


@hookspec(firstresult=True)
def read_header(document: Document, outlet: str, boilerplate: tuple[tuple[int, int], ...]) -> (
    Header | None
):
    """Read the header: headline and its translations, byline, dateline, standfirst.

    Called once per report with the chosen outlet and the boilerplate found. Return a
    :class:`~conflictparse.Header`, or ``None`` to let the next implementation answer. The
    first non-``None`` result is used (``firstresult``); the built-in profile plugin answers
    last for every outlet.
    """


@hookspec(firstresult=True)
def read_provenance(document: Document, outlet: str, header: Header) -> Provenance | None:
    """Read translator notes and credits into provenance: original outlet, translator, note.

    Called once per report with the chosen outlet and the header already read (its
    standfirst is where a translation usually credits the original). Return a
    :class:`~conflictparse.Provenance`, or ``None`` to let the next implementation answer.
    The first non-``None`` result is used (``firstresult``). The spans of the translator
    note and disclaimer are removed from the body.
    """


@hookspec
def attribution_phrases(outlet: str) -> Iterable[AttributionPhrase] | None:
    """Contribute source phrases to the core's attribution grammar for ``outlet``.

    Called once per outlet per Parser (the grammar is compiled and cached). Return
    :class:`~conflictparse.AttributionPhrase` objects or ``None``. All results are combined:
    the grammar knows every phrase any plugin contributed for that outlet.
    """


@hookspec
def finish_report(report: Report) -> Report | None:
    """Make a last pass over the finished report: add, drop or correct items.

    Called once per report after all extraction. Return a new Report (use
    ``attrs.evolve``) or ``None`` for no change. Implementations are chained: each receives
    the report the previous one returned. Spans must still point into ``report.text``.
    """
