"""Tokens that were once good: of an earlier tenant generation, of a tombstoned tenant id, of a person
signed out everywhere, disabled or with a new password. And floods: sign-in guessing, asking."""
from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from tenants.errors import TenantIdRetired
from tenants.services import create_user, offboard_tenant, onboard_tenant
from tenants.tokens import issue_token
from tests.attack.ledger import Attempt, judge
from tests.attack.surface import kind_of, tenant_routes
from tests.attack.victim import plant, snapshot

PASSWORD = "victim-password-123"


def every_route(prober, victim, *, category: str, headers: dict[str, str]) -> None:
    """Each method of every tenant route, with the victim's ids where a kind is planted: a revoked token
    must be refused before any id is even looked at, so an unplanted kind gets a made-up id."""
    ids = victim.id_sets()[0]
    for route in tenant_routes():
        values = {}
        for param in route.params:
            try:
                values[param] = ids[kind_of(param, pattern=route.pattern)]
            except (AssertionError, KeyError, StopIteration):
                values[param] = "made-up-id"
        for method in route.methods:
            body = None if method in ("get", "head", "options", "delete") else {"text": "revenue"}
            prober.send(category=category, method=method, path=route.path(values), headers=headers, body=body)


def sign_in_from(prober, *, category: str, ip: str, email: str, password: str, headers: dict | None = None) -> Attempt:
    """One sign-in from the client address ``ip`` (the socket's peer, which no header can change)."""
    response = prober.client.post("/api/auth/token", {"email": email, "password": password},
                                  content_type="application/json", REMOTE_ADDR=ip, headers=headers or {})
    outcome = judge(status=response.status_code, body=response.content, marker=prober.marker, api=True)
    return prober.record(Attempt(category, f"POST /api/auth/token as {email} from {ip}", response.status_code,
                                 outcome, ""))


def sign_in(email: str, password: str = PASSWORD, *, ip: str = "198.51.100.1"):
    return APIClient().post("/api/auth/token", {"email": email, "password": password}, format="json",
                            REMOTE_ADDR=ip)


def test_tokens_of_an_earlier_tenant_generation_are_refused_everywhere(victim, prober):
    before = snapshot(victim)
    earlier = issue_token(tenant_id=victim.tenant.tenant_id, email="owner@victim-co.example", generation="earlier")
    every_route(prober, victim, category="token of an earlier tenant generation",
                headers={"Authorization": f"Bearer {earlier}"})
    assert prober.failures() == []
    assert prober.unexpected("token of an earlier tenant generation", {401}) == []
    assert snapshot(victim) == before


def test_a_deleted_tenants_id_cannot_be_taken_over(make_tenant, prober):
    gone = plant(make_tenant("recycled-co"), marker=prober.marker.decode())
    old = {"Authorization": f"Bearer {issue_token(tenant_id='recycled-co', email='owner@recycled-co.example')}"}
    offboard_tenant(tenant_id="recycled-co")
    with pytest.raises(TenantIdRetired):
        onboard_tenant(tenant_id="recycled-co", name="Impostor", owner_email="eve@impostor.example")
    every_route(prober, gone, category="token of a deleted tenant id", headers=old)
    assert prober.failures() == []
    assert prober.unexpected("token of a deleted tenant id", {401}) == []


@pytest.mark.parametrize("revoke", ["signed out everywhere", "disabled", "password changed"])
def test_a_revoked_persons_tokens_are_refused_everywhere(victim, prober, revoke):
    before = snapshot(victim)
    email = f"{revoke.replace(' ', '-')}@victim-co.example"
    user, _ = create_user(tenant_id=victim.tenant.tenant_id, email=email, password=PASSWORD)
    tokens = sign_in(email).json()
    access = {"Authorization": f"Bearer {tokens['access']}"}
    assert prober.client.get("/api/me", headers=access).status_code == 200
    if revoke == "signed out everywhere":
        assert prober.client.post("/api/auth/sign-out-everywhere", headers=access).status_code == 204
    else:
        user = get_user_model().objects.get(pk=user.pk)
        if revoke == "disabled":
            user.is_active = False
        else:
            user.set_password("a-new-password-456")
        user.save()
    category = f"token of a person {revoke}"
    every_route(prober, victim, category=category, headers=access)
    prober.send(category=category, method="post", path="/api/auth/refresh", body={"refresh": tokens["refresh"]})
    assert prober.failures() == []
    assert prober.unexpected(category, {401}) == []
    assert snapshot(victim) == before


@pytest.fixture
def tight(settings):
    settings.SALESTALK_THROTTLE_STORE = "dynamodb"
    settings.SALESTALK_SIGN_IN_MAX_FAILURES = 5
    settings.SALESTALK_SIGN_IN_LOCKOUT_SECONDS = 24 * 3600
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"sign_in_ip": "20/day", "ask_user": "5/day", "ask_tenant": "8/day"},
    }
    return settings


def test_guessing_from_one_address_locks_that_address_out_even_for_the_right_one(victim, prober, tight):
    create_user(tenant_id=victim.tenant.tenant_id, email="guessed@victim-co.example", password=PASSWORD)
    for n in range(15):
        sign_in_from(prober, category="sign-in: wrong passwords from one address", ip="203.0.113.50",
                     email="guessed@victim-co.example", password=f"guess-{n}")
    right = sign_in_from(prober, category="sign-in: the right password after 15 wrong", ip="203.0.113.50",
                         email="guessed@victim-co.example", password=PASSWORD)
    assert right.status == 429
    statuses = [a.status for a in prober.attempts if a.category == "sign-in: wrong passwords from one address"]
    assert statuses[:5] == [401] * 5 and set(statuses[5:]) == {429}
    # The lock is the attacker's address's, not the person's: anyone can type their email.
    assert sign_in("guessed@victim-co.example", ip="198.51.100.77").status_code == 200
    assert prober.failures() == []


def test_guessing_from_many_addresses_backs_the_account_off_without_locking_its_owner_out(victim, prober, tight):
    tight.SALESTALK_SIGN_IN_ACCOUNT_FREE_FAILURES = 10
    tight.SALESTALK_SIGN_IN_BACKOFF_SECONDS = 24 * 3600  # one slot for the whole test
    create_user(tenant_id=victim.tenant.tenant_id, email="sprayed@victim-co.example", password=PASSWORD)
    for n in range(30):  # six addresses in turn
        sign_in_from(prober, category="sign-in: wrong passwords from six addresses", ip=f"203.0.113.{n % 6}",
                     email="sprayed@victim-co.example", password=f"guess-{n}")
    statuses = [a.status for a in prober.attempts]
    assert statuses == [401] * 11 + [429] * 19  # ten free failures, then one attempt per slot
    held = sign_in_from(prober, category="sign-in: the right password from an address that guessed",
                        ip="203.0.113.1", email="sprayed@victim-co.example", password=PASSWORD)
    assert held.status == 429
    assert sign_in("sprayed@victim-co.example", ip="198.51.100.78").status_code == 200  # the owner, elsewhere
    assert prober.failures() == []


def test_one_address_cannot_spray_passwords_over_many_accounts(victim, prober, tight):
    for n in range(30):
        sign_in_from(prober, category="sign-in: one address, many accounts", ip="203.0.113.99",
                     email=f"person{n}@victim-co.example", password="Winter2025!",
                     headers={"X-Forwarded-For": f"10.9.9.{n}"})
    statuses = [a.status for a in prober.attempts]
    assert statuses[:20] == [401] * 20 and set(statuses[20:]) == {429}
    assert prober.failures() == []


def test_a_question_flood_is_cut_off_per_person_and_per_tenant(attacker, prober, tight):
    conversation = attacker.ids["conversation"][0]
    path = f"/api/chat/conversations/{conversation}/messages/"
    for person in ("flood-1", "flood-2", "flood-3"):
        headers = {"Authorization": "Bearer " + issue_token(tenant_id=attacker.tenant.tenant_id,
                                                            email=f"{person}@attacker-co.example")}
        for _ in range(7):
            prober.send(category="ask flood", method="post", path=path, headers=headers,
                        body={"text": "revenue last month"}, success_is_leak=False)
    statuses = [a.status for a in prober.attempts]
    # Per person 5, then 429; the tenant's 8 are used up during the second person's questions.
    assert [s == 429 for s in statuses[:7]] == [False] * 5 + [True] * 2
    assert [s == 429 for s in statuses[7:14]] == [False] * 3 + [True] * 4
    assert set(statuses[14:]) == {429}
    assert prober.failures() == []
