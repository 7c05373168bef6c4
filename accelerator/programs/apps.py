from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "accelerator.programs"
    label = "programs"
    verbose_name = _("Programs")

    def ready(self):
        from . import roles  # noqa: F401  (connects the role → group signals)
