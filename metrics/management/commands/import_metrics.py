from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from metrics.errors import MetricsError
from metrics.management.progress import ImportProgress
from metrics.services import import_dataset
from tenants.errors import TenantError
from tenants.selectors import get_tenant_context


class Command(BaseCommand):
    help = "Import a metrics CSV as a tenant's dataset: validated in full first, then switched in atomically."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("tenant_id")
        parser.add_argument("file", type=Path)
        parser.add_argument("--replace", action="store_true", help="Replace the tenant's current dataset.")

    def handle(self, *args: object, **options: object) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            tenant = get_tenant_context(tenant_id=options["tenant_id"])
            with path.open("rb") as stream, ImportProgress(file=self.stderr, enabled=options["verbosity"] > 0) as bar:
                result = import_dataset(
                    tenant=tenant, stream=stream, source=path.name, replace=options["replace"], on_progress=bar
                )
        except (TenantError, MetricsError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Imported {result.rows:,} rows ({result.first_date} to {result.last_date}; "
            f"dimensions {', '.join(f'{k} ({v})' for k, v in result.dimensions.items()) or 'none'}; "
            f"measures {', '.join(result.measures)}) as version {result.version}: "
            f"{result.items_written:,} rollup items in {result.seconds:.1f}s."
        )
