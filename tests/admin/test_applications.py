import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from accelerator.calls.models import CallQuestion

from .factories import (
    ApplicationFactory,
    ApplicationFileFactory,
    CallQuestionFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, superuser):
    client.force_login(superuser)
    return client


def listed_references(response):
    return {application.reference for application in response.context["object_list"]}


def test_region_filter_narrows_the_list(staff_client):
    souss, oriental = RegionFactory(), RegionFactory()
    ApplicationFactory(reference="A-1", region=souss)
    ApplicationFactory(reference="A-2", region=oriental)

    response = staff_client.get(reverse("application:index"), {"region": souss.pk})

    assert listed_references(response) == {"A-1"}


def test_status_filter_keeps_the_applications_in_that_status(staff_client):
    ApplicationFactory(reference="A-1")

    response = staff_client.get(reverse("application:index"), {"status": "submitted"})

    assert listed_references(response) == {"A-1"}


def test_status_filter_offers_no_draft(staff_client):
    response = staff_client.get(reverse("application:index"))

    offered = [code for code, _label in response.context["filters"].form.fields["status"].choices]
    assert "submitted" in offered
    assert "draft" not in offered


def test_submitted_date_range_narrows_the_list(staff_client):
    ApplicationFactory(
        reference="MARCH", submitted_at=datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC)
    )
    ApplicationFactory(
        reference="APRIL", submitted_at=datetime.datetime(2026, 4, 10, 12, tzinfo=datetime.UTC)
    )

    response = staff_client.get(
        reverse("application:index"),
        {"submitted_at_from": "2026-04-01", "submitted_at_to": "2026-04-30"},
    )

    assert listed_references(response) == {"APRIL"}


def test_search_finds_an_application_by_registration_number(staff_client):
    ApplicationFactory(reference="A-1", registration_number="RC-7781")
    ApplicationFactory(reference="A-2", registration_number="RC-1234")

    response = staff_client.get(reverse("application:index"), {"q": "7781"})

    assert listed_references(response) == {"A-1"}


def test_csv_export_holds_exactly_the_filtered_rows(staff_client):
    souss, oriental = RegionFactory(), RegionFactory()
    ApplicationFactory(reference="A-1", region=souss, legal_name="تعاونية الأمل")
    ApplicationFactory(reference="A-2", region=souss)
    ApplicationFactory(reference="B-1", region=oriental)

    response = staff_client.get(reverse("application:index"), {"region": souss.pk, "export": "csv"})

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert response.status_code == 200
    assert sorted(row["Reference"] for row in rows) == ["A-1", "A-2"]
    assert "تعاونية الأمل" in {row["Legal name"] for row in rows}


def test_csv_export_is_in_the_staff_members_language(client, superuser):
    profile = UserProfile.get_for_user(superuser)
    profile.preferred_language = "vi"
    profile.save()
    ApplicationFactory(
        region=RegionFactory(name_en="Red River Delta", name_vi="Đồng bằng sông Hồng")
    )
    client.force_login(superuser)

    response = client.get(reverse("application:index"), {"export": "csv"})

    assert "Đồng bằng sông Hồng" in b"".join(response.streaming_content).decode()


def test_xlsx_export_holds_exactly_the_filtered_rows(staff_client):
    souss, oriental = RegionFactory(), RegionFactory()
    ApplicationFactory(reference="A-1", region=souss)
    ApplicationFactory(reference="B-1", region=oriental)

    response = staff_client.get(
        reverse("application:index"), {"region": souss.pk, "export": "xlsx"}
    )

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    references = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert references == ["A-1"]


def application_selects(queries):
    return [
        query["sql"] for query in queries if 'SELECT "calls_application"."id"' in query["sql"][:200]
    ]


@pytest.mark.parametrize("spreadsheet", ["xlsx", "csv"])
def test_an_export_reads_the_applications_once_in_chunks_never_all_at_once(
    staff_client, spreadsheet, monkeypatch
):
    """Wagtail's listing would count an unpaginated export with len(): every application loaded
    into memory before the first row is written. Only the chunked read may run."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accelerator.core.backoffice.views import Chunked

    monkeypatch.setattr(Chunked, "chunk_size", 2)  # five applications: three chunks
    for number in range(5):
        ApplicationFactory(reference=f"C-{number}")

    with CaptureQueriesContext(connection) as queries:
        response = staff_client.get(reverse("application:index"), {"export": spreadsheet})
        content = b"".join(response.streaming_content)

    assert content
    selects = application_selects(queries)
    assert len(selects) == 1
    if connection.vendor == "postgresql":  # a server-side cursor, read chunk by chunk
        assert selects[0].startswith("DECLARE")
    if spreadsheet == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        references = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    else:
        references = {row["Reference"] for row in csv.DictReader(io.StringIO(content.decode()))}
    assert references == {f"C-{number}" for number in range(5)}  # none lost between chunks


def test_the_listing_joins_only_what_its_columns_show(staff_client):
    """PostgreSQL plans every joined table on each page view: past eight tables planning costs
    more than the query itself."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ApplicationFactory(reference="J-1")
    with CaptureQueriesContext(connection) as queries:
        response = staff_client.get(reverse("application:index"))

    assert "J-1" in response.content.decode()
    (listing,) = [sql for sql in application_selects(queries) if "LIMIT" in sql]
    assert listing.count(" JOIN ") <= 5
    for table in ("programs_legalform", "programs_phase", "programs_program"):
        assert f'JOIN "{table}"' not in listing


def snapshot_question(key, kind, label, choices=None):
    return {
        "key": key,
        "kind": kind,
        "required": True,
        "label": {"en": label, "vi": label, "ar": label},
        "help_text": {"en": "", "vi": "", "ar": ""},
        "choices": {"en": choices or [], "vi": choices or [], "ar": choices or []},
        "min_value": None,
        "max_value": None,
    }


def test_answer_keeps_the_label_it_was_submitted_with(staff_client):
    question = CallQuestionFactory(key="activity", label_en="Main activity")
    application = ApplicationFactory(
        call=question.call,
        questions_snapshot=[question.snapshot()],
        answers={"activity": "Argan oil pressing"},
    )
    question.label_en = "What does the cooperative do?"
    question.save()
    question.delete()

    content = staff_client.get(reverse("application:inspect", args=[application.pk])).content
    content = content.decode()

    assert "Main activity" in content
    assert "Argan oil pressing" in content
    assert "What does the cooperative do?" not in content


def test_choice_answers_show_the_labels_of_the_snapshot(staff_client):
    application = ApplicationFactory(
        questions_snapshot=[
            snapshot_question(
                "channels",
                CallQuestion.Kind.MULTIPLE_CHOICE,
                "Sales channels",
                ["Markets", "Shops", "Online"],
            ),
            snapshot_question("exports", CallQuestion.Kind.YES_NO, "Do you export?"),
        ],
        answers={"channels": ["c1", "c3"], "exports": "no"},
    )

    content = staff_client.get(reverse("application:inspect", args=[application.pk])).content
    content = content.decode()

    assert "Markets" in content
    assert "Online" in content
    assert "Shops" not in content
    assert "No" in content


def test_choice_answers_read_in_the_staff_members_language(client, superuser):
    profile = UserProfile.get_for_user(superuser)
    profile.preferred_language = "vi"
    profile.save()
    question = snapshot_question("channels", CallQuestion.Kind.SINGLE_CHOICE, "Sales channels")
    question["choices"] = {"en": ["Markets", "Shops"], "vi": ["Chợ", "Cửa hàng"], "ar": []}
    application = ApplicationFactory(questions_snapshot=[question], answers={"channels": "c2"})
    client.force_login(superuser)

    content = client.get(reverse("application:inspect", args=[application.pk])).content.decode()

    assert "Cửa hàng" in content


def test_detail_links_each_attachment_to_its_download(staff_client):
    application = ApplicationFactory(
        questions_snapshot=[snapshot_question("statutes", CallQuestion.Kind.FILE, "Statutes")]
    )
    attachment = ApplicationFileFactory(application=application, question_key="statutes")

    content = staff_client.get(reverse("application:inspect", args=[application.pk])).content
    content = content.decode()

    assert reverse("application:attachment", args=[attachment.pk]) in content
    assert "statutes.pdf" in content


def test_list_is_ordered_by_latest_submission_first(staff_client):
    now = timezone.now()
    ApplicationFactory(reference="OLD", submitted_at=now - datetime.timedelta(days=3))
    ApplicationFactory(reference="NEW", submitted_at=now)

    response = staff_client.get(reverse("application:index"))

    assert [a.reference for a in response.context["object_list"]] == ["NEW", "OLD"]


def test_xlsx_export_keeps_text_as_text_and_numbers_and_dates_as_such(staff_client):
    submitted = timezone.make_aware(datetime.datetime(2026, 3, 14, 9, 30))
    ApplicationFactory(
        reference="X-1",
        legal_name='=HYPERLINK("http://example.org")',
        submitted_at=submitted,
        score=72.5,
    )
    ApplicationFactory(reference="X-2", legal_name="تعاونية الأمل", score=None)

    response = staff_client.get(reverse("application:index"), {"export": "xlsx"})

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    headings = [cell.value for cell in sheet[1]]
    rows = {
        row[0]: dict(zip(headings, row, strict=True))
        for row in sheet.iter_rows(min_row=2, values_only=True)
    }
    first, second = rows["X-1"], rows["X-2"]
    assert first["Legal name"] == '=HYPERLINK("http://example.org")'
    name_cells = [row[headings.index("Legal name")] for row in sheet.iter_rows(min_row=2)]
    assert {cell.data_type for cell in name_cells} == {"s"}  # text, never a formula
    assert isinstance(first["Submitted"], datetime.datetime)
    assert first["Score (mean of reviews)"] == 72.5
    assert second["Legal name"] == "تعاونية الأمل"
    assert second["Score (mean of reviews)"] is None
    assert response["Content-Disposition"].startswith('attachment; filename="applications')
