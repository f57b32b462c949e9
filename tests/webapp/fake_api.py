"""A tiny stand-in for the SalesTalk REST API, served over real HTTP on loopback.

It speaks the API's contract (paths, bodies, the one error shape, expiring access tokens) with canned
answers, so the Streamlit app and its client are tested at the HTTP boundary without Django.
"""
from __future__ import annotations

import itertools
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

EMAIL = "ana@acme.example"
PASSWORD = "correct-horse"


def understanding(intent: str, **fields: Any) -> dict[str, Any]:
    base = {
        "intent": intent, "subject": None, "measure": "revenue",
        "time": {"start": "2025-01-01", "end": "2025-06-30", "grain": "month"},
        "compare_to": None, "filters": {}, "group_by": None, "order": None, "limit": None,
    }
    return {**base, **fields}


def result(**fields: Any) -> dict[str, Any]:
    return {"value": None, "previous_value": None, "change": None, "change_pct": None, "rows": [], **fields}


def shown(answer: dict[str, Any]) -> dict[str, Any]:
    """The fake's display block: rows and figures as plain text, enough to test the plumbing (the real
    engine's display strings are tested in test_answers.py and against the real API)."""
    result = answer["result"]
    answer["display"] = {
        "measure": {"name": "revenue", "label": "Revenue", "format": "currency", "direction": "good"},
        "measures": {}, "period": None, "compare_period": None, "measure_figures": {},
        "figures": {name: f"{result[name]:g}" for name in ("value", "change_pct") if result.get(name) is not None},
        "rows": [{"key": row["key"], "label": row["key"], "value": f"{row['value']:g}"} for row in result["rows"]],
    }
    return answer


ANSWERS: dict[str, dict[str, Any]] = {
    "monthly revenue": shown({
        "understanding": understanding("trend"),
        "result": result(rows=[{"key": f"2025-0{m}", "value": 1000.0 * m} for m in range(1, 7)]),
        "narrative": "Revenue grew every month, from $1.0K in January to $6.0K in June.",
        "sentiment": "positive", "clarification": None,
    }),
    "revenue by region": shown({
        "understanding": understanding("breakdown", group_by="region",
                                       time={"start": "2025-04-01", "end": "2025-06-30", "grain": "quarter"}),
        "result": result(rows=[{"key": "EMEA", "value": 5200.0}, {"key": "APAC", "value": 3100.0}]),
        "narrative": "EMEA led with $5.2K, ahead of APAC with $3.1K.",
        "sentiment": "neutral", "clarification": None,
    }),
    "why?": shown({
        "understanding": understanding("drivers", group_by="region",
                                       compare_to={"start": "2024-07-01", "end": "2024-12-31"}),
        "result": result(value=21000.0, previous_value=18000.0, change=3000.0, change_pct=16.67,
                         rows=[{"key": "EMEA", "value": 4000.0}, {"key": "APAC", "value": -1000.0}]),
        "narrative": "Revenue rose 16.7%, mostly thanks to EMEA (+$4.0K); APAC fell $1.0K.",
        "sentiment": "positive", "clarification": None,
    }),
    "revenue in apac": shown({
        "understanding": understanding("value", subject={"dimension": "region", "value": "APAC"}),
        "result": result(value=3100.0),
        "narrative": "APAC revenue was $3.1K.",
        "sentiment": "neutral", "clarification": None,
    }),
    "revenue in emeaa": {
        "understanding": understanding("clarify"),
        "result": result(),
        "narrative": "I couldn't find “emeaa” in your data. Did you mean EMEA or APAC?",
        "sentiment": "neutral", "clarification": "I couldn't find “emeaa” in your data. Did you mean EMEA or APAC?",
    },
}


def error(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


@dataclass
class FakeApi:
    """The server's state; tests read ``requests`` and may expire tokens."""

    url: str = ""
    requests: list[tuple[str, str, Any]] = field(default_factory=list)
    valid_access: set[str] = field(default_factory=set)
    # Refresh tokens rotate as the real API's do: each is good once, and a spent one sent again ends them all.
    valid_refresh: set[str] = field(default_factory=set)
    spent_refresh: set[str] = field(default_factory=set)
    conversations: list[dict[str, Any]] = field(default_factory=list)
    messages: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    insights: list[dict[str, Any]] = field(default_factory=list)
    comments: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    counter: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    answers: dict[str, dict[str, Any]] = field(default_factory=lambda: dict(ANSWERS))
    model: dict[str, Any] = field(default_factory=lambda: {
        "measures": [], "dimensions": {"region": ["APAC", "EMEA"], "channel": ["Online", "Retail"]}})

    def expire_tokens(self) -> None:
        self.valid_access.clear()

    def asked(self) -> list[str]:
        return [body["text"] for method, path, body in self.requests
                if method == "POST" and path.endswith("/messages/")]

    def new_access(self) -> str:
        token = f"access-{next(self.counter)}"
        self.valid_access.add(token)
        return token

    def new_refresh(self) -> str:
        token = f"refresh-{next(self.counter)}"
        self.valid_refresh.add(token)
        return token

    def rotate(self, token: Any) -> tuple[int, Any]:
        if token in self.spent_refresh:
            self.valid_access.clear()
            self.valid_refresh.clear()
            return 401, error("refresh_token_reused", "This refresh token was already used.")
        if token not in self.valid_refresh:
            return 401, error("token_invalid", "The token is not valid.")
        self.valid_refresh.discard(token)
        self.spent_refresh.add(token)
        return 200, {"access": self.new_access(), "refresh": self.new_refresh()}

    # --- routing ------------------------------------------------------------

    def handle(self, method: str, path: str, query: dict[str, list[str]], body: Any,
               token: str | None) -> tuple[int, Any]:
        self.requests.append((method, path, body))
        if path == "/api/auth/token" and method == "POST":
            if body.get("email") != EMAIL or body.get("password") != PASSWORD:
                return 401, error("bad_credentials", "Wrong email or password.")
            return 200, {"access": self.new_access(), "refresh": self.new_refresh(), "tenant_id": "acme",
                         "email": EMAIL}
        if path == "/api/auth/refresh" and method == "POST":
            return self.rotate(body.get("refresh"))
        if token not in self.valid_access:
            return 401, error("token_expired", "The token has expired.")
        return self.route(method, path, body)

    def route(self, method: str, path: str, body: Any) -> tuple[int, Any]:
        if path == "/api/me":
            return 200, {"tenant_id": "acme", "email": EMAIL, "currency": "USD", "time_zone": "UTC"}
        if path == "/api/metrics/model/":
            return 200, self.model
        if path == "/api/chat/conversations/":
            if method == "POST":
                conversation = {"id": f"c_{next(self.counter):024x}", "title": body.get("title") or "New conversation",
                                "created_at": "2025-07-01T10:00:00Z", "updated_at": "2025-07-01T10:00:00Z",
                                "created_by": EMAIL, "message_count": 0}
                self.conversations.insert(0, conversation)
                self.messages[conversation["id"]] = []
                return 201, conversation
            return 200, {"results": self.conversations, "next": None}
        match = re.fullmatch(r"/api/chat/conversations/([^/]+)/messages/", path)
        if match:
            return self.conversation_messages(method, match.group(1), body)
        if path == "/api/insights/":
            if method == "POST":
                return self.pin(body)
            return 200, {"results": self.insights, "next": None}
        match = re.fullmatch(r"/api/insights/([^/]+)/share/", path)
        if match and method == "POST":
            token = f"tok{next(self.counter)}"
            return 201, {"token": token, "url": f"{self.url}/share/{token}", "expires_at": "2025-08-01T00:00:00Z"}
        match = re.fullmatch(r"/api/insights/([^/]+)/comments/", path)
        if match:
            thread = self.comments.setdefault(match.group(1), [])
            if method == "POST":
                comment = {"id": f"k{next(self.counter)}", "insight": match.group(1), "author": "Ana",
                           "text": body["text"], "created_at": "2025-07-01T10:00:00Z",
                           "updated_at": "2025-07-01T10:00:00Z"}
                thread.append(comment)
                return 201, comment
            return 200, {"results": thread}
        return 404, error("not_found", "Not found.")

    def conversation_messages(self, method: str, conversation_id: str, body: Any) -> tuple[int, Any]:
        if conversation_id not in self.messages:
            return 404, error("conversation_not_found", f"No conversation {conversation_id!r}.")
        thread = self.messages[conversation_id]
        if method == "GET":
            return 200, {"results": list(reversed(thread)), "next": None}
        answer = self.answers.get(body["text"].strip().lower())
        if answer is None:
            return 400, error("invalid_question", "The fake API knows no answer to that.")
        answer = {**answer, "conversation": conversation_id}

        def message(sender: str, text: str, context: Any) -> dict[str, Any]:
            return {"id": f"m{next(self.counter)}", "conversation": conversation_id, "seq": len(thread) + 1,
                    "timestamp": "2025-07-01T10:00:00Z", "sender": sender, "text": text, "context": context,
                    "metadata": {}}

        user = message("user", body["text"], None)
        thread.append(user)
        assistant = message("assistant", answer["narrative"], answer)
        thread.append(assistant)
        return 201, {"user_message": user, "assistant_message": assistant, "answer": answer}

    def pin(self, body: Any) -> tuple[int, Any]:
        thread = self.messages.get(body.get("conversation"), [])
        message = next((m for m in thread if m["id"] == body.get("message")), None)
        if message is None or message["sender"] != "assistant":
            return 400, error("not_an_answer", "Only answers can be pinned.")
        answer = message["context"]
        insight = {"id": f"i{next(self.counter)}", "conversation": body["conversation"], "message": message["id"],
                   "title": answer["narrative"][:40], "question": "", "narrative": answer["narrative"],
                   "understanding": answer["understanding"], "result": answer["result"],
                   "sentiment": answer["sentiment"], "created_at": "2025-07-01T10:00:00Z", "created_by": EMAIL,
                   "share": None}
        self.insights.insert(0, insight)
        return 201, insight


def _handler(api: FakeApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            parsed = urlparse(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw) if raw else {}
            auth = self.headers.get("Authorization", "")
            token = auth[len("Bearer "):] if auth.startswith("Bearer ") else None
            status, payload = api.handle(self.command, parsed.path, parse_qs(parsed.query), body, token)
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PATCH = do_DELETE = _serve

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@contextmanager
def running() -> Iterator[FakeApi]:
    api = FakeApi()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(api))
    api.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield api
    finally:
        server.shutdown()
        server.server_close()
