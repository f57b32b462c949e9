"""A share asked after an answer, naming neither its part nor its rows: "whats the mix?", "and the full split?",
"as a share?", "what % is that?" (contract v2: a share has a part or a group_by; one with neither is no share).

The words say which: a word for the whole spread ("mix", "split", "breakdown") asks every member's share, of the
dimension the answer was about (its rows, or its share's part); any other share word asks the share of what the
answer was about (its share's part, or the one member it was kept to). Where the answer was about no dimension,
or kept to members of several, nothing says which: the caller asks back.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from insights.understanding.types import GRAINS, Understanding

# The whole spread of a figure over members, as against one member's part of it.
_SPREAD = re.compile(r"\b(?:mix|split|splits|breakdown|break\s*(?:it|that|this)?\s*down|broken\s+down|"
                     r"distribution|spread)\b")


@dataclass(frozen=True)
class ShareOf:
    group_by: str | None = None  # every member's share of this dimension
    part: tuple[str, str] | None = None  # (dimension, member): this member's share, within the rest kept


def spread_asked(low: str) -> bool:
    """Whether ``low`` asks for the whole spread of a figure over members ("the full mix", "whats the split")."""
    return bool(_SPREAD.search(low))


def share_of_previous(*, previous: Understanding, spread: bool) -> ShareOf | None:
    """What a share follow-up that names no part and no rows is a share of, after ``previous``; None where the
    previous answer does not say. ``spread``: the follow-up asks for the whole spread, not one part."""
    rows = previous.group_by if previous.group_by not in GRAINS else None
    if previous.part is not None:
        return ShareOf(group_by=rows or previous.part[0]) if spread else ShareOf(group_by=rows, part=previous.part)
    if rows is not None:
        return ShareOf(group_by=rows)
    kept = list(previous.constraints.items())
    if spread or len(kept) != 1 or len(kept[0][1]) != 1:
        return None  # "units at york" then "the mix": York's mix by what, or the stores'? asked back
    dimension, (member,) = kept[0]
    return ShareOf(part=(dimension, member))
