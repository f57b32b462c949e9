"""A pace question with no target is asked back with an example target the size of the tenant's own figure in
that period (a round number, in its currency, through the one formatter), never a fixed "$1M"; and the example,
asked, is a pace to that number."""
from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta

import pytest

from insights.engine import answer_question
from insights.tests.test_how_many import VETS
from insights.understanding.parser import parse
from metrics.selectors import get_semantic_model
from metrics.services import import_dataset

AS_OF = date(2025, 2, 10)  # 40 days of 2025 in the data, 1 Jan to 9 Feb
FIRST = date(2024, 10, 1)


def _csv(daily: dict[str, float]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["date", "region", *daily])
    writer.writeheader()
    day = FIRST
    while day < AS_OF:
        for region in ("North", "South"):
            writer.writerow({"date": day.isoformat(), "region": region, **{k: v / 2 for k, v in daily.items()}})
        day += timedelta(days=1)
    return out.getvalue().encode()


CASES = [
    # currency, daily figures, question, the example target (40 days' pace, projected to the period, rounded)
    ("GBP", {"revenue": 10_000.0}, "are we on track this year?", "£4M revenue in 2025"),  # 3.65M
    ("EUR", {"revenue": 50.0}, "are we on pace for revenue this year?", "€20K revenue in 2025"),  # 18,250
    ("USD", {"revenue": 800.0, "appointments": 30.0}, "will we hit our appointments target this year?",
     "10K appointments in 2025"),  # 10,950: a count, no currency
    ("GBP", {"revenue": 10_000.0}, "how far are we from our target this quarter?", "£900K revenue in Q1 2025"),
    ("JPY", {"bookings": 2_000_000.0, "seats": 4.0}, "are we on track for the bookings goal this year?",
     "700M bookings in 2025"),  # a tenant's own column is a plain number until the tenant says otherwise
]


@pytest.mark.parametrize(("currency", "daily", "question", "example"), CASES, ids=[c[2] for c in CASES])
def test_the_example_target_is_the_tenants_size_and_currency(make_tenant, currency, daily, question, example):
    tenant = make_tenant(f"pace-{currency.lower()}-{len(daily)}", currency=currency)
    import_dataset(tenant=tenant, stream=io.BytesIO(_csv(daily)), source="facts.csv", replace=False)
    answer = answer_question(tenant=tenant, text=question, as_of=AS_OF, context=None).as_json(conversation=None)
    assert answer["understanding"]["intent"] == "clarify"
    assert answer["result"]["value"] is None  # no number is guessed
    assert f"“Are we on track for {example}?”" in answer["clarification"], answer["clarification"]
    assert "$1M" not in answer["clarification"] or currency == "USD"

    asked = re.search(r"“(.+?)”", answer["clarification"]).group(1)
    again = parse(asked, model=get_semantic_model(tenant=tenant), as_of=AS_OF).understanding
    number = re.search(r"[\d.]+[KMB]", example).group(0)
    assert (again.intent, again.target) == ("pace", float(number[:-1]) * {"K": 1e3, "M": 1e6, "B": 1e9}[number[-1]])


def test_a_period_with_no_data_yet_is_sized_by_the_span_before(make_tenant):
    tenant = make_tenant("pace-next", currency="USD")
    import_dataset(tenant=tenant, stream=io.BytesIO(_csv({"revenue": 1_000.0})), source="facts.csv", replace=False)
    # as of April the quarter has no facts yet; Q1 held 90 days of 1,000
    answer = answer_question(tenant=tenant, text="are we on track this quarter?", as_of=date(2025, 4, 3),
                             context=None).as_json(conversation=None)
    assert "“Are we on track for $90K revenue in Q2 2025?”" in answer["clarification"], answer["clarification"]


def test_a_said_target_is_answered_as_before(make_tenant):
    tenant = make_tenant("pace-said", currency="GBP")
    import_dataset(tenant=tenant, stream=io.BytesIO(_csv({"revenue": 10_000.0})), source="facts.csv", replace=False)
    answer = answer_question(tenant=tenant, text="are we on track for £3m this year?", as_of=AS_OF,
                             context=None).as_json(conversation=None)
    assert (answer["understanding"]["intent"], answer["understanding"]["target"]) == ("pace", 3_000_000)
    assert answer["result"]["projected"] == pytest.approx(10_000 * 365)


@pytest.mark.parametrize(("text", "start", "end"), [
    ("are we on track this year?", date(2025, 1, 1), date(2025, 12, 31)),
    ("how far are we from our target this quarter?", date(2025, 1, 1), date(2025, 3, 31)),
    ("will we hit our quota by the end of the month?", date(2025, 2, 1), date(2025, 2, 28)),
    ("is wells going to reach its appointments target this quarter?", date(2025, 1, 1), date(2025, 3, 31)),
])
def test_a_pace_without_a_target_is_read_as_one_whose_target_the_answer_asks_for(text, start, end):
    got = parse(text, model=VETS, as_of=AS_OF).understanding
    assert (got.intent, got.target, got.time.start, got.time.end) == ("pace", None, start, end)
