"""Fault injection: a DynamoDB Local of our own (to stop and restart), a throttling proxy, a dataset."""
from __future__ import annotations

import http.client
import io
import json
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Self
from urllib.parse import urlparse

import pytest

from metrics.services import import_dataset
from salestalk import dynamodb_local
from tenants.context import TenantContext
from tests.attack.victim import dataset_csv


class OwnDynamoDB:
    """DynamoDB Local on its own port with its data on disk, so it can die and come back with its data."""

    def __init__(self, data_dir: Path) -> None:
        self.port = dynamodb_local.free_port()
        self.data_dir = data_dir
        self.server: dynamodb_local.Server | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        # Generous: a JVM restarting on a busy 2-core machine can take over a minute.
        self.server = dynamodb_local.start(port=self.port, data_dir=self.data_dir, timeout=240)

    def stop(self) -> None:
        if self.server is not None and self.server.process is not None:
            dynamodb_local.stop(self.server.process)
        assert not dynamodb_local.answers(self.endpoint)


@pytest.fixture(scope="module")
def own_dynamodb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OwnDynamoDB]:
    own = OwnDynamoDB(tmp_path_factory.mktemp("dynamodb"))
    own.start()
    yield own
    own.stop()


@pytest.fixture
def on_own_dynamodb(settings, own_dynamodb: OwnDynamoDB) -> OwnDynamoDB:
    if not dynamodb_local.answers(own_dynamodb.endpoint):
        own_dynamodb.start()  # a previous test left it stopped
    settings.SALESTALK_DYNAMODB_ENDPOINT = own_dynamodb.endpoint
    return own_dynamodb


THROTTLED = {
    "__type": "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
    "message": "The level of configured provisioned throughput for the table was exceeded.",
}


class ThrottlingProxy:
    """Forwards DynamoDB calls, but answers the next ``n`` calls of an operation with a throttling error."""

    def __init__(self, upstream: str) -> None:
        self.upstream = urlparse(upstream)
        self.calls: Counter[str] = Counter()
        self.throttled: Counter[str] = Counter()
        self._budget: dict[str | None, int] = {}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def throttle(self, n: int, operation: str | None = None) -> None:
        """Throttle the next ``n`` calls of ``operation`` (any operation if None)."""
        with self._lock:
            self._budget[operation] = n
            self.calls.clear()
            self.throttled.clear()

    def _should_throttle(self, operation: str) -> bool:
        with self._lock:
            self.calls[operation] += 1
            for key in (operation, None):
                if self._budget.get(key, 0) > 0:
                    self._budget[key] -= 1
                    self.throttled[operation] += 1
                    return True
            return False

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                operation = (self.headers.get("X-Amz-Target") or "").rsplit(".", 1)[-1]
                if proxy._should_throttle(operation):
                    self._reply(400, json.dumps(THROTTLED).encode(), "application/x-amz-json-1.0")
                    return
                upstream = http.client.HTTPConnection(proxy.upstream.hostname, proxy.upstream.port, timeout=30)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
                upstream.request("POST", self.path, body=body, headers=headers)
                response = upstream.getresponse()
                self._reply(response.status, response.read(), response.getheader("Content-Type", ""))
                upstream.close()

            def _reply(self, status: int, payload: bytes, content_type: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(payload)))
                self.send_header("x-amzn-RequestId", "proxy")
                self.end_headers()
                self.wfile.write(payload)

        return Handler

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def throttling(settings, dynamodb_server: dynamodb_local.Server) -> Iterator[ThrottlingProxy]:
    with ThrottlingProxy(dynamodb_server.endpoint) as proxy:
        settings.SALESTALK_DYNAMODB_ENDPOINT = proxy.endpoint
        settings.SALESTALK_DYNAMODB_MAX_RETRIES = 3
        yield proxy


def with_dataset(tenant: TenantContext, *, marker: str = "Region", days: int = 90) -> TenantContext:
    import_dataset(tenant=tenant, stream=io.BytesIO(dataset_csv(marker=marker, days=days)), source="faults.csv",
                   replace=True)
    return tenant
