"""DynamoDB throttling (ProvisionedThroughputExceededException over the wire): retried with backoff by the
client; when it persists, the API answers 503 with Retry-After — never a 500, never a half-stored answer."""
from __future__ import annotations

from tests.faults.conftest import with_dataset
from tests.faults.test_dynamodb_outage import AS_OF, assert_unavailable, exchanges


def test_a_throttled_read_is_retried_and_the_request_succeeds(throttling, make_tenant, api_client_for):
    client = api_client_for(make_tenant("throttled-read"))
    throttling.throttle(2, "GetItem")
    assert client.get("/api/me").status_code == 200
    assert throttling.throttled["GetItem"] == 2
    assert throttling.calls["GetItem"] == 3, "each throttled call was retried"


def test_throttled_writes_during_an_ask_are_retried_and_stored_once(throttling, make_tenant, api_client_for):
    client = api_client_for(with_dataset(make_tenant("throttled-write")))
    conversation = client.post("/api/chat/conversations/", {"title": "t"}, format="json").json()["id"]
    url = f"/api/chat/conversations/{conversation}/messages/"
    throttling.throttle(2, "TransactWriteItems")  # the exchange is stored in one transaction
    assert client.post(url, {"text": "What was revenue last month?", "as_of": AS_OF}, format="json").status_code == 201
    assert throttling.throttled["TransactWriteItems"] == 2
    pairs = exchanges(client.get(url).json()["results"])
    assert [question for question, _ in pairs] == ["What was revenue last month?"]


def test_persistent_throttling_is_a_503_with_retry_after(throttling, make_tenant, api_client_for):
    client = api_client_for(make_tenant("throttled-hard"))
    throttling.throttle(10_000)
    for url in ("/api/me", "/api/chat/conversations/", "/api/insights/"):
        assert_unavailable(client.get(url))
    assert_unavailable(client.post("/api/chat/conversations/", {"title": "t"}, format="json"))
    assert sum(throttling.throttled.values()) >= 4 * 2, "every call was retried before giving up"
