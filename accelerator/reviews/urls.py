from django.urls import path

from . import admin_views

app_name = "reviews"

urlpatterns = [
    path("", admin_views.MyReviewsView.as_view(), name="mine"),
    path("<int:pk>/", admin_views.ReviewView.as_view(), name="review"),
    path("attachments/<int:pk>/", admin_views.download_attachment, name="attachment"),
    path("calls/<int:pk>/", admin_views.CallReviewsView.as_view(), name="call"),
    path("calls/<int:pk>/assign/", admin_views.assign_balanced_view, name="assign_balanced"),
    path("applications/<int:pk>/assign/", admin_views.assign_reviewers_view, name="assign"),
]
