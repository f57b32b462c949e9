"""Nouns said before a dimension's word to say which kind of it is meant: "booking channel", "lead source",
"product line", "store location", "customer segment"; and after it, to say it is a way of doing: "payment mode",
"delivery method". Where the qualifier names nothing in the tenant's data, the phrase is that dimension; a word
not in these lists still asks back ("the zebra channel").

The other way round, a member said beside a word of its own dimension's name is that member, not a "by" of the
dimension: "business class", "first class", "business fares" of fare_class; "the enterprise segment".
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from core.number_forms import singular_forms
from insights.understanding.cues import order_word

# Kinds of channel, source, line, location or segment people name out of habit, none a thing of its own:
# the dimension's column leaves the kind unsaid ("channel" of a rental firm is its booking channel).
DIMENSION_QUALIFIERS = frozenset({
    "sales", "booking", "bookings", "marketing", "acquisition", "referral", "traffic", "distribution", "lead",
    "product", "service", "store", "shop", "branch", "customer", "client", "market", "order", "payment",
    "delivery", "sign-up", "signup", "business",
})
# "payment mode", "shipping method": the dimension's members are the ways, so the noun after it adds nothing
DIMENSION_WAYS_AFTER = frozenset({"mode", "modes", "method", "methods", "option", "options"})
# "other regions", "all channels", "most stores": words that count or pick members before a plural noun
_PICKING = frozenset({"other", "others", "all", "any", "some", "each", "every", "both", "more", "most", "less",
                      "few", "many", "these", "those", "no"})
_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]*)\b")


def qualifier_spans(blank: str, dimensions: Iterable[tuple[int, int]], *, knows: Callable[[str], bool]) -> tuple[
        tuple[int, int], ...]:
    """Spans of the qualifiers said just before, or the way-nouns just after, a dimension's word (its span in
    ``blank``); ``knows`` tells the tenant's own words, which name something and so stay what they name."""
    spans = []
    for start, end in dimensions:
        before = re.search(r"(?:^|\s)([a-z][a-z-]*)\s+$", blank[:start])
        if before and before.group(1) in DIMENSION_QUALIFIERS and not knows(before.group(1)):
            spans.append(before.span(1))
        after = re.match(r"\s+([a-z]+)\b", blank[end:])
        if after and after.group(1) in DIMENSION_WAYS_AFTER and not knows(after.group(1)):
            spans.append((end + after.start(1), end + after.end(1)))
    return tuple(spans)


def _name_words(dimension: str) -> frozenset[str]:
    return frozenset(dimension.lower().replace("-", "_").split("_"))


def said_in_plural(dimension: str, written: str) -> bool:
    """Whether ``written``, a word naming ``dimension``, is in the plural ("countries" of country, "channels"):
    a word of the name itself is not, whatever its last letter ("class" of fare_class, "status")."""
    return written not in _name_words(dimension) and bool(singular_forms(written))


def own_noun_after(dimension: str, *, member_word: str, after: str) -> int:
    """How far into ``after`` (the text just after a member of ``dimension``, said as ``member_word``) runs a
    word of that dimension's name, in either number ("business fares" of fare_class); 0 where none does. A
    plural after a word that picks or ranks members ("other fares", "top fares") is English, not the member."""
    m = _NEXT_WORD.match(after.lower())
    if m is None:
        return 0
    word, words = m.group(1), _name_words(dimension)
    if word in words:
        return m.end()
    plural = any(s in words for s in singular_forms(word))
    return m.end() if plural and member_word not in _PICKING and not order_word(member_word) else 0
