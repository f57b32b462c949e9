"""Parts of the day ("morning", "evening", "overnight"): SalesTalk's facts are daily totals, so none is a period.

A member named like one ("Evening" of a delivery slot) is that member, unless a word of the calendar makes it a
moment ("this morning", "yesterday evening", "every night"), which is still asked back. A greeting's "morning" or
"evening" written with no pause after it ("evening orders last month") is the member too; "evening, orders?" and
"good evening" still greet.
"""
from __future__ import annotations

import re
from collections.abc import Callable

_PART_OF_DAY = re.compile(r"(?:mornings?|afternoons?|evenings?|nights?|tonight|overnight|midday|noon|lunch(?:time)?|"
                          r"dinner(?:time)?|breakfast|brunch)(?:'s)?")
_MOMENT_BEFORE = re.compile(r"\b(?:this|last|yesterday|today|tomorrow|every|each|one|that|mondays?|tuesdays?|"
                            r"wednesdays?|thursdays?|fridays?|saturdays?|sundays?)\s+$")
_GREETED = re.compile(r"(?<!good\s)\b([a-z]+)\s+$")  # a span's last word, no pause after it


def names_part_of_day(text: str, start: int, end: int) -> bool:
    """Whether the member name at ``start:end`` of ``text`` is a part of the day said as no moment."""
    return bool(_PART_OF_DAY.fullmatch(text[start:end].strip())) and not _MOMENT_BEFORE.search(text, 0, start)


def is_part_of_day(said: str) -> bool:
    """Whether ``said`` (a period the question gave) is a part of the day, which daily totals cannot hold."""
    return bool(_PART_OF_DAY.fullmatch(said.strip().lower()))


def greeting_members(low: str, spans: list[tuple[int, int]], *, member_name: Callable[[str], bool]) -> list[
        tuple[int, int]]:
    """Framing ``spans`` of ``low`` less a last word that is a member's name said with no pause after it."""
    kept = []
    for a, b in spans:
        last = _GREETED.search(low, a, b)
        if last and last.end() == b and member_name(last.group(1)):
            b = last.start(1)
        if low[a:b].strip(" \t,.:;!?-"):
            kept.append((a, b))
    return kept
