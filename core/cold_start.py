"""The Lambda handlers' init phase: it loads what every request needs, and leaves the rest to its first use."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

# DRF's compat imports django.contrib.postgres.fields only to map those model fields in ModelSerializer,
# and through it psycopg (~0.1 s of a cold start). No serializer here maps a Django model; psycopg still
# loads, at the first connection to Django's own database.
UNUSED_WHILE_DJANGO_LOADS = ("django.contrib.postgres.fields",)


@contextmanager
def django_loading() -> Iterator[None]:
    """Around ``django.setup()``: the unused modules import as if not installed (their importers take
    their fallback), and as usual afterwards."""
    blocked = [name for name in UNUSED_WHILE_DJANGO_LOADS if name not in sys.modules]
    sys.modules.update(dict.fromkeys(blocked))
    try:
        yield
    finally:
        for name in blocked:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]
