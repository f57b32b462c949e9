"""An operation note says what drf-spectacular's ``extend_schema`` says, without loading the generator at import."""
from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.openapi_notes import operation


class ThingQuerySerializer(serializers.Serializer):
    limit = serializers.IntegerField(min_value=1, max_value=50, default=20)


class ThingInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=40)


class ThingSerializer(serializers.Serializer):
    id = serializers.CharField()
    name = serializers.CharField()


# One set of annotations, given to both decorators: every argument the app's views use, in each form.
ANNOTATIONS: dict[str, dict[str, Any]] = {
    "get": {"operation_id": "things_listed", "parameters": [ThingQuerySerializer], "responses": ThingSerializer},
    "post": {"request": {"multipart/form-data": ThingInputSerializer}, "responses": {201: ThingSerializer}},
    "put": {"request": None, "responses": {204: None}},
    "delete": {"responses": {204: OpenApiResponse(description="Gone.")}, "auth": []},
}


def _view(decorator: Any) -> type[APIView]:
    def method(name: str) -> Any:
        def handle(self: APIView, request: Request, thing_id: str) -> Response:
            return Response()

        handle.__name__ = name
        return decorator(**ANNOTATIONS[name])(handle)

    return type("ThingApi", (APIView,), {name: method(name) for name in ANNOTATIONS})


def _document(view: type[APIView]) -> dict[str, Any]:
    generator = SchemaGenerator(patterns=[path("things/<str:thing_id>", view.as_view())])
    return generator.get_schema(request=None, public=True)


def test_a_note_gives_the_document_extend_schema_gives():
    noted, extended = _document(_view(operation)), _document(_view(extend_schema))
    assert noted == extended
    item = noted["paths"]["/things/{thing_id}"]
    assert item["get"]["operationId"] == "things_listed"
    assert "limit" in {p["name"] for p in item["get"]["parameters"]}
    assert set(item["post"]["requestBody"]["content"]) == {"multipart/form-data"}
    assert set(item["post"]["responses"]) == {"201"}
    assert "requestBody" not in item["put"]
    assert item["delete"]["responses"]["204"]["description"] == "Gone."
    assert "security" not in item["delete"] and "security" in item["get"]

