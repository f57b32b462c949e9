"""Two word collisions of a tenant's own columns (issue 13, group B follow-up).

A column's whole name that is a catalogue word of another measure the tenant has ("gross profit" of a
gross_profit column beside gross margin, "sales" beside revenue, "volume" beside units) names two measures:
a clarify that offers both, each in words that read back as it. The name with its underscore, "the … column"
and the tenant's own edited words still name the column; where the other measure does not exist the name is
simply the column. A measure named by a word of change ("drop offs", "declines", "growth") is the measure,
not a change asked about; the verb said after another measure ("did revenue drop off") is still the verb.

Three made-up companies shaped like none of the eval sets: a pottery studio, an orchard without costs and a
kennel with columns named like catalogue words.
"""
from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel

KILN = company(
    version="kiln-1", columns=("revenue", "cost", "gross_profit", "firings", "drop_offs"),
    dimensions={"studio": ("Northgate", "Riverside"), "glaze": ("Celadon", "Tenmoku")},
    first_date=date(2024, 1, 1), last_date=date(2026, 10, 31),
)
ORCHARD = company(  # no cost column: no gross margin
    version="orchard-1", columns=("revenue", "gross_profit", "volume", "declines"),
    dimensions={"orchard": ("Hillside", "Brookfield"), "fruit": ("Apples", "Pears")},
    first_date=date(2024, 1, 1), last_date=date(2026, 10, 31),
)
KENNEL = company(
    version="kennel-1", columns=("revenue", "sales", "units", "volume", "growth", "returns"),
    dimensions={"site": ("Ashby", "Corwen"), "service": ("Boarding", "Grooming")},
    first_date=date(2024, 1, 1), last_date=date(2026, 10, 31),
)
AS_OF = date(2026, 11, 12)
LAST_MONTH = {"start": "2026-10-01", "end": "2026-10-31"}


def edited(model: SemanticModel, *, version: str, words: dict[str, tuple[str, ...]]) -> SemanticModel:
    """``model`` with the tenant's words for some measures, as ``metrics.model_edits`` lays them over it."""
    definitions = {name: m.model_copy(update={"words": words[name]}) if name in words else m
                   for name, m in model.definitions.items()}
    return dataclasses.replace(model, version=version, definitions=definitions)


def understood(text: str, model: SemanticModel) -> dict[str, Any]:
    got = parse(text, model=model, as_of=AS_OF).understanding.as_json()
    if got.get("time"):
        got["time"] = {k: got["time"][k] for k in ("start", "end")}
    return got


def check(text: str, model: SemanticModel, want: dict[str, Any]) -> None:
    got = understood(text, model)
    wrong = {k: got.get(k) for k, v in want.items() if got.get(k) != v}
    assert not wrong, f"{text!r}: got {wrong}, want {({k: want[k] for k in wrong})}"


SHARED_NAMES = [
    # (question, company, the measures the clarify must offer)
    ("gross profit last month?", KILN, {"gross_profit", "gross_margin"}),
    ("gross profits by studio last month", KILN, {"gross_profit", "gross_margin"}),
    ("what was gross profit at northgate in q3", KILN, {"gross_profit", "gross_margin"}),
    ("sales last month", KENNEL, {"sales", "revenue"}),
    ("volume by site last month", KENNEL, {"volume", "units"}),
]

THE_COLUMN = [
    # the name with its underscore, or "the … column": the column
    ("gross_profit last month", KILN, {"intent": "value", "measure": "gross_profit", "time": LAST_MONTH}),
    ("the gross profit column by studio last month", KILN,
     {"intent": "breakdown", "measure": "gross_profit", "group_by": "studio"}),
    ("revenue and gross_profit by glaze last month", KILN,
     {"intent": "breakdown", "measure": "revenue", "also": ["gross_profit"], "group_by": "glaze"}),
    ("the sales column last month", KENNEL, {"intent": "value", "measure": "sales"}),
    # no gross margin (no cost) and no units: the name is simply the column
    ("gross profit last month", ORCHARD, {"intent": "value", "measure": "gross_profit", "time": LAST_MONTH}),
    ("volume by orchard last month", ORCHARD, {"intent": "breakdown", "measure": "volume", "group_by": "orchard"}),
]

CATALOGUE_KEPT = [
    # the catalogue's other words keep their meaning beside the column
    ("profit last month", KILN, {"intent": "value", "measure": "gross_margin"}),
    ("margin by studio last month", KILN, {"intent": "breakdown", "measure": "gross_margin"}),
    ("gross margin last month", KILN, {"intent": "value", "measure": "gross_margin"}),
    ("revenue last month", KENNEL, {"intent": "value", "measure": "revenue"}),
    ("units by site last month", KENNEL, {"intent": "breakdown", "measure": "units"}),
    ("top line last month", KENNEL, {"intent": "value", "measure": "revenue", "compare_to": None}),
]

CHANGE_WORD_MEASURES = [
    # a measure named by a word of change is the measure, asked about as any other
    ("drop offs last month", KILN, {"intent": "value", "measure": "drop_offs", "compare_to": None}),
    ("drop-offs by studio last month", KILN, {"intent": "breakdown", "measure": "drop_offs", "group_by": "studio"}),
    ("declines last month", ORCHARD, {"intent": "value", "measure": "declines", "compare_to": None}),
    ("growth last month", KENNEL, {"intent": "value", "measure": "growth", "compare_to": None}),
    ("growth by service last month", KENNEL, {"intent": "breakdown", "measure": "growth", "group_by": "service"}),
    ("returns at ashby last month", KENNEL, {"intent": "value", "measure": "returns"}),
    # a change said about the measure, or the verb said after another measure, is still a change
    ("did drop offs drop last month", KILN, {"intent": "compare", "measure": "drop_offs"}),
    ("why did declines fall last month", ORCHARD, {"intent": "drivers", "measure": "declines"}),
    ("did revenue drop off last month", KILN, {"intent": "compare", "measure": "revenue", "also": []}),
    ("revenue declined last month", ORCHARD, {"intent": "compare", "measure": "revenue", "also": []}),
    ("revenue and drop offs last month", KILN, {"intent": "value", "measure": "revenue", "also": ["drop_offs"]}),
]


@pytest.mark.parametrize(("text", "model", "offered"), SHARED_NAMES)
def test_a_column_named_by_another_measures_word_is_asked_back_offering_both(text, model, offered):
    reply = parse(text, model=model, as_of=AS_OF)
    assert reply.understanding.intent == "clarify", f"{text!r}: {reply.understanding.intent}"
    # every suggestion reads back as one of the measures, and together they are the measures offered
    chosen = {parse(s, model=model, as_of=AS_OF).understanding.measure for s in reply.suggestions}
    assert chosen == offered, f"{text!r}: suggestions {reply.suggestions} read back as {chosen}"


@pytest.mark.parametrize(("text", "model", "want"), THE_COLUMN)
def test_the_column_by_its_own_spelling_or_where_nothing_else_shares_its_name(text, model, want):
    check(text, model, want)


@pytest.mark.parametrize(("text", "model", "want"), CATALOGUE_KEPT)
def test_the_catalogues_other_words_keep_their_meaning(text, model, want):
    check(text, model, want)


@pytest.mark.parametrize(("text", "model", "want"), CHANGE_WORD_MEASURES)
def test_a_measure_named_by_a_word_of_change_is_no_change_cue(text, model, want):
    check(text, model, want)


def test_the_tenants_edited_words_decide():
    # a word the tenant gave the column names it; with "gross profit" taken from gross margin, the name is
    # the column's alone
    own = edited(KILN, version="kiln-gp", words={"gross_profit": ("gross profit", "gross profits", "gp")})
    check("gp last month", own, {"intent": "value", "measure": "gross_profit"})
    assert understood("gross profit last month", own)["intent"] == "clarify"
    freed = edited(KILN, version="kiln-gm", words={"gross_margin": ("gross margin", "margin", "profit")})
    check("gross profit last month", freed, {"intent": "value", "measure": "gross_profit"})
    check("profit last month", freed, {"intent": "value", "measure": "gross_margin"})
