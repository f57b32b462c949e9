from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from metrics.errors import MetricsError
from metrics.management.progress import ImportProgress
from metrics.services import added_together_note, column_names, import_dataset
from tenants.errors import TenantError
from tenants.selectors import get_tenant_context


class Command(BaseCommand):
    help = (
        "Import a dataset (CSV, Excel .xlsx or Parquet) as a tenant's: validated in full first, then switched "
        "in atomically. Numeric columns are measures, others dimensions, unless --dimensions / --measures say."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("tenant_id")
        parser.add_argument("file", type=Path)
        parser.add_argument("--replace", action="store_true", help="Replace the tenant's current dataset.")
        parser.add_argument("--dimensions", nargs="+", default=[], metavar="COLUMN",
                            help="Columns that are dimensions even though their values are numbers (a store_id).")
        parser.add_argument("--measures", nargs="+", default=[], metavar="COLUMN",
                            help="Columns that must be measures.")

    def handle(self, *args: object, **options: object) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            tenant = get_tenant_context(tenant_id=options["tenant_id"])
            with path.open("rb") as stream, ImportProgress(file=self.stderr, enabled=options["verbosity"] > 0) as bar:
                result = import_dataset(
                    tenant=tenant, stream=stream, source=path.name, replace=options["replace"],
                    dimensions=column_names(options["dimensions"]), measures=column_names(options["measures"]),
                    on_progress=bar,
                )
        except (TenantError, MetricsError) as exc:
            raise CommandError(str(exc)) from exc
        roles = "; ".join(
            f"{c.column}: {c.role}" + (f" {c.name}" if c.name != c.column and c.role != "date" else "")
            for c in result.columns
        )
        self.stdout.write(
            f"Imported {result.rows:,} rows ({result.first_date} to {result.last_date}; "
            f"dimensions {', '.join(f'{k} ({v})' for k, v in result.dimensions.items()) or 'none'}; "
            f"measures {', '.join(result.measures)}) as version {result.version} "
            f"({result.file_bytes:,} bytes) in {result.seconds:.1f}s.\nColumns: {roles}."
        )
        if note := added_together_note(rows=result.added_together or 0):
            self.stdout.write(note)
