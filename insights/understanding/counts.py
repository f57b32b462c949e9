"""Which of a tenant's measures count things: what a "how many" that names nothing can be asking for.

A count is a stored measure that is no amount of money, no percentage and no duration: units, orders,
appointments, shipments, cases, seats. A tenant's own columns carry no format until the tenant sets one, so a
column named like money ("drug_cost", "net_sales", "discount") or time ("treatment_minutes") is not counted
either: "how many" never asks for money or minutes.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from core.number_forms import other_numbers
from insights.understanding.words import SELLING, place_word
from metrics.measures import Measure
from metrics.semantic import SemanticModel

_MONEY_WORDS = frozenset("""
revenue revenues sales sale cost costs cogs spend spending price prices amount amounts value fee fees discount
discounts margin margins profit profits income turnover gmv arr mrr payment payments charge charges billing billings
earnings tax taxes refund refunds cash dollars pounds euros
""".split())  # noqa: SIM905 - a word list reads best as text
_DURATION_WORDS = frozenset("second seconds minute minutes mins hour hours hrs day days".split())  # noqa: SIM905
# The counts a sale is recorded as: "how many did we sell" asks the one of them the data holds
_SALES_COUNTS = frozenset("units orders bookings transactions purchases reservations".split())  # noqa: SIM905
_SELLING = re.compile(rf"\b(?:{'|'.join(SELLING)})\b")


def _words(name: str, measure: Measure) -> set[str]:
    return set(re.findall(r"[a-z]+", f"{name.replace('_', ' ')} {measure.label}".lower()))


def is_amount(name: str, measure: Measure) -> bool:
    """Whether a stored measure is an amount of money, by its format or, unformatted, by its name ("net_sales")."""
    return not measure.derived and (measure.is_money or bool(_words(name, measure) & _MONEY_WORDS))


def count_measures(model: SemanticModel) -> tuple[str, ...]:
    """The measures of ``model`` that count things, in the model's order."""
    out = []
    for name in model.measures:
        measure = model.measure(name)
        if measure.derived or measure.is_money or measure.is_percent:
            continue
        if not _words(name, measure) & (_MONEY_WORDS | _DURATION_WORDS):
            out.append(name)
    return tuple(out)


def obvious_count(model: SemanticModel, *, text: str) -> str | None:
    """The one count "how many" can mean in ``text`` (lower-cased): where something was sold, the one count of
    sales the data has (units, orders, bookings: "how many did we sell"), else the data's only count; None where
    there is none or several."""
    counts = count_measures(model)
    if _SELLING.search(text):
        # "how many tours did we sell" where the data counts bookings or orders: what was sold is what those count
        sold = [name for name in counts if re.split(r"[_\s]+", name.lower())[0] in _SALES_COUNTS]
        if "units" in counts or len(sold) == 1:
            return "units" if "units" in counts else sold[0]
    return counts[0] if len(counts) == 1 else None


def counted_noun(model: SemanticModel, *, word: str) -> str | None:
    """The one count of ``model`` whose name opens on ``word`` in either number: "per ticket" divides by
    tickets_sold, the count of tickets (ticket_revenue, an amount, counts none)."""
    forms = {word, *other_numbers(word)}
    named = [name for name in count_measures(model) if re.split(r"[_\s]+", name.lower())[0] in forms]
    return named[0] if len(named) == 1 else None


# What the members counted did, said after them ("how many drivers were on the road", "… saw patients", "… ran
# shifts", "… had sales", "… made a sale"): a count already counts the members with facts, so it adds nothing.
# It runs up to where the constraints or the period start ("at midtown", "in oct", "last month", a comma).
_PREDICATE = re.compile(
    r"\s+(?P<p>(?:(?:were|was|are|is|have|has|had|did|got|get|actually|still|even)\s+)*"
    r"(?:active|open|working|busy|live|trading|operating|around|out|on\s+(?:the\s+)?(?:road|job|clock|floor|"
    r"schedule|rota|payroll|books|shift|tills?)|[a-z]+(?:ed|ing)|had|made|make|ran|run|saw|see|took|take|did|got|"
    r"sold|sell|placed|place|drove|drive|served|serve|booked|book|worked|work|do)"
    r"(?:\s+(?!(?:at|in|on|for|from|during|last|this|since|between|by|per|across|within|over|under|before|after|"
    r"and|or|but|with|without|than|vs|versus|excluding|except|so|far|ytd|mtd|qtd|yet|ever)\b)"
    r"(?:a|an|any|some|the|their|its|[a-z][a-z'-]*))*)(?=\s*(?:$|[,.;:!?]|\s(?:at|in|on|for|from|during|last|this|"
    r"since|between|by|per|across|within|before|after|and|or|excluding|except|so\s+far|ytd|mtd|qtd|yet|ever)\b))")
# "sold over 100 units", "with more than 5 orders", "above 10k", "over $2k": a threshold changes the number counted
# (or asks of single events); the whole amount is its words, and a year after "over" is a period ("over 2024").
AMOUNT = r"[$£€]?\s*(?!(?:19|20)\d\d\b(?!\s*(?:k|m|bn|grand|dollars|pounds|euros)\b))\d[\d,.]*\s*(?:k|m|bn)?"
THRESHOLD = re.compile(rf"\b(?:over|above|under|below|beyond|exceeding|more\s+than|less\s+than|fewer\s+than|"
                       rf"greater\s+than|bigger\s+than|at\s+least|at\s+most|upwards\s+of|north\s+of|south\s+of|"
                       rf"in\s+excess\s+of|no\s+more\s+than|min(?:imum)?(?:\s+of)?|max(?:imum)?(?:\s+of)?)\s+{AMOUNT}"
                       rf"|[<>≥≤]=?\s*{AMOUNT}|\d\s*\+|\b{AMOUNT}\s+or\s+(?:more|less|fewer|above|below|over|under)\b")
_COUNTING = re.compile(r"\b(?:how\s+many|number\s+of|count\s+of|#\s*of)\s+(?:active\s+|different\s+|distinct\s+|"
                       r"unique\s+)?(?P<w>[a-z][\w-]*)")


def predicate_spans(low: str, *, counted: Callable[[str], bool], named: Callable[[str], bool],
                    figure: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The words of the predicate said after the members counted in ``low`` (lower-cased): framing, since a count
    counts the members with facts. ``counted``: whether a word names a dimension of the tenant's; ``named``:
    whether a word names a member or a dimension, which a predicate never holds ("were active at Midtown" keeps
    Midtown; a place word keeps the place); ``figure``: whether a word names a measure, left to be read ("had
    deliveries"). None where a threshold is said ("sold over 100 units"), which is no count of the contract's."""
    head = _COUNTING.search(low)
    if head is None or not counted(head["w"]) or THRESHOLD.search(low, head.end()):
        return []
    m = _PREDICATE.match(low, head.end())
    if m is None:
        return []
    words = [w for w in re.finditer(r"[a-z][a-z'-]*", low) if m.start("p") <= w.start() < m.end("p")]
    # "how many vintages did the uk take": the doer is a member, held or asked back ("us" after "the" included)
    if any(named(w.group(0)) or place_word(w.group(0), before=low[:w.start()]) for w in words):
        return []
    return [w.span() for w in words if not figure(w.group(0))]


def count_threshold(low: str) -> str | None:
    """The threshold said after what "how many" counts in ``low`` ("over 100", "more than 5"), as said: a count
    of the members past it is no figure of the contract, which counts the members with any facts."""
    head = _COUNTING.search(low)
    found = THRESHOLD.search(low, head.end()) if head else None
    return re.sub(r"\s+", " ", found.group(0)).strip() if found else None
