"""A member said as a possessive, typo and all (contract v2, "Members": one typo forgiven; "Honesty": a name
that matches nothing is asked back). "hanna's deals" is Hannah's even though "hanna" is as common a word as a
first name can be: only a name takes a possessive, so the typo rule that spares everyday words ("came" is no
Cafe) does not spare it. "jons deals" (no apostrophe) is Jon's. A possessive that names no member ("bob's
deals") is asked back, never answered as everyone's; the possessives of time and of the company ("today's",
"last month's", "the team's") stay what they were.

The companies are shaped like none of the eval sets: a sales team's CRM counted in deals and bookings, and a
bakery whose bakers and shops are the dimensions."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel

AS_OF = date(2026, 3, 10)
CRM = company(version="crm-p1", columns=("deals", "bookings"), dimensions={
    "rep": ("Hannah", "Jon", "Marcus", "Priyanka"), "segment": ("SMB", "Enterprise"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
BAKERY = company(version="bakery-p1", columns=("revenue", "loaves"), dimensions={
    "baker": ("Hanna", "Johan", "Lotte"), "shop": ("Harbour", "Market Street"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))


def read(model: SemanticModel, text: str):
    return parse(text, model=model, as_of=AS_OF)


def constraints(got: dict) -> dict[str, list[str]]:
    out = {k: list(v) for k, v in (got.get("filters") or {}).items()}
    if got.get("subject"):
        out.setdefault(got["subject"]["dimension"], []).append(got["subject"]["value"])
    return out


@pytest.mark.parametrize(("model", "text", "measure", "member"), [
    (CRM, "hanna's deals last month", "deals", ("rep", "Hannah")),
    (CRM, "what were hanah's bookings in march", "bookings", ("rep", "Hannah")),
    (CRM, "how did jons deals go", "deals", ("rep", "Jon")),
    (CRM, "priyankas bookings in q3 2025", "bookings", ("rep", "Priyanka")),
    (CRM, "what were marcus's bookings this year", "bookings", ("rep", "Marcus")),
    (BAKERY, "hana's loaves last month", "loaves", ("baker", "Hanna")),
    (BAKERY, "lote's revenue last month", "revenue", ("baker", "Lotte")),
    (BAKERY, "how did johan's loaves go last month", "loaves", ("baker", "Johan")),
    (BAKERY, "market street's loaves in 2025", "loaves", ("shop", "Market Street")),
])
def test_a_possessive_names_its_member_typo_and_all(model, text, measure, member):
    got = read(model, text).understanding.as_json()
    assert got["intent"] in ("value", "compare"), got
    assert got["measure"] == measure and constraints(got) == {member[0]: [member[1]]}


@pytest.mark.parametrize(("model", "text", "name"), [
    (CRM, "bob's deals last month", "bob"),
    (CRM, "what were amazon's bookings in march", "amazon"),
    (BAKERY, "jon's loaves last month", "jon"),  # too short to be a typo of Johan: asked, not guessed
])
def test_a_possessive_that_names_no_member_is_asked_back(model, text, name):
    parsed = read(model, text)
    assert parsed.understanding.intent == "clarify"
    assert f"“{name}”" in (parsed.clarification or "")


@pytest.mark.parametrize(("model", "text", "intent"), [
    (CRM, "today's deals", "value"),
    (CRM, "last month's bookings by rep", "breakdown"),
    (CRM, "the team's deals this year", "value"),
    (CRM, "everyone's bookings last month", "value"),
    (BAKERY, "this year's loaves by shop", "breakdown"),
    (BAKERY, "the manager's question: how did loaves go last month", "compare"),  # owns no figure
])
def test_possessives_of_time_and_of_the_whole_business_name_no_member(model, text, intent):
    got = read(model, text).understanding.as_json()
    assert got["intent"] == intent and constraints(got) == {}
