"""Words said just before a measure's word that pick some of what it counts by their standing: "active members",
"paying customers", "repeat signups", "lapsed subscribers".

A measure whose name does not hold the word counts all of them ("new members" are not the active ones), so the
figure would answer a nearby question: the parser asks back, naming the word (shared/spec/ask-contract.md,
"Honesty"). Where the tenant's name holds it ("active_members"), the measure's span covers it and nothing is asked.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from insights.understanding.vocabulary import Hit, words_of

STANDINGS: frozenset[str] = frozenset("""
active inactive paying non-paying current existing repeat returning lapsed dormant loyal retained
""".split())  # noqa: SIM905 - a word list reads best as text
# "current revenue" is this period's money, no standing of anyone's; "current members" are those who still are
_OF_NOW = frozenset({"current"})
_WORD_BEFORE = re.compile(r"(?:^|[^\w'-])(?P<w>[a-z][a-z-]*)\s+$")


def unheld_standing(low: str, hits: list[Hit], *, is_money: Callable[[str], bool]) -> str | None:
    """The first standing word of ``low`` (the lower-cased question) said right before a measure's word whose name
    does not hold it, and that no other word of the tenant's places; ``None`` where there is none."""
    for hit in hits:
        if hit.kind != "measure":
            continue
        before = _WORD_BEFORE.search(low, 0, hit.start)
        if before is None or any(h.start <= before.start("w") < h.end for h in hits):
            continue
        word = before.group("w")
        if word not in STANDINGS or word in words_of(hit.name) or (word in _OF_NOW and is_money(hit.name)):
            continue
        return word
    return None
