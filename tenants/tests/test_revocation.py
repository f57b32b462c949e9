"""Tokens end when their tenant or user no longer stands behind them: tombstoned tenant ids, generations,
token versions (password change, disable, delete, sign out everywhere), lifetimes and claim shapes."""
from __future__ import annotations

import time

import jwt
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from tenants import services
from tenants.errors import TenantIdRetired, TenantUnavailable, TokenRevoked
from tenants.identity import recheck
from tenants.models import Membership, registry
from tenants.tokens import issue_token

PASSWORD = "correct-horse-battery"


def bearer(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def sign_in(email: str = "ann@acme.example", password: str = PASSWORD) -> dict:
    response = APIClient().post("/api/auth/token", {"email": email, "password": password}, format="json")
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def ann(db, tenant):
    user, _ = services.create_user(tenant_id="acme", email="ann@acme.example", password=PASSWORD)
    return user


def refresh(token: str):
    return APIClient().post("/api/auth/refresh", {"refresh": token}, format="json")


def test_a_deleted_tenant_id_is_never_reissued(db, tenant):
    services.offboard_tenant(tenant_id="acme")
    with pytest.raises(TenantIdRetired):
        services.onboard_tenant(tenant_id="acme", name="Acme", owner_email="owner@acme.example")
    assert registry().get("acme").status == "deleted"  # the tombstone stays


def test_the_staff_api_says_why_a_retired_id_is_refused(db, tenant):
    services.create_user(tenant_id="acme", email="staff@acme.example", password=PASSWORD, is_staff=True)
    token = sign_in("staff@acme.example")["access"]
    services.onboard_tenant(tenant_id="gone-co", name="Gone", owner_email="o@gone.example")
    services.offboard_tenant(tenant_id="gone-co")
    body = {"tenant_id": "gone-co", "name": "New", "owner_email": "n@x.example"}
    response = bearer(token).post("/api/tenants/", body, format="json")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "tenant_id_retired"


def test_a_token_of_an_earlier_generation_is_refused(tenant, api_client_for):
    assert api_client_for(tenant).get("/api/me").status_code == 200
    old = issue_token(tenant_id="acme", email="owner@acme.example", generation="an-earlier-acme")
    response = bearer(old).get("/api/me")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "token_revoked"


def test_a_tenant_recreated_under_the_same_id_refuses_the_old_tokens(tenant, api_client_for):
    """Should an id ever be re-provisioned behind the registry's back, the generation still tells them apart."""
    token = issue_token(tenant_id="acme", email="owner@acme.example")
    record = registry().get("acme")
    record.update(actions=[registry().generation.set("a-new-acme")])
    assert bearer(token).get("/api/me").status_code == 401
    assert api_client_for(tenant).get("/api/me").status_code == 200  # a token of the new generation


def test_tokens_carry_generation_and_version_and_access_lives_at_most_15_minutes(ann):
    tokens = sign_in()
    access = jwt.decode(tokens["access"], options={"verify_signature": False})
    refresh_claims = jwt.decode(tokens["refresh"], options={"verify_signature": False})
    assert access["exp"] - access["iat"] <= 15 * 60
    assert access["gen"] == refresh_claims["gen"] == registry().get("acme").generation
    assert access["ver"] == refresh_claims["ver"] == 0
    assert access["sub"] == str(ann.pk)


@pytest.mark.parametrize("revoke", ["sign out everywhere", "password change", "disable", "delete", "membership moved"])
def test_every_revocation_ends_access_and_refresh_tokens(ann, make_tenant, revoke):
    tokens = sign_in()
    assert bearer(tokens["access"]).get("/api/me").status_code == 200
    assert refresh(tokens["refresh"]).status_code == 200
    if revoke == "sign out everywhere":
        assert bearer(tokens["access"]).post("/api/auth/sign-out-everywhere").status_code == 204
    elif revoke == "password change":
        ann.set_password("another-password-456")
        ann.save()
    elif revoke == "disable":
        ann.is_active = False
        ann.save()
    elif revoke == "delete":
        ann.delete()
    else:
        make_tenant("globex")
        Membership.objects.filter(user=ann).update(tenant_id="globex")
    for response in (bearer(tokens["access"]).get("/api/me"), refresh(tokens["refresh"])):
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "token_revoked"


def test_after_signing_out_everywhere_a_new_sign_in_works(ann):
    old = sign_in()
    assert bearer(old["access"]).post("/api/auth/sign-out-everywhere").status_code == 204
    new = sign_in()
    assert bearer(new["access"]).get("/api/me").status_code == 200
    assert bearer(old["access"]).get("/api/me").status_code == 401


def test_a_saved_user_whose_password_and_status_did_not_change_keeps_its_tokens(ann):
    tokens = sign_in()
    ann.first_name = "Ann"
    ann.save()
    assert bearer(tokens["access"]).get("/api/me").status_code == 200


def test_refresh_gives_an_access_token_of_the_same_generation_and_version(ann):
    tokens = sign_in()
    access = refresh(tokens["refresh"]).json()["access"]
    claims = jwt.decode(access, options={"verify_signature": False})
    assert (claims["gen"], claims["ver"], claims["token_use"]) == (registry().get("acme").generation, 0, "access")
    assert bearer(access).get("/api/me").status_code == 200


def signed(**changes) -> str:
    now = int(time.time())
    claims = {"iss": settings.SALESTALK_JWT_ISSUER, "aud": settings.SALESTALK_JWT_AUDIENCE, "sub": "ops@acme.example",
              "tenant_id": "acme", "gen": registry().get("acme").generation, "token_use": "access",
              "iat": now, "exp": now + 600, **changes}
    return jwt.encode({k: v for k, v in claims.items() if v is not None}, settings.SALESTALK_JWT_SECRET)


@pytest.mark.parametrize(
    "changes",
    [
        {"exp": int(time.time()) + 24 * 3600},            # lives longer than an access token may
        {"iat": int(time.time()) + 3600},                 # issued in the future
        {"gen": None},                                    # no generation
        {"gen": "x" * 500},
        {"tenant_id": "a" * 5000},                        # the 5,000-character tenant claim
        {"tenant_id": "ACME"},
        {"tenant_id": "acme\u0000"},
        {"sub": "s" * 5000},
        {"email": ["a@acme.example"]},
        {"sub": "12"},                                    # a local user's subject without its version
        {"sub": "12", "ver": "0"},
        {"token_use": "refresh", "sub": "ops@acme.example"},  # refresh tokens belong to local users
    ],
    ids=["too-long-lived", "future", "no-gen", "long-gen", "long-tenant", "upper-tenant", "nul-tenant", "long-sub",
         "email-list", "user-no-version", "version-as-string", "refresh-without-user"],
)
def test_malformed_claims_are_refused_before_any_lookup(tenant, changes):
    kind = "refresh" if changes.get("token_use") == "refresh" else "access"
    token = signed(**changes)
    response = refresh(token) if kind == "refresh" else bearer(token).get("/api/me")
    assert response.status_code == 401, response.content
    assert response.json()["error"]["code"] == "token_invalid"


def test_recheck_follows_the_tenant_and_the_user(ann):
    from tenants.auth import context_from_token

    context = context_from_token(sign_in()["access"])
    assert recheck(tenant=context) is context
    services.set_tenant_status(tenant_id="acme", status="disabled")
    with pytest.raises(TenantUnavailable):
        recheck(tenant=context)
    services.set_tenant_status(tenant_id="acme", status="active")
    services.revoke_tokens(user_id=ann.pk)
    with pytest.raises(TokenRevoked):
        recheck(tenant=context)


def test_recheck_refuses_a_replaced_tenant_and_a_disabled_user(ann):
    from tenants.auth import context_from_token

    context = context_from_token(sign_in()["access"])
    get_user_model().objects.filter(pk=ann.pk).update(is_active=False)
    with pytest.raises(TokenRevoked):
        recheck(tenant=context)
    get_user_model().objects.filter(pk=ann.pk).update(is_active=True)
    registry().get("acme").update(actions=[registry().generation.set("replaced")])
    with pytest.raises(TokenRevoked):
        recheck(tenant=context)
