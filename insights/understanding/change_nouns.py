"""Members named like a noun of change ("Growth" the plan, "Decline", "Gain", "Change", "Boost"): the grammar
around one tells the name from the change.

"Which channels drove the growth in seats", "the fastest growth in new mrr", "growth in seats q3 vs q2" speak
of the change; "Growth plan", "growth seats", "in growth", "on growth" name the member. The noun is the change
when a determiner or a word of degree comes before it ("the", "any", "biggest", "fastest", "strong"), or a
measure or a split follows it ("growth in seats", "decline of revenue", "growth by region"); a word of the
tenant's right after it ("growth seats", "decline segment") or a preposition before it ("in growth") keeps the
member.
"""
from __future__ import annotations

import re

from insights.understanding.cues import change_verb
from insights.understanding.vocabulary import Hit

# Nouns of change that are no verb form change_verb knows
_MORE_NOUNS = frozenset({"boost", "boosts", "uplift", "uplifts", "bump", "bumps", "improvement", "improvements",
                         "downturn", "downturns", "upswing", "upturn", "slowdown", "pickup", "falloff", "dropoff"})
_DEGREE_BEFORE = re.compile(
    r"\b(?:the|a|an|any|some|this|that|our|their|its|much|more|most|less|least|big|bigger|huge|massive|strong|"
    r"stronger|weak|weaker|sharp|sharper|steep|steeper|slight|small|large|real|overall|total|net|recent|"
    r"[a-z]{2,}est|yoy|mom|qoq|wow|%|percent(?:age)?)\s+$")
_PREPOSITION_BEFORE = re.compile(r"\b(?:at|for|from|by|with|in|on|to|within|than|vs\.?|versus|w/)\s+(?:the\s+)?$")
_OF_A_FIGURE = re.compile(r"\s+(?:in|of|across)\s+(?:the\s+|our\s+|total\s+)?$")
_SPLIT = re.compile(r"\s+(?:by|per|across|for\s+each)\s+(?:the\s+|each\s+|every\s+)?$")
_FIGURES = ("measure", "weak_measure", "missing_measure", "unsupported_measure")
_TENANT_WORDS = (*_FIGURES, "dimension", "member", "ambiguous")


def change_noun(hit: Hit, hits: list[Hit], text: str, blank: str) -> bool:
    """Whether the one-word member ``hit`` of ``hits`` is said as the change ("the growth in seats"); ``text``:
    the question as written; ``blank``: lower-cased with its periods blanked."""
    written = text[hit.start:hit.end]
    word = written.lower()
    if hit.kind != "member" or " " in (hit.value or " ") or hit.alternatives or not word.isalpha() \
            or not (change_verb(word) or word in _MORE_NOUNS):
        return False
    if written[0].isupper() and text != text.lower() and not re.search(r"(?:^|[.?!:]\s*)$", text[:hit.start]):
        return False  # "seats on Growth": written as the name inside a sentence
    following = next((h for h in hits if h.start >= hit.end), None)
    if following is not None and following.kind in _TENANT_WORDS and not blank[hit.end:following.start].strip():
        return False  # "growth seats", "the decline segment": the name qualifies what follows
    of_a_figure = following is not None and following.kind in _FIGURES and bool(
        _OF_A_FIGURE.fullmatch(blank, hit.end, following.start))
    before = blank[:hit.start]
    if _PREPOSITION_BEFORE.search(before):
        return of_a_figure  # "in growth" is the member; "accounts for the growth in seats" the change
    # "growth by plan": the change split into rows, no plan's figure split by plan
    split = following is not None and following.kind == "dimension" and bool(
        _SPLIT.fullmatch(blank, hit.end, following.start))
    return of_a_figure or split or bool(_DEGREE_BEFORE.search(before))
