"""The engine end to end: question → understanding → computed result → narrative, and what it asks back."""
from __future__ import annotations

import io
from datetime import date

import pytest

from insights.answering.grounding import is_grounded
from insights.engine import answer_question
from insights.tests.test_analysis import ROWS, gold, measure, to_csv
from insights.understanding.types import Period
from metrics.errors import NoDataset
from metrics.services import import_dataset

AS_OF = date(2025, 2, 10)


@pytest.fixture
def loaded(tenant):
    import_dataset(tenant=tenant, stream=io.BytesIO(to_csv(ROWS)), source="saas.csv", replace=False)
    return tenant


def ask(tenant, text, context=None):
    return answer_question(tenant=tenant, text=text, as_of=AS_OF, context=context)


def test_a_value_answer_carries_the_computed_number_and_says_it(loaded):
    answer = ask(loaded, "What was gross margin in Germany in Q4 2024?")
    data = answer.as_json(conversation="c_x")
    expected = measure(gold(Period(date(2024, 10, 1), date(2024, 12, 31)), {"country": ["Germany"]})[None],
                       "gross_margin")
    assert data["understanding"]["intent"] == "value"
    assert data["result"]["value"] == pytest.approx(expected)
    assert data["narrative"].startswith("Gross margin for Germany was $")
    assert is_grounded(data["narrative"], answer=data)
    assert data["sentiment"] == "neutral" and data["clarification"] is None and data["conversation"] == "c_x"


def test_a_compare_answer_has_a_tone_that_follows_the_change(loaded):
    data = ask(loaded, "Revenue in January 2025 vs December 2024").as_json(conversation=None)
    change_pct = data["result"]["change_pct"]
    assert data["understanding"]["compare_to"] == {"start": "2024-12-01", "end": "2024-12-31"}
    assert data["sentiment"] == ("neutral" if abs(change_pct) < 1 else "positive" if change_pct > 0 else "negative")
    assert is_grounded(data["narrative"], answer=data)


def test_an_unknown_member_is_asked_back_with_the_closest_members_and_no_number(loaded):
    data = ask(loaded, "Revenue in Germny and Narnia last month").as_json(conversation=None)
    assert data["understanding"]["intent"] == "clarify"
    assert "Narnia" in data["clarification"] and data["narrative"] == data["clarification"]
    assert data["result"]["value"] is None and data["result"]["rows"] == []
    assert data["suggestions"]


def test_off_topic_is_a_polite_refusal(loaded):
    data = ask(loaded, "What's the weather in Paris?").as_json(conversation=None)
    assert data["understanding"]["intent"] == "out_of_scope"
    assert data["clarification"] is None and "revenue" in data["narrative"].lower()


def test_a_follow_up_leans_on_the_previous_understanding(loaded):
    first = ask(loaded, "Revenue by plan in Q4 2024")
    second = ask(loaded, "And in Spain?", context=first.understanding)
    assert second.understanding.intent == "breakdown" and second.understanding.group_by == "plan"
    assert dict(second.understanding.constraints) == {"country": ("Spain",)}
    expected = gold(Period(date(2024, 10, 1), date(2024, 12, 31)), {"country": ["Spain"]}, by=lambda r: r["plan"])
    assert {row.key: row.value for row in second.result.rows} == pytest.approx(
        {plan: sums["revenue"] for plan, sums in expected.items()})


def test_drivers_name_the_dimension_they_chose(loaded):
    data = ask(loaded, "Why did orders change in December 2024?").as_json(conversation=None)
    assert data["understanding"]["intent"] == "drivers"
    assert data["understanding"]["group_by"] in ("country", "plan")
    assert data["result"]["rows"] and "The biggest driver" in data["narrative"]


def test_without_a_dataset_there_is_no_answer_at_all(tenant):
    with pytest.raises(NoDataset):
        ask(tenant, "What was revenue last month?")


def test_a_false_premise_is_corrected_before_anything_else(loaded):
    december, november = Period(date(2024, 12, 1), date(2024, 12, 31)), Period(date(2024, 11, 1), date(2024, 11, 30))
    now, before = gold(december, {})[None]["revenue"], gold(november, {})[None]["revenue"]
    claimed = "drop" if now > before else "grow"  # claim the opposite of what happened
    data = ask(loaded, f"Why did revenue {claimed} in December 2024?").as_json(conversation=None)
    assert data["understanding"]["intent"] == "drivers"
    said = "did not drop in December 2024: it rose" if now > before else "did not rise in December 2024: it fell"
    assert data["narrative"].startswith(f"Revenue {said}.")
    assert is_grounded(data["narrative"], answer=data)


def test_the_answer_carries_its_figures_formatted_for_people(loaded):
    data = ask(loaded, "Revenue in January 2025 vs December 2024").as_json(conversation=None)
    shown = data["display"]
    assert shown["measure"] == {"name": "revenue", "label": "Revenue", "format": "currency", "direction": "good"}
    assert shown["period"] == "January 2025" and shown["compare_period"] == "December 2024"
    assert shown["figures"]["value"].startswith("$") and shown["figures"]["change_pct"].endswith("%")
    assert shown["figures"]["value"] in data["narrative"]


def test_a_measure_the_data_lacks_is_asked_back_never_zero(loaded):
    data = ask(loaded, "How many units did we sell last month?").as_json(conversation=None)
    assert data["understanding"]["intent"] == "clarify"
    assert data["result"]["value"] is None
    assert "revenue" in data["clarification"].lower()


def test_unusual_with_too_little_history_is_asked_back(loaded):
    data = answer_question(tenant=loaded, text="Anything unusual in May 2024?", as_of=date(2024, 6, 10),
                           context=None).as_json(conversation=None)
    assert data["understanding"]["intent"] == "clarify"
    assert "not enough history" in data["clarification"] and data["result"]["rows"] == []


def test_a_clarification_carries_what_was_understood_and_readings_that_ask_again(loaded):
    """The parts understood (measure, members, period) and their display names, for the surfaces' chips;
    the closest reading is a question the engine answers as it was understood."""
    data = ask(loaded, "Adjusted revenue in Germany in Q4 2024").as_json(conversation=None)
    understood = data["understanding"]
    assert understood["intent"] == "clarify" and "“adjusted”" in data["clarification"]
    assert (understood["measure"], understood["subject"]) == ("revenue", {"dimension": "country", "value": "Germany"})
    assert understood["time"]["start"] == "2024-10-01" and understood["time"]["end"] == "2024-12-31"
    assert data["display"]["period"] == "Q4 2024" and data["display"]["measure"]["label"] == "Revenue"
    assert data["result"]["value"] is None and data["display"]["figures"] == {}
    reading = ask(loaded, data["suggestions"][0]).as_json(conversation=None)
    dates = {**understood["time"], "grain": None}  # the reading names the dates, not the quarter
    assert {**reading["understanding"], "time": dates} == {**understood, "intent": "value", "time": dates}
    expected = measure(gold(Period(date(2024, 10, 1), date(2024, 12, 31)), {"country": ["Germany"]})[None],
                       "revenue")
    assert reading["result"]["value"] == pytest.approx(expected)
