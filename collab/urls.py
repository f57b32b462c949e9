from django.urls import path

from collab import api

app_name = "collab"

urlpatterns = [
    path("", api.InsightListApi.as_view(), name="insight-list"),
    path("<str:insight_id>/", api.InsightDetailApi.as_view(), name="insight-detail"),
    path("<str:insight_id>/share/", api.InsightShareApi.as_view(), name="insight-share"),
    path("<str:insight_id>/comments/", api.CommentListApi.as_view(), name="comment-list"),
    path("<str:insight_id>/comments/<str:comment_id>/", api.CommentDetailApi.as_view(), name="comment-detail"),
]
