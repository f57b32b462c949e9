"""A member named by the first word of its name alone: "harborview" of Harborview Hospital.

People shorten a name of several words to its distinctive head ("why did harborview placements drop", "how did
stratus do"). The word names the member only where nothing else can be meant: it is no ordinary English word
("north" of North Shore, "park" of Park West are said as words), no word of any other member's name (a word two
members hold is asked back, listing both) and no word of a dimension's or a measure's name. The first or last name
of a person is people.py's rule.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from core.number_forms import other_numbers
from insights.understanding.abbreviations import RESERVED
from insights.understanding.letters import fold, spelled_out
from insights.understanding.words import ordinary

MIN_HEAD_LETTERS = 3


def _words(name: str) -> list[str]:
    return re.findall(r"[a-z][a-z'-]*", fold(name.lower()))


def name_heads(dimensions: Mapping[str, tuple[str, ...]], *, people: Iterable[str],
               names: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Each head word, lower-cased and folded or as typed without its letters ("kobenhavn", "mueller") → the
    (dimension, member) it names alone; ``people``: the dimensions of
    people, left to their own rule; ``names``: the dimensions' and measures' names, whose words no head may be."""
    holders: dict[str, set[tuple[str, str]]] = {}  # a word → the members whose names hold it
    for dimension, members in dimensions.items():
        for member in members:
            for word in _words(str(member)):
                holders.setdefault(word, set()).add((dimension, str(member)))
    taken = {w for name in names for word in _words(name.replace("_", " ")) for w in (word, *other_numbers(word))}
    heads: dict[str, tuple[str, str]] = {}
    for dimension, members in dimensions.items():
        if dimension in people:
            continue
        for member in members:
            words = str(member).lower().split()
            head = fold(words[0]) if len(words) > 1 else ""
            if len(head) < MIN_HEAD_LETTERS or not head.isalpha() or ordinary(head) or head in RESERVED:
                continue
            if any(f in taken or holders.get(f, set()) - {(dimension, str(member))}
                   for f in (head, *other_numbers(head))):
                continue
            for typed in dict.fromkeys((head, spelled_out(words[0]))):
                heads[typed] = (dimension, str(member))
    return heads
