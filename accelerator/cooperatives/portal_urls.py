from django.urls import path

from . import portal_views

app_name = "portal"

urlpatterns = [
    path("", portal_views.home, name="home"),
    path("sign-in/<str:token>/", portal_views.sign_in, name="sign_in"),
    path("sign-out/", portal_views.sign_out, name="sign_out"),
    path("applications/<int:pk>/", portal_views.application, name="application"),
    path("cohorts/<int:member_id>/", portal_views.member, name="member"),
]
