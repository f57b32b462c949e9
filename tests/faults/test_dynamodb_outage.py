"""DynamoDB dies in the middle of a chat and of an import: a clear 503, nothing half-written, and recovery."""
from __future__ import annotations

import io

import chat.services
import metrics.services
from tests.attack.victim import dataset_csv
from tests.faults.conftest import with_dataset

AS_OF = "2025-03-15"


def assert_unavailable(response) -> None:
    assert response.status_code == 503, response.content[:300]
    assert response.json()["error"]["code"] == "storage_unavailable"
    assert response["Retry-After"]


def exchanges(messages: list[dict]) -> list[tuple[str, str]]:
    """The conversation as (question, answer) pairs; fails if any question lacks its answer."""
    ordered = sorted(messages, key=lambda m: m["seq"])
    assert [m["seq"] for m in ordered] == list(range(1, len(ordered) + 1))
    assert [m["sender"] for m in ordered] == ["user", "assistant"] * (len(ordered) // 2), "a half-written exchange"
    pairs = list(zip(ordered[::2], ordered[1::2], strict=False))
    assert all(a["metadata"].get("reply_to") == q["id"] for q, a in pairs)
    return [(q["text"], a["text"]) for q, a in pairs]


def test_storage_dying_mid_chat_answers_503_leaves_no_half_exchange_and_recovers(
    on_own_dynamodb, make_tenant, api_client_for, monkeypatch
):
    tenant = with_dataset(make_tenant("outage-chat"))
    client = api_client_for(tenant)
    conversation = client.post("/api/chat/conversations/", {"title": "outage"}, format="json").json()["id"]
    messages_url = f"/api/chat/conversations/{conversation}/messages/"
    asked = client.post(messages_url, {"text": "What was revenue last month?", "as_of": AS_OF}, format="json")
    assert asked.status_code == 201

    real_append = chat.services.append_messages

    def dying_append(**kwargs):
        on_own_dynamodb.stop()  # the answer is computed; the exchange is about to be stored
        return real_append(**kwargs)

    monkeypatch.setattr(chat.services, "append_messages", dying_append)
    assert_unavailable(client.post(messages_url, {"text": "And in February?", "as_of": AS_OF}, format="json"))
    monkeypatch.undo()
    for url in ("/api/me", "/api/chat/conversations/", messages_url, "/api/metrics/model/"):
        assert_unavailable(client.get(url))

    on_own_dynamodb.start()
    stored = client.get(messages_url).json()["results"]
    assert exchanges(stored)[0][0] == "What was revenue last month?"
    again = client.post(messages_url, {"text": "And in February?", "as_of": AS_OF}, format="json")
    assert again.status_code == 201
    assert exchanges(client.get(messages_url).json()["results"])[-1][0] == "And in February?"


def test_storage_dying_mid_import_keeps_the_previous_dataset_and_a_reimport_works(
    on_own_dynamodb, make_tenant, api_client_for, monkeypatch
):
    tenant = make_tenant("outage-import")
    client = api_client_for(tenant)

    def upload(marker: str):
        csv = io.BytesIO(dataset_csv(marker=marker, days=120))
        csv.name = f"{marker}.csv"
        return client.post("/api/metrics/datasets/", {"file": csv, "replace": True}, format="multipart")

    assert upload("Old").status_code == 201
    before = client.get("/api/metrics/datasets/").json()
    model = client.get("/api/metrics/model/").json()
    query = "/api/metrics/query/?start=2025-01-01&end=2025-03-31&group_by=region"
    answer = client.get(query).json()

    real_save = metrics.services.save_version_file

    def save_then_outage(**kwargs):
        size = real_save(**kwargs)  # the version's record and file are written; its model and pointer are not
        on_own_dynamodb.stop()
        return size

    monkeypatch.setattr(metrics.services, "save_version_file", save_then_outage)
    assert_unavailable(upload("New"))
    monkeypatch.undo()

    on_own_dynamodb.start()
    assert client.get("/api/metrics/datasets/").json() == before
    assert client.get("/api/metrics/model/").json() == model
    assert client.get(query).json() == answer
    assert upload("New").status_code == 201
    regions = client.get("/api/metrics/model/").json()["dimensions"]["region"]
    assert regions == ["New-North", "New-South"]
