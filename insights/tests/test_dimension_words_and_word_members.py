"""Dimension words and members that are everyday words (contract v2: "Members", "Honesty", measures' last words).

- The last word of a dimension's name of several words ("slot" of delivery_slot, "bay" of loading_bay) names that
  dimension where no other dimension's or measure's name holds it; shared, it is still asked back.
- Daily facts have no time of day: where a dimension has a member named like a part of the day ("Evening"), that
  word is the member, unless a calendar word makes it a moment ("this morning"); without one it is asked back.
- After a place preposition ("in", "at", "from", "for") a member's exact name is that member, even an ordinary word
  or a measure's ("sales in sale"); a measure's own word there ("in sales") stays the measure.
- A member spelled like a function word ("Plus"), its exact name between a member of another dimension and the
  figure ("reading plus rev"), names it; between two members of one dimension it joins them ("emea plus apac").
- Inside a member's name of several words, the other words written exactly, one slip in a word that is not very
  common is forgiven ("kestrel mor"); a very common word ("came row", "kestrel more") is still asked back.
- An arranging verb named like a member ("Split") is the verb after a request ("can u split …") or before its
  object and the arrangement ("split q3 revenue out by channel"); after a preposition, or straight before a figure
  with no particle of the verb ("split revenue q3", "split revenue by channel", as "slice units by shop" is the
  units of Slice) it is the member.

The companies are made up: a grocer delivering by slot to towns named like words, a haulier, a consultancy with
sites of several words and a travel agent flying to Split.
"""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import conversation, members
from insights.tests.models import company
from insights.understanding.parser import parse

AS_OF = date(2025, 10, 15)
GROCER = company(version="e2-grocer", columns=("revenue", "orders", "fees"), dimensions={
    "delivery_slot": ("Morning", "Afternoon", "Evening", "Same Day"),
    "customer_tier": ("Basic", "Plus", "Premium"),
    "city": ("London", "Sale", "Reading", "Street", "Wells", "Bath"),
}, first_date=date(2023, 1, 1), last_date=date(2025, 10, 14))
HAULIER = company(version="e2-haulier", columns=("loads", "miles"), dimensions={
    "loading_bay": ("North Yard", "South Yard"), "pickup_slot": ("Early", "Late"), "return_slot": ("Early", "Late"),
    "depot": ("Leeds", "Hull"),
}, first_date=date(2023, 1, 1), last_date=date(2025, 10, 14))
SUBSCRIPTIONS = company(version="e2-subscriptions", columns=("revenue", "orders"), dimensions={
    "region": ("EMEA", "APAC", "Americas"), "plan": ("Basic", "Plus", "New"), "city": ("Reading", "London"),
}, first_date=date(2023, 1, 1), last_date=date(2025, 10, 14))
CONSULTANCY = company(version="e2-consultancy", columns=("billed_hours", "revenue"), dimensions={
    "site": ("Kestrel Moor", "Harbour Point", "Harbour Gate", "Cafe Row", "Mill Lane Works"),
    "service_line": ("Audit", "Tax"),
}, first_date=date(2023, 1, 1), last_date=date(2025, 10, 14))
TRAVEL = company(version="e2-travel", columns=("revenue", "orders"), dimensions={
    "destination": ("Split", "Rome", "Paris"), "channel": ("Online", "Agent"),
}, first_date=date(2023, 1, 1), last_date=date(2025, 10, 14))
# No member is a part of the day: "evening" is a time SalesTalk cannot place.
SHOP = company(version="e2-shop", columns=("revenue", "orders"), dimensions={
    "channel": ("Online", "Store"), "region": ("North", "South"),
}, first_date=date(2023, 1, 1), last_date=date(2025, 10, 14))


def ask(text: str, model=GROCER) -> dict:
    return conversation(text, model=model, as_of=AS_OF)


def clarification(text: str, model=GROCER) -> str:
    got = parse(text, model=model, as_of=AS_OF)
    assert got.understanding.intent == "clarify", got.understanding.as_json()
    return got.clarification or ""


# ---------------------------------------------------------------- a dimension's last word


@pytest.mark.parametrize(("text", "model", "group_by"), [
    ("fees by slot last month", GROCER, "delivery_slot"),
    ("london orders by slot", GROCER, "delivery_slot"),
    ("revenue by tier in 2024", GROCER, "customer_tier"),
    ("loads by bay last month", HAULIER, "loading_bay"),
])
def test_the_last_word_of_a_dimension_names_it(text, model, group_by):
    got = ask(text, model)
    assert got["intent"] in ("breakdown", "rank") and got["group_by"] == group_by


def test_a_division_by_the_last_word_divides_by_that_dimension():
    got = ask("miles per bay last quarter", HAULIER)
    assert (got["measure"], got["per"]) == ("miles", "loading_bay")


def test_a_ranking_by_the_last_word_ranks_that_dimension():
    got = ask("which slot had the biggest drop in orders last month")
    assert (got["intent"], got["group_by"], got["measure"], got["order"]) == ("rank", "delivery_slot", "orders", "asc")


def test_a_last_word_two_dimensions_share_is_asked_back():
    question = clarification("loads by slot last month", HAULIER)
    assert "pickup slot" in question and "return slot" in question


def test_a_follow_up_splits_by_the_last_word():
    got = conversation("revenue in london last month", "break that down by slot", model=GROCER, as_of=AS_OF)
    assert (got["intent"], got["group_by"], members(got)) == ("breakdown", "delivery_slot", {"city": ["London"]})


# ---------------------------------------------------------------- parts of the day as members


def test_two_parts_of_the_day_are_the_gap_between_two_members():
    got = ask("gap between evening and morning orders in 2024")
    assert (got["intent"], got["group_by"], got["filters"], got["time"]["start"], got["time"]["end"]) == (
        "breakdown", "delivery_slot", {"delivery_slot": ["Evening", "Morning"]}, "2024-01-01", "2024-12-31")


@pytest.mark.parametrize(("text", "slot"), [
    ("revenue in the evening last month", "Evening"),
    ("afternoon orders in september", "Afternoon"),
    ("evening orders last month", "Evening"),
    ("orders for the afternoon slot last month", "Afternoon"),
])
def test_a_part_of_the_day_named_by_a_member_is_the_member(text, slot):
    got = ask(text)
    assert (got["intent"], members(got)) == ("value", {"delivery_slot": [slot]})


@pytest.mark.parametrize(("text", "slot"), [
    ("evening, orders last month?", None),
    ("good evening orders last month", None),
    ("hey evening orders last month", "Evening"),
])
def test_a_greeting_pauses_where_a_member_does_not(text, slot):
    got = ask(text)
    assert (got["intent"], got["measure"], members(got)) == ("value", "orders",
                                                             {"delivery_slot": [slot]} if slot else {})


def test_a_part_of_the_day_made_a_moment_is_still_no_period():
    assert "morning" in clarification("orders this morning")


def test_without_such_a_member_a_part_of_the_day_is_asked_back():
    assert "evening" in clarification("gap between evening and morning orders in 2024", SHOP)


# ---------------------------------------------------------------- a member's exact name after a preposition


@pytest.mark.parametrize(("text", "city", "measure"), [
    ("sales in sale last month", "Sale", "revenue"),
    ("sales in reading last month", "Reading", "revenue"),
    ("revenue in bath last month", "Bath", "revenue"),
    ("orders at street last month", "Street", "orders"),
    ("fees from wells last month", "Wells", "fees"),
    ("sales for sale in 2024", "Sale", "revenue"),
])
def test_an_everyday_word_after_a_place_preposition_is_the_member(text, city, measure):
    got = ask(text)
    assert (got["intent"], got["measure"], members(got)) == ("value", measure, {"city": [city]})


def test_a_measure_word_after_a_preposition_stays_the_measure():
    got = ask("orders in sales last month")
    assert (got["measure"], members(got)) == ("orders", {})


def test_the_follow_up_keeps_the_everyday_word_member():
    got = conversation("sales in sale last month", "break that down by slot", model=GROCER, as_of=AS_OF)
    assert (got["intent"], got["group_by"], members(got)) == ("breakdown", "delivery_slot", {"city": ["Sale"]})


# ---------------------------------------------------------------- a function-word member beside another


@pytest.mark.parametrize(("text", "model", "expected"), [
    ("reading plus rev in sept", GROCER, {"city": ["Reading"], "customer_tier": ["Plus"]}),
    ("reading plus revenue in sept", SUBSCRIPTIONS, {"city": ["Reading"], "plan": ["Plus"]}),
    ("london new orders last month", SUBSCRIPTIONS, {"city": ["London"], "plan": ["New"]}),
])
def test_a_function_word_member_between_a_member_and_a_figure_is_the_member(text, model, expected):
    got = ask(text, model)
    assert (got["intent"], members(got)) == ("value", expected)


@pytest.mark.parametrize("text", ["emea plus apac revenue in sept", "revenue for emea plus apac in sept"])
def test_plus_between_two_members_of_one_dimension_joins_them(text):
    got = ask(text, SUBSCRIPTIONS)
    assert members(got) == {"region": ["APAC", "EMEA"]}


# ---------------------------------------------------------------- a slip inside a member of several words


@pytest.mark.parametrize(("text", "site"), [
    ("billed hours at kestrel mor in june 2025", "Kestrel Moor"),
    ("billed hours at harbour pont in june 2025", "Harbour Point"),
    ("billed hours at mill lan works in june 2025", "Mill Lane Works"),
])
def test_a_slip_the_rest_of_a_member_frames_is_forgiven(text, site):
    got = ask(text, CONSULTANCY)
    assert (got["intent"], members(got)) == ("value", {"site": [site]})


@pytest.mark.parametrize(("text", "offered"), [
    ("billed hours at came row in june 2025", "Cafe Row"),
    ("billed hours at kestrel more in june 2025", "Kestrel Moor"),
])
def test_a_very_common_word_is_no_slip_of_a_member(text, offered):
    assert offered in clarification(text, CONSULTANCY)


# ---------------------------------------------------------------- a member named like a verb


@pytest.mark.parametrize("text", [
    "can u split q3 2025 revenue out by channel pls",
    "can you split revenue by channel last month",
    "split q3 revenue by channel",
    "split orders up by channel for september",
])
def test_an_arranging_verb_named_like_a_member_is_the_verb(text):
    got = ask(text, TRAVEL)
    assert (got["intent"], got["group_by"], members(got)) == ("breakdown", "channel", {})


@pytest.mark.parametrize("text", ["revenue in split last month", "split revenue q3", "how did split do last month",
                                  "revenue for split by channel last month", "split revenue by channel last month"])
def test_the_same_word_as_a_place_is_the_member(text):
    assert members(ask(text, TRAVEL)) == {"destination": ["Split"]}
