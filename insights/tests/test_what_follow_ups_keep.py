"""What a follow-up keeps of the answer before, three classes seen on first-sight companies:

- "on them", "with those", "among them", "for those" point at the members the last answer was filtered to and keep
  them, even where the follow-up says its own measure and period, counts another dimension or says "total".
- A leading "also -", "also," set off before a question of its own ("what were X and Y in <period>?") is framing:
  the question stands alone, with no split inherited; a bare "also in <period>?" still leans on the last answer.
- "How many of those/them <verb> <member>" after a figure is that figure narrowed to the member (a value); "what
  share of those" and "how much of those" still ask for a part of a whole.

The companies: a cinema chain, a taproom group and a language school.
"""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import conversation, members, span
from insights.tests.models import company

AS_OF = date(2026, 5, 20)
LAST_MONTH = {"start": "2026-04-01", "end": "2026-04-30"}


def _company(version: str, measures: tuple[str, ...], dimensions: dict[str, tuple[str, ...]]):
    return company(version=version, columns=measures, dimensions=dimensions,
                   first_date=date(2024, 1, 1), last_date=date(2026, 5, 19))


CINEMAS = _company("cinemas-f1", ("box_office", "admissions", "concession_sales"), {
    "cinema": ("Odeonia Leith", "Filmhouse Quay", "Regal Brae"), "screen_format": ("Imax", "Dolby Atmos", "Standard"),
    "booking_channel": ("Website", "Kiosk", "Box Office"), "genre": ("Horror", "Animation", "Drama")})
TAPROOMS = _company("taprooms-f1", ("pints_poured", "keg_revenue", "growler_fills"), {
    "taproom": ("Northgate", "Canal Yard", "Old Mill"), "beer_style": ("Stout", "Pale Ale", "Sour"),
    "serving": ("Half Pint", "Schooner", "Flight")})
SCHOOL = _company("school-f1", ("lesson_hours", "enrolments", "course_fees"), {
    "campus": ("Valencia", "Porto", "Lyon"), "level": ("Beginner", "Advanced"),
    "referral": ("Agent", "Walk In", "Alumni")})


@pytest.mark.parametrize(("model", "turns", "group_by", "kept"), [
    (CINEMAS, ("how many cinemas screened horror in 2025?",
               "how many channels sold imax admissions on them last month"),
     "booking_channel", {"genre": ["Horror"], "screen_format": ["Imax"]}),
    (CINEMAS, ("how many cinemas screened horror in 2025?",
               "and how many formats had concession sales with those last month?"),
     "screen_format", {"genre": ["Horror"]}),
    (TAPROOMS, ("how many taprooms poured stouts in 2025?", "and in 2024?",
                "ok and how many servings sold growler fills among them last month"),
     "serving", {"beer_style": ["Stout"]}),
])
def test_a_count_said_of_them_keeps_the_last_members(model, turns, group_by, kept) -> None:
    got = conversation(*turns, model=model, as_of=AS_OF)
    assert (got["intent"], got["group_by"]) == ("count", group_by)
    assert members(got) == kept
    assert span(got["time"]) == LAST_MONTH


@pytest.mark.parametrize(("model", "turns", "kept"), [
    (TAPROOMS, ("keg revenue at canal yard in 2025", "total growler fills for those last month"),
     {"taproom": ["Canal Yard"]}),
    (SCHOOL, ("course fees in porto last year", "and total enrolments with them in april"), {"campus": ["Porto"]}),
])
def test_a_figure_said_of_them_keeps_the_last_members_and_reads_the_period_after_them(model, turns, kept) -> None:
    got = conversation(*turns, model=model, as_of=AS_OF)
    assert got["intent"] == "value"
    assert members(got) == kept
    assert span(got["time"]) == LAST_MONTH


@pytest.mark.parametrize(("model", "turns", "measure", "also", "time"), [
    (CINEMAS, ("box office and admissions by cinema last qtr",
               "also - what were admissions and concession sales in feb 2026?"),
     "admissions", ["concession_sales"], {"start": "2026-02-01", "end": "2026-02-28"}),
    (TAPROOMS, ("pints poured by taproom in 2025", "also, how many growler fills did we do last month?"),
     "growler_fills", [], LAST_MONTH),
    (SCHOOL, ("enrolments by campus last month", "thanks! also what were course fees in march 2026"),
     "course_fees", [], {"start": "2026-03-01", "end": "2026-03-31"}),
])
def test_also_set_off_before_a_question_of_its_own_is_framing(model, turns, measure, also, time) -> None:
    got = conversation(*turns, model=model, as_of=AS_OF)
    assert (got["intent"], got["group_by"], got["measure"]) == ("value", None, measure)
    assert list(got["also"]) == also
    assert span(got["time"]) == time
    assert "also" in got["ignored"]


def test_also_alone_before_a_period_still_leans_on_the_last_split() -> None:
    got = conversation("box office and admissions by cinema last qtr", "also in feb 2026?", model=CINEMAS,
                       as_of=AS_OF)
    assert (got["intent"], got["group_by"]) == ("breakdown", "cinema")
    assert span(got["time"]) == {"start": "2026-02-01", "end": "2026-02-28"}


@pytest.mark.parametrize(("model", "turns", "measure", "narrowed"), [
    (SCHOOL, ("how many enrolments did porto take last month?", "how many of those came from agents?"),
     "enrolments", {"campus": ["Porto"], "referral": ["Agent"]}),
    (CINEMAS, ("admissions for horror last month", "thanks - how many of them came thru the kiosk?"),
     "admissions", {"genre": ["Horror"], "booking_channel": ["Kiosk"]}),
    (TAPROOMS, ("growler fills at old mill last month", "and how many of these were sours?"),
     "growler_fills", {"taproom": ["Old Mill"], "beer_style": ["Sour"]}),
    (TAPROOMS, ("no need to be exact - how many pints did canal yard pour last month?",
                "ok direct question - how many of those were stouts?"),
     "pints_poured", {"taproom": ["Canal Yard"], "beer_style": ["Stout"]}),
])
def test_how_many_of_those_after_a_figure_is_the_figure_narrowed(model, turns, measure, narrowed) -> None:
    got = conversation(*turns, model=model, as_of=AS_OF)
    assert (got["intent"], got["measure"], got["group_by"]) == ("value", measure, None)
    assert members(got) == narrowed
    assert span(got["time"]) == LAST_MONTH


@pytest.mark.parametrize("follow_up", ["what share of those came from agents?", "how much of those came from agents?"])
def test_a_share_of_those_is_still_a_part_of_the_whole(follow_up: str) -> None:
    got = conversation("how many enrolments did porto take last month?", follow_up, model=SCHOOL, as_of=AS_OF)
    assert got["intent"] == "share"
    assert got["subject"] == {"dimension": "referral", "value": "Agent"}
    assert got["filters"] == {"campus": ["Porto"]}
