"""A dimension's word that points at one member the question does not name: "how did the campaign do?".

"How did the stores do?" and "how did each store do?" ask for a row per store; "how did the campaign do?"
(the word in the singular, after "the", "this", "that", "our" or "my", as the subject of "how did … do")
asks about one campaign, and which one is not said. Answering with every campaign would be the answer to a
nearby question, so the parser asks which one is meant — unless the conversation is already about one.
"""
from __future__ import annotations

import re

from insights.understanding.vocabulary import Hit

_HOW_BEFORE = re.compile(r"\bhow(?:\s+(?:did|does|do|is|was|has|have|will)|'s|'d|s)\s+(?:the|this|that|our|my)\s+$")
_DOING_AFTER = re.compile(r"(?:\s+(?:been|really|actually|overall))*\s+(?:do|doing|done|did|perform\w*|go|going|gone|"
                          r"look|looking|looked|fare|fared|faring|shape\s+up|shaping\s+up|hold\w*\s+up)\b")


def points_at_unnamed_member(hit: Hit, low: str) -> bool:
    """Whether the dimension ``hit`` of ``low`` (the lower-cased question) is "the <dimension>" asked about."""
    if hit.kind != "dimension" or hit.end <= hit.start:
        return False
    written = low[hit.start:hit.end]
    if written.endswith("s") and not hit.name.lower().endswith("s"):
        return False  # "how did the campaigns do": a row for each
    return bool(_HOW_BEFORE.search(low[:hit.start]) and _DOING_AFTER.match(low[hit.end:]))


def which_one(members: tuple[str, ...], *, label: str) -> tuple[str, tuple[str, ...]]:
    """The question back and its suggestions: the members (a few), then every one of them side by side."""
    shown = members[:5]
    more = ", …" if len(members) > len(shown) else ""
    question = f"Which {label} do you mean: {', '.join(shown)}{more}? Or shall I show every {label} side by side?"
    return question, (*shown, f"by {label}")
