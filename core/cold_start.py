"""The Lambda handlers' init phase: it loads what every request needs, and leaves the rest to its first use."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

# Optional dependencies a library probes for while Django loads (``try: import … except ImportError``),
# though nothing a request does here uses them: module → why its fallback is right.
UNUSED_WHILE_DJANGO_LOADS = {
    # DRF's compat: psycopg comes with it (~0.1 s); psycopg still loads at the first connection to Django's database.
    "django.contrib.postgres.fields": "DRF maps these model fields in ModelSerializer; no serializer maps a model",
    "yaml": "DRF's own OpenAPIRenderer, unused; drf-spectacular imports yaml itself at the first /api/schema/",
    "requests": "DRF's RequestsClient, a test tool (requests is not in the image: requirements/lambda.lock)",
    # botocore imports the standard library's SSLContext from it, the class it falls back to.
    "urllib3.contrib.pyopenssl": "botocore's TLS, which is the standard library's (pyOpenSSL is not in the image)",
}


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
