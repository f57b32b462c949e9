"""Refresh tokens rotate: each refresh answers a new pair and spends the token sent; a spent token sent again is
taken as stolen and ends every token of its person; of concurrent uses of one token exactly one wins."""
from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import jwt
import pytest
from django.conf import settings
from pynamodb.exceptions import PutError
from rest_framework.test import APIClient

from tenants import services
from tenants.models import SPENT_REFRESH_SK, Membership, SpentRefreshTokenItem, registry, spent_refresh_pk
from tenants.storage import bind
from tenants.tokens import CLOCK_SKEW_SECONDS, issue_token

PASSWORD = "correct-horse-battery"


@pytest.fixture
def ann(db, tenant):
    user, _ = services.create_user(tenant_id="acme", email="ann@acme.example", password=PASSWORD)
    return user


def sign_in() -> dict:
    response = APIClient().post("/api/auth/token", {"email": "ann@acme.example", "password": PASSWORD}, format="json")
    assert response.status_code == 200, response.content
    return response.json()


def refresh(token: str):
    return APIClient().post("/api/auth/refresh", {"refresh": token}, format="json")


def me(access: str) -> int:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client.get("/api/me").status_code


def claims(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})


def version(user) -> int:
    return Membership.objects.get(user=user).token_version


def test_a_refresh_answers_a_new_refresh_token_that_ends_when_the_first_would(ann):
    first = sign_in()
    answer = refresh(first["refresh"])
    assert answer.status_code == 200, answer.content
    rotated = answer.json()
    old, new = claims(first["refresh"]), claims(rotated["refresh"])
    assert new["jti"] != old["jti"] and new["token_use"] == "refresh"
    assert (new["sub"], new["gen"], new["ver"]) == (old["sub"], old["gen"], old["ver"])
    assert new["exp"] == old["exp"]  # rotation never lengthens a sign-in
    assert me(rotated["access"]) == 200
    again = refresh(rotated["refresh"])  # the chain goes on, each link once
    assert again.status_code == 200 and claims(again.json()["refresh"])["jti"] != new["jti"]


def test_the_spent_token_is_kept_by_its_id_until_it_would_expire(ann, tenant):
    token = sign_in()["refresh"]
    assert refresh(token).status_code == 200
    Spent = bind(SpentRefreshTokenItem, tenant=tenant)
    item = Spent.get(spent_refresh_pk(claims(token)["jti"]), SPENT_REFRESH_SK, consistent_read=True)
    assert item.expires_at == claims(token)["exp"] + CLOCK_SKEW_SECONDS
    assert item.user_id == str(ann.pk)
    assert token not in repr(item.attribute_values)


def test_a_spent_refresh_token_is_refused_in_the_error_envelope(ann):
    token = sign_in()["refresh"]
    assert refresh(token).status_code == 200
    reused = refresh(token)
    assert reused.status_code == 401
    assert reused["WWW-Authenticate"] == 'Bearer realm="salestalk"'
    error = reused.json()["error"]
    assert error["code"] == "refresh_token_reused" and "sign in again" in error["message"]
    assert set(reused.json()) == {"error"}


def test_reusing_a_refresh_token_ends_every_token_of_its_person(ann):
    other_device = sign_in()
    first = sign_in()
    rotated = refresh(first["refresh"]).json()
    before = version(ann)
    assert refresh(first["refresh"]).json()["error"]["code"] == "refresh_token_reused"
    assert version(ann) == before + 1
    for access in (first["access"], rotated["access"], other_device["access"]):
        assert me(access) == 401
    for token in (rotated["refresh"], other_device["refresh"]):
        response = refresh(token)
        assert response.status_code == 401 and response.json()["error"]["code"] == "token_revoked"
    assert version(ann) == before + 1  # a revoked token sent again bumps nothing more
    assert me(sign_in()["access"]) == 200  # signing in again works


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("racers", [2, 6])
def test_of_concurrent_uses_of_one_refresh_token_exactly_one_wins(tenant, racers):
    user, _ = services.create_user(tenant_id="acme", email="ann@acme.example", password=PASSWORD)
    token = sign_in()["refresh"]
    start = threading.Barrier(racers)

    def attempt(_: int):
        start.wait()
        return refresh(token)

    with ThreadPoolExecutor(max_workers=racers) as pool:
        answers = list(pool.map(attempt, range(racers)))
    won = [answer for answer in answers if answer.status_code == 200]
    lost = [answer.json()["error"]["code"] for answer in answers if answer.status_code != 200]
    assert len(won) == 1 and len(lost) == racers - 1
    # The first loser revokes; a later one may already find the token revoked.
    assert "refresh_token_reused" in lost and set(lost) <= {"refresh_token_reused", "token_revoked"}
    if racers == 2:
        assert lost == ["refresh_token_reused"]
    assert version(user) >= 1
    # The theft may have been the winner: its pair ends with every other token.
    assert me(won[0].json()["access"]) == 401
    assert refresh(won[0].json()["refresh"]).status_code == 401


def test_an_expired_refresh_token_is_refused_and_revokes_nothing(ann, tenant):
    token = issue_token(tenant_id="acme", email="ann@acme.example", user_id=str(ann.pk), kind="refresh", ttl=-1)
    before = version(ann)
    response = refresh(token)
    assert response.status_code == 401 and response.json()["error"]["code"] == "token_expired"
    assert version(ann) == before
    Spent = bind(SpentRefreshTokenItem, tenant=tenant)
    assert list(Spent.scan(Spent.pk.startswith("REFRESH#"))) == []


def test_a_refresh_token_without_an_id_is_refused(ann):
    now = int(time.time())
    token = jwt.encode({"iss": settings.SALESTALK_JWT_ISSUER, "aud": settings.SALESTALK_JWT_AUDIENCE,
                        "sub": str(ann.pk), "email": "ann@acme.example", "tenant_id": "acme",
                        "gen": registry().get("acme").generation, "ver": 0, "token_use": "refresh",
                        "iat": now, "exp": now + 600}, settings.SALESTALK_JWT_SECRET)
    response = refresh(token)
    assert response.status_code == 401 and response.json()["error"]["code"] == "token_invalid"


def test_a_retried_write_of_the_same_refresh_is_not_taken_for_a_reuse(ann, monkeypatch):
    """botocore retries a put whose answer was lost; the retry fails its condition on the write it repeats."""
    original = SpentRefreshTokenItem.save

    def applied_then_retried(self, *args, **kwargs):
        original(self, *args, **kwargs)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(SpentRefreshTokenItem, "save", applied_then_retried)
    first = sign_in()
    answer = refresh(first["refresh"])
    assert answer.status_code == 200, answer.content
    assert version(ann) == 0 and me(answer.json()["access"]) == 200


def test_a_store_failure_is_not_taken_for_a_reuse(ann, monkeypatch):
    def throttled(self, *args, **kwargs):
        raise PutError("throttled")

    monkeypatch.setattr(SpentRefreshTokenItem, "save", throttled)
    first = sign_in()
    with pytest.raises(PutError):
        refresh(first["refresh"])
    assert version(ann) == 0 and me(first["access"]) == 200
