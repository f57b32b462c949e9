"""Routes of the Cognito Hosted UI sign-in for the pages (tenants/hosted_ui.py), under /auth/cognito/."""
from django.urls import path

from tenants import hosted_ui

app_name = "cognito"

urlpatterns = [
    path("login", hosted_ui.sign_in, name="login"),
    path("callback", hosted_ui.callback, name="callback"),
    path("signed-out", hosted_ui.signed_out, name="signed-out"),
]
