"""A coach fills a diagnostic in Vietnamese on a phone, loses the connection half-way, and still
ends with every answer saved."""

import pytest

from diagnostics.models import Answer, Diagnostic
from tests.diagnostics.factories import CoachAssignmentFactory, build_instrument
from tests.e2e.conftest import PHONE
from tests.factories import build_home_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESCRIPTORS_VI = ["Không có", "Yếu", "Cơ bản", "Tốt", "Rất tốt"]


@pytest.fixture
def coach_and_cooperative():
    build_home_pages()
    version = build_instrument((("governance", 2), ("finance", 2)))
    for domain, name in zip(
        version.domains.order_by("sort_order"), ["Quản trị", "Tài chính"], strict=True
    ):
        domain.name_vi = name
        domain.save()
        for question in domain.questions.all():
            for level, text in enumerate(DESCRIPTORS_VI):
                setattr(question, f"level_{level}_vi", f"{text} ({domain.code})")
            question.save()
    assignment = CoachAssignmentFactory(
        coach__username="lan", member__cooperative__legal_name="HTX Nông nghiệp Tân Phú"
    )
    return assignment


def answers():
    return {answer.question_id: (answer.level, answer.evidence) for answer in Answer.objects.all()}


def fill(page, question, level, evidence):
    page.click(f'label[for="id_level_{question.pk}_{level}"]')
    page.fill(f"#id_evidence_{question.pk}", evidence)


def test_a_diagnostic_filled_offline_on_a_phone_is_saved_when_the_connection_returns(
    open_page, live_server, coach_and_cooperative, third_party_requests
):
    member = coach_and_cooperative.member
    page = open_page(PHONE)
    page.goto(f"{live_server.url}/vi/workspace/login/")
    page.fill("#id_username", "lan")
    page.fill("#id_password", "correct horse battery")
    page.locator("main form button[type=submit]").click()
    page.click(f'a[href="/vi/workspace/cooperatives/{member.pk}/"]')
    page.locator(
        f'form[action="/vi/workspace/cooperatives/{member.pk}/diagnostics/start/"] button'
    ).click()

    diagnostic = Diagnostic.objects.get()
    assert page.evaluate("document.documentElement.lang") == "vi"
    governance, finance = diagnostic.version.domains.order_by("sort_order")
    page.click(f'a[href="/vi/workspace/diagnostics/{diagnostic.pk}/domains/{governance.pk}/"]')
    first, second = governance.questions.all()
    assert (
        page.locator(f'label[for="id_level_{first.pk}_3"]')
        .inner_text()
        .endswith("Tốt (governance)")
    )
    fill(page, first, 3, "Biên bản đại hội thành viên năm 2025")
    fill(page, second, 1, "Điều lệ chưa sửa đổi")
    page.wait_for_selector('.autosave-status[data-state="saved"]')
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    page.click(
        f'a[href="/vi/workspace/diagnostics/{diagnostic.pk}/domains/{finance.pk}/"][rel="next"]'
    )
    third, fourth = finance.questions.all()
    page.context.set_offline(True)
    fill(page, third, 2, "Sổ quỹ tiền mặt")
    fill(page, fourth, 4, "Báo cáo tài chính được kiểm toán")
    page.wait_for_selector('.autosave-status[data-state="unsaved"]')
    page.wait_for_timeout(2500)
    assert third.pk not in answers()

    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    for _attempt in range(40):
        if len(answers()) == 4 and answers()[fourth.pk][1]:
            break
        page.wait_for_timeout(500)

    assert answers() == {
        first.pk: (3, "Biên bản đại hội thành viên năm 2025"),
        second.pk: (1, "Điều lệ chưa sửa đổi"),
        third.pk: (2, "Sổ quỹ tiền mặt"),
        fourth.pk: (4, "Báo cáo tài chính được kiểm toán"),
    }
    page.wait_for_selector('.autosave-status[data-state="saved"]')
    assert page.evaluate("localStorage.length") == 0
    assert third_party_requests == []


def test_a_conflicting_edit_shows_both_values_and_keeps_the_one_chosen(
    open_page, live_server, coach_and_cooperative
):
    from diagnostics import services

    member = coach_and_cooperative.member
    coach = coach_and_cooperative.coach
    diagnostic = services.start_diagnostic(member, "baseline", coach=coach)
    governance = diagnostic.version.domains.order_by("sort_order").first()
    question = governance.questions.first()
    page = open_page(PHONE)
    page.goto(f"{live_server.url}/vi/workspace/login/")
    page.fill("#id_username", "lan")
    page.fill("#id_password", "correct horse battery")
    page.locator("main form button[type=submit]").click()
    page.goto(
        f"{live_server.url}/vi/workspace/diagnostics/{diagnostic.pk}/domains/{governance.pk}/"
    )

    services.save(diagnostic, {"answers": {question.pk: {"level": 4}}}, revision=1, user=coach)
    page.click(f'label[for="id_level_{question.pk}_1"]')

    conflict = page.locator("[data-conflicts] .conflict")
    conflict.wait_for()
    assert "Rất tốt (governance)" in conflict.inner_text()
    assert "Yếu (governance)" in conflict.inner_text()
    assert Answer.objects.get().level == 4
    conflict.locator("button").nth(1).click()
    for _attempt in range(20):
        if Answer.objects.get().level == 1:
            break
        page.wait_for_timeout(300)
    assert Answer.objects.get().level == 1
    assert page.locator("[data-conflicts]").is_hidden()
