from datetime import timedelta

import pytest
from django.utils import timezone

from accelerator.calls.models import Application
from accelerator.selection.figures import call_figures
from tests.admin.factories import ApplicationFactory

pytestmark = pytest.mark.django_db


def test_call_figures_count_from_the_applications(call):
    announced = timezone.localdate() + timedelta(days=10)
    call.decisions_announced_by = announced
    call.save()
    on_time = timezone.now()
    late = timezone.now() + timedelta(days=20)
    ApplicationFactory(call=call, eligibility="eligible", reviews_completed=2, decided_at=on_time)
    ApplicationFactory(call=call, eligibility="eligible", reviews_completed=1, decided_at=late)
    ApplicationFactory(call=call, eligibility="ineligible", decided_at=on_time)
    ApplicationFactory(call=call, eligibility="eligible")
    ApplicationFactory(call=call, status=Application.Status.DRAFT, reference=None)

    figures = call_figures(call)

    assert (figures.received, figures.eligible, figures.reviewed, figures.decided) == (4, 3, 2, 3)
    assert figures.decided_on_time == 2
    assert figures.on_time_percent == 50.0


def test_no_on_time_share_without_an_announced_date(call):
    ApplicationFactory(call=call, decided_at=timezone.now())

    assert call_figures(call).on_time_percent is None


def test_closed_call_page_shows_its_figures_publicly(client, home_pages, call):
    from tests.calls.factories import build_call_pages

    call.closes_at = timezone.now() - timedelta(days=1)
    call.opens_at = timezone.now() - timedelta(days=30)
    call.decisions_announced_by = timezone.localdate()
    call.save()
    for _n in range(3):
        ApplicationFactory(call=call, eligibility="eligible", decided_at=timezone.now())
    pages = build_call_pages(call, home_pages)

    content = client.get(pages["en"].url).content.decode()

    assert "Applications received" in content
    assert "100.0 %" in content


def test_program_page_shows_the_figures_of_its_closed_calls(client, home_pages, call):
    from cms.models import ProgramIndexPage, ProgramPage
    from tests.factories import publish

    call.opens_at = timezone.now() - timedelta(days=30)
    call.closes_at = timezone.now() - timedelta(days=1)
    call.save()
    ApplicationFactory(call=call, eligibility="eligible", decided_at=timezone.now())
    index = publish(home_pages["en"].add_child(instance=ProgramIndexPage(title="Programs")))
    page = publish(index.add_child(instance=ProgramPage(title="Atlas", program=call.program)))

    content = client.get(page.url).content.decode()

    assert "Applications received" in content
    assert "Closed" in content
