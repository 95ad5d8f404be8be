"""What must not change what is read: site furniture and translator notes around the body,
invisible format characters, exotic spaces and curly quotes, and the kind of line end."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictparse import Parser, Report, Span
from conflictparse.testing import STYLES
from conflictparse.testing import strategies as cst

STYLE_LIST = list(STYLES.values())
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u00ad",
             "\u061c", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2069")
"""Format characters (Unicode category Cf), which the parser reads past."""
SPACES = ("\u00a0", "\u202f", "\u2009", "\u2002", "\u3000", "\t")
QUOTES = {'"': ("\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb"),
          "'": ("\u2018", "\u2019", "\u2032")}
_NORMAL = str.maketrans({**dict.fromkeys((*INVISIBLE, "\r"), None),
                         **dict.fromkeys(SPACES, " "),
                         **{c: q for q, cs in QUOTES.items() for c in cs}})


def normal(text: str) -> str:
    return text.translate(_NORMAL)


def claims(report: Report) -> list[tuple[Any, ...]]:
    """The claims, without offsets."""
    return [(c.source.name, c.source.kind, c.source.actor_id, normal(c.source.span.text),
             c.cue and normal(c.cue.text), normal(c.content.text), c.direct_quote, c.hedged,
             c.hedge and normal(c.hedge.text), c.rule, c.confidence) for c in report.claims]


def reading(value: Any) -> Any:
    """Everything read from a report, with spans reduced to their (normalised) text and the
    diagnostics to their codes."""
    if isinstance(value, Report):
        fields = [f.name for f in attrs.fields(Report) if f.name not in ("text", "diagnostics")]
        return (tuple((name, reading(getattr(value, name))) for name in fields),
                sorted(d.code for d in value.diagnostics))
    if isinstance(value, Span):
        return normal(value.text)
    if isinstance(value, str):
        return normal(value)
    if isinstance(value, tuple):
        return tuple(reading(item) for item in value)
    if attrs.has(type(value)):
        return (type(value).__name__,
                tuple((f.name, reading(getattr(value, f.name))) for f in attrs.fields(type(value))))
    return value


@st.composite
def furnished(draw: st.DrawFn, style: cst.OutletStyle) -> tuple[str, str]:
    """A page without furniture, and the same page with furniture between its paragraphs."""
    sample = draw(cst.reports(style, boilerplate=False))
    body = list(sample.body)
    for _ in range(draw(st.integers(1, 4))):
        body.insert(draw(st.integers(1, len(body))), draw(cst.boilerplate_lines(style)))
    return sample.text, sample.with_body(body).text


@pytest.mark.parametrize("style", STYLE_LIST, ids=[style.id for style in STYLE_LIST])
@given(data=st.data())
def test_boilerplate_does_not_change_the_claims(parser: Parser, style: cst.OutletStyle,
                                                data: st.DataObject) -> None:
    bare, with_furniture = data.draw(furnished(style), label="pages")
    before = parser.parse(bare, outlet=style.id)
    after = parser.parse(with_furniture, outlet=style.id)
    assert len(after.boilerplate) > len(before.boilerplate), "the furniture was not found"
    assert claims(after) == claims(before)
    assert [p.text for p in after.paragraphs] == [p.text for p in before.paragraphs]
    assert after.headline == before.headline
    assert after.published == before.published


@st.composite
def annotated(draw: st.DrawFn, style: cst.OutletStyle) -> tuple[str, str]:
    """A page without a translator note, and the same page with one: on a line of its own
    or after the last paragraph."""
    sample = draw(cst.reports(style, translator_note=False))
    note = draw(cst.translator_notes(cst.SYRIAN_OBSERVER))
    if draw(st.booleans()):
        noted = sample.with_footer((note, *sample.footer))
    else:
        noted = sample.with_body((*sample.body[:-1], f"{sample.body[-1]} {note}"))
    return sample.text, noted.text


@pytest.mark.parametrize("style", STYLE_LIST, ids=[style.id for style in STYLE_LIST])
@given(data=st.data())
def test_a_translator_note_does_not_change_the_claims(parser: Parser, style: cst.OutletStyle,
                                                      data: st.DataObject) -> None:
    bare, noted = data.draw(annotated(style), label="pages")
    before = parser.parse(bare, outlet="syrian_observer")
    after = parser.parse(noted, outlet="syrian_observer")
    assert after.provenance.translator_note is not None
    assert claims(after) == claims(before)


def _pages() -> st.SearchStrategy[str]:
    return st.one_of(*(cst.report_texts(style) for style in STYLE_LIST))


@st.composite
def _sprinkled(draw: st.DrawFn, alphabet: tuple[str, ...]) -> tuple[str, str]:
    text = draw(_pages())
    positions = draw(st.lists(st.integers(0, len(text)), min_size=1, max_size=20))
    noisy = text
    for position in sorted(positions, reverse=True):
        noisy = noisy[:position] + draw(st.sampled_from(alphabet)) + noisy[position:]
    return text, noisy


@given(_sprinkled(INVISIBLE))
def test_invisible_format_characters_change_nothing_read(parser: Parser,
                                                         pages: tuple[str, str]) -> None:
    clean, noisy = pages
    assert reading(parser.parse(noisy)) == reading(parser.parse(clean))


@st.composite
def _substituted(draw: st.DrawFn) -> tuple[str, str]:
    """A page, and the same page with some spaces and quotes in other forms."""
    text = draw(_pages())
    chars = list(text)
    for index, char in enumerate(chars):
        if char == " " and draw(st.integers(0, 9)) == 0:
            chars[index] = draw(st.sampled_from(SPACES))
        elif char in QUOTES and draw(st.booleans()):
            chars[index] = draw(st.sampled_from(QUOTES[char]))
    return text, "".join(chars)


@given(_substituted())
def test_exotic_spaces_and_curly_quotes_change_nothing_read(parser: Parser,
                                                            pages: tuple[str, str]) -> None:
    plain, exotic = pages
    assert reading(parser.parse(exotic)) == reading(parser.parse(plain))


@st.composite
def _line_ends(draw: st.DrawFn) -> tuple[str, str]:
    """A page with LF line ends, and the same page with a mix of CRLF, CR and LF."""
    text = draw(_pages())
    lines = text.split("\n")
    ends = draw(st.lists(st.sampled_from(("\n", "\r\n", "\r")), min_size=len(lines) - 1,
                         max_size=len(lines) - 1))
    mixed = lines[0] + "".join(end + line for end, line in zip(ends, lines[1:], strict=True))
    return text, mixed


@given(_line_ends())
def test_mixed_line_ends_change_nothing_read(parser: Parser, pages: tuple[str, str]) -> None:
    unix, mixed = pages
    assert reading(parser.parse(mixed)) == reading(parser.parse(unix))
