"""The Hosted UI sign-in (aws profile) keys the Django user by the ID token's email. A Cognito user may set
their own email to anyone's (it stays unverified until that inbox confirms it), so an unverified email must
open no session: otherwise an attacker of one tenant signs in as another tenant's person, moves that
person's membership to the attacker's tenant, and inherits their Django rights (staff: the tenant registry).
"""
from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tenants.models import Membership
from tenants.tests.test_hosted_ui import aws_sign_in, cognito, sign_in  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

TARGET = "ops@victim-co.example"


@pytest.fixture
def staff_person(make_tenant):
    victim = make_tenant("victim-co")
    user = get_user_model().objects.create_user(username=TARGET, email=TARGET, is_staff=True)
    Membership.objects.create(user=user, tenant_id=victim.tenant_id)
    return user


@pytest.mark.parametrize("verified", [False, "false", None, 1], ids=["false", "the text false", "null", "one"])
def test_an_unverified_email_opens_no_session_as_its_owner(aws_sign_in, cognito, make_tenant,  # noqa: F811
                                                           staff_person, verified):
    attacker = make_tenant("attacker-co")
    thief = Client()
    response = sign_in(thief, cognito, email=TARGET, tenant_id=attacker.tenant_id,
                       claims={"email_verified": verified})
    assert response.status_code == 403
    assert "_auth_user_id" not in thief.session
    assert Membership.objects.get(user=staff_person).tenant_id == "victim-co", "the owner's membership moved"
    assert thief.get("/api/tenants/").status_code in (401, 403)


def test_the_owners_verified_email_signs_in(aws_sign_in, cognito, staff_person):  # noqa: F811
    owner = Client()
    response = sign_in(owner, cognito, email=TARGET, tenant_id="victim-co")
    assert response.status_code == 302 and "_auth_user_id" in owner.session
