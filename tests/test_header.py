"""Header reading in the core: shapes every outlet shares, on the generic profile."""

from __future__ import annotations

import datetime as dt

import conflictparse


def test_english_then_arabic_on_one_line_and_repeats(parser: conflictparse.Parser) -> None:
    """One line with both languages is split by script; repeated lines are header, not body."""
    text = ("Strikes resume in Daraa ضربات في درعا\n\nStrikes resume in Daraa\nضربات في درعا\n\n"
            "The army said that it advanced.")
    report = parser.parse(text, outlet="generic")
    assert report.headline == "Strikes resume in Daraa"
    assert report.headline_translations == {"ar": "ضربات في درعا"}
    assert [p.text for p in report.paragraphs] == ["The army said that it advanced."]


def test_dateline_running_into_the_first_sentence(parser: conflictparse.Parser) -> None:
    """'September 8, 2017, 8:29 AM (GMT+02:00) – While…': the rest of the line is body."""
    text = ("Jets strike near Masyaf\n\nSeptember 8, 2017, 8:29 AM (GMT+02:00) – While Israeli "
            "jets struck, the army said that it was ready.")
    report = parser.parse(text, outlet="generic")
    assert report.published == dt.date(2017, 9, 8)
    assert report.paragraphs[0].text.startswith("While Israeli jets struck")


def test_iso_date_line_and_byline(parser: conflictparse.Parser) -> None:
    """' date 2022-06-15' pages and 'By <name>' lines are read, not taken for body."""
    text = (" date 2022-06-15\nBy Walid al-Bunni for All4Syria\nGunmen killed a former "
            "commander in Tafas on Tuesday, the source said.")
    report = parser.parse(text, outlet="generic")
    assert report.published == dt.date(2022, 6, 15)
    assert report.byline is not None and report.byline.text.startswith("By Walid al-Bunni")
    assert report.headline is None
    assert report.dates[0].resolved == dt.date(2022, 6, 14)


def test_standfirst_between_headline_and_its_repeat(parser: conflictparse.Parser) -> None:
    """Headline, summary, headline again: the summary is the standfirst."""
    text = ("Bakeries Cut Hours in Daraa\n\nFlour deliveries shrank by a third, writes Athr "
            "Press.\nBakeries Cut Hours in Daraa\n\nResidents queued for hours.")
    report = parser.parse(text, outlet="generic")
    assert report.standfirst is not None
    assert report.standfirst.text.startswith("Flour deliveries shrank")
    assert [p.text for p in report.paragraphs] == ["Residents queued for hours."]


def test_common_boilerplate_lines_are_removed(parser: conflictparse.Parser) -> None:
    """Counters, share widgets and 'Read Also' lines never reach the body."""
    text = ("A headline here\n\n257\nShare Tweet Email\nRead Also: Another story\n"
            "The source said that it rained.")
    report = parser.parse(text, outlet="generic")
    assert [p.text for p in report.paragraphs] == ["The source said that it rained."]
    assert {b.text for b in report.boilerplate} >= {"257", "Share Tweet Email"}


def test_publication_date_label(parser: conflictparse.Parser) -> None:
    """'Publication date: 2018/12/01 11:53' under the headline is the dateline."""
    text = "Shelling injures civilians\n\nPublication date: 2018/12/01 11:53\n\nOn Saturday it hit."
    report = parser.parse(text, outlet="generic")
    assert report.published == dt.date(2018, 12, 1)
    assert report.dates[0].resolved == dt.date(2018, 12, 1)


def test_weekday_date_time_line_above_the_headline(parser: conflictparse.Parser) -> None:
    """'Saturday 29 December 2018 - 10:15' on top is the dateline; the headline follows."""
    text = ("Saturday 29 December 2018 - 10:15\n\nStrikes hit army positions near Damascus\n\n"
            "The army said that the raid failed.")
    report = parser.parse(text, outlet="generic")
    assert report.published == dt.date(2018, 12, 29)
    assert report.headline == "Strikes hit army positions near Damascus"


def test_furniture_above_a_headline_that_sits_on_the_dateline(
        parser: conflictparse.Parser) -> None:
    """Blog lines above a repost's headline are furniture; a subtitle right under the
    headline is not taken for it."""
    text = ("My Blog Home Page\nFollow this blog\nNotes from the north\n"
            "Advisers arrive at the Hama front\nMarch 11, 2016\n\nThe source said it was so.")
    report = parser.parse(text, outlet="generic")
    assert report.headline == "Advisers arrive at the Hama front"
    assert not any("Follow this blog" in p.text for p in report.paragraphs)
    short = parser.parse("Advisers arrive at Hama\nA subtitle under it\nMarch 11, 2016\n\n"
                         "The source said it was so.", outlet="generic")
    assert short.headline == "Advisers arrive at Hama"


def test_a_line_that_may_repeat_the_headline_is_never_skipped() -> None:
    """``_may_repeat`` rules a line out only where no part of it (the line less a prefix or
    suffix) holds the words of either headline, nor an Arabic letter while no Arabic
    headline is known."""
    import random

    from conflictparse import _header

    rng = random.Random(5)
    english, arabic = "Israeli jets hit T-4 airbase", "غارات إسرائيلية على مطار التيفور"
    pieces = ["DEBKAfile: ", "Israeli", "ISRAELI", " jets", " hit", " T-4", " airbase", " - ",
              "غارات", " إسرائيلية", " على مطار التيفور", " body text", "İsraeli", " "]
    for _ in range(5000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 7))).strip()
        for known_arabic in ("", arabic):
            for start in range(len(line)):
                for end in range(start, len(line) + 1, 3):
                    part = line[start:end]
                    repeats = _header._same(part, english) or (
                        known_arabic and _header._same(part, known_arabic))
                    arabic_line = not known_arabic and _header.first_arabic(part) == 0
                    if repeats or arabic_line:
                        assert _header._may_repeat(line, english, known_arabic), (line, part)


def test_a_kicker_dateline_passes_over_a_section_label() -> None:
    """A dateline pattern with an empty ``kicker`` group: the headline-like line below it is
    a section label (header, not body) when another headline-like line follows; without the
    group that label is the headline."""
    from conflictparse._document import Document
    from conflictparse._header import compile_header_patterns, read_header

    text = ("Issue 41, 2021-03-02\nNotes from the North\nRebels cut the road to Idlib\n"
            "Rebels cut the M4 road on Monday, the army said.")
    document = Document(text)
    labelled = compile_header_patterns([], [], [r"Issue \d+, (?P<date>\d{4}-\d{2}-\d{2})(?P<kicker>)"])
    header = read_header(document, labelled, (), dt.date(2026, 1, 1))
    assert [h.text for h in header.headlines] == ["Rebels cut the road to Idlib"]
    label = text.index("Notes")
    assert any(start <= label < end for start, end in header.consumed)
    plain = compile_header_patterns([], [], [r"Issue \d+, (?P<date>\d{4}-\d{2}-\d{2})"])
    header = read_header(document, plain, (), dt.date(2026, 1, 1))
    assert [h.text for h in header.headlines] == ["Notes from the North"]


def test_a_translated_page_gives_the_english_headline_printed_last(
        parser: conflictparse.Parser) -> None:
    """A repost in German: the headline on top is the translation, told by the language of
    the text below it; the English headline printed as the last line is the headline."""
    text = ("Der Iran verlegt Drohnen nach Deir ez-Zor\n\n"
            "Nach Angaben der Quellen haben die Revolutionsgarden in der vergangenen Woche "
            "Drohnen auf den Flugplatz bei der Stadt verlegt, die von den Milizen gehalten wird.\n\n"
            "Iran moves drones to Deir ez-Zor\n")
    report = parser.parse(text, outlet="generic")
    assert report.headline == "Iran moves drones to Deir ez-Zor"
    assert report.headline_translations == {"de": "Der Iran verlegt Drohnen nach Deir ez-Zor"}
    assert [p.text[:13] for p in report.paragraphs] == ["Nach Angaben "]


def test_an_english_page_ending_in_a_short_line_keeps_its_headline(
        parser: conflictparse.Parser) -> None:
    """Only a page whose text is in another language is a translation: an English report's
    headline stays English, and its last line stays body."""
    text = ("Strikes hit the airport near Damascus\n\n"
            "Israeli jets struck the airport near Damascus on Tuesday, the army said.\n\n"
            "Read more about the war in Syria\n")
    report = parser.parse(text, outlet="generic")
    assert report.headline == "Strikes hit the airport near Damascus"
    assert report.headline_translations == {}
    assert report.paragraphs[-1].text == "Read more about the war in Syria"


def test_a_translated_page_without_the_english_headline_labels_its_language(
        parser: conflictparse.Parser) -> None:
    text = ("Les frappes reprennent près de Deraa\n\n"
            "Selon les sources, les frappes ont repris dans la nuit, près de la ville, et les "
            "habitants ont quitté les villages du sud.\n")
    report = parser.parse(text, outlet="generic")
    assert report.headline is None
    assert report.headline_translations == {"fr": "Les frappes reprennent près de Deraa"}
