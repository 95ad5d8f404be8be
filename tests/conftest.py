"""Shared fixtures: one Parser per session (building it loads every registry)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import conflictparse

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"
DEVSET = Path(__file__).parent / "devset"


@pytest.fixture(scope="session")
def parser() -> conflictparse.Parser:
    """A Parser with every installed plugin; 'today' pinned so dateline checks are stable."""
    return conflictparse.Parser(today=dt.date(2026, 11, 25))


@pytest.fixture(scope="session")
def debka_seed(parser: conflictparse.Parser) -> conflictparse.Report:
    return parser.parse((SEEDS / "000_ef60f1c7f8756a70.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def observer_seed(parser: conflictparse.Parser) -> conflictparse.Report:
    return parser.parse((SEEDS / "004_d8ee403f277f3248.txt").read_text(encoding="utf-8"))
