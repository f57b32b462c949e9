"""A tenant's currency: its answers are written in it by the one formatter, and a target typed in any
currency ("£3.5m", "€2m", "3.5m quid") is the same number."""
from __future__ import annotations

import io
import re
from datetime import date

import pytest

from insights.answering.grounding import is_grounded
from insights.engine import answer_question
from insights.tests.test_analysis import ROWS, to_csv
from insights.tests.test_short_forms import PHYSIO
from insights.understanding.parser import parse
from metrics.services import import_dataset

AS_OF = date(2025, 2, 10)


@pytest.mark.parametrize(("text", "target"), [
    ("are we on track for £3.5m revenue this year?", 3_500_000),
    ("are we on track for $3.5m revenue this year?", 3_500_000),
    ("on track for €2m revenue this year", 2_000_000),
    ("are we on track for 3.5m quid revenue this yr?", 3_500_000),
    ("on track for 350k quid of revenue this year", 350_000),
    ("on track for 3.5 million pounds of revenue this year", 3_500_000),
    ("on track for GBP 3.5m revenue this year", 3_500_000),
    ("on track for 2 mil revenue this year", 2_000_000),
    ("will we hit 500 grand of revenue this quarter", 500_000),
])
def test_a_target_in_any_currency_is_the_same_number(text, target):
    understanding = parse(text, model=PHYSIO, as_of=date(2025, 11, 12)).understanding
    assert (understanding.intent, understanding.measure, understanding.target) == ("pace", "revenue", target)
    assert not {"quid", "pounds", "grand", "mil"} & set(understanding.ignored)  # the words were the target's


@pytest.fixture
def pounds(make_tenant):
    tenant = make_tenant("bramble-gbp", currency="GBP")
    import_dataset(tenant=tenant, stream=io.BytesIO(to_csv(ROWS)), source="saas.csv", replace=False)
    return tenant


@pytest.mark.parametrize("text", [
    "What was revenue in Q4 2024?",
    "Revenue in January 2025 vs December 2024",
    "Revenue by country in Q4 2024",
])
def test_a_pound_tenant_is_answered_in_pounds(pounds, text):
    data = answer_question(tenant=pounds, text=text, as_of=AS_OF, context=None).as_json(conversation=None)
    assert "£" in data["narrative"] and "$" not in data["narrative"], data["narrative"]
    assert is_grounded(data["narrative"], answer=data)
    shown = [v for v in (data["display"].get("figures") or {}).values() if isinstance(v, str)]
    assert shown and all("$" not in v for v in shown)


def test_a_pound_target_is_said_in_pounds(pounds):
    data = answer_question(tenant=pounds, text="are we on track for 3.5m quid of revenue this year?",
                           as_of=AS_OF, context=None).as_json(conversation=None)
    assert data["understanding"]["target"] == 3_500_000
    assert re.search(r"£3\.5M target", data["narrative"]), data["narrative"]
