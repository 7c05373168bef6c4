"""The training-of-trainers cascade: who trained whom, the sessions they gave, the people reached,
two levels deep, in a number of queries that does not grow with its breadth."""

import pytest
from django.urls import reverse

from accelerator.support.training import cascade
from tests.support.training_factories import *  # noqa: F403 — fixtures
from tests.support.training_factories import AttendanceFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db


def given_by(trainer_row, reached, absent=0, **kwargs):
    """A session given by a trained trainer, with `reached` participants present."""
    delivered = TrainingSessionFactory(
        trained_trainer=trainer_row, cohort=trainer_row.session.cohort, **kwargs
    )
    AttendanceFactory.create_batch(reached, session=delivered)
    AttendanceFactory.create_batch(absent, session=delivered, present=False)
    return delivered


@pytest.fixture
def tot(session):
    session.is_training_of_trainers = True
    session.save()
    return session


@pytest.fixture
def two_levels(tot):
    """ToT → 3 trainers (one absent person is no trainer) → 3 sessions, one of them a ToT →
    its 2 trainers → 1 more session."""
    first, second, third = AttendanceFactory.create_batch(3, session=tot)
    AttendanceFactory(session=tot, present=False)
    given_by(first, reached=5, absent=1)
    second_tot = given_by(first, reached=0, is_training_of_trainers=True)
    upper, _lower = AttendanceFactory.create_batch(2, session=second_tot)
    given_by(upper, reached=4)
    given_by(third, reached=6)
    return {"tot": tot, "first": first, "second": second, "second_tot": second_tot}


def test_totals_count_trainers_sessions_and_people_two_levels_deep(two_levels):
    result = cascade(two_levels["tot"])

    assert result.trainers_trained == 3 + 2
    assert result.sessions_delivered == 4
    assert result.people_reached == 5 + 2 + 4 + 6
    assert result.levels == 2


def test_the_tree_says_who_trained_whom(two_levels):
    result = cascade(two_levels["tot"])

    trainers = result.root.trainers
    assert [trainer.attendance for trainer in trainers][:2] == [
        two_levels["first"],
        two_levels["second"],
    ]
    first = trainers[0]
    assert [node.reached for node in first.delivered] == [5, 2]
    second_tot = first.delivered[1]
    assert second_tot.session == two_levels["second_tot"]
    assert [len(trainer.delivered) for trainer in second_tot.trainers] == [1, 0]
    assert second_tot.trainers[0].delivered[0].reached == 4
    assert trainers[1].delivered == []


def test_sessions_of_trainers_trained_elsewhere_are_not_counted(tot):
    AttendanceFactory(session=tot)
    elsewhere = AttendanceFactory(session=TrainingSessionFactory(is_training_of_trainers=True))
    given_by(elsewhere, reached=9)

    result = cascade(tot)

    assert (result.trainers_trained, result.sessions_delivered, result.people_reached) == (1, 0, 0)


def test_a_session_that_is_not_a_training_of_trainers_has_no_cascade(session):
    AttendanceFactory(session=session)

    result = cascade(session)

    assert (result.trainers_trained, result.sessions_delivered, result.levels) == (0, 0, 0)


def test_a_loop_in_the_records_does_not_run_forever(tot):
    trained = AttendanceFactory(session=tot)
    tot.trained_trainer = trained
    tot.save()

    assert cascade(tot).sessions_delivered == 0


def widen(tot, trainers):
    """A ToT whose `trainers` each give two sessions, one a ToT that trains one more trainer
    who gives one session."""
    for row in AttendanceFactory.create_batch(trainers, session=tot):
        given_by(row, reached=3)
        deeper = given_by(row, reached=1, is_training_of_trainers=True)
        given_by(deeper.attendance.get(), reached=2)


@pytest.mark.parametrize("trainers", [1, 6])
def test_the_cascade_takes_two_queries_per_level_whatever_its_breadth(
    tot, trainers, django_assert_max_num_queries
):
    widen(tot, trainers)

    with django_assert_max_num_queries(4):
        result = cascade(tot)

    assert result.sessions_delivered == 3 * trainers


@pytest.mark.parametrize("trainers", [1, 6])
def test_cascade_screen_shows_a_nested_list_and_totals_in_bounded_queries(
    client, tot, trainer, trainers, django_assert_max_num_queries
):
    widen(tot, trainers)
    client.force_login(trainer)

    with django_assert_max_num_queries(14):
        response = client.get(reverse("workspace:training:cascade", args=[tot.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<ul") >= 3
    assert "People reached" in html
    assert f"<dd>{3 * trainers + 3 * trainers}</dd>" in html  # 3 + 1 + 2 per trainer


def test_office_sees_the_cascade_on_the_sessions_admin_page(admin_client, two_levels):
    response = admin_client.get(reverse("training_sessions:edit", args=[two_levels["tot"].pk]))

    assert response.status_code == 200
    assert "Trainers trained" in response.content.decode()
