"""The Django-rendered pages: sign-in, the chat page, the page's token endpoint, static files."""
from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tenants.models import Membership
from tenants.services import set_tenant_status

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


@pytest.fixture
def member(tenant):
    user = get_user_model().objects.create_user(username="ana@acme.example", password=PASSWORD)
    Membership.objects.create(user=user, tenant_id=tenant.tenant_id)
    return user


@pytest.fixture
def signed_in(member) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    return client


def csrf_token_of(client: Client, *, page: str = "/login/") -> str:
    client.get(page)
    return client.cookies["csrftoken"].value


def test_the_chat_page_sends_strangers_to_sign_in():
    response = Client().get("/")
    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/"


def test_the_sign_in_page_labels_its_fields():
    html = Client().get("/login/").content.decode()
    assert '<label for="id_username">Email</label>' in html
    assert '<label for="id_password">Password</label>' in html
    assert 'type="email"' in html


def test_a_wrong_password_is_refused_plainly(member):
    response = Client().post("/login/", {"username": "ana@acme.example", "password": "nope"})
    assert response.status_code == 200
    assert "Wrong email or password." in response.content.decode()
    assert "_auth_user_id" not in response.client.session


def test_a_person_without_a_company_cannot_sign_in(db):
    get_user_model().objects.create_user(username="lone@nowhere.example", password=PASSWORD)
    response = Client().post("/login/", {"username": "lone@nowhere.example", "password": PASSWORD})
    assert response.status_code == 200
    assert "belongs to no company" in response.content.decode()


def test_signing_in_leads_to_the_chat_page_of_the_right_company(member, tenant):
    client = Client()
    response = client.post("/login/", {"username": "  ANA@acme.example ", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    html = client.get("/").content.decode()
    assert "Acme" in html
    config = json.loads(html.split('<script id="page-config" type="application/json">')[1].split("</script>")[0])
    assert config == {"email": "ana@acme.example", "tenant_id": "acme", "currency": "USD", "token_url": "/app/token"}
    assert "/static/salestalk/salestalk.js" in html
    assert 'for="question"' in html


def test_the_page_token_carries_the_members_tenant_and_works_on_the_api(signed_in, make_tenant):
    make_tenant("globex")
    response = signed_in.post("/app/token", HTTP_X_CSRFTOKEN=csrf_token_of(signed_in, page="/"))
    assert response.status_code == 200
    body = response.json()
    assert body["tenant_id"] == "acme" and body["email"] == "ana@acme.example" and body["expires_in"] > 0
    me = Client().get("/api/me", HTTP_AUTHORIZATION=f"Bearer {body['access']}")
    assert me.status_code == 200
    assert me.json()["tenant_id"] == "acme"


def test_the_page_token_needs_the_csrf_token(signed_in):
    assert signed_in.post("/app/token").status_code == 403


def test_the_page_token_is_post_only(signed_in):
    assert signed_in.get("/app/token").status_code == 405


def test_the_page_token_needs_a_session():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/app/token", HTTP_X_CSRFTOKEN=csrf_token_of(client))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


def test_a_disabled_company_gets_no_token_and_a_plain_page(signed_in, tenant):
    set_tenant_status(tenant_id=tenant.tenant_id, status="disabled")
    response = signed_in.post("/app/token", HTTP_X_CSRFTOKEN=csrf_token_of(signed_in, page="/"))
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "no_tenant"
    page = signed_in.get("/")
    assert page.status_code == 403
    assert "not available" in page.content.decode()


def test_signing_out_ends_the_session(signed_in):
    response = signed_in.post("/logout/", HTTP_X_CSRFTOKEN=csrf_token_of(signed_in, page="/"))
    assert response.status_code == 302 and response["Location"] == "/login/"
    assert signed_in.get("/").status_code == 302


def test_static_files_are_served_by_the_app_itself():
    client = Client()
    for path in ("/static/salestalk/salestalk.js", "/static/salestalk/salestalk.css", "/static/salestalk/icon.svg"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert b"".join(response.streaming_content)


ANSWER = {
    "conversation": None,
    "understanding": {
        "intent": "breakdown", "subject": None, "measure": "revenue",
        "time": {"start": "2025-04-01", "end": "2025-06-30", "grain": "quarter"},
        "compare_to": None, "filters": {}, "group_by": "region", "order": None, "limit": None,
    },
    "result": {"value": None, "previous_value": None, "change": None, "change_pct": None,
               "rows": [{"key": "EMEA", "value": 5200.0}, {"key": "APAC", "value": 3100.0}]},
    "narrative": "EMEA led with $5.2K, ahead of APAC with $3.1K <script>.",
    "sentiment": "neutral",
    "clarification": None,
}


@pytest.fixture
def shared_token(tenant) -> str:
    from chat.services import append_message, create_conversation
    from collab.services import add_comment, pin_insight, share_insight

    conversation = create_conversation(tenant=tenant, title="Q2 by region")
    append_message(tenant=tenant, conversation_id=conversation.id, sender="user", text="Revenue by region?")
    answer = append_message(tenant=tenant, conversation_id=conversation.id, sender="assistant",
                            text=ANSWER["narrative"], context={**ANSWER, "conversation": conversation.id})
    insight = pin_insight(tenant=tenant, conversation_id=conversation.id, message_id=answer.id,
                          title="Q2 revenue by region")
    add_comment(tenant=tenant, insight_id=insight.id, text="APAC needs a plan")
    token, _ = share_insight(tenant=tenant, insight_id=insight.id)
    return token


def test_a_share_link_shows_the_insight_to_anyone(shared_token):
    response = Client().get(f"/share/{shared_token}")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store" and response["Referrer-Policy"] == "no-referrer"
    html = response.content.decode()
    assert "<h1>Q2 revenue by region</h1>" in html
    assert "EMEA led with $5.2K, ahead of APAC with $3.1K &lt;script&gt;." in html
    assert "APAC needs a plan" in html and "@acme.example" not in html
    data = json.loads(html.split('<script id="shared-insight" type="application/json">')[1].split("</script>")[0])
    assert data["insight"]["result"]["rows"] == ANSWER["result"]["rows"]
    assert data["insight"]["understanding"]["group_by"] == "region"
    assert 'data-page="share"' in html


def test_an_unknown_or_revoked_link_is_a_plain_not_found(shared_token, tenant):
    from collab.selectors import list_insights
    from collab.services import revoke_share

    missing = Client().get("/share/not-a-real-token")
    assert missing.status_code == 404
    assert "does not exist or has expired" in missing.content.decode()
    (insight,), _ = list_insights(tenant=tenant)
    revoke_share(tenant=tenant, insight_id=insight.id)
    assert Client().get(f"/share/{shared_token}").status_code == 404


def test_pages_run_no_inline_script_under_a_content_security_policy(signed_in):
    for page in ("/", "/login/"):
        response = signed_in.get(page)
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        html = response.content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            # Our own file, or data the browser never runs (json_script).
            assert " src=" in tag or 'type="application/json"' in tag, tag
        assert re.search(r"\son[a-z]+=", html) is None  # no inline event handlers
        assert "style=" not in html
