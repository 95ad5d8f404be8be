"""Name keys: one spelling-independent key for every transliteration of a name.

Arabic names reach English text in many spellings: Hmeimim, Hmeimeem and Khmeimim; Deir
ez-Zor, Deir al-Zour and Dayr az-Zawr; Aş Şanamayn, As-Sanamayn and Sanamein. Rather than list
every variant, names and text tokens are reduced by rule to the same key:

* diacritics, apostrophes and ayn/hamza marks go (``Dar‘ā`` → ``dara``);
* Arabic articles (al-, el-, as-, ash-, ad-, az-, ez- …) are not part of the key;
* consonant variants merge: ``kh``→``h``, ``q``→``k``, ``ph``→``f``;
* vowel spellings merge: ``ee``→``i``, ``oo``/``ou``/``o``→``u``, ``ei``/``ey``/``ai``→``ay``,
  ``aw``→``u``, then ``e``→``a``;
* doubled letters collapse and a final ``ah`` becomes ``a``.

Arabic-script names get their own folding: short vowels and tatweel go, alef forms merge,
ta marbuta → ha, alef maqsura → ya.
"""

from __future__ import annotations

import functools
import unicodedata

import regex

ARTICLES = frozenset(
    ["al", "el", "il", "ul", "as", "ash", "es", "ad", "ed", "adh", "ath", "at", "et", "an", "en", "ar", "er", "az", "ez", "ال"]
)
"""Arabic article tokens, as they stand before a hyphen or as separate words."""

TOKEN = regex.compile(r"(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}\p{N}]+)*")
"""A word of the folded text: a dotted abbreviation (U.S.) or letters and digits; inner
apostrophes (Dara'a) belong to the word."""
_ACRONYM = regex.compile(r"(?:\p{Lu}\.?){2,6}")

_ARABIC = regex.compile(r"\p{Script=Arabic}")
_ARABIC_MARKS = regex.compile(r"[\u064b-\u065f\u0670\u0640]")
_PROCLITICS = frozenset("وبفكل")
_ARABIC_TABLE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})
_LATIN_RULES = {
    "kh": "h", "ph": "f", "ee": "i", "oo": "u", "ou": "u", "ei": "ay", "ey": "ay",
    "ai": "ay", "aw": "u", "q": "k", "e": "a", "o": "u",
}
_LATIN_RULE = regex.compile("|".join(sorted(_LATIN_RULES, key=len, reverse=True)))
_DOUBLED = regex.compile(r"(.)\1+")
_DROPPED = regex.compile(r"['ʿʾ‘’`]")


def _strip_diacritics(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=200_000)
def token_key(token: str) -> str:
    """The key of one word (see the module docstring). Acronyms (UN, SAA, U.S.) keep their
    capitals and match only themselves: folded, "UN" would also be "On"."""
    if _ACRONYM.fullmatch(token) is not None:
        return "=" + token.replace(".", "")
    if _ARABIC.search(token) is not None:
        folded = _ARABIC_MARKS.sub("", token).translate(_ARABIC_TABLE)
        if folded[:1] in _PROCLITICS and folded[1:3] == "ال" and len(folded) > 5:
            folded = folded[1:]  # "والسويداء" (and al-Suwayda) → "السويداء"
        return folded[2:] if folded.startswith("ال") and len(folded) > 4 else folded
    folded = _DROPPED.sub("", _strip_diacritics(token).lower())
    folded = _LATIN_RULE.sub(lambda m: _LATIN_RULES[m[0]], folded)
    folded = _DOUBLED.sub(r"\1", folded)
    if folded.endswith("ah") and len(folded) > 3:
        folded = folded[:-1]
    return folded


def is_article(token: str) -> bool:
    """Whether ``token`` is an Arabic article (``al``, ``As``, ``ez``)."""
    return _strip_diacritics(token).lower() in ARTICLES


@functools.lru_cache(maxsize=100_000)
def name_keys(name: str, *, loose_articles: bool = True) -> tuple[str, ...]:
    """The key sequence of a whole name: one key per word, articles left out.

    Place names drop every article word (``Aş Şanamayn`` → ``sanamayn``); with
    ``loose_articles=False`` (people, organisations) only articles joined by a hyphen and
    ``al``/``el`` go, as in running text, so ``Ash Carter`` keeps his first name.
    """
    name = name.translate(_QUOTES)
    keys = []
    for match in TOKEN.finditer(name):
        word = match[0]
        if is_article(word) and (loose_articles or name[match.end():match.end() + 1] == "-"
                                 or word.lower() in ("al", "el")):
            continue
        keys.append(token_key(_strip_possessive(word)))
    return tuple(keys)


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "'S")) and len(word) > 2 else word


_QUOTES = str.maketrans(dict.fromkeys("‘’‛′`´", "'"))
