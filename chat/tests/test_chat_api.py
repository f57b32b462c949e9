"""The chat REST API: conversations, messages, asking, tickets; errors in one shape; tenants kept apart."""
import pytest

from chat import services

UNKNOWN_CONVERSATION = "c_" + "0" * 24


@pytest.fixture
def client(tenant, api_client_for):
    return api_client_for(tenant, email="ann@acme.example")


@pytest.fixture
def intruder(make_tenant, api_client_for):
    return api_client_for(make_tenant("globex"), email="eve@globex.example")


def create(client, **body):
    response = client.post("/api/chat/conversations/", body, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def test_create_get_rename_delete_a_conversation(client):
    made = create(client, title="Q3 review")
    assert set(made) == {"id", "title", "created_at", "updated_at", "created_by", "message_count"}
    assert made["title"] == "Q3 review" and made["created_by"] == "ann@acme.example" and made["message_count"] == 0
    url = f"/api/chat/conversations/{made['id']}/"
    assert client.get(url).json() == made
    renamed = client.patch(url, {"title": "Q3 deep dive"}, format="json")
    assert renamed.status_code == 200 and renamed.json()["title"] == "Q3 deep dive"
    assert client.delete(url).status_code == 204
    gone = client.get(url)
    assert gone.status_code == 404
    assert gone.json()["error"]["code"] == "conversation_not_found"


def test_a_conversation_without_title_gets_a_default(client):
    assert create(client)["title"] == "New conversation"


def test_conversations_are_listed_newest_first_with_a_cursor(client):
    ids = [create(client, title=f"c{n}")["id"] for n in range(3)]
    first = client.get("/api/chat/conversations/?limit=2").json()
    assert [c["id"] for c in first["results"]] == ids[:0:-1] and first["next"] == ids[1]
    second = client.get(f"/api/chat/conversations/?limit=2&before={first['next']}").json()
    assert [c["id"] for c in second["results"]] == [ids[0]] and second["next"] is None


@pytest.mark.parametrize(
    "query", ["limit=0", "limit=101", "limit=abc", "before=nope", "before=" + "x" * 100]
)
def test_bad_list_parameters_are_400(client, query):
    response = client.get(f"/api/chat/conversations/?{query}")
    assert response.status_code == 400
    assert set(response.json()["error"]) >= {"code", "message"}


@pytest.mark.parametrize("body", [{"title": ""}, {"title": "   "}, {"title": "x" * 121}, {"title": ["a"]}])
def test_bad_titles_are_400(client, body):
    made = create(client)
    response = client.patch(f"/api/chat/conversations/{made['id']}/", body, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_text"


def test_asking_stores_both_messages_and_returns_the_computed_answer(client, dataset):
    conversation = create(client)
    url = f"/api/chat/conversations/{conversation['id']}/messages/"
    question = "What was revenue in EMEA in July 2025?"
    response = client.post(url, {"text": question, "as_of": "2025-09-15"}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == {"user_message", "assistant_message", "answer"}
    user, assistant, answer = body["user_message"], body["assistant_message"], body["answer"]
    assert user["sender"] == "user" and user["text"] == question and user["seq"] == 1
    assert answer["result"]["value"] == pytest.approx(100.5)
    assert assistant["sender"] == "assistant" and assistant["seq"] == 2
    assert assistant["context"] == answer and answer["conversation"] == conversation["id"]
    assert assistant["text"] == answer["narrative"]
    assert user["metadata"]["author"] == "ann@acme.example" and user["metadata"]["session"]
    assert assistant["metadata"]["reply_to"] == user["id"]
    listed = client.get(url).json()
    assert [m["id"] for m in listed["results"]] == [assistant["id"], user["id"]] and listed["next"] is None
    fields = {"id", "conversation", "seq", "timestamp", "sender", "text", "context", "metadata"}
    assert set(listed["results"][0]) == fields
    assert client.get(f"/api/chat/conversations/{conversation['id']}/").json()["message_count"] == 2


def test_messages_page_by_seq(client, tenant):
    conversation = create(client)
    for n in range(5):
        services.append_message(tenant=tenant, conversation_id=conversation["id"], sender="user", text=f"m{n}")
    url = f"/api/chat/conversations/{conversation['id']}/messages/"
    first = client.get(url + "?limit=2").json()
    assert [m["text"] for m in first["results"]] == ["m4", "m3"] and first["next"] == 4
    second = client.get(url + f"?limit=2&before={first['next']}").json()
    assert [m["text"] for m in second["results"]] == ["m2", "m1"] and second["next"] == 2
    assert client.get(url + "?before=0").status_code == 400


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({}, "invalid"),
        ({"text": ""}, "invalid_text"),
        ({"text": "   "}, "invalid_text"),
        ({"text": "x" * 1001}, "invalid_text"),
        ({"text": "hi", "as_of": "2025-13-01"}, "invalid_as_of"),
    ],
)
def test_bad_questions_are_400_and_store_nothing(client, body, code):
    conversation = create(client)
    url = f"/api/chat/conversations/{conversation['id']}/messages/"
    response = client.post(url, body, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == code
    assert client.get(url).json()["results"] == []


def test_asking_a_tenant_without_data_is_a_clear_4xx(client):
    conversation = create(client)
    response = client.post(
        f"/api/chat/conversations/{conversation['id']}/messages/", {"text": "revenue?"}, format="json"
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "no_dataset"


def test_asking_in_an_unknown_conversation_is_404(client):
    response = client.post(
        f"/api/chat/conversations/{UNKNOWN_CONVERSATION}/messages/", {"text": "revenue?"}, format="json"
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "conversation_not_found"


def test_another_tenants_conversation_is_404_everywhere(client, intruder):
    conversation = create(client, title="secret")
    base = f"/api/chat/conversations/{conversation['id']}/"
    attempts = [
        intruder.get(base),
        intruder.patch(base, {"title": "pwned"}, format="json"),
        intruder.delete(base),
        intruder.get(base + "messages/"),
        intruder.post(base + "messages/", {"text": "revenue?"}, format="json"),
        intruder.post("/api/chat/ws-ticket", {"conversation": conversation["id"]}, format="json"),
    ]
    assert [r.status_code for r in attempts] == [404] * len(attempts)
    assert {r.json()["error"]["code"] for r in attempts} == {"conversation_not_found"}
    assert intruder.get("/api/chat/conversations/").json() == {"results": [], "next": None}
    assert client.get(base).json()["title"] == "secret"


def test_the_tenant_cannot_be_chosen_in_the_request(client):
    assert client.get("/api/chat/conversations/?tenant=globex").status_code == 400


def test_without_a_token_everything_is_401(tenant):
    from rest_framework.test import APIClient

    anonymous = APIClient()
    for response in (
        anonymous.get("/api/chat/conversations/"),
        anonymous.post("/api/chat/conversations/", {}, format="json"),
        anonymous.post("/api/chat/ws-ticket", {"conversation": UNKNOWN_CONVERSATION}, format="json"),
    ):
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "not_authenticated"


def test_a_ticket_is_issued_for_an_existing_conversation_only(client):
    conversation = create(client)
    response = client.post("/api/chat/ws-ticket", {"conversation": conversation["id"]}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert body["ticket"].startswith("acme.") and len(body["ticket"]) > 40 and 0 < body["expires_in"] <= 60
    missing = client.post("/api/chat/ws-ticket", {"conversation": UNKNOWN_CONVERSATION}, format="json")
    assert missing.status_code == 404
    assert client.post("/api/chat/ws-ticket", {}, format="json").status_code == 400


def test_a_body_that_is_not_json_is_400_not_500(client):
    response = client.generic(
        "POST", "/api/chat/conversations/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "parse_error"


def test_an_oversized_body_is_413_in_the_json_error_shape(client):
    conversation = create(client)
    response = client.post(
        f"/api/chat/conversations/{conversation['id']}/messages/", {"text": "x" * 2_000_000}, format="json"
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"
    assert client.get(f"/api/chat/conversations/{conversation['id']}/").json()["message_count"] == 0
