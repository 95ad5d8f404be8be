"""Every Syrian Observer format variant listed in VARIANTS.md, each read from an invented
fixture, then the shapes met in real pages that VARIANTS.md does not list, and the core gaps
they exposed.

The fixtures under ``fixtures/`` are invented reports in the shapes Syrian Observer pages (and
reposts of them) take when scraped to text; no sentence comes from a real article. Each test
checks what the variant is about: outlet, headline, standfirst, publication day, what is cut
from the body as boilerplate, provenance (original outlet, translator, note and disclaimer)
and, for attribution formulas, the claim's source, kind and cue. Gaps the profile cannot close
with data are strict expected failures naming the core module that lacks the rule.
"""

from __future__ import annotations

import datetime as dt
import pathlib

import conflictparse_syrian_observer
import pytest

from conflictparse import Parser, Report, SourceKind
from conflictparse.testing import assert_not_in_body, check_report, claim_by
from conflictparse.testing import body_texts as paragraph_texts

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
SEEDS = pathlib.Path(__file__).parents[3] / "tests" / "fixtures" / "seeds"
"""The seed reports of the conflictparse checkout this plugin lives in, when present."""
TODAY = dt.date(2025, 1, 1)
SO = "The Syrian Observer"
FULL_NOTE = "This article was translated and edited by The Syrian Observer."
DISCLAIMER = ("Responsibility for the information and views set out in this article lies "
              "entirely with the author.")


def read(name: str) -> str:
    """The text of fixture ``name``."""
    return (FIXTURES / name).read_text(encoding="utf-8")


def assert_translated_note(report: Report) -> None:
    """The full note: translated and edited by The Syrian Observer, cut from the body."""
    provenance = report.provenance
    assert provenance.translated_by == SO
    assert provenance.edited_by == SO
    assert provenance.translator_note is not None
    assert provenance.translator_note.text == FULL_NOTE
    assert provenance.disclaimer is not None
    assert_not_in_body(report, "translated and edited", "Responsibility for the information")


@pytest.fixture(scope="module")
def parser() -> Parser:
    """A parser with only this plugin (and the built-in generic outlet)."""
    return Parser(plugins=[conflictparse_syrian_observer], entry_points=False, today=TODAY)


# -- header shapes -----------------------------------------------------------------------------


def test_logo_wide_headline_summary_headline_again(parser: Parser) -> None:
    """`Logo Wide`, headline, summary sentence, the headline again, body; the full note with
    its middle sentence; `Helpful keywords`."""
    report = parser.parse(read("logo_wide_full_note.txt"))
    assert report.outlet == "syrian_observer"
    assert report.outlet_name == SO
    assert report.headline == "Regime Security Branch Expands Checkpoints Around Jableh"
    assert report.headline_translations == {}
    assert report.standfirst is not None
    assert report.standfirst.text.endswith(", writes Brocar Press.")
    assert report.published is None
    assert [b.text for b in report.boilerplate] == ["Logo Wide", "Helpful keywords"]
    assert paragraph_texts(report)[0].startswith("Sources, who asked not to be named")
    assert_not_in_body(report, "Logo Wide", "Helpful keywords",
                       "Regime Security Branch Expands Checkpoints Around Jableh")
    provenance = report.provenance
    assert provenance.original_outlet == "Brocar Press"
    assert provenance.original_outlet_span is not None
    assert provenance.original_outlet_span.text == "Brocar Press"
    assert_translated_note(report)
    assert provenance.disclaimer is not None
    assert provenance.disclaimer.text == (
        "The Syrian Observer has not verified the content of this story. " + DISCLAIMER)
    assert_not_in_body(report, "has not verified")
    check_report(report)


def test_seed_004_logo_wide_page() -> None:
    """The seed report (same shape, Alsouria Net) reads the same way."""
    seed = next(iter(sorted(SEEDS.glob("004_*.txt"))), None)
    if seed is None:
        pytest.skip("the conflictparse checkout's seeds are not available")
    parser = Parser(plugins=[conflictparse_syrian_observer], entry_points=False, today=TODAY)
    report = parser.parse(seed.read_text(encoding="utf-8"))
    assert report.outlet == "syrian_observer"
    assert report.headline == "What Happened at Russia’s Meeting With the Regime in Daraa?"
    assert report.published is None
    assert report.provenance.original_outlet == "Alsouria Net"
    assert report.provenance.translated_by == SO
    assert_not_in_body(report, "Logo Wide", "Helpful keywords", "translated and edited")


@pytest.mark.parametrize(("name", "original", "written", "cue"), [
    ("summary_reports_north_press.txt", "North Press", "North Press", "reports"),
    ("summary_according_to_athr_press.txt", "Athr Press", "Athr Press", None),
    ("summary_reports_zaman_al_wasl.txt", "Zaman al-Wasl", "Zaman Al Wasl", "reports"),
    ("summary_alsouria_reports.txt", "Alsouria Net", "Alsouria", "reports"),
    ("summary_sana_reports.txt", "SANA", "SANA", "reports"),
    ("summary_no_verb_shaam.txt", "Shaam Network", "Shaam Network", None),
])
def test_summary_names_the_translated_outlet(parser: Parser, name: str, original: str,
                                             written: str, cue: str | None) -> None:
    """The summary names the translated outlet: `…, reports North Press.`, `…, according to
    Athr Press.`, `…, reports Zaman Al Wasl.`, `…, Alsouria reports` (no full stop),
    `…, SANA reports.`, and without a verb `…, Shaam Network.`; the note without the middle
    sentence."""
    report = parser.parse(read(name))
    assert report.outlet == "syrian_observer"
    assert report.standfirst is not None
    assert report.provenance.original_outlet == original
    assert report.provenance.original_outlet_span is not None
    assert report.provenance.original_outlet_span.text == written
    assert_translated_note(report)
    assert report.provenance.disclaimer is not None
    assert report.provenance.disclaimer.text == DISCLAIMER
    summary = claim_by(report, written)
    assert summary.source.kind is SourceKind.OUTLET
    assert (summary.cue.text if summary.cue else None) == cue
    assert report.standfirst.start <= summary.content.start < report.standfirst.end
    check_report(report)


@pytest.mark.parametrize(("name", "original", "written"), [
    ("spelling_sawt_al_asimah.txt", "Sowt Al-Asima", "Sawt al-Asimah"),
    ("spelling_al_souria_net.txt", "Alsouria Net", "al-Souria Net"),
    ("summary_reports_zaman_al_wasl.txt", "Zaman al-Wasl", "Zaman Al Wasl"),
])
def test_outlet_spellings_give_the_display_name(parser: Parser, name: str, original: str,
                                                written: str) -> None:
    """Sowt Al-Asima / Sawt al-Asimah, Alsouria Net / al-Souria Net, Zaman al-Wasl / Zaman Al
    Wasl: any spelling reports the outlet's display name."""
    report = parser.parse(read(name))
    assert report.provenance.original_outlet == original
    assert report.provenance.original_outlet_span is not None
    assert report.provenance.original_outlet_span.text == written


def test_date_line_page_without_headline(parser: Parser) -> None:
    """A page starting ` date 2022-06-15` that runs into the summary: no headline, the day
    from the date line, the outlet from the summary."""
    report = parser.parse(read("date_line_no_headline.txt"))
    assert report.outlet == "syrian_observer"
    assert report.headline is None
    assert report.headlines == ()
    assert report.published == dt.date(2022, 6, 15)
    assert report.dateline is not None and report.dateline.span.text == "date 2022-06-15"
    assert paragraph_texts(report)[0].startswith("Gunmen killed a former opposition commander")
    assert report.provenance.original_outlet == "Ahrar Horan Gathering"
    assert_translated_note(report)
    gathering = claim_by(report, "Ahrar Horan Gathering")
    assert gathering.source.kind is SourceKind.OUTLET
    assert gathering.cue is not None and gathering.cue.text == "reported"
    check_report(report)


def test_older_page_names_the_outlet_in_the_body(parser: Parser) -> None:
    """An older piece: the summary (no final stop) names no outlet; the body's `An All4Syria
    correspondent in Damascus has reported that` does; the oldest note then `......`."""
    report = parser.parse(read("older_all4syria_correspondent.txt"))
    assert report.outlet == "syrian_observer"
    assert report.headline == "Bread Queues Return to Damascus Suburbs"
    assert report.standfirst is not None
    assert report.standfirst.text.endswith("after flour deliveries were cut")
    provenance = report.provenance
    assert provenance.original_outlet == "All4Syria"
    assert provenance.translated_by == SO
    assert provenance.translator_note is not None
    assert provenance.translator_note.text == "Translated and edited by The Syrian Observer"
    assert provenance.disclaimer is None
    assert "......" in [b.text for b in report.boilerplate]
    assert_not_in_body(report, "Translated and edited", "......", "Helpful keywords")
    correspondent = claim_by(report, "All4Syria correspondent in Damascus")
    assert correspondent.source.kind is SourceKind.OUTLET
    assert correspondent.cue is not None and correspondent.cue.text == "reported"
    assert correspondent.content.text.startswith("long queues formed")


def test_according_to_a_third_party_is_not_the_translated_outlet(parser: Parser) -> None:
    """`…, according to SOHR.` comes first in the body, but the outlet the text was told
    (`told Enab Baladi`) is the original; SOHR is an organisation the text cites."""
    report = parser.parse(read("according_to_sohr_first.txt"))
    assert report.provenance.original_outlet == "Enab Baladi"
    sohr = claim_by(report, "SOHR")
    assert sohr.source.kind is SourceKind.ORGANISATION
    assert sohr.cue is None


def test_pro_regime_newspaper_quote_is_not_the_original(parser: Parser) -> None:
    """`According to the pro-regime newspaper, "…"` — a quotation, cue-less, from a paper that
    is not the translated outlet."""
    report = parser.parse(read("older_all4syria_correspondent.txt"))
    paper = claim_by(report, "pro-regime newspaper")
    assert paper.cue is None
    assert paper.direct_quote
    assert paper.content.text.lstrip('"').startswith("The shortage is temporary")
    assert report.provenance.original_outlet == "All4Syria"


def test_commentary_byline_and_date(parser: Parser) -> None:
    """A commentary page: `May 19, 2017` and `by <name> for All4Syria (opposition website)`."""
    report = parser.parse(read("commentary_listing_byline.txt"))
    assert report.outlet == "syrian_observer"
    assert report.headline == "Opinion: The Opposition Must Choose Its Own Negotiators"
    assert report.published == dt.date(2017, 5, 19)
    assert report.byline is not None
    assert report.byline.text == "by Hani al-Khatib for All4Syria (opposition website)"
    assert_not_in_body(report, "opposition website")
    assert report.provenance.translated_by == SO


# -- translator notes and editorial additions ------------------------------------------------


def test_edited_only_note(parser: Parser) -> None:
    """`This article was edited by The Syrian Observer.` — the source was already in English:
    edited, not translated."""
    report = parser.parse(read("edited_only_note.txt"))
    assert report.outlet == "syrian_observer"
    provenance = report.provenance
    assert provenance.translated_by is None
    assert provenance.edited_by == SO
    assert provenance.translator_note is not None
    assert provenance.translator_note.text == "This article was edited by The Syrian Observer."
    assert provenance.original_outlet == "Al-Masdar News"
    assert provenance.disclaimer is not None
    assert_not_in_body(report, "edited by", "has not verified", "Responsibility")


def test_note_cut_off_mid_word(parser: Parser) -> None:
    """The scrape ends inside the disclaimer (`…lies entire`, no final newline)."""
    text = read("note_cut_mid_word.txt")
    assert text.endswith("lies entire")
    report = parser.parse(text)
    assert report.outlet == "syrian_observer"
    provenance = report.provenance
    assert provenance.translated_by == SO
    assert provenance.original_outlet == "Enab Baladi"
    assert provenance.disclaimer is not None
    assert provenance.disclaimer.text.endswith("lies entire")
    assert_not_in_body(report, "Responsibility", "lies entire")
    check_report(report)


def test_remark_by_the_syrian_observer(parser: Parser) -> None:
    """`Remark by the Syrian Observer: …` is the translating outlet speaking, without a verb."""
    report = parser.parse(read("remarks.txt"))
    remark = claim_by(report, SO)
    assert remark.source.kind is SourceKind.OUTLET
    assert remark.cue is None
    assert remark.content.text.startswith("Previous amnesty decrees")
    assert report.provenance.original_outlet == "Al-Watan"


# -- boilerplate ---------------------------------------------------------------------------------


def test_search_read_also_related_headline_and_recommend_form(parser: Parser) -> None:
    """`Search` before `Logo Wide`, `Read Also: <headline>`, a related headline dropped
    mid-body with no marker, and the `Recommend article` form are all cut."""
    report = parser.parse(read("boilerplate_search_recommend.txt"))
    assert report.outlet == "syrian_observer"
    assert report.headline == "Bakeries in Izraa Close Early as Flour Runs Short"
    assert [b.text for b in report.boilerplate] == [
        "Search", "Logo Wide", "Read Also: Daraa Farmers Protest Low Wheat Prices",
        "Recommend article", "Sender's Name:", "Sender's Email:", "Receiver's Name:",
        "Receiver's Email:",
    ]
    assert_not_in_body(report, "Search", "Read Also", "Quneitra: Two Soldiers Wounded",
                       "Recommend article", "Sender's", "Receiver's")
    assert [d.span.text for d in report.diagnostics if d.code == "related-headline-dropped"
            and d.span is not None] == ["Quneitra: Two Soldiers Wounded in Attack on Checkpoint"]
    assert report.provenance.original_outlet == "Athr Press"
    check_report(report)


# -- attribution formulas ---------------------------------------------------------------------


def test_anonymous_source_chain(parser: Parser) -> None:
    """`Sources, who asked not to be named, told Brocar Press that` → `The same sources
    revealed that` → `The source said that` → `The sources added that`."""
    report = parser.parse(read("logo_wide_full_note.txt"))
    expected = [("Brocar Press", SourceKind.OUTLET, "writes"),
                ("Sources", SourceKind.ANONYMOUS, "told"),
                ("same sources", SourceKind.ANONYMOUS, "revealed"),
                ("source", SourceKind.ANONYMOUS, "said"),
                ("sources", SourceKind.ANONYMOUS, "added")]
    assert [(c.source.name, c.source.kind, c.cue and c.cue.text) for c in report.claims] == \
        expected
    same = claim_by(report, "same sources")
    assert same.source.refers_to is not None
    assert claim_by(report, "Sources").content.text.startswith("the Military Security branch")


def test_statement_said_to_have_been_issued(parser: Parser) -> None:
    """`a statement said to have been issued by … saying that` is a hedged document claim;
    `…, activists said.` is an anonymous one."""
    report = parser.parse(read("summary_no_verb_shaam.txt"))
    statement = claim_by(report, "statement")
    assert statement.source.kind is SourceKind.DOCUMENT
    assert statement.cue is not None and statement.cue.text == "saying"
    assert statement.hedged
    assert statement.hedge is not None and statement.hedge.text == "said to have been"
    assert statement.content.text.startswith("every attack on civilians")
    activists = claim_by(report, "activists")
    assert activists.source.kind is SourceKind.ANONYMOUS
    assert activists.cue is not None and activists.cue.text == "said"
    assert not activists.hedged


def test_field_source_and_eyewitnesses_told_zaman_al_wasl(parser: Parser) -> None:
    """`…, a field source told Zaman al-Wasl.` and `Eyewitnesses told Zaman al-Wasl reporter
    that`."""
    report = parser.parse(read("summary_reports_zaman_al_wasl.txt"))
    field = claim_by(report, "field source")
    assert field.source.kind is SourceKind.ANONYMOUS
    assert field.cue is not None and field.cue.text == "told"
    assert field.content.text.startswith("Gunmen ambushed a car")
    witnesses = claim_by(report, "Eyewitnesses")
    assert witnesses.cue is not None and witnesses.cue.text == "told"
    assert witnesses.content.text.startswith("the car was found burned")


def test_told_cham_fm_radio_which_is_loyal(parser: Parser) -> None:
    """`Governor <name> told Cham FM radio, which is loyal to the regime, "…"`."""
    report = parser.parse(read("summary_sana_reports.txt"))
    governor = claim_by(report, "Hazem Nasser")
    assert governor.source.kind is SourceKind.NAMED_PERSON
    assert governor.cue is not None and governor.cue.text == "told"
    assert governor.direct_quote
    assert governor.content.text.startswith("Bakeries in the city will work two shifts")


def test_source_told_iqtissad_and_syria_steps_quoted(parser: Parser) -> None:
    """`A source has told Iqtissad online newspaper that` and `Syria Steps, a pro-regime
    website, quoted a banking source as saying: "…"`."""
    report = parser.parse(read("summary_according_to_athr_press.txt"))
    source = claim_by(report, "source")
    assert source.source.kind is SourceKind.ANONYMOUS
    assert source.cue is not None and source.cue.text == "told"
    assert source.content.text.startswith("the port company is waiting")
    banking = claim_by(report, "banking source")
    assert banking.source.kind is SourceKind.ANONYMOUS
    assert banking.direct_quote
    assert banking.content.text.lstrip('"').startswith("The transfer was approved")


def test_alsouria_told_and_outlet_reports(parser: Parser) -> None:
    """`Sources, who asked not to be named, told Alsouria Net that` under `…, Alsouria
    reports`."""
    report = parser.parse(read("summary_alsouria_reports.txt"))
    sources = claim_by(report, "Sources")
    assert sources.source.kind is SourceKind.ANONYMOUS
    assert sources.cue is not None and sources.cue.text == "told"
    assert sources.content.text.startswith("officers of the fuel committee")


def test_media_circles_close_to_the_regime(parser: Parser) -> None:
    """`Media circles close to the regime indicated that` — anonymous, not the regime."""
    report = parser.parse(read("summary_alsouria_reports.txt"))
    claim = claim_by(report, "Media circles close to the regime")
    assert claim.source.kind is SourceKind.ANONYMOUS
    assert claim.cue is not None and claim.cue.text == "indicated"
    assert claim.content.text.startswith("the governor had opened an investigation")


# -- shapes met in real pages (reproduced by invented fixtures) -------------------------------


def test_old_page_with_recommend_form_and_no_note(parser: Parser) -> None:
    """An old page: headline, summary (not repeated), body, then only the `Recommend article`
    form — no `Logo Wide`, no note. The form marks the outlet; the body names the original."""
    report = parser.parse(read("old_page_recommend_form.txt"))
    assert report.outlet == "syrian_observer"
    assert report.headline == "Regime Forces Seize Hill Near Busra al-Harir"
    assert report.provenance.original_outlet == "Zaman al-Wasl"
    assert report.provenance.translated_by is None
    assert report.provenance.translator_note is None
    assert_not_in_body(report, "Recommend article", "Sender's")


def test_note_fragment_at_the_end_of_a_scrape(parser: Parser) -> None:
    """The scrape stops inside the note (`This article was edi`): the fragment marks the
    outlet and is cut; who translated is not said, so it is not reported."""
    text = read("cut_note_fragment.txt")
    assert text.endswith("This article was edi")
    report = parser.parse(text)
    assert report.outlet == "syrian_observer"
    assert report.headline == "Checkpoint Burned in Eastern Suweida"
    assert [b.text for b in report.boilerplate] == ["This article was edi"]
    assert_not_in_body(report, "This article was")
    assert report.provenance.original_outlet == "Baladi News"
    assert report.provenance.translated_by is None


def test_page_starting_with_the_body(parser: Parser) -> None:
    """A page scraped from its first paragraph: no headline, the note at the end."""
    report = parser.parse(read("no_headline_body_first.txt"))
    assert report.outlet == "syrian_observer"
    assert report.headline is None
    assert report.provenance.original_outlet == "Al-Watan"
    assert_translated_note(report)


def test_blog_repost_with_outlet_suffix_is_claimed(parser: Parser) -> None:
    """A blog repost whose headline ends `- The Syrian Observer` is the Syrian Observer's."""
    report = parser.parse(read("blog_repost_suffix.txt"))
    assert report.outlet == "syrian_observer"


def test_slug_line_before_the_repeated_headline_is_dropped(parser: Parser) -> None:
    """A slug line (`Assad Appoints New Replaces …`) between the summary and the repeated
    headline is not body."""
    report = parser.parse(read("slug_line_before_repeat.txt"))
    assert report.headline == "Assad Names New Head of Air Force Intelligence"
    assert report.provenance.original_outlet == "Enab Baladi"
    assert_not_in_body(report, "Assad Appoints New Replaces")


def test_blog_repost_weekday_date_line(parser: Parser) -> None:
    """A blog repost: its `Tuesday, March 7, 2023` date line dates it."""
    report = parser.parse(read("blog_repost_suffix.txt"))
    assert report.outlet == "syrian_observer"
    assert report.published == dt.date(2023, 3, 7)
    assert_not_in_body(report, "Tuesday, March 7, 2023")


def test_blog_repost_headline_suffix_is_stripped(parser: Parser) -> None:
    """`<headline> - The Syrian Observer`: the suffix is the repost's credit, not headline."""
    report = parser.parse(read("blog_repost_suffix_headline_first.txt"))
    assert report.outlet == "syrian_observer"
    assert report.headline == "Water Trucks Return to Jaramana"
    assert report.published == dt.date(2023, 5, 8)
    assert report.provenance.original_outlet == "Sowt Al-Asima"
    assert_not_in_body(report, "The Syrian Observer", "Monday, May 8, 2023")


def test_standfirst_with_a_slug_line(parser: Parser) -> None:
    """The summary is the standfirst even with a slug line before the repeated headline."""
    report = parser.parse(read("slug_line_before_repeat.txt"))
    assert report.standfirst is not None
    assert report.standfirst.text.startswith("Bashar al-Assad appointed a new head")


def test_byline_for_outlet_is_the_original(parser: Parser) -> None:
    """`by <name> for All4Syria (opposition website)` names the original outlet."""
    report = parser.parse(read("commentary_listing_byline.txt"))
    assert report.provenance.original_outlet == "All4Syria"


def test_remarks_on_their_own_line(parser: Parser) -> None:
    """`Remarks by the Syrian Observer:` on its own line attributes the next paragraph to the
    translating outlet."""
    report = parser.parse(read("remarks.txt"))
    assert any(p.startswith("Remarks by the Syrian Observer") for p in paragraph_texts(report))
    remark = next(c for c in report.claims
                  if c.content.text.startswith("Human rights groups documented"))
    assert remark.source.name == SO


def test_he_told_athr(parser: Parser) -> None:
    """`He told Athr, "…"` — the pronoun is the person named before."""
    report = parser.parse(read("summary_according_to_athr_press.txt"))
    claim = next(c for c in report.claims if c.content.text.startswith("We have families"))
    assert claim.source.name == "Samir Khaddour"
    assert claim.source.kind is SourceKind.NAMED_PERSON
    assert claim.cue is not None and claim.cue.text == "told"


# -- core gaps (strict expected failures) -----------------------------------------------------


def test_headline_below_a_whole_line_date(parser: Parser) -> None:
    report = parser.parse(read("blog_repost_suffix.txt"))
    assert report.headline == "Students Protest Exam Fees in Suwayda"


def test_said_according_to_the_news_agency(parser: Parser) -> None:
    report = parser.parse(read("summary_sana_reports.txt"))
    claim = next(c for c in report.claims if c.content.text.startswith("The decision aims"))
    assert claim.source.name == "minister"
    assert claim.cue is not None and claim.cue.text == "said"
    assert claim.direct_quote


def test_document_of_which_enab_baladi_obtained_a_copy(parser: Parser) -> None:
    report = parser.parse(read("note_cut_mid_word.txt"))
    claim = claim_by(report, "circular")
    assert claim.source.kind is SourceKind.DOCUMENT
    assert claim.cue is not None and claim.cue.text == "stated"
    assert claim.content.text.startswith("every tanker must carry a permit")
