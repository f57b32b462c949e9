"""What the counted members did, chat shorthand and chat asides (contract v2: "count", "ignored").

A count counts the members of its dimension with at least one fact in the period, so what they are said to have
done ("how many drivers were on the road", "… saw patients", "… made a sale") is framing, never a name to ask
about. Chat shorthand for the parser's own words ("btwn", "wkly", "w/o", "accts") is written out unless the
tenant's data has that word, and laughter or how the asker's day went ("lol", "ugh", "up since dawn") is framing,
even where a person of the data has that word for a first name.

The companies are shaped like none of the eval sets: a courier firm with drivers in provinces, a clinic group
whose providers see patients of several payer types, and a bakery chain with shift leads.
"""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import constraints, span
from insights.tests.models import company
from insights.understanding.abbreviations import chat_written_out
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel

AS_OF = date(2026, 3, 10)
COURIER = company(version="courier-g1", columns=("revenue", "deliveries"), dimensions={
    "driver": ("Dawn Fletcher", "Rose Okafor", "Marty Bell"), "province": ("Ontario", "Quebec", "Manitoba"),
    "depot": ("Westgate", "Harbour", "Northfield"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
CLINIC = company(version="clinic-g1", columns=("patient_visits", "new_patients", "revenue"), dimensions={
    "provider": ("Dr Amara Singh", "Dr Lee Park"), "site": ("Midtown", "Lakeside", "Westgate"),
    "payer_type": ("Hospital", "Insurer", "Self Pay"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
BAKERY = company(version="bakery-g1", columns=("loaves", "takings"), dimensions={
    "bakery": ("Canal Row", "Hill Top"), "shift_lead": ("Tom Reyes", "Ana Cruz"), "province": ("BC", "Alberta"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
OCT = {"start": "2025-10-01", "end": "2025-10-31"}
FEB = {"start": "2026-02-01", "end": "2026-02-28"}
JUNE = {"start": "2025-06-01", "end": "2025-06-30"}


def read(model: SemanticModel, text: str):
    return parse(text, model=model, as_of=AS_OF)


@pytest.mark.parametrize(("model", "text", "counted", "members", "time", "aside"), [
    (COURIER, "how many drivers were on the road in oct", "driver", {}, OCT, "road"),
    (COURIER, "how many drivers made a sale last month", "driver", {}, FEB, "made"),
    (COURIER, "how many drivers were working at westgate in june", "driver", {"depot": ["Westgate"]}, JUNE,
     "working"),
    (CLINIC, "how many providers saw patients at midtown last month?", "provider", {"site": ["Midtown"]}, FEB,
     "saw"),
    (CLINIC, "how many sites were open in oct", "site", {}, OCT, "open"),
    (BAKERY, "how many bakeries placed orders last month", "bakery", {}, FEB, "placed"),
])
def test_what_the_counted_members_did_is_framing(model, text, counted, members, time, aside):
    got = read(model, text).understanding.as_json()
    assert (got["intent"], got["group_by"]) == ("count", counted), got
    assert constraints(got) == members and span(got["time"]) == time
    assert aside in got["ignored"]


@pytest.mark.parametrize(("model", "text", "line"), [
    (COURIER, "how many drivers made over 100 deliveries last month", "over 100"),
    (COURIER, "how many drivers with more than 5 deliveries in oct", "more than 5"),
    (CLINIC, "how many providers saw above 10 patients last month", "above 10"),
    (CLINIC, "how many providers had at least 1,250 patient visits in 2025", "at least 1,250"),
])
def test_a_threshold_on_the_counted_members_is_asked_back_quoting_the_whole_line(model, text, line):
    got = read(model, text)
    assert got.understanding.intent == "clarify"
    assert f"those {line}" in got.clarification


@pytest.mark.parametrize(("model", "text", "members"), [
    (COURIER, "gap btwn ontario and quebec revenue in 2024?", {"province": ["Ontario", "Quebec"]}),
    (COURIER, "difference b/w ontario and quebec revenue in 2024", {"province": ["Ontario", "Quebec"]}),
    (COURIER, "revenue ontario v. quebec in 2024", {"province": ["Ontario", "Quebec"]}),
    (COURIER, "revenue w/o ontario in 2024", {"province": ["Quebec", "Manitoba"]}),
    (CLINIC, "lakeside revenue in 2024 came from hospital accts", {"site": ["Lakeside"], "payer_type": ["Hospital"]}),
])
def test_chat_shorthand_is_the_word_it_shortens(model, text, members):
    got = read(model, text).understanding.as_json()
    assert got["intent"] != "clarify", got
    assert constraints(got) == members and span(got["time"]) == {"start": "2024-01-01", "end": "2024-12-31"}


@pytest.mark.parametrize(("text", "grain"), [
    ("wkly patient visits over the last 8 weeks", "week"),
    ("mthly revenue in 2025", "month"),
    ("mnthly new patients in 2025", "month"),
    ("qtrly revenue in 2025", "quarter"),
])
def test_a_shortened_grain_asks_for_its_rows(text, grain):
    got = read(CLINIC, text).understanding.as_json()
    assert (got["intent"], got["time"]["grain"]) == ("trend", grain), got


def test_the_tenants_own_word_wins_over_a_shorthand():
    got = read(BAKERY, "takings in bc last month").understanding.as_json()
    assert constraints(got) == {"province": ["BC"]}
    assert chat_written_out("up bc of ontario", tenant_word=lambda w: w == "bc") == "up bc of ontario"
    assert chat_written_out("up bc of ontario", tenant_word=lambda _: False) == "up because of ontario"
    # a week ending and a "v." no two words stand beside are no shorthand of "with" or "versus"
    assert chat_written_out("w/e 5 jan, v. good", tenant_word=lambda _: False) == "w/e 5 jan, v. good"


@pytest.mark.parametrize("text", [
    "up since dawn lol, quick one for the QBR: revenue by province last month",
    "been up since 5, revenue by province last month",
    "long day. revenue by province last month lmao",
    "ugh revenue by province last month smh",
    "haha ok revenue by province last month",
])
def test_laughter_and_the_askers_day_are_framing(text):
    got = read(COURIER, text).understanding.as_json()
    assert (got["intent"], got["group_by"], constraints(got)) == ("breakdown", "province", {}), got
    assert span(got["time"]) == FEB


def test_a_first_name_that_is_an_everyday_word_is_the_person_where_a_name_is_said():
    got = read(COURIER, "revenue for dawn last month").understanding.as_json()
    assert constraints(got) == {"driver": ["Dawn Fletcher"]}


def test_the_last_word_of_a_dimensions_name_names_it_where_a_count_says_what_it_counts():
    got = read(BAKERY, "how many leads ran shifts at canal row this yr").understanding.as_json()
    assert (got["intent"], got["group_by"], constraints(got)) == ("count", "shift_lead", {"bakery": ["Canal Row"]})
    assert read(BAKERY, "leads by bakery").understanding.intent == "clarify"  # a figure this data lacks


@pytest.mark.parametrize(("model", "first", "then", "counted", "members"), [
    (BAKERY, "how many leads ran shifts at canal row this yr", "and at hill top?", "shift_lead",
     {"bakery": ["Hill Top"]}),
    (CLINIC, "how many providers saw patients at midtown last month", "and at lakeside?", "provider",
     {"site": ["Lakeside"]}),
])
def test_a_follow_up_after_such_a_count_stays_a_count(model, first, then, counted, members):
    before = read(model, first).understanding
    got = parse(then, model=model, as_of=AS_OF, context=before).understanding.as_json()
    assert (got["intent"], got["group_by"], constraints(got)) == ("count", counted, members), got
