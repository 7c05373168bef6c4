"""Admin screens of collective training (imported by wagtail_hooks.py)."""

from wagtail import hooks

from .training_viewsets import TrainingMenu


@hooks.register("register_admin_viewset")
def register_training_menu():
    return TrainingMenu()
