"""Admin onboarding: staff list, create, disable and re-enable tenants; creating one provisions its table."""
from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_POST

from tenants import services
from tenants.errors import TenantError
from tenants.models import Membership, Tenant
from tenants.selectors import list_tenants
from tenants.sign_in_forms import ThrottledSignInMixin


class StaffSignInForm(ThrottledSignInMixin, AdminAuthenticationForm):
    """The admin's sign-in: staff passwords reach every tenant's registry, so the same lockout applies."""


admin.site.login_form = StaffSignInForm


class OnboardTenantForm(forms.Form):
    tenant_id = forms.CharField(max_length=40, help_text="3-40 lowercase letters, digits or hyphens.")
    name = forms.CharField(max_length=200)
    owner_email = forms.EmailField()
    currency = forms.CharField(max_length=3, initial="USD")
    time_zone = forms.CharField(max_length=64, initial="UTC")


@admin.register(Tenant)
class TenantAdmin(admin.ModelAdmin):
    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.is_staff

    has_view_permission = has_add_permission = has_change_permission = (
        lambda self, request, obj=None: self.has_module_permission(request)
    )

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view
        return [
            path("", view(self.list_view), name="tenants_tenant_changelist"),
            path("add/", view(self.onboard_view), name="tenants_tenant_add"),
            path("<str:tenant_id>/status/", view(require_POST(self.status_view)), name="tenants_tenant_status"),
        ]

    def _context(self, request: HttpRequest, **extra: object) -> dict[str, object]:
        return {**self.admin_site.each_context(request), "opts": self.model._meta, **extra}

    def list_view(self, request: HttpRequest) -> HttpResponse:
        return render(
            request, "admin/tenants/tenant_list.html", self._context(request, title="Tenants", tenants=list_tenants())
        )

    def onboard_view(self, request: HttpRequest) -> HttpResponse:
        form = OnboardTenantForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                record, password = services.provision_tenant(**form.cleaned_data)
            except TenantError as exc:
                form.add_error(None, str(exc))
            else:
                # The initial password is shown on this one page and nowhere else: not in the messages
                # cookie, not in a redirect, not cached.
                page = render(request, "admin/tenants/tenant_onboarded.html",
                              self._context(request, title="Tenant onboarded", record=record, password=password))
                add_never_cache_headers(page)
                return page
        context = self._context(request, title="Onboard a tenant", form=form)
        return render(request, "admin/tenants/tenant_onboard.html", context)

    def status_view(self, request: HttpRequest, tenant_id: str) -> HttpResponse:
        try:
            services.set_tenant_status(tenant_id=tenant_id, status=request.POST.get("status", ""))
        except TenantError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Tenant {tenant_id} is now {request.POST['status']}.")
        return HttpResponseRedirect(reverse("admin:tenants_tenant_changelist"))


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "tenant_id")
    search_fields = ("user__username", "tenant_id")
