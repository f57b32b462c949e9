"""The API's body parsers: DRF's, bounded in size and nesting, so no body can turn into a 500.

DRF's JSON and form parsers read the raw stream, past Django's DATA_UPLOAD_MAX_MEMORY_SIZE
(multipart is parsed by Django, which enforces it); these enforce it too, with a 413. Django bounds no
multipart file, so a multipart body longer than the largest upload is refused before it is parsed.
"""
from __future__ import annotations

import io
import json
import sys
from typing import Any

from django.conf import settings
from rest_framework import parsers, status
from rest_framework.exceptions import APIException, ParseError


class RequestTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "too_large"  # the code of every body past the limit (core.errors.too_large_body)


def bounded(stream: Any) -> Any:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if limit is None or stream is None:
        return stream
    raw = stream.read(limit + 1)
    if len(raw) > limit:
        raise RequestTooLarge(f"Request bodies are limited to {limit:,} bytes.")
    return io.BytesIO(raw)


# A multipart body is one dataset file plus a few form fields and boundaries.
MULTIPART_OVERHEAD_BYTES = 64 * 1024


def declared_length(parser_context: dict | None) -> int:
    request = (parser_context or {}).get("request")
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) if request is not None else 0
    except ValueError:
        return 0  # Django's own parser refuses a malformed length


class _NotANumber(ValueError):
    """NaN, Infinity or -Infinity: Python's reader takes them, JSON has no such numbers."""


def _no_constant(name: str) -> Any:
    raise _NotANumber(name)


class JSONParser(parsers.JSONParser):
    """DRF's, with refusals in our own words: DRF's quote Python's decoders ("'utf-8' codec can't decode…",
    "use sys.set_int_max_str_digits()…"), which tell a caller what runs behind the API."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: dict | None = None) -> Any:
        # JSON is UTF-8 (RFC 8259 §8.1), whatever charset is declared: a charset=utf-7 (or any other) would
        # let the same text travel in bytes no filter in front of us reads as that text.
        raw = bounded(stream).read() if stream is not None else b""
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ParseError(f"The body is not UTF-8 text (byte {exc.start + 1} is not).") from exc
        if text.startswith("\ufeff"):
            raise ParseError("The body starts with a byte order mark; JSON has none.")
        try:
            return json.loads(text, parse_constant=_no_constant)
        except json.JSONDecodeError as exc:  # its words are JSON's grammar, and where it broke
            raise ParseError(f"The body is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno}).") from exc
        except _NotANumber as exc:
            raise ParseError(f"{exc} is not a JSON number.") from exc
        except ValueError as exc:  # an integer past Python's digit limit
            raise ParseError(f"A number in the body has more than {sys.get_int_max_str_digits():,} digits.") from exc
        except RecursionError as exc:  # nesting deeper than Python's recursion limit
            raise ParseError("The body is nested too deeply.") from exc


class FormParser(parsers.FormParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: dict | None = None) -> Any:
        parser_context = {**(parser_context or {}), "encoding": "utf-8"}  # our pages send UTF-8, as JSON is
        return super().parse(bounded(stream), media_type, parser_context)


class MultiPartParser(parsers.MultiPartParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: dict | None = None) -> Any:
        limit = settings.SALESTALK_MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES
        if declared_length(parser_context) > limit:
            raise RequestTooLarge(f"Uploads are limited to {settings.SALESTALK_MAX_UPLOAD_BYTES:,} bytes.")
        return super().parse(stream, media_type, parser_context)
