"""The asker's own guess at a cause, said after a why-question: "why were sales down in oct? price cap?".

A drivers answer looks at every dimension the data holds, whatever the asker suspects. So a guess that
names nothing of the tenant's (no measure, dimension, member or period) and asks for no other computation
("median", "per", "net", "excluding") cannot change a number: it is framing, blanked before the question is
read and shown in ``ignored``. A guess that names members or a dimension of one dimension and nothing else
("… ? maybe tiktok?", "was it the new tariff?") says where to look: the drivers are split by that dimension,
never filtered to the suspect (that would answer why the suspect changed, a nearby question). A fragment
that places a member ("… ? in the uk?"), a measure, a period or a computation is read as usual. A cause said
inside the question ("why did sales fall in march after the price cut?", "… due to the strike") is a guess too
when it names nothing of the tenant's; a period said in it is the question's only where the question says none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from insights.understanding.modifiers import modifier_spans
from insights.understanding.operators import OPERATORS, QUALIFIERS
from insights.understanding.time_expressions import read_time
from insights.understanding.vocabulary import Hit, Vocabulary

# Where the why-question ends: a question mark, or a comma before a hedge ("…, was it the price cap?").
_QUESTION_END = re.compile(
    r"\?|[,;]\s*(?=(?:was|is|could|might)\s+it\b|maybe\b|perhaps\b|probably\b|because\b|due\s+to\b|"
    r"i\s+(?:think|guess|bet|suspect|reckon)\b|my\s+guess\b)")
_WHY = re.compile(r"\b(?:why|how\s+come|what\s+(?:drove|caused|explains|happened|is\s+behind|was\s+behind))\b")
# Words that would change what is computed, said in a guess: it is read as part of the question.
_COMPUTING = re.compile(r"\b(?:average|avg|mean|per|total|only|just|without|excl\w*|except|ex|non|share|%|percent)\b")
# A member after one of these is placed as a constraint ("in the uk?"), not suspected.
_PLACING = re.compile(r"\b(?:in|for|at|from|on|with|within|across|than|vs|versus)\s+(?:the\s+|our\s+)?$")
# A cause said inside the question: "after the price cut", "because of the storm", "since the rebrand"
_CAUSE = re.compile(r"\b(?:after|following|since|because(?:\s+of)?|due\s+to|owing\s+to|thanks\s+to|"
                    r"in\s+the\s+wake\s+of|on\s+account\s+of)\s+(?P<cause>[^?,;.!]*[^?,;.!\s])")
_TENANT_KINDS = frozenset({"measure", "weak_measure", "dimension", "member", "weak_member", "ambiguous"})
MAX_GUESS_WORDS = 6


@dataclass(frozen=True)
class Guesses:
    ignored: tuple[tuple[int, int], ...] = ()  # guesses naming nothing of the tenant's: framing
    suspects: tuple[tuple[int, int, str], ...] = ()  # (start, end, dimension): where to look for the cause

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        return (*self.ignored, *((a, b) for a, b, _ in self.suspects))


def read_guesses(low: str, text: str, *, vocab: Vocabulary, as_of: date) -> Guesses:
    """The fragments of ``low`` (``text`` lower-cased) after a why-question that only guess at its cause."""
    end = _QUESTION_END.search(low)
    asked = low[:end.start()] if end is not None else low
    if not _WHY.search(asked):
        return Guesses()
    ignored = _cause_clause(low, text, asked=len(asked), vocab=vocab, as_of=as_of)
    if end is None:
        return Guesses(ignored=tuple(ignored))
    suspects = []
    start = end.end()
    for fragment in re.finditer(r"[^?\s][^?]*?(?=\s*(?:\?|$))\??", low[start:]):
        a, b = start + fragment.start(), start + fragment.end()
        if not re.search(r"\w", low[a:b]):
            continue
        hits = [h for h in vocab.find(low[a:b], text[a:b]) if h.kind in _TENANT_KINDS]
        if not _only_a_guess(low[a:b], hits, as_of=as_of):
            continue
        if not hits:
            ignored.append((a, b))
        elif _suspected(hits, low[a:b]):
            suspects.append((a, b, hits[0].name))
    return Guesses(ignored=tuple(ignored), suspects=tuple(suspects))


def _cause_clause(low: str, text: str, *, asked: int, vocab: Vocabulary, as_of: date) -> list[tuple[int, int]]:
    """The spans of a cause said inside the why-question ("… fall in march after the price cut?") that names
    nothing of the tenant's; a period said in it ("since the rebrand in may") stays the question's only where the
    question says no other."""
    names = [(h.start, h.end) for h in vocab.find(low, text) if h.kind in _TENANT_KINDS]
    for said in _CAUSE.finditer(low, 0, asked):
        s, a, b = said.start(), said.start("cause"), said.end("cause")
        if any(x <= s < y for x, y in names):
            continue  # "why did morning after drop off": a word of a member's name, no cause
        # "since we started" is time, of all the data (whose first date only marks the span here)
        times = [(s + c, s + d) for c, d in read_time(low[s:b], as_of=as_of, earliest=as_of).spans]
        rest = _blank(low[:b], tuple(times))[a:]
        hits = [h for h in vocab.find(low[a:b], text[a:b]) if h.kind in _TENANT_KINDS]
        if hits or not re.search(r"[a-z]", rest) or not _only_a_guess(rest, [], as_of=as_of):
            continue
        if not times or read_time(_blank(low, ((s, b),)), as_of=as_of, earliest=as_of).periods:
            return [(s, b)]
        edges = [s, *(x for span in times for x in span), b]
        return [(c, d) for c, d in zip(edges[::2], edges[1::2], strict=True) if low[c:d].strip()]
    return []


def _blank(low: str, spans: tuple[tuple[int, int], ...]) -> str:
    chars = list(low)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _only_a_guess(low: str, hits: list[Hit], *, as_of: date) -> bool:
    words = re.findall(r"[\w'%$]+", low)
    if len(words) > MAX_GUESS_WORDS or _COMPUTING.search(low) or modifier_spans(low):
        return False
    if any(w in QUALIFIERS or w in OPERATORS for w in words):
        return False
    time = read_time(low, as_of=as_of, names=tuple((h.start, h.end) for h in hits))  # "black friday" is no day
    return not (time.periods or time.compare_to or time.comparison or time.grain or time.problem)


def _suspected(hits: list[Hit], low: str) -> bool:
    """Members or the word of one dimension, none of them placed by a preposition ("in the uk")."""
    return (all(h.kind in ("member", "dimension") and not h.alternatives for h in hits)
            and len({h.name for h in hits}) == 1 and not any(_PLACING.search(low[:h.start]) for h in hits))
