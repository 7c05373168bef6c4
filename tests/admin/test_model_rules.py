import pytest
from django.core.exceptions import ValidationError

from accelerator.cooperatives.models import Cooperative
from tests.calls.factories import ProvinceFactory, QuestionFactory, RegionFactory

pytestmark = pytest.mark.django_db


def test_registry_refuses_more_women_than_members():
    cooperative = Cooperative(members_total=10, members_women=11, members_youth=2)

    with pytest.raises(ValidationError) as refused:
        cooperative.clean()

    assert "members_women" in refused.value.message_dict


def test_registry_refuses_a_province_outside_the_region():
    province = ProvinceFactory()
    cooperative = Cooperative(region=RegionFactory(), province=province)

    with pytest.raises(ValidationError) as refused:
        cooperative.clean()

    assert "province" in refused.value.message_dict


def test_number_question_needs_a_range_that_makes_sense():
    question = QuestionFactory.build(kind="number", min_value=10, max_value=5)

    with pytest.raises(ValidationError) as refused:
        question.clean()

    assert "max_value" in refused.value.message_dict
