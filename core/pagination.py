"""Cursor pagination shared by every list: newest first, a page size bounded once, one cursor error."""
from __future__ import annotations

from typing import TypeVar

from core.errors import AppError

T = TypeVar("T")

MAX_PAGE = 100


class InvalidCursor(AppError):
    status_code = 400
    code = "invalid_cursor"


def page_size(limit: int) -> int:
    return max(1, min(int(limit), MAX_PAGE))


def split_page(items: list[T], *, limit: int) -> tuple[list[T], bool]:
    """A page read with ``limit + 1`` items: the page itself, and whether another follows."""
    return items[:limit], len(items) > limit
