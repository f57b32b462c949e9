"""The global tenant registry (DynamoDB) and each person's tenant membership (Django auth DB)."""
from __future__ import annotations

from django.conf import settings as django_settings
from django.db import models
from pynamodb.attributes import UnicodeAttribute

from tenants.storage import UnboundModel, bind_table, registry_table_name


class TenantStatus:
    PROVISIONING = "provisioning"
    ACTIVE = "active"
    DISABLED = "disabled"
    DELETED = "deleted"


class TenantRecord(UnboundModel):
    """One item per tenant in ``{prefix}tenants``."""

    tenantId = UnicodeAttribute(hash_key=True)
    name = UnicodeAttribute()
    ownerEmail = UnicodeAttribute()
    tableName = UnicodeAttribute()
    createdAt = UnicodeAttribute()
    status = UnicodeAttribute(default=TenantStatus.ACTIVE)
    currency = UnicodeAttribute(default="USD")
    timeZone = UnicodeAttribute(default="UTC")
    # Random per onboarding; tokens carry it, so a token can only ever name the tenant it was issued for.
    generation = UnicodeAttribute(null=True)

    @property
    def current_generation(self) -> str:
        # Tenants onboarded before generations existed are told apart by their creation time.
        return self.generation or self.createdAt

    def as_json(self) -> dict[str, str]:
        return {
            "tenantId": self.tenantId,
            "name": self.name,
            "ownerEmail": self.ownerEmail,
            "tableName": self.tableName,
            "createdAt": self.createdAt,
            "status": self.status,
            "currency": self.currency,
            "timeZone": self.timeZone,
        }


def registry() -> type[TenantRecord]:
    return bind_table(TenantRecord, table_name=registry_table_name())


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
