"""Names with letters beyond ASCII ("Klövsjö", "Sør", "Müller Straße", "Crème Brûlée"): matched whole as written,
and typed without their marks as people do on an English keyboard ("klovsjo", "sor", "mueller strasse", "creme
brulee") as a plain match, not a typo; a typo of the plain spelling is forgiven as any typo is. A name whose
letters, folded, spell an everyday English word ("Fåll" → "fall", "Ön" → "on") is that word unless written with
its marks, with its capital inside a sentence, or where a member goes ("at fall", "and on?"), the rule for members
named like function words. Measures and dimensions named so are found the same way, and every answer keeps the
name's own spelling.

The companies are shaped like none of the eval sets: a Swedish ski-lodge group counted in lift passes, a
Norwegian bike-share, a German bakery chain and a French café group."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.letters import fold, marked, spelled_out
from insights.understanding.parser import parse
from insights.understanding.vocabulary import vocabulary_for
from metrics.measures import snake_case
from metrics.semantic import SemanticModel

AS_OF = date(2026, 3, 10)
FIRST, LAST = date(2024, 1, 1), date(2026, 2, 28)


def imported(version: str, columns: tuple[str, ...], dimensions: dict[str, tuple[str, ...]]) -> SemanticModel:
    """A model as an import builds it: each measure named in snake_case after its column as written."""
    return company(version=version, columns={snake_case(c): c for c in columns}, dimensions=dimensions,
                   first_date=FIRST, last_date=LAST)


LODGES = imported("uni-lodges", ("lift_passes", "revenue"), {
    "lodge": ("Klövsjö", "Björnrike", "Branäs", "Hovfjället", "Fåll"),
    "pass_type": ("Dag", "Vecka", "Säsong"),
})
BIKES = imported("uni-bikes", ("Turer", "Omsetning"), {
    "område": ("Sør", "Vest", "Innlandet", "Ön"),
    "stasjon": ("Drammen Åssiden", "Bærum Sandvika", "Tromsø", "Bodø"),
})
BAKERY = imported("uni-bakery", ("Umsatz", "Bestellungen"), {
    "filiale": ("Müller Straße", "Königsallee", "Köln Süd", "Weißensee"),
    "sortiment": ("Brötchen", "Kuchen", "Brot"),
})
CAFES = imported("uni-cafes", ("revenue", "Commandes"), {
    "café": ("Crème Brûlée", "Café du Marché", "Les Halles"),
    "channel": ("Sur Place", "À Emporter"),
})


def read(model: SemanticModel, text: str, context=None):
    return parse(text, model=model, as_of=AS_OF, context=context)


def members(model: SemanticModel, text: str, context=None) -> dict[str, tuple[str, ...]]:
    parsed = read(model, text, context)
    assert parsed.clarification is None, parsed.clarification
    return dict(parsed.understanding.constraints)


def found(model: SemanticModel, text: str) -> list[tuple[str, str | None, bool]]:
    vocab = vocabulary_for(model)
    low = fold(text.lower())
    return [(h.kind, h.value or h.name, h.fuzzy) for h in vocab.find(low, text)]


def test_folding_keeps_the_length_and_spells_out_what_has_no_plain_letter():
    for text in ("klövsjö", "sør", "müller straße", "crème brûlée", "bærum", "à emporter"):
        assert len(fold(text)) == len(text) and fold(text).isascii()
    assert fold("crème brûlée") == "creme brulee" and fold("sør") == "sor" and fold("straße") == "strase"
    assert spelled_out("müller straße") == "mueller strasse" and spelled_out("bærum") == "baerum"
    assert fold("ØST Bærum Åre") == "OST Barum Are"
    assert marked("Fåll") and marked("fåll") and not marked("fall") and not marked("москва")


@pytest.mark.parametrize(("model", "text", "dimension", "member"), [
    (LODGES, "lift passes at klövsjö last month", "lodge", "Klövsjö"),
    (LODGES, "why were hovfjället lift passes so low in february", "lodge", "Hovfjället"),
    (LODGES, "revenue for Branäs in 2025", "lodge", "Branäs"),
    (BIKES, "turer in sør last month", "område", "Sør"),
    (BIKES, "turer at bærum sandvika in january", "stasjon", "Bærum Sandvika"),
    (BAKERY, "umsatz at the müller straße last month", "filiale", "Müller Straße"),
    (BAKERY, "bestellungen köln süd in 2025", "filiale", "Köln Süd"),
    (CAFES, "revenue at crème brûlée last month", "café", "Crème Brûlée"),
    (CAFES, "commandes at café du marché in 2025", "café", "Café du Marché"),
])
def test_a_name_written_with_its_letters_is_its_member(model, text, dimension, member):
    assert members(model, text) == {dimension: (member,)}


@pytest.mark.parametrize(("model", "text", "dimension", "member"), [
    (LODGES, "lift passes at klovsjo last month", "lodge", "Klövsjö"),
    (LODGES, "revenue at hovfjallet in 2025", "lodge", "Hovfjället"),
    (LODGES, "lift passes for the sasong pass type last month", "pass_type", "Säsong"),
    (BIKES, "turer in sor vs vest last month", "område", "Sør"),
    (BIKES, "omsetning at tromso last month", "stasjon", "Tromsø"),
    (BIKES, "turer at drammen assiden in january", "stasjon", "Drammen Åssiden"),
    (BIKES, "turer at baerum sandvika in january", "stasjon", "Bærum Sandvika"),
    (BAKERY, "umsatz koenigsallee last month", "filiale", "Königsallee"),
    (BAKERY, "umsatz konigsallee last month", "filiale", "Königsallee"),
    (BAKERY, "bestellungen at muller strasse in 2025", "filiale", "Müller Straße"),
    (BAKERY, "bestellungen at mueller strasse in 2025", "filiale", "Müller Straße"),
    (BAKERY, "umsatz in weissensee last month", "filiale", "Weißensee"),
    (CAFES, "revenue at creme brulee last month", "café", "Crème Brûlée"),
    (CAFES, "commandes a emporter last month", "channel", "À Emporter"),
])
def test_a_name_typed_without_its_marks_is_its_member(model, text, dimension, member):
    got = members(model, text)
    assert got[dimension] and got[dimension][0] == member, got
    assert member in [v for kind, v, fuzzy in found(model, text) if kind == "member" and not fuzzy]  # no typo


@pytest.mark.parametrize(("model", "text", "member"), [
    (LODGES, "lift passes at bjornrkie last month", "Björnrike"),
    (BAKERY, "umsatz koenigsalee last month", "Königsallee"),
])
def test_a_typo_of_the_plain_spelling_is_forgiven_as_a_typo(model, text, member):
    assert member in [v for kind, v, fuzzy in found(model, text) if kind == "member" and fuzzy]


def test_a_follow_up_names_the_member_typed_plain():
    first = read(LODGES, "lift passes at branäs last month").understanding
    assert dict(read(LODGES, "and klovsjo?", first).understanding.constraints) == {"lodge": ("Klövsjö",)}
    bikes = read(BIKES, "turer at tromsø last month").understanding
    assert dict(read(BIKES, "and at bodo", bikes).understanding.constraints) == {"stasjon": ("Bodø",)}


@pytest.mark.parametrize("text", [
    "did lift passes fall in february",
    "why did revenue fall last month",
    "lift passes fall or rise in 2025?",
])
def test_an_everyday_word_that_a_name_folds_to_stays_the_word(text):
    assert "lodge" not in read(LODGES, text).understanding.constraints


@pytest.mark.parametrize("text", [
    "lift passes at fåll last month",
    "how did Fåll do last month",
    "lift passes at fall last month",
    "revenue for fall in 2025",
])
def test_that_name_counts_with_its_marks_its_capital_or_where_a_member_goes(text):
    assert members(LODGES, text) == {"lodge": ("Fåll",)}


def test_a_function_word_a_name_folds_to_needs_its_marks_or_a_members_place():
    assert "område" not in read(BIKES, "turer on the last day of january").understanding.constraints
    assert members(BIKES, "turer in ön last month") == {"område": ("Ön",)}
    first = read(BIKES, "turer in vest last month").understanding
    assert dict(read(BIKES, "and on?", first).understanding.constraints) == {"område": ("Ön",)}


def test_a_name_with_its_letters_is_read_whole_not_as_an_unknown_part():
    parsed = read(LODGES, "lift passes at hovfjället and klövsjö last month")
    assert parsed.clarification is None
    assert set(parsed.understanding.constraints["lodge"]) == {"Hovfjället", "Klövsjö"}
    unknown = read(LODGES, "lift passes at åsarna last month").clarification or ""
    assert "“åsarna”" in unknown  # asked back whole, as written


def test_letters_sent_as_a_letter_and_its_mark_are_one_name():
    assert members(LODGES, "lift passes at Klo\u0308vsjo\u0308 last month") == {"lodge": ("Klövsjö",)}


@pytest.mark.parametrize(("model", "text", "measure"), [
    (BIKES, "omsetning last month", "omsetning"),
    (BAKERY, "umsatz by filiale last month", "umsatz"),
])
def test_measures_of_plain_names_are_found(model, text, measure):
    assert read(model, text).understanding.measure == measure


def test_a_measure_whose_column_has_such_letters_is_found_by_them():
    shop = imported("uni-shop", ("Omsättning", "Besök"), {"butik": ("Malmö", "Lund")})
    for text, measure in (("omsättning i malmö last month", "Omsättning"), ("omsattning in lund last month",
                                                                            "Omsättning"),
                          ("besök in malmö last month", "Besök"), ("besok by butik last month", "Besök")):
        parsed = read(shop, text).understanding
        assert shop.definitions[parsed.measure].label == measure, (text, parsed)


@pytest.mark.parametrize(("model", "text", "dimension"), [
    (BIKES, "turer by område last month", "område"),
    (BIKES, "turer by omrade last month", "område"),
    (CAFES, "revenue by café in 2025", "café"),
    (CAFES, "revenue by cafe in 2025", "café"),
])
def test_a_dimension_named_with_such_letters_is_found_either_way(model, text, dimension):
    assert read(model, text).understanding.group_by == dimension


CREW = imported("uni-crew", ("bookings",), {
    "crew": ("Åsa Ström", "Jörg Müller", "Søren Dahl", "Linnea Berg", "Ørjan Holm"),
    "office": ("Göteborg", "Aarhus"),
})


@pytest.mark.parametrize(("text", "member"), [
    ("how did asa do last month", "Åsa Ström"),
    ("bookings for jörg in 2025", "Jörg Müller"),
    ("bookings for jorg in 2025", "Jörg Müller"),
    ("søren's bookings last month", "Søren Dahl"),
    ("did Ørjan sell more bookings than linnea in 2025", "Ørjan Holm"),
])
def test_people_named_with_such_letters_are_people_named_by_a_first_or_last_name(text, member):
    assert member in members(CREW, text)["crew"]


def test_a_word_with_such_letters_is_no_keyword_typo_in_pieces():
    assert members(LODGES, "lift passes at Hovfjället in febuary") == {"lodge": ("Hovfjället",)}
    assert read(LODGES, "lift passes at Hovfjället in febuary").understanding.time.start == date(2026, 2, 1)


@pytest.mark.parametrize("text", ["how is fjällresor doing this year", "how is Fjallresor doing this year",
                                  "lift passes at Fjällresor last month"])
def test_the_companys_own_name_with_such_letters_is_the_whole_business(text):
    parsed = parse(text, model=LODGES, as_of=AS_OF, company="Norrfjäll Fjällresor AB")
    assert parsed.clarification is None and not parsed.understanding.constraints, parsed


MARKETS = imported("uni-markets", ("revenue", "stalls"), {"market": ("Ås", "Åm", "Lyngby")})


@pytest.mark.parametrize("text", ["how am i doing on revenue this year", "is revenue up as much as last year",
                                  "stalls as a share of revenue last month"])
def test_function_words_that_names_fold_to_stay_words(text):
    assert "market" not in read(MARKETS, text).understanding.constraints


@pytest.mark.parametrize(("text", "member"), [
    ("revenue at ås last month", "Ås"), ("how did Åm do last month", "Åm"), ("stalls for åm in 2025", "Åm")])
def test_those_names_count_written_with_their_marks(text, member):
    assert members(MARKETS, text) == {"market": (member,)}
