"""Names in either number, the tenant's own measure over a catalogue phrase it overlaps, and places no member is.

The companies are made up: a parts shop whose categories are plural nouns of every English spelling, a ticket
seller with no orders, venues one of which is named with a digit nowhere, and promoters named "… Live", and a
clinic with a dimension in "-sis" (diagnosis) and products whose names end in "s" ("Contact Lens"). The number
rules themselves are tested in core/tests/test_number_forms.py."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import conversation, members
from insights.tests.models import company
from insights.understanding.parser import parse

AS_OF = date(2025, 11, 15)
PARTS = company(version="e6-parts", columns=("revenue", "units", "orders"), dimensions={
    "category": ("Batteries", "Brakes", "Accessories", "Brushes", "Boxes", "Glasses", "Knives", "Gift Sets"),
    "sku": ("BAT-100", "BRK-200", "ACC-300"),
    "branch": ("Hope", "Leith", "Unit 7"),
}, first_date=date(2023, 1, 1), last_date=date(2025, 11, 30))
TICKETS = company(version="e6-tickets", columns=("tickets_sold", "ticket_revenue", "fees"), dimensions={
    "venue": ("The Roundhouse", "Arena North", "Corn Exchange", "The Jazz Cafe", "Barrowland"),
    "genre": ("Rock", "Jazz", "Comedy"),
    "promoter": ("Marchmont Live", "Meridian Live"),
    "sales_channel": ("Box Office", "Web", "App"),
}, first_date=date(2023, 1, 1), last_date=date(2025, 11, 30))


def ask(*turns: str, model=PARTS) -> dict:
    return conversation(*turns, model=model, as_of=AS_OF)


MEMBERS = [
    ("why did battery sales drop in jan??", "drivers", {"category": ["Batteries"]}),
    ("monthly battery units last 12 mo", "trend", {"category": ["Batteries"]}),
    ("battery sales trend", "trend", {"category": ["Batteries"]}),
    ("how far r we from 450 battery units this qtr", "pace", {"category": ["Batteries"]}),
    ("brush revenue last month", "value", {"category": ["Brushes"]}),
    ("box units in q3", "value", {"category": ["Boxes"]}),
    ("glass sales last month", "value", {"category": ["Glasses"]}),
    ("knife sales last month", "value", {"category": ["Knives"]}),
    ("accessory revenue at hope last month", "value", {"category": ["Accessories"], "branch": ["Hope"]}),
    ("gift set units last month", "value", {"category": ["Gift Sets"]}),
    ("battery and brake units last month", "breakdown", {"category": ["Batteries", "Brakes"]}),
    ("revenue at unit 7 last month", "value", {"branch": ["Unit 7"]}),
]


@pytest.mark.parametrize(("text", "intent", "named"), MEMBERS, ids=[t for t, _, _ in MEMBERS])
def test_a_member_is_named_in_either_number_word_by_word(text, intent, named):
    got = ask(text)
    assert got["intent"] == intent
    assert members(got) == named


CLINIC = company(version="e-clinic", columns=("revenue", "visits"), dimensions={
    "diagnosis": ("Sprain", "Fracture", "Tendinitis"),
    "product": ("Contact Lens", "Ski Pass", "Canvas"),
}, first_date=date(2023, 1, 1), last_date=date(2025, 11, 30))


@pytest.mark.parametrize(("text", "intent"), [
    ("revenue by diagnoses last month", "breakdown"), ("which diagnoses had the most visits last year", "rank"),
    ("how many diagnoses had visits last year", "count"),
])
def test_a_name_in_sis_is_named_by_its_plural_in_ses(text, intent):
    got = ask(text, model=CLINIC)
    assert (got["intent"], got["group_by"]) == (intent, "diagnosis")


@pytest.mark.parametrize(("text", "member"), [
    ("contact lenses revenue last month", "Contact Lens"), ("canvases revenue last month", "Canvas"),
    ("ski passes revenue last month", "Ski Pass"),
])
def test_a_member_whose_name_ends_in_s_is_named_by_its_plural(text, member):
    # read back from the plural ("lenses" → "lens"): a name in "-s" is given no plural form of its own
    got = ask(text, model=CLINIC)
    assert got["intent"] == "value"
    assert members(got) == {"product": [member]}


def test_a_member_named_without_its_plural_is_left_out_of_a_total_as_written():
    got = ask("revenue excluding battery last month")
    assert got["intent"] == "value"
    assert "Batteries" not in members(got)["category"]
    assert len(members(got)["category"]) == len(PARTS.dimensions["category"]) - 1


@pytest.mark.parametrize("text", ["units at unit 9 last month", "sales at unit 9 last month"])
def test_a_numbered_name_no_member_has_is_asked_about_offering_the_one_like_it(text):
    got = parse(text, model=PARTS, as_of=AS_OF)
    assert got.understanding.intent == "clarify"
    assert "“unit 9”" in (got.clarification or "")
    assert got.suggestions == ("Unit 7",)


SHOP = company(version="e6-shop", columns=("revenue", "units"), dimensions={
    "department": ("Parts", "Services", "Gift Sets"), "store": ("Leeds", "York"),
}, first_date=date(2023, 1, 1), last_date=date(2025, 11, 30))


def test_a_members_other_number_that_is_an_everyday_word_is_the_word():
    got = ask("what part of revenue came from leeds last month", model=SHOP)
    assert got["intent"] == "share"
    assert members(got) == {"store": ["Leeds"]}


def test_a_members_other_number_that_is_an_everyday_word_is_asked_about_before_a_figure():
    got = parse("service revenue last month", model=SHOP, as_of=AS_OF)
    assert got.understanding.intent == "clarify"
    assert "Services" in got.suggestions


@pytest.mark.parametrize("text", ["ticket revenue per ticket sold by genre in 2025",
                                  "ticket revenue per ticket in 2025", "fees per ticket sold last quarter"])
def test_a_measure_said_in_the_singular_divides(text):
    got = ask(text, model=TICKETS)
    assert got["intent"] in ("value", "breakdown")
    assert got["per"] == "tickets_sold"


def test_per_a_word_two_counts_open_on_is_asked_about():
    refunds = company(version="e6-refunds", columns=("tickets_sold", "tickets_refunded", "ticket_revenue"),
                      dimensions=dict(TICKETS.dimensions), first_date=TICKETS.first_date, last_date=TICKETS.last_date)
    got = parse("ticket revenue per ticket in 2025", model=refunds, as_of=AS_OF)
    assert got.understanding.intent == "clarify"
    assert "per ticket" in (got.clarification or "")


def test_the_tenants_measure_beats_a_catalogue_phrase_it_overlaps():
    got = ask("average ticket revenue per venue last quarter", model=TICKETS)
    assert (got["intent"], got["measure"], got["per"]) == ("value", "ticket_revenue", "venue")
    follow = ask("average ticket revenue per venue last quarter", "break that down by genre", model=TICKETS)
    assert (follow["intent"], follow["measure"], follow["group_by"]) == ("breakdown", "ticket_revenue", "genre")


def test_a_catalogue_phrase_the_data_lacks_is_still_asked_about_alone():
    got = parse("average order value last month", model=TICKETS, as_of=AS_OF)
    assert got.understanding.intent == "clarify"
    assert "average order value" in (got.clarification or "")


@pytest.mark.parametrize(("text", "name"), [
    ("tickets sold at the o2 academy last month", "o2 academy"),
    ("tickets sold at o2 last month", "o2"),
    ("ticket revenue for the ovo hydro last month", "ovo hydro"),
])
def test_an_unknown_place_is_asked_about_never_dropped(text, name):
    got = parse(text, model=TICKETS, as_of=AS_OF)
    assert got.understanding.intent == "clarify"
    assert f"“{name}”" in (got.clarification or "")
    assert got.suggestions


def test_an_unknown_name_with_digits_is_asked_about():
    got = parse("revenue for b2b last month", model=PARTS, as_of=AS_OF)
    assert got.understanding.intent == "clarify"
    assert "b2b" in (got.clarification or "")


def test_a_known_place_after_the_article_is_named():
    assert members(ask("tickets sold at the jazz cafe last month", model=TICKETS)) == {"venue": ["The Jazz Cafe"]}


@pytest.mark.parametrize(("text", "intent", "group_by"), [
    ("how many sales channels were live in h1 2024", "count", "sales_channel"),
    ("how many promoters were live last month", "count", "promoter"),
    ("which promoters were live in 2024", "breakdown", "promoter"),
])
def test_an_ordinary_word_said_of_the_things_is_no_part_of_a_name(text, intent, group_by):
    got = ask(text, model=TICKETS)
    assert (got["intent"], got["group_by"]) == (intent, group_by)
    assert members(got) == {}


def test_an_ordinary_word_that_is_part_of_names_said_as_a_name_is_asked_about():
    got = parse("how did live do last month", model=TICKETS, as_of=AS_OF)
    assert got.understanding.intent == "clarify"
    assert "Marchmont Live" in got.suggestions


def test_the_counted_noun_said_again_in_a_follow_up_keeps_the_count():
    got = ask("how many skus did we sell last month", "at hope?", "and just brakes skus there")
    assert (got["intent"], got["group_by"]) == ("count", "sku")
    assert members(got) == {"branch": ["Hope"], "category": ["Brakes"]}


def test_a_split_asked_after_a_count_is_a_breakdown():
    got = ask("how many skus did we sell last month", "break it down by category")
    assert (got["intent"], got["group_by"]) == ("breakdown", "category")


def test_an_article_opening_members_names_is_no_persons_name():
    venues = company(version="e6-venues", columns=("tickets_sold",), dimensions={
        "venue": ("The Roundhouse", "Arena North", "Corn Exchange"), "genre": ("Rock", "Jazz"),
    }, first_date=date(2023, 1, 1), last_date=date(2025, 11, 30))
    got = parse("tickets sold at the o2 academy last month", model=venues, as_of=AS_OF)
    assert got.understanding.intent == "clarify"
    assert "“o2 academy”" in (got.clarification or "")


@pytest.mark.parametrize(("text", "intent"), [
    ("how many tickets did we sell last month", "value"),
    ("tickets by venue last month", "breakdown"),
])
def test_the_thing_a_count_counts_names_it_beside_an_amount_of_it(text, intent):
    got = ask(text, model=TICKETS)
    assert (got["intent"], got["measure"]) == (intent, "tickets_sold")


def test_a_figure_other_companies_hold_is_still_asked_about_without_such_a_column():
    got = parse("how many tickets did we sell last month", model=PARTS, as_of=AS_OF)
    assert got.understanding.intent == "clarify"
    assert "tickets" in (got.clarification or "")


@pytest.mark.parametrize("text", ["revenue at acme's last month", "revenue for acme last month"])
def test_an_unknown_name_where_a_member_goes_is_never_put_right_into_an_everyday_word(text):
    got = parse(text, model=PARTS, as_of=AS_OF)
    assert got.understanding.intent == "clarify"
    assert "“acme”" in (got.clarification or "")


def test_a_calendar_word_after_a_preposition_is_still_put_right():
    got = ask("revenue in novmeber 2024")
    assert (got["intent"], got["time"]["start"]) == ("value", "2024-11-01")
