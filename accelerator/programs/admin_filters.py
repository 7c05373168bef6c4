import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from .models import Cohort, Program


def managed_programs(request):
    return Program.objects.managed_by(request.user)


class CohortFilterSet(WagtailFilterSet):
    program = django_filters.ModelChoiceFilter(label=_("program"), queryset=managed_programs)

    class Meta:
        model = Cohort
        fields = ["program"]
