"""Nouns said before a dimension's word to say which kind of it is meant: "booking channel", "lead source",
"product line", "store location", "customer segment"; and after it, to say it is a way of doing: "payment mode",
"delivery method". Where the qualifier names nothing in the tenant's data, the phrase is that dimension; a word
not in these lists still asks back ("the zebra channel").
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# Kinds of channel, source, line, location or segment people name out of habit, none a thing of its own:
# the dimension's column leaves the kind unsaid ("channel" of a rental firm is its booking channel).
DIMENSION_QUALIFIERS = frozenset({
    "sales", "booking", "bookings", "marketing", "acquisition", "referral", "traffic", "distribution", "lead",
    "product", "service", "store", "shop", "branch", "customer", "client", "market", "order", "payment",
    "delivery", "sign-up", "signup", "business",
})
# "payment mode", "shipping method": the dimension's members are the ways, so the noun after it adds nothing
DIMENSION_WAYS_AFTER = frozenset({"mode", "modes", "method", "methods", "option", "options"})


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
