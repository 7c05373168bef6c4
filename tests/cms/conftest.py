import pytest

from tests.calls.factories import CallFactory, ProgramFactory
from tests.cms.factories import build_indexes


@pytest.fixture
def indexes(home_pages):
    return build_indexes(home_pages)


@pytest.fixture
def program(db):
    return ProgramFactory(name_en="Atlas", name_vi="Atlas", name_ar="الأطلس")


@pytest.fixture
def open_call(program):
    return CallFactory(cohort__program=program, program=program)
