"""The DEBKAfile plugin against the conflictparse plugin conformance suite."""

from __future__ import annotations

from pathlib import Path

import conflictparse_debkafile

from conflictparse.testing import DEBKAFILE, PluginConformance

DEVSET = Path(__file__).parents[3] / "tests" / "devset"
"""The devset of the conflictparse checkout this plugin lives in, when present."""


class TestDebkafileConformance(PluginConformance):
    plugin = conflictparse_debkafile
    style = DEBKAFILE
    samples = sorted(DEVSET.glob("debka_*.txt"))
    foreign_samples = sorted(DEVSET.glob("syobs_*.txt"))
