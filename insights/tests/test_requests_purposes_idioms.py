"""Ways of asking that change no number, and the words of rankings and rates that do.

- Request verbs ("can u pull", "grab me", "dig up", "send over") and idioms of asking ("any joy on", "any luck
  with", "what's the damage on") are framing: the figure is read from the rest, the words go to ``ignored``; a
  first name that is an ordinary word ("joy") is no person inside the idiom, and a verb that names the tenant's
  data ("grab" of a platform called Grab) keeps its meaning.
- What a figure is for, said last ("- for teh ops review", "need it for the landlord call", "for #general") is
  framing; a member named in it ("for the quayside review") still narrows the figure (contract v2, "Honesty":
  only words that cannot change a number are framing), while a place the data lacks ("need it for the uk") or a
  period ("need it for q1") is read, not dropped.
- "absolute growth", "in raw numbers", "by amount" rank by ``change``; "relative growth", "in percentage terms"
  by ``change_pct``, also as a follow-up of a growth ranking.
- An order word before a figure or before "in a single day" is the superlative ("max loaves in a single day"),
  never the baker Max; "peak" and "record" before a period rank the periods; the top of one event ("in a single
  sailing", "on one order") is asked back, the data holding daily totals.
- "<something> rate" the data does not hold ("win rate", "close rate") is asked back with the measures there are,
  never answered as another measure nor refused as out of scope.

The companies are shaped like none of the eval sets: a bakery chain, a ferry operator, a design agency and a
dark kitchen on delivery platforms."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import conversation, members
from insights.tests.models import company
from insights.understanding.parser import parse

AS_OF = date(2026, 5, 20)
BAKERY = company(version="bakery-r1", columns=("loaves", "takings"), dimensions={
    "shop": ("Millbrook", "Quayside", "Old Forge"), "bake": ("Sourdough", "Rye", "Focaccia"),
    "baker": ("Max Ferreira", "Joy Adeyemi", "Grace Holm", "Will Otto"),
}, first_date=date(2024, 2, 1), last_date=date(2026, 5, 18))
FERRY = company(version="ferry-r1", columns=("sailings", "passengers", "fares"), dimensions={
    "route": ("Islay", "Mull", "Arran"), "deck": ("Foot", "Car"), "region": ("North Isles", "West Coast"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 5, 18))
AGENCY = company(version="agency-r1", columns=("proposals_sent", "deals_closed", "fees"), dimensions={
    "practice": ("Brand", "Digital", "Events"), "partner": ("Ines Vale", "Tom Rook"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 5, 18))
KITCHEN = company(version="kitchen-r1", columns=("orders", "revenue"), dimensions={
    "platform": ("Grab", "Deliveroo", "Own App"), "kitchen": ("Soho", "Leeds"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 5, 18))
APRIL = {"start": "2026-04-01", "end": "2026-04-30", "grain": "month"}
LAST_WEEK = {"start": "2026-05-11", "end": "2026-05-17", "grain": "week"}
THIS_MONTH = {"start": "2026-05-01", "end": "2026-05-20", "grain": None}
THIS_YEAR = {"start": "2026-01-01", "end": "2026-05-20", "grain": None}
ALL_DATA = {"start": "2024-02-01", "end": "2026-05-18", "grain": None}


def understood(model, text: str) -> dict:
    return parse(text, model=model, as_of=AS_OF).understanding.as_json()


def asked_back(model, text: str) -> str:
    parsed = parse(text, model=model, as_of=AS_OF)
    assert parsed.understanding.intent == "clarify", parsed.understanding.as_json()
    return parsed.clarification or ""


@pytest.mark.parametrize(("text", "intent", "measure", "named", "time", "said"), [
    ("hey can you pull loaves by shop last week?", "breakdown", "loaves", {}, LAST_WEEK, "pull"),
    ("pls grab me takings for sourdough in april", "value", "takings", {"bake": ["Sourdough"]}, APRIL, "grab"),
    ("could u fetch rye loaves this month", "value", "loaves", {"bake": ["Rye"]}, THIS_MONTH, "fetch"),
    ("dig up focaccia takings in april", "value", "takings", {"bake": ["Focaccia"]}, APRIL, "dig"),
    ("send over loaves by bake for april thx", "breakdown", "loaves", {}, APRIL, "over"),
    ("pull up takings at quayside last month pls", "value", "takings", {"shop": ["Quayside"]}, APRIL, "up"),
    ("can someone pull takings this month for me", "value", "takings", {}, THIS_MONTH, "someone"),
    ("run me the numbers on rye for april", "value", "loaves", {"bake": ["Rye"]}, APRIL, "run"),
    ("any joy on sourdough loaves this month?", "value", "loaves", {"bake": ["Sourdough"]}, THIS_MONTH, "joy"),
    ("any luck on takings at millbrook in april", "value", "takings", {"shop": ["Millbrook"]}, APRIL, "luck"),
    ("whats the damage on takings last week", "value", "takings", {}, LAST_WEEK, "damage"),
])
def test_request_verbs_and_idioms_of_asking_are_framing(text, intent, measure, named, time, said):
    got = understood(BAKERY, text)
    assert (got["intent"], got["measure"], members(got), got["time"]) == (intent, measure, named, time)
    assert said in got["ignored"]


def test_a_request_verb_that_names_the_tenants_data_keeps_its_meaning():
    got = understood(KITCHEN, "grab orders last month")
    assert (got["intent"], got["measure"], members(got)) == ("value", "orders", {"platform": ["Grab"]})
    assert understood(KITCHEN, "can you pull grab orders last month")["subject"] == {
        "dimension": "platform", "value": "Grab"}


@pytest.mark.parametrize(("model", "text", "said"), [
    (FERRY, "sailings, passengers and fares by route, trailing 3 months - for teh ops review", "ops"),
    (BAKERY, "takings last month, need it for the landlord call", "landlord"),
    (BAKERY, "takings by shop in april. it's for the bank", "bank"),
    (BAKERY, "loaves last month for our weekly huddle 🙏", "huddle"),
    (FERRY, "passengers by route in april for #general ⛴", "general"),
    (FERRY, "can u pull fares by deck in april for the pricing sync", "pricing"),
])
def test_what_a_figure_is_for_said_last_is_framing(model, text, said):
    got = understood(model, text)
    assert got["intent"] in ("value", "breakdown")
    assert got["subject"] is None and got["filters"] == {}
    assert said in got["ignored"]


def test_a_member_named_in_what_the_figure_is_for_still_narrows_it():
    got = understood(BAKERY, "loaves last week for the quayside review")
    assert (got["intent"], members(got), got["time"]) == ("value", {"shop": ["Quayside"]}, LAST_WEEK)
    assert "review" in got["ignored"] and "quayside" not in got["ignored"]
    got = understood(FERRY, "sailings last month for the west coast ops sync")
    assert members(got) == {"region": ["West Coast"]}


def test_a_purpose_naming_a_place_the_data_lacks_or_a_period_is_read():
    assert "“uk”" in asked_back(BAKERY, "takings last month, need it for the uk")
    assert "“uk”" in asked_back(FERRY, "fares last month, for the uk review")
    got = understood(BAKERY, "takings, need it for q1")
    assert got["time"] == {"start": "2026-01-01", "end": "2026-03-31", "grain": "quarter"}


@pytest.mark.parametrize(("first", "then", "limit", "order_by"), [
    ("which route grew passengers fastest this year vs last?", "and top 2 by absolute growth", 2, "change"),
    ("which route grew passengers fastest this year vs last?", "and in absolute terms?", 1, "change"),
    ("which route grew passengers fastest this year vs last?", "top 3 in raw numbers?", 3, "change"),
    ("which route grew fares the most this year vs last?", "and in percentage terms?", 1, "change_pct"),
    ("which route grew fares the most this year vs last?", "by relative growth?", 1, "change_pct"),
])
def test_growth_said_as_an_amount_or_a_percentage_picks_the_ranking(first, then, limit, order_by):
    before = understood(FERRY, first)
    got = conversation(first, then, model=FERRY, as_of=AS_OF)
    assert (got["intent"], got["group_by"], got["order"], got["limit"], got["order_by"]) == (
        "rank", "route", "desc", limit, order_by)
    assert (got["measure"], got["time"], got["compare_to"]) == (before["measure"], before["time"],
                                                                before["compare_to"])


@pytest.mark.parametrize(("text", "measure", "order_by"), [
    ("top 3 routes by absolute change in fares q1 vs q4", "fares", "change"),
    ("rank routes by passenger growth in percentage terms this year", "passengers", "change_pct"),
    ("top 2 routes by relative growth in fares this year", "fares", "change_pct"),
    ("rank routes by growth in fares by amount this year", "fares", "change"),
])
def test_a_growth_ranking_said_in_one_question(text, measure, order_by):
    got = understood(FERRY, text)
    assert (got["intent"], got["group_by"], got["measure"], got["order_by"]) == ("rank", "route", measure, order_by)
    assert got["compare_to"] is not None


def test_an_amount_said_without_growth_ranks_by_the_figure():
    got = understood(FERRY, "top 3 routes by fares in absolute terms last month")
    assert (got["intent"], got["limit"], got["order_by"]) == ("rank", 3, None)


@pytest.mark.parametrize(("text", "grain", "named", "time"), [
    ("max loaves in a single day this year?", "day", {}, THIS_YEAR),
    ("max takings in one week this year", "week", {}, THIS_YEAR),
    ("most loaves we've done in a single day", "day", {}, ALL_DATA),
    ("record week for takings?", "week", {}, ALL_DATA),
    ("peak loaves in a single day at old forge this yr", "day", {"shop": ["Old Forge"]}, THIS_YEAR),
])
def test_a_superlative_of_a_period_ranks_the_periods_not_the_person(text, grain, named, time):
    got = understood(BAKERY, text)
    assert (got["intent"], got["group_by"], got["order"], got["limit"]) == ("rank", grain, "desc", 1)
    assert (members(got), got["time"]) == (named, time)


@pytest.mark.parametrize(("model", "text"), [
    (FERRY, "max passengers in a single sailing"),
    (FERRY, "highest fares in a single booking last month"),
    (BAKERY, "most loaves on one order"),
])
def test_the_top_of_one_event_is_asked_back_saying_the_data_holds_daily_totals(model, text):
    assert "daily totals" in asked_back(model, text)


@pytest.mark.parametrize("text", ["how did max do last month", "max's loaves last month"])
def test_the_same_first_name_said_as_a_name_is_the_person(text):
    assert members(understood(BAKERY, text)) == {"baker": ["Max Ferreira"]}


@pytest.mark.parametrize(("text", "rate"), [
    ("whats our win rate", "win rate"),
    ("what's the close rate for brand this quarter", "close rate"),
    ("hows our proposal win rate trending", "win rate"),
    ("whats our hit rate on proposals", "hit rate"),
    ("what's our utilisation rate", "utilisation rate"),
])
def test_a_rate_the_data_lacks_is_asked_back_with_the_measures(text, rate):
    question = asked_back(AGENCY, text)
    assert rate in question
    assert all(m in question for m in ("proposals sent", "deals closed", "fees"))


@pytest.mark.parametrize("text", [
    "which practice has the highest growth rate in fees this year",
    "fees this year vs last - at this rate are we growing?",
])
def test_words_saying_which_rate_name_no_rate(text):
    assert understood(AGENCY, text)["intent"] in ("rank", "compare")
