"""How the Streamlit app presents answers (the real engine's, through their display strings): chips, charts,
tables, follow-up questions."""
from __future__ import annotations

from tests.webapp.fake_api import ANSWERS, understanding
from webapp.answers import (
    chart,
    chips,
    clarification_options,
    follow_ups,
    growth_table,
    headline,
    measure_labels,
    measures_table,
    pace_figures,
    suggestion_question,
    unusual_list,
)


def datasets(spec: dict) -> list[list[dict]]:
    """Every data set of a Vega-Lite spec, inline or named, in the order found."""
    found = list(spec.get("datasets", {}).values())
    for part in [spec, *spec.get("layer", [])]:
        if "values" in part.get("data", {}):
            found.append(part["data"]["values"])
    return found


def test_chips_show_every_part_understood(real):
    answers = real["answers"]
    u = understanding(
        "rank", measure="gross_margin", subject={"dimension": "region", "value": "EMEA"},
        filters={"channel": ["Online", "Retail"]}, group_by="product", order="desc", limit=3, per="orders",
        order_by="change_pct", also=["units"], compare_to={"start": "2024-01-01", "end": "2024-06-30"},
        ignored=["quick", "one"])
    labels = measure_labels(real["model"])
    assert chips({"understanding": u}, labels=labels) == [
        "Asked for: a ranking", "Measure: Gross margin", "Also: Units", "Period: 2025-01-01 – 2025-06-30",
        "Compared with: 2024-01-01 – 2024-06-30", "region: EMEA", "channel: Online, Retail", "By: product",
        "Per: Orders", "Ranked by: growth %", "Showing: top 3", "Left out: quick one"]
    assert chips(answers["cumulative revenue by month in 2024"]) == [
        "Asked for: a trend", "Measure: Revenue", "Period: 2024 · by month", "Running total"]
    assert "Target: $2M" in chips(answers["are we on track to hit $2m revenue this year?"])
    assert "Also: Gross margin" in chips(answers["revenue and margin by region in 2024"])
    assert "Measure: Average monthly revenue" in chips(answers["average monthly revenue in 2024"])
    assert chips(answers["quick one for the board deck: revenue in 2024"])[-1] == (
        "Left out: quick one for the board deck")


def test_a_share_is_one_bar_of_the_whole(real):
    spec = chart(real["answers"]["revenue mix by region in 2024"]).to_dict()
    parts = datasets(spec)[0]
    assert [(p["part"], p["text"]) for p in parts] == [("EMEA", "50.2%"), ("Americas", "33.3%"), ("APAC", "16.4%")]
    assert round(sum(p["share"] for p in parts)) == 100
    one = chart(real["answers"]["what % of revenue came from emea in 2024?"]).to_dict()
    parts = datasets(one)[0]
    assert [p["part"] for p in parts] == ["EMEA", "The rest"] and round(sum(p["share"] for p in parts)) == 100
    assert headline(real["answers"]["what % of revenue came from emea in 2024?"]) == (
        "Share of revenue", "50.2%", None)


def test_pace_is_progress_to_the_target_with_the_projection(real):
    answer = real["answers"]["are we on track to hit $2m revenue this year?"]
    result = answer["result"]
    assert list(pace_figures(answer)) == ["So far", "Of target", "Projected", "Target", "Projected vs target"]
    assert pace_figures(answer)["Target"] == "$2M"
    spec = chart(answer).to_dict()
    bars, target = datasets(spec)
    assert target[0]["target"] == result["target"]
    assert {b["what"]: b["value"] for b in bars} == {"Projected": result["projected"], "So far": result["value"]}
    assert result["value"] < result["projected"] < result["target"]


def test_unusual_changes_are_a_list_with_expected_and_actual(real):
    rows = unusual_list(real["answers"]["anything unusual in june 2025?"])
    assert rows[0]["Series"] == "APAC (region)"
    assert rows[0]["Actual"].startswith("$") and rows[0]["Expected"].startswith("$")
    assert rows[0]["How unusual (z)"].startswith("+")
    assert len(rows) == len(real["answers"]["anything unusual in june 2025?"]["result"]["rows"])


def test_several_measures_are_a_table(real):
    by_region = measures_table(real["answers"]["revenue and margin by region in 2024"])
    assert [list(row) for row in by_region] == [["", "Revenue", "Gross margin"]] * 3
    assert [row[""] for row in by_region] == ["EMEA", "Americas", "APAC"]
    single = measures_table(real["answers"]["revenue and orders in 2024"])
    assert [row["Measure"] for row in single] == ["Revenue", "Orders"]
    orders = real["answers"]["revenue and orders in 2024"]["result"]["measures"]["orders"]["value"]
    assert single[1]["This period"] == f"{orders:,.0f}"


def test_a_running_total_is_a_line_that_never_falls(real):
    answer = real["answers"]["cumulative revenue by month in 2024"]
    spec = chart(answer).to_dict()
    assert spec["mark"]["type"] == "line" and spec["encoding"]["y"]["title"] == "Revenue, running total"
    rows = datasets(spec)[0]
    values = [row["value"] for row in rows]
    assert len(values) == 12 and values == sorted(values)
    assert rows[0]["label"] == "Jan 2024"


def test_a_growth_ranking_shows_current_and_previous(real):
    answer = real["answers"]["which region grew the most in 2025?"]
    rows = growth_table(answer)
    row = answer["result"]["rows"][0]
    assert [list(r) for r in rows] == [["region", "Change", "2025", "2024"]]
    assert rows[0]["region"] == row["key"]
    assert row["value"] == row["current"] - row["previous"]


def test_a_new_measure_is_labelled_and_formatted_from_the_answer_and_model(real):
    answer = real["answers"]["bookings by region in 2024"]
    assert answer["understanding"]["measure"] == "bookings"
    assert "bookings" in answer["narrative"].lower()
    assert {"name": "bookings", "label": "Bookings"}.items() <= next(
        m for m in real["model"]["measures"] if m["name"] == "bookings").items()
    assert "Measure: Bookings" in chips(answer)
    spec = chart(answer).to_dict()
    data = datasets(spec)[0]
    assert [d["text"] for d in data] == [r["value"] for r in answer["display"]["rows"]]
    assert measure_labels(real["model"])["bookings"] == "Bookings"


def test_clarifications_offer_their_suggestions():
    def options(text):
        return clarification_options({"clarification": text})

    assert options("I couldn't find “emeaa” in your data. Did you mean EMEA or APAC?") == ["EMEA", "APAC"]
    assert options("“runner” could mean more than one thing: Trail Runner, Road Runner or Runner Pro. Which one?") == [
        "Trail Runner", "Road Runner", "Runner Pro"]
    assert options("I can't split the data by “colour”. It can be broken down by region, channel or product.") == [
        "region", "channel", "product"]
    assert options("Could you rephrase that?") == []
    assert clarification_options({"clarification": "Did you mean X?", "suggestions": ["EMEA", "APAC"]}) == [
        "EMEA", "APAC"]


def test_a_suggestion_replaces_the_word_that_was_not_understood():
    answer = {"clarification": "I couldn't find “Emeaa” in your data. Did you mean EMEA or APAC?"}
    assert suggestion_question(answer, question="Revenue in emeaa last year", suggestion="EMEA") == (
        "Revenue in EMEA last year")
    assert suggestion_question(answer, question="Something else", suggestion="EMEA") == "EMEA"
    example = {"clarification": "“next year” is in the future. Try, for example:",
               "suggestions": ["Revenue by region last quarter"]}
    assert suggestion_question(example, question="Revenue next year", suggestion="Revenue by region last quarter") == (
        "Revenue by region last quarter")


def test_follow_ups_fit_the_answer():
    dims = ["region", "channel", "product"]

    def labels(answer, **kwargs):
        return [f.label for f in follow_ups(answer, dimensions=dims, **kwargs)]

    assert labels(ANSWERS["monthly revenue"]) == ["Why?"]
    assert labels(ANSWERS["revenue by region"]) == ["Break that down by channel", "Compared to last year?", "Top 3?"]
    assert labels(ANSWERS["why?"]) == ["Break that down by channel"]
    value = {"understanding": understanding("value", subject={"dimension": "region", "value": "EMEA"})}
    assert labels(value) == ["Why?", "Break that down by channel", "Compared to last year?"]
    assert [f.label for f in follow_ups(ANSWERS["revenue by region"], dimensions=[])] == [
        "Compared to last year?", "Top 3?"]
    clarify = follow_ups(ANSWERS["revenue in emeaa"], question="Revenue in emeaa", dimensions=dims)
    assert [(f.label, f.question) for f in clarify] == [("EMEA", "Revenue in EMEA"), ("APAC", "Revenue in APAC")]
