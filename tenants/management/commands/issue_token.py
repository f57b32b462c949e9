from django.core.management.base import BaseCommand, CommandError, CommandParser

from tenants.errors import TenantError
from tenants.selectors import get_tenant_context
from tenants.tokens import issue_token


class Command(BaseCommand):
    help = "Print a local access token (HS256) for a tenant's user."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("tenant_id")
        parser.add_argument("--email", required=True)
        parser.add_argument("--ttl", type=int, default=3600, help="Lifetime in seconds (default 3600).")

    def handle(self, *args: object, **options: object) -> None:
        if options["ttl"] <= 0:
            raise CommandError("--ttl must be a positive number of seconds.")
        try:
            get_tenant_context(tenant_id=options["tenant_id"])
        except TenantError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(issue_token(tenant_id=options["tenant_id"], email=options["email"], ttl=options["ttl"]))
