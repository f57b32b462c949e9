"""Hostile text on every surface that takes people's text: REST (questions, conversation titles, comments,
insight titles, the semantic model's labels, words and aliases, upload file names), the Channels WebSocket
and the API Gateway WebSocket handler.

Each is refused with one clear error (the same code everywhere), never a 500 and never a 1011 close;
and text stored before validation existed (a lone surrogate) never breaks a read, nor a delete.
"""
from __future__ import annotations

import base64
import json

import botocore.session
import pytest
from asgiref.sync import async_to_sync
from botocore.stub import ANY, Stubber
from channels.testing import WebsocketCommunicator
from django.test import override_settings

from chat import connections
from chat.lambda_ws import handler
from chat.models import CONVERSATIONS_PK, ConversationItem, MessageItem, conversation_sk, message_sk, messages_pk
from chat.services import append_message, create_conversation
from chat.tickets import issue_ticket
from collab.models import INSIGHTS_PK, CommentItem, InsightItem, comment_sk, comments_pk, insight_sk
from collab.services import add_comment, pin_insight, share_insight
from salestalk.tests.lambda_events import WS_HOST, WS_STAGE, ws_connect_event, ws_disconnect_event, ws_message_event
from tenants.storage import bind
from tests.attack.conftest import token_headers
from tests.attack.ledger import Attempt, judge

# Channels closes stale Django database connections around every consumer message.
pytestmark = pytest.mark.django_db

SURROGATE = "\ud800"
HOSTILE = {
    "lone surrogate": f"revenue {SURROGATE} last month",
    "low surrogate": "revenue \udfff",
    "nul": "revenue\x00 last month",
    "bell": "revenue \x07",
    "escape sequence": "revenue \x1b[2J",
    "delete": "revenue \x7f",
    "right-to-left override": "revenue \u202e htnom tsal",
    "left-to-right isolate": "revenue \u2066 x \u2069",
    "100 KB": "x" * 100_000,
}
# Kept: these are ordinary text.
BENIGN = {"newline and tab": "revenue\n\tlast month", "hebrew": "הכנסות בחודש שעבר", "emoji": "revenue 📈"}


def as_json(payload: dict) -> str:
    # ensure_ascii (the default) writes a lone surrogate as the escape "\ud800", as a hostile client would.
    return json.dumps(payload)


def answered_conversation(tenant, *, title: str) -> tuple[str, str, str]:
    """(conversation, answer message, insight of the answer) ids."""
    conversation_id = create_conversation(tenant=tenant, title=title).id
    append_message(tenant=tenant, conversation_id=conversation_id, sender="user", text="revenue?")
    answer = append_message(
        tenant=tenant, conversation_id=conversation_id, sender="assistant", text="Revenue was 1.",
        context={"narrative": "Revenue was 1.", "understanding": {}, "result": {}},
    )
    insight = pin_insight(tenant=tenant, conversation_id=conversation_id, message_id=answer.id)
    return conversation_id, answer.id, insight.id


@pytest.fixture(scope="module")
def own(attacker, dynamodb_server, _module_prefix):
    """A conversation with an answer and an insight of it, in a tenant of its own."""
    # Module fixtures run before the per-test table settings: name this module's tables here too.
    with override_settings(SALESTALK_DYNAMODB_ENDPOINT=dynamodb_server.endpoint, SALESTALK_TABLE_PREFIX=_module_prefix):
        conversation, message, insight = answered_conversation(attacker.tenant, title="hostile")
    return {"tenant": attacker.tenant, "conversation": conversation, "message": message, "insight": insight,
            "member": f"{attacker.marker}-North"}


def rest_writes(own: dict, text: str) -> list[tuple[str, str, dict]]:
    conversation, insight = own["conversation"], own["insight"]
    return [
        ("POST", "/api/chat/conversations/", {"title": text}),
        ("PATCH", f"/api/chat/conversations/{conversation}/", {"title": text}),
        ("POST", f"/api/chat/conversations/{conversation}/messages/", {"text": text}),
        ("POST", f"/api/insights/{insight}/comments/", {"text": text}),
        ("POST", "/api/insights/", {"conversation": conversation, "message": own["message"], "title": text}),
        ("PATCH", "/api/metrics/model/measures/revenue", {"label": text}),
        ("PATCH", "/api/metrics/model/measures/revenue", {"words": [text]}),
        ("POST", "/api/metrics/model/measures/", {"name": "hostile_ratio", "kind": "ratio", "a": "revenue",
                                                  "b": "orders", "label": text}),
        ("PATCH", "/api/metrics/model/dimensions/region", {"label": text}),
        ("PATCH", "/api/metrics/model/dimensions/region", {"aliases": {text: own["member"]}}),
        ("PATCH", "/api/metrics/model/dimensions/region", {"aliases": {"hostile": text}}),
        ("POST", "/api/metrics/uploads/", {"filename": text, "size": 100}),
    ]
TEXT_FIELDS = {"title", "question", "comment", "label", "word", "alias", "member", "filename"}


@pytest.mark.parametrize("name", HOSTILE)
def test_rest_refuses_hostile_text_with_one_clear_error(prober, own, name):
    headers = token_headers(own["tenant"])
    for method, path, body in rest_writes(own, HOSTILE[name]):
        response = prober.client.generic(
            method, path, data=as_json(body), content_type="application/json", headers=headers
        )
        outcome = judge(status=response.status_code, body=response.content, marker=prober.marker, api=True)
        prober.record(Attempt("hostile text: REST", f"{method} {path} ({name})", response.status_code, outcome))
        assert response.status_code == 400, (method, path, response.content[:200])
        error = response.json()["error"]
        assert error["code"] == "invalid_text", (path, error)
        assert error["details"]["field"] in TEXT_FIELDS
        if name == "100 KB":
            assert f"{error['details']['max_chars']:,}" in error["message"]  # the limit, in the message
        else:
            assert "U+" in error["message"]  # names the character


@pytest.mark.parametrize("name", BENIGN)
def test_ordinary_text_is_kept(prober, own, name):
    headers = token_headers(own["tenant"])
    response = prober.client.post(
        "/api/chat/conversations/", data=as_json({"title": BENIGN[name]}), content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 201
    assert response.json()["title"] == " ".join(BENIGN[name].split())


@pytest.mark.parametrize(
    "body", ["[" * 50_000, '{"text": ' * 5_000, "not json at all", '{"title": "x"'], ids=["deep list", "deep object",
                                                                                      "not json", "truncated"]
)
def test_rest_refuses_malformed_and_deep_bodies_without_a_500(prober, own, body):
    path = f"/api/chat/conversations/{own['conversation']}/messages/"
    attempt = prober.send(category="hostile text: REST", method="POST", path=path,
                          headers=token_headers(own["tenant"]), body=body)
    assert attempt.status == 400, attempt


HOSTILE_FRAMES = {
    **{name: as_json({"type": "ask", "text": text}) for name, text in HOSTILE.items()},
    "deep JSON": "[" * 8_000,
    "deep object": '{"a":' * 1_500,
    "not JSON": "what was revenue?",
    "JSON but not an object": "[1, 2, 3]",
    "100 KB frame": as_json({"type": "ask", "text": "x" * 100_000}),
    "text not a string": as_json({"type": "ask", "text": {"$gt": ""}}),
}
FRAME_CODES = {"invalid_text", "invalid_frame"}


def test_the_channels_socket_answers_every_hostile_frame_with_an_error_frame(prober, own, settings):
    settings.SALESTALK_WS_MAX_FRAMES_PER_SECOND = 1_000  # the burst is the point here, not the rate
    from salestalk.asgi import application

    ticket, _ = issue_ticket(tenant=own["tenant"], conversation_id=own["conversation"])

    async def run() -> list[tuple[str, dict]]:
        socket = WebsocketCommunicator(
            application, f"/ws/chat/{own['conversation']}/?ticket={ticket}", headers=[(b"origin", b"http://testserver")]
        )
        assert (await socket.connect(timeout=5))[0]
        replies = []
        for name, frame in [*HOSTILE_FRAMES.items(), ("binary", None)]:
            if frame is None:
                await socket.send_to(bytes_data=b"\x00\xff" * 100)
            else:
                await socket.send_to(text_data=frame)
            output = await socket.receive_output(timeout=5)
            assert output["type"] == "websocket.send", (name, output)  # never a close, let alone a 1011
            replies.append((name, json.loads(output["text"])))
        await socket.disconnect()
        return replies

    for name, reply in async_to_sync(run)():
        prober.record(Attempt("hostile text: Channels", name, reply["type"], "refused"))
        assert reply["type"] == "error" and reply["error"]["code"] in FRAME_CODES, (name, reply)
    assert len(list(bind(MessageItem, tenant=own["tenant"]).query(messages_pk(own["conversation"])))) == 2


class Management:
    """A real apigatewaymanagementapi client under Stubber: what the handler posts back, to whom."""

    def __init__(self) -> None:
        self.client = botocore.session.get_session().create_client(
            "apigatewaymanagementapi", region_name="us-east-1", endpoint_url=f"https://{WS_HOST}/{WS_STAGE}",
            aws_access_key_id="function-role", aws_secret_access_key="x",
        )
        self.stubber = Stubber(self.client)
        self.posted: list[tuple[str, dict]] = []
        self.client.meta.events.register(
            "provide-client-params.apigatewaymanagementapi.PostToConnection",
            lambda params, **_: self.posted.append((params["ConnectionId"], json.loads(params["Data"]))),
        )


def test_the_lambda_handler_answers_every_hostile_frame_with_an_error_frame(prober, own, settings, monkeypatch):
    settings.SALESTALK_WS_MAX_FRAMES_PER_SECOND = 1_000
    settings.SALESTALK_EVENTS_BACKEND = "apigateway"
    management = Management()
    monkeypatch.setattr(connections, "management_client", lambda endpoint: management.client)
    connections.ensure_connections_table()
    ticket, _ = issue_ticket(tenant=own["tenant"], conversation_id=own["conversation"])
    query = {"conversation": own["conversation"], "ticket": ticket}
    assert handler(ws_connect_event("hostile=", query=query), None)["statusCode"] == 200

    binary = ws_message_event("hostile=", base64.b64encode(b"\x00\xff" * 100).decode())
    binary["isBase64Encoded"] = True
    events = {name: ws_message_event("hostile=", frame) for name, frame in HOSTILE_FRAMES.items()}
    events["binary"] = binary
    with management.stubber:
        for name, event in events.items():
            management.stubber.add_response("post_to_connection", {}, {"ConnectionId": "hostile=", "Data": ANY})
            response = handler(event, None)
            prober.record(Attempt("hostile text: Lambda", name, response["statusCode"], "refused"))
            assert response["statusCode"] == 400, name
            connection_id, reply = management.posted[-1]
            assert connection_id == "hostile=" and reply["type"] == "error", name
            assert reply["error"]["code"] in FRAME_CODES, (name, reply)
        management.stubber.assert_no_pending_responses()
    assert handler(ws_disconnect_event("hostile="), None)["statusCode"] == 200


def test_text_stored_before_validation_never_breaks_a_read_nor_a_delete(prober, own):
    """As if an old item held a lone surrogate: every read renders it (as U+FFFD), and it can be deleted."""
    tenant = own["tenant"]
    conversation_id, _, insight_id = answered_conversation(tenant, title="to be spoiled")
    comment = add_comment(tenant=tenant, insight_id=insight_id, text="fine for now")
    token, _ = share_insight(tenant=tenant, insight_id=insight_id)

    bad = f"spoiled {SURROGATE} text"
    Conversation = bind(ConversationItem, tenant=tenant)
    Conversation(CONVERSATIONS_PK, conversation_sk(conversation_id)).update(actions=[Conversation.title.set(bad)])
    Message = bind(MessageItem, tenant=tenant)
    Message(messages_pk(conversation_id), message_sk(2)).update(
        actions=[Message.text.set(bad), Message.context.set({"narrative": bad, "result": {"label": bad}})]
    )
    Insight = bind(InsightItem, tenant=tenant)
    Insight(INSIGHTS_PK, insight_sk(insight_id)).update(
        actions=[Insight.title.set(bad), Insight.narrative.set(bad), Insight.question.set(bad)]
    )
    Comment = bind(CommentItem, tenant=tenant)
    Comment(comments_pk(insight_id), comment_sk(comment.id)).update(actions=[Comment.text.set(bad)])

    headers = token_headers(tenant)
    reads = [
        ("GET", "/api/chat/conversations/", headers),
        ("GET", f"/api/chat/conversations/{conversation_id}/", headers),
        ("GET", f"/api/chat/conversations/{conversation_id}/messages/", headers),
        ("GET", "/api/insights/", headers),
        ("GET", f"/api/insights/{insight_id}/", headers),
        ("GET", f"/api/insights/{insight_id}/comments/", headers),
        ("GET", f"/api/share/{token}", {}),
        ("GET", f"/share/{token}", {}),
    ]
    for method, path, with_headers in reads:
        response = prober.client.generic(method, path, headers=with_headers)
        prober.record(Attempt("hostile text: stored", path, response.status_code,
                              "refused" if response.status_code < 500 else "server_error"))
        assert response.status_code == 200, (path, response.content[:200])
        assert "spoiled \ufffd text".encode() in response.content or b"spoiled \\ufffd text" in response.content, path

    for path in (f"/api/insights/{insight_id}/", f"/api/chat/conversations/{conversation_id}/"):
        assert prober.client.delete(path, headers=headers).status_code == 204, path
    assert prober.client.get(f"/api/share/{token}").status_code == 404


@pytest.mark.parametrize("given", ["../../tenants/victim-co/datasets/q1.csv", "C:\\Users\\ann\\q1.csv", "q1.csv",
                                   "/etc/q1.csv"])
def test_an_upload_is_named_by_its_file_name_never_its_path(given):
    from metrics.uploads import display_filename

    assert display_filename(given) == "q1.csv"
