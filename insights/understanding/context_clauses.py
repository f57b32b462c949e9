"""A clause of context said before the question: "w the economy slowing down, how many economy tickets …",
"given rates rising, what were signups in may?", "now that summer is fading - top 3 stores?".

It tells why the asker wonders, never what to compute, so its change verb asks no comparison and it is framing.
Where it names a measure or member of the tenant's that the question after it does not ("with vans shrinking,
what's going on?"), the change is the tenant's own and the clause is left to be read.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from insights.understanding.cues import change_verb

_LEAD = re.compile(r"^\W*(?:w/?|with|given|as|since|now\s+that)\s+(?P<clause>[^,;:?!.–—]{1,80}?)"
                   r"\s*(?:,|\s[-–—]+)\s*(?=\S)")
_WORD = re.compile(r"[a-z][\w'-]*")


def context_clause_spans(low: str, *, tenant_word: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The span of ``low`` (the lower-cased question) that is a leading clause of context, if any."""
    said = _LEAD.match(low)
    if not said:
        return []
    words = _WORD.findall(said["clause"])
    if not any(change_verb(w) for w in words):
        return []
    asked = set(_WORD.findall(low[said.end():]))
    if any(tenant_word(w) and w not in asked for w in words if not change_verb(w)):
        return []
    return [said.span()]
