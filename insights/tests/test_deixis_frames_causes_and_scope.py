"""Six classes of follow-up and framing seen on unseen companies (issue 13):

- Words pointing at the last answer's members ("there", "at that site", "the same place", "for them", "that one")
  keep its constraints, even beside "total" or a measure and period of the follow-up's own; "total <measure>" in
  a follow-up asks the plain total, dropping an inherited ``per``.
- A member before the plural of another dimension ("just the <member> <dimension>s") filters to that member and
  keeps the last split; "which …", "top 3 …", "how many …" still ask for that dimension's rows.
- Chat's lead frames ("sry one more:", "soz, last one -", "another q:", "2 quick ones,") are framing.
- A cause guessed inside a why-question ("after the …", "because of the …", "due to the …") that names nothing
  of the data is framing; a period said in it is the question's only where the question says no other.
- Weather words make a question out of scope even with a member; "forecast <measure>" stays the forecast clarify.
- "How many <noun the data lacks>" of the last answer is a clarify saying what the data holds, never out of scope.

The companies: an EV charging network, a ski resort group and a chain of garden centres.
"""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from insights.understanding.types import Understanding
from metrics.semantic import SemanticModel

AS_OF = date(2026, 4, 15)


def _model(version: str, measures: tuple[str, ...], dimensions: dict[str, tuple[str, ...]]) -> SemanticModel:
    return company(version=version, columns=measures, dimensions=dimensions,
                   first_date=date(2023, 11, 1), last_date=date(2026, 4, 14))


CHARGING = _model("charging-e1", ("charging_revenue", "energy_kwh", "sessions", "idle_fees"), {
    "site": ("Lillehammer", "Drammen Sud", "Moss"), "region": ("Innlandet", "Viken"),
    "host": ("Kiwi", "Esso Express"),
})
SKI = _model("ski-e1", ("lift_revenue", "skier_visits", "rentals"), {
    "resort": ("Idre", "Vemdalen", "Geilo"), "pass_type": ("Day", "Season"), "operator": ("Fjellgruppen", "Snowline"),
})
GARDEN = _model("garden-e1", ("plant_sales", "footfall", "loyalty_signups"), {
    "store": ("Ashby", "Kelso", "Penrith"), "county": ("Cumbria", "Borders"), "franchise": ("Greenleaf", "Bloom"),
})


def ask(model: SemanticModel, text: str, *, context: Understanding | None = None):
    return parse(text, model=model, as_of=AS_OF, context=context)


def after(model: SemanticModel, first: str, text: str):
    return ask(model, text, context=ask(model, first).understanding)


@pytest.mark.parametrize(("model", "first", "text", "kept"), [
    (CHARGING, "idle fees at moss last month", "and weekly total idle fees there over the last 6 weeks",
     {"site": ("Moss",)}),
    (CHARGING, "sessions at drammen sud in march", "total energy kwh at that site in 2025",
     {"site": ("Drammen Sud",)}),
    (SKI, "rentals at geilo last month", "total lift revenue at the same place last week", {"resort": ("Geilo",)}),
    (SKI, "skier visits for fjellgruppen in february", "and the total rentals for them in 2025",
     {"operator": ("Fjellgruppen",)}),
    (GARDEN, "footfall at kelso last month", "what about that one in january", {"store": ("Kelso",)}),
    (GARDEN, "plant sales in cumbria last quarter", "total footfall in that county over the last 8 weeks",
     {"county": ("Cumbria",)}),
])
def test_words_pointing_at_the_last_members_keep_them(model: SemanticModel, first: str, text: str,
                                                      kept: dict[str, tuple[str, ...]]) -> None:
    got = after(model, first, text).understanding
    assert got.answered
    assert dict(got.constraints) == kept
    assert got.group_by is None


def test_in_total_without_pointing_still_lifts_the_filter() -> None:
    got = after(GARDEN, "footfall at kelso last month", "and in total?").understanding
    assert dict(got.constraints) == {}


@pytest.mark.parametrize(("model", "first", "text", "measure"), [
    (CHARGING, "energy kwh per session at lillehammer last month", "and total energy kwh there in 2025",
     "energy_kwh"),
    (SKI, "lift revenue per skier visit at idre in march", "and weekly total lift revenue there", "lift_revenue"),
    (GARDEN, "plant sales per loyalty signup at penrith last month", "plant sales in total there last week",
     "plant_sales"),
])
def test_total_of_a_measure_in_a_follow_up_drops_the_inherited_per(model: SemanticModel, first: str, text: str,
                                                                    measure: str) -> None:
    assert ask(model, first).understanding.per is not None
    got = after(model, first, text).understanding
    assert (got.measure, got.per) == (measure, None)
    assert got.constraints


def test_a_follow_up_without_total_keeps_the_per() -> None:
    got = after(GARDEN, "plant sales per loyalty signup at penrith last month", "and at ashby").understanding
    assert (got.per, dict(got.constraints)) == ("loyalty_signups", {"store": ("Ashby",)})


@pytest.mark.parametrize(("model", "first", "text", "filtered", "split"), [
    (CHARGING, "sessions and idle fees by region in 2025", "just the kiwi sites?", {"host": ("Kiwi",)}, "region"),
    (SKI, "rentals by pass type in 2025", "only the snowline resorts", {"operator": ("Snowline",)},
     "pass_type"),
    (GARDEN, "footfall by county last month", "and the greenleaf stores?", {"franchise": ("Greenleaf",)},
     "county"),
])
def test_a_member_before_another_dimensions_plural_filters_and_keeps_the_split(
        model: SemanticModel, first: str, text: str, filtered: dict[str, tuple[str, ...]], split: str) -> None:
    got = after(model, first, text).understanding
    assert (got.intent, got.group_by, dict(got.constraints)) == ("breakdown", split, filtered)


@pytest.mark.parametrize(("text", "intent", "limit"), [
    ("which greenleaf stores had the most footfall", "rank", None),
    ("top 2 bloom stores by footfall", "rank", 2),
    ("how many greenleaf stores", "count", None),
])
def test_a_member_before_a_plural_still_asks_for_its_rows_when_ranked_or_counted(text: str, intent: str,
                                                                                  limit: int | None) -> None:
    got = after(GARDEN, "footfall by county last month", text).understanding
    assert (got.intent, got.group_by, got.limit) == (intent, "store", limit)
    assert len(got.constraints["franchise"]) == 1


@pytest.mark.parametrize(("model", "text", "measure"), [
    (CHARGING, "sry one more: what were idle fees and sessions last month", "idle_fees"),
    (CHARGING, "soz, last one - energy kwh by host in 2025", "energy_kwh"),
    (SKI, "another q: rentals at vemdalen last week", "rentals"),
    (SKI, "2 quick ones, skier visits in march", "skier_visits"),
    (GARDEN, "sorry one more q - footfall at ashby last month", "footfall"),
    (GARDEN, "ok a couple of quick ones: plant sales in 2025", "plant_sales"),
])
def test_chat_lead_frames_are_framing(model: SemanticModel, text: str, measure: str) -> None:
    got = ask(model, text)
    assert got.understanding.answered, got.clarification
    assert got.understanding.measure == measure
    assert got.understanding.ignored


@pytest.mark.parametrize(("model", "text", "start"), [
    (CHARGING, "why did moss charging revenue fall in march 2026 after the tariff change?", date(2026, 3, 1)),
    (SKI, "why did skier visits drop in february because of the storm", date(2026, 2, 1)),
    (GARDEN, "why did footfall fall in january due to the strike?", date(2026, 1, 1)),
    (GARDEN, "why were plant sales down in march following the heatwave", date(2026, 3, 1)),
])
def test_a_cause_guessed_inside_a_why_question_is_framing(model: SemanticModel, text: str, start: date) -> None:
    got = ask(model, text)
    assert got.understanding.intent == "drivers", got.clarification
    assert got.understanding.time.start == start
    assert got.understanding.time.end.month == start.month


def test_a_period_inside_the_cause_is_not_the_questions_when_it_names_its_own() -> None:
    got = ask(SKI, "why did rentals fall in march after the storm in february?").understanding
    assert (got.intent, got.time.start) == ("drivers", date(2026, 3, 1))


def test_a_period_inside_the_cause_is_the_questions_when_it_is_the_only_one() -> None:
    got = ask(GARDEN, "why did footfall drop because of the roadworks in february").understanding
    assert (got.intent, got.time.start, got.time.end) == ("drivers", date(2026, 2, 1), date(2026, 2, 28))


@pytest.mark.parametrize("text", ["why did sessions fall since january", "why has energy kwh fallen since we started"])
def test_since_a_period_is_time_not_a_guess(text: str) -> None:
    got = ask(CHARGING, text).understanding
    assert got.intent == "drivers"
    assert not got.ignored


@pytest.mark.parametrize(("model", "text"), [
    (SKI, "ok thanks. whats the snow forecast for idre this weekend?"),
    (SKI, "will it rain in geilo tomorrow"),
    (CHARGING, "how sunny was it at moss last week"),
    (GARDEN, "what's the temperature in kelso"),
])
def test_weather_is_out_of_scope_even_with_a_member(model: SemanticModel, text: str) -> None:
    assert after(model, next(iter(model.measures)).replace("_", " ") + " last month",
                 text).understanding.intent == "out_of_scope"


def test_a_forecast_of_a_figure_is_still_the_forecast_clarify() -> None:
    got = ask(SKI, "forecast lift revenue for next month")
    assert got.understanding.intent == "clarify"
    assert "what will happen" in got.clarification


@pytest.mark.parametrize(("model", "first", "text", "noun"), [
    (SKI, "why did lift revenue rise in february?", "how many hotel nights did that drive?", "hotel nights"),
    (CHARGING, "charging revenue at moss last month", "how many flights did that bring in", "flights"),
    (GARDEN, "why did footfall rise in march", "and how many coffees did it sell", "coffees"),
])
def test_a_count_the_data_lacks_of_the_last_answer_is_a_clarify(model: SemanticModel, first: str, text: str,
                                                                noun: str) -> None:
    got = after(model, first, text)
    assert got.understanding.intent == "clarify"
    assert f"I don't have {noun}" in got.clarification
    assert "I can count" in got.clarification


def test_small_talk_with_no_answer_before_stays_out_of_scope() -> None:
    assert ask(SKI, "how many hotel nights are there in a year?").understanding.intent == "out_of_scope"
