"""Real-shaped Lambda events (API Gateway HTTP API payload 2.0, WebSocket API), as AWS documents them."""
from __future__ import annotations

import base64
import json
import time
from typing import Any

API_ID = "a1b2c3d4e5"
WS_API_ID = "w1x2y3z4v5"
REGION = "us-east-1"
ACCOUNT = "123456789012"
HTTP_HOST = f"{API_ID}.execute-api.{REGION}.amazonaws.com"
WS_HOST = f"{WS_API_ID}.execute-api.{REGION}.amazonaws.com"
WS_STAGE = "prod"


def _request_time() -> tuple[str, int]:
    now = time.time()
    return time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(now)), int(now * 1000)


def http_event(
    method: str,
    path: str,
    *,
    headers: dict[str, str] | None = None,
    query: str = "",
    body: bytes | str | None = None,
    base64_body: bool = False,
    claims: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An HTTP API (v2) proxy event for ``ANY /{proxy+}``; ``claims`` as a Cognito JWT authorizer passes them."""
    request_time, epoch = _request_time()
    all_headers = {
        "accept": "application/json",
        "content-length": str(len(body or b"")),
        "host": HTTP_HOST,
        "user-agent": "curl/8.5.0",
        "x-amzn-trace-id": "Root=1-65f1c0de-0123456789abcdef01234567",
        "x-forwarded-for": "198.51.100.7",
        "x-forwarded-port": "443",
        "x-forwarded-proto": "https",
        **{k.lower(): v for k, v in (headers or {}).items()},
    }
    if isinstance(body, str):
        body = body.encode()
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": "ANY /{proxy+}",
        "rawPath": path,
        "rawQueryString": query,
        "headers": all_headers,
        "requestContext": {
            "accountId": ACCOUNT,
            "apiId": API_ID,
            "domainName": HTTP_HOST,
            "domainPrefix": API_ID,
            "http": {
                "method": method,
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": "198.51.100.7",
                "userAgent": "curl/8.5.0",
            },
            "requestId": "JKJaXmPLvHcESHA=",
            "routeKey": "ANY /{proxy+}",
            "stage": "$default",
            "time": request_time,
            "timeEpoch": epoch,
        },
        "pathParameters": {"proxy": path.lstrip("/")},
        "isBase64Encoded": base64_body,
    }
    if query:
        event["queryStringParameters"] = dict(part.split("=", 1) for part in query.split("&"))
    if body is not None:
        event["body"] = base64.b64encode(body).decode() if base64_body else body.decode()
    if claims is not None:
        event["requestContext"]["authorizer"] = {"jwt": {"claims": claims, "scopes": None}}
    return event


def _ws_context(route_key: str, event_type: str, connection_id: str) -> dict[str, Any]:
    request_time, epoch = _request_time()
    return {
        "routeKey": route_key,
        "eventType": event_type,
        "extendedRequestId": "WyHPAHbQBcwFWMw=",
        "requestTime": request_time,
        "messageDirection": "IN",
        "stage": WS_STAGE,
        "connectedAt": epoch - 1000,
        "requestTimeEpoch": epoch,
        "identity": {"sourceIp": "198.51.100.7", "userAgent": "Mozilla/5.0"},
        "requestId": "WyHPAHbQBcwFWMw=",
        "domainName": WS_HOST,
        "connectionId": connection_id,
        "apiId": WS_API_ID,
    }


def ws_connect_event(connection_id: str, *, query: dict[str, str] | None = None) -> dict[str, Any]:
    headers = {
        "Host": WS_HOST,
        "Sec-WebSocket-Extensions": "permessage-deflate; client_max_window_bits",
        "Sec-WebSocket-Key": "mNRIjuK+dWTWDS8VCYeuyg==",
        "Sec-WebSocket-Version": "13",
        "X-Amzn-Trace-Id": "Root=1-65f1c0de-0123456789abcdef01234567",
        "X-Forwarded-For": "198.51.100.7",
        "X-Forwarded-Port": "443",
        "X-Forwarded-Proto": "https",
    }
    event: dict[str, Any] = {
        "headers": headers,
        "multiValueHeaders": {k: [v] for k, v in headers.items()},
        "requestContext": _ws_context("$connect", "CONNECT", connection_id),
        "isBase64Encoded": False,
    }
    if query:
        event["queryStringParameters"] = query
        event["multiValueQueryStringParameters"] = {k: [v] for k, v in query.items()}
    return event


def ws_disconnect_event(connection_id: str) -> dict[str, Any]:
    context = _ws_context("$disconnect", "DISCONNECT", connection_id)
    context.update({"disconnectStatusCode": 1000, "disconnectReason": "Client-side close frame status code"})
    headers = {"Host": WS_HOST, "x-api-key": "", "X-Forwarded-For": "", "x-restapi": ""}
    return {
        "headers": headers,
        "multiValueHeaders": {k: [v] for k, v in headers.items()},
        "requestContext": context,
        "isBase64Encoded": False,
    }


def ws_message_event(connection_id: str, message: dict[str, Any] | str) -> dict[str, Any]:
    context = _ws_context("$default", "MESSAGE", connection_id)
    context["messageId"] = "WyHPLfMsBcwCF2w="
    return {
        "requestContext": context,
        "body": message if isinstance(message, str) else json.dumps(message),
        "isBase64Encoded": False,
    }
