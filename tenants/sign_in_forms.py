"""The sign-in throttles for Django's password forms (the pages' /login/, the admin's), as the API applies them.

``POST /api/auth/token`` is throttled per client address and locks an address out of an account after
too many wrong passwords (``tenants.throttles``); a password form without the same checks would be a way
around them, so every one mixes this in before Django's ``AuthenticationForm``.
"""
from __future__ import annotations

from typing import Any

from django import forms
from rest_framework.exceptions import Throttled

from tenants.throttles import (
    SignInIPThrottle,
    check_sign_in_allowed,
    clear_sign_in_failures,
    client_address,
    record_sign_in_failure,
)


class ThrottledSignInMixin:
    """``clean`` of an ``AuthenticationForm``, refused with the throttle's message while over a rate or locked."""

    cleaned_data: dict[str, Any]
    request: Any
    user_cache: Any

    def clean(self) -> dict[str, Any]:
        email = (self.cleaned_data.get("username") or "").strip().lower()
        if not email or not self.cleaned_data.get("password"):
            return super().clean()
        address = client_address(self.request)
        try:
            if not SignInIPThrottle().allow_request(self.request, None):
                raise Throttled(detail="Too many sign-in attempts from your address; try again in a minute.")
            check_sign_in_allowed(email=email, address=address)
        except Throttled as exc:
            raise forms.ValidationError(str(exc.detail), code="throttled") from exc
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if self.user_cache is None:  # a wrong password (not a right one for an account that may not sign in)
                record_sign_in_failure(email=email, address=address)
            raise
        clear_sign_in_failures(email=email, address=address)
        return cleaned
