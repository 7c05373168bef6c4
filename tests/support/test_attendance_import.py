"""Importing filled attendance sheets: XLSX and CSV, headers or positions, every bad row reported
with its row number and reason, and nothing imported unless the whole file is clean."""

import io
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from accelerator.support import attendance_import
from accelerator.support.attendance_import import import_attendance
from accelerator.support.models import Attendance
from tests.support.training_factories import *  # noqa: F403 — fixtures
from tests.support.training_factories import AttendanceFactory, invite

pytestmark = pytest.mark.django_db

HEADER = [
    "No.",
    "Name",
    "Cooperative",
    "Sex",
    "Age",
    "Role in the cooperative",
    "Present",
    "Score before",
    "Score after",
    "Signature",
]


def csv_file(rows, name="sheet.csv", delimiter=","):
    text = "\n".join(delimiter.join(str(cell) for cell in row) for row in rows)
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def xlsx_file(rows, name="sheet.xlsx"):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return SimpleUploadedFile(name, output.getvalue())


@pytest.fixture
def invited(session):
    first, second = invite(session, 2)
    first.cooperative.legal_name = "Tawada Argan"
    first.cooperative.registration_number = "RC-2024-117"
    first.cooperative.save()
    return first, second


def test_a_clean_csv_imports_every_row(session, invited):
    first, second = invited
    rows = [
        HEADER,
        [1, "Fatima Zahra Ait", "Tawada Argan", "Woman", 27, "President", "", 40, 75, ""],
        [2, "Youssef Amrani", second.cooperative.registration_number, "m", 45, "member", "no"],
        [3, "Nguyễn Thị Lan", "rc 2024 117", "Nữ", "", "Manager", "yes", 55, 80, "signed"],
    ]

    result = import_attendance(session, csv_file(rows))

    assert (result.ok, result.imported) == (True, 3)
    fatima = session.attendance.get(full_name="Fatima Zahra Ait")
    assert (fatima.member, fatima.sex, fatima.age, fatima.role) == (first, "f", 27, "president")
    assert (fatima.present, fatima.pre_test, fatima.post_test) == (True, 40, 75)
    youssef = session.attendance.get(full_name="Youssef Amrani")
    assert (youssef.member, youssef.present, youssef.pre_test) == (second, False, None)
    lan = session.attendance.get(full_name="Nguyễn Thị Lan")
    assert (lan.member, lan.sex, lan.age, lan.role) == (first, "f", None, "manager")


def test_a_clean_xlsx_imports_every_row(session, invited):
    rows = [HEADER] + [
        [number, f"Person {number}", "Tawada Argan", "Man", 30, "Member", None, 50, 60.0]
        for number in range(1, 6)
    ]

    result = import_attendance(session, xlsx_file(rows))

    assert result.imported == 5
    assert session.attendance.filter(post_test=60, sex="m").count() == 5


def test_columns_without_a_header_are_read_in_the_order_of_the_printed_sheet(session, invited):
    rows = [[1, "Amina", "Tawada Argan", "f", 33, "board", "", 20, 90, ""]]

    import_attendance(session, csv_file(rows))

    amina = session.attendance.get()
    assert (amina.full_name, amina.role, amina.pre_test, amina.post_test) == (
        "Amina",
        "board",
        20,
        90,
    )


def test_a_header_row_may_put_columns_in_any_order_and_add_others(session, invited):
    rows = [
        ["role", "Remarks", "full_name", "sex", "cooperative", "post_test"],
        ["Member", "came late", "Hassan", "m", "Tawada Argan", "65"],
    ]

    import_attendance(session, csv_file(rows, delimiter=";"))

    hassan = session.attendance.get()
    assert (hassan.full_name, hassan.role, hassan.post_test) == ("Hassan", "member", 65)


def test_every_bad_row_is_reported_with_its_number_and_nothing_is_imported(session, invited):
    rows = [
        HEADER,
        [1, "Good Person", "Tawada Argan", "f", 30, "member", "", 50, 60],
        [2, "", "Tawada Argan", "f", 30, "member"],
        [3, "Unknown Coop", "Nowhere cooperative", "f", 30, "member"],
        [4, "Bad Sex", "Tawada Argan", "x", 30, "member"],
        [5, "Bad Age", "Tawada Argan", "m", 7, "member"],
        [6, "Bad Role", "Tawada Argan", "m", 30, "chief"],
        [7, "Bad Score", "Tawada Argan", "m", 30, "member", "", 101, "abc"],
        [8, "No Coop", "", "m", 30, "member"],
    ]

    result = import_attendance(session, csv_file(rows))

    assert not result.ok
    assert Attendance.objects.count() == 0
    reasons = {error.row: " ".join(error.reasons) for error in result.errors}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 9]
    assert "name is missing" in reasons[3]
    assert "not among the cooperatives invited" in reasons[4]
    assert "sex" in reasons[5]
    assert "age" in reasons[6]
    assert "role" in reasons[7]
    assert "score before" in reasons[8] and "score after" in reasons[8]
    assert "cooperative is missing" in reasons[9]


def test_a_row_with_several_problems_lists_them_all(session, invited):
    rows = [[1, "", "Nowhere", "x", 300, "chief", "maybe", 500, 20]]

    result = import_attendance(session, csv_file(rows))

    assert len(result.errors) == 1
    assert len(result.errors[0].reasons) == 7


def test_blank_numbered_lines_of_the_sheet_are_skipped(session, invited):
    rows = [HEADER, [1, "Amina", "Tawada Argan", "f", 33, "member"], [2], [3, "", "", "", "", ""]]

    result = import_attendance(session, xlsx_file(rows))

    assert (result.ok, result.imported) == (True, 1)


def test_importing_the_same_file_twice_adds_nobody_twice(session, invited):
    rows = [HEADER, [1, "Amina", "Tawada Argan", "f", 33, "member"]]
    import_attendance(session, csv_file(rows))

    again = import_attendance(session, csv_file(rows))

    assert again.errors[0].row == 2
    assert "already on the session's attendance list" in again.errors[0].reasons[0]
    assert session.attendance.count() == 1


def test_a_person_twice_in_the_file_is_reported_on_the_second_row(session, invited):
    rows = [HEADER, [1, "Amina", "Tawada Argan", "f", 33, "member"]] * 1 + [
        [2, "amina ", "Tawada Argan", "f", 33, "member"]
    ]

    result = import_attendance(session, csv_file(rows))

    assert [(error.row, error.reasons) for error in result.errors] == [
        (3, ["this person is already on row 2"])
    ]


def test_two_invited_cooperatives_of_the_same_name_need_the_registration_number(session):
    first, second = invite(session, 2)
    for member in (first, second):
        member.cooperative.legal_name = "Al Amal"
        member.cooperative.save()
    rows = [[1, "Amina", "Al Amal", "f", 33, "member"]]

    result = import_attendance(session, csv_file(rows))

    assert "registration number" in result.errors[0].reasons[0]


def test_without_invited_cooperatives_the_cooperative_may_be_left_empty(session):
    result = import_attendance(session, csv_file([[1, "Trainer to be", "", "m", 41, "employee"]]))

    assert result.imported == 1


def test_a_file_that_is_neither_xlsx_nor_csv_is_refused(session):
    pdf = SimpleUploadedFile("sheet.csv", b"%PDF-1.4\n\x00\x01binary\n%%EOF")

    with pytest.raises(attendance_import.ValidationError, match="neither an XLSX"):
        import_attendance(session, pdf)


def test_a_binary_file_named_csv_is_refused(session):
    with pytest.raises(attendance_import.ValidationError, match="neither an XLSX"):
        import_attendance(session, SimpleUploadedFile("sheet.csv", b"\x00\x01\x02\x03" * 100))


def test_a_file_too_large_is_refused(session, monkeypatch):
    monkeypatch.setattr(attendance_import, "MAX_FILE_SIZE", 100)

    with pytest.raises(attendance_import.ValidationError, match="at most"):
        import_attendance(session, csv_file([[1, "A" * 200, "", "f", 30, "member"]]))


def test_a_csv_not_in_utf8_gets_a_clear_message(session):
    latin = SimpleUploadedFile("sheet.csv", "1,Hélène,,f,30,member".encode("latin-1"))

    with pytest.raises(attendance_import.ValidationError, match="UTF-8"):
        import_attendance(session, latin)


def test_ten_thousand_rows_import_well_under_thirty_seconds(session, invited):
    rows = [HEADER] + [
        [
            n,
            f"Participant {n}",
            "Tawada Argan",
            "f" if n % 2 else "m",
            18 + n % 50,
            "member",
            "",
            40,
            70,
        ]
        for n in range(1, 10_001)
    ]
    upload = xlsx_file(rows)

    started = time.perf_counter()
    result = import_attendance(session, upload)
    elapsed = time.perf_counter() - started

    assert result.imported == 10_000
    assert elapsed < 15, f"{elapsed:.1f} s"


# Screens -------------------------------------------------------------------------------------


def test_workspace_import_lists_the_bad_rows_and_keeps_nothing(client, trainer, session, invited):
    client.force_login(trainer)
    rows = [
        HEADER,
        [1, "Good", "Tawada Argan", "f", 30, "member"],
        [2, "Bad", "Tawada Argan", "f", 300, "member"],
    ]

    response = client.post(
        reverse("workspace:training:import", args=[session.pk]), {"file": csv_file(rows)}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Row 3" in html and "Nothing was imported" in html
    assert session.attendance.count() == 0


def test_workspace_import_of_a_clean_file_returns_to_the_session(client, trainer, session, invited):
    client.force_login(trainer)

    response = client.post(
        reverse("workspace:training:import", args=[session.pk]),
        {"file": xlsx_file([HEADER, [1, "Good", "Tawada Argan", "f", 30, "member"]])},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse(
        "workspace:training:session", args=[session.pk]
    )
    assert "1 participant imported." in response.content.decode()


def test_workspace_import_refuses_a_wrong_file_next_to_the_field(client, trainer, session):
    client.force_login(trainer)

    response = client.post(
        reverse("workspace:training:import", args=[session.pk]),
        {"file": SimpleUploadedFile("photo.xlsx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)},
    )

    assert response.status_code == 200
    assert "neither an XLSX spreadsheet nor a CSV file" in response.content.decode()


def test_office_imports_in_the_admin(client, office, session, invited):
    client.force_login(office)
    url = reverse("training_sessions:import", args=[session.pk])

    assert client.get(url).status_code == 200
    response = client.post(
        url, {"file": csv_file([HEADER, [1, "Amina", "Tawada Argan", "f", 30, "member"]])}
    )

    assert response.status_code == 302
    assert session.attendance.count() == 1


def test_office_of_another_program_cannot_import(client, other_office, session):
    client.force_login(other_office)

    response = client.get(reverse("training_sessions:import", args=[session.pk]))

    assert response.status_code == 404


def test_the_blank_spreadsheet_has_the_import_columns(client, trainer, session):
    client.force_login(trainer)

    response = client.get(reverse("workspace:training:sheet_workbook", args=[session.pk]))

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == HEADER


def test_the_blank_spreadsheet_filled_in_imports(client, trainer, session, invited):
    client.force_login(trainer)
    blank = client.get(reverse("workspace:training:sheet_workbook", args=[session.pk])).content
    workbook = load_workbook(io.BytesIO(blank))
    workbook.active.append([1, "Amina", "RC-2024-117", "Woman", 30, "Member", "yes", 10, 20])
    output = io.BytesIO()
    workbook.save(output)

    result = import_attendance(session, SimpleUploadedFile("filled.xlsx", output.getvalue()))

    assert result.imported == 1


def test_an_existing_row_is_not_touched_by_a_failed_import(session, invited):
    AttendanceFactory(session=session, member=invited[0], full_name="Already there")

    import_attendance(session, csv_file([[1, "", "Tawada Argan", "f", 30, "member"]]))

    assert list(session.attendance.values_list("full_name", flat=True)) == ["Already there"]


def test_a_header_row_written_in_arabic_is_recognised(session, invited):
    rows = [
        ["التعاونية", "الاسم", "sex", "role"],
        ["Tawada Argan", "فاطمة الزهراء", "امرأة", "member"],
    ]

    result = import_attendance(session, csv_file(rows))

    assert result.imported == 1
    assert session.attendance.get().full_name == "فاطمة الزهراء"
