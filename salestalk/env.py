"""Typed access to SALESTALK_* environment variables (one place reads os.environ)."""
from __future__ import annotations

import os

PREFIX = "SALESTALK_"


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(PREFIX + name, default)


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(PREFIX + name)
    return int(raw) if raw not in (None, "") else default


def env_float(name: str, default: float) -> float:
    raw = os.environ.get(PREFIX + name)
    return float(raw) if raw not in (None, "") else default


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(PREFIX + name)
    if raw in (None, ""):
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(PREFIX + name)
    if raw in (None, ""):
        return default
    return [part.strip() for part in raw.split(",") if part.strip()]
