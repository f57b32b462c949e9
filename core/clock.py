"""The one clock: aware UTC now, and the ISO text stored in items (millisecond precision everywhere)."""
from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    return datetime.now(UTC)


def now_iso() -> str:
    return now().isoformat(timespec="milliseconds")
