import pytest
from playwright.sync_api import expect

from accelerator.calls.models import Application, CallQuestion
from tests.calls.conftest import PDF
from tests.calls.factories import (
    CallFactory,
    LegalFormFactory,
    ProvinceFactory,
    QuestionFactory,
    SectorFactory,
    build_call_pages,
)
from tests.e2e.conftest import PHONE
from tests.factories import build_home_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def arabic_call_page():
    home_pages = build_home_pages()
    province = ProvinceFactory(name_ar="إقليم تارودانت")
    SectorFactory(name_ar="زيت الأركان")
    LegalFormFactory(name_ar="تعاونية فلاحية")
    call = CallFactory(reference_prefix="MRF4")
    call.regions.add(province.region)
    call.save()
    QuestionFactory(call=call, key="project", kind=CallQuestion.Kind.LONG_TEXT)
    QuestionFactory(
        call=call, key="statutes", kind=CallQuestion.Kind.FILE, label_ar="النظام الأساسي"
    )
    return build_call_pages(call, home_pages)["ar"], province


def test_applying_in_arabic_on_a_phone_with_a_pdf_gives_a_reference(
    open_page, live_server, arabic_call_page, tmp_path, third_party_requests
):
    call_page, province = arabic_call_page
    statutes = tmp_path / "النظام الأساسي.pdf"
    statutes.write_bytes(PDF)
    page = open_page(PHONE)

    page.goto(live_server.url + call_page.url)
    assert page.evaluate("document.documentElement.dir") == "rtl"
    page.locator(f'a[href="{call_page.url}apply/"]').first.click()
    page.fill("#id_email", "fatima@example.org")
    page.check("#id_consent")
    page.locator("form.form button[type=submit]").click()

    page.wait_for_selector("form.application-form")
    page.fill("#id_legal_name", "تعاونية النور للأعشاب الطبية")
    page.fill("#id_registration_number", "RC-2024/0153")
    page.fill("#id_registration_date", "2024-05-12")
    page.select_option("#id_legal_form", index=1)
    page.select_option("#id_sector", index=1)
    page.fill("#id_products", "زيت الأركان وأملو")
    page.select_option("#id_region", str(province.region.pk))
    page.select_option("#id_province", str(province.pk))
    page.fill("#id_members_total", "24")
    page.fill("#id_members_women", "18")
    page.fill("#id_members_youth", "9")
    page.fill("#id_founders_count", "7")
    page.fill("#id_contact_name", "فاطمة الزهراء أيت لحسن")
    page.fill("#id_contact_phone", "0612345678")
    page.fill("#id_contact_email", "fatima@example.org")
    page.fill("#id_q_project", "تحديث آلة العصر والبيع عبر الإنترنت")
    page.set_input_files("#id_q_statutes", str(statutes))
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.locator("button[name=action][value=submit]").click()

    reference = page.locator(".reference")
    reference.wait_for()
    assert reference.inner_text() == "MRF4-00001"
    application = Application.objects.get()
    assert application.legal_name == "تعاونية النور للأعشاب الطبية"
    assert application.language == "ar"
    assert application.files.get().original_name == "النظام الأساسي.pdf"
    assert third_party_requests == []


def test_text_typed_while_offline_is_saved_when_the_connection_returns(
    open_page, live_server, arabic_call_page
):
    call_page, _province = arabic_call_page
    page = open_page(PHONE)
    page.goto(f"{live_server.url}{call_page.url}apply/")
    page.fill("#id_email", "offline@example.org")
    page.check("#id_consent")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_selector("form.application-form")

    page.context.set_offline(True)
    page.fill("#id_legal_name", "تعاونية الواحة")
    page.fill("#id_commune", "تافراوت")
    # Waited on through a locator: the page's CSP forbids the evaluated predicates of
    # wait_for_function.
    expect(page.locator(".autosave-status")).not_to_have_text("")
    assert Application.objects.get().draft_data.get("commune") in (None, "")
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")

    for _attempt in range(40):
        draft = Application.objects.get()
        if draft.draft_data.get("commune"):
            break
        page.wait_for_timeout(500)
    assert draft.draft_data["legal_name"] == "تعاونية الواحة"
    assert draft.draft_data["commune"] == "تافراوت"
