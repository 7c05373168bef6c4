from django.conf import settings
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.forms import WagtailAdminModelForm


def require_default_language(form):
    """A translated field the model requires needs at least its English text, which the
    other languages fall back to."""
    try:
        translated = translator.get_options_for_model(form._meta.model).fields
    except NotRegistered:
        return
    for name in translated:
        default = build_localized_fieldname(name, settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
        if default in form.fields and not form._meta.model._meta.get_field(name).blank:
            form.fields[default].required = True


class TranslatedModelForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        require_default_language(self)
        for formset in self.formsets.values():
            for form in formset.forms:
                require_default_language(form)
