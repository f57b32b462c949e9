"""Routes of the Django-rendered pages (chat/views.py); the API lives under /api/."""
from django.urls import path

from chat import data_views, views

app_name = "web"

urlpatterns = [
    path("", views.chat_page, name="chat"),
    path("login/", views.SignInView.as_view(), name="login"),
    path("logout/", views.SignOutView.as_view(), name="logout"),
    path("app/token", views.page_token, name="token"),
    path("data/", data_views.data_page, name="data"),
]
