"""People named by their role ("pharmacist", "lorry driver", "cashier", "nurse") as the members a question asks
for: "who was the best pharmacist", "which lorry driver did the most deliveries", "top 3 cashiers".

Where no dimension of the tenant's data holds people of that role, ranking another dimension's members, or reading
"driver" as the cue of a change's causes, would answer a nearby question; the turn is asked back instead. A role
some dimension, member or measure names ("driver" where the data has drivers) is the vocabulary's to read.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from insights.understanding.people import PERSON_NOUNS

ROLES = PERSON_NOUNS | frozenset("""
pharmacist courier picker packer operator engineer developer designer mechanic pilot porter receptionist
housekeeper florist optician surgeon vet analyst teller worker labourer laborer foreman supervisor hygienist carer
caregiver host hostess valet butcher barber hairdresser cleaner guard operative dispatcher loader merchandiser
salesman saleswoman salespeople staffer colleague installer plumber electrician fitter estimator surveyor
bookkeeper accountant lawyer attorney paralegal assistant intern trainee apprentice people
""".split())  # noqa: SIM905 - a word list reads best as text
# What puts a role where the members asked for go: after "which", "who was (the)", or a superlative, with up to
# two words that say which kind ("lorry", "night-shift") between
_ASKED_BEFORE = re.compile(
    r"(?:\bwhich\s+(?:(?:one|ones)\s+of\s+|of\s+)?(?:(?:our|the|my|your|these|those)\s+)?"
    r"|\bwho(?:'s|’s|\s+(?:is|was|are|were|has\s+been|had\s+been))\s+(?:(?:our|the|my|your)\s+)?"
    r"|\b(?:best|worst|top|bottom|strongest|weakest|busiest|slowest|most|least|fewest|highest[\s-][a-z]+|"
    r"lowest[\s-][a-z]+|hardest[\s-]working)\s+(?:\d+\s+)?)"
    r"(?:[a-z][a-z'-]*\s+){0,2}$")
# "the main driver of the drop", "key drivers": the causes of a change, no people
_CAUSE_AFTER = re.compile(r"\s+(?:of|behind|for)\b")
_CAUSE_BEFORE = frozenset({"key", "main", "biggest", "big", "primary", "major", "largest", "real", "underlying",
                           "chief", "principal", "top", "growth"})
# "our best seller", "top sellers": the products that sell, no people
_PRODUCT_BEFORE = frozenset({"best", "top", "biggest", "worst", "fastest", "slowest"})
_WORD = re.compile(r"(?<![\w'-])[a-z][a-z'-]*(?![\w'-])")


def _role(word: str) -> str | None:
    for singular in (word, word.removesuffix("s"), word.removesuffix("es")):
        if singular in ROLES:
            return singular
    return None


def unheld_role(low: str, *, held: Callable[[int], bool]) -> tuple[int, str] | None:
    """Where ``low`` (the lower-cased question) asks for members by a role no word of the data places (``held``:
    whether a span of the tenant's words starts at or covers an offset), and the role as said."""
    for said in _WORD.finditer(low):
        word, start = said.group(0), said.start()
        role = _role(word)
        if role is None or held(start) or not _ASKED_BEFORE.search(low, 0, start):
            continue
        before = (low[:start].split() or [""])[-1]
        if role == "driver" and (_CAUSE_AFTER.match(low, said.end()) or before in _CAUSE_BEFORE):
            continue
        if role == "seller" and before in _PRODUCT_BEFORE:
            continue
        return start, word
    return None
