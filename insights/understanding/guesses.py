"""The asker's own guess at a cause, said after a why-question: "why were sales down in oct? price cap?".

A drivers answer looks at every dimension the data holds, whatever the asker suspects. So a guess that
names nothing of the tenant's (no measure, dimension, member or period) and asks for no other computation
("median", "per", "net", "excluding") cannot change a number: it is framing, blanked before the question is
read and shown in ``ignored``. A guess that names something ("… ? scotland?") is read as usual.
"""
from __future__ import annotations

import re
from datetime import date

from insights.understanding.modifiers import modifier_spans
from insights.understanding.operators import OPERATORS, QUALIFIERS
from insights.understanding.time_expressions import read_time
from insights.understanding.vocabulary import Vocabulary

# Where the why-question ends: a question mark, or a comma before a hedge ("…, was it the price cap?").
_QUESTION_END = re.compile(
    r"\?|[,;]\s*(?=(?:was|is|could|might)\s+it\b|maybe\b|perhaps\b|probably\b|because\b|due\s+to\b|"
    r"i\s+(?:think|guess|bet|suspect|reckon)\b|my\s+guess\b)")
_WHY = re.compile(r"\b(?:why|how\s+come|what\s+(?:drove|caused|explains|happened|is\s+behind|was\s+behind))\b")
# Words that would change what is computed, said in a guess: it is read as part of the question.
_COMPUTING = re.compile(r"\b(?:average|avg|mean|per|total|only|just|without|excl\w*|except|ex|non|share|%|percent)\b")
_TENANT_KINDS = frozenset({"measure", "weak_measure", "dimension", "member", "weak_member", "ambiguous"})
MAX_GUESS_WORDS = 6


def guessed_causes(low: str, text: str, *, vocab: Vocabulary, as_of: date) -> list[tuple[int, int]]:
    """The spans of ``low`` (``text`` lower-cased) after a why-question that only guess at its cause."""
    end = _QUESTION_END.search(low)
    if end is None or not _WHY.search(low[:end.start()]):
        return []
    out = []
    start = end.end()
    for fragment in re.finditer(r"[^?\s][^?]*?(?=\s*(?:\?|$))\??", low[start:]):
        a, b = start + fragment.start(), start + fragment.end()
        if re.search(r"\w", low[a:b]) and _only_a_guess(low[a:b], text[a:b], vocab=vocab, as_of=as_of):
            out.append((a, b))
    return out


def _only_a_guess(low: str, text: str, *, vocab: Vocabulary, as_of: date) -> bool:
    words = re.findall(r"[\w'%$]+", low)
    if len(words) > MAX_GUESS_WORDS or _COMPUTING.search(low) or modifier_spans(low):
        return False
    if any(w in QUALIFIERS or w in OPERATORS for w in words):
        return False
    if any(h.kind in _TENANT_KINDS for h in vocab.find(low, text)):
        return False
    time = read_time(low, as_of=as_of)
    return not (time.periods or time.compare_to or time.comparison or time.grain or time.problem)
