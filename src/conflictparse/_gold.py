"""A Report in the gold annotation format (``docs/evaluation.md``), so output can be scored.

Two extensions over hand-written gold files: every claim carries ``source_aliases`` (all
names of the actor its source resolved to) and every actor/location is a list of its name
and aliases, so the scorer can credit a parser that knows Hizballah is Hezbollah.
"""

from __future__ import annotations

from typing import Any

from ._types import Precision, Report


def report_to_gold(report: Report) -> dict[str, Any]:
    """``report`` as a gold-format dict."""
    actors = {a.id: a for a in report.actors}
    claims = []
    for claim in report.claims:
        source = claim.source
        aliases: list[str] = []
        if source.actor_id in actors:
            actor = actors[source.actor_id]
            aliases = [actor.name, *actor.aliases]
        claims.append({
            "source": source.name,
            "source_kind": source.kind.value,
            "cue": claim.cue.text if claim.cue else None,
            "content": claim.content.text,
            "direct_quote": claim.direct_quote,
            "hedged": claim.hedged,
            "source_aliases": aliases,
        })
    provenance = report.provenance
    return {
        "outlet": report.outlet,
        "headline": report.headline,
        "headline_translations": report.headline_translations,
        "published": report.published.isoformat() if report.published else None,
        "provenance": {
            "original_outlet": provenance.original_outlet,
            "translated_by": provenance.translated_by,
        },
        "claims": claims,
        "actors": [[a.name, *a.aliases] for a in report.actors],
        "locations": [[loc.name, *loc.aliases] for loc in report.locations],
        "dates": [
            {"text": d.span.text, "resolved": d.resolved.isoformat()}
            for d in report.dates
            if d.resolved is not None and d.precision is Precision.DAY
        ],
    }
