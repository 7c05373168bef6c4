"""Technical assistance: the coach of a cooperative records it in the workspace, linked to the
plan's actions; the program office reads and exports it in the admin, with the value of the
equipment given per cohort and its co-financing split."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.users.models import UserProfile

from accelerator.support import assistance
from accelerator.support.models import TechnicalAssistance
from tests.admin.factories import CohortFactory
from tests.diagnostics.factories import CoachAssignmentFactory, CohortMemberFactory
from tests.support.assistance_people import *  # noqa: F403 — fixtures
from tests.support.assistance_people import TechnicalAssistanceFactory, plan_with_actions

pytestmark = pytest.mark.django_db

EQUIPMENT = TechnicalAssistance.Kind.EQUIPMENT


def add_url(member, language="en"):
    return f"/{language}/workspace/cooperatives/{member.pk}/support/assistance/add/"


def edit_url(record, language="en"):
    return f"/{language}/workspace/cooperatives/{record.member_id}/support/assistance/{record.pk}/"


def equipment_post(actions, **changes):
    data = {
        "kind": EQUIPMENT,
        "title": "Honey extractor",
        "description": "Stainless steel extractor, 8 frames",
        "provider": "Bắc Kạn agricultural extension centre",
        "delivered_on": "2026-05-04",
        "quantity": "2",
        "cost_program": "24000000",
        "cost_cooperative": "6000000",
        "cost_other": "0",
        "plan_actions": [actions[0].pk],
    }
    data.update(changes)
    return data


def equipment_data(actions, **changes):
    data = {
        "kind": EQUIPMENT,
        "title": "Honey extractor",
        "description": "Stainless steel extractor",
        "delivered_on": date(2026, 5, 4),
        "quantity": 2,
        "cost_program": Decimal(24_000_000),
        "cost_cooperative": Decimal(6_000_000),
        "cost_other": Decimal(0),
        "plan_actions": actions[:1],
    }
    data.update(changes)
    return data


def errors_of(call):
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.message_dict


# Rules ---------------------------------------------------------------------------------------


def test_equipment_needs_a_description_a_quantity_and_a_value(member, actions):
    errors = errors_of(
        lambda: assistance.check_technical_assistance(
            member,
            equipment_data(
                actions,
                description="",
                quantity=None,
                cost_program=Decimal(0),
                cost_cooperative=Decimal(0),
            ),
        )
    )

    assert set(errors) == {"description", "quantity", "cost_program"}


def test_expert_advice_needs_no_quantity_nor_value(member, actions):
    data = equipment_data(
        actions,
        kind=TechnicalAssistance.Kind.EXPERT_ADVICE,
        description="",
        quantity=None,
        cost_program=Decimal(0),
        cost_cooperative=Decimal(0),
    )

    assistance.check_technical_assistance(member, data)


def test_a_negative_amount_is_refused(member, actions):
    errors = errors_of(
        lambda: assistance.check_technical_assistance(
            member, equipment_data(actions, cost_other=Decimal(-1))
        )
    )

    assert errors == {"cost_other": ["An amount cannot be negative."]}


def test_a_plan_action_is_required_when_the_cooperative_has_a_plan(member, actions):
    errors = errors_of(
        lambda: assistance.check_technical_assistance(
            member, equipment_data(actions, plan_actions=[])
        )
    )

    assert list(errors) == ["plan_actions"]


def test_no_plan_action_is_required_before_the_cooperative_has_a_plan(member):
    assistance.check_technical_assistance(member, equipment_data([], plan_actions=[]))


def test_an_action_of_another_cooperatives_plan_is_refused(member, actions, coach):
    elsewhere = CohortMemberFactory(cohort=member.cohort)
    foreign = plan_with_actions(elsewhere, coach, "Someone else's action")

    errors = errors_of(
        lambda: assistance.check_technical_assistance(
            member, equipment_data(actions, plan_actions=foreign)
        )
    )

    assert list(errors) == ["plan_actions"]


def test_saving_links_the_plan_actions(member, actions):
    record = assistance.save_technical_assistance(member, equipment_data(actions))

    assert list(record.plan_actions.all()) == actions[:1]
    assert record.cost_total == Decimal(30_000_000)


# Derived figures -----------------------------------------------------------------------------


def test_equipment_totals_of_a_cohort_split_by_who_paid(member, actions):
    TechnicalAssistanceFactory(
        member=member, kind=EQUIPMENT, cost_program=1000, cost_cooperative=250, cost_other=50
    )
    TechnicalAssistanceFactory(member=member, kind=EQUIPMENT, cost_program=500)
    TechnicalAssistanceFactory(
        member=member, kind=TechnicalAssistance.Kind.EXPERT_ADVICE, cost_program=9999
    )
    TechnicalAssistanceFactory(member=CohortMemberFactory(), kind=EQUIPMENT, cost_program=7777)

    totals = assistance.equipment_totals(member.cohort)

    assert (totals.program, totals.cooperative, totals.other) == (1500, 250, 50)
    assert totals.total == 1800
    assert totals.currency == "VND"
    assert round(totals.share(totals.program)) == 83


def test_equipment_totals_of_a_cohort_without_equipment_are_zero():
    cohort = CohortFactory()

    totals = assistance.equipment_totals(cohort)

    assert totals.total == 0
    assert totals.share(totals.program) is None


# Workspace -----------------------------------------------------------------------------------


def test_the_coach_records_equipment_from_the_cooperative_page(client, coach, member, actions):
    client.force_login(coach)

    response = client.post(add_url(member), equipment_post(actions))

    assert response.status_code == 302
    assert response["Location"].endswith(f"/cooperatives/{member.pk}/#technical-assistance")
    record = TechnicalAssistance.objects.get()
    assert record.member == member
    assert record.quantity == 2
    assert list(record.plan_actions.all()) == actions[:1]
    page = client.get(f"/vi/workspace/cooperatives/{member.pk}/")
    assert "Honey extractor" in page.content.decode()
    assert "30.000.000 VND" in page.content.decode()


def test_a_refused_form_says_why_in_the_readers_language_and_keeps_what_was_typed(
    client, coach, member, actions
):
    client.force_login(coach)

    response = client.post(
        add_url(member, "vi"),
        equipment_post(actions, cost_other="-5", plan_actions=[], title="Máy quay mật"),
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"cost_other", "plan_actions"}
    content = response.content.decode()
    assert "Máy quay mật" in content
    assert "Stainless steel extractor, 8 frames" in content
    assert 'lang="vi"' in content
    assert not TechnicalAssistance.objects.exists()


def test_the_coach_edits_a_record(client, coach, member, actions):
    record = TechnicalAssistanceFactory(member=member, plan_actions=actions[:1])
    client.force_login(coach)

    response = client.post(
        edit_url(record),
        equipment_post(actions, title="Two extractors", plan_actions=[actions[1].pk]),
    )

    assert response.status_code == 302
    record.refresh_from_db()
    assert record.title == "Two extractors"
    assert list(record.plan_actions.all()) == [actions[1]]


def test_the_coach_removes_a_record(client, coach, member):
    record = TechnicalAssistanceFactory(member=member)
    client.force_login(coach)

    response = client.post(f"{edit_url(record)}remove/")

    assert response.status_code == 302
    assert not TechnicalAssistance.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [("coach", 200), ("other_coach", 404), ("office", 404), ("other_office", 404)],
)
def test_only_the_coach_of_the_cooperative_opens_the_forms(
    client, request, member, actions, who, status
):
    record = TechnicalAssistanceFactory(member=member)
    client.force_login(request.getfixturevalue(who))

    assert client.get(add_url(member)).status_code == status
    assert client.get(edit_url(record)).status_code == status
    assert client.get(f"{edit_url(record)}remove/").status_code == status


def test_another_coach_cannot_record_for_a_cooperative_they_do_not_coach(
    client, other_coach, member, actions
):
    client.force_login(other_coach)

    response = client.post(add_url(member), equipment_post(actions))

    assert response.status_code == 404
    assert not TechnicalAssistance.objects.exists()


def test_a_record_of_another_cooperative_is_not_found_under_this_one(client, coach, member):
    elsewhere = CoachAssignmentFactory(coach=coach).member
    record = TechnicalAssistanceFactory(member=elsewhere)
    client.force_login(coach)

    response = client.get(f"/en/workspace/cooperatives/{member.pk}/support/assistance/{record.pk}/")

    assert response.status_code == 404


def test_the_program_office_reads_the_support_on_the_cooperative_page_without_links_to_edit(
    client, office, member
):
    TechnicalAssistanceFactory(member=member, title="Bookkeeping advice")
    client.force_login(office)

    content = client.get(f"/en/workspace/cooperatives/{member.pk}/").content.decode()

    assert "Bookkeeping advice" in content
    assert "/support/assistance/add/" not in content


# Admin ---------------------------------------------------------------------------------------


def test_the_office_lists_its_programs_assistance_with_equipment_totals_in_its_language(
    client, office, member, actions
):
    TechnicalAssistanceFactory(
        member=member,
        kind=EQUIPMENT,
        title="Honey extractor",
        cost_program=1_200_000,
        cost_cooperative=300_000,
    )
    TechnicalAssistanceFactory(member=CohortMemberFactory(), title="Not ours")
    UserProfile.objects.update_or_create(user=office, defaults={"preferred_language": "vi"})
    client.force_login(office)

    response = client.get(reverse("technical_assistance:index"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Honey extractor" in content
    assert "Not ours" not in content
    assert "1.500.000 VND" in content
    assert "1.200.000 VND" in content
    assert "(80%)" in content


def test_the_office_of_the_program_opens_a_record(client, office, member, actions):
    record = TechnicalAssistanceFactory(
        member=member, title="Honey extractor", plan_actions=actions
    )
    client.force_login(office)

    response = client.get(reverse("technical_assistance:inspect", args=[record.pk]))

    assert response.status_code == 200
    assert "OCOP certification" in response.content.decode()


def test_the_office_of_another_program_does_not_see_the_record(client, other_office, member):
    record = TechnicalAssistanceFactory(member=member, title="Honey extractor")
    client.force_login(other_office)

    listing = client.get(reverse("technical_assistance:index"))
    inspect = client.get(reverse("technical_assistance:inspect", args=[record.pk]))

    assert "Honey extractor" not in listing.content.decode()
    assert inspect.status_code == 404


def test_the_list_filters_by_kind_and_cohort(client, office, member):
    TechnicalAssistanceFactory(member=member, kind=EQUIPMENT, title="Extractor", cost_program=1)
    TechnicalAssistanceFactory(member=member, title="Advice on statutes")
    client.force_login(office)

    by_kind = client.get(reverse("technical_assistance:index"), {"kind": EQUIPMENT})
    by_other_cohort = client.get(
        reverse("technical_assistance:index"),
        {"cohort": CohortFactory(program=member.cohort.program).pk},
    )

    assert "Extractor" in by_kind.content.decode()
    assert "Advice on statutes" not in by_kind.content.decode()
    assert "Extractor" not in by_other_cohort.content.decode()


def test_the_csv_export_has_the_co_financing_split_the_currency_and_the_plan_actions(
    client, office, member, actions
):
    TechnicalAssistanceFactory(
        member=member,
        kind=EQUIPMENT,
        title="Extractor",
        cost_program=1000,
        cost_cooperative=250,
        plan_actions=actions,
    )
    client.force_login(office)

    response = client.get(reverse("technical_assistance:index"), {"export": "csv"})

    content = b"".join(response.streaming_content).decode()
    header, row = content.strip().splitlines()
    assert "Paid by the program,Paid by the cooperative,Paid by another partner" in header
    assert "HTX Mật ong Bắc Kạn" in row
    assert "1000.00,250.00,0.00,1250.00,VND" in row
    assert "New honey jars and labels; OCOP certification" in row


def test_a_coach_has_no_admin_list_of_assistance(client, coach):
    client.force_login(coach)

    response = client.get(reverse("technical_assistance:index"))

    assert response.status_code in (302, 403)


def test_the_admin_list_runs_a_bounded_number_of_queries(
    client, office, member, actions, django_assert_max_num_queries
):
    client.force_login(office)

    def records(count):
        for _ in range(count):
            other = CohortMemberFactory(cohort=member.cohort)
            TechnicalAssistanceFactory(
                member=other, kind=EQUIPMENT, cost_program=10, plan_actions=actions
            )

    records(3)
    with django_assert_max_num_queries(25):
        client.get(reverse("technical_assistance:index"))
    records(20)
    with django_assert_max_num_queries(25):
        client.get(reverse("technical_assistance:index"))


@pytest.mark.parametrize("kind", ["assistance", "marketing"])
def test_the_forms_read_right_to_left_in_arabic(client, coach, member, actions, kind):
    client.force_login(coach)

    response = client.get(f"/ar/workspace/cooperatives/{member.pk}/support/{kind}/add/")

    content = response.content.decode()
    assert response.status_code == 200
    assert 'lang="ar" dir="rtl"' in content
    assert "<bdi>New honey jars and labels</bdi>" in content
