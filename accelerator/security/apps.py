from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "accelerator.security"
    label = "security"
    verbose_name = _("Security")

    def ready(self):
        from . import identity, two_factor  # noqa: F401 — connect their sign-in signals
