"""The tenant's own name said for the whole business (lb14.0 class): "how's quillfen doing", "quillfen revenue
last month", "quillfen outdoor's sales ytd" read as "we" / "the company" would, no member and no clarify; a
word of the name that is also a member, measure or dimension word stays that; "co", "group", "the" of a name
are no business word alone, nor an ordinary English word of it without the rest of the name.

Made-up companies unlike the eval sets: a tea importer "Quillfen Outdoor Group" and a bike courier
"Brassock & Co" whose zones include "Outdoor"."""
from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

import pytest
from django.core.management import call_command

from insights.tests.models import company
from insights.understanding.parser import parse
from metrics.services import import_dataset

AS_OF = date(2026, 3, 10)
TEA = company(version="tea-c1", columns=("revenue", "chests"), dimensions={
    "blend": ("Assam", "Darjeeling", "Oolong"), "buyer": ("Cafe", "Grocer"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
COURIER = company(version="courier-c1", columns=("fares", "drops"), dimensions={
    "zone": ("Outdoor", "Docklands", "Old Town"), "rider": ("Ines", "Marek"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
TEA_NAME, COURIER_NAME = "Quillfen Outdoor Group", "Brassock & Co"


def read(text: str, *, model, name: str) -> dict:
    return parse(text, model=model, as_of=AS_OF, company=name).understanding.as_json()


@pytest.mark.parametrize(("model", "name", "text"), [
    (TEA, TEA_NAME, "hows quillfen doing? need a line for the board deck"),
    (TEA, TEA_NAME, "how is Quillfen doing this quarter"),
    (TEA, TEA_NAME, "how's quillfen outdoor group been doing"),
    (COURIER, COURIER_NAME, "how's brassock doing?"),
    (COURIER, COURIER_NAME, "hows brassock & co doing lately"),
])
def test_how_the_company_is_doing_said_by_its_name_is_a_summary_of_the_business(model, name, text):
    got = read(text, model=model, name=name)
    assert got["intent"] == "summary", got
    assert not got.get("filters") and not got.get("subject")


@pytest.mark.parametrize(("model", "name", "text", "measure"), [
    (TEA, TEA_NAME, "quillfen revenue last month", "revenue"),
    (TEA, TEA_NAME, "Quillfen Outdoor's chests ytd", "chests"),
    (TEA, TEA_NAME, "what did the quillfen group make in revenue last month", "revenue"),
    (COURIER, COURIER_NAME, "brassock's fares last month", "fares"),
    (COURIER, COURIER_NAME, "total drops for Brassock in 2025", "drops"),
])
def test_a_figure_of_the_company_by_name_is_the_whole_business_figure(model, name, text, measure):
    got = read(text, model=model, name=name)
    assert (got["intent"], got["measure"]) == ("value", measure), got
    assert not got.get("filters") and not got.get("subject")


def test_without_the_name_the_same_word_is_still_asked_back():
    # the name is the tenant's, not a word the parser knows: another tenant's question naming it is unknown
    assert read("hows quillfen doing?", model=TEA, name="")["intent"] == "clarify"
    assert read("brassock's fares last month", model=COURIER, name=TEA_NAME)["intent"] == "clarify"


def test_a_word_of_the_name_that_is_a_member_stays_the_member():
    # "Outdoor" is one of the courier's zones: the courier named "Outdoor Brassock" still filters by it
    got = read("fares in outdoor last month", model=COURIER, name="Outdoor Brassock")
    assert got["filters"] == {"zone": ["Outdoor"]} or got.get("subject") == {"dimension": "zone",
                                                                               "value": "Outdoor"}, got


@pytest.mark.parametrize("text", ["how's the group doing on co fares", "how's outdoor doing"])
def test_generic_or_ordinary_words_of_a_name_alone_are_no_business_word(text):
    # "group", "co" name no company; "outdoor" alone is plain English, the business only beside "quillfen"
    before = read(text, model=TEA, name="")
    assert read(text, model=TEA, name=TEA_NAME) == before


def _csv() -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["date", "zone", "fares", "drops"])
    writer.writeheader()
    day = date(2025, 9, 1)
    while day <= date(2026, 2, 28):
        for zone, fares in (("Docklands", 30.0), ("Old Town", 20.0)):
            writer.writerow({"date": day.isoformat(), "zone": zone, "fares": fares, "drops": 3})
        day += timedelta(days=1)
    return out.getvalue().encode()


@pytest.mark.parametrize(("tenant_id", "name", "text"), [
    ("brassock", "Brassock & Co", "hows brassock doing? need a line for the board deck"),
    ("quillfen", "Quillfen Outdoor Group", "quillfen fares last month"),
])
def test_the_ask_command_reads_the_tenants_own_name_as_the_business(make_tenant, tenant_id, name, text):
    tenant = make_tenant(tenant_id, name=name)
    import_dataset(tenant=tenant, stream=io.BytesIO(_csv()), source="facts.csv", replace=False)
    out = io.StringIO()
    call_command("ask", tenant.tenant_id, text, "--json", "--as-of", AS_OF.isoformat(), stdout=out)
    answer = json.loads(out.getvalue().strip().splitlines()[-1])
    assert answer["understanding"]["intent"] in ("summary", "value"), answer["narrative"]
    assert answer["clarification"] is None
    assert answer["result"]["value"] == pytest.approx(50.0 * 28)  # February's fares over every zone
