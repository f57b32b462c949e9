"""Members named like years (a vintage "2022", a model year, a cohort): where a year is said tells the member
from the period.

- Said alone after a time preposition ("in 2023", "since 2024") a year the data has dates in is the period, even
  in a follow-up to an answer about that year's dimension ("how many vintages did we sell in 2025?", "and in
  2023?": the year).
- Said just before another member or a measure ("2022 pinotage", "2024 sedans", "2022 cases") in a question
  that names its period elsewhere ("… in 2025"), it is the member: the question has its period already.

Beside its dimension's word ("the 2021 vintage", "vintage 2023") it is the member (the parser's names); anywhere
else a year the data has dates in is the year, and one it has none in is asked back (grain_members.dated_year).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from insights.understanding.grain_members import dated_year, listed_beside
from insights.understanding.time_expressions import TimeReading
from insights.understanding.vocabulary import Hit

Spans = tuple[tuple[int, int], ...]

_YEAR = re.compile(r"(?:19|20)\d\d")
_TIME_PREPOSITION = re.compile(r"\b(?:in|during|since|until|till|before|after|from|between|through|thru)\s+"
                               r"(?:the\s+year\s+)?$")
_NOUN_KINDS = frozenset({"member", "measure", "weak_measure"})


def period_after_preposition(hit: Hit, named: list[Hit], low: str, *, first: date, last: date) -> bool:
    """Whether the member ``hit`` of ``named`` (found in ``low``) is a year the data (``first`` to ``last``) has
    dates in, said alone after a time preposition: the period."""
    return _year_written(hit, low) and dated_year(hit, low, first=first, last=last) \
        and bool(_TIME_PREPOSITION.search(low, 0, hit.start)) and _next_hit(hit, named, low) is None


def years_naming_members(named: list[Hit], low: str, *, read: Callable[[Spans], TimeReading]) -> Spans:
    """Spans of the members of ``named`` written as a year before another member or a measure, with those listed
    beside them ("2021 and 2022 pinotage"), where the question read with them left out (``read``) still names a
    period: those members."""
    said = [h for h in named if _year_written(h, low) and _before_noun(h, named, low)]
    for hit in reversed(named):  # "2021 and 2022 pinotage": the years listed before the one said with the noun
        if _year_written(hit, low) and hit not in said and any(
                h.name == hit.name and listed_beside((h.start, h.end), (hit.start, hit.end), low) for h in said):
            said.append(hit)
    spans = tuple(sorted((h.start, h.end) for h in said))
    rest = read(spans) if spans else None
    return spans if rest is not None and rest.periods and not rest.problem else ()


def _year_written(hit: Hit, low: str) -> bool:
    written = low[hit.start:hit.end]
    return hit.kind == "member" and not hit.fuzzy and written == (hit.value or "").lower() \
        and bool(_YEAR.fullmatch(written))


def _next_hit(hit: Hit, named: list[Hit], low: str) -> Hit | None:
    """The hit said straight after ``hit``, with nothing but a space or a hyphen between them."""
    after = next((h for h in named if h.start >= hit.end), None)
    return after if after is not None and not low[hit.end:after.start].strip(" -") else None


def _before_noun(hit: Hit, named: list[Hit], low: str) -> bool:
    after = _next_hit(hit, named, low)
    return after is not None and after.kind in _NOUN_KINDS and after.name != hit.name
