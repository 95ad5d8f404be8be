"""Small assertions for plugin tests written against fixture reports.

    from conflictparse.testing import assert_not_in_body, body_texts, claim_by

    report = parser.parse(read("my_fixture.txt"))
    assert_not_in_body(report, "Logo Wide", "Helpful keywords")
    assert claim_by(report, "same sources").cue.text == "revealed"
"""

from __future__ import annotations

from conflictparse import Claim, Report


def body_texts(report: Report) -> list[str]:
    """The body paragraphs of ``report`` as strings."""
    return [paragraph.text for paragraph in report.paragraphs]


def assert_not_in_body(report: Report, *fragments: str) -> None:
    """Assert that none of ``fragments`` survives in a body paragraph (boilerplate, notes)."""
    for fragment in fragments:
        offenders = [text for text in body_texts(report) if fragment in text]
        assert not offenders, f"{fragment!r} left in the body: {offenders}"


def claim_by(report: Report, source: str) -> Claim:
    """The first claim whose source name is ``source``; an AssertionError lists the sources
    found otherwise."""
    for claim in report.claims:
        if claim.source.name == source:
            return claim
    raise AssertionError(f"no claim by {source!r}; claims by "
                         f"{[c.source.name for c in report.claims]}")
