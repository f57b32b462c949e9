"""Editing the tenant's semantic model over HTTP (measures, derived measures, dimensions and aliases), and
choosing which stored dataset version is current.

Each write answers with the whole model as ``GET /api/metrics/model/`` shows it. Thin: the rules are in
``metrics.model_edits``.
"""
from __future__ import annotations

from django.conf import settings
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from core.openapi_notes import operation
from core.text import TextField
from metrics import model_edits, selectors, versions
from metrics.api import ModelApi
from metrics.measures import Direction, Format
from tenants.api import TenantAPIView

Model = ModelApi.OutputSerializer
WORDS = serializers.ListField(child=TextField(field="word", max_chars=model_edits.MAX_WORD_LENGTH),
                              max_length=model_edits.MAX_WORDS, required=False)
LABEL = TextField(field="label", max_chars=model_edits.MAX_LABEL_LENGTH, required=False)


def _model(tenant: object, *, code: int = status.HTTP_200_OK) -> Response:
    return Response(Model(selectors.get_semantic_model(tenant=tenant).as_json()).data, status=code)


class MeasureEditSerializer(serializers.Serializer):
    label = LABEL
    words = WORDS
    direction = serializers.ChoiceField(choices=[d.value for d in Direction], required=False)
    format = serializers.ChoiceField(choices=[f.value for f in Format], required=False)


class DerivedMeasuresApi(TenantAPIView):
    """``POST``: a measure computed from two others: ``ratio`` (a ÷ b), ``ratio_pct`` (× 100), ``difference``."""

    class InputSerializer(MeasureEditSerializer):
        name = serializers.CharField(max_length=64, help_text="lower snake_case, e.g. revenue_per_order")
        kind = serializers.ChoiceField(choices=["ratio", "ratio_pct", "difference"])
        a = serializers.CharField(max_length=64)
        b = serializers.CharField(max_length=64)

    @operation(request=InputSerializer, responses={201: Model})
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        model_edits.add_derived_measure(tenant=self.tenant, model=selectors.get_semantic_model(tenant=self.tenant),
                                        definition=dict(data.validated_data))
        return _model(self.tenant, code=status.HTTP_201_CREATED)


class MeasureApi(TenantAPIView):
    """``PATCH``: a measure's label, words, direction (good, bad, neutral) or format (currency, number, percent);
    ``DELETE``: a derived measure you defined."""

    @operation(request=MeasureEditSerializer, responses={200: Model})
    def patch(self, request: Request, name: str) -> Response:
        data = MeasureEditSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        model_edits.edit_measure(tenant=self.tenant, model=selectors.get_semantic_model(tenant=self.tenant),
                                 name=name, changes=dict(data.validated_data))
        return _model(self.tenant)

    @operation(responses={200: Model})
    def delete(self, request: Request, name: str) -> Response:
        model_edits.remove_derived_measure(tenant=self.tenant, name=name)
        return _model(self.tenant)


class DimensionApi(TenantAPIView):
    """``PATCH``: a dimension's label, words, or member aliases (``{"NA": "North America"}``, replacing the set)."""

    class InputSerializer(serializers.Serializer):
        label = LABEL
        words = WORDS
        aliases = serializers.DictField(child=TextField(field="member", max_chars=model_edits.MAX_MEMBER_LENGTH),
                                        required=False, help_text="alias → member")

    @operation(request=InputSerializer, responses={200: Model})
    def patch(self, request: Request, name: str) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        model_edits.edit_dimension(tenant=self.tenant, model=selectors.get_semantic_model(tenant=self.tenant),
                                   name=name, changes=dict(data.validated_data))
        return _model(self.tenant)


class VersionSerializer(serializers.Serializer):
    version = serializers.CharField()
    current = serializers.BooleanField()
    started_at = serializers.CharField()
    retired_at = serializers.CharField(allow_null=True)
    source = serializers.CharField(allow_null=True)
    rows = serializers.IntegerField(allow_null=True)
    job = serializers.CharField(allow_null=True, help_text="the import that made it")


class VersionsApi(TenantAPIView):
    """``GET``: the dataset versions still stored (``SALESTALK_DATASET_VERSIONS_KEPT`` at most), each switchable."""

    class OutputSerializer(serializers.Serializer):
        versions = VersionSerializer(many=True)
        kept = serializers.IntegerField(help_text="how many versions are kept, the current one included")

    @operation(responses={200: OutputSerializer})
    def get(self, request: Request) -> Response:
        found = versions.available_versions(tenant=self.tenant)
        return Response(self.OutputSerializer({"versions": [v.as_json() for v in found],
                                               "kept": settings.SALESTALK_DATASET_VERSIONS_KEPT}).data)


class CurrentVersionApi(TenantAPIView):
    """``PUT``: switch back (or forth) to a stored version: it becomes the dataset questions are answered from."""

    class InputSerializer(serializers.Serializer):
        version = serializers.CharField(max_length=100)

    @operation(request=InputSerializer, responses={200: VersionSerializer})
    def put(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        switched = versions.switch_to_version(tenant=self.tenant, version=data.validated_data["version"])
        return Response(VersionSerializer(switched.as_json()).data)
