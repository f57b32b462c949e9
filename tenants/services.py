"""Tenant onboarding and offboarding, and local sign-in users.

Onboarding is crash-safe and re-runnable: the registry item is written first
with status ``provisioning`` (a record of intent that authentication refuses),
then the table is created and waited for, and only then is the tenant marked
``active``. Re-running finishes whatever a crash left undone.
"""
from __future__ import annotations

import re
import secrets
import uuid

from botocore.exceptions import ClientError
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F
from pynamodb.exceptions import PutError

from core.clock import now_iso
from core.text import InvalidText, clean_text
from tenants.errors import InvalidTenantId, TenantError, TenantExists, TenantIdRetired
from tenants.models import Membership, TenantRegistryItem, TenantStatus, registry
from tenants.selectors import get_tenant
from tenants.storage import dynamodb_client, ensure_table, registry_table_name, tenant_table_name

MAX_TENANT_NAME_CHARS = 200

TENANT_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$")
TENANT_TTL_ATTRIBUTE = "expiresAt"


def validate_tenant_id(tenant_id: str) -> str:
    if not isinstance(tenant_id, str) or not TENANT_ID_PATTERN.fullmatch(tenant_id):
        raise InvalidTenantId(
            f"Invalid tenant id {tenant_id!r}: use 3-40 lowercase letters, digits or hyphens, "
            "starting and ending with a letter or digit."
        )
    return tenant_id


def ensure_registry_table() -> None:
    """Create the global registry where it is missing (local; in AWS, Terraform owns it)."""
    ensure_table(name=registry_table_name(), keys=["tenantId"])


def _create_tenant_table(*, tenant_id: str) -> None:
    ensure_table(
        name=tenant_table_name(tenant_id),
        keys=["pk", "sk"],
        ttl_attribute=TENANT_TTL_ATTRIBUTE,
        tags={"tenantId": tenant_id, "app": "salestalk"},
    )



def onboard_tenant(
    *,
    tenant_id: str,
    name: str,
    owner_email: str,
    currency: str = "USD",
    time_zone: str = "UTC",
) -> TenantRegistryItem:
    """Provision a tenant; re-running with the same details completes or returns it."""
    validate_tenant_id(tenant_id)
    # Shown on every page of the tenant's people: the one validation of people's text (no bidi spoofing).
    try:
        name = clean_text(name, field="name", max_chars=MAX_TENANT_NAME_CHARS)
    except InvalidText as exc:  # the admin form and the commands report tenant errors
        raise TenantError(str(exc)) from exc
    try:
        validate_email(owner_email)
    except ValidationError as exc:
        raise TenantError(f"Invalid owner email {owner_email!r}.") from exc
    if not re.fullmatch(r"[A-Z]{3}", currency or ""):
        raise TenantError(f"Invalid currency {currency!r}: use an ISO 4217 code such as USD or EUR.")

    ensure_registry_table()
    Registry = registry()
    try:
        record = Registry.get(tenant_id, consistent_read=True)
    except Registry.DoesNotExist:
        record = None
    if record is not None and record.status == TenantStatus.DELETED:
        # The deleted tenant's item stays as a tombstone: its id, and its old tokens, never name anyone else.
        raise TenantIdRetired(f"Tenant id {tenant_id!r} belonged to a deleted tenant; ids are never reissued.")
    if record is not None:
        if (record.name, record.owner_email) != (name, owner_email):
            raise TenantExists(f"Tenant {tenant_id!r} already exists.")
        if record.status in (TenantStatus.ACTIVE, TenantStatus.DISABLED):
            return record
    else:
        record = Registry(
            tenant_id=tenant_id,
            name=name,
            owner_email=owner_email,
            table_name=tenant_table_name(tenant_id),
            created_at=now_iso(),
            status=TenantStatus.PROVISIONING,
            currency=currency,
            time_zone=time_zone,
            generation=uuid.uuid4().hex,
        )
        try:
            record.save(condition=Registry.tenant_id.does_not_exist())
        except PutError as exc:
            if exc.cause_response_code != "ConditionalCheckFailedException":
                raise
            raise TenantExists(f"Tenant {tenant_id!r} already exists.") from exc
    _create_tenant_table(tenant_id=tenant_id)
    record.update(actions=[Registry.status.set(TenantStatus.ACTIVE)])
    return record


def set_tenant_status(*, tenant_id: str, status: str) -> TenantRegistryItem:
    if status not in (TenantStatus.ACTIVE, TenantStatus.DISABLED):
        raise TenantError(f"Status must be {TenantStatus.ACTIVE!r} or {TenantStatus.DISABLED!r}.")
    Registry = registry()
    record = get_tenant(tenant_id=tenant_id)
    if record.status not in (TenantStatus.ACTIVE, TenantStatus.DISABLED):
        raise TenantError(f"Tenant {tenant_id!r} is {record.status}; it cannot be {status}.")
    record.update(actions=[Registry.status.set(status)])
    return record


def offboard_tenant(*, tenant_id: str) -> TenantRegistryItem:
    """Refuse the tenant's tokens at once, then delete its table. Re-runnable."""
    Registry = registry()
    record = get_tenant(tenant_id=tenant_id)
    record.update(actions=[Registry.status.set(TenantStatus.DELETED)])
    try:
        dynamodb_client().delete_table(TableName=record.table_name)
    except ClientError as exc:
        if exc.response["Error"]["Code"] != "ResourceNotFoundException":
            raise
    Membership.objects.filter(tenant_id=tenant_id).delete()
    return record


def create_user(
    *, tenant_id: str, email: str, password: str | None = None, is_staff: bool = False
) -> tuple[object, str]:
    """A local sign-in user of one tenant; returns the user and the password (generated if not given)."""
    try:
        validate_email(email)
    except ValidationError as exc:
        raise TenantError(f"Invalid email {email!r}.") from exc
    User = get_user_model()
    username = email.strip().lower()
    if User.objects.filter(username=username).exists():
        raise TenantError(f"A user with email {username!r} already exists.")
    password = password or secrets.token_urlsafe(12)
    with transaction.atomic():
        user = User.objects.create_user(username=username, email=username, password=password, is_staff=is_staff)
        Membership.objects.create(user=user, tenant_id=tenant_id)
    return user, password


def provision_tenant(
    *,
    tenant_id: str,
    name: str,
    owner_email: str,
    currency: str = "USD",
    time_zone: str = "UTC",
    owner_password: str | None = None,
) -> tuple[TenantRegistryItem, str | None]:
    """Onboard a tenant and give its owner a local sign-in; the password is returned only when new."""
    record = onboard_tenant(
        tenant_id=tenant_id, name=name, owner_email=owner_email, currency=currency, time_zone=time_zone
    )
    if get_user_model().objects.filter(username=owner_email.strip().lower()).exists():
        return record, None
    _, password = create_user(tenant_id=tenant_id, email=owner_email, password=owner_password)
    return record, password


def revoke_tokens(*, user_id: int) -> None:
    """End every token of the user ("sign out everywhere"): tokens carry the version this bumps."""
    Membership.objects.filter(user_id=user_id).update(token_version=F("token_version") + 1)
