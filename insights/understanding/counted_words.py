""""How many leads" where a dimension is shift_lead: the last word of a dimension's name of several words names it
where a count says what it counts, even where that word is an everyday one or a figure another data holds
("leads" of a pipeline). Said anywhere else it stays that word ("leads by source" asks for a figure)."""
from __future__ import annotations

import re
from collections.abc import Iterable

from core.number_forms import singular_forms
from insights.understanding.vocabulary import Hit, words_of

_COUNTED = re.compile(r"\b(?:how\s+many|number\s+of|count\s+of|#\s*of)\s+(?:active\s+|different\s+|distinct\s+|"
                      r"unique\s+)?(?P<w>[a-z][\w-]*)")


def counted_by_last_word(hits: list[Hit], *, low: str, dimensions: Iterable[str]) -> list[Hit]:
    """``hits`` with the word a count counts read as the one dimension whose name ends on it, where no member or
    dimension of the tenant's is said there already."""
    head = _COUNTED.search(low)
    if head is None:
        return hits
    a, b = head.span("w")
    there = [h for h in hits if h.start < b and a < h.end]
    if any(h.kind in ("member", "dimension") for h in there):
        return hits
    forms = {head["w"], *singular_forms(head["w"])}
    owners = [d for d in dimensions if len(words_of(d)) > 1 and words_of(d)[-1] in forms]
    if len(owners) != 1:
        return hits
    return sorted([*(h for h in hits if h not in there), Hit("dimension", owners[0], None, a, b)],
                  key=lambda h: h.start)
