from wagtail import hooks

from .viewsets import CallsMenu


@hooks.register("register_admin_viewset")
def register_calls_menu():
    return CallsMenu()
