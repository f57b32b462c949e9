"""A dimension's word that points at one member the question does not name: "how did the campaign do?".

"How did the stores do?" and "how did each store do?" ask for a row per store; "how did the campaign do?"
(the word in the singular, after "the", "this", "that", "our" or "my", as the subject of "how did … do")
asks about one campaign, and which one is not said. Answering with every campaign would be the answer to a
nearby question, so the parser asks which one is meant — unless the conversation is already about one.

So does a qualifier the data has no member for, said of the members a filter keeps ("just for our big
accounts", "at top-tier stores"): which of them are meant is not said, and the figure of them all would be
the answer to another question.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from insights.understanding.people import KINDS
from insights.understanding.vocabulary import DIMENSION_NOUNS, Hit

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


# "for our big accounts", "among key clients": a filter's members, picked by a qualifier
_QUALIFIED = re.compile(r"\b(?:for|at|in|from|among|amongst|across|excluding|except|without|with|of)\s+"
                        r"(?:(?:the|our|my|your|their)\s+)?(?P<q>[a-z][a-z-]*)\s+(?P<noun>[a-z]+s)\b")
# Words that pick all, each or some of them without saying which: "for all stores", "across other accounts";
# "active" ones are those with figures, as every count and "per" counts them
_DETERMINERS = frozenset("""
the a an our my your their its all each every both these those other others some any many most more fewer less
few several no such same different individual active
""".split())  # noqa: SIM905 - a word list reads best as text


def qualified_unnamed(low: str, *, placed: Callable[[int], bool], ranks: Callable[[int], bool]) -> str | None:
    """The qualifier and noun of ``low`` ("big accounts") that keep members no word of the data names: a plural
    noun of members (a dimension's, or people's and things' the data may not hold) after a qualifier that
    ``placed`` (whether a word of the tenant's covers an offset) does not place. ``ranks``: where an order word
    starts, which before a dimension's noun asks for its top rows ("our top stores"), no filter."""
    for said in _QUALIFIED.finditer(low):
        qualifier, noun = said.group("q"), said.group("noun").removesuffix("s")
        start = said.start("q")
        if qualifier in _DETERMINERS or placed(start) or not (noun in KINDS or noun in DIMENSION_NOUNS):
            continue
        if placed(said.start("noun")) and ranks(start):
            continue
        return f"{qualifier} {said.group('noun')}"
    return None
