"""Share tokens are whole credentials: no log line (ours or Django's) may carry one, whatever the answer."""
from __future__ import annotations

import io
import logging

from django.test import Client

from core.request_logging import RoutesNotPaths
from tests.attack.ledger import Attempt


def configured_handler() -> logging.Handler:
    handlers = [h for h in logging.getLogger().handlers if any(isinstance(f, RoutesNotPaths) for f in h.filters)]
    assert handlers, "the stdout handler lost its RoutesNotPaths filter"
    return handlers[0]


def test_share_tokens_never_reach_the_logs(victim, prober):
    handler = configured_handler()
    captured = io.StringIO()
    previous = handler.setStream(captured)
    try:
        live = victim.share_tokens[-1]
        guessed = "x" * len(live)
        for token in (live, guessed):
            for path in (f"/share/{token}", f"/api/share/{token}"):
                Client(raise_request_exception=False).get(path)
    finally:
        handler.setStream(previous)
    lines = captured.getvalue()
    assert "/share/<str:token>" in lines  # the route is logged...
    for token in (live, guessed):        # ...never the token, for a live link or a 404
        leaked = token in lines
        prober.record(Attempt("share token in the logs", f"GET /share/{token[:6]}…", 0,
                              "leaked" if leaked else "refused", ""))
        assert not leaked
