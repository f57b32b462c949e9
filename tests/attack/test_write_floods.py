"""Write floods with one valid token: conversations, insights, comments, links, uploads and tickets each cost
storage and work, so one person's writes are counted on every tenant endpoint (``write_user``) and past the
rate every write anywhere is a 429 in the envelope, with Retry-After, while reading and colleagues go on.
"""
from __future__ import annotations

import pytest

from tenants.tokens import issue_token
from tests.attack.surface import tenant_routes
from tests.attack.test_http_isolation import SAFE_METHODS, requests_for

WRITES = 6


def person(tenant_id: str, name: str) -> dict[str, str]:
    return {"Authorization": "Bearer " + issue_token(tenant_id=tenant_id, email=f"{name}@{tenant_id}.example")}


@pytest.fixture
def tight(settings):
    settings.SALESTALK_THROTTLE_STORE = "dynamodb"  # the store every instance shares
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "write_user": f"{WRITES}/day"},
    }
    return settings


def test_one_persons_writes_are_cut_off_on_every_endpoint(attacker, prober, tight):
    tenant = attacker.tenant.tenant_id
    flooder = person(tenant, "flooder")
    for n in range(WRITES):
        attempt = prober.send(category="write flood: within the rate", method="POST", path="/api/chat/conversations/",
                              headers=flooder, body={"title": f"flood {n}"}, success_is_leak=False)
        assert attempt.status == 201, attempt
    writes = [(method, path, body) for route in tenant_routes()
              for method, path, body, _ in requests_for(route, attacker.id_sets()[0]) if method not in SAFE_METHODS]
    assert {method for method, _, _ in writes} >= {"post", "patch", "put", "delete"}
    for method, path, body in writes:
        prober.send(category="write flood: past the rate", method=method, path=path, headers=flooder, body=body)
    assert prober.unexpected("write flood: past the rate", {429}) == []
    answer = prober.client.post("/api/chat/conversations/", data={"title": "one more"},
                                content_type="application/json", headers=flooder)
    assert answer.status_code == 429 and int(answer["Retry-After"]) > 0
    assert prober.failures() == []

    # Reading goes on, and a colleague's writes are their own.
    assert prober.client.get("/api/chat/conversations/", headers=flooder).status_code == 200
    colleague = prober.client.post("/api/chat/conversations/", data={"title": "mine"},
                                   content_type="application/json", headers=person(tenant, "colleague"))
    assert colleague.status_code == 201
