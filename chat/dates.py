"""The one check of an ``as_of`` date, for every surface: a real date within 1900–2200.

Past those years the engine's period arithmetic (a year back, a quarter ahead) could leave the
calendar; refusing early gives a clear 400 / error frame instead.
"""
from __future__ import annotations

from datetime import date, datetime

from chat.errors import InvalidAsOf

MIN_AS_OF = date(1900, 1, 1)
MAX_AS_OF = date(2200, 12, 31)


def as_of_from(value: object) -> date | None:
    """``value`` (a date or YYYY-MM-DD text; None or "" for today) as a date, or ``InvalidAsOf``."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            raise InvalidAsOf(f"'as_of' must be a date, YYYY-MM-DD (got {value[:40]!r}).") from None
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        raise InvalidAsOf("'as_of' must be a date, YYYY-MM-DD.")
    if not MIN_AS_OF <= value <= MAX_AS_OF:
        raise InvalidAsOf(f"'as_of' must be between {MIN_AS_OF.isoformat()} and {MAX_AS_OF.isoformat()}.")
    return value
