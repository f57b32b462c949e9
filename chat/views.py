"""The Django-rendered pages: sign-in, the chat page, and the page's token endpoint.

The chat page holds no tenant data itself: its script trades the session for a short-lived access token
(``POST /app/token``) and then talks to the same tenant API as every other client.
"""
from __future__ import annotations

from typing import Any, ClassVar
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from core.errors import error_body
from tenants.context import TenantContext
from tenants.errors import TenantError
from tenants.hosted_ui import SignInFailed, page_id_token
from tenants.models import Membership
from tenants.selectors import get_tenant, get_tenant_context
from tenants.sign_in_forms import ThrottledSignInMixin
from tenants.tokens import issue_token


class NoTenant(Exception):
    """A signed-in person whose tenant is missing or not active."""


def tenant_of_user(user: Any) -> TenantContext:
    """The active tenant a local user belongs to; ``NoTenant`` otherwise."""
    try:
        tenant_id = Membership.objects.get(user=user).tenant_id
    except Membership.DoesNotExist as exc:
        raise NoTenant("This account belongs to no company yet. Ask your administrator to add you.") from exc
    try:
        return get_tenant_context(tenant_id=tenant_id, email=user.get_username(), user_id=str(user.pk))
    except TenantError as exc:
        raise NoTenant("Your company's workspace is not available.") from exc  # naming no tenant, nor why


class SignInForm(ThrottledSignInMixin, AuthenticationForm):
    username = forms.EmailField(
        label="Email",
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    error_messages: ClassVar[dict[str, str]] = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Wrong email or password.",
    }

    def clean_username(self) -> str:
        return self.cleaned_data["username"].strip().lower()

    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        try:
            tenant_of_user(user)
        except NoTenant as exc:
            raise forms.ValidationError(str(exc), code="no_tenant") from exc


class SignInView(auth_views.LoginView):
    template_name = "web/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # Where the pages sign in elsewhere (the aws profile: Cognito's Hosted UI), no password reaches this form.
        if reverse("web:login") != settings.LOGIN_URL:
            target = settings.LOGIN_URL  # the Hosted UI's own view checks ``next`` before following it
            if request.GET.get("next"):
                target += "?" + urlencode({"next": request.GET["next"]})
            return HttpResponseRedirect(target)
        return super().dispatch(request, *args, **kwargs)


class SignOutView(auth_views.LogoutView):
    pass


@require_GET
@login_required
def chat_page(request: HttpRequest) -> HttpResponse:
    try:
        tenant = tenant_of_user(request.user)
    except NoTenant as exc:
        return render(request, "web/unavailable.html", {"message": str(exc)}, status=403)
    page = {
        "email": request.user.get_username(),
        "tenant_id": tenant.tenant_id,
        "currency": tenant.currency,
        "token_url": "/app/token",
    }
    company = get_tenant(tenant_id=tenant.tenant_id).name
    return render(request, "web/chat.html", {"page": page, "company": company})


@require_POST
def page_token(request: HttpRequest) -> JsonResponse:
    """An access token for the signed-in person's tenant (CSRF-checked by the middleware, like any POST)."""
    if not request.user.is_authenticated:
        return JsonResponse(error_body(code="not_authenticated", message="Please sign in again."), status=401)
    try:
        tenant = tenant_of_user(request.user)
    except NoTenant as exc:
        return JsonResponse(error_body(code="no_tenant", message=str(exc)), status=403)
    try:
        # A Hosted UI session calls the API with its Cognito ID token; a local one gets a local token.
        access = page_id_token(request) or issue_token(
            tenant_id=tenant.tenant_id, email=tenant.email or "", user_id=tenant.user_id
        )
    except SignInFailed as exc:
        return JsonResponse(error_body(code="not_authenticated", message=str(exc)), status=401)
    return JsonResponse(
        {
            "access": access,
            "tenant_id": tenant.tenant_id,
            "email": tenant.email,
            "expires_in": settings.SALESTALK_ACCESS_TOKEN_TTL,
        }
    )
