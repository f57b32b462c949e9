"""Words that change what is computed without naming anything: arithmetic between two measures
("revenue minus cost", "margin as a % of revenue") and qualifiers of a measure ("net bookings").

The plain measure next to such a word is a different number, so a word of this kind that no span
places is never dropped: the parser asks back (shared/spec/ask-contract.md, "Honesty").
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise

from insights.understanding.vocabulary import Hit
from metrics.measures import Measure

# Qualifiers that redefine a measure, or pick some of what it counts ("cancelled orders", "late shipments");
# where the tenant's words include them ("net sales", "late deliveries") their span places them.
QUALIFIERS: frozenset[str] = frozenset("""
net gross adjusted unadjusted normalized normalised underlying organic recurring annualized annualised weighted
real nominal restated pro-forma proforma like-for-like
cancelled canceled refunded returned failed pending rejected abandoned churned late delayed damaged overdue expired
discounted promotional promo on-time
""".split())  # noqa: SIM905 - a word list reads best as text
# Operators that take something away; placed only when a member follows (an exclusion, or a gap between two).
OPERATORS: frozenset[str] = frozenset({"minus", "excluding", "except"})
_ARTICLE = r"(?:the\s+|our\s+|total\s+)?"
_KINDS = (
    ("difference", re.compile(r"\s*(?:minus|less|-)\s*" + _ARTICLE)),
    ("ratio_pct", re.compile(r"\s+as\s+(?:a\s+|an\s+)?(?:%|percent|percentage|pct|share|proportion)\s+of\s+"
                             + _ARTICLE)),
)
_BEFORE_MEMBER = re.compile(r"[\s,:-]*(?:for\s+)?" + _ARTICLE)


@dataclass(frozen=True)
class Arithmetic:
    """Two measures combined; ``measure`` is the one defined that way, None when none is."""

    written: str
    a: str
    b: str
    measure: str | None
    span: tuple[int, int]


def read_arithmetic(hits: list[Hit], low: str, definitions: Mapping[str, Measure]) -> Arithmetic | None:
    measures = [h for h in hits if h.kind == "measure"]
    for first, second in pairwise(measures):
        between = low[first.end:second.start]
        for kind, pattern in _KINDS:
            if pattern.fullmatch(between):
                defined = next((name for name, m in definitions.items() if m.computation.kind == kind
                                and m.computation.operands == (first.name, second.name)), None)
                return Arithmetic(written=low[first.start:second.end], a=first.name, b=second.name,
                                  measure=defined, span=(first.start, second.end))
    return None


def part_of_measure(hits: list[Hit], low: str, definitions: Mapping[str, Measure]) -> Arithmetic | None:
    """"What % of shipments were late deliveries": the second measure as a percentage of the first, when a
    share names two measures and no member (the part is a measure, not a member)."""
    if any(h.kind == "member" for h in hits):
        return None
    measures = list({h.name: h for h in hits if h.kind == "measure"}.values())
    if len(measures) != 2:
        return None
    whole, part = measures
    defined = next((name for name, m in definitions.items() if m.computation.kind == "ratio_pct"
                    and m.computation.operands == (part.name, whole.name)), None)
    written = f"{low[part.start:part.end]} as a % of {low[whole.start:whole.end]}"
    return Arithmetic(written=written, a=part.name, b=whole.name, measure=defined, span=(whole.start, part.end))


def unplaced_operator(blank_of_hits: str, hits: list[Hit], covered: tuple[int, int] | None) -> str | None:
    """The first qualifier or operator no span places (``blank_of_hits`` is the text without the tenant's words)."""
    for m in re.finditer(r"[a-z][a-z-]*", blank_of_hits):
        word = m.group(0)
        if word not in QUALIFIERS and word not in OPERATORS:
            continue
        if covered and covered[0] <= m.start() < covered[1]:
            continue
        after = next((h for h in hits if h.start >= m.end()), None)
        if word in OPERATORS and after is not None and after.kind == "member" \
                and _BEFORE_MEMBER.fullmatch(blank_of_hits[m.end():after.start]):
            continue
        return word
    return None
