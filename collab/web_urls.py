"""Route of the public share page; the API lives under /api/."""
from django.urls import path

from collab import views

app_name = "share"

urlpatterns = [
    path("share/<str:token>", views.share_page, name="page"),
]
