from wagtail import hooks

from .viewsets import CooperativeViewSet


@hooks.register("register_admin_viewset")
def register_cooperatives():
    return CooperativeViewSet()
