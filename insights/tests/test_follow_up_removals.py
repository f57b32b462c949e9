"""Follow-ups that take something away (removals.py): "remove X", "drop the filter", "take out X", "no
breakdown". The last question without what is named, everything else kept; a member it was not filtered to is
the "excluding" reading; with no answer before, a clarify. "Drop" as a change ("why did it drop", "did X drop",
"which … dropped the most") keeps its meaning, and a verb of removal is never an ignored word.

The companies are shaped like no eval set: a vet-clinic chain by species and service, a SaaS by plan and region,
and a bakery by shop and bread (multi-word members)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from insights.understanding.types import Understanding
from metrics.semantic import SemanticModel

AS_OF = date(2026, 7, 9)
JUNE = (date(2026, 6, 1), date(2026, 6, 30))


@dataclass(frozen=True)
class Shape:
    """A made-up company and its words: rows by ``split``, filters in ``dimension`` (members ``a`` and ``b``)."""

    model: SemanticModel
    measure: str
    other_measure: str
    split: str
    split_member: str
    dimension: str
    a: str
    b: str


CLINIC = Shape(company(version="clinic-r1", columns=("appointments", "revenue"), dimensions={
    "species": ("Dog", "Cat", "Rabbit"), "service": ("Vaccination", "Dental", "Surgery"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 6, 30)), "appointments", "revenue", "service", "Dental",
    "species", "Cat", "Rabbit")
SAAS = Shape(company(version="saas-r1", columns=("signups", "revenue"), dimensions={
    "plan": ("Starter", "Pro", "Enterprise"), "region": ("EMEA", "APAC", "Americas"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 6, 30)), "signups", "revenue", "region", "APAC", "plan",
    "Enterprise", "Starter")
BAKERY = Shape(company(version="bakery-r1", columns=("loaves", "revenue"), dimensions={
    "shop": ("Harbour Street", "Old Town", "Mill Lane"), "bread": ("Sourdough", "Seeded Rye", "Brioche"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 6, 30)), "loaves", "revenue", "shop", "Old Town", "bread",
    "Seeded Rye", "Brioche")
SHAPES = pytest.mark.parametrize("shape", [CLINIC, SAAS, BAKERY], ids=["clinic", "saas", "bakery"])


def conversation(shape: Shape, *texts: str) -> list[Understanding]:
    out, context = [], None
    for text in texts:
        context = parse(text, model=shape.model, as_of=AS_OF, context=context).understanding
        out.append(context)
    return out


def period(got: Understanding) -> tuple[date, date]:
    assert got.time is not None
    return got.time.start, got.time.end


def split_then_filtered(shape: Shape, *more: str) -> list[Understanding]:
    """"<measure> by <split> last month", "just <a>", then ``more``."""
    return conversation(shape, f"{shape.measure} by {shape.split} last month", f"just {shape.a.lower()}", *more)


@SHAPES
@pytest.mark.parametrize("verb", ["remove", "take out", "drop", "get rid of", "ditch", "lose", "clear", "forget",
                                  "ignore", "strip out", "can you drop", "pls remove", "ok, remove"])
def test_removing_the_member_filtered_to_gives_the_question_without_it(shape, verb):
    _, filtered, got = split_then_filtered(shape, f"{verb} {shape.a.lower()}")
    assert dict(filtered.constraints) == {shape.dimension: (shape.a,)}
    assert (got.intent, got.measure, got.group_by, period(got)) == ("breakdown", shape.measure, shape.split, JUNE)
    assert dict(got.constraints) == {}
    assert got.ignored == ()


@SHAPES
@pytest.mark.parametrize("said", ["take {a} out", "leave {a} out", "drop the {a} filter", "remove {a} please",
                                  "could you please remove {a}?", "remove {a} from it"])
def test_the_member_may_sit_inside_the_instruction(shape, said):
    *_, got = split_then_filtered(shape, said.format(a=shape.a.lower()))
    assert (got.intent, got.group_by, dict(got.constraints), got.ignored) == ("breakdown", shape.split, {}, ())


@SHAPES
def test_removing_one_of_two_members_keeps_the_other(shape):
    _, got = conversation(shape, f"{shape.measure} for {shape.a} and {shape.b} by {shape.split} last month",
                          f"remove {shape.b}")
    assert dict(got.constraints) == {shape.dimension: (shape.a,)}
    assert (got.intent, got.group_by, period(got)) == ("breakdown", shape.split, JUNE)


@SHAPES
def test_removing_a_member_not_filtered_to_is_everything_but_it(shape):
    _, got = conversation(shape, f"{shape.measure} last month", f"remove {shape.b}")
    others = tuple(m for m in shape.model.dimensions[shape.dimension] if m != shape.b)
    assert (got.intent, got.measure, period(got)) == ("value", shape.measure, JUNE)
    assert dict(got.constraints) == {shape.dimension: others}


@SHAPES
@pytest.mark.parametrize("said", ["remove the filter", "drop the filter", "clear all filters", "remove all the filters",
                                  "no filters", "undo the filter", "unfilter", "drop the {dimension} filter",
                                  "ignore the {dimension}", "remove {dimension}"])
def test_removing_the_filters_or_their_dimension_lifts_them(shape, said):
    *_, got = split_then_filtered(shape, said.format(dimension=shape.dimension.replace("_", " ")))
    assert (got.intent, got.measure, got.group_by, period(got)) == ("breakdown", shape.measure, shape.split, JUNE)
    assert dict(got.constraints) == {}


@SHAPES
@pytest.mark.parametrize("said", ["drop the split", "no breakdown", "remove the {split} split", "without the split",
                                  "remove the breakdown by {split}", "drop {split}"])
def test_removing_the_split_gives_the_figure_with_its_filters(shape, said):
    *_, got = split_then_filtered(shape, said.format(split=shape.split))
    assert (got.intent, got.measure, got.group_by, period(got)) == ("value", shape.measure, None, JUNE)
    assert dict(got.constraints) == {shape.dimension: (shape.a,)}


@SHAPES
def test_removing_the_split_of_a_ranking_gives_the_figure(shape):
    _, got = conversation(shape, f"top 2 {shape.split}s by {shape.measure} last month", "drop the split")
    assert (got.intent, got.group_by, got.order, got.limit, period(got)) == ("value", None, None, None, JUNE)


@SHAPES
def test_removing_a_filter_keeps_a_comparison(shape):
    first, got = conversation(shape, f"{shape.measure} for {shape.a} last month vs the month before",
                              f"remove {shape.a}")
    assert first.intent == "compare"
    assert (got.intent, got.compare_to, dict(got.constraints)) == ("compare", first.compare_to, {})


@SHAPES
def test_what_else_is_asked_is_a_follow_up_of_what_is_left(shape):
    *_, got = split_then_filtered(shape, f"remove {shape.a.lower()} and show {shape.other_measure}")
    assert (got.intent, got.measure, got.group_by, dict(got.constraints)) == (
        "breakdown", shape.other_measure, shape.split, {})


@SHAPES
@pytest.mark.parametrize("said", ["remove {a}", "drop the filter", "take out {a}", "no breakdown", "clear all filters"])
def test_with_no_answer_before_it_asks_back(shape, said):
    parsed = parse(said.format(a=shape.a.lower()), model=shape.model, as_of=AS_OF)
    assert parsed.understanding.intent == "clarify"
    assert "no earlier answer" in (parsed.clarification or "")


@SHAPES
@pytest.mark.parametrize("said", ["remove the filter", "drop the split", "remove the {split} split",
                                  "remove it", "ignore the {dimension}"])
def test_taking_away_what_the_last_answer_lacks_asks_back(shape, said):
    _, got = conversation(shape, f"{shape.measure} last month",
                          said.format(split=shape.split, dimension=shape.dimension))
    assert got.intent == "clarify"


@SHAPES
def test_the_filter_of_several_dimensions_asks_which(shape):
    _, got = conversation(shape, f"{shape.measure} for {shape.a} in {shape.split_member} last month",
                          "remove the filter")
    assert got.intent == "clarify"


@SHAPES
def test_drop_as_a_change_keeps_its_meaning(shape):
    m, a = shape.measure, shape.a.lower()
    assert conversation(shape, f"why did {m} drop last month")[0].intent == "drivers"
    did = conversation(shape, f"did {a} drop last month")[0]
    assert (did.intent, dict(did.constraints)) == ("compare", {shape.dimension: (shape.a,)})
    ranked = conversation(shape, f"which {shape.split} dropped the most last month")[0]
    assert (ranked.intent, ranked.group_by) == ("rank", shape.split)
    _, why = conversation(shape, f"{m} for {a} last month", "why did it drop")
    assert (why.intent, dict(why.constraints)) == ("drivers", {shape.dimension: (shape.a,)})
    _, noun = conversation(shape, f"{m} last month", f"drop in {a} {m}?")
    assert (noun.intent, dict(noun.constraints)) == ("compare", {shape.dimension: (shape.a,)})
    _, alone = conversation(shape, f"{m} for {a} last month", "drop?")
    assert alone.intent != "clarify" and dict(alone.constraints) == {shape.dimension: (shape.a,)}


def test_a_members_name_that_starts_like_a_verb_is_the_member():
    takeaway = company(version="takeaway-r1", columns=("orders", "revenue"), dimensions={
        "channel": ("Take Out", "Dine In"), "store": ("Leeds", "York"),
    }, first_date=date(2024, 1, 1), last_date=date(2026, 6, 30))
    first = parse("revenue in leeds last month", model=takeaway, as_of=AS_OF).understanding
    got = parse("take out orders", model=takeaway, as_of=AS_OF, context=first).understanding
    assert (got.measure, dict(got.constraints)) == ("orders", {"store": ("Leeds",), "channel": ("Take Out",)})


def test_a_member_filtered_to_is_removed_even_when_its_name_is_an_everyday_word():
    plans = company(version="plans-r1", columns=("signups", "revenue"), dimensions={
        "plan": ("Free", "Pro", "Team"), "source": ("Direct", "Partner"),
    }, first_date=date(2024, 1, 1), last_date=date(2026, 6, 30))
    first = parse("signups for Pro and Team last month", model=plans, as_of=AS_OF).understanding
    got = parse("remove team", model=plans, as_of=AS_OF, context=first).understanding
    assert dict(first.constraints) == {"plan": ("Pro", "Team")}
    assert (got.intent, dict(got.constraints)) == ("value", {"plan": ("Pro",)})


@SHAPES
@pytest.mark.parametrize("said", ["remove tiktok", "take out the weekend people", "remove {other}"])
def test_removing_what_no_filter_or_split_holds_asks_back_naming_it(shape, said):
    first = parse(f"{shape.measure} for {shape.a} last month", model=shape.model, as_of=AS_OF).understanding
    text = said.format(other=shape.other_measure)
    parsed = parse(text, model=shape.model, as_of=AS_OF, context=first)
    assert parsed.understanding.intent == "clarify"
    assert text.split(maxsplit=1)[1].removeprefix("out ") in (parsed.clarification or "")
    assert parsed.suggestions == (f"remove {shape.a}",)
