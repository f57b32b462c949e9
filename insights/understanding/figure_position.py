"""Where a question puts the figure it asks for: "whats occupancy at the grand", "revpar last month".

A question that names no measure still says which figure it wants, in the place a measure goes: after "what's" or
"show me" (and "the", "our"), or as its first word, just before a place, a split or a period. A
noun there that names nothing of the tenant's ("occupancy", "adr", "headcount") is a figure the data does not
hold, asked back with the measures there are — never answered with the default measure, which would be the
answer to a nearby question. Verbs and adverbs ("what's happening") ask for no figure, and "how's priya
doing" asks about a subject.
"""
from __future__ import annotations

import re

# "what's", "what was the": the opening whose object is the figure asked for; "show me our" too, though a name
# may follow it as well ("show me priya last month")
_WHAT = r"what(?:'s|s|\s+(?:is|was|were|are|has\s+been))"
_SHOW = r"show(?:\s+me)?|give\s+me|get\s+me|tell\s+me"
_LEAD = r"(?:^|[.?!:;]\s*)\W*(?:(?:so|ok|okay|and|but|then)\s+)?"
_THE = r"\s+(?:(?:the|our|my|your|total|overall|current)\s+)*$"
_WHAT_OPENED = re.compile(rf"{_LEAD}(?:{_WHAT}){_THE}")
_OPENED = re.compile(rf"{_LEAD}(?:{_WHAT}|{_SHOW}){_THE}")
# the question's own start: "occupancy at the grand?"
_FIRST = re.compile(r"(?:^|[.?!:;]\s*)\W*(?:(?:so|ok|okay)\s+)?$")
# what follows the figure: the end, a place, a split or a period (periods are blanked before this is read)
_CLOSED = re.compile(r"\s*(?:$|[?.!,;:]|(?:at|in|on|for|by|across|from|per|over|during|so\s+far|look\w*|"
                     r"like)\b)")
# first in a question, only a place, a split or a period after it makes the word a figure ("thx! and …" is none)
_CLOSED_FIRST = re.compile(r"\s*(?:$|\?|(?:at|in|for|by|across|from|per|over|during)\b)")
_NOT_A_NOUN = re.compile(r"\w+(?:ing|ed|ly)")
# Nouns that ask for the figures in general, as "numbers" does: an overview, no figure of their own
_FIGURES_AT_LARGE = frozenset("""
stats statistics details detail info information story situation lowdown rundown latest news deal damage gist
""".split())  # noqa: SIM905 - a word list reads best as text


def in_figure_position(low: str, start: int, end: int, *, plain: bool) -> bool:
    """Whether the word at ``start:end`` of ``low`` (the question, lower-cased, periods blanked) stands where the
    figure asked for goes. A word that is no ``plain`` English only after "what's": first in a question, or after
    "show me", a name the data lacks is as likely ("hilton last month")."""
    word = low[start:end]
    if _NOT_A_NOUN.fullmatch(word) or word in _FIGURES_AT_LARGE or not _CLOSED.match(low, end):
        return False
    if not plain:
        return bool(_WHAT_OPENED.search(low, 0, start))
    return bool(_OPENED.search(low, 0, start) or (_FIRST.search(low, 0, start) and _CLOSED_FIRST.match(low, end)))
