"""A follow-up naming a place or name the data lacks ("and tasmania?", "what about the yukon?") is a clarify
naming the closest members, exactly as the standalone question ("litres in tasmania") is (contract v2,
"Members": a name that matches nothing is never dropped silently). Answering it as the previous question with no
filter would be a number for another question.

The companies are shaped like none of the eval sets: an orchard selling by county and fruit, and a ski school
with resorts and lesson kinds."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import Parse, parse
from metrics.semantic import SemanticModel

AS_OF = date(2026, 5, 20)
ORCHARD = company(version="orchard-u1", columns=("crates", "revenue"), dimensions={
    "county": ("Kent", "Devon", "Somerset"), "fruit": ("Apple", "Pear", "Plum"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 4, 30))
SKI = company(version="ski-u1", columns=("lessons", "fees"), dimensions={
    "resort": ("Zermatt", "Verbier", "Chamonix"), "lesson": ("Private", "Group"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 4, 30))


def turns(model: SemanticModel, *texts: str) -> list[Parse]:
    out, context = [], None
    for text in texts:
        parsed = parse(text, model=model, as_of=AS_OF, context=context)
        out.append(parsed)
        context = parsed.understanding
    return out


@pytest.mark.parametrize(("model", "first", "follow_up", "unknown"), [
    (ORCHARD, "what % of crates came from kent ytd", "and cornwall?", "cornwall"),
    (ORCHARD, "crates of pears in devon last month", "what about norfolk", "norfolk"),
    (ORCHARD, "revenue by fruit in somerset this year", "how about the lincolnshire?", "lincolnshire"),
    (SKI, "lessons at zermatt last month", "and aspen?", "aspen"),
    (SKI, "fees for group lessons in q1", "ok and whistler?", "whistler"),
    (SKI, "top resort by fees last quarter", "what about courchevel then?", "courchevel"),
])
def test_a_follow_up_naming_no_member_asks_back_with_the_closest_members(model, first, follow_up, unknown):
    before, after = turns(model, first, follow_up)
    assert before.understanding.intent != "clarify"
    assert after.understanding.intent == "clarify"
    assert f"“{unknown}”" in (after.clarification or "")
    members = {m for values in model.dimensions.values() for m in values}
    assert after.suggestions and set(after.suggestions) <= members


@pytest.mark.parametrize(("model", "standalone"), [(ORCHARD, "crates in cornwall last month"),
                                                   (SKI, "lessons at aspen last month")])
def test_the_same_name_asked_alone_is_the_same_clarify(model, standalone):
    (alone,) = turns(model, standalone)
    assert alone.understanding.intent == "clarify"


@pytest.mark.parametrize(("model", "first", "follow_up", "dimension", "member"), [
    (ORCHARD, "crates in kent last month", "and devon?", "county", "Devon"),
    (ORCHARD, "crates in kent last month", "what about plums", "fruit", "Plum"),
    (ORCHARD, "crates in kent last month", "and somerst?", "county", "Somerset"),
    (SKI, "lessons at zermatt last month", "and verbier?", "resort", "Verbier"),
    (SKI, "lessons at zermatt last month", "how about private", "lesson", "Private"),
])
def test_a_follow_up_naming_a_member_still_answers_for_it(model, first, follow_up, dimension, member):
    _, after = turns(model, first, follow_up)
    assert after.understanding.intent == "value"
    assert after.understanding.constraints.get(dimension) == (member,)


@pytest.mark.parametrize(("follow_up", "intent"), [("and overall?", "value"), ("and why?", "drivers"),
                                                   ("and weekly?", "trend"), ("and yoy?", "compare"),
                                                   ("what about revenue?", "value"),
                                                   ("and as a share?", "share")])
def test_a_follow_up_of_ordinary_words_is_no_unknown_name(follow_up, intent):
    _, after = turns(ORCHARD, "crates in kent last month", follow_up)
    assert after.understanding.intent == intent
