"""The figures every dataset import publishes (core.metrics): duration, rows, and errors by kind."""
from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from core.metrics import record

P = ParamSpec("P")
R = TypeVar("R")


def measured_import(function: Callable[P, R]) -> Callable[P, R]:
    """Wrap an import service taking ``tenant=``: ImportDuration and ImportedRows, or ImportErrors."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        tenant = kwargs.get("tenant")
        tenant_id = getattr(tenant, "tenant_id", None)
        started = time.perf_counter()
        try:
            result = function(*args, **kwargs)
        except Exception as exc:
            record(name="ImportErrors", value=1, tenant_id=tenant_id, dimensions={"error": type(exc).__name__})
            raise
        record(name="ImportDuration", value=round(time.perf_counter() - started, 3), unit="Seconds",
               tenant_id=tenant_id)
        record(name="ImportedRows", value=getattr(result, "rows", 0) or 0, tenant_id=tenant_id)
        return result

    return wrapper
