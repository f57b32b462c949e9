"""Cursor pagination shared by every list: newest first, a page size bounded once, one cursor error."""
from __future__ import annotations

from core.errors import AppError

MAX_PAGE = 100


class InvalidCursor(AppError):
    status_code = 400
    code = "invalid_cursor"


def page_size(limit: int) -> int:
    return max(1, min(int(limit), MAX_PAGE))
