"""Where a word is said as a kind of things asked for: the rows of a split or one of them, never a plain noun.

The first word of a "<word> <kind>" dimension ("loaf" of loaf_type, "car" of car_class) names the dimension only
in such a place: after "by", "across", "each", "every", "which", "what", "top 3" ("takings by loaf", "which car
earned most"), or before a word for the whole spread ("the full age mix", "the loaf split"). Said as a noun of the
business ("were renting cars", "keep the car", "the car was late") it names nothing the data holds. "Per loaf" is
a rate (takings over loaves sold), no split by kind, so it is no such place.
"""
from __future__ import annotations

import re

_BEFORE = re.compile(r"\b(?:by|across|each|every|which|what|top|bottom|best|worst)(?:\s+\d+)?\s+"
                     r"(?:(?:the|our|their|your|each|all)\s+)?$")
_AFTER = re.compile(r"(?:\s*-\s*|\s+)(?:mix|mixes|split|splits|breakdown|breakdowns|share|shares|spread|"
                    r"distribution|profile|ranking|rankings|wise)\b|-wise\b")


def kinds_asked(low: str, *, start: int, end: int) -> bool:
    """Whether the word at ``start``..``end`` of ``low`` (lower-cased) is said where kinds of things are asked."""
    return bool(_BEFORE.search(low[:start]) or _AFTER.match(low, end))
