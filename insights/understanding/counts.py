"""Which of a tenant's measures count things: what a "how many" that names nothing can be asking for.

A count is a stored measure that is no amount of money, no percentage and no duration: units, orders,
appointments, shipments, cases, seats. A tenant's own columns carry no format until the tenant sets one, so a
column named like money ("drug_cost", "net_sales", "discount") or time ("treatment_minutes") is not counted
either: "how many" never asks for money or minutes.
"""
from __future__ import annotations

import re

from insights.understanding.number_forms import other_numbers
from insights.understanding.words import SELLING
from metrics.measures import Measure
from metrics.semantic import SemanticModel

_MONEY_WORDS = frozenset("""
revenue revenues sales sale cost costs cogs spend spending price prices amount amounts value fee fees discount
discounts margin margins profit profits income turnover gmv arr mrr payment payments charge charges billing billings
earnings tax taxes refund refunds cash dollars pounds euros
""".split())  # noqa: SIM905 - a word list reads best as text
_DURATION_WORDS = frozenset("second seconds minute minutes mins hour hours hrs day days".split())  # noqa: SIM905
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
    """The one count "how many" can mean in ``text`` (lower-cased): units where something was sold and the data
    has units ("how many did we sell"), else the data's only count; None where there is none or several."""
    counts = count_measures(model)
    if "units" in counts and _SELLING.search(text):
        return "units"
    return counts[0] if len(counts) == 1 else None


def counted_noun(model: SemanticModel, *, word: str) -> str | None:
    """The one count of ``model`` whose name opens on ``word`` in either number: "per ticket" divides by
    tickets_sold, the count of tickets (ticket_revenue, an amount, counts none)."""
    forms = {word, *other_numbers(word)}
    named = [name for name in count_measures(model) if re.split(r"[_\s]+", name.lower())[0] in forms]
    return named[0] if len(named) == 1 else None
