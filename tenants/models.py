"""The global tenant registry (DynamoDB) and each person's tenant membership (Django auth DB)."""
from __future__ import annotations

from django.conf import settings as django_settings
from django.db import models
from pynamodb.attributes import NumberAttribute, UnicodeAttribute

from tenants.storage import TenantItem, UnboundModel, bind_table, registry_table_name


class TenantStatus:
    PROVISIONING = "provisioning"
    ACTIVE = "active"
    DISABLED = "disabled"
    DELETED = "deleted"


class TenantRegistryItem(UnboundModel):
    """One item per tenant in ``{prefix}tenants``."""

    tenant_id = UnicodeAttribute(hash_key=True, attr_name="tenantId")
    name = UnicodeAttribute()
    owner_email = UnicodeAttribute(attr_name="ownerEmail")
    table_name = UnicodeAttribute(attr_name="tableName")
    created_at = UnicodeAttribute(attr_name="createdAt")
    status = UnicodeAttribute(default=TenantStatus.ACTIVE)
    currency = UnicodeAttribute(default="USD")
    time_zone = UnicodeAttribute(default="UTC", attr_name="timeZone")
    # Random per onboarding; tokens carry it, so a token can only ever name the tenant it was issued for.
    generation = UnicodeAttribute(null=True)

    @property
    def current_generation(self) -> str:
        # Tenants onboarded before generations existed are told apart by their creation time.
        return self.generation or self.created_at

    def as_json(self) -> dict[str, str]:
        return {
            "tenantId": self.tenant_id,
            "name": self.name,
            "ownerEmail": self.owner_email,
            "tableName": self.table_name,
            "createdAt": self.created_at,
            "status": self.status,
            "currency": self.currency,
            "timeZone": self.time_zone,
        }


def registry() -> type[TenantRegistryItem]:
    return bind_table(TenantRegistryItem, table_name=registry_table_name())


SPENT_REFRESH_SK = "SPENT"


def spent_refresh_pk(token_id: str) -> str:
    return f"REFRESH#{token_id}"


class SpentRefreshTokenItem(TenantItem):
    """In the tenant's table, pk ``REFRESH#{jti}``, sk ``SPENT``: a refresh token already exchanged.

    Kept (the table's TTL attribute) until the token itself would expire; after that its signature refuses it.
    """

    user_id = UnicodeAttribute(attr_name="userId")
    use = UnicodeAttribute()  # random per refresh call: tells its own retried write from another use
    expires_at = NumberAttribute(attr_name="expiresAt")


class Membership(models.Model):
    """A local sign-in user belongs to exactly one tenant (Cognito users carry it in their token)."""

    user = models.OneToOneField(django_settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    tenant_id = models.CharField(max_length=40, db_index=True)
    # In every token of this user; bumped on password change, disable and "sign out everywhere".
    token_version = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.user} @ {self.tenant_id}"


class Tenant(models.Model):
    """Admin entry for tenants; they live in DynamoDB, so Django keeps no table for them."""

    class Meta:
        managed = False
        verbose_name = "tenant"
