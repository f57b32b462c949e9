"""Pinned insights, share links and comments through the API; tenants kept apart; links unguessable."""
import time

import pytest
from rest_framework.test import APIClient

from chat import services as chat_services
from collab.models import INSIGHTS_PK, InsightItem, insight_sk, shares
from collab.selectors import token_hash
from tenants.storage import bind

ANSWER = {
    "understanding": {"intent": "value", "measure": "revenue", "subject": None, "filters": {}},
    "result": {"value": 1234.5, "previous_value": None, "change": None, "change_pct": None, "rows": []},
    "narrative": "Revenue was $1.23K in August 2025.",
    "sentiment": "neutral",
    "clarification": None,
}


@pytest.fixture
def ann(tenant, api_client_for):
    return api_client_for(tenant, email="ann@acme.example")


@pytest.fixture
def bob(tenant, api_client_for):
    return api_client_for(tenant, email="bob@acme.example")


@pytest.fixture
def intruder(make_tenant, api_client_for):
    return api_client_for(make_tenant("globex"), email="eve@globex.example")


@pytest.fixture
def answered(tenant):
    """A conversation with one question and its answer, stored the way ``ask`` stores them."""
    conversation = chat_services.create_conversation(tenant=tenant, title="August")
    question = chat_services.append_message(
        tenant=tenant, conversation_id=conversation.id, sender="user", text="What was revenue in August?"
    )
    answer = chat_services.append_message(
        tenant=tenant,
        conversation_id=conversation.id,
        sender="assistant",
        text=ANSWER["narrative"],
        context={"conversation": conversation.id, **ANSWER},
        metadata={"reply_to": question.id},
    )
    return conversation.id, question.id, answer.id


def pin(client, answered):
    conversation, _, answer = answered
    response = client.post("/api/insights/", {"conversation": conversation, "message": answer}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def share(client, insight_id, **body):
    response = client.post(f"/api/insights/{insight_id}/share/", body, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def test_pinning_an_answer_snapshots_it(ann, answered):
    conversation, _, answer = answered
    insight = pin(ann, answered)
    assert set(insight) == {
        "id", "conversation", "message", "title", "question", "narrative", "understanding", "result",
        "display", "sentiment", "created_at", "created_by", "share",
    }
    assert insight["conversation"] == conversation and insight["message"] == answer
    assert insight["question"] == insight["title"] == "What was revenue in August?"
    assert insight["narrative"] == ANSWER["narrative"] and insight["result"] == ANSWER["result"]
    assert insight["understanding"] == ANSWER["understanding"] and insight["sentiment"] == "neutral"
    assert insight["display"] == ANSWER.get("display")
    assert insight["created_by"] == "ann@acme.example" and insight["share"] is None
    assert ann.get(f"/api/insights/{insight['id']}/").json() == insight
    # A snapshot: deleting the conversation leaves it as it was.
    assert ann.delete(f"/api/chat/conversations/{conversation}/").status_code == 204
    assert ann.get(f"/api/insights/{insight['id']}/").json() == insight


def test_only_answers_can_be_pinned(ann, answered):
    conversation, question, _ = answered
    response = ann.post("/api/insights/", {"conversation": conversation, "message": question}, format="json")
    assert response.status_code == 400 and response.json()["error"]["code"] == "not_an_answer"
    unknown = ann.post("/api/insights/", {"conversation": conversation, "message": "m_" + "0" * 24}, format="json")
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "message_not_found"
    assert ann.post("/api/insights/", {"conversation": conversation}, format="json").status_code == 400


def test_insights_list_newest_first_and_delete(ann, answered):
    ids = [pin(ann, answered)["id"] for _ in range(3)]
    first = ann.get("/api/insights/?limit=2").json()
    assert [i["id"] for i in first["results"]] == ids[:0:-1] and first["next"] == ids[1]
    second = ann.get(f"/api/insights/?limit=2&before={first['next']}").json()
    assert [i["id"] for i in second["results"]] == [ids[0]] and second["next"] is None
    assert ann.delete(f"/api/insights/{ids[0]}/").status_code == 204
    assert ann.get(f"/api/insights/{ids[0]}/").status_code == 404
    assert ann.delete(f"/api/insights/{ids[0]}/").status_code == 404


def test_a_share_link_shows_the_snapshot_and_comments_to_anyone(ann, bob, answered):
    insight = pin(ann, answered)
    ann.post(f"/api/insights/{insight['id']}/comments/", {"text": "Good month."}, format="json")
    bob.post(f"/api/insights/{insight['id']}/comments/", {"text": "Agreed."}, format="json")
    link = share(ann, insight["id"], expires_in_days=7)
    assert len(link["token"]) >= 43 and link["url"].endswith(f"/share/{link['token']}")
    assert ann.get(f"/api/insights/{insight['id']}/").json()["share"] == link

    public = APIClient().get(f"/api/share/{link['token']}")
    assert public.status_code == 200
    body = public.json()
    assert body["narrative"] == ANSWER["narrative"] and body["result"] == ANSWER["result"]
    assert body["title"] == "What was revenue in August?" and body["expires_at"] == link["expires_at"]
    assert body["comments"] == [
        {"author": "ann", "text": "Good month.", "created_at": body["comments"][0]["created_at"]},
        {"author": "bob", "text": "Agreed.", "created_at": body["comments"][1]["created_at"]},
    ]
    text = public.content.decode()
    assert "@" not in text and insight["id"] not in text and insight["conversation"] not in text
    assert public["Cache-Control"] == "no-store"


def test_revoked_replaced_expired_and_unknown_links_are_the_same_404(ann, answered, tenant):
    insight = pin(ann, answered)
    old = share(ann, insight["id"])
    new = share(ann, insight["id"])
    assert old["token"] != new["token"]
    anyone = APIClient()
    assert anyone.get(f"/api/share/{new['token']}").status_code == 200

    replaced = anyone.get(f"/api/share/{old['token']}")
    unknown = anyone.get("/api/share/" + "A" * 43)
    malformed = anyone.get("/api/share/nope")
    assert ann.delete(f"/api/insights/{insight['id']}/share/").status_code == 204
    revoked = anyone.get(f"/api/share/{new['token']}")
    assert ann.get(f"/api/insights/{insight['id']}/").json()["share"] is None

    expiring = share(ann, insight["id"])
    item = bind(InsightItem, tenant=tenant).get(INSIGHTS_PK, insight_sk(insight["id"]))
    item.update(actions=[InsightItem.share_expires_at.set(int(time.time()) - 1)])
    mapping = shares().get(token_hash(expiring["token"]))
    mapping.update(actions=[type(mapping).expires_at.set(int(time.time()) - 1)])
    expired = anyone.get(f"/api/share/{expiring['token']}")

    responses = [replaced, unknown, malformed, revoked, expired]
    assert [r.status_code for r in responses] == [404] * 5
    assert len({r.content for r in responses}) == 1


def test_the_shares_table_holds_no_token(ann, answered):
    insight = pin(ann, answered)
    link = share(ann, insight["id"])
    items = [item.attribute_values for item in shares().scan()]
    assert len(items) == 1 and link["token"] not in repr(items)
    assert items[0]["tenant_id"] == "acme" and items[0]["insight_id"] == insight["id"]


def test_deleting_an_insight_kills_its_link(ann, answered):
    insight = pin(ann, answered)
    link = share(ann, insight["id"])
    assert ann.delete(f"/api/insights/{insight['id']}/").status_code == 204
    assert APIClient().get(f"/api/share/{link['token']}").status_code == 404
    assert list(shares().scan()) == []


@pytest.mark.parametrize("days", [0, 366, -1, "soon"])
def test_link_lifetimes_are_bounded(ann, answered, days):
    insight = pin(ann, answered)
    response = ann.post(f"/api/insights/{insight['id']}/share/", {"expires_in_days": days}, format="json")
    assert response.status_code == 400


def test_comments_oldest_first_and_only_their_author_may_change_them(ann, bob, answered):
    insight = pin(ann, answered)
    url = f"/api/insights/{insight['id']}/comments/"
    first = ann.post(url, {"text": "  First!  "}, format="json")
    assert first.status_code == 201
    comment = first.json()
    assert set(comment) == {"id", "insight", "author", "text", "created_at", "updated_at"}
    assert comment["text"] == "First!" and comment["author"] == "ann@acme.example"
    bob.post(url, {"text": "Second."}, format="json")
    assert [c["text"] for c in ann.get(url).json()["results"]] == ["First!", "Second."]

    own = f"{url}{comment['id']}/"
    assert bob.patch(own, {"text": "hijacked"}, format="json").status_code == 403
    assert bob.delete(own).json()["error"]["code"] == "not_comment_author"
    edited = ann.patch(own, {"text": "First, edited."}, format="json")
    assert edited.status_code == 200 and edited.json()["text"] == "First, edited."
    assert edited.json()["updated_at"] >= comment["updated_at"]
    assert ann.delete(own).status_code == 204
    assert [c["text"] for c in ann.get(url).json()["results"]] == ["Second."]
    assert ann.delete(own).status_code == 404


@pytest.mark.parametrize("text", ["", "   ", "x" * 2001])
def test_comments_have_1_to_2000_characters(ann, answered, text):
    insight = pin(ann, answered)
    response = ann.post(f"/api/insights/{insight['id']}/comments/", {"text": text}, format="json")
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_text"


def test_another_tenants_insights_and_comments_are_404(ann, intruder, answered):
    conversation, _, answer = answered
    insight = pin(ann, answered)
    comment = ann.post(f"/api/insights/{insight['id']}/comments/", {"text": "mine"}, format="json").json()
    base = f"/api/insights/{insight['id']}/"
    attempts = [
        intruder.post("/api/insights/", {"conversation": conversation, "message": answer}, format="json"),
        intruder.get(base),
        intruder.delete(base),
        intruder.post(base + "share/", {}, format="json"),
        intruder.delete(base + "share/"),
        intruder.get(base + "comments/"),
        intruder.post(base + "comments/", {"text": "hi"}, format="json"),
        intruder.patch(f"{base}comments/{comment['id']}/", {"text": "x"}, format="json"),
        intruder.delete(f"{base}comments/{comment['id']}/"),
    ]
    assert [r.status_code for r in attempts] == [404] * len(attempts)
    assert intruder.get("/api/insights/").json() == {"results": [], "next": None}
    assert ann.get(base + "comments/").json()["results"][0]["text"] == "mine"
