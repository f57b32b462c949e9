"""Share follow-ups, members written with symbols, and the nouns a business calls itself by (issue 13).

- A member whose name holds a symbol no word keeps ("16+", "C++", "A&E", "24/7") is that member wherever a
  member can be, also alone in a follow-up and before "?", "!", ",", "." (it was lost: the share before again).
- A share follow-up naming neither part nor rows: "the mix"/"split"/"breakdown" is every member's share of the
  dimension the answer was about; "as a share?" is the share of its one member; with nothing to go on, asked back.
  The first word of a dimension named "<word> <kind>" ("loaf" of loaf_type) names it, never ``ignored``.
- A follow-up naming exactly a member of the dimension the answer was about is that member, even where the words
  read as time ("4w" as four weeks, "annual" as a grain); about another dimension it stays asked back.
- A member kept from time still stands between the words around it: "than old mill last month" is no "than last
  month", "the autumnal last month" no "the last month" (the follow-up's own period, and the member, are kept).
- "the chain", "our practice", "the firm" are the whole business, unless the data has rows of that noun; "how's
  the chain tracking?" is its overview too, as "how's the business tracking?" is.

Made-up companies unlike the eval sets: a gym chain, a coding school, a hospital trust, a bakery, a two- and
four-wheeler insurer, a dental practice, a shoe wholesaler, a tea exporter and a group of spas."""
from __future__ import annotations

import re
from datetime import date

import pytest

from insights.answering.narrative import compose
from insights.answering.results import Result
from insights.tests.models import company
from insights.understanding.parser import parse
from insights.understanding.types import Period, Understanding
from metrics.semantic import SemanticModel

AS_OF = date(2026, 3, 10)
GYM = company(version="gym-s1", columns=("fees", "visits"), dimensions={
    "member_age": ("Under 16", "16+", "65+"), "club": ("Harrow", "Ealing", "Acton"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
SCHOOL = company(version="school-s1", columns=("tuition", "enrolments"), dimensions={
    "course": ("C++", "C#", "Rust"), "plan": ("Pay-as-you-go", "Annual", "24/7"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
HOSPITAL = company(version="hospital-s1", columns=("admissions", "bed_days"), dimensions={
    "unit": ("A&E", "ICU", "Maternity"), "ward": ("North", "South"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
BAKERY = company(version="bakery-s1", columns=("takings", "orders"), dimensions={
    "loaf_type": ("Sourdough", "Rye", "Brioche"), "bakery": ("Frome", "Wells"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
INSURER = company(version="insurer-s1", columns=("premiums", "policies"), dimensions={
    "vehicle": ("2W", "4W", "EV"), "city": ("Pune", "Nagpur"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
DENTIST = company(version="dentist-s1", columns=("fees", "appointments"), dimensions={
    "treatment": ("Checkup", "Filling", "Whitening"), "dentist": ("Okafor", "Lindqvist"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
SHOES = company(version="shoes-s1", columns=("revenue", "pairs"), dimensions={
    "brand": ("Asics", "Brooks"), "network": ("Retail", "Online"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
TEA = company(version="tea-s1", columns=("kilos", "sales"), dimensions={
    "country": ("EU", "UAE", "Japan"), "grade": ("First Flush", "Second Flush", "Autumnal"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
SPAS = company(version="spas-s1", columns=("bookings", "takings"), dimensions={
    "spa": ("The Lodge", "Old Mill", "Westgate", "Kingsway"), "treatment": ("Massage", "Facial"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
LAST_MONTH = ("2026-02-01", "2026-02-28")


def conversation(model: SemanticModel, *turns: str) -> list[dict]:
    """Each turn read after the last answered one, as the chat keeps it."""
    out, context = [], None
    for text in turns:
        understanding: Understanding = parse(text, model=model, as_of=AS_OF, context=context).understanding
        out.append(understanding.as_json())
        context = understanding if understanding.answered else context
    return out


def span(got: dict) -> tuple[str, str] | None:
    return (got["time"]["start"], got["time"]["end"]) if got.get("time") else None


def subject(got: dict) -> tuple[str, str] | None:
    return (got["subject"]["dimension"], got["subject"]["value"]) if got.get("subject") else None


@pytest.mark.parametrize(("model", "first", "follow", "member"), [
    (GYM, "what % of fees came from the 65+ members last year", "and 16+?", ("member_age", "16+")),
    (GYM, "what % of fees came from the 65+ members last year", "what about 16+!", ("member_age", "16+")),
    (GYM, "what % of fees came from the 65+ members last year", "and 16+, in 2024", ("member_age", "16+")),
    (SCHOOL, "share of tuition from rust last month", "and c++?", ("course", "C++")),
    (SCHOOL, "share of tuition from rust last month", "and C#.", ("course", "C#")),
    (SCHOOL, "what share of enrolments were pay-as-you-go last year", "and 24/7?", ("plan", "24/7")),
    (HOSPITAL, "what share of admissions went to icu last month", "and a&e?", ("unit", "A&E")),
])
def test_a_member_written_with_its_symbol_is_that_member_in_a_share_follow_up(model, first, follow, member):
    before, after = conversation(model, first, follow)
    assert before["intent"] == after["intent"] == "share", (before, after)
    assert subject(after) == member, after


@pytest.mark.parametrize(("model", "text", "member"), [
    (GYM, "fees from 16+ members last month", ("member_age", "16+")),
    (GYM, "16+ visits last month", ("member_age", "16+")),
    (SCHOOL, "enrolments for c++, last month", ("course", "C++")),
    (HOSPITAL, "admissions at a&e last month?", ("unit", "A&E")),
])
def test_a_member_written_with_its_symbol_is_that_member_in_a_question(model, text, member):
    (got,) = conversation(model, text)
    assert subject(got) == member, got


@pytest.mark.parametrize("follow", ["and 16+?", "what about 16+?"])
def test_a_symbol_member_alone_after_a_total_narrows_it(follow):
    _, got = conversation(GYM, "fees last month", follow)
    assert (got["intent"], subject(got)) == ("value", ("member_age", "16+")), got


@pytest.mark.parametrize(("model", "first", "follow", "rows"), [
    (GYM, "what % of fees came from the 65+ members last year", "whats the full mix?", "member_age"),
    (GYM, "what % of fees came from the 65+ members last year", "and the split?", "member_age"),
    (BAKERY, "what share of takings was sourdough in 2025", "and the breakdown?", "loaf_type"),
    (BAKERY, "what share of takings was sourdough in 2025", "whats the full loaf mix?", "loaf_type"),
    (BAKERY, "what share of takings was sourdough in 2025", "and the bakery split?", "bakery"),
    (HOSPITAL, "admissions by ward last month", "whats the mix?", "ward"),
])
def test_the_mix_after_a_share_is_every_members_share(model, first, follow, rows):
    before, got = conversation(model, first, follow)
    assert (got["intent"], got["group_by"], got["subject"]) == ("share", rows, None), got
    assert got["measure"] == before["measure"] and got["time"] == before["time"], got
    assert not got["ignored"], got


@pytest.mark.parametrize(("model", "text", "rows"), [
    (BAKERY, "loaf mix of takings in 2025", "loaf_type"),
    (BAKERY, "what share does each loaf have in 2025", "loaf_type"),
    (GYM, "club mix of visits last year", "club"),
])
def test_a_mix_by_a_dimensions_first_word_is_its_share(model, text, rows):
    (got,) = conversation(model, text)
    assert (got["intent"], got["group_by"]) == ("share", rows), got
    assert not got["ignored"], got


def test_a_dimensions_first_word_names_it_in_a_split_too():
    (got,) = conversation(BAKERY, "takings by loaf last month")
    assert (got["intent"], got["group_by"]) == ("breakdown", "loaf_type"), got


@pytest.mark.parametrize("follow", ["as a share?", "what % is that of the total?"])
def test_as_a_share_after_one_member_is_that_members_share(follow):
    _, got = conversation(BAKERY, "takings at frome last month", follow)
    assert (got["intent"], subject(got), got["filters"]) == ("share", ("bakery", "Frome"), {}), got


@pytest.mark.parametrize(("first", "follow"), [
    ("takings last month", "whats the mix?"),
    ("takings at frome last month", "whats the mix?"),
    ("rye takings at frome last month", "as a share?"),
])
def test_a_share_the_answer_before_does_not_place_is_asked_back(first, follow):
    _, got = conversation(BAKERY, first, follow)
    assert got["intent"] == "clarify", got


@pytest.mark.parametrize(("model", "first", "follow", "member"), [
    (INSURER, "what share of premiums came from ev policies this year", "and 4w?", ("vehicle", "4W")),
    (INSURER, "premiums for ev last month", "and 2w?", ("vehicle", "2W")),
    (INSURER, "premiums by vehicle last month", "and 4w?", ("vehicle", "4W")),
    (SCHOOL, "enrolments on pay-as-you-go last month", "and annual?", ("plan", "Annual")),
])
def test_an_exact_member_of_the_answers_dimension_beats_a_time_reading(model, first, follow, member):
    before, got = conversation(model, first, follow)
    assert subject(got) == member, got
    assert got["time"] == before["time"], got


@pytest.mark.parametrize(("model", "first", "follow", "dimension", "members"), [
    (SPAS, "kingsway vs westgate takings in 2024", "how much more takings did the lodge do than old mill last month?",
     "spa", ["Old Mill", "The Lodge"]),
    (SPAS, "the lodge vs old mill bookings in 2024", "how many more bookings did westgate do than kingsway last month",
     "spa", ["Kingsway", "Westgate"]),
])
def test_a_member_between_than_and_a_period_keeps_the_follow_ups_own_period(model, first, follow, dimension, members):
    _, got = conversation(model, first, follow)
    assert (span(got), sorted(got["filters"].get(dimension, []))) == (LAST_MONTH, sorted(members)), got


@pytest.mark.parametrize(("first", "follow", "rows", "member"), [
    ("how many countries took first flush in 2025?", "how many grades did the eu take last month",
     "grade", ("country", "EU")),
    ("how many countries took first flush in 2025?", "how many grades did the uae take last month",
     "grade", ("country", "UAE")),
    ("how many grades did japan take in 2025?", "how many countries took the autumnal last month",
     "country", ("grade", "Autumnal")),
])
def test_a_member_after_the_before_a_period_is_kept_in_a_count_follow_up(first, follow, rows, member):
    _, got = conversation(TEA, first, follow)
    assert (got["intent"], got["group_by"], span(got)) == ("count", rows, LAST_MONTH), got
    assert (subject(got), got["filters"]) == (member, {}), got


def test_a_time_like_member_of_another_dimension_stays_asked_back():
    _, got = conversation(INSURER, "premiums in pune last month", "and 4w?")
    assert got["intent"] == "clarify", got


def test_a_share_keeps_its_part_through_a_filter_said_with_a_typo():
    _, _, got = conversation(INSURER, "what share of premiums came from ev policies this year", "and 4w?",
                             "just in nagpr")
    assert (got["intent"], subject(got), got["filters"]) == ("share", ("vehicle", "4W"), {"city": ["Nagpur"]}), got


@pytest.mark.parametrize(("model", "text"), [
    (GYM, "hows the chain doing?"),
    (GYM, "how is our network performing this year"),
    (DENTIST, "how's the practice going?"),
    (DENTIST, "hows the firm doing lately"),
    (BAKERY, "how are the shops doing"),
    (BAKERY, "how's the brand doing"),
    (GYM, "how's the whole group doing"),
    (GYM, "hows the chain tracking?"),
    (DENTIST, "hey, how's our practice tracking"),
    (BAKERY, "hows the company tracking"),
])
def test_a_business_noun_as_the_subject_of_how_are_we_doing_is_a_summary(model, text):
    (got,) = conversation(model, text)
    assert got["intent"] == "summary", got
    assert not got["filters"] and got["subject"] is None, got


def test_a_member_after_the_business_summary_narrows_it():
    _, got = conversation(GYM, "hows the chain doing?", "and at ealing?")
    assert (got["intent"], subject(got)) == ("summary", ("club", "Ealing")), got


def test_a_member_after_the_business_tracking_narrows_its_overview():
    _, got = conversation(BAKERY, "hows the firm tracking?", "and for wells?")
    assert (got["intent"], subject(got)) == ("summary", ("bakery", "Wells")), got


@pytest.mark.parametrize(("model", "text"), [
    (GYM, "how's the chain's visits tracking this month"),
    (DENTIST, "hows the company's fees tracking"),
])
def test_a_figure_of_the_business_tracking_is_no_overview(model, text):
    (got,) = conversation(model, text)
    assert got["intent"] != "summary" and got["measure"] in model.measures, got


@pytest.mark.parametrize(("model", "text", "measure"), [
    (DENTIST, "the practice's fees last month", "fees"),
    (GYM, "visits for the whole chain in 2025", "visits"),
])
def test_a_figure_of_the_business_by_its_noun_is_the_whole_business_figure(model, text, measure):
    (got,) = conversation(model, text)
    assert (got["intent"], got["measure"], got["subject"], got["filters"]) == ("value", measure, None, {}), got


@pytest.mark.parametrize("text", ["how is the brand doing", "how's the network doing"])
def test_a_business_noun_the_data_has_rows_of_is_that_dimension(text):
    (got,) = conversation(SHOES, text)
    assert got["intent"] != "summary", got


def test_a_share_with_no_part_and_no_rows_says_its_whole_never_no_data():
    year = Period(date(2025, 1, 1), date(2025, 12, 31))
    text = compose(understanding=Understanding(intent="share", measure="orders", time=year),
                   result=Result(total=12_400.0), model=BAKERY, currency="GBP")
    assert "no data" not in text.lower(), text
    assert re.search(r"12[.,]4", text), text
    empty = compose(understanding=Understanding(intent="share", measure="orders", time=year),
                    result=Result(), model=BAKERY, currency="GBP")
    assert empty.startswith("There is no"), empty
