"""Whom or what the answer is for, said first and set off by a colon, comma or dash: "for the team standup:",
"quick q for the weekly sync -", "for my 1:1 w/ the vp,", "prepping for thursday's board call:".

The frame names a meeting, a document or the people who will hear the answer, never a figure to compute, so it
is framing. A frame with a word of the tenant's data in it ("for the emea review:") is left to be read, since the
member may narrow the figure.
"""
from __future__ import annotations

import re
from collections.abc import Callable

# Meetings, documents and audiences: a frame names one of them
_FOR_WHOM = frozenset("""
standup stand-up scrum sync meeting mtg call huddle review retro recap debrief briefing update catch-up catchup
check-in checkin kickoff kick-off offsite off-site all-hands town-hall townhall qbr 1:1 1-1 one-on-one 121 deck
slides slide pack presentation report memo email newsletter board boss manager team leadership management mgmt
exec execs executive ceo cfo coo cto cmo vp svp evp gm director slt elt investors investor client clients
stakeholders
""".split())  # noqa: SIM905 - a word list reads best as text
_LEAD = re.compile(
    r"^\W*(?:(?:quick|simple|small|short|fast)\s+(?:one|question|q)\s+|(?:fyi|btw|psa)\W+)?"
    r"(?:(?:prepping|preparing|prep|getting\s+ready)\s+)?(?:for|ahead\s+of|before|re:?|regarding)\s+"
    r"(?!(?:each|every|all|any|both|which|what|how|per)\b)"  # "for each manager, …" splits the figure
    r"(?P<words>(?:[\w'’:/&.-]+\s+){0,5}?[\w'’/&.-]+)\s*(?::|,|\s[-–]+)(?=\s*\S)")
_TOKEN = re.compile(r"[\w'’:/&.-]+")


def lead_frame_spans(low: str, *, tenant_word: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The span of ``low`` (the lower-cased question) that is a leading frame of whom the answer is for, if any."""
    said = _LEAD.match(low)
    if not said:
        return []
    words = _TOKEN.findall(said["words"])
    if not any(w.strip(".") in _FOR_WHOM for w in words) or any(tenant_word(w) for w in words):
        return []
    return [said.span()]
