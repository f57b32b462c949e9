from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from metrics.errors import MetricsError
from metrics.management.progress import ImportProgress
from metrics.services import column_names, import_dataset
from tenants.errors import TenantError, TenantNotFound
from tenants.selectors import get_tenant_context
from tenants.services import onboard_tenant


class Command(BaseCommand):
    help = (
        "Get a tenant ready for the evaluation (idempotent): create it if missing, "
        "and import the CSV unless it is already the tenant's dataset."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--tenant", required=True)
        parser.add_argument("--data", required=True, type=Path)
        parser.add_argument("--dimensions", nargs="+", default=[], metavar="COLUMN",
                            help="Columns that are dimensions even though their values are numbers (a store_id).")
        parser.add_argument("--currency", default="USD", help="The currency of a tenant created here (ISO 4217).")

    def handle(self, *args: object, **options: object) -> None:
        tenant_id: str = options["tenant"]
        path: Path = options["data"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            try:
                tenant = get_tenant_context(tenant_id=tenant_id)
            except TenantNotFound:
                onboard_tenant(tenant_id=tenant_id, name=tenant_id, owner_email=f"owner@{tenant_id}.example",
                               currency=options["currency"])
                tenant = get_tenant_context(tenant_id=tenant_id)
            with path.open("rb") as stream, ImportProgress(file=self.stderr, enabled=options["verbosity"] > 0) as bar:
                result = import_dataset(
                    tenant=tenant, stream=stream, source=path.name, replace=True, only_if_changed=True,
                    on_progress=bar, dimensions=column_names(options["dimensions"]),
                )
        except (TenantError, MetricsError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{tenant_id}: {result.status} {result.rows:,} rows (version {result.version}).")
