"""The Streamlit app's API client, against a fake API over real HTTP."""
from __future__ import annotations

import socket

import pytest

from tests.webapp.fake_api import EMAIL, PASSWORD
from webapp.client import ApiError, SalesTalkClient


def signed_in(fake) -> SalesTalkClient:
    client = SalesTalkClient(base_url=fake.url + "/")
    client.sign_in(email=EMAIL, password=PASSWORD)
    return client


def test_sign_in_keeps_the_tokens_and_the_tenant(fake):
    client = signed_in(fake)
    assert client.tokens.tenant_id == "acme" and client.tokens.email == EMAIL
    assert client.me()["currency"] == "USD"


def test_a_wrong_password_raises_the_apis_message(fake):
    client = SalesTalkClient(base_url=fake.url)
    with pytest.raises(ApiError) as caught:
        client.sign_in(email=EMAIL, password="nope")
    assert (caught.value.status, caught.value.code, str(caught.value)) == (
        401, "bad_credentials", "Wrong email or password.")
    assert client.tokens is None


def test_an_expired_access_token_is_refreshed_once_and_the_call_retried(fake):
    client = signed_in(fake)
    old = client.tokens.access
    fake.expire_tokens()
    assert client.conversations()["results"] == []
    assert client.tokens.access != old
    paths = [path for _, path, _ in fake.requests]
    assert paths[-3:] == ["/api/chat/conversations/", "/api/auth/refresh", "/api/chat/conversations/"]


def test_each_refresh_keeps_the_new_refresh_token_it_answers(fake):
    client = signed_in(fake)
    spent = client.tokens.refresh
    for _ in range(3):  # a client that kept a spent refresh token would be signed out at the second
        fake.expire_tokens()
        assert client.me()["tenant_id"] == "acme"
        assert client.tokens.refresh != spent and client.tokens.refresh in fake.valid_refresh
        spent = client.tokens.refresh


def test_a_refused_refresh_signs_out(fake):
    client = signed_in(fake)
    client.tokens.refresh = "revoked"
    fake.expire_tokens()
    with pytest.raises(ApiError) as caught:
        client.me()
    assert caught.value.code == "signed_out"
    assert client.tokens is None


def test_calls_before_signing_in_are_refused_without_a_request(fake):
    with pytest.raises(ApiError) as caught:
        SalesTalkClient(base_url=fake.url).conversations()
    assert caught.value.status == 401
    assert fake.requests == []


def test_the_ask_flow_and_the_insight_endpoints(fake):
    client = signed_in(fake)
    conversation = client.create_conversation(title="Q2 review")
    outcome = client.ask(conversation_id=conversation["id"], text="Revenue by region")
    assert outcome["answer"]["understanding"]["group_by"] == "region"
    newest_first = client.messages(conversation_id=conversation["id"])["results"]
    assert [m["sender"] for m in newest_first] == ["assistant", "user"]
    insight = client.pin(conversation_id=conversation["id"], message_id=outcome["assistant_message"]["id"])
    assert client.share(insight_id=insight["id"])["url"].startswith(fake.url + "/share/")
    client.add_comment(insight_id=insight["id"], text="Nice")
    assert [c["text"] for c in client.comments(insight_id=insight["id"])["results"]] == ["Nice"]


def test_api_errors_carry_code_and_message(fake):
    client = signed_in(fake)
    with pytest.raises(ApiError) as caught:
        client.messages(conversation_id="c_missing")
    assert caught.value.status == 404 and caught.value.code == "conversation_not_found"


def test_an_unreachable_api_is_reported_plainly():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = SalesTalkClient(base_url=f"http://127.0.0.1:{port}", timeout=2)
    with pytest.raises(ApiError) as caught:
        client.sign_in(email=EMAIL, password=PASSWORD)
    assert caught.value.status == 0
    assert "cannot be reached" in str(caught.value)
