"""Workspace addresses of the development plan, under a cooperative of the coach's caseload."""

from django.urls import path

from . import plan_views

app_name = "plans"

urlpatterns = [
    path("", plan_views.detail, name="detail"),
    path("start/", plan_views.create, name="create"),
    path("submit/", plan_views.submit, name="submit"),
    path("history/", plan_views.history, name="history"),
    path("suggestions/<int:standard_action_id>/accept/", plan_views.accept, name="accept"),
    path("suggestions/<int:standard_action_id>/dismiss/", plan_views.dismiss, name="dismiss"),
    path("actions/add/", plan_views.action_add, name="action_add"),
    path("actions/<int:action_id>/", plan_views.action_edit, name="action_edit"),
    path("actions/<int:action_id>/remove/", plan_views.action_delete, name="action_delete"),
    path("objectives/add/", plan_views.objective_add, name="objective_add"),
    path("objectives/<int:objective_id>/", plan_views.objective_edit, name="objective_edit"),
    path(
        "objectives/<int:objective_id>/remove/",
        plan_views.objective_delete,
        name="objective_delete",
    ),
]
