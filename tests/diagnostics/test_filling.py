"""Filling a diagnostic: answers, SWOT items and meta saved together, concurrent edits merged
field by field, the same field edited twice reported with both values, never overwritten."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError

from diagnostics import services
from diagnostics.models import Answer, SwotItem
from tests.diagnostics.factories import AnswerFactory, SwotItemFactory
from tests.diagnostics.people import *  # noqa: F403 — fixtures


def answers_of(diagnostic):
    return {
        answer.question_id: (answer.level, answer.evidence)
        for answer in Answer.objects.filter(diagnostic=diagnostic)
    }


def test_answers_swot_and_meta_are_saved_in_one_call(diagnostic, coach, questions):
    result = services.save(
        diagnostic,
        {
            "answers": {questions[0].pk: {"level": 3, "evidence": "Minutes of 2025 seen"}},
            "meta": {"place": "Hội trường xã", "participants_women": 6, "participants_men": 4},
            "swot": {"add": [{"quadrant": "strength", "description": "Active members"}]},
        },
        revision=diagnostic.revision,
        user=coach,
    )

    diagnostic.refresh_from_db()
    assert answers_of(diagnostic) == {questions[0].pk: (3, "Minutes of 2025 seen")}
    assert diagnostic.place == "Hội trường xã"
    assert diagnostic.participants_women == 6
    assert diagnostic.swot_items.get().description == "Active members"
    assert result.revision == diagnostic.revision == 2


def test_same_answer_edited_from_a_stale_copy_is_a_conflict_with_both_values(
    diagnostic, coach, second_coach, questions
):
    loaded = diagnostic.revision
    services.save(
        diagnostic, {"answers": {questions[0].pk: {"level": 3}}}, revision=loaded, user=coach
    )

    with pytest.raises(services.Conflict) as raised:
        services.save(
            diagnostic,
            {"answers": {questions[0].pk: {"level": 1}}},
            base={"answers": {questions[0].pk: {"level": None}}},
            revision=loaded,
            user=second_coach,
        )

    (conflict,) = raised.value.fields
    assert (conflict.key, conflict.stored, conflict.submitted) == (f"level_{questions[0].pk}", 3, 1)
    assert answers_of(diagnostic)[questions[0].pk][0] == 3


def test_same_answer_edited_from_a_stale_revision_without_base_is_a_conflict(
    diagnostic, coach, second_coach, questions
):
    loaded = diagnostic.revision
    services.save(
        diagnostic, {"answers": {questions[0].pk: {"level": 3}}}, revision=loaded, user=coach
    )

    with pytest.raises(services.Conflict):
        services.save(
            diagnostic,
            {"answers": {questions[0].pk: {"level": 1}}},
            revision=loaded,
            user=second_coach,
        )

    assert answers_of(diagnostic)[questions[0].pk][0] == 3


def test_two_coaches_filling_different_answers_both_keep_their_work(
    diagnostic, coach, second_coach, questions
):
    loaded = diagnostic.revision
    services.save(
        diagnostic, {"answers": {questions[0].pk: {"level": 3}}}, revision=loaded, user=coach
    )
    services.save(
        diagnostic,
        {"answers": {questions[3].pk: {"level": 1, "evidence": "Cash book"}}},
        revision=loaded,
        user=second_coach,
    )

    assert answers_of(diagnostic) == {
        questions[0].pk: (3, ""),
        questions[3].pk: (1, "Cash book"),
    }


def test_level_and_evidence_of_one_question_edited_by_two_people_are_both_kept(
    diagnostic, coach, second_coach, questions
):
    question = questions[0]
    loaded = diagnostic.revision
    services.save(diagnostic, {"answers": {question.pk: {"level": 2}}}, revision=loaded, user=coach)
    services.save(
        diagnostic,
        {"answers": {question.pk: {"level": None, "evidence": "Statutes of 2021"}}},
        base={"answers": {question.pk: {"level": None, "evidence": ""}}},
        revision=loaded,
        user=second_coach,
    )

    assert answers_of(diagnostic)[question.pk] == (2, "Statutes of 2021")


def test_a_stale_save_keeps_what_does_not_conflict_and_reports_the_rest(
    diagnostic, coach, second_coach, questions
):
    loaded = diagnostic.revision
    services.save(
        diagnostic, {"answers": {questions[0].pk: {"level": 4}}}, revision=loaded, user=coach
    )

    with pytest.raises(services.Conflict) as raised:
        services.save(
            diagnostic,
            {"answers": {questions[0].pk: {"level": 0}, questions[1].pk: {"level": 2}}},
            base={"answers": {questions[0].pk: {"level": None}, questions[1].pk: {"level": None}}},
            revision=loaded,
            user=second_coach,
        )

    assert [conflict.key for conflict in raised.value.fields] == [f"level_{questions[0].pk}"]
    assert raised.value.saved == [f"level_{questions[1].pk}"]
    assert answers_of(diagnostic) == {questions[0].pk: (4, ""), questions[1].pk: (2, "")}


def test_after_a_conflict_saving_again_from_the_stored_value_keeps_mine(
    diagnostic, coach, second_coach, questions
):
    loaded = diagnostic.revision
    services.save(
        diagnostic, {"answers": {questions[0].pk: {"level": 4}}}, revision=loaded, user=coach
    )
    with pytest.raises(services.Conflict) as raised:
        services.save(
            diagnostic,
            {"answers": {questions[0].pk: {"level": 1}}},
            base={"answers": {questions[0].pk: {"level": None}}},
            revision=loaded,
            user=second_coach,
        )

    services.save(
        diagnostic,
        {"answers": {questions[0].pk: {"level": 1}}},
        base={"answers": {questions[0].pk: {"level": 4}}},
        revision=raised.value.revision,
        user=second_coach,
    )

    assert answers_of(diagnostic)[questions[0].pk][0] == 1


def test_a_retried_save_whose_answer_was_lost_changes_nothing(diagnostic, coach, questions):
    data = {"answers": {questions[0].pk: {"level": 3}}}
    base = {"answers": {questions[0].pk: {"level": None}}}
    first = services.save(diagnostic, data, base=base, revision=1, user=coach)

    again = services.save(diagnostic, data, base=base, revision=1, user=coach)

    assert again.revision == first.revision
    assert again.saved == []


def test_a_retried_swot_addition_does_not_add_the_item_twice(diagnostic, coach):
    data = {"swot": {"add": [{"quadrant": "threat", "description": "Drought in summer"}]}}
    services.save(diagnostic, data, revision=1, user=coach)

    services.save(diagnostic, data, revision=1, user=coach)

    assert diagnostic.swot_items.count() == 1


def test_swot_item_edited_and_deleted_by_two_people_is_reported_not_deleted(
    diagnostic, coach, second_coach
):
    item = SwotItemFactory(diagnostic=diagnostic, description="Good prices", quadrant="opportunity")
    loaded = diagnostic.revision
    services.save(
        diagnostic,
        {"swot": {"edit": {item.pk: {"description": "Good prices at the district market"}}}},
        base={"swot": {item.pk: {"description": "Good prices"}}},
        revision=loaded,
        user=coach,
    )

    with pytest.raises(services.Conflict) as raised:
        services.save(
            diagnostic,
            {"swot": {"delete": [item.pk]}},
            base={"swot": {item.pk: {"description": "Good prices"}}},
            revision=loaded,
            user=second_coach,
        )

    assert raised.value.fields[0].name == "delete"
    assert SwotItem.objects.get(pk=item.pk).description == "Good prices at the district market"


def test_editing_a_swot_item_someone_deleted_keeps_the_text_in_the_conflict(
    diagnostic, coach, second_coach
):
    item = SwotItemFactory(diagnostic=diagnostic, description="Old text")
    services.save(diagnostic, {"swot": {"delete": [item.pk]}}, revision=1, user=coach)

    with pytest.raises(services.Conflict) as raised:
        services.save(
            diagnostic,
            {"swot": {"edit": {item.pk: {"description": "New text"}}}},
            base={"swot": {item.pk: {"description": "Old text"}}},
            revision=1,
            user=second_coach,
        )

    assert raised.value.fields[0].submitted == "New text"
    assert raised.value.fields[0].stored is None


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"answers": {"QUESTION": {"level": 5}}}, "level_QUESTION"),
        (
            {"meta": {"participants_women": 2, "participants_men": 1, "participants_youth": 4}},
            "participants_youth",
        ),
        ({"swot": {"add": [{"quadrant": "strength", "description": "  "}]}}, "new_0_description"),
        ({"swot": {"add": [{"quadrant": "nowhere", "description": "x"}]}}, "new_0_quadrant"),
    ],
)
def test_bad_values_are_refused_with_a_message_on_the_field(
    diagnostic, coach, questions, data, key
):
    question = questions[0].pk
    if "answers" in data:
        data = {"answers": {question: data["answers"]["QUESTION"]}}
        key = key.replace("QUESTION", str(question))

    with pytest.raises(ValidationError) as raised:
        services.save(diagnostic, data, revision=diagnostic.revision, user=coach)

    assert key in raised.value.message_dict
    assert not Answer.objects.exists() and not SwotItem.objects.exists()


def test_youth_are_checked_against_the_stored_women_and_men(diagnostic, coach):
    services.save(
        diagnostic,
        {"meta": {"participants_women": 3, "participants_men": 2}},
        revision=1,
        user=coach,
    )

    with pytest.raises(ValidationError):
        services.save(diagnostic, {"meta": {"participants_youth": 6}}, revision=2, user=coach)
    services.save(diagnostic, {"meta": {"participants_youth": 5}}, revision=2, user=coach)

    diagnostic.refresh_from_db()
    assert diagnostic.participants_youth == 5


def test_question_of_another_instrument_version_is_refused(diagnostic, coach):
    foreign = AnswerFactory().question

    with pytest.raises(ValidationError):
        services.save(diagnostic, {"answers": {foreign.pk: {"level": 1}}}, revision=1, user=coach)


# The screens --------------------------------------------------------------------------------


def domain_url(diagnostic, domain):
    return f"/vi/workspace/diagnostics/{diagnostic.pk}/domains/{domain.pk}/"


def domain_post(diagnostic, questions, levels, *, base=None, revision=None):
    data = {"revision": revision or diagnostic.revision}
    for question in questions:
        data[f"level_{question.pk}"] = levels.get(question.pk, "")
        data[f"initial-level_{question.pk}"] = (base or {}).get(question.pk, "")
        data[f"evidence_{question.pk}"] = ""
        data[f"initial-evidence_{question.pk}"] = ""
    return data


def test_domain_screen_offers_each_descriptor_as_a_choice_in_vietnamese(
    client, diagnostic, coach, questions
):
    questions[0].level_3_vi = "Đại hội thành viên họp hằng năm, có biên bản"
    questions[0].save()
    client.force_login(coach)

    response = client.get(domain_url(diagnostic, questions[0].domain))

    content = response.content.decode()
    assert response.status_code == 200
    assert 'lang="vi"' in content
    assert "Đại hội thành viên họp hằng năm, có biên bản" in content
    assert f'name="level_{questions[0].pk}" value="3"' in content
    assert "data-autosave-url" in content
    assert "<script>" not in content


def test_posting_a_domain_without_javascript_saves_it_and_goes_to_the_next(
    client, diagnostic, coach, questions
):
    client.force_login(coach)
    first_domain = questions[0:2]
    data = domain_post(diagnostic, first_domain, {questions[0].pk: 2, questions[1].pk: 4})
    data["next"] = ""

    response = client.post(domain_url(diagnostic, questions[0].domain), data)

    assert response.status_code == 302
    assert response["Location"].endswith(f"/domains/{questions[2].domain_id}/")
    assert answers_of(diagnostic) == {questions[0].pk: (2, ""), questions[1].pk: (4, "")}


def test_a_stale_domain_post_shows_both_values_and_keeps_the_other_answers(
    client, diagnostic, coach, second_coach, questions
):
    loaded = diagnostic.revision
    services.save(
        diagnostic, {"answers": {questions[0].pk: {"level": 4}}}, revision=loaded, user=coach
    )
    client.force_login(second_coach)

    response = client.post(
        domain_url(diagnostic, questions[0].domain),
        domain_post(
            diagnostic, questions[0:2], {questions[0].pk: 1, questions[1].pk: 3}, revision=loaded
        ),
    )

    assert response.status_code == 409
    rows = response.context["conflicts"]
    assert [row["key"] for row in rows] == [f"level_{questions[0].pk}"]
    assert rows[0]["stored_display"].startswith("4 — ")
    assert rows[0]["submitted_display"].startswith("1 — ")
    assert answers_of(diagnostic) == {questions[0].pk: (4, ""), questions[1].pk: (3, "")}
    # Posting the page again is a choice: the typed value, now over the one seen.
    again = response.context["form"].data
    assert again[f"initial-level_{questions[0].pk}"] == "4"


def test_an_untouched_field_of_a_stale_page_does_not_undo_someone_elses_answer(
    client, diagnostic, coach, second_coach, questions
):
    loaded = diagnostic.revision
    services.save(
        diagnostic, {"answers": {questions[0].pk: {"level": 4}}}, revision=loaded, user=coach
    )
    client.force_login(second_coach)

    client.post(
        domain_url(diagnostic, questions[0].domain),
        domain_post(diagnostic, questions[0:2], {questions[1].pk: 1}, revision=loaded),
    )

    assert answers_of(diagnostic) == {questions[0].pk: (4, ""), questions[1].pk: (1, "")}


def autosave(client, diagnostic, fields, base=None, revision=None):
    return client.post(
        f"/vi/workspace/diagnostics/{diagnostic.pk}/autosave/",
        json.dumps(
            {"revision": revision or diagnostic.revision, "fields": fields, "base": base or {}}
        ),
        content_type="application/json",
    )


def test_autosave_saves_the_changed_fields_and_returns_the_new_revision(
    client, diagnostic, coach, questions
):
    client.force_login(coach)

    response = autosave(
        client,
        diagnostic,
        {f"level_{questions[0].pk}": "2", "held_on": "2026-05-04", "place": "Nhà văn hoá thôn"},
        {f"level_{questions[0].pk}": "", "held_on": "", "place": ""},
    )

    assert response.status_code == 200
    assert response.json()["revision"] == 2
    diagnostic.refresh_from_db()
    assert diagnostic.held_on == datetime.date(2026, 5, 4)
    assert answers_of(diagnostic) == {questions[0].pk: (2, "")}


def test_autosave_of_the_same_field_from_a_stale_copy_answers_409_with_both_values(
    client, diagnostic, coach, second_coach, questions
):
    key = f"evidence_{questions[0].pk}"
    client.force_login(coach)
    autosave(client, diagnostic, {key: "Biên bản đại hội 2025"}, {key: ""})
    client.force_login(second_coach)

    response = autosave(client, diagnostic, {key: "Sổ thành viên"}, {key: ""}, revision=1)

    assert response.status_code == 409
    (row,) = response.json()["conflicts"]
    assert (row["key"], row["stored"], row["submitted"]) == (
        key,
        "Biên bản đại hội 2025",
        "Sổ thành viên",
    )
    assert answers_of(diagnostic)[questions[0].pk][1] == "Biên bản đại hội 2025"


def test_autosave_refuses_bad_values_with_messages_per_field(client, diagnostic, coach, questions):
    client.force_login(coach)

    response = autosave(client, diagnostic, {f"level_{questions[0].pk}": "7", "nope": "1"})

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert f"level_{questions[0].pk}" in errors
    assert "__all__" in errors


def test_swot_items_are_added_edited_and_removed_from_the_swot_screen(client, diagnostic, coach):
    client.force_login(coach)
    url = f"/en/workspace/diagnostics/{diagnostic.pk}/swot/"

    client.post(
        url + "add/",
        {
            "quadrant": "weakness",
            "add-weakness-description": "No cash book",
            "add-weakness-priority": "high",
        },
    )
    item = diagnostic.swot_items.get()
    assert (item.quadrant, item.priority) == ("weakness", "high")
    response = client.get(url)
    assert f'name="initial-swot_{item.pk}_description"' in response.content.decode()

    client.post(
        f"{url}{item.pk}/remove/",
        {"revision": 2, f"initial-swot_{item.pk}_description": "No cash book"},
    )
    assert not diagnostic.swot_items.exists()


def test_meta_screen_refuses_more_young_people_than_participants(client, diagnostic, coach):
    client.force_login(coach)
    data = {"revision": 1, "held_on": "2026-05-04", "place": "Xã Tân Phú"}
    data |= {"participants_women": 2, "participants_men": 1, "participants_youth": 5}
    data |= {f"initial-{name}": "" for name in ("held_on", "place")}
    data |= {f"initial-participants_{name}": "0" for name in ("women", "men", "youth")}

    response = client.post(f"/vi/workspace/diagnostics/{diagnostic.pk}/meta/", data)

    assert response.status_code == 400
    assert response.context["form"].errors["participants_youth"]
    diagnostic.refresh_from_db()
    assert diagnostic.participants_women == 0


def test_domain_screen_runs_a_bounded_number_of_queries(
    client, diagnostic, coach, questions, django_assert_max_num_queries
):
    from tests.diagnostics.factories import QuestionFactory

    for _ in range(20):
        QuestionFactory(domain=questions[0].domain)
    for question in questions[0].domain.questions.all():
        AnswerFactory(diagnostic=diagnostic, question=question, evidence="Seen")
    client.force_login(coach)
    client.get(domain_url(diagnostic, questions[0].domain))

    with django_assert_max_num_queries(14):
        response = client.get(domain_url(diagnostic, questions[0].domain))
    assert response.status_code == 200


def test_cooperative_page_runs_a_bounded_number_of_queries(
    client, diagnostic, coach, member, questions, django_assert_max_num_queries
):
    from tests.diagnostics.factories import DiagnosticFactory

    DiagnosticFactory(member=member, phase="midterm", version=diagnostic.version, coach=coach)
    DiagnosticFactory(member=member, phase="endline", version=diagnostic.version, coach=coach)
    for question in questions:
        AnswerFactory(diagnostic=diagnostic, question=question)
    client.force_login(coach)
    client.get(f"/vi/workspace/cooperatives/{member.pk}/")

    with django_assert_max_num_queries(16):
        response = client.get(f"/vi/workspace/cooperatives/{member.pk}/")
    assert response.status_code == 200
    assert "4 of 4" in response.content.decode() or "4" in response.content.decode()


def test_answers_and_swot_have_their_own_shortcuts(diagnostic, coach, questions):
    services.save_answers(diagnostic, {questions[0].pk: {"level": 2}}, revision=1, user=coach)
    services.save_swot(
        diagnostic,
        add=[{"quadrant": "opportunity", "description": "OCOP certification"}],
        revision=2,
        user=coach,
    )

    assert answers_of(diagnostic) == {questions[0].pk: (2, "")}
    assert diagnostic.swot_items.get().quadrant == "opportunity"
