"""The Django-rendered pages as an attacker sees them: sign-in redirects that would leave the site, forms
posted from another site (no CSRF token), and markup planted in every text the pages show (member names,
conversation titles, answers, comments, insight titles), which must reach the page as text only.
"""
from __future__ import annotations

import io
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from chat.services import append_message, create_conversation
from collab.services import add_comment, pin_insight, share_insight
from metrics.services import import_dataset
from tenants.models import Membership
from tests.attack.victim import answer_object, dataset_csv

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-password-123"
MARKUP = '<img src=x onerror=alert(1)></script><script>alert(2)</script><svg onload=alert(3)>'
# Where "next" could send a browser once signed in: each is another site, or script, in some spelling.
AWAY = ["//evil.example/", "https://evil.example/", "/\\evil.example", "https:evil.example", "\\\\evil.example",
        "javascript:alert(1)", " //evil.example", "/\t/evil.example", "http://testserver@evil.example/",
        "///evil.example", "https://testserver.evil.example/"]


@pytest.fixture
def person(make_tenant):
    tenant = make_tenant("pages-co")
    user = get_user_model().objects.create_user(username="ana@pages-co.example", password=PASSWORD)
    Membership.objects.create(user=user, tenant_id=tenant.tenant_id)
    return tenant, user


def test_signing_in_never_redirects_off_the_site(person):
    for target in AWAY:
        client = Client()
        response = client.post(f"/login/?next={target}", {"username": "ana@pages-co.example", "password": PASSWORD,
                                                          "next": target})
        assert response.status_code == 302, target
        location = urlsplit(response["Location"])
        assert not location.scheme and not location.netloc, (target, response["Location"])
        assert response["Location"].startswith("/") and not response["Location"].startswith(("//", "/\\")), target


def test_state_changing_forms_need_the_csrf_token(person):
    _, user = person
    client = Client(enforce_csrf_checks=True)
    assert client.post("/login/", {"username": "ana@pages-co.example", "password": PASSWORD}).status_code == 403
    client.force_login(user)
    refused = client.post("/app/token", HTTP_ORIGIN="https://evil.example")
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "csrf_failed"
    assert client.post("/logout/").status_code == 403
    assert client.get("/logout/").status_code == 405  # no sign-out by a link or an image
    assert client.get("/").status_code == 200, "the refused posts changed nothing: still signed in"


def test_planted_markup_reaches_the_pages_as_text_only(person):
    tenant, user = person
    import_dataset(tenant=tenant, stream=io.BytesIO(dataset_csv(marker=MARKUP)), source="x.csv", replace=True)
    conversation = create_conversation(tenant=tenant, title=MARKUP)
    question = append_message(tenant=tenant, conversation_id=conversation.id, sender="user", text=MARKUP)
    answer = append_message(tenant=tenant, conversation_id=conversation.id, sender="assistant", text=MARKUP,
                            context=answer_object(conversation_id=conversation.id, narrative=MARKUP),
                            metadata={"reply_to": question.id})
    insight = pin_insight(tenant=tenant, conversation_id=conversation.id, message_id=answer.id, title=MARKUP[:100])
    add_comment(tenant=tenant, insight_id=insight.id, text=MARKUP)
    token, _ = share_insight(tenant=tenant, insight_id=insight.id)
    signed_in = Client()
    signed_in.force_login(user)
    pages = {"share page": Client().get(f"/share/{token}"), "chat page": signed_in.get("/"),
             "data page": signed_in.get("/data/")}
    for name, page in pages.items():
        assert page.status_code == 200, name
        html = page.content.decode()
        # Scripts only from files (the Content-Security-Policy holds them to 'self'), and no planted tag.
        assert not re.search(r"<(img|svg)\b", html, re.I), name
        assert all("src=" in tag for tag in re.findall(r"<script\b[^>]*>", html, re.I)
                   if "application/json" not in tag), name
        assert "script-src 'self'" in page["Content-Security-Policy"], name
    assert "\\u003Cscript\\u003E" in pages["share page"].content.decode()  # the comment, escaped in its JSON
