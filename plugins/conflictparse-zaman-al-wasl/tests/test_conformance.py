"""The Zaman al-Wasl plugin against the conflictparse plugin conformance suite."""

from __future__ import annotations

from pathlib import Path

import conflictparse_zaman_al_wasl

from conflictparse.testing import ZAMAN_AL_WASL, PluginConformance

FIXTURES = Path(__file__).parent / "fixtures"
DEVSET = Path(__file__).parents[3] / "tests" / "devset"
"""The devset of the conflictparse checkout this plugin lives in, when present."""


def fixtures(*names: str) -> tuple[Path, ...]:
    """The fixtures of these names, wherever they sit under ``fixtures/``."""
    return tuple(sorted(path for path in FIXTURES.rglob("*.txt") if path.name in names))


class TestZamanAlWaslConformance(PluginConformance):
    plugin = conflictparse_zaman_al_wasl
    style = ZAMAN_AL_WASL
    samples = fixtures("arsal_border_raids.txt", "hama_shelling_no_dateline.txt")
    foreign_samples = (*fixtures("other_outlet_citing_zaman.txt",
                                 "syrian_observer_translation.txt"),
                       *sorted(DEVSET.glob("*.txt")))
