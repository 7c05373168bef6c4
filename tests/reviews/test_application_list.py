"""Review figures in the back-office list of applications: filters, sorting, export."""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from accelerator.calls.models import Application
from accelerator.programs.models import Phase
from accelerator.reviews.models import Review
from accelerator.reviews.services import save_scores

from .factories import ReviewFactory

pytestmark = pytest.mark.django_db

INDEX = "application:index"


def listed(response):
    return [application.reference for application in response.context["object_list"]]


def submit(application, criteria, values, reviewer=None):
    review = ReviewFactory(application=application, **({"reviewer": reviewer} if reviewer else {}))
    return save_scores(
        review,
        {criterion.pk: value for criterion, value in zip(criteria, values, strict=True)},
        {},
        "",
        version=review.version,
        submit=True,
    )


def test_score_range_filter(staff_client, make_application):
    make_application(reference="LOW", score=Decimal("40"))
    make_application(reference="MID", score=Decimal("65.5"))
    make_application(reference="TOP", score=Decimal("90"))
    make_application(reference="NONE")

    response = staff_client.get(reverse(INDEX), {"score_min": "50", "score_max": "90"})

    assert sorted(listed(response)) == ["MID", "TOP"]


def test_reviewer_filter_keeps_the_applications_they_review(
    staff_client, make_application, make_reviewer
):
    reviewer = make_reviewer()
    ReviewFactory(application=make_application(reference="MINE"), reviewer=reviewer)
    ReviewFactory(
        application=make_application(reference="STEPPED-ASIDE"),
        reviewer=reviewer,
        status=Review.Status.CONFLICT,
    )
    ReviewFactory(application=make_application(reference="OTHER"))

    response = staff_client.get(reverse(INDEX), {"reviewer": reviewer.pk})

    assert listed(response) == ["MINE"]


@pytest.mark.parametrize(
    ("choice", "expected"), [("true", ["WOMEN"]), ("false", ["EVEN", "MEN", "UNKNOWN"])]
)
def test_women_led_filter_takes_the_majority_of_members(
    staff_client, make_application, choice, expected
):
    make_application(reference="WOMEN", members_total=20, members_women=11)
    make_application(reference="EVEN", members_total=20, members_women=10)
    make_application(reference="MEN", members_total=20, members_women=2)
    make_application(reference="UNKNOWN", members_total=None, members_women=None)

    response = staff_client.get(reverse(INDEX), {"women_led": choice})

    assert sorted(listed(response)) == expected


def test_youth_led_filter_takes_the_majority_of_members(staff_client, make_application):
    make_application(reference="YOUNG", members_total=9, members_youth=5)
    make_application(reference="OLDER", members_total=9, members_youth=4)

    response = staff_client.get(reverse(INDEX), {"youth_led": "true"})

    assert listed(response) == ["YOUNG"]


def test_phase_and_eligibility_filters(staff_client, call, make_application):
    north = Phase.objects.create(cohort=call.cohort, name_en="North", capacity=5)
    make_application(reference="NORTH", phase=north)
    make_application(reference="NORTH-NO", phase=north, eligibility="ineligible")
    make_application(reference="ELSEWHERE")

    response = staff_client.get(reverse(INDEX), {"phase": north.pk, "eligibility": "eligible"})

    assert listed(response) == ["NORTH"]


def test_sorting_by_score_puts_the_best_first_and_unscored_last(staff_client, make_application):
    make_application(reference="NONE")
    make_application(reference="LOW", score=Decimal("40"))
    make_application(reference="TOP", score=Decimal("90"))

    response = staff_client.get(reverse(INDEX), {"ordering": "-score"})

    assert listed(response) == ["TOP", "LOW", "NONE"]


def test_the_list_flags_a_large_spread(staff_client, make_application):
    make_application(reference="SPLIT", score=Decimal("70"), score_spread=Decimal("35"))

    content = staff_client.get(reverse(INDEX)).content.decode()

    assert "to check" in content


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_csv_export_holds_the_filtered_rows_with_a_mean_per_criterion(
    staff_client, make_application, criteria
):
    plan, team = criteria
    strong = make_application(reference="STRONG")
    submit(strong, criteria, [5, 4])
    submit(strong, criteria, [4, 2])
    weak = make_application(reference="WEAK")
    submit(weak, criteria, [1, 1])
    make_application(reference="UNSCORED")

    response = staff_client.get(reverse(INDEX), {"score_min": "50", "export": "csv"})

    rows = csv_rows(response)
    assert [row["Reference"] for row in rows] == listed(
        staff_client.get(reverse(INDEX), {"score_min": "50"})
    )
    assert [row["Reference"] for row in rows] == ["STRONG"]
    row = rows[0]
    assert Decimal(row[plan.name_en]) == Decimal("4.5")
    assert Decimal(row[team.name_en]) == Decimal("3")
    assert row["Score (mean of reviews)"] == "84.00"  # (100 + 68) / 2
    assert row["Spread between reviewers"] == "32.00"
    assert row["Spread to check"] == "Yes"
    assert row["Reviews completed"] == "2"


def test_xlsx_export_has_one_column_per_criterion_of_the_call(
    staff_client, call, make_application, criteria
):
    submit(make_application(reference="A-1"), criteria, [5, 4])
    make_application(reference="A-2")

    response = staff_client.get(reverse(INDEX), {"call": call.pk, "export": "xlsx"})

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    assert header[-2:] == tuple(criterion.name_en for criterion in criteria)
    values = {row[0]: row[-2:] for row in rows}
    assert set(values) == {"A-1", "A-2"}
    assert values["A-1"] == (5, 4)
    assert values["A-2"] == (None, None)


def application_with_reviews(make_application, criteria, reviewers):
    application = make_application(members_total=10, members_women=6)
    for reviewer in reviewers:
        submit(application, criteria, [3, 2], reviewer=reviewer)
    return application


@pytest.mark.parametrize("export", [None, "csv", "xlsx"])
def test_list_and_export_run_a_bounded_number_of_queries(
    staff_client, make_application, make_reviewer, criteria, export, django_assert_max_num_queries
):
    reviewers = [make_reviewer() for _ in range(2)]
    params = {"women_led": "true", "score_min": "10", "ordering": "-score"}
    if export:
        params["export"] = export

    def fetch():
        response = staff_client.get(reverse(INDEX), params)
        if export:
            b"".join(response.streaming_content)
        return response

    for _ in range(5):
        application_with_reviews(make_application, criteria, reviewers)
    # The admin's own queries (session, person, every app's menu) plus a constant few for the
    # list: the same bound must hold for 5 and for 40 applications.
    with django_assert_max_num_queries(25):
        fetch()

    for _ in range(35):
        application_with_reviews(make_application, criteria, reviewers)
    with django_assert_max_num_queries(25):
        fetch()

    assert Application.objects.count() == 40
    if export == "csv":
        assert len(csv_rows(staff_client.get(reverse(INDEX), params))) == 40
