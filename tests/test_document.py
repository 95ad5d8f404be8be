"""Folding keeps offsets: every span maps back to the exact original characters."""

from __future__ import annotations

import random

import regex

from conflictparse._document import Document, sanitize, sentences


def test_curly_quotes_and_spaces_fold_one_to_one() -> None:
    """Replacements of one character keep every offset."""
    text = "He said\u00a0“no” and ‘yes’\r\nnext"
    document = Document(text)
    assert len(document.folded) == len(text)
    assert document.folded == 'He said "no" and \'yes\' \nnext'
    assert document.span(8, 12).text == "“no”"


def test_format_characters_are_deleted_and_mapped_back() -> None:
    """Zero-width and bidi marks vanish from the folded text; spans still cover them."""
    text = "Da\u200braa and \u200fHama"
    document = Document(text)
    assert document.folded == "Daraa and Hama"
    span = document.span(0, 5)
    assert span.text == "Da\u200braa"
    assert (span.start, span.end) == (0, 6)
    hama = document.folded.index("Hama")
    assert document.span(hama, hama + 4).text == "Hama"
    assert document.folded_offset(text.index("Hama")) == hama


def test_lines_are_stripped_with_offsets() -> None:
    """Lines skip blanks and keep their offsets into the folded text."""
    document = Document("  first line  \n\n second\n")
    assert [(line.text, document.folded[line.start:line.end]) for line in document.lines] == [
        ("first line", "first line"), ("second", "second")]


def test_sanitize_replaces_lone_surrogates_only() -> None:
    """Lone surrogates become U+FFFD and the length stays the same."""
    assert sanitize("a\ud800b") == "a\ufffdb"
    assert sanitize("plain") == "plain"


def test_sentences_respect_abbreviations() -> None:
    """Gen., Col. and U.S. do not end sentences; a full stop and a capital do."""
    text = "Gen. Ramadan met Col. Ali in the U.S. capital. The source said so. Then?"
    found = [text[a:b] for a, b in sentences(text, 0, len(text))]
    assert found == ["Gen. Ramadan met Col. Ali in the U.S. capital.", "The source said so.",
                     "Then?"]


def _sentences_as_before(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The splitter before its period-only pattern: one pattern for every mark, and the end
    found by stripping the white space off the sentence."""
    pattern = regex.compile(
        r"""(?<!\b(?:Gen|Lt|Col|Maj|Brig|Capt|Cpt|Sgt|Adm|Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Jr|"""
        r"""Sr|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|[A-Z]))"""
        r"""[.!?]+["')\]]*\s+(?=["'(\[]?[\p{Lu}\d])""")
    found = []
    position = start
    for match in pattern.finditer(text, start, end):
        sentence_end = len(text[position:match.end()].rstrip()) + position
        if sentence_end > position:
            found.append((position, sentence_end))
        position = match.end()
    tail_end = len(text[position:end].rstrip()) + position
    if tail_end > position:
        found.append((position, tail_end))
    return found


def test_sentences_split_as_one_pattern_for_every_mark() -> None:
    """The period-only pattern (for texts without '!' or '?') splits as the general one."""
    pieces = [".", "..", "!", "?", "?!", "Gen.", "gen.", "U.S.", "U.S", "A.", "a.", "No.",
              "Sept.", "3.5", "'", '"', ")", "]", "(", "[", " ", "  ", "\n", "\x1c", "\u2003",
              "The", "the", "Ali", "Émile", "12", "word", "vs.", "-"]
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        start, end = sorted((rng.randint(0, len(text)), rng.randint(0, len(text))))
        for a, b in ((0, len(text)), (start, end)):
            assert list(sentences(text, a, b)) == _sentences_as_before(text, a, b), (text, a, b)
