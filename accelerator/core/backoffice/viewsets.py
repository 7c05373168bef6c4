from wagtail.admin.panels import ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from . import views
from .forms import TranslatedModelForm


class BackOfficeViewSet(ModelViewSet):
    """A model's admin screens, every one of them limited to what `visible_to(user)` returns.

    By default staff see every object (reference data); program records override the rule.
    """

    index_view_class = views.IndexView
    add_view_class = views.CreateView
    edit_view_class = views.EditView
    delete_view_class = views.DeleteView
    inspect_view_class = views.InspectView
    history_view_class = views.HistoryView
    usage_view_class = views.UsageView
    # Wagtail's copy view fetches its original outside the visibility rule.
    copy_view_enabled = False
    #: The form that `panels` build on.
    base_form_class = TranslatedModelForm

    def visible_to(self, user):
        return self.model._default_manager.all()

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(visible_to=self.visible_to, **kwargs)

    def get_edit_handler(self):
        if hasattr(self, "edit_handler"):
            return super().get_edit_handler()
        return ObjectList(self.panels, base_form_class=self.base_form_class).bind_to_model(
            self.model
        )


class ProgramRecordsViewSet(BackOfficeViewSet):
    """Screens over records that belong to one program: `visible_to` must narrow them."""

    # Wagtail's "usage" screens of shared objects (a region, a sector) would otherwise list
    # the records of programs the person does not work on.
    add_to_reference_index = False

    def visible_to(self, user):
        raise NotImplementedError
