"""Many rollup items in and out of a tenant's table: BatchWriteItem / BatchGetItem, in parallel.

Items travel in DynamoDB's low-level shape (``{"pk": {"S": …}, "v": {"B": …}}``)
over the tenant's bound connection, skipping per-item model serialisation, which
would dominate an import of tens of thousands of items. Whatever DynamoDB leaves
unprocessed (throttling, size) is resent with exponential backoff and jitter;
what is still refused after ``MAX_ATTEMPTS`` raises ``StorageUnavailable``.
"""
from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from itertools import islice
from typing import Any

from botocore.exceptions import ConnectionError as BotoConnectionError
from botocore.exceptions import ReadTimeoutError
from pynamodb.connection import Connection

from metrics.models import RollupRecord
from tenants.context import TenantContext
from core.errors import StorageUnavailable
from tenants.storage import bind

WRITE_BATCH = 25  # DynamoDB's limit per BatchWriteItem
READ_BATCH = 100  # and per BatchGetItem
WRITERS = 4  # DynamoDB Local saturates two cores with fewer; more only queue up and time out
READERS = 8
MAX_ATTEMPTS = 8
BACKOFF_BASE_SECONDS = 0.05
BACKOFF_CAP_SECONDS = 2.0

# Worth another try after backing off: the request may not have arrived, or its answer was lost.
TRANSIENT = (BotoConnectionError, ReadTimeoutError)

Key = tuple[str, str]
LowLevelItem = dict[str, dict[str, Any]]

_readers: ThreadPoolExecutor | None = None
_readers_lock = threading.Lock()


def _connection(tenant: TenantContext) -> tuple[Connection, str]:
    table = bind(RollupRecord, tenant=tenant)._get_connection()
    table.connection.client  # noqa: B018 - create the botocore client once, before threads share it
    return table.connection, table.table_name


def _backoff(attempt: int) -> None:
    time.sleep(random.uniform(0, min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * 2**attempt)))


def key_of(pk: str, sk: str) -> dict[str, dict[str, str]]:
    return {"pk": {"S": pk}, "sk": {"S": sk}}


def _chunks(iterable: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _send_writes(connection: Connection, table: str, requests: list[dict[str, Any]]) -> int:
    """One batch, resending what DynamoDB left unprocessed, and all of it after a timeout (puts are idempotent)."""
    count = len(requests)
    for attempt in range(MAX_ATTEMPTS):
        try:
            response = connection.dispatch("BatchWriteItem", {"RequestItems": {table: requests}})
        except TRANSIENT:
            if attempt == MAX_ATTEMPTS - 1:
                raise
        else:
            requests = response.get("UnprocessedItems", {}).get(table, [])
            if not requests:
                return count
        _backoff(attempt)
    raise StorageUnavailable(f"DynamoDB kept {len(requests)} writes unprocessed after {MAX_ATTEMPTS} attempts.")


def _write(
    *, tenant: TenantContext, requests: Iterable[dict[str, Any]], on_written: Callable[[int], None] | None
) -> int:
    """Send write requests in batches on ``WRITERS`` threads, at most ``2 * WRITERS`` batches in flight."""
    connection, table = _connection(tenant)
    written = 0
    pending: set[Future[int]] = set()

    def settle(done: set[Future[int]]) -> None:
        nonlocal written
        for future in done:
            pending.discard(future)
            written += future.result()  # one failed batch fails the whole write
        if on_written is not None:
            on_written(written)

    with ThreadPoolExecutor(max_workers=WRITERS, thread_name_prefix="metrics-write") as pool:
        try:
            for batch in _chunks(requests, WRITE_BATCH):
                if len(pending) >= 2 * WRITERS:
                    settle(wait(pending, return_when=FIRST_COMPLETED).done)
                pending.add(pool.submit(_send_writes, connection, table, batch))
            settle(wait(pending).done)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return written


def put_items(
    *, tenant: TenantContext, items: Iterable[LowLevelItem], on_written: Callable[[int], None] | None = None
) -> int:
    """Write ``items`` (low-level shape); returns how many were written. ``on_written`` gets the running count."""
    return _write(tenant=tenant, requests=({"PutRequest": {"Item": item}} for item in items), on_written=on_written)


def delete_keys(*, tenant: TenantContext, keys: Iterable[Key]) -> int:
    """Delete the items at ``keys``; keys with no item are fine."""
    return _write(
        tenant=tenant, requests=({"DeleteRequest": {"Key": key_of(pk, sk)}} for pk, sk in keys), on_written=None
    )


def _reader_pool() -> ThreadPoolExecutor:
    global _readers
    with _readers_lock:
        if _readers is None:
            _readers = ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="metrics-read")
        return _readers


def _send_reads(
    connection: Connection, table: str, keys: list[dict[str, Any]], attributes: Sequence[str]
) -> dict[Key, dict[str, bytes]]:
    found: dict[Key, dict[str, bytes]] = {}
    names = {f"#a{i}": name for i, name in enumerate(attributes)}
    request: dict[str, Any] = {
        "Keys": keys,
        "ProjectionExpression": ", ".join(["pk", "sk", *names]),
        "ExpressionAttributeNames": names,
    }
    wanted = set(attributes)
    for attempt in range(MAX_ATTEMPTS):
        response = connection.dispatch("BatchGetItem", {"RequestItems": {table: request}})
        for item in response.get("Responses", {}).get(table, []):
            found[(item["pk"]["S"], item["sk"]["S"])] = {k: v["B"] for k, v in item.items() if k in wanted}
        request = response.get("UnprocessedKeys", {}).get(table)
        if not request:
            return found
        _backoff(attempt)
    raise StorageUnavailable(f"DynamoDB kept {len(request['Keys'])} reads unprocessed after {MAX_ATTEMPTS} attempts.")


def get_binaries(
    *, tenant: TenantContext, keys: Sequence[Key], attributes: Sequence[str]
) -> dict[Key, dict[str, bytes]]:
    """The binary ``attributes`` present on the items at ``keys`` (missing items are absent from the answer).

    Eventually consistent reads suffice: versions are written in full before the
    pointer that names them, and never change afterwards.
    """
    if not keys:
        return {}
    connection, table = _connection(tenant)
    batches = [[key_of(pk, sk) for pk, sk in chunk] for chunk in _chunks(dict.fromkeys(keys), READ_BATCH)]
    if len(batches) == 1:
        return _send_reads(connection, table, batches[0], attributes)
    found: dict[Key, dict[str, bytes]] = {}
    for part in _reader_pool().map(lambda batch: _send_reads(connection, table, batch, attributes), batches):
        found.update(part)
    return found
