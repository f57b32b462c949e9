import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tenants.errors import TenantError
from tenants.services import provision_tenant


class Command(BaseCommand):
    help = "Onboard a tenant: create its DynamoDB table, register it and create its owner's sign-in."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("tenant_id")
        parser.add_argument("--name", required=True)
        parser.add_argument("--owner-email", required=True)
        parser.add_argument("--currency", default="USD")
        parser.add_argument("--time-zone", default="UTC")
        parser.add_argument("--owner-password", help="Default: a generated password, printed once.")

    def handle(self, *args: object, **options: object) -> None:
        try:
            record, password = provision_tenant(
                tenant_id=options["tenant_id"],
                name=options["name"],
                owner_email=options["owner_email"],
                currency=options["currency"],
                time_zone=options["time_zone"],
                owner_password=options["owner_password"],
            )
        except TenantError as exc:
            raise CommandError(str(exc)) from exc
        out = record.as_json()
        if password and not options["owner_password"]:
            out["ownerInitialPassword"] = password
        self.stdout.write(json.dumps(out, indent=2))
