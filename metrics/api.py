"""Metrics API: dataset upload and status, the semantic model, and metric queries. Thin: logic is in services/selectors."""
from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.storage import default_storage
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from metrics import selectors, services
from metrics.errors import InvalidDataset, InvalidQuery, NoDataset, UnknownMeasure
from metrics.measures import CATALOGUE, DEFAULT_MEASURE
from metrics.periods import GRAINS
from core.ids import new_id
from tenants.api import TenantAPIView


class DatasetApi(TenantAPIView):
    """``GET``: the current dataset; ``POST`` (multipart ``file``, ``replace``): import a CSV."""

    class InputSerializer(serializers.Serializer):
        file = serializers.FileField()
        replace = serializers.BooleanField(default=False)

    class OutputSerializer(serializers.Serializer):
        status = serializers.ChoiceField(choices=[services.ImportStatus.IMPORTED, services.ImportStatus.UNCHANGED])
        version = serializers.CharField()
        source = serializers.CharField()
        rows = serializers.IntegerField()
        dimensions = serializers.DictField(child=serializers.IntegerField(), help_text="dimension → member count")
        measures = serializers.ListField(child=serializers.CharField())
        first_date = serializers.DateField()
        last_date = serializers.DateField()
        items_written = serializers.IntegerField()
        seconds = serializers.FloatField()

    class CurrentOutputSerializer(serializers.Serializer):
        version = serializers.CharField()
        source = serializers.CharField()
        imported_at = serializers.DateTimeField()
        rows = serializers.IntegerField()

    @extend_schema(responses={200: CurrentOutputSerializer})
    def get(self, request: Request) -> Response:
        current = selectors.current_dataset(tenant=self.tenant)
        if current is None:
            raise NoDataset("This tenant has no dataset yet; import one first.")
        data = {
            "version": current.version,
            "source": current.source,
            "imported_at": current.importedAt,
            "rows": int(current.rowCount),
        }
        return Response(self.CurrentOutputSerializer(data).data)

    @extend_schema(request={"multipart/form-data": InputSerializer}, responses={201: OutputSerializer})
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        limit = settings.SALESTALK_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise InvalidDataset(f"The file is {upload.size:,} bytes; the limit is {limit:,} bytes.")
        # The stored name is ours (tenant folder, unguessable id); the client's name is only the source label.
        stored = default_storage.save(f"metrics/uploads/{self.tenant.tenant_id}/{new_id('upload')}.csv", upload)
        with default_storage.open(stored, "rb") as stream:
            result = services.import_dataset(
                tenant=self.tenant,
                stream=stream.file,
                source=upload.name or stored,
                replace=data.validated_data["replace"],
            )
        return Response(self.OutputSerializer(result.as_json()).data, status=status.HTTP_201_CREATED)


class ModelApi(TenantAPIView):
    class OutputSerializer(serializers.Serializer):
        class MeasureSerializer(serializers.Serializer):
            name = serializers.CharField()
            label = serializers.CharField()
            formula = serializers.CharField()
            synonyms = serializers.ListField(child=serializers.CharField())
            up_is_good = serializers.BooleanField()
            derived = serializers.BooleanField()
            is_ratio = serializers.BooleanField()
            is_money = serializers.BooleanField()
            is_percent = serializers.BooleanField()

        version = serializers.CharField()
        measures = MeasureSerializer(many=True)
        dimensions = serializers.DictField(
            child=serializers.ListField(child=serializers.CharField()), help_text="dimension → its members, sorted"
        )
        first_date = serializers.DateField()
        last_date = serializers.DateField()
        row_count = serializers.IntegerField()

    @extend_schema(responses={200: OutputSerializer})
    def get(self, request: Request) -> Response:
        model = selectors.get_semantic_model(tenant=self.tenant)
        return Response(self.OutputSerializer(model.as_json()).data)


class QueryApi(TenantAPIView):
    """``?measure=revenue&start=2025-07-01&end=2025-09-30&filter=region:EMEA&group_by=channel`` (or ``grain=month``).

    ``measure`` and ``filter`` may repeat; several members of one dimension are OR-ed.
    """

    class InputSerializer(serializers.Serializer):
        measure = serializers.ListField(child=serializers.CharField(max_length=64), required=False)
        start = serializers.DateField()
        end = serializers.DateField()
        filter = serializers.ListField(
            child=serializers.CharField(max_length=500), required=False, help_text="dimension:member"
        )
        group_by = serializers.CharField(max_length=200, required=False)
        grain = serializers.ChoiceField(choices=GRAINS, required=False)

    class OutputSerializer(serializers.Serializer):
        class CellSerializer(serializers.Serializer):
            key = serializers.CharField(allow_null=True)
            start = serializers.DateField(allow_null=True)
            end = serializers.DateField(allow_null=True)
            facts = serializers.IntegerField()
            values = serializers.DictField(child=serializers.FloatField(allow_null=True))
            sums = serializers.DictField(child=serializers.FloatField())

        measures = serializers.ListField(child=serializers.CharField())
        start = serializers.DateField()
        end = serializers.DateField()
        filters = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
        group_by = serializers.CharField(allow_null=True)
        grain = serializers.CharField(allow_null=True)
        total = CellSerializer()
        rows = CellSerializer(many=True)

    @extend_schema(parameters=[InputSerializer], responses={200: OutputSerializer})
    def get(self, request: Request) -> Response:
        params = self.InputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        args = params.validated_data
        model = selectors.get_semantic_model(tenant=self.tenant)
        measures = args.get("measure") or [DEFAULT_MEASURE]
        for measure in measures:
            if measure not in model.measures:
                known = "the catalogue" if measure not in CATALOGUE else "this dataset"
                raise UnknownMeasure(f"{measure!r} is not a measure of {known}; it has {', '.join(model.measures)}.")
        filters = _filters(args.get("filter") or [])
        result = selectors.query(
            tenant=self.tenant,
            start=args["start"],
            end=args["end"],
            constraints=filters,
            group_by=args.get("group_by"),
            grain=args.get("grain"),
            model=model,
        )
        data = {
            "measures": measures,
            "start": args["start"],
            "end": args["end"],
            "filters": filters,
            "group_by": args.get("group_by"),
            "grain": args.get("grain"),
            "total": _cell_json(result.total, measures),
            "rows": [_cell_json(cell, measures) for cell in result.rows],
        }
        return Response(self.OutputSerializer(data).data)


def _filters(raw: list[str]) -> dict[str, list[str]]:
    filters: dict[str, list[str]] = {}
    for item in raw:
        dimension, sep, member = item.partition(":")
        if not sep or not dimension.strip() or not member.strip():
            raise InvalidQuery(f"Filter {item!r} should read dimension:member, e.g. region:EMEA.")
        members = filters.setdefault(dimension.strip(), [])
        if member.strip() not in members:
            members.append(member.strip())
    return filters


def _cell_json(cell: selectors.Cell, measures: list[str]) -> dict[str, Any]:
    return {
        "key": cell.key,
        "start": cell.start,
        "end": cell.end,
        "facts": cell.facts,
        "values": {measure: cell.value(measure) for measure in measures},
        "sums": dict(cell.sums),
    }
