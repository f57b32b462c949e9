"""The DynamoDB counter's retry path, against DynamoDB Local behind a proxy that loses or refuses one call.

An ADD is not idempotent and UpdateItem takes no idempotency token, so a call whose response is lost
after DynamoDB applied it is counted again when botocore retries it. That is accepted (see
``tenants.throttle_store``): the error is one extra hit per lost response, always towards refusing
sooner, never towards letting more through; a retry of a call DynamoDB refused counts once.
"""
from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from tenants.throttle_store import DynamoDBCounterStore, throttle_table_name

LONG = 10**9  # one window for the whole test
UPDATE = "DynamoDB_20120810.UpdateItem"


class Proxy(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, upstream: str) -> None:
        super().__init__(("127.0.0.1", 0), ProxyHandler)
        self.upstream = urlsplit(upstream)
        self.fault: str | None = None  # "lose": forward, then drop the response; "throttle": refuse unforwarded
        self.updates = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class ProxyHandler(BaseHTTPRequestHandler):
    server: Proxy

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        fault = None
        if self.headers.get("X-Amz-Target") == UPDATE:
            self.server.updates += 1
            fault, self.server.fault = self.server.fault, None
        if fault == "throttle":
            refusal = json.dumps({"__type": "com.amazonaws.dynamodb.v20120810#ThrottlingException",
                                  "message": "Rate exceeded"}).encode()
            self.send_response(400)
            self.send_header("Content-Type", "application/x-amz-json-1.0")
            self.send_header("Content-Length", str(len(refusal)))
            self.end_headers()
            self.wfile.write(refusal)
            return
        upstream = http.client.HTTPConnection(self.server.upstream.hostname, self.server.upstream.port, timeout=30)
        upstream.request("POST", self.path, body=body, headers=dict(self.headers))
        response = upstream.getresponse()
        payload = response.read()
        upstream.close()
        if fault == "lose":  # DynamoDB applied the call; its answer never reaches the client
            self.close_connection = True
            return
        self.send_response(response.status)
        for name, value in response.getheaders():
            if name.lower() not in {"content-length", "connection", "transfer-encoding"}:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def proxy(settings) -> Iterator[Proxy]:
    server = Proxy(settings.SALESTALK_DYNAMODB_ENDPOINT)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SALESTALK_DYNAMODB_ENDPOINT = server.url
    settings.SALESTALK_DYNAMODB_MAX_RETRIES = 3
    yield server
    server.shutdown()
    server.server_close()


def test_a_lost_response_is_retried_and_counted_once_more_never_less(proxy):
    store = DynamoDBCounterStore(table_name=throttle_table_name())
    assert store.hit("sign_in_ip:10.0.0.1", window=LONG).count == 1
    proxy.fault = "lose"
    retried = store.hit("sign_in_ip:10.0.0.1", window=LONG)
    assert proxy.updates == 3  # the first hit, the lost call, its retry
    assert retried.count == 3  # two requests, counted three times: the accepted error, towards refusing
    assert store.peek("sign_in_ip:10.0.0.1", window=LONG).count == 3


def test_a_refused_call_is_retried_and_counted_once(proxy):
    store = DynamoDBCounterStore(table_name=throttle_table_name())
    proxy.fault = "throttle"
    assert store.hit("ask_user:acme:1", window=LONG).count == 1
    assert proxy.updates == 2
    assert store.peek("ask_user:acme:1", window=LONG).count == 1
