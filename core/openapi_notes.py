"""What a view method says about its OpenAPI operation, kept as plain data until a document is generated.

drf-spectacular's ``extend_schema`` subclasses the schema class as it decorates, so every view module
would load the schema generator (and through it DRF's and Django's test clients) at import: a large part
of a Lambda's cold start. A note costs nothing; ``core.openapi.SalesTalkAutoSchema`` reads it, with
``extend_schema``'s meaning for each argument.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from rest_framework.fields import empty

ATTRIBUTE = "openapi_operation"
ViewMethod = TypeVar("ViewMethod", bound=Callable[..., Any])


@dataclass(frozen=True)
class OperationNote:
    """``empty`` request or responses: what the view's serializer says; ``None`` auth: the view's authenticators."""

    operation_id: str | None = None
    parameters: tuple[Any, ...] = ()
    request: Any = empty
    responses: Any = empty
    auth: tuple[dict[str, list[str]], ...] | None = None


def operation(
    *,
    operation_id: str | None = None,
    parameters: Sequence[Any] = (),
    request: Any = empty,
    responses: Any = empty,
    auth: Sequence[dict[str, list[str]]] | None = None,
) -> Callable[[ViewMethod], ViewMethod]:
    """Describe a view method's operation: its id, extra query parameters, request body, responses and security."""
    note = OperationNote(
        operation_id=operation_id,
        parameters=tuple(parameters),
        request=request,
        responses=responses,
        auth=None if auth is None else tuple(auth),
    )

    def annotate(view_method: ViewMethod) -> ViewMethod:
        setattr(view_method, ATTRIBUTE, note)
        return view_method

    return annotate


def note_of(view_method: object) -> OperationNote:
    """The method's note; an empty one (the generator's own reading) where it has none."""
    return getattr(view_method, ATTRIBUTE, None) or OperationNote()
