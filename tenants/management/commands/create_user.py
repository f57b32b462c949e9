from django.core.management.base import BaseCommand, CommandError, CommandParser

from tenants.errors import TenantError
from tenants.selectors import get_tenant_context
from tenants.services import create_user


class Command(BaseCommand):
    help = "Add a local sign-in user to a tenant; prints the password when it was generated."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("tenant_id")
        parser.add_argument("email")
        parser.add_argument("--password")
        parser.add_argument("--staff", action="store_true", help="May manage tenants in the admin and API.")

    def handle(self, *args: object, **options: object) -> None:
        try:
            get_tenant_context(tenant_id=options["tenant_id"])
            user, password = create_user(
                tenant_id=options["tenant_id"],
                email=options["email"],
                password=options["password"],
                is_staff=options["staff"],
            )
        except TenantError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Created {user.username} in tenant {options['tenant_id']}.")
        if not options["password"]:
            self.stdout.write(f"Password: {password}")
