from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    name = "accelerator.workspace"
    label = "workspace"
    verbose_name = _("Field workspace")
