import io
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from metrics.demo_data import DEMO_SEED, DEMO_START, write_csv
from metrics.errors import MetricsError
from metrics.management.progress import ImportProgress
from metrics.selectors import current_dataset
from metrics.services import import_dataset
from tenants.errors import TenantError
from tenants.selectors import get_tenant_context
from tenants.services import provision_tenant

DEMO_NAME = "Brightside Coffee"


class Command(BaseCommand):
    help = (
        "The demo tenant, its staff user and its dataset (idempotent): whatever exists is kept; "
        "the dataset is generated (seeded) from 2022 to yesterday."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--tenant", required=True)
        parser.add_argument("--email", required=True)
        parser.add_argument("--password", required=True)
        parser.add_argument("--refresh", action="store_true", help="Regenerate the dataset up to yesterday.")

    def handle(self, *args: object, **options: object) -> None:
        tenant_id, email, password = options["tenant"], options["email"].strip().lower(), options["password"]
        try:
            provision_tenant(tenant_id=tenant_id, name=DEMO_NAME, owner_email=email, owner_password=password)
            self._staff_user(email=email, password=password)
            tenant = get_tenant_context(tenant_id=tenant_id, email=email)
            if current_dataset(tenant=tenant) is not None and not options["refresh"]:
                self.stdout.write(f"Demo tenant {tenant_id!r} is ready (dataset kept; --refresh regenerates it).")
                return
            end = date.today() - timedelta(days=1)
            data = io.BytesIO()
            text = io.TextIOWrapper(data, encoding="utf-8", newline="")
            write_csv(text, start=DEMO_START, end=end, seed=DEMO_SEED)
            text.detach()  # flushes, and leaves ``data`` open
            data.seek(0)
            with ImportProgress(file=self.stderr, enabled=options["verbosity"] > 0) as bar:
                result = import_dataset(
                    tenant=tenant, stream=data, source=f"demo {DEMO_START}..{end}", replace=True, on_progress=bar
                )
        except (TenantError, MetricsError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Demo tenant {tenant_id!r} is ready: {result.rows:,} rows from {result.first_date} to "
            f"{result.last_date}. Sign in as {email}."
        )

    def _staff_user(self, *, email: str, password: str) -> None:
        user = get_user_model().objects.get(username=email)
        changed = not user.is_staff or not user.check_password(password)
        if changed:
            user.is_staff = True
            user.set_password(password)
            user.save(update_fields=["is_staff", "password"])
