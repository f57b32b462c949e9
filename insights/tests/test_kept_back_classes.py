"""Classes of three companies kept back from every engineer (a solar installer, a pharmacy chain, a restaurant
group), fixed by class: a double letter written on its neighbour is one typo ("refferal"); a unit's short first
word names its column ("kw" of kw_installed); Indian numbering in targets ("80 lakh", "1.2 cr"); a follow-up
opening a conversation is a question back, not out of scope; "payment mode" is the payment dimension, while
"the mode of" stays a statistic the data cannot give; a word just before a figure that names no member ("london
net sales") is asked back, never left out of the whole business's total.

The companies here are shaped like none of the eval sets: an EV-charger installer and a tea importer."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import conversation
from insights.tests.models import company
from insights.understanding.parser import parse

CHARGERS = company(version="chargers-k1", columns=("contract_value", "installs", "kw_installed", "mw_hours"),
                   dimensions={"lead_source": ("Referral", "Website", "Dealer"), "region": ("Ontario", "Quebec")},
                   first_date=date(2024, 1, 1), last_date=date(2026, 10, 31))
TEA = company(version="tea-k1", columns=("net_sales", "bills", "kilos"), dimensions={
    "payment": ("UPI", "Card", "Cash"), "city": ("Pune", "Delhi", "Kolkata"), "blend": ("Assam", "Darjeeling"),
}, first_date=date(2024, 7, 1), last_date=date(2026, 10, 31))
AS_OF = date(2026, 11, 3)


def _ask(*turns: str, model) -> dict:
    return conversation(*turns, model=model, as_of=AS_OF)


@pytest.mark.parametrize(("model", "text", "dimension", "member"), [
    (CHARGERS, "contract value from refferal in 2025", "lead_source", "Referral"),
    (TEA, "kilos of darjelling last qtr", "blend", "Darjeeling"),
    (TEA, "net sales of asamm blend in q3", "blend", "Assam"),
])
def test_a_double_letter_on_its_neighbour_is_one_typo(model, text, dimension, member):
    got = _ask(text, model=model)
    assert got["intent"] == "value"
    assert got["subject"] == {"dimension": dimension, "value": member}


def test_a_follow_up_with_the_typo_keeps_the_share():
    got = _ask("what share of contract value came from dealer in 2025", "and refferal?", model=CHARGERS)
    assert (got["intent"], got["subject"]) == ("share", {"dimension": "lead_source", "value": "Referral"})


@pytest.mark.parametrize(("model", "turns", "measure"), [
    (CHARGERS, ("kw by region in 2025",), "kw_installed"),
    (CHARGERS, ("installs by region in 2025", "what about kw per install"), "kw_installed"),
    (CHARGERS, ("mw by region last month",), "mw_hours"),
])
def test_a_short_first_word_of_a_unit_names_its_column(model, turns, measure):
    assert _ask(*turns, model=model)["measure"] == measure


@pytest.mark.parametrize(("text", "target"), [
    ("r we on track to hit 80 lakh net sales this yr?", 8_000_000),
    ("are we on pace for 1.2 cr net sales by eoy", 12_000_000),
    ("can we hit 2 crores of net sales this year", 20_000_000),
    ("will we reach 5 lakhs kilos this year", 500_000),
])
def test_indian_numbering_in_a_target(text, target):
    got = _ask(text, model=TEA)
    assert got["intent"] == "pace"
    assert got["target"] == pytest.approx(target)


@pytest.mark.parametrize("text", ["and what about that one?", "what about that one", "how about the other one?"])
def test_a_follow_up_opening_a_conversation_is_asked_back(text):
    assert _ask(text, model=TEA)["intent"] == "clarify"


@pytest.mark.parametrize("text", ["and the weather?", "lol ok"])
def test_small_talk_stays_out_of_scope(text):
    assert _ask(text, model=TEA)["intent"] == "out_of_scope"


@pytest.mark.parametrize("text", ["net sales by payment mode last qtr", "bills by payment method in 2025"])
def test_a_way_noun_after_a_dimension_is_that_dimension(text):
    got = _ask(text, model=TEA)
    assert (got["intent"], got["group_by"]) == ("breakdown", "payment")


@pytest.mark.parametrize("text", ["what's the mode of net sales per day", "the mode bill value last month"])
def test_the_mode_stays_a_statistic_daily_totals_cannot_give(text):
    assert _ask(text, model=TEA)["intent"] == "clarify"


@pytest.mark.parametrize(("model", "text"), [
    (TEA, "bangalore net sales last month"), (TEA, "mumbai bills last month"),
    (CHARGERS, "texas installs in q3"), (CHARGERS, "london contract value ytd"),
])
def test_a_word_that_owns_a_figure_but_names_no_member_is_asked_back(model, text):
    got = _ask(text, model=model)
    assert got["intent"] == "clarify"


@pytest.mark.parametrize(("text", "intent"), [
    ("pune net sales last month", "value"), ("total net sales last month", "value"),
    ("quick q - net sales last month", "value"), ("which city had the fewest bills in may", "rank"),
])
def test_members_and_plain_framing_before_a_figure_are_unchanged(text, intent):
    assert _ask(text, model=TEA)["intent"] == intent


def test_a_noun_after_a_member_says_what_the_member_is_of():
    got = _ask("pune store net sales last month", model=TEA)
    assert (got["intent"], got["subject"]) == ("value", {"dimension": "city", "value": "Pune"})


@pytest.mark.parametrize("text", ["what is the sales last month pls", "sales by city in q3"])
def test_a_catalogue_word_the_data_lacks_is_asked_back_offering_the_tenants_own_measure_first(text):
    parsed = parse(text, model=TEA, as_of=AS_OF)
    assert parsed.understanding.intent == "clarify"
    assert "Did you mean net sales?" in (parsed.clarification or "")
    assert parsed.suggestions[0] == "Net sales"


def test_a_missing_measure_sharing_no_word_lists_every_measure():
    parsed = parse("gross margin last month", model=TEA, as_of=AS_OF)
    assert "Did you mean" not in (parsed.clarification or "")
    assert set(parsed.suggestions) == {"Net sales", "Bills", "Kilos"}
