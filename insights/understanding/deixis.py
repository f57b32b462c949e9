"""Words that point at what the answer before was filtered to: "there", "at that site", "the same place", "for
them", "on those", "that one".

They keep the previous constraints, even where the follow-up says "total" (which otherwise lifts the filters) or
names its own measure and period (which otherwise makes a new question). The noun after "that" is a place's
("site", "store", "location") or the word of a dimension the answer was filtered by; "that month" is time's.
"""
from __future__ import annotations

import re
from collections.abc import Callable

_PLACE_NOUNS = frozenset({"place", "places", "location", "locations", "site", "sites", "spot", "spots", "store",
                          "stores", "shop", "shops", "branch", "branches", "venue", "venues", "outlet", "outlets",
                          "area", "areas", "one", "ones"})
# "sold seats on them", "with those", "among them": said of the members the last answer was about
_TOWARDS = r"(?:at|in|for|from|about|on|with|among|through|thru)"
# "for those last month": a period or a conjunction after the pronoun is no noun it qualifies
_NO_NOUN = r"(?!(?:last|this|next|past|previous|prior|during|since|over|and|or|but|too|as|vs|then|again)\b)"
_POINTING = re.compile(
    r"(?<!\bof\s)(?<!\bmany\s)(?<!\bwhich\s)"  # "how many of those stores", "which one": asked of them, counted
    rf"\b(?:{_TOWARDS}\s+)?(?:that|this|those|these|the\s+same|same)\s+{_NO_NOUN}(?P<noun>[a-z][\w-]*)"
    rf"|\b{_TOWARDS}\s+(?:them|those|these)\b")


def pointing_spans(low: str, *, filtered_by: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The spans of ``low`` (the lower-cased question) that point at the previous answer's members;
    ``filtered_by``: whether a word names a dimension the previous answer was filtered by."""
    spans = []
    for said in _POINTING.finditer(low):
        noun = said["noun"]
        if noun is None or noun in _PLACE_NOUNS or filtered_by(noun):
            spans.append(said.span())
    return spans


# "and the other one?", "what about that other one": one member not said, of two or more the answer was about or
# left out, so which is meant has no single antecedent
_OTHER_ONE = re.compile(r"\b(?:the|that|this)\s+other\s+one\b")


def points_at_another_one(low: str) -> bool:
    """Whether ``low`` (the lower-cased question) points at "the other one" of the previous answer's members."""
    return bool(_OTHER_ONE.search(low))
