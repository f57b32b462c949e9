"""A slip of a member's name that is as near to a word of a figure is the member, never dropped for that figure.

"lift tickets at salne" of a resort Sälen: "salne" is one slip from "salen" and from the catalogue's "sale"; read as
"sale" the resort fell away and the whole business's total was answered. Made-up companies of other shapes.
"""
from __future__ import annotations

from datetime import date

from insights.tests.models import company
from insights.understanding.parser import parse

AS_OF = date(2026, 11, 15)


def _company(columns: tuple[str, ...], dimensions: dict[str, tuple[str, ...]]):
    return company(version="v1", columns=columns, dimensions=dimensions,
                   first_date=date(2024, 1, 1), last_date=date(2026, 11, 14))


def _read(question: str, model):
    return parse(question, model=model, as_of=AS_OF).understanding


def test_a_slip_of_an_accented_member_beats_a_catalogue_word():
    resorts = _company(("ticket_revenue", "lift_tickets"), {"resort": ("Sälen", "Åre", "Vemdalen")})
    understood = _read("lift tickets at salne last month", resorts)
    assert understood.measure == "lift_tickets"
    assert dict(understood.constraints) == {"resort": ("Sälen",)}


def test_a_slip_of_a_member_beats_a_catalogue_figure_the_data_lacks():
    wineries = _company(("covers", "bookings"), {"region": ("Marin", "Sonoma", "Napa")})
    for question in ("covers in margn last month", "covers at napa and margn last month"):
        understood = _read(question, wineries)
        assert understood.measure == "covers"
        assert "Marin" in dict(understood.constraints)["region"]


def test_a_slip_as_near_a_word_of_a_measure_already_named_is_the_member():
    shops = _company(("units_sold", "footfall"), {"shop": ("Salem", "Dover", "Leeds")})
    understood = _read("units sold at salme last month", shops)
    assert understood.measure == "units_sold"
    assert dict(understood.constraints) == {"shop": ("Salem",)}


def test_a_slip_of_the_only_measure_named_stays_that_measure():
    theatres = _company(("revenue", "seats"), {"venue": ("Revue", "Lyric")})
    understood = _read("revnue last month", theatres)
    assert understood.measure == "revenue"
    assert dict(understood.constraints) == {}


def test_keyword_slips_still_correct_where_no_member_is_near():
    shops = _company(("units_sold", "footfall"), {"shop": ("Salem", "Dover", "Leeds")})
    understood = _read("footfall in qurater 3", shops)
    assert (understood.time.start, understood.time.end) == (date(2026, 7, 1), date(2026, 9, 30))
    assert dict(_read("units sold last month at teh dover", shops).constraints) == {"shop": ("Dover",)}


def test_an_ordinary_word_one_slip_from_a_member_is_never_that_member():
    sites = _company(("units", "footfall"), {"site": ("Cafe", "Dock")})
    assert dict(_read("units at came last month", sites).constraints) == {}


def test_a_slip_as_near_a_member_as_a_second_figure_is_asked_back_naming_the_member():
    theatres = _company(("revenue", "seats"), {"venue": ("Revue", "Lyric")})
    for question in ("seats at revnue last month", "seats and revnue last month"):
        parsed = parse(question, model=theatres, as_of=AS_OF)
        assert parsed.understanding.intent == "clarify"
        assert "Revue" in parsed.clarification
    understood = _read("seats at revue last month", theatres)
    assert (understood.measure, dict(understood.constraints)) == ("seats", {"venue": ("Revue",)})
