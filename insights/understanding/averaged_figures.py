""""Average sales per store", "mean bookings per day": an average said just before a "per" is that division's own
word, so the words after it name the figure divided, never a catalogue measure whose name the average starts
("average sale" is the average order value; "average sales per store" is sales ÷ stores)."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from insights.understanding.vocabulary import Hit

_AVERAGE = re.compile(r"(?:average|avg|mean)\s+")
_FIGURES = frozenset({"measure", "weak_measure", "missing_measure"})
_GAP = re.compile(r"\s+")


def figures_averaged(hits: list[Hit], *, blank: str, text: str, per_starts: Iterable[int],
                     find: Callable[[str, str], list[Hit]]) -> list[Hit]:
    """``hits`` with a figure named from an average word that a "per" follows (at one of ``per_starts`` in
    ``blank``) read again without that word, where the rest names another figure by itself; ``find`` reads words
    (lower-cased, as written) into hits."""
    starts = frozenset(per_starts)
    read = []
    for hit in hits:
        average = _AVERAGE.match(blank, hit.start, hit.end)
        # blanks of words already read ("per day") are spaces too: a "per" starts anywhere in the gap
        gap = _GAP.match(blank, hit.end)
        if hit.kind in _FIGURES and average and gap and any(gap.start() < s <= gap.end() for s in starts):
            rest = find(blank[average.end():hit.end], text[average.end():hit.end])
            whole = (0, hit.end - average.end())
            if len(rest) == 1 and rest[0].kind in _FIGURES and rest[0].name != hit.name \
                    and (rest[0].start, rest[0].end) == whole:
                hit = replace(rest[0], start=average.end(), end=hit.end)
        read.append(hit)
    return read
