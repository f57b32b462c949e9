"""A count that counts the members of the count before: "how many of them had vans?" after "how many branches …".

"Them", "those", "these" after "how many of" are the members the last answer counted, so the follow-up keeps that
dimension and narrows it by what is said ("had vans": the branches with the member Van), where a count of another
thing ("how many of what? rentals or claims") would answer another question.
"""
from __future__ import annotations

import re

from insights.understanding.types import Understanding

_OF_THEM = re.compile(r"\b(?:how\s+many|number|count|#)\s+of\s+(?:them|those|these|'em|em)\b")


def counts_them(low: str, *, previous: Understanding | None) -> bool:
    """Whether ``low`` (lower-cased) counts the members ``previous`` counted, by a pronoun for them."""
    return previous is not None and previous.intent == "count" and previous.group_by is not None and bool(
        _OF_THEM.search(low))
