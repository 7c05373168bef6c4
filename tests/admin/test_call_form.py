import re

import pytest
from django.urls import reverse

from accelerator.calls.models import Call

from .factories import CallFactory, CohortFactory

pytestmark = pytest.mark.django_db

QUESTION_FIELDS = [
    "key",
    "kind",
    "label_en",
    "label_vi",
    "label_ar",
    "help_text_en",
    "help_text_vi",
    "help_text_ar",
    "choices_en",
    "choices_vi",
    "choices_ar",
    "min_value",
    "max_value",
]


def call_form_data(cohort, questions=(), **fields):
    """What the call form posts: the call, then its questions as Wagtail's inline formset."""
    data = {
        "title_en": "Call for argan cooperatives",
        "title_vi": "",
        "title_ar": "دعوة لتعاونيات الأركان",
        "program": cohort.program.pk,
        "cohort": cohort.pk,
        "reference_prefix": "ARG1",
        "opens_at": "2026-05-01 09:00",
        "closes_at": "2026-06-30 18:00",
        "timezone": "Africa/Casablanca",
        "target_cooperatives": "40",
        "allowed_file_types": ["pdf", "png"],
        "max_file_size_mb": "10",
        "questions-TOTAL_FORMS": str(len(questions)),
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
        # The Scoring tab: review settings and an empty grid.
        "reviewers_per_application": "2",
        "spread_threshold": "20",
        "exclude_own_region": "on",
        "criteria-TOTAL_FORMS": "0",
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "1000",
        "eligibility_rules-TOTAL_FORMS": "0",
        "eligibility_rules-INITIAL_FORMS": "0",
        "eligibility_rules-MIN_NUM_FORMS": "0",
        "eligibility_rules-MAX_NUM_FORMS": "1000",
        **fields,
    }
    for index, question in enumerate(questions):
        prefix = f"questions-{index}-"
        for name in QUESTION_FIELDS:
            data[prefix + name] = question.get(name, "")
        data[prefix + "required"] = "on"
        data[prefix + "ORDER"] = str(index + 1)
    return data


def choice_question(key="channels", **fields):
    return {"key": key, "kind": "single_choice", "label_en": "Where do you sell?", **fields}


@pytest.fixture
def staff_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def cohort(db):
    return CohortFactory()


def post_new_call(staff_client, data):
    return staff_client.post(reverse("call:add"), data)


def test_a_valid_call_is_saved_with_its_questions(staff_client, cohort):
    question = choice_question(choices_en="Markets\nShops", choices_ar="أسواق\nمحلات")

    response = post_new_call(staff_client, call_form_data(cohort, [question]))

    assert response.status_code == 302
    call = Call.objects.get()
    assert call.title_ar == "دعوة لتعاونيات الأركان"
    assert call.questions.get().choice_labels("ar") == ["أسواق", "محلات"]


def test_choice_lines_must_match_english_in_every_language(staff_client, cohort):
    question = choice_question(choices_en="Markets\nShops\nOnline", choices_vi="Chợ\nCửa hàng")

    response = post_new_call(staff_client, call_form_data(cohort, [question]))

    assert response.status_code == 200
    question_form = response.context["form"].formsets["questions"].forms[0]
    assert "choices_vi" in question_form.errors
    assert not Call.objects.exists()


def test_a_choice_question_needs_two_choices(staff_client, cohort):
    response = post_new_call(
        staff_client, call_form_data(cohort, [choice_question(choices_en="Markets")])
    )

    question_form = response.context["form"].formsets["questions"].forms[0]
    assert "choices_en" in question_form.errors
    assert not Call.objects.exists()


def test_question_keys_are_unique_within_the_call(staff_client, cohort):
    questions = [
        {"key": "activity", "kind": "short_text", "label_en": "Main activity"},
        {"key": "activity", "kind": "long_text", "label_en": "Describe your activity"},
    ]

    response = post_new_call(staff_client, call_form_data(cohort, questions))

    question_forms = response.context["form"].formsets["questions"].forms
    assert "key" in question_forms[1].errors
    assert not Call.objects.exists()


def test_a_question_needs_its_english_wording(staff_client, cohort):
    question = {"key": "activity", "kind": "short_text", "label_en": "", "label_ar": "النشاط"}

    response = post_new_call(staff_client, call_form_data(cohort, [question]))

    assert "label_en" in response.context["form"].formsets["questions"].forms[0].errors


def test_cohort_must_belong_to_the_chosen_program(staff_client, cohort):
    other_cohort = CohortFactory()

    data = {**call_form_data(cohort), "cohort": other_cohort.pk}

    response = post_new_call(staff_client, data)

    assert "cohort" in response.context["form"].errors
    assert not Call.objects.exists()


def test_file_types_are_stored_from_the_checkboxes(staff_client, cohort):
    post_new_call(staff_client, call_form_data(cohort, allowed_file_types=["docx", "pdf"]))

    assert Call.objects.get().allowed_file_types == "pdf,docx"


def test_file_type_checkboxes_show_what_is_stored(staff_client):
    call = CallFactory(allowed_file_types="pdf,xlsx")

    content = staff_client.get(reverse("call:edit", args=[call.pk])).content.decode()

    checked = set(re.findall(r'name="allowed_file_types" value="(\w+)"[^>]*checked', content))
    assert checked == {"pdf", "xlsx"}


def test_at_least_one_file_type_is_accepted(staff_client, cohort):
    response = post_new_call(staff_client, call_form_data(cohort, allowed_file_types=[]))

    assert "allowed_file_types" in response.context["form"].errors
