"""Period words the contract has no row for, said inside a ranking, a comparison or a count, that would otherwise
be dropped and the question answered for the default month (a different question):

- a rate said right after a figure ("revenue a day", "orders a week", "how many visits a day"): per that grain;
- a count of days by a condition ("number of days with no orders"): asked back, saying what can be counted;
- "same day last week" with no day said: asked back with the readings the contract has;
- a member ranked within its best single period ("which vet had the most surgeries in one week"): asked back,
  saying what can be ranked."""
from __future__ import annotations

import re
from collections.abc import Iterable

_UNITS = r"day|week|month|quarter|year"
# "a day" after the figure; "a week ago", "a day before" are time, never a rate; "each month" is a series
_RATE = re.compile(rf"\s+an?\s+(?P<unit>{_UNITS})\b"
                   r"(?!\s+(?:ago|before|earlier|later|after|back|from|prior|out|or\s+two)\b)")
_COUNTED_DAYS = re.compile(
    rf"\b(?:(?:the\s+)?(?:number|count|no\.?)\s+of|how\s+many)\s+(?P<unit>(?:{_UNITS})s)\s+"
    r"(?:with(?:out)?|where|when|that|had|did|we\s+had|were|was|had\s+no|of\s+no|of\s+zero)\b")
_SAME_DAY = re.compile(r"\b(?:the\s+)?same\s+(?:week)?day\s+(?:of\s+|in\s+)?(?:the\s+)?(?:last|a|previous|prior)"
                       r"\s+(?P<unit>week|year|month)\b")
_DAY_SAID = re.compile(r"\b(?:today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
                       r"|on\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?|\d{4}-\d{2}-\d{2})\b")
_WHICH = re.compile(r"\b(?:which|what|who|top|best|worst)\b")
_IN_ONE = re.compile(rf"\b(?:in|during|within|over|for)\s+(?:a\s+single|one\s+single|one|a|any\s+one|a\s+given|"
                     rf"any\s+single|a\s+single)\s+(?P<unit>{_UNITS})\b")
_MOST = re.compile(r"\b(?:most|least|fewest|highest|lowest|biggest|largest|smallest|more|max(?:imum)?)\b")


def rate_after_figure(blank: str, figure_ends: Iterable[int]) -> tuple[str, tuple[int, int]] | None:
    """The grain of "a day" / "a week" said right after a figure, and its span."""
    for end in figure_ends:
        m = _RATE.match(blank, end)
        if m:
            return m["unit"], (m.start() + 1, m.end())
    return None


def counted_periods(low: str) -> str | None:
    """ "number of days with no orders": the periods counted by a condition, as said."""
    m = _COUNTED_DAYS.search(low)
    return m.group(0) if m else None


def _same_day(low: str, members: Iterable[str]) -> re.Match[str] | None:
    """ "same day last week", unless a member is named so ("were same day last month": the slot Same Day)."""
    m = _SAME_DAY.search(low)
    return None if m is None or any("same" in member.lower() for member in members) else m


def same_day_unplaced(low: str, *, members: Iterable[str]) -> str | None:
    """ "same day last week" where no day is said to be the same as: the words, to ask back ("the same day last
    year" is the contract's "same period last year": the period, whatever it is, a year back)."""
    m = _same_day(low, members)
    return m.group(0) if m and m["unit"] != "year" and not _DAY_SAID.search(low[:m.start()]) else None


def same_day_back(low: str, *, members: Iterable[str]) -> str | None:
    """The unit "vs the same day last week/month" steps a single day back by (a year is the comparison's own)."""
    m = _same_day(low, members)
    return m["unit"] if m and m["unit"] != "year" else None


def ranked_within_one_period(low: str, *, ranks_rows: bool) -> str | None:
    """ "which vet had the most surgeries in one week": members ranked by their best single period, as said
    (``ranks_rows``: the question ranks a dimension's members, not periods)."""
    m = _IN_ONE.search(low)
    if m and ranks_rows and _WHICH.search(low[:m.start()]) and _MOST.search(low[:m.start()]):
        return m.group(0)
    return None
