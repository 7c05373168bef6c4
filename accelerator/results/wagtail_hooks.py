from wagtail import hooks
from wagtail.admin.ui.components import Component

from accelerator.programs.roles import is_office

from . import dashboard


class ResultsPanel(Component):
    """The office's programs at a glance on the admin home page: headline results and what is
    waiting for them."""

    name = "program_results"
    order = 50
    template_name = "results/admin/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {"dashboards": dashboard.dashboards(self.user), "links": dashboard.links()}


@hooks.register("construct_homepage_panels")
def add_results_panel(request, panels):
    if is_office(request.user):
        panels.append(ResultsPanel(request.user))
