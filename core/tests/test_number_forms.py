"""English number forms: every reading for matching, the first one for display, one rule set for both."""
from __future__ import annotations

import pytest

from core.number_forms import (
    in_both_numbers,
    is_plural,
    other_numbers,
    plural,
    plural_forms,
    singular,
    singular_forms,
)


@pytest.mark.parametrize(("word", "others"), [
    ("batteries", ("battery",)), ("battery", ("batteries",)), ("brushes", ("brush",)), ("box", ("boxes",)),
    ("glasses", ("glass",)), ("glass", ("glasses",)), ("knives", ("knife",)), ("knife", ("knives",)),
    ("skus", ("sku",)), ("tickets", ("ticket",)), ("shoes", ("shoe",)), ("movies", ("movie",)),
    ("horses", ("horse",)), ("buses", ("bus",)), ("statuses", ("status",)), ("lenses", ("lens",)),
    ("ads", ("ad",)), ("kpis", ("kpi",)), ("taxis", ("taxi",)), ("analyses", ("analysis",)),
    ("quizzes", ("quiz",)), ("leaves", ("leaf", "leave")), ("tomatoes", ("tomato",)),
    ("ad", ("ads",)), ("tv", ("tvs",)), ("analysis", ("analyses",)), ("potato", ("potatoes",)),
    ("shelf", ("shelves",)), ("status", ("statuses",)),
])
def test_a_word_has_its_other_number(word, others):
    assert set(others) <= set(other_numbers(word))


@pytest.mark.parametrize("word", ["glass", "boss", "7", "o2", "us", "as", "price"])
def test_words_that_are_no_plural_have_no_singular(word):
    assert singular_forms(word) == ()
    assert word.isalpha() or plural_forms(word) == ()


@pytest.mark.parametrize("word", ["sales", "branches", "units", "series"])
def test_a_word_that_is_only_a_plural_has_no_plural(word):
    # "saleses" is nobody's word; the singular a "-s" word may also be ("lens") is read from its plural
    assert plural_forms(word) == ()


@pytest.mark.parametrize(("word", "plural_word"), [
    ("branches", True), ("ads", True), ("Orders", True), ("glass", False), ("bonus", False), ("kpis", False),
    ("analysis", False), ("as", False), ("o2s", False),
])
def test_a_word_reads_as_only_a_plural(word, plural_word):
    assert is_plural(word) is plural_word


@pytest.mark.parametrize(("name", "written"), [
    ("branch", "branches"), ("box", "boxes"), ("category", "categories"), ("class", "classes"),
    ("sales rep", "sales reps"), ("booking channel", "booking channels"), ("day", "days"), ("city", "cities"),
    ("status", "statuses"), ("campus", "campuses"), ("analysis", "analyses"), ("knife", "knives"),
    ("shelf", "shelves"), ("roof", "roofs"), ("cafe", "cafes"), ("photo", "photos"), ("waltz", "waltzes"),
    ("ad", "ads"), ("store", "stores"),
    # already plural, or no plural at all: as written
    ("species", "species"), ("series", "series"), ("sales", "sales"), ("skill sets", "skill sets"),
    ("unit 7", "unit 7"), ("o2", "o2"), ("", ""),
])
def test_a_name_in_the_plural_for_people(name, written):
    assert plural(name) == written


@pytest.mark.parametrize(("name", "written"), [
    ("orders", "order"), ("boxes", "box"), ("classes", "class"), ("categories", "category"),
    ("batches", "batch"), ("deliveries", "delivery"), ("bonuses", "bonus"), ("cases", "case"),
    ("purchases", "purchase"), ("houses", "house"), ("shoes", "shoe"), ("ads", "ad"), ("pies", "pie"),
    ("new customers", "new customer"),
    # no plural, or the same in both numbers: as written
    ("status", "status"), ("tickets sold", "tickets sold"), ("series", "series"), ("species", "species"),
    ("glass", "glass"), ("kpis", "kpis"),
])
def test_a_name_in_the_singular_for_people(name, written):
    assert singular(name) == written


def test_what_is_displayed_is_a_form_that_matches_and_turns_back():
    for name in ("branch", "box", "category", "class", "sales rep", "status", "analysis", "batch"):
        last = name.rpartition(" ")[2]
        assert plural(name).rpartition(" ")[2] in plural_forms(last)
        assert last in singular_forms(plural(name).rpartition(" ")[2])
        assert singular(plural(name)) == name


@pytest.mark.parametrize(("phrase", "forms"), [
    ("demo requests", ("demo requests", "demo request")), ("revenue", ("revenue", "revenues")),
    ("boxes", ("boxes", "box")), ("class", ("class", "classes")), ("active skus", ("active skus", "active sku",
                                                                                  "active skuses")),
    ("q1", ("q1",)),
])
def test_a_phrase_in_both_numbers(phrase, forms):
    assert in_both_numbers(phrase) == forms
