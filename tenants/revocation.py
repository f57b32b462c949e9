"""A user's tokens end when their password changes or their account is disabled, however that happens
(admin, `changepassword`, a service): the user model's save bumps the token version."""
from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models.signals import post_save, pre_save

from tenants.services import revoke_tokens


def _remember_revoking_change(sender: type, instance: Any, **kwargs: Any) -> None:
    if instance.pk is None:
        return
    stored = sender.objects.filter(pk=instance.pk).values("password", "is_active").first()
    instance._salestalk_revokes = stored is not None and (
        stored["password"] != instance.password or (stored["is_active"] and not instance.is_active)
    )


def _revoke_after_save(sender: type, instance: Any, created: bool, **kwargs: Any) -> None:
    if not created and instance.__dict__.pop("_salestalk_revokes", False):
        revoke_tokens(user_id=instance.pk)


def connect() -> None:
    User = get_user_model()
    pre_save.connect(_remember_revoking_change, sender=User, dispatch_uid="salestalk-revoke-pre")
    post_save.connect(_revoke_after_save, sender=User, dispatch_uid="salestalk-revoke-post")
