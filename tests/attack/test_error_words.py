"""What refusals say: the envelope's words are the API's own, never the words of what runs behind it
(Python's decoders, library messages), which tell an attacker which parser to aim at.
"""
from __future__ import annotations

import json

import pytest

from tests.attack.conftest import token_headers

pytestmark = pytest.mark.django_db

# Words only Python's (or a library's) own messages use.
INTERNAL_WORDS = ("codec", "sys.", "set_int_max_str_digits", "utf-8-sig", "decode using", "char ", "Traceback",
                  "python", "Python", "Exceeds the limit", "JSON parse error -")
MALFORMED = {
    "bytes that are not UTF-8": b'{"title": "\xff\xfe"}',
    "a UTF-16 body": '{"title": "x"}'.encode("utf-16"),
    "a byte order mark": b'\xef\xbb\xbf{"title": "x"}',
    "an integer of 5,000 digits": b'{"title": 1' + b"0" * 5000 + b"}",
    "NaN": b'{"title": NaN}',
    "Infinity": b'{"title": -Infinity}',
    "trailing data": b'{"title": "x"} {"title": "y"}',
    "a single quote": b"{'title': 'x'}",
    "truncated": b'{"title": "x',
    "deep nesting": b"[" * 50_000,
}


@pytest.mark.parametrize("name", MALFORMED)
def test_a_malformed_json_body_is_refused_in_the_apis_own_words(prober, attacker, name):
    attempt = prober.send(category="error words: malformed JSON", method="POST", path="/api/chat/conversations/",
                          headers=token_headers(attacker.tenant), body=MALFORMED[name])
    assert attempt.status == 400, attempt
    response = prober.client.post("/api/chat/conversations/", data=MALFORMED[name], content_type="application/json",
                                  headers=token_headers(attacker.tenant))
    error = response.json()["error"]
    assert error["code"] == "parse_error"
    assert not [word for word in INTERNAL_WORDS if word in error["message"]], error["message"]
    assert prober.failures() == []


def test_a_malformed_body_says_where_it_broke(prober, attacker):
    body = b'{\n  "title": "x",\n  "oops" 1\n}'
    message = prober.client.post("/api/chat/conversations/", data=body, content_type="application/json",
                                 headers=token_headers(attacker.tenant)).json()["error"]["message"]
    assert "line 3" in message and "column" in message
    # And a well-formed body in any declared charset is read as UTF-8, as JSON is.
    # (generic sends the bytes as given; post would transcode them to the declared charset.)
    ok = prober.client.generic("POST", "/api/chat/conversations/", json.dumps({"title": "café"}, ensure_ascii=False),
                               content_type="application/json; charset=latin-1", headers=token_headers(attacker.tenant))
    assert ok.status_code == 201 and ok.json()["title"] == "café"


def test_without_the_password_sign_in_tells_no_account_or_tenant_state(prober, make_tenant):
    """A wrong password reads the same for an unknown email and for a person of an active, a disabled or a
    deleted tenant, on the API and on the sign-in page: neither tells which accounts or companies exist."""
    from tenants.services import create_user, offboard_tenant, set_tenant_status

    for tenant_id in ("live-co", "paused-co", "closed-co"):
        make_tenant(tenant_id)
        create_user(tenant_id=tenant_id, email=f"someone@{tenant_id}.example", password="the-right-one-123")
    set_tenant_status(tenant_id="paused-co", status="disabled")
    offboard_tenant(tenant_id="closed-co")
    emails = ["nobody@nowhere.example", *(f"someone@{t}.example" for t in ("live-co", "paused-co", "closed-co"))]
    answers, pages = set(), set()
    for n, email in enumerate(emails):
        attempt = prober.send(category="error words: sign-in", method="POST", path="/api/auth/token",
                              body={"email": email, "password": "a-wrong-guess-1"}, success_is_leak=True)
        assert attempt.status == 401, attempt
        response = prober.client.post("/api/auth/token", data={"email": email, "password": "a-wrong-guess-2"},
                                      content_type="application/json", REMOTE_ADDR=f"198.51.100.{n + 10}")
        answers.add((response.status_code, response.content))
        page = prober.client.post("/login/", data={"username": email, "password": "a-wrong-guess-3"},
                                  REMOTE_ADDR=f"198.51.100.{n + 20}")
        errors = page.context["form"].non_field_errors() if page.context else None
        pages.add((page.status_code, tuple(errors or ())))
    assert len(answers) == 1, answers
    assert len(pages) == 1, pages
    assert prober.failures() == []


def test_a_disabled_a_deleted_and_an_unknown_tenant_read_the_same(prober, make_tenant):
    """Validly signed tokens (and right passwords) of a disabled, a deleted and a never-existing tenant are
    refused alike, naming no tenant: which companies exist, and which were switched off, stays unsaid."""
    from tenants.services import create_user, offboard_tenant, set_tenant_status
    from tenants.tokens import issue_token

    for tenant_id in ("halted-co", "gone-co"):
        make_tenant(tenant_id)
        create_user(tenant_id=tenant_id, email=f"someone@{tenant_id}.example", password="the-right-one-123")
    tokens = {t: issue_token(tenant_id=t, email=f"someone@{t}.example") for t in ("halted-co", "gone-co")}
    set_tenant_status(tenant_id="halted-co", status="disabled")
    offboard_tenant(tenant_id="gone-co")
    tokens["never-co"] = issue_token(tenant_id="never-co", email="someone@never-co.example", generation="g1")
    bodies = set()
    for tenant_id, token in tokens.items():
        attempt = prober.send(category="error words: tenant state", method="GET", path="/api/me",
                              headers={"Authorization": f"Bearer {token}"})
        assert attempt.status == 401, attempt
        body = prober.client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).content
        assert tenant_id.encode() not in body
        bodies.add(body)
    assert len(bodies) == 1, bodies
    # The right password: a disabled company is said to be unavailable, a deleted one's people belong to none.
    for tenant_id, code in (("halted-co", "tenant_unavailable"), ("gone-co", "no_tenant")):
        response = prober.client.post("/api/auth/token", data={"email": f"someone@{tenant_id}.example",
                                                               "password": "the-right-one-123"},
                                      content_type="application/json")
        assert response.status_code == 401 and response.json()["error"]["code"] == code, response.content
        assert tenant_id.encode() not in response.content
    assert prober.failures() == []
