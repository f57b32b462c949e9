"""Counters for throttles and lockouts that every instance shares: fixed windows, counted atomically.

Redis where ``SALESTALK_REDIS_URL`` is set; otherwise atomic counters in the global DynamoDB table
``{prefix}throttles`` whose items expire with the window (TTL), so no always-on service is needed.
A process-local store exists for the test profile only.

A count may be one too high, never too low: an ADD is not idempotent and UpdateItem takes no idempotency
token, so a call whose response is lost after DynamoDB applied it (a read timeout, a dropped connection)
is counted again by botocore's retry; a call DynamoDB refused (throttling) is not. Making it exact would
cost a transaction and a read per request; the error only ever refuses a request a little sooner
(``tenants/tests/test_throttle_retries.py``). redis-py retries a lost INCR the same way, with the same effect.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from django.conf import settings

from tenants.storage import dynamodb_client, ensure_table

TTL_ATTRIBUTE = "expiresAt"
# Expired items linger until DynamoDB's TTL sweep; the window index in the key keeps them out of the count.
TTL_SLACK_SECONDS = 60


@dataclass(frozen=True)
class Window:
    count: int
    retry_after: int  # seconds until this window ends


def _window(*, window: int, now: float | None = None) -> tuple[int, int]:
    """The current fixed window's index and the seconds left in it."""
    now = time.time() if now is None else now
    index = int(now // window)
    return index, max(1, int((index + 1) * window - now + 0.999))


class CounterStore(Protocol):
    def hit(self, key: str, *, window: int) -> Window:
        """Count one event under ``key`` in the current window of ``window`` seconds."""

    def peek(self, key: str, *, window: int) -> Window:
        """The current window's count, without counting."""

    def clear(self, key: str, *, window: int) -> None:
        """Forget the current window's count (a successful sign-in ends its failures)."""


class DynamoDBCounterStore:
    def __init__(self, *, table_name: str) -> None:
        self.table_name = table_name
        self._ready = False
        self._lock = threading.Lock()

    def _table(self) -> str:
        # Locally (DynamoDB Local) the table is made on first use; in AWS Terraform owns it, and the
        # functions may only read and update its items.
        if not self._ready and settings.SALESTALK_DYNAMODB_ENDPOINT:
            with self._lock:
                if not self._ready:
                    ensure_table(name=self.table_name, keys=["key"], ttl_attribute=TTL_ATTRIBUTE)
                    self._ready = True
        return self.table_name

    def hit(self, key: str, *, window: int) -> Window:
        index, left = _window(window=window)
        response = dynamodb_client().update_item(
            TableName=self._table(),
            Key={"key": {"S": f"{key}#{index}"}},
            UpdateExpression="ADD hits :one SET expiresAt = if_not_exists(expiresAt, :expires)",
            ExpressionAttributeValues={
                ":one": {"N": "1"},
                ":expires": {"N": str((index + 1) * window + TTL_SLACK_SECONDS)},
            },
            ReturnValues="UPDATED_NEW",
        )
        return Window(count=int(response["Attributes"]["hits"]["N"]), retry_after=left)

    def peek(self, key: str, *, window: int) -> Window:
        index, left = _window(window=window)
        item = dynamodb_client().get_item(
            TableName=self._table(), Key={"key": {"S": f"{key}#{index}"}}, ConsistentRead=True
        ).get("Item")
        return Window(count=int(item["hits"]["N"]) if item else 0, retry_after=left)

    def clear(self, key: str, *, window: int) -> None:
        index, _ = _window(window=window)
        dynamodb_client().delete_item(TableName=self._table(), Key={"key": {"S": f"{key}#{index}"}})


class RedisCounterStore:
    def __init__(self, *, url: str) -> None:
        import redis  # loaded only where SALESTALK_REDIS_URL is set, never in a cold start without it

        self.client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)

    def hit(self, key: str, *, window: int) -> Window:
        index, left = _window(window=window)
        name = f"salestalk:throttle:{key}#{index}"
        pipeline = self.client.pipeline()
        pipeline.incr(name)
        pipeline.expire(name, window + TTL_SLACK_SECONDS, nx=True)
        count, _ = pipeline.execute()
        return Window(count=int(count), retry_after=left)

    def peek(self, key: str, *, window: int) -> Window:
        index, left = _window(window=window)
        return Window(count=int(self.client.get(f"salestalk:throttle:{key}#{index}") or 0), retry_after=left)

    def clear(self, key: str, *, window: int) -> None:
        index, _ = _window(window=window)
        self.client.delete(f"salestalk:throttle:{key}#{index}")


class MemoryCounterStore:
    """One process only: the test profile's store. Never shared, so never for production."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()

    def hit(self, key: str, *, window: int) -> Window:
        index, left = _window(window=window)
        with self._lock:
            count = self._counts[f"{key}#{index}"] = self._counts.get(f"{key}#{index}", 0) + 1
        return Window(count=count, retry_after=left)

    def peek(self, key: str, *, window: int) -> Window:
        index, left = _window(window=window)
        with self._lock:
            return Window(count=self._counts.get(f"{key}#{index}", 0), retry_after=left)

    def clear(self, key: str, *, window: int) -> None:
        index, _ = _window(window=window)
        with self._lock:
            self._counts.pop(f"{key}#{index}", None)


def throttle_table_name() -> str:
    return f"{settings.SALESTALK_TABLE_PREFIX}throttles"


@lru_cache(maxsize=64)
def _store(kind: str, redis_url: str, table_name: str) -> CounterStore:
    if kind == "memory":
        return MemoryCounterStore()
    if kind == "redis" or (kind == "auto" and redis_url):
        return RedisCounterStore(url=redis_url)
    return DynamoDBCounterStore(table_name=table_name)


def counter_store() -> CounterStore:
    """The store the settings choose (``SALESTALK_THROTTLE_STORE``: auto, redis, dynamodb, memory)."""
    return _store(settings.SALESTALK_THROTTLE_STORE, settings.SALESTALK_REDIS_URL, throttle_table_name())
