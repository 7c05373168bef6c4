from django.urls import include, path

from . import views

app_name = "workspace"

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("cooperatives/<int:member_id>/", views.cooperative, name="cooperative"),
    path("", include("diagnostics.workspace_urls")),
    path("cooperatives/<int:member_id>/plan/", include("diagnostics.plan_urls")),
    path("", include("accelerator.support.workspace_urls")),
    path("", include("accelerator.support.assistance_urls")),
    path("training/", include("accelerator.support.training_urls")),
    path("security/", include("accelerator.security.urls")),
]
