"""The trainer's workspace: a trainer sees only their sessions (404 otherwise), records
attendance with clear errors that keep what was typed, prints the blank sheet in the session's
language; the office sees its programs' sessions only, in the workspace and in the admin."""

import pytest
from django.urls import reverse

from accelerator.programs.models import Membership
from tests.admin.factories import MembershipFactory
from tests.support.training_factories import *  # noqa: F403 — fixtures
from tests.support.training_factories import AttendanceFactory, TrainingSessionFactory, invite

pytestmark = pytest.mark.django_db

SESSION_PAGES = ["session", "sheet", "sheet_workbook", "import", "cascade", "attendance_add"]


def url(name, session, *args):
    return reverse(f"workspace:training:{name}", args=[session.pk, *args])


def test_trainer_lists_only_their_sessions(client, trainer, session, other_trainer):
    TrainingSessionFactory(cohort=session.cohort, module__title_en="Someone else's session")
    client.force_login(trainer)

    response = client.get(reverse("workspace:training:index"))

    html = response.content.decode()
    assert session.module.title_en in html
    assert "Someone else&#x27;s session" not in html and "Someone else's session" not in html


@pytest.mark.parametrize("page", SESSION_PAGES)
def test_trainer_gets_404_on_another_trainers_session(client, other_trainer, session, page):
    client.force_login(other_trainer)

    assert client.get(url(page, session)).status_code == 404


@pytest.mark.parametrize("page", SESSION_PAGES)
def test_trainer_opens_every_page_of_their_session(client, trainer, session, page):
    client.force_login(trainer)

    assert client.get(url(page, session)).status_code == 200


def test_a_trainer_of_the_same_program_does_not_see_a_colleagues_session(client, session):
    colleague = MembershipFactory(
        program=session.cohort.program, role=Membership.Role.TRAINER, user__username="colleague"
    ).user
    client.force_login(colleague)

    assert client.get(url("session", session)).status_code == 404


def test_trainer_cannot_edit_or_remove_a_row_of_another_session(client, trainer, session):
    elsewhere = AttendanceFactory()
    client.force_login(trainer)

    assert client.get(url("attendance_edit", session, elsewhere.pk)).status_code == 404
    assert client.post(url("attendance_remove", session, elsewhere.pk)).status_code == 404
    assert client.post(url("attendance_remove", elsewhere.session, elsewhere.pk)).status_code == 404


def test_office_sees_its_programs_sessions_and_not_anothers(client, office, other_office, session):
    client.force_login(office)
    assert client.get(url("session", session)).status_code == 200

    client.force_login(other_office)
    assert client.get(url("session", session)).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client, session):
    response = client.get(url("session", session))

    assert response.status_code == 302
    assert reverse("workspace:login") in response["Location"]


# Recording attendance ------------------------------------------------------------------------


def test_trainer_adds_a_participant_of_an_invited_cooperative(client, trainer, session):
    (member,) = invite(session)
    client.force_login(trainer)

    response = client.post(
        url("attendance_add", session),
        {
            "full_name": "Khadija Ouali",
            "member": member.pk,
            "sex": "f",
            "age": "29",
            "role": "president",
            "present": "on",
            "pre_test": "35",
            "post_test": "80",
        },
    )

    assert response.status_code == 302
    row = session.attendance.get()
    assert (row.full_name, row.member, row.age, row.post_test) == ("Khadija Ouali", member, 29, 80)


def test_bad_values_are_refused_with_errors_and_what_was_typed_is_kept(client, trainer, session):
    invite(session)
    outsider = invite(TrainingSessionFactory(cohort=session.cohort))[0]
    client.force_login(trainer)

    response = client.post(
        url("attendance_add", session),
        {
            "full_name": "Khadija Ouali",
            "member": outsider.pk,
            "sex": "f",
            "age": "7",
            "role": "president",
            "pre_test": "150",
            "post_test": "80",
        },
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert session.attendance.count() == 0
    assert "Choose one of the cooperatives invited to this session." in html
    assert "greater than or equal to 12" in html
    assert "less than or equal to 100" in html
    assert 'value="Khadija Ouali"' in html and 'value="80"' in html


def test_the_same_person_cannot_be_listed_twice(client, trainer, session):
    (member,) = invite(session)
    AttendanceFactory(session=session, member=member, full_name="Khadija Ouali")
    client.force_login(trainer)

    response = client.post(
        url("attendance_add", session),
        {"full_name": "khadija ouali", "member": member.pk, "sex": "f", "role": "member"},
    )

    assert "already on the session&#x27;s attendance list" in response.content.decode()


def test_trainer_corrects_and_removes_a_row(client, trainer, session):
    row = AttendanceFactory(session=session, age=40)
    client.force_login(trainer)

    client.post(
        url("attendance_edit", session, row.pk),
        {"full_name": row.full_name, "sex": "m", "age": "41", "role": "member", "present": "on"},
    )
    row.refresh_from_db()
    assert (row.sex, row.age) == ("m", 41)

    client.post(url("attendance_remove", session, row.pk))
    assert not session.attendance.exists()


# The session page ----------------------------------------------------------------------------


@pytest.mark.parametrize("size", [2, 12])
def test_session_page_takes_a_bounded_number_of_queries(
    client, trainer, session, size, django_assert_max_num_queries
):
    members = invite(session, size)
    for member in members:
        AttendanceFactory.create_batch(2, session=session, member=member)
    client.force_login(trainer)

    with django_assert_max_num_queries(16):
        response = client.get(url("session", session))

    assert response.content.decode().count('<li class="card">') == 2 * size


@pytest.mark.parametrize("size", [2, 12])
def test_session_list_takes_a_bounded_number_of_queries(
    client, trainer, size, django_assert_max_num_queries
):
    for _index in range(size):
        AttendanceFactory(session=TrainingSessionFactory(trainer=trainer))
    client.force_login(trainer)

    with django_assert_max_num_queries(12):
        client.get(reverse("workspace:training:index"))


# The printable sheet -------------------------------------------------------------------------


def test_an_arabic_session_prints_its_sheet_in_arabic_even_for_an_english_reader(
    client, trainer, session
):
    session.language = "ar"
    session.save()
    client.force_login(trainer)

    response = client.get(url("sheet", session))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in html
    assert session.module.title_ar in html
    assert '<th scope="col" class="sheet__col sheet__col--cooperative">التعاونية</th>' in html
    assert "امرأة" in html  # the sex legend
    assert "Back to the session" in html  # the screen-only bar speaks the reader's language


def test_a_vietnamese_session_prints_in_vietnamese_from_an_arabic_url(client, trainer, session):
    session.language = "vi"
    session.save()
    client.force_login(trainer)

    response = client.get(url("sheet", session).replace("/en/", "/ar/"))

    html = response.content.decode()
    assert '<html lang="vi" dir="ltr">' in html
    assert session.module.title_vi in html


def test_the_sheet_has_enough_blank_rows_and_print_styles(client, trainer, session):
    invite(session, 15)
    client.force_login(trainer)

    html = client.get(url("sheet", session)).content.decode()

    assert html.count('<td class="sheet__col--number">') == 45
    assert "css/print-sheet.css" in html
    assert "<thead>" in html and "Signature" in html


# The office's admin screens ------------------------------------------------------------------


def test_office_lists_only_its_programs_sessions_in_the_admin(client, office, session):
    elsewhere = TrainingSessionFactory(place="Somewhere else")
    client.force_login(office)

    response = client.get(reverse("training_sessions:index"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Tiznit" in html and "Somewhere else" not in html
    edit = reverse("training_sessions:edit", args=[elsewhere.pk])
    assert client.get(edit).status_code == 404


def test_office_session_page_shows_figures_and_offers_the_sheet(client, office, session):
    AttendanceFactory.create_batch(3, session=session)
    client.force_login(office)

    response = client.get(reverse("training_sessions:edit", args=[session.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Participants present" in html
    assert reverse("workspace:training:sheet", args=[session.pk]) in html
    assert reverse("training_sessions:import", args=[session.pk]) in html


def test_office_session_form_offers_only_the_cohorts_cooperatives_and_trained_people(
    client, office, session
):
    (member,) = invite(session)
    stranger = invite(TrainingSessionFactory())[0]
    tot = TrainingSessionFactory(cohort=session.cohort, is_training_of_trainers=True)
    trained = AttendanceFactory(session=tot, full_name="Trained Trainer")
    AttendanceFactory(session=tot, full_name="Absent Person", present=False)
    client.force_login(office)

    html = client.get(reverse("training_sessions:edit", args=[session.pk])).content.decode()

    assert member.cooperative.legal_name in html
    assert stranger.cooperative.legal_name not in html
    assert "Trained Trainer" in html and "Absent Person" not in html
    assert f'value="{trained.pk}"' in html


def test_office_exports_the_attendance_of_a_session_as_csv(client, office, session):
    AttendanceFactory(session=session, full_name="Khadija Ouali")
    AttendanceFactory(full_name="Of another program")
    client.force_login(office)

    response = client.get(f"{reverse('training_attendance:index')}?session={session.pk}&export=csv")

    content = b"".join(response.streaming_content).decode()
    assert "Khadija Ouali" in content and "Of another program" not in content
    assert "Score before" in content.splitlines()[0]
    listing = client.get(f"{reverse('training_attendance:index')}?session={session.pk}")
    assert "Khadija Ouali" in listing.content.decode()


def test_office_edits_the_module_catalogue_with_languages_side_by_side(client, session):
    admin = MembershipFactory(
        program=session.cohort.program, role=Membership.Role.ADMINISTRATOR
    ).user
    client.force_login(admin)

    response = client.get(reverse("training_modules:edit", args=[session.module.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="title_vi"' in html and 'name="objectives_ar"' in html


def test_office_creates_a_session_in_the_admin(client, office, trainer, session):
    (member,) = invite(TrainingSessionFactory(cohort=session.cohort))
    client.force_login(office)
    add = reverse("training_sessions:add")
    assert client.get(add).status_code == 200

    response = client.post(
        add,
        {
            "module": session.module.pk,
            "cohort": session.cohort.pk,
            "starts_on": "2026-06-01",
            "ends_on": "2026-06-02",
            "place": "Agadir",
            "mode": "in_person",
            "language": "ar",
            "trainer": trainer.pk,
            "invited": [member.pk],
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    created = type(session).objects.get(place="Agadir")
    assert list(created.invited.all()) == [member]


def test_the_session_form_refuses_cooperatives_of_another_cohort(client, office, trainer, session):
    other_cohort = TrainingSessionFactory(cohort__program=session.cohort.program).cohort
    (stranger,) = invite(TrainingSessionFactory(cohort=other_cohort))
    client.force_login(office)

    response = client.post(
        reverse("training_sessions:add"),
        {
            "module": session.module.pk,
            "cohort": session.cohort.pk,
            "starts_on": "2026-06-02",
            "ends_on": "2026-06-01",
            "mode": "in_person",
            "language": "en",
            "invited": [stranger.pk],
        },
    )

    errors = response.context["form"].errors
    assert errors["invited"] == ["Invite only cooperatives of the session's cohort."]
    assert "ends_on" in errors


def test_a_trainer_finds_their_sessions_from_the_workspace_menu(client, db):
    from accelerator.programs.models import Membership
    from tests.admin.factories import ProgramFactory
    from tests.factories import UserFactory

    trainer = UserFactory(username="menu-trainer")
    Membership.objects.create(program=ProgramFactory(), user=trainer, role=Membership.Role.TRAINER)
    client.force_login(trainer)

    content = client.get("/en/workspace/").content.decode()

    assert content.count("/en/workspace/training/") == 1
