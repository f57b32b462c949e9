"""Values at the ends of their types: dates at the calendar's first and last days, giant integers and
floats, in every query parameter and question that takes them. Each is answered or refused with the
envelope (400), never a 5xx from arithmetic past the calendar or an integer past the engine's.
"""
from __future__ import annotations

import json
from datetime import date

import pytest

from metrics.periods import GRAINS
from tests.attack.conftest import token_headers

pytestmark = pytest.mark.django_db

QUERY = "/api/metrics/query/"
# The calendar's ends, a day inside them, and dates past what any dataset may hold.
EDGE_DATES = ("0001-01-01", "0001-01-02", "1000-06-15", "9999-12-30", "9999-12-31")


@pytest.fixture
def bounds(settings) -> tuple[date, date]:
    return (date.fromisoformat(settings.SALESTALK_DATASET_MIN_DATE),
            date.fromisoformat(settings.SALESTALK_DATASET_MAX_DATE))


def test_a_query_period_past_the_dates_a_dataset_may_hold_is_refused(prober, attacker, bounds):
    headers = token_headers(attacker.tenant)
    lowest, highest = (day.isoformat() for day in bounds)
    spans = [(edge, edge) for edge in EDGE_DATES]
    spans += [(lowest, edge) for edge in EDGE_DATES if edge > lowest] + [(edge, highest) for edge in EDGE_DATES
                                                                         if edge < highest]
    for start, end in spans:
        for grain in (None, *GRAINS):
            query = f"start={start}&end={end}" + (f"&grain={grain}" if grain else "")
            attempt = prober.send(category="extreme values: query dates", method="GET", path=f"{QUERY}?{query}",
                                  headers=headers, success_is_leak=False)
            assert attempt.status == 400, attempt
            body = prober.client.get(f"{QUERY}?{query}", headers=headers).json()
            assert body["error"]["code"] == "invalid_query", body
            assert lowest in body["error"]["message"] and highest in body["error"]["message"]
    assert prober.failures() == []


def test_a_query_period_at_the_bounds_is_answered(prober, attacker, bounds):
    headers = token_headers(attacker.tenant)
    lowest, highest = (day.isoformat() for day in bounds)
    for grain in (None, "year", "quarter", "month"):
        query = f"start={lowest}&end={highest}" + (f"&grain={grain}" if grain else "")
        response = prober.client.get(f"{QUERY}?{query}", headers=headers)
        assert response.status_code == 200, (query, response.content[:300])
        assert response.json()["total"]["facts"] > 0  # the whole dataset lies inside the bounds


def test_giant_numbers_in_query_parameters_and_questions_never_break_the_server(prober, attacker):
    headers = token_headers(attacker.tenant)
    giant = "9" * 40
    for extra in (f"&limit={giant}", "&limit=9223372036854775808", f"&start={giant}-01-01", "&end=2025-13-45"):
        prober.send(category="extreme values: query numbers", method="GET",
                    path=f"{QUERY}?start=2025-01-01&end=2025-01-31{extra}", headers=headers, success_is_leak=False)
    conversation = prober.client.post("/api/chat/conversations/", data=json.dumps({"title": "edges"}),
                                      content_type="application/json", headers=headers).json()["id"]
    questions = [f"revenue {span}" for span in ("in 9999", "on 31 dec 9999 vs the day before", "in year 1",
                                                 "on 1 jan 0001 vs previous day", "in dec 9999 vs next month",
                                                 f"last {giant} days", "in the last 1000000 years")]
    questions += [f"top {giant} regions by revenue", "revenue above 1e308", f"revenue over {giant}"]
    for text in questions:
        prober.send(category="extreme values: questions", method="POST",
                    path=f"/api/chat/conversations/{conversation}/messages/", headers=headers,
                    body={"text": text}, success_is_leak=False)
    assert prober.failures() == []
