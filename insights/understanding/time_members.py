"""Members named like a time phrase (a film "Last Week", a show "Tomorrow", a special "Today"): the way one is
written, and the words around it, tell the member from the period.

The name is the member when written as a name (with a capital inside a question that is not all one case,
or in quotes) or said where a member goes: "for X", "did X do", "X did/took/sold", "X vs Y" or "X and Y" beside
another member of its dimension, "X's" where the question names its own period elsewhere. Anywhere else it is
the period ("how did Last Week do last week": the film, then the week before this one). One-word names of months
are left to their own reading (word_members.month_or_member), which may ask back.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from insights.understanding.time_expressions import TimeReading
from insights.understanding.vocabulary import Hit

_SENTENCE_START = re.compile(r"(?:^|[.?!:;])[\s\"'(]*$")
# A time preposition frames a period even written with capitals ("ticket sales since Last Week").
_TIME_BEFORE = re.compile(r"\b(?:in|during|since|until|till|over|before|after|from|between|through|thru)\s+"
                          r"(?:the\s+)?$")
_MEMBER_BEFORE = re.compile(r"\b(?:for|at|via|did|does|has|had)\s+(?:the\s+)?$")
_MEMBER_AFTER = re.compile(r"\s+(?:do|did|does|doing|done|take|took|taken|takes|sell|sold|sells|make|made|makes|"
                           r"get|got|gets|earn|earned|gross|grossed|bring|brought|perform|performed|fare|fared)\b")
_LISTED = re.compile(r"\s*(?:,|and|or|&|vs\.?|versus|/)\s*(?:the\s+)?")
_POSSESSIVE = re.compile(r"'s\b")


def time_named(
    named: list[Hit], text: str, low: str, *, read: Callable[[str], TimeReading], months: frozenset[str],
) -> tuple[list[Hit], list[Hit]]:
    """The members of ``named`` (found in ``low``, the lower-cased ``text``) whose whole name ``read`` as time is a
    period: those said as the member, never to be read as time, and those said as the period, left to the time
    reader."""
    held: list[Hit] = []
    timed: list[Hit] = []
    for hit in named:
        written = low[hit.start:hit.end].removesuffix("'s")  # "yesterday's" of Yesterday: the name's own words
        reading = read(written)
        if hit.kind != "member" or written in months or any(c.isdigit() for c in written) or not _whole_period(
                written, reading):
            continue
        # a future said in several words ("Next Day" delivery) names no period the data could answer: the member
        future_name = " " in written.strip() and reading.problem is not None
        (held if future_name or _said_as_member(hit, named, text, low, read=read) else timed).append(hit)
    return held, timed


def _whole_period(written: str, reading: TimeReading) -> bool:
    """Whether the time read from ``written`` spans all of it ("last week", "tomorrow"; not "ever after")."""
    if reading.problem:  # "tomorrow", "next week"; a calendar word it cannot place ("monday") stays a name
        return reading.problem == "future" and reading.problem_text.strip() == written.strip()
    chars = [c for k, c in enumerate(written) if not any(a <= k < b for a, b in reading.spans)]
    return bool(reading.periods) and not "".join(chars).strip()


def _said_as_member(hit: Hit, named: list[Hit], text: str, low: str, *, read: Callable[[str], TimeReading]) -> bool:
    before, after = low[:hit.start], low[hit.end:]
    if re.search(r"[\"']$", before) and after[:1] == before[-1]:
        return True  # "how did 'last week' do"
    capital = text[hit.start].isupper() and text != low and not _SENTENCE_START.search(text[:hit.start])
    if capital and not _TIME_BEFORE.search(before):
        return True
    if _MEMBER_BEFORE.search(before) or _MEMBER_AFTER.match(after):
        return True
    if low.endswith("'s", hit.start, hit.end) or _POSSESSIVE.match(after):
        # "tomorrow's takings in april": the period is said apart; "yesterday's sales" alone is the day's
        rest = read(low[:hit.start] + " " * (hit.end - hit.start) + low[hit.end:])
        return bool(rest.periods or rest.compare_to)
    return any(h is not hit and h.kind == "member" and h.name == hit.name
               and _LISTED.fullmatch(low[min(h.end, hit.end):max(h.start, hit.start)]) for h in named)

