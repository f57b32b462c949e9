"""The tenant's own name said in a question: "how's lumenbay doing", "acme outdoor's sales ytd" mean the whole
business, as "we" or "the company" do (contract v2: a question about the business names no member).

A word of the name that is also a word of the tenant's data (a member, measure or dimension, or one typo from
one) stays that. Legal and generic words ("inc", "group", "the") say nothing alone; an ordinary English word of
the name ("Best" of "Best Buy") is the business only with the rest of the name beside it.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from insights.understanding.letters import fold
from insights.understanding.words import ordinary

# Nouns a business calls itself by: "how's the chain doing", "the practice's revenue" mean the whole business.
BUSINESS_NOUNS = frozenset({
    "business", "company", "chain", "group", "network", "practice", "firm", "shop", "shops", "brand",
    "organisation", "organization",
})
# Words many company names carry that name no particular company.
GENERIC_NAME_WORDS = BUSINESS_NOUNS | frozenset({
    "the", "and", "of", "inc", "incorporated", "ltd", "limited", "llc", "llp", "plc", "co", "corp", "corporation",
    "companies", "holdings", "gmbh", "ag", "sa", "bv", "pty", "intl", "international",
})
_BUSINESS_NOUN = re.compile(
    rf"\b(?P<article>the|our|my)\s+(?:whole\s+|entire\s+)?(?P<noun>{'|'.join(sorted(BUSINESS_NOUNS))})\b",
    re.IGNORECASE)


def as_the_company(text: str, *, name: str, knows: Callable[[str], bool]) -> str:
    """``text`` with each mention of the tenant's ``name``, and each business noun it is called by, written "the
    company" (a possessive kept); ``knows`` tells the words of the tenant's data, which are never the business."""
    return _named_as_the_company(_nouns_as_the_company(text, knows=knows), name=name, knows=knows)


def _nouns_as_the_company(text: str, *, knows: Callable[[str], bool]) -> str:
    """"the chain", "our practice": the business (a brand or network the data has rows of stays that)."""
    def said(match: re.Match[str]) -> str:
        noun = match["noun"]
        if knows(noun.lower()):
            return match.group(0)
        return f"{match['article']} company"  # "the whole chain" is the company, as "the whole company" is

    return _BUSINESS_NOUN.sub(said, text)


def _named_as_the_company(text: str, *, name: str, knows: Callable[[str], bool]) -> str:
    tokens = list(dict.fromkeys(re.findall(r"[a-z0-9]+", fold(name.lower()))))  # "fjallresor" of Fjällresor
    own = {w for w in tokens if w not in GENERIC_NAME_WORDS and not knows(w)}
    if not own:
        return text
    word = "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))
    # "the lumenbay team" is "the company team", never "the the company team"
    run = re.compile(rf"(?:\bthe\s+)?\b(?:{word})(?:[\s&-]+(?:{word}))*\b", re.IGNORECASE)

    def said(match: re.Match[str]) -> str:
        words = set(re.findall(r"[a-z0-9]+", match.group(0).lower()))  # of the folded text
        whole = own <= words  # every word of the name that is its own is said
        if whole or any(w in own and not ordinary(w) for w in words):
            return "the company"
        return text[match.start():match.end()]

    # found in the text folded (the same length), put back as written
    spans = [(m.start(), m.end(), said(m)) for m in run.finditer(fold(text))]
    for start, end, written in reversed(spans):
        text = text[:start] + written + text[end:]
    return text
