"""A pace target written with a currency code, sign or word on either side is that amount ("210m chf", "CHF 210m",
"chf210m", "10 million dollars"); in a currency that is not the tenant's it is asked back, naming the tenant's
currency, since the data holds no exchange rate (the contract's target is a number in the measure's unit)."""
from __future__ import annotations

import io
from datetime import date

import pytest

from insights.engine import answer_question
from insights.tests.test_analysis import ROWS, to_csv
from insights.tests.test_short_forms import PHYSIO
from insights.understanding.currencies import foreign
from insights.understanding.parser import parse
from metrics.services import import_dataset

AS_OF = date(2025, 2, 10)


@pytest.mark.parametrize(("text", "target"), [
    ("are we on track for 210m chf revenue this year?", 210_000_000),
    ("are we on track for CHF 210m revenue this year?", 210_000_000),
    ("r we on track for chf210m revenue this yr", 210_000_000),
    ("on track for 10 million dollars of revenue this year", 10_000_000),
    ("are we on track for 5m eur revenue this year", 5_000_000),
    ("how far are we from 2.5 mil revenue this year", 2_500_000),
    ("will we hit 1.2bn revenue this year", 1_200_000_000),
    ("on track for 3 million swiss francs of revenue this year", 3_000_000),
    ("can we crack 40m sek revenue this year", 40_000_000),
])
def test_a_target_with_a_currency_on_either_side_is_the_amount(text, target):
    understanding = parse(text, model=PHYSIO, as_of=date(2025, 11, 12)).understanding
    assert (understanding.intent, understanding.measure, understanding.target) == ("pace", "revenue", target)


def test_a_follow_up_target_with_a_code_is_the_amount():
    first = parse("are we on track for 2m revenue this year?", model=PHYSIO, as_of=date(2025, 11, 12)).understanding
    for text in ("what about 3m chf?", "and CHF 3m?"):
        got = parse(text, model=PHYSIO, as_of=date(2025, 11, 12), context=first).understanding
        assert (got.intent, got.target) == ("pace", 3_000_000), text


@pytest.mark.parametrize(("said", "tenant", "other"), [
    ("chf", "CHF", False), ("eur", "CHF", True), ("$", "AUD", False), ("$", "CHF", True), ("a$", "USD", True),
    ("dollars", "CAD", False), ("quid", "GBP", False), ("£", "EUR", True), ("¥", "CNY", False), (None, "CHF", False),
    ("eur", "", False),
])
def test_foreign(said, tenant, other):
    assert foreign(said, tenant=tenant) is other


@pytest.fixture
def francs(make_tenant):
    tenant = make_tenant("alpine-chf", currency="CHF")
    import_dataset(tenant=tenant, stream=io.BytesIO(to_csv(ROWS)), source="saas.csv", replace=False)
    return tenant


def test_a_target_in_another_currency_is_asked_back_in_the_tenants(francs):
    data = answer_question(tenant=francs, text="are we on track for 5m eur revenue this year?", as_of=AS_OF,
                           context=None).as_json(conversation=None)
    assert data["understanding"]["intent"] == "clarify" and data["understanding"]["target"] is None
    assert "CHF" in data["clarification"] and "EUR" in data["clarification"], data["clarification"]
    assert data["result"]["value"] is None


@pytest.mark.parametrize("text", ["are we on track for 5m chf revenue this year?",
                                  "on track for CHF 5m revenue this yr", "are we on track for 5m revenue this year?"])
def test_a_target_in_the_tenants_currency_is_paced(francs, text):
    data = answer_question(tenant=francs, text=text, as_of=AS_OF, context=None).as_json(conversation=None)
    assert (data["understanding"]["intent"], data["understanding"]["target"]) == ("pace", 5_000_000)
    assert data["result"]["value"] is not None
