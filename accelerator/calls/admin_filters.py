import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from accelerator.programs.admin_filters import managed_programs

from .models import Application, Call


def visible_calls(request):
    return Call.objects.visible_to(request.user)


class CallFilterSet(WagtailFilterSet):
    program = django_filters.ModelChoiceFilter(label=_("program"), queryset=managed_programs)

    class Meta:
        model = Call
        fields = ["program"]


class ApplicationFilterSet(WagtailFilterSet):
    call = django_filters.ModelChoiceFilter(label=_("call"), queryset=visible_calls)
    status = django_filters.ChoiceFilter(
        label=_("status"),
        choices=[
            (code, label)
            for code, label in Application.Status.choices
            if code != Application.Status.DRAFT
        ],
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    submitted_at = django_filters.DateFromToRangeFilter(
        label=_("submitted"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Application
        fields = ["call", "status", "region", "province", "sector", "submitted_at"]
