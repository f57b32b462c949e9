"""JSON documents larger than one item allows (400 KB): zlib-compressed, split into numbered parts."""
from __future__ import annotations

import json
import zlib
from typing import Any

from metrics.models import BlobPart
from tenants.context import TenantContext
from tenants.storage import bind

PART_BYTES = 350_000


class BrokenBlob(ValueError):
    """The parts are missing or incomplete (an import crashed while writing them)."""


def write_blob(*, tenant: TenantContext, pk: str, prefix: str, document: Any) -> int:
    """Store ``document`` under ``pk`` as ``{prefix}0000``, ``{prefix}0001``…; returns the number of parts."""
    Part = bind(BlobPart, tenant=tenant)
    data = zlib.compress(json.dumps(document, separators=(",", ":")).encode(), 6)
    chunks = [data[i : i + PART_BYTES] for i in range(0, len(data), PART_BYTES)]
    with Part.batch_write() as batch:
        for number, chunk in enumerate(chunks):
            batch.save(Part(pk=pk, sk=f"{prefix}{number:04d}", data=chunk))
    return len(chunks)


def read_blob(*, tenant: TenantContext, pk: str, prefix: str) -> Any:
    Part = bind(BlobPart, tenant=tenant)
    data = b"".join(part.data for part in Part.query(pk, Part.sk.startswith(prefix), consistent_read=True))
    if not data:
        raise BrokenBlob(f"No {prefix!r} parts under {pk!r}.")
    try:
        return json.loads(zlib.decompress(data))
    except (zlib.error, ValueError) as exc:
        raise BrokenBlob(f"The {prefix!r} parts under {pk!r} are incomplete.") from exc
