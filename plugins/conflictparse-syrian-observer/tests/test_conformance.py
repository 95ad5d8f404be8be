"""The Syrian Observer plugin against the conflictparse plugin conformance suite."""

from __future__ import annotations

from pathlib import Path

import conflictparse_syrian_observer

from conflictparse.testing import SYRIAN_OBSERVER, PluginConformance

DEVSET = Path(__file__).parents[3] / "tests" / "devset"
"""The devset of the conflictparse checkout this plugin lives in, when present."""


class TestSyrianObserverConformance(PluginConformance):
    plugin = conflictparse_syrian_observer
    style = SYRIAN_OBSERVER
    samples = sorted(DEVSET.glob("syobs_*.txt"))
    foreign_samples = sorted(DEVSET.glob("debka_*.txt"))
