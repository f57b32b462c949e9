"""A wall-clock limit on one provider call.

Client timeouts bound each connect or read, not the whole call (a server that
trickles bytes, or retries, can take far longer), so the call runs in a worker
thread and the caller stops waiting when the time is up.
"""
from __future__ import annotations

import contextvars
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TypeVar

from insights.llm import LLMError

T = TypeVar("T")

# Small on purpose: calls that overrun keep a worker until their client timeout ends them,
# and queueing behind them only makes later calls time out (and fall back) sooner.
_workers = ThreadPoolExecutor(max_workers=4, thread_name_prefix="llm-call")


def call_with_deadline(call: Callable[[], T], *, seconds: float, provider: str) -> T:
    """``call()``'s result, or LLMError once ``seconds`` have passed; its own exceptions pass through."""
    context = contextvars.copy_context()  # keeps the request's log context (tenant, request id)
    future = _workers.submit(context.run, call)
    try:
        return future.result(timeout=seconds)
    except FutureTimeout:
        future.cancel()
        raise LLMError(f"{provider} gave no answer within {seconds:g} s") from None
