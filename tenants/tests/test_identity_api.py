import time

import jwt
import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from rest_framework.test import APIClient

from tenants import services
from tenants.tokens import issue_token


def bearer(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def forged(claims: dict, *, key: str = "not-the-secret", alg: str = "HS256") -> str:
    return jwt.encode(claims, key, algorithm=alg)


def good_claims(tenant_id: str = "acme") -> dict:
    now = int(time.time())
    return {
        "iss": "salestalk-local", "aud": "salestalk", "sub": "u1", "email": "a@acme.example",
        "tenant_id": tenant_id, "token_use": "access", "iat": now, "exp": now + 600,
    }


def test_me_returns_the_callers_tenant_and_email(tenant, api_client_for):
    response = api_client_for(tenant, email="ann@acme.example").get("/api/me")
    assert response.status_code == 200
    assert response.json() == {
        "tenant_id": "acme", "email": "ann@acme.example", "currency": "USD", "time_zone": "UTC",
    }
    assert response["X-Request-Id"]


def test_missing_token_is_401_with_a_json_error(tenant):
    response = APIClient().get("/api/me")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
    assert response["WWW-Authenticate"].startswith("Bearer")


def unsigned(claims: dict) -> str:
    import base64
    import json

    def b64(data: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    return f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64(claims)}."


@pytest.mark.parametrize(
    "make_token, code",
    [
        (lambda: "garbage", "token_invalid"),
        (lambda: forged(good_claims()), "token_invalid"),
        (lambda: unsigned(good_claims()), "token_invalid"),
        (lambda: issue_token(tenant_id="acme", email="a@acme.example", ttl=-10), "token_expired"),
        (lambda: forged({**good_claims(), "iss": "evil"}, key="test-jwt-secret-not-for-production-000000"),
         "token_invalid"),
        (lambda: forged({**good_claims(), "aud": "other"}, key="test-jwt-secret-not-for-production-000000"),
         "token_invalid"),
        (lambda: issue_token(tenant_id="acme", email="a@acme.example", kind="refresh"), "token_invalid"),
        (lambda: issue_token(tenant_id="nobody", email="a@x.example", generation="g1"), "tenant_unavailable"),
    ],
    ids=["garbage", "wrong-key", "alg-none", "expired", "wrong-issuer", "wrong-audience", "refresh-as-access",
         "unknown-tenant"],
)
def test_bad_tokens_are_refused_with_a_clear_code(tenant, make_token, code):
    response = bearer(make_token()).get("/api/me")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == code
    assert response.json()["error"]["message"]


@pytest.mark.django_db
def test_disabled_and_deleted_tenants_tokens_are_refused(make_tenant, api_client_for):
    acme = make_tenant("acme")
    client = api_client_for(acme)
    services.set_tenant_status(tenant_id="acme", status="disabled")
    disabled = client.get("/api/me")
    assert disabled.status_code == 401 and disabled.json()["error"]["code"] == "tenant_unavailable"
    services.set_tenant_status(tenant_id="acme", status="active")
    assert client.get("/api/me").status_code == 200
    services.offboard_tenant(tenant_id="acme")
    deleted = client.get("/api/me")
    # Disabled and deleted read the same, and name no tenant.
    assert deleted.status_code == 401 and deleted.content == disabled.content and b"acme" not in deleted.content


def test_tenant_in_the_query_string_is_refused(tenant, api_client_for):
    response = api_client_for(tenant).get("/api/me?tenant_id=globex")
    assert response.status_code == 400


@pytest.mark.django_db
def test_sign_in_refresh_and_wrong_password(tenant):
    services.create_user(tenant_id="acme", email="ann@acme.example", password="s3cret-pass")
    bad = APIClient().post("/api/auth/token", {"email": "ann@acme.example", "password": "nope"}, format="json")
    assert bad.status_code == 401 and bad.json()["error"]["code"] == "bad_credentials"

    tokens = APIClient().post(
        "/api/auth/token", {"email": "ANN@acme.example", "password": "s3cret-pass"}, format="json"
    ).json()
    assert tokens["tenant_id"] == "acme"
    assert bearer(tokens["access"]).get("/api/me").json()["email"] == "ann@acme.example"
    assert bearer(tokens["refresh"]).get("/api/me").status_code == 401

    refreshed = APIClient().post("/api/auth/refresh", {"refresh": tokens["refresh"]}, format="json")
    assert refreshed.status_code == 200
    assert bearer(refreshed.json()["access"]).get("/api/me").status_code == 200
    assert APIClient().post("/api/auth/refresh", {"refresh": tokens["access"]}, format="json").status_code == 401


@pytest.mark.django_db
def test_sign_in_invalid_body_is_400(tenant):
    response = APIClient().post("/api/auth/token", {"email": "not-an-email"}, format="json")
    assert response.status_code == 400
    assert set(response.json()["error"]["details"]) == {"email", "password"}


@pytest.mark.django_db
def test_staff_tenant_api(tenant):
    services.create_user(tenant_id="acme", email="staff@acme.example", password="pw-staff-123", is_staff=True)
    user, _ = services.create_user(tenant_id="acme", email="ann@acme.example", password="pw-ann-1234")
    staff = bearer(issue_token(tenant_id="acme", email="staff@acme.example",
                               user_id=str(get_user_model().objects.get(username="staff@acme.example").pk)))
    member = bearer(issue_token(tenant_id="acme", email="ann@acme.example", user_id=str(user.pk)))

    assert member.get("/api/tenants/").status_code == 403
    created = staff.post("/api/tenants/", {"tenant_id": "globex", "name": "Globex", "owner_email": "o@globex.example"},
                         format="json")
    assert created.status_code == 201 and created.json()["status"] == "active"
    assert {t["tenantId"] for t in staff.get("/api/tenants/").json()} == {"acme", "globex"}
    dup = staff.post("/api/tenants/", {"tenant_id": "globex", "name": "Other", "owner_email": "o@globex.example"},
                     format="json")
    assert dup.status_code == 409 and dup.json()["error"]["code"] == "tenant_exists"
    bad = staff.post("/api/tenants/", {"tenant_id": "Bad_Id", "name": "X", "owner_email": "o@x.example"},
                     format="json")
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_tenant_id"
    assert staff.patch("/api/tenants/globex/", {"status": "disabled"}, format="json").json()["status"] == "disabled"
    assert staff.delete("/api/tenants/globex/").status_code == 204
    assert staff.delete("/api/tenants/nobody/").status_code == 404


def test_dynamodb_unreachable_is_a_503_not_a_stack_trace(tenant, api_client_for, settings):
    client = api_client_for(tenant)
    settings.SALESTALK_DYNAMODB_ENDPOINT = "http://127.0.0.1:9"
    response = client.get("/api/me")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "storage_unavailable"


@override_settings(SALESTALK_AUTH_ISSUER="cognito", SALESTALK_COGNITO_JWKS_URL=None, SALESTALK_COGNITO_ISSUER=None)
def test_local_tokens_are_refused_when_cognito_is_the_issuer(tenant, api_client_for):
    assert api_client_for(tenant).get("/api/me").status_code == 401


@override_settings(SALESTALK_AUTH_ISSUER="cognito")
def test_where_cognito_issues_tokens_the_right_password_opens_nothing(tenant, db):
    services.create_user(tenant_id="acme", email="ann@acme.example", password="s3cret-pass")
    client = APIClient()
    token = client.post("/api/auth/token", {"email": "ann@acme.example", "password": "s3cret-pass"}, format="json")
    refresh = client.post("/api/auth/refresh", {"refresh": issue_token(tenant_id="acme", email="ann@acme.example",
                                                                       kind="refresh")}, format="json")
    for response in (token, refresh):
        assert response.status_code == 404 and response.json()["error"]["code"] == "use_hosted_ui"
        assert "access" not in response.json()
