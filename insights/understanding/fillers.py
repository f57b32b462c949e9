"""Filler adverbs, however they are typed: "actually", "really", "basically", "literally", "honestly" and their
slips ("actualy", "realy", "acutally", "basicaly", "litterally").

They stress or soften a question and never change a number, so they are framing. A slip is one edit from a filler
and is itself no ordinary word ("rally" is one edit from "really", and may be a campaign), nor a word of the
tenant's data.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from insights.understanding.vocabulary import damerau_levenshtein
from insights.understanding.words import ordinary

_FILLERS = frozenset({"actually", "really", "basically", "literally", "honestly", "seriously", "genuinely", "truly",
                      "essentially", "definitely", "obviously", "frankly", "rly", "srsly"})
_SLIP_LETTERS = 5  # shorter words are too near too many others to be read as slips
_WORD = re.compile(r"(?<![\w'-])[a-z]+(?![\w'-])")


def _filler(word: str) -> bool:
    if word in _FILLERS:
        return True
    return len(word) >= _SLIP_LETTERS and not ordinary(word) and any(
        damerau_levenshtein(word, f) <= 1 for f in _FILLERS if len(f) >= _SLIP_LETTERS)


def filler_spans(low: str, *, tenant_word: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The spans of ``low`` (the lower-cased question) that are filler adverbs, a tenant's own word never one."""
    return [m.span() for m in _WORD.finditer(low) if _filler(m.group(0)) and not tenant_word(m.group(0))]
