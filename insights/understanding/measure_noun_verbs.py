""""How many bouquets did we sell" where a measure is bouquets_sold and a dimension bouquet: a count's noun that is
the first word of a measure named noun + verb ("bouquets sold"), said with that verb, asks the measure's value, not
how many members were sold ("how many different bouquets" still counts members). Said with another verb ("how many
offers did we make" where the data holds offers_declined) it names no figure of the data: the measure's own verb
is what it counts, so it is asked back rather than answered with declined offers (Honesty)."""
from __future__ import annotations

import re
from collections.abc import Iterable

from core.number_forms import singular_forms
from insights.understanding.column_words import said_as_verb, verb_forms
from insights.understanding.vocabulary import Hit, words_of

_COUNTED = re.compile(r"\b(?:how\s+many|number\s+of)\s+(?P<distinct>(?:different|distinct|unique)\s+)?"
                      r"(?P<w>[a-z][\w-]*)")
# "did we make": the verb a pronoun's doing is said by, the one a contradiction is read from
_OUR_VERB = re.compile(r"\s+(?:did|do|does|will|have|has|had)\s+(?P<who>we|they|you|i)\s+(?P<v>[a-z]+)\b")
# Verbs of having that say nothing of how the figure came about
_NEUTRAL = frozenset("have has had get got do did see saw record recorded log logged count total".split())  # noqa: SIM905


def _forms(participle: str) -> set[str]:
    """"sold" → sell, sells, selling…; "declined" → decline; "shipped" → ship: the verb a participle is of."""
    forms = {participle, *verb_forms(participle)}
    if participle.endswith("ed"):
        stem = participle[:-2]
        forms |= {stem, participle[:-1]}
        if len(stem) > 2 and stem[-1] == stem[-2]:
            forms.add(stem[:-1])
    return forms


def _named_with_verb(word: str, measures: Iterable[str]) -> list[tuple[str, str]]:
    """The measures named ``word`` (either number) + a participle, each (measure, participle)."""
    forms = {word, *singular_forms(word)}
    found = []
    for name in measures:
        words = words_of(name)
        if len(words) == 2 and words[0] in forms | {f + "s" for f in forms} and said_as_verb(words[1]):
            found.append((name, words[1]))
    return found


def counted_by_verb(hits: list[Hit], *, low: str, measures: Iterable[str]) -> list[Hit]:
    """``hits`` with a count's noun read by the verb said with it: the measure it names where the verb is the
    measure's own, a figure the data does not hold (asked back) where a pronoun's other verb contradicts it."""
    head = _COUNTED.search(low)
    if head is None or head["distinct"]:
        return hits
    a, b = head.span("w")
    named = _named_with_verb(head["w"], measures)
    if len(named) != 1:
        return hits
    name, participle = named[0]
    there = [h for h in hits if h.start < b and a < h.end]
    if not there or any(h.kind == "dimension" and h.end > b for h in there):  # "how many room types": room_type
        return hits
    later = set(re.findall(r"[a-z]+", low[b:]))
    rest = [h for h in hits if h not in there]
    if later & _forms(participle):
        return sorted([*rest, Hit("measure", name, None, a, b)], key=lambda h: h.start)
    ours = _OUR_VERB.match(low, b)
    if ours and ours["v"] not in _NEUTRAL and all(h.kind == "measure" and h.name == name for h in there):
        # "offers we make": said back as asked, a figure this data does not hold
        unheld = f"{low[a:b]} {ours['who']} {ours['v']}"
        return sorted([*rest, Hit("unsupported_measure", unheld, None, a, b)], key=lambda h: h.start)
    return hits
