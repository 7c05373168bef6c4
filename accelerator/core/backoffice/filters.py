"""Filter forms of the back-office lists, drawn without one template per option.

A list's filters offer every region, province, sector, call, phase and reviewer of the person's
programs: a couple of hundred options on each page view. Django draws each option through its
own template (attributes included), which took a tenth of the application list's time; the
same markup is written here directly. Escaping is format_html's; nothing else changes.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from wagtail.admin.filters import WagtailFilterSet


class DirectSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = []
        for group_name, options, _index in widget["optgroups"]:
            rendered = format_html_join(
                "",
                '<option value="{}"{}{}>{}</option>',
                (
                    (
                        "" if option["value"] is None else option["value"],
                        mark_safe(" selected") if option["selected"] else "",
                        flatatt({k: v for k, v in option["attrs"].items() if k != "selected"}),
                        option["label"],
                    )
                    for option in options
                ),
            )
            if group_name:
                rendered = format_html('<optgroup label="{}">{}</optgroup>', group_name, rendered)
            parts.append(rendered)
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            mark_safe("".join(parts)),
        )


class BackOfficeFilterSet(WagtailFilterSet):
    """Single-choice select filters drawn by DirectSelect; radios and other widgets as they were."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for filter_ in self.filters.values():
            single_choice = issubclass(filter_.field_class, forms.ChoiceField) and not issubclass(
                filter_.field_class, forms.MultipleChoiceField
            )
            if single_choice and filter_.extra.get("widget") is None:
                filter_.extra["widget"] = DirectSelect
