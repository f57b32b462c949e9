import html
import re

import pytest
from django.contrib.auth import get_user_model

from tenants.models import TenantStatus, registry
from tenants.services import ensure_registry_table


@pytest.fixture
def staff(db):
    ensure_registry_table()
    return get_user_model().objects.create_user(username="staff@x.example", password="pw", is_staff=True)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.mark.django_db
def test_staff_onboard_list_disable_and_enable_a_tenant_in_the_admin(staff_client, staff):
    assert "Tenants" in staff_client.get("/admin/").content.decode()
    response = staff_client.post(
        "/admin/tenants/tenant/add/",
        {"tenant_id": "globex", "name": "Globex", "owner_email": "o@globex.example", "currency": "EUR",
         "time_zone": "UTC"},
    )
    page = response.content.decode()
    assert response.status_code == 200 and "globex" in page and "is active" in page
    password = re.search(r"<code>([^<]+)</code>", page).group(1)
    assert staff_client.login(username="o@globex.example", password=html.unescape(password))
    staff_client.force_login(staff)
    # Shown once, on that page only: not in the messages cookie, not cached, not on the next page.
    assert "messages" not in response.cookies and "no-store" in response["Cache-Control"]
    assert password not in staff_client.get("/admin/tenants/tenant/").content.decode()
    assert registry().get("globex").status == TenantStatus.ACTIVE

    staff_client.post("/admin/tenants/tenant/globex/status/", {"status": "disabled"})
    assert registry().get("globex").status == TenantStatus.DISABLED
    staff_client.post("/admin/tenants/tenant/globex/status/", {"status": "active"})
    assert registry().get("globex").status == TenantStatus.ACTIVE
    assert "globex" in staff_client.get("/admin/tenants/tenant/").content.decode()


@pytest.mark.django_db
def test_admin_onboarding_shows_errors_instead_of_failing(staff_client):
    response = staff_client.post(
        "/admin/tenants/tenant/add/",
        {"tenant_id": "Bad_Id", "name": "X", "owner_email": "o@x.example", "currency": "USD", "time_zone": "UTC"},
    )
    assert response.status_code == 200 and "Invalid tenant id" in response.content.decode()


@pytest.mark.django_db
def test_non_staff_cannot_reach_tenant_admin(client):
    user = get_user_model().objects.create_user(username="ann@x.example", password="pw")
    client.force_login(user)
    assert client.get("/admin/tenants/tenant/").status_code == 302
