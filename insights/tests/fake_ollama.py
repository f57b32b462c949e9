"""A small real HTTP server on 127.0.0.1 that speaks Ollama's POST /api/chat.

It answers the way Ollama does: one JSON object for ``"stream": false``, and for
``"stream": true`` (Ollama's default) NDJSON over chunked transfer encoding, one
chunk per piece of ``message.content`` and a final ``done: true`` chunk with the
timings and ``done_reason`` ("stop", or "length" for a reply cut at the token limit).
Errors are ``{"error": ...}`` with the status Ollama uses (404 for a
model that is not pulled). A test sets ``reply`` (the assistant's text) and
``mode``: "ok", "hang" (send nothing until the server stops), "error" (HTTP 500),
"garbage" (HTTP 200 with an HTML body), "cut" (a stream that stops before its
final chunk) or "trickle" (stream chunks ``trickle_seconds`` apart).
"""
from __future__ import annotations

import json
import sys
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self

MODES = ("ok", "hang", "error", "garbage", "cut", "trickle")


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A client that gave up (the hang and timeout cases) resets its connection: expected, not news.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class FakeOllama:
    def __init__(self, *, models: tuple[str, ...] = ("llama3.1:8b",)) -> None:
        self.models = models
        self.reply = "{}"
        self.mode = "ok"
        self.trickle_seconds = 0.2
        self.done_reason = "stop"
        self.requests: list[dict[str, Any]] = []
        self.stopping = threading.Event()
        self._server = _QuietServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._server.block_on_close = False
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-ollama", daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stopping.set()  # lets hanging handlers return
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def _now() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


def _final_fields(model: str, done_reason: str) -> dict[str, Any]:
    return {
        "model": model,
        "created_at": _now(),
        "done": True,
        "done_reason": done_reason,
        "total_duration": 4_883_583_458,
        "load_duration": 1_334_875,
        "prompt_eval_count": 26,
        "prompt_eval_duration": 342_546_000,
        "eval_count": 282,
        "eval_duration": 4_535_599_000,
    }


def _handler_for(fake: FakeOllama) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out as separate writes, as small as Ollama's

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            pass

        def do_POST(self) -> None:
            if self.path != "/api/chat":
                self._json(404, {"error": "404 page not found"})
                return
            raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            try:
                body = json.loads(raw)
            except json.JSONDecodeError:
                self._json(400, {"error": "invalid character in request body"})
                return
            fake.requests.append(body)
            model = body.get("model")
            if model not in fake.models:
                self._json(404, {"error": f'model "{model}" not found, try pulling it first'})
                return
            if fake.mode == "hang":
                fake.stopping.wait(timeout=30)
                return
            if fake.mode == "error":
                self._json(500, {"error": "llama runner process has terminated: exit status 2"})
                return
            if fake.mode == "garbage":
                self._send(200, b"<html><body>502 Bad Gateway</body></html>", "text/html")
                return
            if body.get("stream", True):
                self._stream(model)
            else:
                message = {"role": "assistant", "content": fake.reply}
                self._json(200, {"message": message, **_final_fields(model, fake.done_reason)})

        def _stream(self, model: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/x-ndjson")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            pieces = [fake.reply[i:i + 7] for i in range(0, len(fake.reply), 7)] or [""]
            for piece in pieces:
                self._chunk({"model": model, "created_at": _now(),
                             "message": {"role": "assistant", "content": piece}, "done": False})
                if fake.mode == "trickle" and fake.stopping.wait(timeout=fake.trickle_seconds):
                    break
            if fake.mode != "cut":
                self._chunk({"message": {"role": "assistant", "content": ""}, **_final_fields(model, fake.done_reason)})
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()

        def _chunk(self, data: dict[str, Any]) -> None:
            line = json.dumps(data).encode() + b"\n"
            self.wfile.write(f"{len(line):X}\r\n".encode() + line + b"\r\n")
            self.wfile.flush()

        def _json(self, status: int, data: dict[str, Any]) -> None:
            self._send(status, json.dumps(data).encode(), "application/json; charset=utf-8")

        def _send(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler

