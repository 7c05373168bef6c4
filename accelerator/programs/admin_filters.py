import django_filters
from django.utils.translation import gettext_lazy as _

from accelerator.core.backoffice.filters import BackOfficeFilterSet

from .models import Cohort, Program


def managed_programs(request):
    return Program.objects.managed_by(request.user)


class CohortFilterSet(BackOfficeFilterSet):
    program = django_filters.ModelChoiceFilter(label=_("program"), queryset=managed_programs)

    class Meta:
        model = Cohort
        fields = ["program"]
