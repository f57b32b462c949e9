"""Load: 50 clients chatting at once over HTTP and WebSocket against a real daphne, then a storage audit.

Half the clients ask through ``POST /api/chat/conversations/{id}/messages/``, half through
``ws/chat/{id}/``, each in its own conversation, for a bounded time (20 s; 5 s with --quick).
Afterwards every conversation is read back: its messages must be exactly the ones the client was
told were stored, each once, numbered without gaps, question before answer.
"""
from __future__ import annotations

import io
import json
import os
import secrets
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import requests
from django.conf import settings
from django.test import override_settings
from websockets.sync.client import connect

from benchmarks.figures import Figure, percentile
from chat.selectors import list_messages
from metrics.demo_data import write_csv
from metrics.services import import_dataset
from salestalk.dynamodb_local import free_port
from tenants.selectors import get_tenant_context
from tenants.services import onboard_tenant
from tenants.tokens import issue_token

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = 50
AS_OF = "2025-12-15"
ASK_TIMEOUT = 60.0
QUESTIONS = (
    "What was revenue last month?",
    "Revenue by region last quarter",
    "How did Q3 revenue compare to Q2?",
    "Top 3 products by gross margin this year",
    "Monthly revenue over the last 6 months",
    "Why did revenue change in November?",
    "And in Europe?",
    "How are we doing?",
)


@dataclass
class Client:
    kind: str  # "http" | "ws"
    conversation: str
    latencies_ms: list[float] = field(default_factory=list)
    stored: list[str] = field(default_factory=list)  # message ids the server said it stored, in order
    errors: list[str] = field(default_factory=list)


class Daphne:
    """A daphne subprocess on loopback, sharing the benchmark's DynamoDB, table prefix and JWT secret."""

    def __init__(self, *, endpoint: str, prefix: str, secret: str, log: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "salestalk.settings.local",
            "SALESTALK_DYNAMODB_ENDPOINT": endpoint,
            "SALESTALK_TABLE_PREFIX": prefix,
            "SALESTALK_SECRET_KEY": secrets.token_urlsafe(48),
            "SALESTALK_JWT_SECRET": secret,
            "SALESTALK_LOG_LEVEL": "WARNING",
        }
        self.log = open(log, "wb")  # noqa: SIM115 -- open for the life of the process, closed in stop()
        self.process = subprocess.Popen(
            [str(Path(sys.executable).parent / "daphne"), "-b", "127.0.0.1", "-p", str(self.port),
             "salestalk.asgi:application"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )

    def wait_ready(self, token: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"daphne exited with {self.process.returncode}; see {self.log.name}")
            try:
                if requests.get(f"{self.base}/api/me", headers=_auth(token), timeout=2).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"daphne did not answer within {timeout:.0f}s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _http_client(base: str, token: str, client: Client, deadline: float) -> None:
    session = requests.Session()
    session.headers.update(_auth(token))
    n = 0
    while time.monotonic() < deadline:
        question = QUESTIONS[n % len(QUESTIONS)]
        n += 1
        started = time.perf_counter()
        try:
            response = session.post(f"{base}/api/chat/conversations/{client.conversation}/messages/",
                                    json={"text": question, "as_of": AS_OF}, timeout=ASK_TIMEOUT)
        except requests.RequestException as exc:
            client.errors.append(type(exc).__name__)
            continue
        if response.status_code != 201:
            client.errors.append(f"HTTP {response.status_code}")
            continue
        client.latencies_ms.append((time.perf_counter() - started) * 1000)
        body = response.json()
        client.stored += [body["user_message"]["id"], body["assistant_message"]["id"]]


def _ws_client(base: str, token: str, client: Client, deadline: float) -> None:
    ticket = requests.post(f"{base}/api/chat/ws-ticket", json={"conversation": client.conversation},
                           headers=_auth(token), timeout=ASK_TIMEOUT).json()["ticket"]
    uri = f"ws://127.0.0.1:{base.rsplit(':', 1)[1]}/ws/chat/{client.conversation}/?ticket={ticket}"
    n = 0
    with connect(uri, origin=base, open_timeout=ASK_TIMEOUT) as socket:
        while time.monotonic() < deadline:
            question = QUESTIONS[n % len(QUESTIONS)]
            n += 1
            started = time.perf_counter()
            socket.send(json.dumps({"type": "ask", "text": question, "as_of": AS_OF}))
            while True:
                try:
                    event = json.loads(socket.recv(timeout=ASK_TIMEOUT))
                except TimeoutError:
                    client.errors.append("timeout")
                    return
                if event.get("type") == "answer":
                    client.latencies_ms.append((time.perf_counter() - started) * 1000)
                    client.stored += [event["user_message"]["id"], event["assistant_message"]["id"]]
                    break
                if event.get("type") == "error":
                    client.errors.append(event["error"]["code"])
                    break


def _run_client(kind: str, base: str, token: str, client: Client, deadline: float) -> None:
    try:
        (_http_client if kind == "http" else _ws_client)(base, token, client, deadline)
    except Exception as exc:
        client.errors.append(f"{type(exc).__name__}: {exc}"[:200])


def audit(*, tenant, clients: list[Client]) -> int:
    """Messages lost, duplicated, reordered or unexplained, over every conversation."""
    anomalies = 0
    for client in clients:
        messages, before = [], None
        while True:
            page, before = list_messages(tenant=tenant, conversation_id=client.conversation, limit=100,
                                         before_seq=before)
            messages.extend(page)
            if before is None:
                break
        messages.sort(key=lambda m: int(m.seq))
        seqs = [int(m.seq) for m in messages]
        anomalies += sum(1 for n, seq in enumerate(seqs, start=1) if seq != n)
        ids = [m.id for m in messages]
        anomalies += len(ids) - len(set(ids))
        anomalies += sum(1 for m, expected in zip(messages, ("user", "assistant") * len(messages), strict=False)
                         if m.sender != expected)
        # An ask that errored on the client may still have been stored; one that succeeded must be, once.
        confirmed = [i for i in ids if i in set(client.stored)]
        anomalies += abs(len(confirmed) - len(client.stored)) + (confirmed != client.stored)
        if not client.errors:
            anomalies += len(ids) - len(client.stored)
    return anomalies


def run(ctx) -> list[Figure]:
    duration = 5.0 if ctx.quick else 20.0
    secret = secrets.token_urlsafe(32)
    email = "owner@load-co.example"
    onboard_tenant(tenant_id="load-co", name="Load Co", owner_email=email)
    tenant = get_tenant_context(tenant_id="load-co", email=email)
    text = io.StringIO(newline="")
    write_csv(text, start=date(2024, 7, 1) if ctx.quick else date(2024, 1, 1), end=date(2025, 12, 14))
    import_dataset(tenant=tenant, stream=io.BytesIO(text.getvalue().encode()), source="demo.csv", replace=False)
    with override_settings(SALESTALK_JWT_SECRET=secret):
        token = issue_token(tenant_id="load-co", email=email)
    server = Daphne(endpoint=ctx.endpoint, prefix=settings.SALESTALK_TABLE_PREFIX, secret=secret,
                    log=ctx.data_dir / "bench_load_daphne.log")
    try:
        server.wait_ready(token)
        clients = []
        for n in range(CLIENTS):
            response = requests.post(f"{server.base}/api/chat/conversations/", json={"title": f"load {n}"},
                                     headers=_auth(token), timeout=ASK_TIMEOUT)
            response.raise_for_status()
            clients.append(Client(kind="http" if n % 2 == 0 else "ws", conversation=response.json()["id"]))
        started = time.monotonic()
        deadline = started + duration
        with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            for client in clients:
                pool.submit(_run_client, client.kind, server.base, token, client, deadline)
        elapsed = time.monotonic() - started
    finally:
        server.stop()

    answers = sum(len(c.latencies_ms) for c in clients)
    errors = sum(len(c.errors) for c in clients)
    figures = [
        Figure("load", f"{CLIENTS} clients: answers per second", answers / elapsed, "/s", lower_is_better=False),
        Figure("load", "answers in the run", answers, "n", lower_is_better=False),
        Figure("load", "errors", errors, "n", goal=0),
        Figure("load", "messages lost, duplicated or out of order", audit(tenant=tenant, clients=clients), "n", goal=0),
    ]
    for kind, label in (("http", "HTTP ask"), ("ws", "WebSocket ask")):
        samples = [ms for c in clients if c.kind == kind for ms in c.latencies_ms]
        if samples:
            figures += [Figure("load", f"{label} p{p}", percentile(samples, p), "ms") for p in (50, 95, 99)]
    if errors:
        first = next(e for c in clients for e in c.errors)
        print(f"  load: {errors} errors, e.g. {first}", file=sys.stderr)
    return figures

