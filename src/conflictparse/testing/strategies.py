"""Hypothesis strategies that write report-like text.

Pieces, from small to large::

    english_headlines()  arabic_headlines()  bilingual_headlines()   headline lines
    datelines(style)                 (text, date) pairs in one of the outlet's dateline formats
    attributions(style)              Attribution records: a sentence and what it attributes
    attribution_sentences(style)     just their text
    boilerplate_lines(style)         site furniture the outlet's profile removes
    translator_notes(style)          "This article was translated and edited by …"
    paragraphs(style)                a few sentences: events, dates, attributions
    reports(style)                   SampleReport: a whole page (header, body, furniture)
    unicode_noise()  with_noise(s)   RTL marks, zero-width characters, mixed quotes, NBSP, CRLF
    any_text()                       everything above, noisy or not, and arbitrary strings

An :class:`OutletStyle` describes how an outlet's pages look, in literal text (not patterns):
the kit ships one per outlet plugin of the conflictparse repository (:data:`DEBKAFILE`,
:data:`SYRIAN_OBSERVER`, :data:`ZAMAN_AL_WASL`) and :data:`GENERIC` for pages of no known
outlet; a plugin author writes one for their own outlet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs
from hypothesis import strategies as st

from conflictparse._attribution import ADDRESSEE_CUES, CUES, HEDGES

__all__ = [
    "DEBKAFILE",
    "GENERIC",
    "MAX_DATE",
    "MIN_DATE",
    "NOISE",
    "STYLES",
    "SYRIAN_OBSERVER",
    "ZAMAN_AL_WASL",
    "Attribution",
    "OutletStyle",
    "SampleReport",
    "any_text",
    "arabic_headlines",
    "attribution_sentences",
    "attributions",
    "bilingual_headlines",
    "boilerplate_lines",
    "datelines",
    "dates",
    "english_headlines",
    "format_dateline",
    "paragraphs",
    "report_texts",
    "reports",
    "translator_notes",
    "unicode_noise",
    "with_noise",
]

MIN_DATE = dt.date(1990, 1, 1)
MAX_DATE = dt.date(2025, 12, 31)
"""Generated days lie between these; parse with ``Parser(today=…)`` after ``MAX_DATE``."""

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _tuple(value: Sequence[str] | str) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@attrs.frozen(kw_only=True)
class OutletStyle:
    """How an outlet's pages look, in literal text, for writing sample reports of it.

    The fields a page always carries (``top_lines``, one of the ``headline_prefixes`` and of
    the ``leads``, a translator note when there are ``translator_notes``, the
    ``footer_lines``, a dateline when ``dateline_required``) should be enough for the
    outlet's plugin to recognise the page: the conformance suite checks that it does.
    """

    id: str
    """The outlet id the plugin reads these pages as (``generic`` for none)."""
    name: str
    top_lines: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    """Lines every page opens with (``Logo Wide``)."""
    headline_prefixes: tuple[str, ...] = attrs.field(default=("",), converter=_tuple)
    """One is written before the English headline (``DEBKAfile: ``); ``""`` for none."""
    translation_prefixes: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    """When not empty, pages may carry an Arabic headline, after one of these."""
    bylines: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    """Byline templates with ``{author}`` and ``{translator}``; pages may carry one."""
    datelines: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    """Dateline templates (see :func:`format_dateline`)."""
    dateline_required: bool = False
    """Every page carries a dateline (otherwise some do)."""
    leads: tuple[str, ...] = attrs.field(default=("",), converter=_tuple)
    """One opens the first paragraph (``(Zaman Al Wasl)- ``); ``""`` for none."""
    boilerplate: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    """Lines of site furniture that the outlet's profile removes."""
    translator_notes: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    """When not empty, one closes every page."""
    footer_lines: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    """Lines every page ends with (``Comments About This Article``)."""
    source_phrases: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    """Sources only this outlet uses (``DEBKAfile's military sources``)."""
    addressees: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    """Who sources tell things to, besides the usual (``Alsouria Net``)."""


COMMON_BOILERPLATE = (
    "Share | Tweet | Email",
    "Print Friendly, PDF & Email",
    "Read also: Russian police set up posts on the Golan line",
    "Related articles:",
    "Advertisement",
    "Comments are closed.",
    "This website uses cookies to improve your experience.",
    "Posted in Syria, Middle East",
    "59",
    "1204",
    "****",
)
"""Furniture every outlet's pages may carry; the core's generic profile removes it."""

GENERIC = OutletStyle(
    id="generic",
    name="Unknown outlet",
    datelines=("{month} {day}, {yyyy}", "{mon} {day}, {yyyy}", "{mon}. {day}, {yyyy}, 10:05 a.m.",
               "date {yyyy}-{mm}-{dd}", "{yyyy}-{mm}-{dd}", "{yyyy}/{mm}/{dd}",
               "• {yyyy}/{mm}/{dd} • 3:41 pm",
               "Source: Reuters, {month} {day}, {yyyy}"),
    bylines=("By {author}",),
    boilerplate=COMMON_BOILERPLATE,
)

DEBKAFILE = OutletStyle(
    id="debkafile",
    name="DEBKAfile",
    headline_prefixes=("DEBKAfile: ", "DEBKAfile/", "DEBKA reveals: "),
    translation_prefixes=("موقع دبيكا/", ""),
    datelines=("DEBKAfile/{month} {dd}/{yy}", "DEBKAfile/{mon} {day}/{yy}",
               "DEBKAfile Special Report {month} {day}, {yyyy}",
               "DEBKAfile Exclusive Report {month} {day}, {yyyy}, 8:14 AM (GMT+02:00)",
               "DEBKAfile Exclusive Analysis {mon}. {day}, {yyyy}"),
    boilerplate=("(click here to subscribe).",
                 "If you are not yet a DEBKA Weekly subscriber, click here to sign on.",
                 "To subscribe to DEBKA-Net-Weekly, click here.",
                 "(See separate article in this issue).",
                 "Print Friendly, PDF & Email",
                 "Comments containing incitement, libel or offensive language are barred "
                 "under DEBKAfile's regulations."),
    source_phrases=("DEBKAfile's military sources", "DEBKAfile's intelligence sources",
                    "Our sources", "Our military sources", "DEBKA Weekly's sources",
                    "DEBKAfile's analysts"),
)

SYRIAN_OBSERVER = OutletStyle(
    id="syrian_observer",
    name="The Syrian Observer",
    top_lines=("Logo Wide",),
    datelines=("date {yyyy}-{mm}-{dd}",),
    boilerplate=("Helpful keywords", "......"),
    translator_notes=(
        "This article was translated and edited by The Syrian Observer.",
        "This article was translated and edited by The Syrian Observer. Responsibility for "
        "the information and views set out in this article lies entirely with the author.",
        "This article was translated and edited by The Syrian Observer. The Syrian Observer "
        "has not verified the content of this story. Responsibility for the information and "
        "views set out in this article lies entirely with the author.",
        "This article was edited by The Syrian Observer. Responsibility for the information "
        "and views set out in this article lies entirely with the author.",
    ),
    addressees=("Alsouria Net", "Enab Baladi", "Brocar Press", "All4Syria", "Ahrar Horan"),
)

ZAMAN_AL_WASL = OutletStyle(
    id="zaman_al_wasl",
    name="Zaman al-Wasl",
    bylines=("By {author}; Translation by {translator}",),
    datelines=("{yyyy}-{mm}-{dd} 12:41:00", "{yyyy}-{mm}-{dd}"),
    leads=("(Zaman Al Wasl)- ", "(Zaman al-Wasl)- "),
    footer_lines=("Comments About This Article", "Please fill the fields below."),
    source_phrases=("A Zaman al-Wasl correspondent", "Zaman al-Wasl's correspondent in Idlib"),
    addressees=("Zaman al-Wasl",),
)

STYLES = {style.id: style for style in (GENERIC, DEBKAFILE, SYRIAN_OBSERVER, ZAMAN_AL_WASL)}
"""The styles the kit ships, by outlet id."""


def format_dateline(template: str, day: dt.date) -> str:
    """``template`` with the fields of ``day`` filled in.

    Fields: ``{month}`` (``July``), ``{mon}`` (``Jul``), ``{day}`` (``5``), ``{dd}``
    (``05``), ``{mm}`` (``07``), ``{yy}`` (``18``), ``{yyyy}`` (``2018``), ``{weekday}``.
    """
    return template.format(month=_MONTHS[day.month - 1], mon=_MONTHS[day.month - 1][:3],
                           day=day.day, dd=f"{day.day:02d}", mm=f"{day.month:02d}",
                           yy=f"{day.year % 100:02d}", yyyy=f"{day.year:04d}",
                           weekday=_WEEKDAYS[day.weekday()])


def dates() -> st.SearchStrategy[dt.date]:
    """Days between :data:`MIN_DATE` and :data:`MAX_DATE`."""
    return st.dates(min_value=MIN_DATE, max_value=MAX_DATE)


def datelines(style: OutletStyle = GENERIC) -> st.SearchStrategy[tuple[str, dt.date]]:
    """``(dateline, day)`` pairs in one of the style's dateline formats."""
    if not style.datelines:
        raise ValueError(f"style {style.id!r} has no dateline formats")
    return st.tuples(st.sampled_from(style.datelines), dates()).map(
        lambda pair: (format_dateline(*pair), pair[1]))


# -- words --------------------------------------------------------------------------------------

_SUBJECTS = (
    "Regime forces", "Russian warplanes", "Hizballah fighters", "The Syrian army's 4th Division",
    "Iranian-backed militias", "Turkish artillery", "Israeli jets", "Rebel units",
    "Unknown gunmen", "Russian military police", "The Free Syrian Army", "Government troops",
)
_ACTIONS = (
    "shelled", "struck", "raided", "withdrew from", "surrounded", "bombed", "entered",
    "attacked", "set up checkpoints around", "pulled out of", "reinforced positions near",
)
_PLACES = (
    "Daraa", "Quneitra", "the town of Tafas", "the village of al-Yadudah", "Idlib",
    "northern Hama", "al-Mayadin", "Deir ez-Zor", "the Golan", "Tel al-Hara", "Al Bukamal",
    "Damascus", "Homs", "Aleppo", "southwest Syria", "the T-4 airbase", "the Jordanian border",
)
_WHEN = (
    "", "", " on Tuesday", " late Wednesday", " on Monday, August 13", " last night",
    " two days ago", " on July 16", " early Friday", " last year", " this month",
)
_AFTERMATH = (
    "", "", ", killing two civilians", ", wounding five", " after a short pause",
    " ahead of a ground offensive", " for the second time this week",
)
_NAMED = (
    "Sergei Lavrov", "Russian Foreign Minister Sergei Lavrov", "Gen. Ramadan Ramadan",
    "Col. Nizar al-Fanadi", "Gen. Salim Idriss", "Maj. Gen. Igor Konashenkov",
    "Binyamin Netanyahu", "Bashar Assad", "Defense Minister Avigdor Lieberman",
)
_ANONYMOUS = (
    "Sources, who asked not to be named,", "Military sources", "Local activists",
    "Sources close to the regime", "Western intelligence sources", "Eyewitnesses",
    "A local source", "Opposition sources", "Diplomatic sources in Moscow",
    "The same sources", "The source",
)
_ORGANISATIONS = (
    "The Russian Defense Ministry", "The Syrian army", "The Eighth Brigade", "The IDF",
    "The United Nations office in Damascus", "Hizballah", "The Kremlin", "Iran",
)
_DOCUMENTS = (
    "a statement issued by the monitoring center", "a leaflet dropped over the town",
    "the army's statement",
)
_ADDRESSEES = ("reporters", "Reuters", "the news agency", "state television", "AFP")
_HEDGE_ADVERBS = tuple(h for h in HEDGES if " " not in h and h.endswith("ly"))
_ENGLISH_HEADLINES = (
    "Russia resumes Daraa air strikes, calls Iran's exit from Syria \u201cabsolutely "
    "unrealistic\u201d",
    "Mystery air strikes wipe out Iranian missile depot at Al Bukamal",
    "Russian military police set up eight posts on Golan line",
)
_HEADLINE_WORDS = (
    "Russia", "Iran", "Israel", "Hizballah", "Assad", "Golan", "Daraa", "Idlib", "regime",
    "militias", "strikes", "air", "police", "withdraw", "from", "resumes", "offensive",
    "ceasefire", "talks", "collapse", "base", "border", "troops", "deploy", "near", "in", "to",
)
_ARABIC_HEADLINES = (
    "روسيا تستأنف قصفها لدرعا وتقول بأن المطالبة بانسحاب إيران من سوريا أمر غير منطقي",
    "الشرطة العسكرية الروسية تقيم ثماني نقاط على خط الجولان",
    "غارات غامضة تدمر مستودع صواريخ إيرانياً في البوكمال",
)
_ARABIC_WORDS = (
    "روسيا", "إيران", "سوريا", "درعا", "الجولان", "إسرائيل", "غارات", "قصف", "الجيش", "قوات",
    "النظام", "حزب الله", "هجوم", "انسحاب", "مقتل", "مدنيين", "ريف", "إدلب", "حماة", "على", "في",
)
_AUTHORS = ("Khaled al-Omar", "Mohammad Saleh", "Sami Yusuf", "Rami Haddad", "Lina Hassan")

NOISE = (
    "\u200f", "\u200e", "\u061c", "\u202b", "\u202a", "\u202c", "\u2066", "\u2067", "\u2069",
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad",
    "\u00a0", "\u202f", "\u2009", "\u3000", "\t",
    "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "\"", "'",
    "\r\n", "\r", "\n", "\u2028", "\x85",
)
"""Characters scraped text is full of: bidi marks and isolates, zero-width characters, exotic
spaces, curly and angled quotes, and every kind of line end."""


# -- headlines ----------------------------------------------------------------------------------

def english_headlines() -> st.SearchStrategy[str]:
    """English headlines: real-looking ones and title-ish word salads (no final stop)."""
    salad = st.lists(st.sampled_from(_HEADLINE_WORDS), min_size=3, max_size=12).map(
        lambda words: " ".join(words)[:1].upper() + " ".join(words)[1:])
    return st.one_of(st.sampled_from(_ENGLISH_HEADLINES), salad)


def arabic_headlines() -> st.SearchStrategy[str]:
    """Arabic headlines."""
    salad = st.lists(st.sampled_from(_ARABIC_WORDS), min_size=2, max_size=10).map(" ".join)
    return st.one_of(st.sampled_from(_ARABIC_HEADLINES), salad)


def bilingual_headlines(style: OutletStyle = DEBKAFILE) -> st.SearchStrategy[str]:
    """An English headline and its Arabic translation on one line, as reposting sites print
    them: ``DEBKAfile/<English> موقع دبيكا/<Arabic>``."""
    prefixes = style.translation_prefixes or ("",)
    return st.builds(lambda prefix, english, translation, arabic:
                     f"{prefix}{english} {translation}{arabic}",
                     st.sampled_from(style.headline_prefixes), english_headlines(),
                     st.sampled_from(prefixes), arabic_headlines())


# -- sentences ----------------------------------------------------------------------------------

def _lower_first(clause: str) -> str:
    first, _, rest = clause.partition(" ")
    if first in ("The", "Unknown", "Regime", "Rebel", "Government"):
        return first.lower() + " " + rest
    return clause


def event_clauses() -> st.SearchStrategy[str]:
    """``Regime forces shelled the town of Tafas on Tuesday, killing two civilians``."""
    return st.builds(lambda *parts: "{} {} {}{}{}".format(*parts), st.sampled_from(_SUBJECTS),
                     st.sampled_from(_ACTIONS), st.sampled_from(_PLACES),
                     st.sampled_from(_WHEN), st.sampled_from(_AFTERMATH))


@attrs.frozen(kw_only=True)
class Attribution:
    """A sentence attributing ``content`` to ``source`` (all as written in ``text``)."""

    text: str
    source: str
    cue: str | None
    content: str
    direct: bool
    hedge: str | None = None
    form: str
    """``said_that``, ``told_that``, ``quote_after``, ``quote_inverted``, ``quote_before``,
    ``according_to``, ``according_after``, ``trailing`` or ``document``."""


def _sources(style: OutletStyle) -> st.SearchStrategy[str]:
    return st.sampled_from((*_NAMED, *_ANONYMOUS, *_ORGANISATIONS, *style.source_phrases))


@st.composite
def attributions(draw: st.DrawFn, style: OutletStyle = GENERIC) -> Attribution:
    """Attribution sentences, direct and indirect, with every cue of the core's grammar,
    named, anonymous, organisational and outlet sources, and hedges."""
    source = draw(_sources(style))
    cue: str | None = draw(st.sampled_from(sorted(CUES)))
    content = _lower_first(draw(event_clauses()))
    hedge = draw(st.none() | st.sampled_from(_HEDGE_ADVERBS))
    addressee = draw(st.sampled_from((*_ADDRESSEES, *style.addressees)))
    form = draw(st.sampled_from(("said_that", "quote_after", "quote_inverted", "quote_before",
                                 "according_to", "according_after", "trailing", "document")))
    quoted = content[:1].upper() + content[1:]
    said = f"{hedge} {cue}" if hedge else str(cue)
    if cue in ADDRESSEE_CUES and form == "said_that":
        form = "told_that"
    if form == "said_that":
        text = f"{source} {said} that {content}."
    elif form == "told_that":
        text = f"{source} {said} {addressee} that {content}."
    elif form == "quote_after":
        text = f"\u201c{quoted},\u201d {source.rstrip(',')} {cue}."
        hedge = None
    elif form == "quote_inverted":
        text = f"\u201c{quoted},\u201d {cue} {source}."
        hedge = None
    elif form == "quote_before":
        text = f"{source} {said}: \u201c{quoted}.\u201d"
    elif form == "according_to":
        text = f"According to {source.rstrip(',')}, {content}."
        cue = hedge = None
    elif form == "according_after":
        text = f"{quoted}, according to {source.rstrip(',')}."
        cue = hedge = None
    elif form == "trailing":
        text = f"{quoted}, {source.rstrip(',')} {cue}."
        hedge = None
    else:
        document = draw(st.sampled_from(_DOCUMENTS))
        hedge = "said to have been"
        text = (f"Activists circulated {document} {hedge} issued in Amman, saying that "
                f"{content}.")
        source, cue = document, "saying"
    return Attribution(text=text, source=source, cue=cue, content=content,
                       direct=form.startswith("quote"), hedge=hedge, form=form)


def attribution_sentences(style: OutletStyle = GENERIC) -> st.SearchStrategy[str]:
    """The text of :func:`attributions`."""
    return attributions(style).map(lambda a: a.text)


def event_sentences() -> st.SearchStrategy[str]:
    """Sentences that attribute nothing."""
    return event_clauses().map(lambda clause: clause + ".")


def paragraphs(style: OutletStyle = GENERIC) -> st.SearchStrategy[str]:
    """One to four sentences: events and attributions."""
    sentence = st.one_of(event_sentences(), attribution_sentences(style))
    return st.lists(sentence, min_size=1, max_size=4).map(" ".join)


# -- furniture ----------------------------------------------------------------------------------

def boilerplate_lines(style: OutletStyle = GENERIC) -> st.SearchStrategy[str]:
    """Lines of site furniture: the style's own and the ones every outlet's pages carry."""
    return st.sampled_from((*style.boilerplate, *COMMON_BOILERPLATE))


def translator_notes(style: OutletStyle = SYRIAN_OBSERVER) -> st.SearchStrategy[str]:
    """Translator notes (with disclaimers) of the style."""
    if not style.translator_notes:
        raise ValueError(f"style {style.id!r} has no translator notes")
    return st.sampled_from(style.translator_notes)


# -- whole reports ------------------------------------------------------------------------------

@attrs.frozen(kw_only=True)
class SampleReport:
    """A generated page: ``text`` is the header lines, then the body paragraphs separated by
    blank lines, then the footer lines."""

    style: OutletStyle
    header: tuple[str, ...]
    body: tuple[str, ...]
    footer: tuple[str, ...] = ()
    headline: str
    """The English headline as written (without outlet prefix)."""
    published: dt.date | None = None
    """The day the dateline states, if the page has one."""
    dateline: str | None = None

    @property
    def outlet(self) -> str:
        """The outlet id the page should be read as."""
        return self.style.id

    @property
    def text(self) -> str:
        """The page."""
        return "\n\n".join(("\n".join(self.header), *self.body, *self.footer)) + "\n"

    def with_body(self, body: Sequence[str]) -> SampleReport:
        """The same page with other body blocks."""
        return attrs.evolve(self, body=tuple(body))

    def with_footer(self, footer: Sequence[str]) -> SampleReport:
        """The same page with other footer blocks."""
        return attrs.evolve(self, footer=tuple(footer))


@st.composite
def reports(draw: st.DrawFn, style: OutletStyle = GENERIC, *, boilerplate: bool = True,
            translator_note: bool = True, min_paragraphs: int = 1,
            max_paragraphs: int = 5) -> SampleReport:
    """Whole pages of ``style``: top lines, headline (with prefix, maybe an Arabic
    translation on the same or the next line, maybe repeated), byline, dateline, body
    paragraphs (the first after the style's lead), furniture between them when
    ``boilerplate``, the translator note when ``translator_note``, and the footer."""
    headline = draw(english_headlines())
    header = list(style.top_lines)
    first = draw(st.sampled_from(style.headline_prefixes)) + headline
    arabic = None
    if len(style.translation_prefixes) > 0 and draw(st.booleans()):
        arabic = draw(st.sampled_from(style.translation_prefixes)) + draw(arabic_headlines())
    if arabic is not None and draw(st.booleans()):
        header.append(f"{first} {arabic}")
    else:
        header.append(first)
        if arabic is not None:
            header.append(arabic)
    if draw(st.booleans()):
        header.append(headline)
    if len(style.bylines) > 0 and draw(st.booleans()):
        header.append(draw(st.sampled_from(style.bylines)).format(
            author=draw(st.sampled_from(_AUTHORS)), translator=draw(st.sampled_from(_AUTHORS))))
    published = dateline = None
    if style.datelines and (style.dateline_required or draw(st.booleans())):
        dateline, published = draw(datelines(style))
        header.append(dateline)
    body = draw(st.lists(paragraphs(style), min_size=min_paragraphs, max_size=max_paragraphs))
    body[0] = draw(st.sampled_from(style.leads)) + body[0]
    if boilerplate:
        for _ in range(draw(st.integers(0, 2))):
            body.insert(draw(st.integers(1, len(body))), draw(boilerplate_lines(style)))
    footer = []
    if translator_note and style.translator_notes:
        footer.append(draw(translator_notes(style)))
    footer.extend(style.footer_lines)
    return SampleReport(style=style, header=tuple(header), body=tuple(body),
                        footer=tuple(footer), headline=headline, published=published,
                        dateline=dateline)


def report_texts(style: OutletStyle = GENERIC) -> st.SearchStrategy[str]:
    """The text of :func:`reports`."""
    return reports(style).map(lambda sample: sample.text)


# -- noise --------------------------------------------------------------------------------------

def unicode_noise() -> st.SearchStrategy[str]:
    """Short runs of :data:`NOISE` characters."""
    return st.lists(st.sampled_from(NOISE), min_size=1, max_size=4).map("".join)


def _insert(text: str, insertions: list[tuple[int, str]]) -> str:
    for position, noise in sorted(insertions, reverse=True):
        text = text[:position] + noise + text[position:]
    return text


def with_noise(texts: st.SearchStrategy[str], *, max_insertions: int = 12,
               noise: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[str]:
    """``texts`` with up to ``max_insertions`` runs of noise put in at random places."""
    runs = noise if noise is not None else unicode_noise()
    return texts.flatmap(lambda text: st.lists(
        st.tuples(st.integers(0, len(text)), runs), max_size=max_insertions,
    ).map(lambda insertions: _insert(text, insertions)))


def any_text(styles: Sequence[OutletStyle] = tuple(STYLES.values())) -> st.SearchStrategy[str]:
    """Anything ``parse`` may be given: pages of the styles, clean and noisy, pieces of them,
    and arbitrary strings (lone surrogates and NUL included)."""
    pages = st.one_of(*(report_texts(style) for style in styles))
    return st.one_of(
        pages,
        with_noise(pages),
        with_noise(pages, noise=st.text(st.characters(), min_size=1, max_size=3)),
        pages.flatmap(lambda text: st.tuples(st.integers(0, len(text)), st.integers(0, len(text)))
                      .map(lambda cut: text[min(cut):max(cut)])),
        st.text(st.characters()),
        st.lists(st.sampled_from((*NOISE, "a", " ", ".", ":", "said", "\x00", "\ud800")))
        .map("".join),
    )
