from django.core.management.base import BaseCommand, CommandError, CommandParser

from tenants.errors import TenantError
from tenants.services import offboard_tenant


class Command(BaseCommand):
    help = "Offboard a tenant: refuse its tokens, delete its table, mark it deleted."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("tenant_id")

    def handle(self, *args: object, **options: object) -> None:
        try:
            record = offboard_tenant(tenant_id=options["tenant_id"])
        except TenantError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Tenant {record.tenant_id} deleted (table {record.table_name} removed).")
