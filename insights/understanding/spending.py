"""Whose spend: what customers spent is what was sold; what the company spent is no figure of sales.

"How much did customers spend", "customer spend", "what did Enterprise spend" ask for the money taken (revenue,
the selling word's measure). "Total spend", "our spend", "how much did we spend", "spend last quarter" ask what
the company paid, which the data holds only as a column of its own ("spend", named so, is that measure); without
one it is asked back, offering the cost-like measures first (contract v2, "Honesty": never a nearby figure).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

SPEND = re.compile(r"spend|spends|spending|spent")
_BUYERS = (r"(?:customers?|clients?|shoppers?|buyers?|guests?|patrons?|diners?|members?|users?|visitors?|"
           r"consumers?|subscribers?|patients?|passengers?|students?|households?|fans|attendees|people|they)")
# "how much did our customers spend", "customers' spending", "what have shoppers usually spent"
_BUYER_BEFORE = re.compile(rf"\b(?P<who>{_BUYERS})(?:'s|')?\s+(?:(?:have|had|did|do|does|has|usually|typically|"
                           r"actually|really|already|all|each|ever|collectively|on\s+average)\s+)*$")
# "how much was spent by customers", "spending from guests", "spend per visit" (a basket, what was sold)
_BUYER_AFTER = re.compile(rf"\s+(?:(?:by|from|of)\s+(?:the\s+|our\s+|all\s+)?{_BUYERS}\b|(?:per|a|each|every)\s+[a-z])")
_MEMBER_THEN_SPEND = re.compile(rf"\s*(?:{_BUYERS}(?:'s|')?\s+)?(?:(?:have|did|do)\s+)?")


def customers_spend(low: str, start: int, end: int, *, member_ends: Iterable[int]) -> bool:
    """Whether the spend word at ``low[start:end]`` is what customers spent: said of buyers, or of a member
    ("did Enterprise spend", "enterprise customers' spend"); ``member_ends``: where members named end."""
    if _BUYER_BEFORE.search(low, 0, start) or _BUYER_AFTER.match(low, end):
        return True
    return any(e <= start and _MEMBER_THEN_SPEND.fullmatch(low, e, start) for e in member_ends)


def buyer_before(low: str, spend_at: int) -> tuple[int, int] | None:
    """The span of the word saying who spent ("customers" of "did customers spend") before ``spend_at``: the
    spender, not a figure asked for nor a name to look up ("shoppers")."""
    m = _BUYER_BEFORE.search(low, 0, spend_at)
    return m.span("who") if m else None
