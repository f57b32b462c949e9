"""Members as people type them (issue 13): a camel-case brand said as its parts ("linked in", "tik tok",
"you-tube"), a typo of a name that is no ordinary word ("linkedn"), and a member beside a split by a grain
("pinecrest revenue by quarter"). The companies are shaped like none of the eval sets."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel

AS_OF = date(2026, 11, 20)


def _model(version: str, measures: tuple[str, ...], dimensions: dict[str, tuple[str, ...]]) -> SemanticModel:
    return company(version=version, columns=measures, dimensions=dimensions,
                   first_date=date(2024, 1, 1), last_date=date(2026, 10, 31))


ADS = _model("ads-d3", ("spend", "clicks"), {
    "platform": ("Google", "LinkedIn", "TikTok", "YouTube"), "client": ("Northwind", "Pinecrest"),
})
PHONES = _model("phones-d3", ("revenue", "units"), {
    "model": ("Galaxy", "iPhone", "Pixel"), "store": ("Harbour", "Mall"),
})
MARKETS = _model("markets-d3", ("revenue", "orders"), {
    "channel": ("Amazon", "eBay", "Etsy", "Shopify"), "payment": ("Card", "PayPal"),
})
COMPANIES = {"ads": ADS, "phones": PHONES, "markets": MARKETS}


def constraints(got: dict) -> dict[str, list[str]]:
    out = {k: list(v) for k, v in (got.get("filters") or {}).items()}
    if got.get("subject"):
        out.setdefault(got["subject"]["dimension"], []).append(got["subject"]["value"])
    return out


def read(text: str, name: str) -> dict:
    return parse(text, model=COMPANIES[name], as_of=AS_OF).understanding.as_json()


SAID_APART = [
    ("ads", "clicks on linked in last month", {"platform": ["LinkedIn"]}),
    ("ads", "spend on tik tok by client in q3", {"platform": ["TikTok"]}),
    ("ads", "clicks from you-tube last month", {"platform": ["YouTube"]}),
    ("phones", "units of the i phone at the mall store last month", {"model": ["iPhone"], "store": ["Mall"]}),
    ("markets", "orders on e bay paid with pay pal in 2025", {"channel": ["eBay"], "payment": ["PayPal"]}),
]


@pytest.mark.parametrize(("name", "text", "members"), SAID_APART, ids=[t for _, t, _ in SAID_APART])
def test_a_camel_case_name_said_as_its_parts_is_the_member(name, text, members):
    got = read(text, name)
    assert got["intent"] in ("value", "breakdown")
    assert constraints(got) == members


TYPOS = [
    ("ads", "clicks from linkedn since march", {"platform": ["LinkedIn"]}),
    ("ads", "spend on tiktk last month", {"platform": ["TikTok"]}),
    ("markets", "orders on shopfy in q3", {"channel": ["Shopify"]}),
]


@pytest.mark.parametrize(("name", "text", "members"), TYPOS, ids=[t for _, t, _ in TYPOS])
def test_one_typo_of_a_name_that_is_no_ordinary_word_is_forgiven(name, text, members):
    got = read(text, name)
    assert got["intent"] == "value"
    assert constraints(got) == members


BY_GRAIN = [
    ("ads", "pinecrest clicks by quarter", "pinecrest", {"client": ["Pinecrest"]}),
    ("phones", "pixel revenue by month", "pixel", {"model": ["Pixel"]}),
    ("markets", "etsy orders by year", "etsy", {"channel": ["Etsy"]}),
]


@pytest.mark.parametrize(("name", "text", "word", "members"), BY_GRAIN, ids=[t for _, t, _, _ in BY_GRAIN])
def test_a_member_before_a_split_by_a_grain_is_the_subject_of_every_row(name, text, word, members):
    got = read(text, name)
    assert got["intent"] == "breakdown"
    assert got["group_by"] in ("month", "quarter", "year")
    assert constraints(got) == members
    assert word not in [w.lower() for w in got["ignored"]]
