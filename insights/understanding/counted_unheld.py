"""A count of something the data lacks, asked about the answer before: "how many hotel nights did that drive?".

The asker is still asking about the business (what the last figure brought about), so even where the noun is one
of small talk's ("hotel", "flights") the question is a clarify saying what the data holds, never out of scope.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from insights.understanding.words import FUNCTION

_HOW_MANY = re.compile(r"\bhow\s+many\s+(?P<noun>(?:[a-z][\w'-]*\s+){0,2}[a-z][\w'-]*)")
# The figure before: "did that drive", "did it bring in", "came from those", "were due to this"
_ABOUT_IT = re.compile(r"\b(?:that|it|this|those|these|them)\b")


def counted_unheld(low: str, *, tenant_word: Callable[[str], bool]) -> str | None:
    """The noun ``low`` (the lower-cased question) counts about the answer before, when no word of it is the
    tenant's; ``None`` for any other question."""
    said = _HOW_MANY.search(low)
    if said is None or not _ABOUT_IT.search(low, said.start("noun")):
        return None
    words = []
    for word in said["noun"].split():
        if word in FUNCTION:
            break
        words.append(word)
    if not words or any(tenant_word(w) for w in words):
        return None
    return " ".join(words)
