import pytest
from django.utils import timezone

from accelerator.calls.models import Application
from accelerator.programs.models import Phase
from tests.admin.factories import ApplicationFactory, CallFactory, CohortFactory, RegionFactory
from tests.factories import StaffFactory


@pytest.fixture
def regions(db):
    return [RegionFactory(name_en=f"Region {n}") for n in range(3)]


@pytest.fixture
def cohort(regions):
    cohort = CohortFactory(capacity=4)
    north = Phase(cohort=cohort, name_en="North phase", capacity=2, sort_order=0)
    south = Phase(cohort=cohort, name_en="South phase", capacity=2, sort_order=1)
    north.save()
    south.save()
    north.regions.set([regions[0]])
    north.regions.commit()
    south.regions.set([regions[1], regions[2]])
    south.regions.commit()
    return cohort


@pytest.fixture
def call(cohort):
    return CallFactory(program=cohort.program, cohort=cohort)


@pytest.fixture
def officer(call):
    from accelerator.programs.models import Membership

    user = StaffFactory(is_superuser=False, username="officer")
    Membership.objects.create(program=call.program, user=user, role=Membership.Role.OFFICER)
    return user


@pytest.fixture
def applicant(call, cohort):
    """An eligible, reviewed application in a region and its phase."""

    def make(region, score, *, eligible=True, language="en", women=5, youth=5, total=20, **extra):
        phase = cohort.phases.filter(regions=region).first()
        return ApplicationFactory(
            call=call,
            region=region,
            phase=phase,
            eligibility=(
                Application.Eligibility.ELIGIBLE if eligible else Application.Eligibility.INELIGIBLE
            ),
            score=score,
            reviews_completed=2,
            language=language,
            members_total=total,
            members_women=women,
            members_youth=youth,
            submitted_at=extra.pop("submitted_at", timezone.now()),
            cooperative=extra.pop("cooperative", None) or _cooperative(region),
            **extra,
        )

    return make


def _cooperative(region):
    from tests.admin.factories import CooperativeFactory

    return CooperativeFactory(region=region)
