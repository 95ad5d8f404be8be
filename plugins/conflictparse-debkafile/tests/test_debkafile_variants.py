"""Every DEBKAfile format variant listed in VARIANTS.md, each read from an invented fixture,
then the shapes met in real pages that VARIANTS.md does not list, and the core gaps they exposed.

The fixtures under ``fixtures/`` are invented reports in the shapes DEBKAfile pages and their
reposts take when scraped to text; no sentence comes from a real article. One test per header
shape, boilerplate line and attribution formula (grouped by the fixture that carries them):
outlet, headline and its Arabic translation, publication day, what is cut from the body as
boilerplate, provenance, and the claims the formula produces. Gaps the profile cannot close
with data are strict expected failures naming the core module that lacks the rule.
"""

from __future__ import annotations

import datetime as dt
import pathlib

import conflictparse_debkafile
import pytest

from conflictparse import Parser, Report, SourceKind
from conflictparse.testing import assert_not_in_body, check_report, claim_by
from conflictparse.testing import body_texts as paragraph_texts

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
REPOSITORY = pathlib.Path(__file__).parents[3]
"""The conflictparse checkout this plugin lives in (its seeds, when present)."""
SEEDS = REPOSITORY / "tests" / "fixtures" / "seeds"
TODAY = dt.date(2025, 1, 1)
"""A fixed 'today' so that no fixture's dateline is ever in the future."""


def read(name: str) -> str:
    """The text of fixture ``name``."""
    return (FIXTURES / name).read_text(encoding="utf-8")


def assert_no_provenance(report: Report) -> None:
    """A DEBKAfile report is nobody's translation: provenance stays empty."""
    provenance = report.provenance
    assert provenance.original_outlet is None
    assert provenance.translated_by is None
    assert provenance.translator_note is None
    assert provenance.disclaimer is None


@pytest.fixture(scope="module")
def parser() -> Parser:
    """A parser with only this plugin (and the built-in generic outlet)."""
    return Parser(plugins=[conflictparse_debkafile], entry_points=False, today=TODAY)


# -- header shapes -----------------------------------------------------------------------------


def test_colon_prefixed_bilingual_headline_with_view_count(parser: Parser) -> None:
    """`DEBKAfile: <English> <Arabic>`, a bare view count, both headlines again, then
    `DEBKAfile/March 14/19`."""
    report = parser.parse(read("repost_colon_bilingual.txt"))
    assert report.outlet == "debkafile"
    assert report.outlet_name == "DEBKAfile"
    assert report.headline == "Iranian drones shadow Israeli patrols along the Yarmouk valley"
    assert report.headline_translations == {
        "ar": "طائرات إيرانية مسيرة تلاحق الدوريات الإسرائيلية على طول وادي اليرموك"}
    assert report.dateline is not None
    assert report.dateline.span.text == "DEBKAfile/March 14/19"
    assert report.published == dt.date(2019, 3, 14)
    assert "257" in [b.text.strip() for b in report.boilerplate]
    assert paragraph_texts(report)[0].startswith("Two small Iranian-made drones")
    assert_not_in_body(report, "257", "طائرات", "DEBKAfile/March")
    assert_no_provenance(report)
    check_report(report)


def test_seed_000_colon_prefixed_bilingual_headline() -> None:
    """The seed report (same shape) reads the same way."""
    seed = next(iter(sorted(SEEDS.glob("000_*.txt"))), None)
    if seed is None:
        pytest.skip("the conflictparse checkout's seeds are not available")
    parser = Parser(plugins=[conflictparse_debkafile], entry_points=False, today=TODAY)
    report = parser.parse(seed.read_text(encoding="utf-8"))
    assert report.outlet == "debkafile"
    assert report.headline == ("Russia resumes Daraa air strikes, calls Iran’s exit from Syria "
                               "“absolutely unrealistic”")
    assert report.headline_translations["ar"].startswith("روسيا تستأنف قصفها لدرعا")
    assert report.published == dt.date(2018, 7, 5)
    assert_not_in_body(report, "(click here to subscribe)")
    assert_no_provenance(report)


def test_slash_prefixed_bilingual_headline_repeated(parser: Parser) -> None:
    """`DEBKAfile/<English> موقع دبيكا/<Arabic>`, the two lines again, `DEBKAfile/July 31/18`:
    both prefixes go, the repeated Arabic line is not body."""
    report = parser.parse(read("repost_slash_bilingual.txt"))
    assert report.outlet == "debkafile"
    assert report.headline == "Syrian army opens second front against rebels north of Daraa"
    assert report.headline_translations == {
        "ar": "الجيش السوري يفتح جبهة ثانية ضد المتمردين شمال درعا"}
    assert report.published == dt.date(2018, 7, 31)
    assert paragraph_texts(report)[0].startswith("Syrian army tanks and artillery")
    assert_not_in_body(report, "موقع دبيكا", "DEBKAfile/")
    claim = claim_by(report, "debkafile's intelligence sources")
    assert claim.source.kind is SourceKind.ANONYMOUS
    assert claim.cue is not None and claim.cue.text == "report"
    assert claim.content.text.startswith("the offensive was planned")
    check_report(report)


def test_debka_reveals_then_special_report_dateline(parser: Parser) -> None:
    """`DEBKA reveals: <headline>` then `DEBKAfile Special Report April 29, 2015`, no Arabic."""
    report = parser.parse(read("debka_reveals_special_report.txt"))
    assert report.outlet == "debkafile"
    assert report.headline == "Hizballah moves anti-tank teams into the Hermon foothills"
    assert report.headline_translations == {}
    assert report.published == dt.date(2015, 4, 29)
    assert_not_in_body(report, "DEBKA reveals", "Special Report")
    assert_no_provenance(report)
    check_report(report)


def test_special_report_dateline_runs_into_the_first_sentence(parser: Parser) -> None:
    """`DEBKAfile Special Report September 8, 2017, 8:29 AM (GMT+02:00) – While …`: the dateline
    ends at the dash and the rest of the line is the first paragraph."""
    report = parser.parse(read("special_report_inline_dateline.txt"))
    assert report.outlet == "debkafile"
    assert report.headline == "Israeli jets strike Syrian missile factory near Masyaf"
    assert report.dateline is not None
    assert report.dateline.span.text == (
        "DEBKAfile Special Report September 8, 2017, 8:29 AM (GMT+02:00)")
    assert report.published == dt.date(2017, 9, 8)
    assert paragraph_texts(report)[0].startswith("While Israeli jets were bombing")
    assert_not_in_body(report, "GMT+02:00")
    check_report(report)


def test_exclusive_analysis_dateline_with_time_zone(parser: Parser) -> None:
    """`DEBKAfile Exclusive Analysis Jun 21, 2017, 4:05 PM (IDT)` under the headline."""
    report = parser.parse(read("exclusive_analysis_idt.txt"))
    assert report.outlet == "debkafile"
    assert report.headline == ("Moscow tells Damascus to keep its hands off the southern "
                               "ceasefire zone")
    assert report.published == dt.date(2017, 6, 21)
    assert_not_in_body(report, "Exclusive Analysis", "(IDT)")
    assert_no_provenance(report)


def test_debka_weekly_dateline(parser: Parser) -> None:
    """`DEBKAfile DEBKA Weekly Feb 2, 2016, 11:22 AM (IDT)` under the headline."""
    report = parser.parse(read("debka_weekly_dateline.txt"))
    assert report.outlet == "debkafile"
    assert report.headline == "Putin weighs a smaller Syrian army under Russian officers"
    assert report.published == dt.date(2016, 2, 2)
    assert_no_provenance(report)


def test_exclusive_report_with_the_date_on_the_next_line(parser: Parser) -> None:
    """`DEBKAfile Exclusive Report` on one line, `June 6, 2013` on the next."""
    report = parser.parse(read("exclusive_report_date_next_line.txt"))
    assert report.outlet == "debkafile"
    assert report.headline == "Iranian officers take over the Syrian army's Homs operations room"
    assert report.published == dt.date(2013, 6, 6)
    assert_not_in_body(report, "DEBKAfile Exclusive Report", "June 6, 2013")
    assert_no_provenance(report)


def test_source_debka_file_credit_line(parser: Parser) -> None:
    """A repost's `Source: Debka File, June 1, 2018` is the dateline."""
    report = parser.parse(read("source_debka_file.txt"))
    assert report.outlet == "debkafile"
    assert report.headline == ("Hizballah units slip back into the Syrian Golan under cover of "
                               "the Syrian army")
    assert report.published == dt.date(2018, 6, 1)
    assert_not_in_body(report, "Source: Debka File")
    assert_no_provenance(report)


def test_headline_outlet_date_credit_line(parser: Parser) -> None:
    """A blog repost: the headline, then `<Headline>, DEBKAfile, September 18, 2017`, which
    gives the day and is not body; the blog's tag line and `****` divider are boilerplate."""
    report = parser.parse(read("credit_line_headline_outlet_date.txt"))
    assert report.outlet == "debkafile"
    assert report.headline == "Tehran builds a second missile workshop at the T-4 air base"
    assert report.published == dt.date(2017, 9, 18)
    assert [b.text for b in report.boilerplate] == ["Posted tagged ‘Iran in Syria’", "****"]
    assert_not_in_body(report, ", DEBKAfile, September", "Posted tagged", "****")
    assert paragraph_texts(report)[0].startswith("Iranian engineers have begun")
    assert_no_provenance(report)


def test_iso_date_then_from_debka(parser: Parser) -> None:
    """An old repost: `2003-09-24` then `From Debka...` under the headline."""
    report = parser.parse(read("iso_date_from_debka.txt"))
    assert report.outlet == "debkafile"
    assert report.headline == "Syrian intelligence chief meets Hamas leaders in Damascus"
    assert report.published == dt.date(2003, 9, 24)
    assert "From Debka..." in [b.text for b in report.boilerplate]
    assert_not_in_body(report, "From Debka", "2003-09-24")
    claim = claim_by(report, "debkafile's counter-terror sources")
    assert claim.cue is not None and claim.cue.text == "reveal"


def test_debka_com_page_has_no_dateline(parser: Parser) -> None:
    """debka.com's own page: no date in the text, so no publication day; the site furniture
    (print button, tags, share, comment rules, see-separate-article note) is boilerplate."""
    report = parser.parse(read("debka_com_no_dateline.txt"))
    assert report.outlet == "debkafile"
    assert report.headline == "Iran trucks Fateh-110 missiles across Iraq to Al Bukamal"
    assert report.dateline is None
    assert report.published is None
    assert [b.text for b in report.boilerplate] == [
        "Print Friendly, PDF & Email",
        "(See separate article in this issue).",
        "Tags: Al Bukamal, Iran, Kataib Hizballah",
        "Share this:",
        "Comments containing incitement, libel or offensive language are barred under "
        "DEBKAfile's regulations",
    ]
    assert_not_in_body(report, "Print Friendly", "Tags:", "Share this", "Comments containing",
                       "See separate article")
    assert_no_provenance(report)
    check_report(report)


def test_weekly_digest_date_labels_are_not_the_dateline(parser: Parser) -> None:
    """A weekly digest: its `November 1, 2013 Briefs` label heads a section and is not the
    publication day (the text states none); the digest title is the headline."""
    report = parser.parse(read("weekly_digest.txt"))
    assert report.outlet == "debkafile"
    assert report.headline == ("A Digest of DEBKAfile Round-the-Clock Exclusives in Week Ending "
                               "November 7, 2013")
    assert report.published is None
    assert "November 1, 2013 Briefs" in [b.text for b in report.boilerplate]
    assert_not_in_body(report, "Briefs")
    assert any(p.startswith("Syrian troops backed by Hizballah") for p in paragraph_texts(report))


def test_homepage_copy_reads_the_first_item(parser: Parser) -> None:
    """A homepage copy: the first item's headline and the first dateline are read (which item
    the dateline belongs to, no pattern can tell); the subscription line is boilerplate."""
    report = parser.parse(read("homepage_copy.txt"))
    assert report.outlet == "debkafile"
    assert report.headline == "Putin Pulls Back Two Air Squadrons from Hmeimim"
    assert report.published == dt.date(2016, 3, 18)
    assert_not_in_body(report, "If you are not yet a DEBKA Weekly subscriber", "(IDT)")


def test_repost_with_blogger_comment_and_divider(parser: Parser) -> None:
    """A repost crediting nobody: the `****` divider is boilerplate; the blogger's comment stays
    in the body (nothing marks it as the blogger's)."""
    report = parser.parse(read("repost_credits_nobody.txt"))
    assert report.outlet == "debkafile"
    assert report.headline == "Syrian army masses armor outside Quneitra"
    assert report.published is None
    assert [b.text for b in report.boilerplate] == ["****"]
    assert paragraph_texts(report)[-1].startswith("What are our leaders waiting for?")
    claim = claim_by(report, "DEBKAfile's military sources")
    assert claim.source.kind is SourceKind.ANONYMOUS
    assert claim.source.outlet == "debkafile"


# -- attribution formulas ---------------------------------------------------------------------


def test_reports_colon_reporter_colon_disclose_formulas(parser: Parser) -> None:
    """`DEBKAfile reports:`, `DEBKAfile reporter earlier on Wednesday:` (no verb),
    `DEBKAfile’s military sources disclose that`, `Our sources disclose that`."""
    report = parser.parse(read("repost_colon_bilingual.txt"))
    reports = claim_by(report, "DEBKAfile")
    assert reports.source.kind is SourceKind.OUTLET
    assert reports.cue is not None and reports.cue.text == "reports"
    assert reports.content.text.startswith("The drones took off from a farm")
    reporter = claim_by(report, "DEBKAfile reporter")
    assert reporter.source.kind is SourceKind.OUTLET
    assert reporter.cue is None
    assert reporter.content.text.startswith("The IDF has placed its units")
    military = claim_by(report, "DEBKAfile's military sources")
    assert military.source.kind is SourceKind.ANONYMOUS
    assert military.cue is not None and military.cue.text == "disclose"
    assert military.content.text.startswith("the drones carried cameras only")
    ours = claim_by(report, "Our sources")
    assert ours.source.kind is SourceKind.ANONYMOUS
    assert ours.source.outlet == "debkafile"
    assert ours.cue is not None and ours.cue.text == "disclose"
    assert_not_in_body(report, "(click here to subscribe)")
    check_report(report)


def test_intelligence_sources_report_exclusively(parser: Parser) -> None:
    """`debkafile's intelligence sources report exclusively that …`."""
    report = parser.parse(read("debka_reveals_special_report.txt"))
    claim = claim_by(report, "debkafile's intelligence sources")
    assert claim.source.kind is SourceKind.ANONYMOUS
    assert claim.cue is not None and claim.cue.text == "report"
    assert claim.content.text.startswith("Hizballah has moved at least four anti-tank")


def test_middle_east_and_russian_sources_fill_in(parser: Parser) -> None:
    """`DEBKAfile's Middle East and Russian sources fill in some of the context:` (the
    profile's extra cue)."""
    report = parser.parse(read("debka_reveals_special_report.txt"))
    context = claim_by(report, "DEBKAfile's Middle East and Russian sources")
    assert context.source.kind is SourceKind.ANONYMOUS
    assert context.source.outlet == "debkafile"
    assert context.cue is not None and context.cue.text == "fill in"


def test_trailing_report_exclusively(parser: Parser) -> None:
    """`…, debkafile's intelligence sources report exclusively.` (trailing form, adverb)."""
    report = parser.parse(read("trailing_report_exclusively.txt"))
    assert report.outlet == "debkafile"
    claim = claim_by(report, "debkafile's intelligence sources")
    assert claim.cue is not None and claim.cue.text == "report"
    assert claim.content.text.startswith("A Hizballah delegation arrived secretly")


def test_curly_quote_apostrophe_sources_note(parser: Parser) -> None:
    """`debkafile‘s sources note` with a left curly quote used as apostrophe."""
    report = parser.parse(read("exclusive_report_date_next_line.txt"))
    claim = claim_by(report, "debkafile's sources")
    assert claim.source.span.text == "debkafile‘s sources"
    assert claim.source.kind is SourceKind.ANONYMOUS
    assert claim.cue is not None and claim.cue.text == "note"
    assert claim.content.text.startswith("the Syrian commanders")


def test_debka_weekly_military_sources_report(parser: Parser) -> None:
    """`…, DEBKA Weekly's military sources report.` and the subscription lines."""
    report = parser.parse(read("debka_weekly_dateline.txt"))
    claim = claim_by(report, "DEBKA Weekly's military sources")
    assert claim.source.kind is SourceKind.ANONYMOUS
    assert claim.cue is not None and claim.cue.text == "report"
    assert [b.text for b in report.boilerplate] == [
        "If you are not yet a DEBKA Weekly subscriber, click here to sign on.",
        "To subscribe to DEBKA-Net-Weekly, click here.",
    ]
    assert_not_in_body(report, "click here")


def test_say_debka_net_weekly_analysts_and_our_military_sources_report(parser: Parser) -> None:
    """`…, say DEBKA-Net-Weekly's strategic analysts.` and `…, our military sources report.`"""
    report = parser.parse(read("exclusive_analysis_idt.txt"))
    analysts = claim_by(report, "DEBKA-Net-Weekly's strategic analysts")
    assert analysts.source.kind is SourceKind.OUTLET
    assert analysts.cue is not None and analysts.cue.text == "say"
    assert analysts.content.text.startswith("Russia has warned the Assad regime")
    ours = claim_by(report, "our military sources")
    assert ours.source.kind is SourceKind.ANONYMOUS
    assert ours.cue is not None and ours.cue.text == "report"


def test_we_were_first_to_reveal(parser: Parser) -> None:
    """`On Monday, we were first to reveal that …`: the outlet speaks."""
    report = parser.parse(read("special_report_inline_dateline.txt"))
    claim = claim_by(report, "DEBKAfile")
    assert claim.source.kind is SourceKind.OUTLET
    assert claim.source.span.text == "we"
    assert claim.cue is not None and claim.cue.text == "were first to reveal"
    assert claim.content.text.startswith("the factory had begun producing")


def test_according_to_debkafile_military_sources(parser: Parser) -> None:
    """`According to debkafile's military sources, …` (no verb: no cue)."""
    report = parser.parse(read("source_debka_file.txt"))
    claim = claim_by(report, "debkafile's military sources")
    assert claim.source.kind is SourceKind.ANONYMOUS
    assert claim.cue is None
    assert claim.content.text.startswith("at least two companies crossed")


def test_debkafile_exclusive_colon_lead(parser: Parser) -> None:
    """`DEBKAfile Exclusive: …` opening a paragraph is the outlet speaking, without a verb."""
    report = parser.parse(read("source_debka_file.txt"))
    claim = claim_by(report, "DEBKAfile")
    assert claim.source.kind is SourceKind.OUTLET
    assert claim.cue is None
    assert claim.content.text.startswith("Contrary to reports from Moscow")


def test_colon_commentary_debka(parser: Parser) -> None:
    """`DEBKA: The leak from Washington…` — commentary introduced by the bare name."""
    report = parser.parse(read("colon_commentary.txt"))
    assert report.outlet == "debkafile"
    claim = claim_by(report, "DEBKA")
    assert claim.source.kind is SourceKind.OUTLET
    assert claim.cue is None
    assert claim.content.text.startswith("The leak from Washington")
    note = claim_by(report, "debkafile's sources")
    assert note.cue is not None and note.cue.text == "note"

# -- shapes met in real pages (reproduced by invented fixtures) -------------------------------


def test_lower_case_exclusive_prefix_leaves_the_headline(parser: Parser) -> None:
    """debka.com's own `debkafile Exclusive: <headline>`: the prefix is not headline."""
    report = parser.parse(read("exclusive_headline_prefix.txt"))
    assert report.outlet == "debkafile"
    assert report.headline == "Hizballah opens a recruiting office in Beit Jinn"
    assert report.published is None
    claim = claim_by(report, "debkafile's military and intelligence sources")
    assert claim.cue is None
    assert_no_provenance(report)


def test_sources_without_possessive_claim_the_text(parser: Parser) -> None:
    """`DEBKAfile sources report that` (no possessive) marks a debka.com brief."""
    report = parser.parse(read("sources_without_possessive.txt"))
    assert report.outlet == "debkafile"
    assert report.headline == "IAF strikes arms depot near Qutayfah: Arab sources"
    claim = claim_by(report, "DEBKAfile sources")
    assert claim.cue is not None and claim.cue.text == "report"


def test_hyphenated_source_qualifiers_claim_the_text(parser: Parser) -> None:
    """`debkafile's Iranian and counter-terror sources report` marks the page."""
    report = parser.parse(read("hyphenated_source_qualifiers.txt"))
    assert report.outlet == "debkafile"
    claim = claim_by(report, "debkafile's Iranian and counter-terror sources")
    assert claim.source.kind is SourceKind.ANONYMOUS


def test_colon_credit_below_a_repost_headline(parser: Parser) -> None:
    """A repost whose first paragraph opens `Debkafile: …` under the blog's headline."""
    report = parser.parse(read("repost_colon_lead_under_headline.txt"))
    assert report.outlet == "debkafile"
    assert report.headline == "Tehran sends air defense teams to Beirut"
    claim = claim_by(report, "Debkafile")
    assert claim.source.kind is SourceKind.OUTLET
    assert claim.cue is None
    assert claim.content.text.startswith("Iran's defense minister visited Beirut")


def test_debka_com_top_bar_and_ticker_are_boilerplate(parser: Parser) -> None:
    """debka.com's `Wed March 9, 2011 | Breaking News` bar and `… • … •` ticker come before the
    headline and its `DEBKAfile Exclusive Report <date>, <time> (GMT+02:00)` dateline."""
    report = parser.parse(read("debka_top_bar_ticker.txt"))
    assert report.outlet == "debkafile"
    assert report.headline == "Syrian army deploys tanks around Daraa"
    assert report.published == dt.date(2011, 3, 9)
    assert [b.text for b in report.boilerplate] == [
        "Wed March 9, 2011 | Breaking News",
        "Syrian army shells Daraa mosque • Jordan closes border crossing • Egypt detains two "
        "smugglers in Sinai •",
    ]
    assert_not_in_body(report, "Breaking News", "•")


def test_debka_weekly_issue_header_is_the_dateline(parser: Parser) -> None:
    """DEBKA Weekly's `Vol. 16, Issue 712, May 13, 2016` is the dateline; the print link is
    boilerplate; its long source phrase marks the outlet."""
    report = parser.parse(read("debka_weekly_issue.txt"))
    assert report.outlet == "debkafile"
    assert report.published == dt.date(2016, 5, 13)
    assert "click here for print version" in [b.text for b in report.boilerplate]
    claim = claim_by(report, "DEBKA Weekly's exclusive military and intelligence sources")
    assert claim.cue is not None and claim.cue.text == "reveal"


def test_blog_furniture_above_a_special_report_still_dates_it(parser: Parser) -> None:
    """A blog repost with furniture lines above `DEBKAfile Special Report March 11, 2016`."""
    report = parser.parse(read("blog_furniture_above_special_report.txt"))
    assert report.outlet == "debkafile"
    assert report.published == dt.date(2016, 3, 11)


def test_translation_credit_claims_the_text(parser: Parser) -> None:
    """An Italian translation credits `le fonti militari di DEBKAfile`."""
    report = parser.parse(read("italian_translation.txt"))
    assert report.outlet == "debkafile"
    assert report.published is None


# -- core gaps (strict expected failures) -----------------------------------------------------


def test_blog_furniture_above_the_headline(parser: Parser) -> None:
    """A blog repost: menus and a blog date above the headline that sits on the dateline."""
    report = parser.parse(read("blog_furniture_above_special_report.txt"))
    assert report.headline == "Russian advisers arrive at the Hama front"
    assert_not_in_body(report, "Overblog", "Russian advisers arrive at the Hama front")


def test_weekday_first_blog_date_line_dates_the_repost(parser: Parser) -> None:
    """A blog repost under a weekday-first date line (`Tuesday, March 5, 2019`)."""
    report = parser.parse(read("weekday_date_blog_repost.txt"))
    assert report.outlet == "debkafile"
    assert report.published == dt.date(2019, 3, 5)
    assert_not_in_body(report, "Tuesday, March 5, 2019")


def test_headline_below_a_whole_line_date(parser: Parser) -> None:
    report = parser.parse(read("weekday_date_blog_repost.txt"))
    assert report.headline == "Iran moves drones to T-4 air base"


def test_credit_line_below_a_date_line_is_header(parser: Parser) -> None:
    """A blog's own date line, then the outlet's credit line "<Headline>, DEBKAfile, <date>"."""
    report = parser.parse(read("credit_line_after_date_line.txt"))
    assert report.headline == "Tehran builds a second missile workshop at the T-4 air base"
    assert report.published == dt.date(2017, 9, 18)
    assert_not_in_body(report, ", DEBKAfile, September 18, 2017")


def test_credit_line_of_another_day_below_a_date_line_stays_body(parser: Parser) -> None:
    """Only a credit line giving the dateline's own date is header: another day's is text."""
    text = read("credit_line_after_date_line.txt").replace(
        ", DEBKAfile, September 18, 2017", ", DEBKAfile, September 11, 2017")
    report = parser.parse(text)
    assert report.published == dt.date(2017, 9, 18)
    assert any(", DEBKAfile, September 11, 2017" in body for body in paragraph_texts(report))


def test_headline_inside_a_lone_credit_line(parser: Parser) -> None:
    """A lone credit line "<Headline>, DEBKAfile, <date>" gives headline and date."""
    report = parser.parse(read("credit_line_only.txt"))
    assert report.published == dt.date(2017, 9, 18)
    assert report.headline == "Tehran builds a second missile workshop at the T-4 air base"


def test_headline_below_an_issue_dateline_and_its_section_label(parser: Parser) -> None:
    """DEBKA Weekly: the issue header, a section label ("kicker"), then the headline."""
    report = parser.parse(read("debka_weekly_issue.txt"))
    assert report.headline == "Putin Orders Russian Special Forces to the Aleppo Front"
    assert report.published == dt.date(2016, 5, 13)
    assert_not_in_body(report, "Moscow's Plans for Aleppo",
                       "Putin Orders Russian Special Forces to the Aleppo Front")
    assert paragraph_texts(report)[0].startswith("President Vladimir Putin has ordered")


def test_issue_dateline_without_a_section_label(parser: Parser) -> None:
    """No label: the line below the issue header is the headline, and the body stays."""
    text = read("debka_weekly_issue.txt").replace("Moscow's Plans for Aleppo\n", "")
    report = parser.parse(text)
    assert report.headline == "Putin Orders Russian Special Forces to the Aleppo Front"
    assert paragraph_texts(report)[0].startswith("President Vladimir Putin has ordered")


def test_english_headline_at_the_bottom_of_a_translation(parser: Parser) -> None:
    """A repost in Italian: the headline on top is the translation (told by the language of
    the text below it), the English one printed last is the headline, not body."""
    report = parser.parse(read("italian_translation.txt"))
    assert report.headline == "Iran builds a new base near Damascus"
    assert report.headline_translations == {"it": "L'Iran costruisce una nuova base vicino a Damasco"}
    assert not any("Iran builds" in paragraph for paragraph in paragraph_texts(report))


def test_article_quoting_debka_is_not_claimed(parser: Parser) -> None:
    """An article citing DEBKAfile ('According to Debkafile:') is not its report."""
    report = parser.parse(read("quoting_debka_sources.txt"))
    assert report.outlet is None


def test_quoting_article_body_is_kept(parser: Parser) -> None:
    """Whatever outlet it gets, the quoting article keeps all its paragraphs."""
    report = parser.parse(read("quoting_debka_sources.txt"))
    assert paragraph_texts(report)[-1].startswith("The cabinet decided against the raid")
