"""A count that counts what the answer before counted: "how many of them had vans?" after "how many branches …",
"how many of those came thru partners?" after "how many tickets did pharma log?".

"Them", "those", "these" after "how many of" are the members the last answer counted, so the follow-up keeps that
dimension and narrows it by what is said ("had vans": the branches with the member Van), where a count of another
thing ("how many of what? rentals or claims") would answer another question. After a figure they are the figure's
units, and the follow-up is that figure narrowed to the member said, never a share of it ("what share of those",
"how much of those" ask for one).
"""
from __future__ import annotations

import re

from insights.understanding.types import Understanding

_OF_THEM = re.compile(r"\b(?:how\s+many|number|count|#)\s+of\s+(?:them|those|these|'em|em)\b")
_HOW_MANY_OF_THEM = re.compile(r"\bhow\s+many\s+of\s+(?:them|those|these|'em|em)\b")


def counts_them(low: str, *, previous: Understanding | None) -> bool:
    """Whether ``low`` (lower-cased) counts the members ``previous`` counted, by a pronoun for them."""
    return previous is not None and previous.intent == "count" and previous.group_by is not None and bool(
        _OF_THEM.search(low))


def narrows_them(low: str, *, previous: Understanding | None) -> bool:
    """Whether ``low`` (lower-cased) asks how many of the units of ``previous``'s figure had what it says: that
    figure narrowed, not a part of a whole."""
    return previous is not None and previous.intent != "count" and bool(_HOW_MANY_OF_THEM.search(low))
