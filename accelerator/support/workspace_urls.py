"""Coaching visits in the field workspace (included by accelerator/workspace/urls.py)."""

from django.urls import path

from . import workspace_views as views

app_name = "visits"

urlpatterns = [
    path("cooperatives/<int:member_id>/visits/", views.visit_list, name="list"),
    path("cooperatives/<int:member_id>/visits/new/", views.visit_new, name="new"),
    path("cooperatives/<int:member_id>/visits/autosave/", views.autosave_new, name="autosave_new"),
    path("visits/<int:pk>/", views.visit, name="visit"),
    path("visits/<int:pk>/autosave/", views.autosave, name="autosave"),
    path("visits/<int:pk>/attachments/<int:attachment_id>/", views.attachment, name="attachment"),
    path(
        "visits/<int:pk>/attachments/<int:attachment_id>/remove/",
        views.attachment_remove,
        name="attachment_remove",
    ),
    path("follow-ups/<int:pk>/done/", views.follow_up_done, name="follow_up_done"),
]
