"""Members named like grain words ("Monthly", "Annual" contracts): the words around one tell the member
from the grain.

A one-word member that is also a grain word is the member where a member sits: before its own
dimension's noun ("annual contracts", "on monthly plans" of a `plan` dimension), after a preposition with
no figure after it ("mrr on monthly last month"), or listed beside another member of its dimension
("annual and multi-year"). Anywhere else it is the grain ("monthly mrr", "mrr monthly").

A member named like a calendar unit ("Day", "Week", "Season" passes, a "Night" tariff) is the member said as one:
beside its dimension's word or a product noun ("week pass", "day tickets"), after a preposition ("for week"),
capitalised or quoted, listed beside another member. After an order or a counting word ("best week ever",
"busiest day", "each day", "per week") or with "ever" or a number after it, it is the calendar word. Said after a
word that makes another unit of it ("half day", "multi-week", "3-day"), it names no member held: asked back.

A member named like a year (a vintage "2020", a model year) is that member beside its dimension's name ("the
2020 vintage", "vintage 2020"); written bare, a year the data has dates in is the year ("in 2024 vs 2023").
"""
from __future__ import annotations

import re
from datetime import date

from core.number_forms import singular_forms
from insights.understanding.cues import order_word
from insights.understanding.time_expressions import GRAIN_WORDS
from insights.understanding.vocabulary import Hit

_PREPOSITION = re.compile(r"\b(?:on|for|in|at|from|of|with|without|excluding|except|than|vs\.?|versus)\s+"
                          r"(?:the\s+|a\s+|an\s+|our\s+|my\s+)?$")
_YEAR = re.compile(r"(?:19|20)\d\d")
_LISTED = re.compile(r"\s*(?:,|and|or|&|vs\.?|versus|/)?\s*")
# Nouns of a series of figures: "for monthly totals" asks for the grain, not the member.
_SERIES_NOUN = re.compile(r"\s*(?:trends?|figures?|numbers?|totals?|view|breakdown|series|growth|changes?|basis|"
                          r"chart|report|reporting|run\s+rate)\b")


def members_not_grains(named: list[Hit], low: str) -> tuple[tuple[int, int], ...]:
    """Spans of the one-word members of ``named`` (found in ``low``) written as a grain word and sitting
    where a member sits."""
    return tuple((h.start, h.end) for h in named if _grain_named(h, low) and _sits_as_member(h, named, low))


def _grain_named(hit: Hit, low: str) -> bool:
    return hit.kind == "member" and not hit.alternatives and low[hit.start:hit.end] in GRAIN_WORDS


def _sits_as_member(hit: Hit, named: list[Hit], low: str) -> bool:
    if _placed(hit, named, low):
        return True
    # "annual and multi-year", "annual and monthly contracts": one of a list of the dimension's members
    near = (next((h for h in reversed(named) if h.end <= hit.start), None),
            next((h for h in named if h.start >= hit.end), None))
    return any(h is not None and h.kind == "member" and h.name == hit.name
               and listed_beside((h.start, h.end), (hit.start, hit.end), low)
               and (not _grain_named(h, low) or _placed(h, named, low)) for h in near)


def listed_beside(a: tuple[int, int], b: tuple[int, int], low: str) -> bool:
    """Whether the spans ``a`` and ``b`` of ``low`` are said one after the other in a list: "annual and monthly"."""
    return bool(_LISTED.fullmatch(low[min(a[1], b[1]):max(a[0], b[0])]))


def _placed(hit: Hit, named: list[Hit], low: str) -> bool:
    """Before its dimension's noun, or after a preposition with no figure after it."""
    after = next((h for h in named if h.start >= hit.end), None)
    between = low[hit.end:after.start] if after is not None else ""
    if after is not None and after.kind == "dimension" and after.name == hit.name and not between.strip(" -"):
        return True
    figure_after = after is not None and after.kind in ("measure", "weak_measure") and not between.strip()
    if _dimension_word_after(hit, low) and not figure_after:  # "monthly contract value" is a figure's grain
        return True
    return bool(_PREPOSITION.search(low[:hit.start])) and not figure_after and not _SERIES_NOUN.match(low[hit.end:])


def _dimension_word_after(hit: Hit, low: str) -> bool:
    """A word of a dimension's name of several words follows ("monthly contracts", "annual terms" of a
    `contract_term` dimension): the vocabulary finds only the whole name, the asker says one word of it."""
    words = [w for w in re.split(r"[_\s-]+", hit.name.lower()) if len(w) > 2]
    following = re.match(r"[\s-]*([a-z]+)\b", low[hit.end:])
    if len(words) < 2 or following is None:
        return False
    said = following.group(1)
    return any(said in (w, w + "s", w + "es") or (w.endswith("y") and said == w[:-1] + "ies") for w in words)


def dated_year(hit: Hit, low: str, *, first: date, last: date) -> bool:
    """Whether the member ``hit``, written bare in ``low`` as a year, is the year: one the data (``first`` to
    ``last``) has dates in. A year outside them has no figures as a period, so which was meant is asked."""
    written = low[hit.start:hit.end]
    return hit.kind == "member" and bool(_YEAR.fullmatch(written)) and first.year <= int(written) <= last.year


_CALENDAR_UNITS = frozenset({"day", "night", "week", "weekend", "fortnight", "month", "quarter", "season", "year"})
# What a member of a pass, tariff or plan is said with: "week pass", "day tickets", "season passes"
_PRODUCT_NOUN = re.compile(r"[\s-]+(?:pass|ticket|tariff|plan|membership|subscription|package|rate|fare|permit|"
                           r"card|option|deal)(?:s|es)?\b")
_MEMBER_PREPOSITION = re.compile(r"\b(?:for|on|with|via|without|excluding|except|than|vs\.?|versus)\s+$")
_QUOTED = re.compile(r"[\"']$")
# "the" alone says nothing ("the night fees" are the Night tariff's); "the busiest night" is the order word's
_CALENDAR_BEFORE = re.compile(r"\b(?:each|every|per|by|a|an|this|last|next|that|same|single|one|any|first|final|"
                              r"previous|prior|which|what|whole|entire|\d+)\s+$")
_CALENDAR_AFTER = re.compile(r"\s*(?:ever\b|on\s+record\b|of\s+the\b|\d)")


def calendar_words(hits: list[Hit], text: str, low: str) -> list[Hit]:
    """The one-word members of ``hits`` (found in ``low``, ``text`` as written) named like a calendar unit and said
    as the calendar word: "best week ever for skier visits" ranks weeks, whatever pass is called Week."""
    return [h for h in hits if h.kind == "member" and not h.alternatives and _unit_named(h, low)
            and _calendar_placed(h, low) and not _said_as_member(h, hits, text, low)]


def _unit_named(hit: Hit, low: str) -> bool:
    """Whether ``hit`` is a member named like a calendar unit, said as its name or its plural ("top 5 days")."""
    name, written = (hit.value or "").lower(), low[hit.start:hit.end]
    return name in _CALENDAR_UNITS and (written == name or name in singular_forms(written))


def _calendar_placed(hit: Hit, low: str) -> bool:
    before = low[:hit.start]
    last = re.search(r"(\w+)\s+$", before)
    return bool(_CALENDAR_BEFORE.search(before) or _CALENDAR_AFTER.match(low, hit.end)
                or (last is not None and order_word(last.group(1))))


def _said_as_member(hit: Hit, hits: list[Hit], text: str, low: str) -> bool:
    before = low[:hit.start]
    if _QUOTED.search(before) and low[hit.end:hit.end + 1] == before[-1]:
        return True
    inside = not re.search(r"(?:^|[.?!:;])[\s\"'(]*$", text[:hit.start])
    if text[hit.start].isupper() and text != low and inside:
        return True  # "skier visits for Week", "the best Week month"
    if _PRODUCT_NOUN.match(low, hit.end) or _MEMBER_PREPOSITION.search(before):
        return True
    after = next((h for h in hits if h.start >= hit.end), None)
    if after is not None and after.kind == "dimension" and after.name == hit.name and not low[
            hit.end:after.start].strip(" -"):
        return True
    return any(h is not hit and h.kind == "member" and h.name == hit.name
               and listed_beside((h.start, h.end), (hit.start, hit.end), low) for h in hits)


# Words that make another unit of a calendar unit: "half day", "multi-week", "3-day", "two-night"
_UNIT_QUALIFIER = re.compile(r"(?:half|full|multi|mid|early|late|\d+|one|two|three|four|five|six|seven)[\s-]+$")
_UNIT_QUALIFIER_HYPHENED = re.compile(r"(?:\d+|one|two|three|four|five|six|seven)-$")
_NUMBERS = frozenset({"one", "two", "three", "four", "five", "six", "seven"})


def qualified_units(hits: list[Hit], low: str) -> list[tuple[Hit, tuple[int, int]]]:
    """The one-word members of ``hits`` named like a calendar unit and said after a word that makes another name
    of them ("and half day tickets?" where the pass is Day), each with the span of the name said."""
    out: list[tuple[Hit, tuple[int, int]]] = []
    for hit in hits:
        if hit.kind != "member" or low[hit.start:hit.end] not in _CALENDAR_UNITS or _CALENDAR_BEFORE.search(
                low[:hit.start]):
            continue
        word = re.search(r"\b(\w+)[\s-]+$", low[:hit.start])
        if word is None or not _UNIT_QUALIFIER.fullmatch(low, word.start(1), hit.start):
            continue
        counted = word.group(1)[0].isdigit() or word.group(1) in _NUMBERS
        if counted and not _UNIT_QUALIFIER_HYPHENED.fullmatch(low, word.start(1), hit.start):
            continue  # "two day passes" counts passes; "two-day passes" names them
        if _CALENDAR_BEFORE.search(low[:word.start(1)]) or any(h.end == word.end(1) for h in hits):
            continue  # "the last full week": the calendar's; a held name before it qualifies nothing
        out.append((hit, (word.start(1), hit.end)))
    return out
