"""The kit's small assertions for plugin tests."""

from __future__ import annotations

import pytest

import conflictparse
from conflictparse.testing import assert_not_in_body, body_texts, claim_by


def test_assertions_on_a_seed(observer_seed: conflictparse.Report) -> None:
    """claim_by finds a claim by source name; assert_not_in_body checks removed text."""
    assert claim_by(observer_seed, "same sources").cue is not None
    assert_not_in_body(observer_seed, "Logo Wide", "Helpful keywords")
    assert body_texts(observer_seed)[0].startswith("Sources, who asked not to be named")
    with pytest.raises(AssertionError, match="no claim by 'nobody'"):
        claim_by(observer_seed, "nobody")
    with pytest.raises(AssertionError, match="left in the body"):
        assert_not_in_body(observer_seed, "emergency meeting")
