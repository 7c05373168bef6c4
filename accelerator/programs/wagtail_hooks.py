from wagtail import hooks

from .viewsets import ProgramsMenu, ReferenceDataMenu


@hooks.register("register_admin_viewset")
def register_programs_menu():
    return ProgramsMenu()


@hooks.register("register_admin_viewset")
def register_reference_data_menu():
    return ReferenceDataMenu()
