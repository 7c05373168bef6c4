"""The visit log: what a coach records, how it moves the plan, follow-ups, files, autosave."""

import uuid
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accelerator.support import forms as visit_forms
from accelerator.support.models import CoachingVisit, FollowUp, VisitAttachment
from diagnostics.models import PlanAction
from tests.support.coaching import FollowUpFactory, VisitFactory
from tests.support.coaching_people import *  # noqa: F403 — fixtures
from tests.support.visit_forms import PDF, jpeg, visit_data

pytestmark = pytest.mark.django_db


def new_url(member, language="en"):
    return f"/{language}/workspace/cooperatives/{member.pk}/visits/new/"


def visit_url(visit, language="en"):
    return f"/{language}/workspace/visits/{visit.pk}/"


def test_logging_a_visit_keeps_every_field_and_its_follow_ups(client, coach, member):
    client.force_login(coach)

    response = client.post(
        new_url(member),
        visit_data(
            follow_ups=[
                {"description": "Draft the minutes", "owner": "Secretary", "due_on": "2026-05-25"}
            ],
            blank_follow_ups=2,
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == f"/en/workspace/cooperatives/{member.pk}/visits/"
    visit = CoachingVisit.objects.get()
    assert (visit.member, visit.coach, visit.visited_on) == (member, coach, date(2026, 5, 4))
    assert (visit.mode, visit.duration_minutes) == ("on_site", 90)
    assert (visit.attendees_women, visit.attendees_men, visit.attendees_youth) == (6, 4, 3)
    assert visit.decisions == "Assembly on 20 May"
    assert visit.next_visit_on == date(2026, 6, 4)
    (follow_up,) = visit.follow_ups.all()
    assert (follow_up.description, follow_up.owner, follow_up.due_on) == (
        "Draft the minutes",
        "Secretary",
        date(2026, 5, 25),
    )


def test_the_form_lists_the_plan_actions_with_their_status_and_progress(
    client, coach, member, actions
):
    PlanAction.objects.filter(pk=actions[0].pk).update(status="in_progress", progress=40)
    client.force_login(coach)

    response = client.get(new_url(member, "vi"))

    assert response.status_code == 200
    rows = response.context["action_rows"].forms
    assert [row.plan_action.title for row in rows] == [action.title for action in actions]
    assert rows[0]["status"].value() == "in_progress"
    assert rows[0]["progress"].value() == 40
    assert 'value="40"' in response.content.decode()


def test_saving_a_visit_updates_the_plan_actions_worked_on(client, coach, member, actions):
    assembly, register = actions
    client.force_login(coach)

    response = client.post(
        new_url(member),
        visit_data(
            actions=[
                (assembly, {"status": "in_progress", "progress": 50}),
                (register, {"worked_on": True}),
            ]
        ),
    )

    assert response.status_code == 302
    assembly.refresh_from_db()
    register.refresh_from_db()
    assert (assembly.status, assembly.progress) == ("in_progress", 50)
    assert (register.status, register.progress) == ("planned", 0)
    visit = CoachingVisit.objects.get()
    assert set(visit.plan_actions.all()) == {assembly, register}
    version = assembly.plan.versions.get()
    assert "Progress recorded at the coaching visit" in version.note
    assert version.snapshot["actions"][0]["progress"] == 50


def test_an_action_changed_elsewhere_since_the_form_opened_is_not_overwritten(
    client, coach, member, actions
):
    assembly, _register = actions
    PlanAction.objects.filter(pk=assembly.pk).update(status="done", progress=100)
    client.force_login(coach)

    response = client.post(
        new_url(member),
        visit_data(
            actions=[
                (
                    assembly,
                    {
                        "initial_status": "planned",
                        "initial_progress": 0,
                        "status": "in_progress",
                        "progress": 30,
                    },
                )
            ]
        ),
    )

    assert response.status_code == 409
    assert "changed elsewhere" in response.context["error"]
    assembly.refresh_from_db()
    assert (assembly.status, assembly.progress) == ("done", 100)
    assert not CoachingVisit.objects.exists()


def test_an_unticked_unchanged_action_is_not_recorded_as_worked_on(client, coach, member, actions):
    client.force_login(coach)

    client.post(new_url(member), visit_data(actions=[(action, {}) for action in actions]))

    assert not CoachingVisit.objects.get().plan_actions.exists()


def test_youth_cannot_outnumber_the_people_attending(client, coach, member):
    client.force_login(coach)

    response = client.post(
        new_url(member), visit_data(attendees_women=1, attendees_men=1, attendees_youth=3)
    )

    assert response.status_code == 400
    assert response.context["form"].errors["attendees_youth"]
    assert "Preparing the general assembly" in response.content.decode()
    assert not CoachingVisit.objects.exists()


def test_a_visit_cannot_be_logged_before_it_happened(client, coach, member):
    client.force_login(coach)

    response = client.post(new_url(member), visit_data(visited_on="2999-01-01"))

    assert response.status_code == 400
    assert response.context["form"].errors["visited_on"]


def test_a_follow_up_needs_an_owner_and_a_date(client, coach, member):
    client.force_login(coach)

    response = client.post(
        new_url(member),
        visit_data(follow_ups=[{"description": "Open a bank account", "owner": "", "due_on": ""}]),
    )

    assert response.status_code == 400
    row = response.context["follow_up_rows"].forms[0]
    assert row.errors["owner"] == ["Say who will do it."]
    assert row.errors["due_on"] == ["Say by when."]


def test_follow_ups_can_be_edited_and_removed_with_the_visit(client, coach, member):
    visit = VisitFactory(member=member, coach=coach)
    kept = FollowUpFactory(visit=visit, description="Open a bank account")
    removed = FollowUpFactory(visit=visit, description="Call the buyer")
    client.force_login(coach)

    response = client.post(
        visit_url(visit),
        visit_data(
            revision=visit.revision,
            follow_ups=[
                {
                    "id": str(kept.pk),
                    "description": "Open a bank account at the rural bank",
                    "owner": "Treasurer",
                    "due_on": "2026-06-01",
                    "done": "on",
                },
                {
                    "id": str(removed.pk),
                    "description": removed.description,
                    "owner": removed.owner,
                    "due_on": "2026-05-01",
                    "DELETE": "on",
                },
            ],
        ),
    )

    assert response.status_code == 302
    (follow_up,) = visit.follow_ups.all()
    assert follow_up.pk == kept.pk
    assert follow_up.description == "Open a bank account at the rural bank"
    assert follow_up.done_on is not None


def test_a_follow_up_is_marked_done_from_the_visits_list(client, coach, member):
    follow_up = FollowUpFactory(visit=VisitFactory(member=member, coach=coach))
    client.force_login(coach)

    response = client.post(
        reverse("workspace:visits:follow_up_done", args=[follow_up.pk]), {"done": "1"}
    )

    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.done_on is not None
    listing = client.get(f"/en/workspace/cooperatives/{member.pk}/visits/")
    assert follow_up not in listing.context["open_follow_ups"]


def test_another_coach_cannot_mark_a_follow_up_done(client, coach, member, other_coach):
    follow_up = FollowUpFactory(visit=VisitFactory(member=member, coach=coach))
    client.force_login(other_coach)

    response = client.post(reverse("workspace:visits:follow_up_done", args=[follow_up.pk]))

    assert response.status_code == 404
    follow_up.refresh_from_db()
    assert follow_up.done_on is None


# Files -------------------------------------------------------------------------------------------


def test_photos_and_documents_are_kept_privately_with_the_visit(client, coach, member):
    client.force_login(coach)
    data = visit_data()
    data["attachments"] = [jpeg(), SimpleUploadedFile("report.pdf", PDF)]

    response = client.post(new_url(member), data)

    assert response.status_code == 302
    photo, report = VisitAttachment.objects.order_by("pk")
    assert (photo.content_type, photo.original_name) == ("image/jpeg", "meeting.jpg")
    assert report.content_type == "application/pdf"
    with pytest.raises(ValueError):
        report.file.url  # noqa: B018  (private storage has no public URL at all)
    download = client.get(reverse("workspace:visits:attachment", args=[report.visit_id, report.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_a_file_whose_content_is_not_a_photo_or_pdf_is_refused(client, coach, member):
    client.force_login(coach)
    data = visit_data()
    data["attachments"] = [
        SimpleUploadedFile("photo.jpg", b"MZ\x90\x00 not an image", content_type="image/jpeg")
    ]

    response = client.post(new_url(member), data)

    assert response.status_code == 400
    (message,) = response.context["attachments_form"].errors["attachments"]
    assert message.startswith("photo.jpg: The content of this file is not an accepted type")
    assert not CoachingVisit.objects.exists()
    assert "choose the files again" in response.content.decode()


def test_a_file_too_large_is_refused_with_its_size(client, coach, member, monkeypatch):
    monkeypatch.setattr(visit_forms, "ATTACHMENT_MAX_SIZE", 1024)
    client.force_login(coach)
    data = visit_data()
    data["attachments"] = [SimpleUploadedFile("scan.pdf", b"%PDF-1.4\n" + b"0" * 2048 + b"\n%%EOF")]

    response = client.post(new_url(member), data)

    assert response.status_code == 400
    (message,) = response.context["attachments_form"].errors["attachments"]
    assert "files may be at most 1.0\xa0KB" in message
    assert not VisitAttachment.objects.exists()


def test_another_coach_cannot_download_a_visit_file(client, coach, member, other_coach):
    visit = VisitFactory(member=member, coach=coach)
    client.force_login(coach)
    data = visit_data(revision=visit.revision)
    data["attachments"] = [jpeg()]
    client.post(visit_url(visit), data)
    photo = VisitAttachment.objects.get()
    address = reverse("workspace:visits:attachment", args=[visit.pk, photo.pk])
    client.force_login(other_coach)

    assert client.get(address).status_code == 404
    assert (
        client.post(
            reverse("workspace:visits:attachment_remove", args=[visit.pk, photo.pk])
        ).status_code
        == 404
    )
    assert VisitAttachment.objects.exists()


# Saving as you go --------------------------------------------------------------------------------


def autosave(client, url, data):
    return client.post(url, data, headers={"x-requested-with": "fetch"})


def test_the_first_autosave_creates_the_visit_once_even_when_retried(client, coach, member):
    client.force_login(coach)
    key = str(uuid.uuid4())
    url = reverse("workspace:visits:autosave_new", args=[member.pk])

    first = autosave(client, url, visit_data(draft_key=key))
    retried = autosave(client, url, visit_data(draft_key=key, topics="Preparing the assembly"))

    assert first.status_code == retried.status_code == 200
    visit = CoachingVisit.objects.get()
    assert first.json()["visit"] == retried.json()["visit"] == visit.pk
    assert first.json()["autosave_url"] == reverse("workspace:visits:autosave", args=[visit.pk])
    assert visit.topics == "Preparing the assembly"
    assert retried.json()["revision"] == visit.revision == 2


def test_autosave_returns_the_follow_ups_it_created_so_the_next_save_updates_them(
    client, coach, member
):
    client.force_login(coach)
    url = reverse("workspace:visits:autosave_new", args=[member.pk])
    row = {"description": "Draft the minutes", "owner": "Secretary", "due_on": "2026-05-25"}

    saved = autosave(client, url, visit_data(follow_ups=[row], draft_key=str(uuid.uuid4())))
    ids = saved.json()["follow_ups"]
    autosave(
        client,
        saved.json()["autosave_url"],
        visit_data(
            follow_ups=[{**row, "id": ids["follow_ups-0"]}], revision=saved.json()["revision"]
        ),
    )

    assert FollowUp.objects.count() == 1


def test_autosave_from_an_older_copy_is_refused_and_overwrites_nothing(
    client, coach, co_coach, member
):
    visit = VisitFactory(member=member, coach=coach, topics="Bookkeeping", revision=1)
    client.force_login(co_coach)
    autosave(
        client,
        reverse("workspace:visits:autosave", args=[visit.pk]),
        visit_data(revision=1, topics="Bookkeeping and stock"),
    )
    client.force_login(coach)

    response = autosave(
        client,
        reverse("workspace:visits:autosave", args=[visit.pk]),
        visit_data(revision=1, topics="Bookkeeping only"),
    )

    assert response.status_code == 409
    assert "Someone else saved this visit" in response.json()["message"]
    visit.refresh_from_db()
    assert visit.topics == "Bookkeeping and stock"


def test_saving_the_form_from_an_older_copy_shows_what_was_saved_meanwhile(
    client, coach, co_coach, member
):
    visit = VisitFactory(member=member, coach=coach, topics="Bookkeeping", revision=3)
    client.force_login(coach)

    response = client.post(visit_url(visit), visit_data(revision=2, topics="Bookkeeping only"))

    assert response.status_code == 409
    visit.refresh_from_db()
    assert visit.topics == "Bookkeeping"
    labels = [row["label"] for row in response.context["conflict"]]
    assert "Topics" in labels
    assert response.context["form"]["revision"].value() == "3"
    assert "Bookkeeping only" in response.content.decode()
    again = client.post(visit_url(visit), visit_data(revision=3, topics="Bookkeeping only"))
    assert again.status_code == 302
    visit.refresh_from_db()
    assert visit.topics == "Bookkeeping only"


def test_an_invalid_autosave_says_which_fields_to_check(client, coach, member):
    client.force_login(coach)

    response = autosave(
        client,
        reverse("workspace:visits:autosave_new", args=[member.pk]),
        visit_data(duration_minutes="abc", draft_key=str(uuid.uuid4())),
    )

    assert response.status_code == 400
    assert "duration_minutes" in response.json()["errors"]
    assert not CoachingVisit.objects.exists()


@pytest.mark.parametrize("count", [2, 20])
def test_the_visits_list_runs_a_bounded_number_of_queries(
    client, coach, member, actions, count, django_assert_max_num_queries
):
    for day in range(count):
        visit = VisitFactory(member=member, coach=coach, visited_on=date(2026, 3, 1 + day))
        visit.plan_actions.set(actions)
        FollowUpFactory(visit=visit)
    client.force_login(coach)

    with django_assert_max_num_queries(13):
        response = client.get(f"/en/workspace/cooperatives/{member.pk}/visits/")

    assert len(response.context["visits"]) == count
