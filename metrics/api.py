"""Metrics API: dataset upload and status, the semantic model, and metric queries.

Thin: the logic is in services and selectors.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from core.openapi_notes import operation
from metrics import selectors, services
from metrics.errors import InvalidQuery, NoDataset, UnknownMeasure
from metrics.import_queue import import_now
from metrics.jobs import ImportRequest
from metrics.measures import Direction, Format
from metrics.periods import GRAINS
from metrics.services import column_names
from metrics.uploads import store_upload
from tenants.api import TenantAPIView


class DatasetApi(TenantAPIView):
    """``GET``: the current dataset; ``POST`` (multipart ``file``, ``replace``, ``dimensions``, ``measures``):
    import a CSV, Excel (.xlsx) or Parquet file. The upload is deleted once imported or refused."""

    class InputSerializer(serializers.Serializer):
        file = serializers.FileField()
        replace = serializers.BooleanField(default=False)
        dimensions = serializers.ListField(
            child=serializers.CharField(max_length=200), required=False, max_length=200,
            help_text="columns that are dimensions even though their values are numbers (a store_id)",
        )
        measures = serializers.ListField(
            child=serializers.CharField(max_length=200), required=False, max_length=200,
            help_text="columns that must be measures (refused unless every value is a number)",
        )

    class OutputSerializer(serializers.Serializer):
        class ColumnSerializer(serializers.Serializer):
            column = serializers.CharField(help_text="as written in the file")
            role = serializers.ChoiceField(choices=["date", "dimension", "measure"])
            name = serializers.CharField(help_text="the dimension's or measure's name")

        job = serializers.CharField(help_text="the import job (GET /api/metrics/imports/{job})")
        status = serializers.ChoiceField(choices=[services.ImportStatus.IMPORTED, services.ImportStatus.UNCHANGED])
        version = serializers.CharField()
        source = serializers.CharField()
        rows = serializers.IntegerField()
        dimensions = serializers.DictField(child=serializers.IntegerField(), help_text="dimension → member count")
        measures = serializers.ListField(child=serializers.CharField())
        columns = ColumnSerializer(many=True)
        added_together = serializers.IntegerField(allow_null=True, help_text="the file's rows added to an earlier row "
                                                  "of the same date and members (null: not known)")
        note = serializers.CharField(allow_null=True, help_text="what the import did that the counts do not say")
        first_date = serializers.DateField()
        last_date = serializers.DateField()
        items_written = serializers.IntegerField(help_text="DynamoDB items the import wrote")
        model_bytes = serializers.IntegerField()
        file_bytes = serializers.IntegerField()
        seconds = serializers.FloatField()

    class CurrentOutputSerializer(serializers.Serializer):
        version = serializers.CharField()
        source = serializers.CharField()
        imported_at = serializers.DateTimeField()
        rows = serializers.IntegerField()

    @operation(responses={200: CurrentOutputSerializer})
    def get(self, request: Request) -> Response:
        current = selectors.current_dataset(tenant=self.tenant)
        if current is None:
            raise NoDataset("This tenant has no dataset yet; import one first.")
        data = {
            "version": current.version,
            "source": current.source,
            "imported_at": current.imported_at,
            "rows": int(current.row_count),
        }
        return Response(self.CurrentOutputSerializer(data).data)

    @operation(request={"multipart/form-data": InputSerializer}, responses={201: OutputSerializer})
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        # Stored under the tenant's upload prefix with an unguessable name; the client's name is only the source.
        record = store_upload(tenant=self.tenant, filename=upload.name or "upload.csv", stream=upload,
                              size=upload.size)
        request_roles = ImportRequest(
            replace=data.validated_data["replace"],
            dimensions=tuple(column_names(data.validated_data.get("dimensions", []))),
            measures=tuple(column_names(data.validated_data.get("measures", []))),
        )
        job = import_now(tenant=self.tenant, upload=record, request=request_roles)
        result = {**(job.result or {}), "job": job.id}
        response = Response(self.OutputSerializer(result).data, status=status.HTTP_201_CREATED)
        response["Location"] = f"/api/metrics/imports/{job.id}"
        return response



class ModelApi(TenantAPIView):
    """What the tenant's data can answer: its measures (label, words, direction, format, computation),
    dimensions with their members, and dates."""

    class OutputSerializer(serializers.Serializer):
        class MeasureSerializer(serializers.Serializer):
            class ComputationSerializer(serializers.Serializer):
                kind = serializers.ChoiceField(choices=["sum", "ratio", "ratio_pct", "difference"])
                column = serializers.CharField(allow_null=True, help_text="sum: the fact column")
                a = serializers.CharField(allow_null=True, help_text="ratio, ratio_pct, difference: a measure")
                b = serializers.CharField(allow_null=True)

            name = serializers.CharField()
            label = serializers.CharField()
            words = serializers.ListField(child=serializers.CharField())
            direction = serializers.ChoiceField(choices=[d.value for d in Direction])
            format = serializers.ChoiceField(choices=[f.value for f in Format])
            computation = ComputationSerializer()
            derived = serializers.BooleanField()
            default = serializers.BooleanField(help_text="the measure a question naming none is about")

        version = serializers.CharField()
        measures = MeasureSerializer(many=True)
        class DimensionSerializer(serializers.Serializer):
            name = serializers.CharField()
            label = serializers.CharField()
            words = serializers.ListField(child=serializers.CharField())
            aliases = serializers.ListField(
                child=serializers.ListField(child=serializers.CharField(), min_length=2, max_length=2),
                help_text="[alias, member] pairs",
            )

        dimensions = serializers.DictField(
            child=serializers.ListField(child=serializers.CharField()), help_text="dimension → its members, sorted"
        )
        dimension_details = DimensionSerializer(many=True, help_text="labels, words and member aliases")
        first_date = serializers.DateField()
        last_date = serializers.DateField()
        row_count = serializers.IntegerField()

    @operation(responses={200: OutputSerializer})
    def get(self, request: Request) -> Response:
        model = selectors.get_semantic_model(tenant=self.tenant)
        return Response(self.OutputSerializer(model.as_json()).data)


class QueryApi(TenantAPIView):
    """``?measure=revenue&start=2025-07-01&end=2025-09-30&filter=region:EMEA&group_by=channel`` (or ``grain=month``).

    ``measure`` and ``filter`` may repeat; several members of one dimension are OR-ed. ``group_by`` with
    ``grain`` gives a row per member and period; ``count_distinct``, ``order_by`` and ``limit`` as in
    ``metrics.queries.QuerySpec``. The settings bound filters per query and members per filter.
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
        count_distinct = serializers.CharField(max_length=200, required=False)
        order_by = serializers.CharField(max_length=64, required=False, help_text="a measure")
        ascending = serializers.BooleanField(default=False)
        limit = serializers.IntegerField(min_value=1, required=False)

    class OutputSerializer(serializers.Serializer):
        class CellSerializer(serializers.Serializer):
            key = serializers.CharField(allow_null=True)
            start = serializers.DateField(allow_null=True)
            end = serializers.DateField(allow_null=True)
            facts = serializers.IntegerField()
            distinct = serializers.IntegerField(allow_null=True)
            period = serializers.CharField(allow_null=True)
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

    @operation(parameters=[InputSerializer], responses={200: OutputSerializer})
    def get(self, request: Request) -> Response:
        params = self.InputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        args = params.validated_data
        _within_dataset_dates(start=args["start"], end=args["end"])
        model = selectors.get_semantic_model(tenant=self.tenant)
        measures = args.get("measure") or [model.default_measure]
        for measure in measures:
            if measure not in model.measures:
                known = ", ".join(model.measures)
                raise UnknownMeasure(f"{measure!r} is not a measure of this dataset; it has {known}.")
        filters = _filters(args.get("filter") or [])
        result = selectors.query(
            tenant=self.tenant,
            start=args["start"],
            end=args["end"],
            constraints=filters,
            group_by=args.get("group_by"),
            grain=args.get("grain"),
            count_distinct=args.get("count_distinct"),
            order_by=args.get("order_by"),
            descending=not args["ascending"],
            limit=args.get("limit"),
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


def _within_dataset_dates(*, start: date, end: date) -> None:
    """Refuses a period outside the dates a dataset may hold: none has facts there, and near the calendar's
    ends (9999-12-31) the engine's period arithmetic (the day after, a whole year) overflows."""
    lowest = date.fromisoformat(settings.SALESTALK_DATASET_MIN_DATE)
    highest = date.fromisoformat(settings.SALESTALK_DATASET_MAX_DATE)
    for name, day in (("start", start), ("end", end)):
        if not lowest <= day <= highest:
            raise InvalidQuery(f"{name!r} must be between {lowest.isoformat()} and {highest.isoformat()} (got {day}).")


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
        "distinct": cell.distinct,
        "period": cell.period,
        "values": {measure: cell.value(measure) for measure in measures},
        "sums": dict(cell.sums),
    }
