"""DynamoDB or S3 unreachable or throttling: a 503 to retry (the envelope under /api, a plain page elsewhere)."""
from __future__ import annotations

import io
import json

import pytest
from botocore.client import BaseClient
from botocore.exceptions import ClientError, EndpointConnectionError, ReadTimeoutError
from django.test import Client
from pynamodb.exceptions import GetError, PutError
from rest_framework.test import APIClient

from chat import services as chat_services
from collab import services as collab_services
from core.unavailable import storage_unavailable
from metrics.services import import_dataset
from tests.attack.victim import dataset_csv

SECRET = "ddb-internal-7f3a.example"


def throttled(code: str = "ProvisionedThroughputExceededException", status: int = 400) -> ClientError:
    return ClientError({"Error": {"Code": code, "Message": f"rate of {SECRET}"},
                        "ResponseMetadata": {"HTTPStatusCode": status}}, "GetItem")


OUTAGES = {
    "unreachable": lambda: EndpointConnectionError(endpoint_url=f"http://{SECRET}"),
    "throttled": throttled,
}


@pytest.fixture(params=sorted(OUTAGES))
def outage(request, monkeypatch):
    """After setup, every AWS call (DynamoDB through PynamoDB, S3 through django-storages) fails this way."""

    def start() -> None:
        def fail(client, operation_name, api_params):
            raise OUTAGES[request.param]()

        monkeypatch.setattr(BaseClient, "_make_api_call", fail)

    return start


def with_dataset(tenant) -> None:
    import_dataset(tenant=tenant, stream=io.BytesIO(dataset_csv(marker="Region", days=60)), source="a.csv",
                   replace=True)


def assert_envelope_503(response) -> None:
    assert response.status_code == 503, response.content[:300]
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"].isdigit()
    assert json.loads(response.content)["error"]["code"] == "storage_unavailable"
    assert SECRET.encode() not in response.content


@pytest.fixture
def share_token(tenant):
    conversation = chat_services.create_conversation(tenant=tenant, title="August")
    question = chat_services.append_message(
        tenant=tenant, conversation_id=conversation.id, sender="user", text="What was revenue in August?"
    )
    answer = chat_services.append_message(
        tenant=tenant, conversation_id=conversation.id, sender="assistant", text="Revenue was $1.23K.",
        context={"conversation": conversation.id, "narrative": "Revenue was $1.23K.", "result": {"value": 1234.5}},
        metadata={"reply_to": question.id},
    )
    insight = collab_services.pin_insight(
        tenant=tenant, conversation_id=conversation.id, message_id=answer.id, created_by="ann@acme.example"
    )
    token, _ = collab_services.share_insight(tenant=tenant, insight_id=insight.id)
    return token


def test_a_share_link_read_through_the_api_is_a_503_envelope(share_token, outage):
    assert APIClient().get(f"/api/share/{share_token}").status_code == 200
    outage()
    assert_envelope_503(APIClient().get(f"/api/share/{share_token}"))


def test_the_public_share_page_is_a_plain_503_page(share_token, outage):
    outage()
    response = Client().get(f"/share/{share_token}")
    assert response.status_code == 503 and response["Content-Type"].startswith("text/html")
    assert response["Retry-After"].isdigit()
    assert SECRET.encode() not in response.content and b"Traceback" not in response.content


def test_an_ask_is_a_503_envelope(tenant, api_client_for, outage):
    with_dataset(tenant)
    client = api_client_for(tenant)
    conversation = client.post("/api/chat/conversations/", {"title": "t"}, format="json").json()["id"]
    outage()
    assert_envelope_503(client.post(f"/api/chat/conversations/{conversation}/messages/",
                                    {"text": "What was revenue last month?"}, format="json"))


def test_a_model_read_is_a_503_envelope(tenant, api_client_for, outage):
    with_dataset(tenant)
    client = api_client_for(tenant)
    assert client.get("/api/metrics/model/").status_code == 200
    outage()
    assert_envelope_503(client.get("/api/metrics/model/"))


def chained(cause: BaseException, wrapper: type[Exception]) -> Exception:
    """The way PynamoDB raises: its own error, raised while handling botocore's."""
    try:
        try:
            raise cause
        except Exception as exc:
            raise wrapper("Failed", exc)  # noqa: B904 (PynamoDB's own way: the cause is the context)
    except Exception as wrapped:
        return wrapped


@pytest.mark.parametrize(
    ("exc", "unavailable"),
    [
        (EndpointConnectionError(endpoint_url="http://x"), True),
        (ReadTimeoutError(endpoint_url="http://x"), True),
        (throttled(), True),
        (throttled("ThrottlingException"), True),
        (throttled("SlowDown", 503), True),  # S3
        (throttled("ServiceUnavailable", 503), True),
        (throttled("InternalServerError", 500), True),
        (throttled("RequestTimeout"), True),
        (throttled("ConditionalCheckFailedException"), False),
        (throttled("ResourceNotFoundException"), False),
        (throttled("ValidationException"), False),
        (throttled("AccessDenied", 403), False),
        (RuntimeError("boom"), False),
    ],
)
def test_what_counts_as_storage_unavailable_directly_and_wrapped_by_pynamodb(exc, unavailable):
    assert storage_unavailable(exc) is unavailable
    assert storage_unavailable(chained(exc, GetError)) is unavailable
    assert storage_unavailable(chained(exc, PutError)) is unavailable
