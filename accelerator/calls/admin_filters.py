import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, NumberRangeWidget
from wagtail.admin.widgets import BooleanRadioSelect

from accelerator.core.backoffice.filters import BackOfficeFilterSet
from accelerator.programs.admin_filters import managed_programs
from accelerator.programs.models import Membership, Phase, Program
from accelerator.reviews.models import Review

from .models import Application, Call


def visible_calls(request):
    return Call.objects.visible_to(request.user)


class CallFilterSet(BackOfficeFilterSet):
    program = django_filters.ModelChoiceFilter(label=_("program"), queryset=managed_programs)

    class Meta:
        model = Call
        fields = ["program"]


def visible_phases(request):
    return Phase.objects.filter(
        cohort__program__in=Program.objects.managed_by(request.user)
    ).select_related("cohort")


def visible_reviewers(request):
    return (
        get_user_model()
        .objects.filter(
            memberships__role=Membership.Role.REVIEWER,
            memberships__program__in=Program.objects.managed_by(request.user),
        )
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


class PhaseChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.cohort.name} — {obj.name}"


class ReviewerChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class PhaseFilter(django_filters.ModelChoiceFilter):
    field_class = PhaseChoiceField


class ReviewerFilter(django_filters.ModelChoiceFilter):
    field_class = ReviewerChoiceField


def majority(members_field):
    """True when the members counted in this field are more than half of all members, the
    rule of CooperativeProfile.women_led / youth_led, as SQL."""
    return models.Case(
        models.When(
            models.Q(members_total__gt=0)
            & models.Q(**{"members_total__lt": Coalesce(models.F(members_field), 0) * 2}),
            then=True,
        ),
        default=False,
        output_field=models.BooleanField(),
    )


class ApplicationFilterSet(BackOfficeFilterSet):
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
    score = django_filters.RangeFilter(label=_("score"), widget=NumberRangeWidget)
    reviewer = ReviewerFilter(
        label=_("reviewer"), queryset=visible_reviewers, method="filter_reviewer"
    )
    women_led = django_filters.BooleanFilter(
        label=_("women-led"), widget=BooleanRadioSelect, method="filter_women_led"
    )
    youth_led = django_filters.BooleanFilter(
        label=_("youth-led"), widget=BooleanRadioSelect, method="filter_youth_led"
    )
    phase = PhaseFilter(label=_("phase"), queryset=visible_phases)

    class Meta:
        model = Application
        fields = [
            "call",
            "status",
            "eligibility",
            "score",
            "reviewer",
            "region",
            "province",
            "sector",
            "women_led",
            "youth_led",
            "phase",
            "submitted_at",
        ]

    def filter_reviewer(self, queryset, name, value):
        """Applications this person reviews or has to review (a declared conflict does not)."""
        return queryset.filter(
            models.Exists(
                Review.objects.active().filter(application=models.OuterRef("pk"), reviewer=value)
            )
        )

    def filter_women_led(self, queryset, name, value):
        return queryset.alias(is_women_led=majority("members_women")).filter(is_women_led=value)

    def filter_youth_led(self, queryset, name, value):
        return queryset.alias(is_youth_led=majority("members_youth")).filter(is_youth_led=value)
