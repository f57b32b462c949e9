"""Questions about one event — a single surgery, an individual claim, each booking — that daily totals cannot hold.

The data holds each day's total by dimensions, never the events summed into it, so the top of one event ("the most
expensive single surgery", "the biggest individual claim") or a count of the events past a line ("how many
individual claims were over $2k", "how many claims were over $2k") is no figure of it: a ranking or a total
answered instead would be a number for another question. An event is named by a word the tenant's data or
English uses for one: a member ("single surgery" of the service Surgery), a measure's word ("claims" of
damage_claims) or an everyday event noun (booking, order, visit…), in either number.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from core.number_forms import other_numbers
from insights.understanding.counts import AMOUNT, THRESHOLD

EVENT_NOUNS = frozenset("""
surgery operation procedure treatment claim booking reservation order sale invoice ticket visit appointment
transaction deal purchase receipt payment rental trip ride journey flight sailing delivery shipment call job repair
policy donation gift subscription session lesson class stay check-in checkout basket cart
""".split())  # noqa: SIM905 - a word list reads best as text
_ONE = r"(?:single|individual|one|each)"
# "a single day", "one month", "each week": one period, which the data does hold
_PERIOD = re.compile(r"(?:day|week|wk|month|mo|quarter|qtr|year|yr|night|weekend|hour|period|time|go|row|place|"
                     r"shift|of|and|or|the|a|an|to|by|in|on|at|for)s?$")
# "than one", "which one", "no one": no single event
_NOT_ONE_BEFORE = re.compile(r"\b(?:than|which|no|every|the|any)\s+$")
_QUALIFIED = re.compile(rf"\b{_ONE}\s+(?P<a>[a-z][a-z-]*)(?:\s+(?P<b>[a-z][a-z-]*))?")
_SUPERLATIVE = re.compile(
    r"\b(?:most\s+expensive|least\s+expensive|priciest|costliest|dearest|cheapest|biggest|largest|highest|lowest|"
    r"smallest|longest|shortest|heaviest|greatest|max|maximum|min|minimum|record|peak|top|best|worst)\b")
# "how many claims were over $2k", "how many surgeries cost more than 500": the events past a line are counted
_HOW_MANY = re.compile(r"\bhow\s+many\s+(?:(?:single|individual|separate|different|distinct|of\s+(?:the|our|those))"
                       r"\s+)?(?P<words>(?:[a-z][a-z-]*\s+){0,3}?)(?=(?:(?:were|was|are|is|had|have|has|came\s+in|"
                       r"went|cost|costing|worth|valued|totall?ing|totalled|with|of)\s+){0,3}"
                       r"(?:a\s+(?:value|cost|amount|total|fee|price)\s+(?:of\s+)?)?"
                       rf"(?:over|above|under|below|beyond|exceeding|more\s+than|less\s+than|greater\s+than|"
                       rf"bigger\s+than|at\s+least|at\s+most|upwards\s+of|north\s+of|in\s+excess\s+of)\s+{AMOUNT})")
_EVENT_KINDS = frozenset({"member", "measure", "weak_measure", "ambiguous"})
_LINKING = frozenset("""
were was are is had have has came went cost costing worth valued totaling totalling totalled with of
""".split())  # noqa: SIM905 - a word list reads best as text


def one_event(low: str, *, kinds: Callable[[str], frozenset[str]]) -> str | None:
    """The words of ``low`` (lower-cased) that ask for one event's figure, or count the events past a line, as said;
    ``kinds``: what a word names of the tenant's ("member", "measure", "dimension"…; either number is tried here)."""
    def event(word: str) -> bool:
        named = frozenset().union(*(kinds(form) for form in (word, *other_numbers(word))))
        # "each policy" where policies are a dimension: a split by it, not one event
        return "dimension" not in named and bool(
            named & _EVENT_KINDS or {word, *other_numbers(word)} & EVENT_NOUNS)

    asked = _SUPERLATIVE.search(low) or THRESHOLD.search(low)
    for m in _QUALIFIED.finditer(low) if asked else ():
        if m.group(0).startswith("one") and _NOT_ONE_BEFORE.search(low, 0, m.start()):
            continue
        if _PERIOD.fullmatch(m["a"]):
            continue
        # "single damage claim": the event is the last word of the two that names one
        said = next((g for g in ("b", "a") if m[g] is not None and not _PERIOD.fullmatch(m[g]) and event(m[g])), None)
        if said is not None:
            return low[m.start():m.end(said)]
    for m in _HOW_MANY.finditer(low):
        words = m["words"].split()
        head = next((k for k, w in enumerate(words) if w in _LINKING), len(words))
        if head and event(words[head - 1]):
            threshold = THRESHOLD.search(low, m.end("words"))
            return re.sub(r"\s+", " ", low[m.start():threshold.end() if threshold else m.end()]).strip()
    return None
