"""Write floods with one valid token: conversations, insights, comments, links, uploads and tickets each cost
storage and work, so one person's writes are counted on every tenant endpoint (``write_user``) and past the
rate every write anywhere is a 429 in the envelope, with Retry-After, while reading and colleagues go on.
"""
from __future__ import annotations

import pytest

from tenants.services import create_user
from tenants.throttles import WriteThrottle
from tenants.tokens import issue_token
from tests.attack.surface import tenant_routes
from tests.attack.test_http_isolation import SAFE_METHODS, requests_for

pytestmark = pytest.mark.django_db  # people of the tenant are Django users
# The one write no flood may hold back (the remedy for a stolen token).
UNTHROTTLED = {"api/auth/sign-out-everywhere"}

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
    routes = [route for route in tenant_routes() if any(m not in SAFE_METHODS for m in route.methods)]
    assert {r.pattern for r in routes if WriteThrottle not in r.view.throttle_classes} == UNTHROTTLED
    writes = [(method, path, body) for route in routes if WriteThrottle in route.view.throttle_classes
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


def test_a_flood_with_a_stolen_token_cannot_hold_back_signing_out_everywhere(attacker, prober, tight):
    email = "robbed@attacker-co.example"
    user, _ = create_user(tenant_id=attacker.tenant.tenant_id, email=email, password="robbed-password-123")
    stolen = {"Authorization": "Bearer " + issue_token(tenant_id=attacker.tenant.tenant_id, email=email,
                                                       user_id=str(user.pk))}
    for n in range(WRITES + 3):
        prober.send(category="write flood: stolen token", method="POST", path="/api/chat/conversations/",
                    headers=stolen, body={"title": f"thief {n}"}, success_is_leak=False)
    assert [a.status for a in prober.attempts][-3:] == [429] * 3
    own = {"Authorization": "Bearer " + issue_token(tenant_id=attacker.tenant.tenant_id, email=email,
                                                    user_id=str(user.pk))}
    assert prober.client.post("/api/auth/sign-out-everywhere", headers=own).status_code == 204
    assert prober.client.get("/api/me", headers=stolen).status_code == 401
    assert prober.failures() == []
