"""Collective training in the field workspace (included by accelerator/workspace/urls.py)."""

from django.urls import path

from . import training_views as views

app_name = "training"

urlpatterns = [
    path("", views.index, name="index"),
    path("sessions/<int:pk>/", views.session_detail, name="session"),
    path("sessions/<int:pk>/attendance/add/", views.attendance_add, name="attendance_add"),
    path(
        "sessions/<int:pk>/attendance/<int:attendance_id>/",
        views.attendance_edit,
        name="attendance_edit",
    ),
    path(
        "sessions/<int:pk>/attendance/<int:attendance_id>/remove/",
        views.attendance_remove,
        name="attendance_remove",
    ),
    path("sessions/<int:pk>/sheet/", views.sheet, name="sheet"),
    path("sessions/<int:pk>/sheet.xlsx", views.sheet_workbook, name="sheet_workbook"),
    path("sessions/<int:pk>/import/", views.sheet_import, name="import"),
    path("sessions/<int:pk>/cascade/", views.cascade, name="cascade"),
]
