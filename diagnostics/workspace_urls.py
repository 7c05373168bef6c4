"""The diagnostic's screens in the field workspace (included by accelerator/workspace/urls.py)."""

from django.urls import path

from . import workspace_views as views

app_name = "diagnostics"

urlpatterns = [
    path("cooperatives/<int:member_id>/diagnostics/start/", views.start, name="start"),
    path("diagnostics/<int:pk>/", views.overview, name="overview"),
    path("diagnostics/<int:pk>/domains/<int:domain_id>/", views.domain, name="domain"),
    path("diagnostics/<int:pk>/swot/", views.swot, name="swot"),
    path("diagnostics/<int:pk>/swot/add/", views.swot_add, name="swot_add"),
    path("diagnostics/<int:pk>/swot/<int:item_id>/remove/", views.swot_remove, name="swot_remove"),
    path("diagnostics/<int:pk>/meta/", views.meta, name="meta"),
    path("diagnostics/<int:pk>/autosave/", views.autosave, name="autosave"),
    path("diagnostics/<int:pk>/complete/", views.complete, name="complete"),
]
