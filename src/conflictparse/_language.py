"""Which Latin-script language a stretch of text is written in, told by its function words.

Enough to tell an English headline from its Italian, German, French, Spanish or Portuguese
translation on a reposted page (Arabic is told by its script, see ``_document``). Each
language's words below are frequent in news prose and belong to no other language of the
list, so one count per language decides.
"""

from __future__ import annotations

import regex

_FUNCTION_WORDS = {
    "en": "the of and to is are was were for with by from at that this which has have had its "
          "will would been after over into their they said says against near",
    "it": "gli della delle dello degli dei di che per non sono nel nella nei alla alle hanno "
          "secondo anche più presso questa questo vicino",
    "de": "der die das und ist von mit den dem ein eine einer im auf für nach bei zu sich "
          "nicht wurde wurden sind hat aus über gegen",
    "fr": "les des du et est dans pour sur aux avec une pas été ont selon près cette ces",
    "es": "el los las y según fue han este sus tras",
    "pt": "os dos em não uma ao foi são pelo pela perto",
}
_WORDS: dict[str, str] = {}
for _language, _words in _FUNCTION_WORDS.items():
    for _word in _words.split():
        # A word two languages share tells neither apart: it counts for none.
        _WORDS[_word] = "" if _word in _WORDS and _WORDS[_word] != _language else _language
_WORD = regex.compile(r"\p{L}+")


def guess_language(text: str, *, at_least: int = 2) -> str | None:
    """The ISO 639-1 code of the language of ``text`` (Latin script), or ``None`` if unsure:
    the language with the most function words, if it has ``at_least`` of them and twice as
    many as any other."""
    counts: dict[str, int] = {}
    for word in _WORD.findall(text.lower()):
        language = _WORDS.get(word)
        if language:
            counts[language] = counts.get(language, 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.values(), reverse=True)
    best = max(counts, key=counts.__getitem__)
    if ranked[0] < at_least or (len(ranked) > 1 and ranked[0] < 2 * ranked[1]):
        return None
    return best
