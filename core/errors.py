"""The root of SalesTalk's own errors: each says its HTTP status and a stable code, so every surface
(the API's handler, the WebSocket consumers, the commands) reports them one way."""
from __future__ import annotations

from typing import Any


class AppError(Exception):
    status_code = 400
    code = "error"

    def details(self) -> dict[str, Any] | None:
        return None
