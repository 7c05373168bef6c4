from unittest import mock

import pytest

from accelerator.results.models import CohortResultsPage
from cms.models import ProgramIndexPage, ProgramPage
from tests.factories import locale, publish
from tests.results.scenario import build_scenario

TITLES = {"en": "Results of the first cohort", "vi": "Kết quả đợt một", "ar": "نتائج الدفعة الأولى"}


@pytest.fixture
def scenario(db):
    """Built without scheduling anything: each test starts with no recomputation queued."""
    with mock.patch("accelerator.results.signals.schedule_recompute"):
        return build_scenario()


@pytest.fixture
def results_pages(home_pages, scenario):
    """The results page of the scenario's cohort in English, Vietnamese and Arabic, under the
    program's page of each language."""
    index = publish(home_pages["en"].add_child(instance=ProgramIndexPage(title="Programs")))
    program_page = publish(
        index.add_child(instance=ProgramPage(title="Atlas", program=scenario.program))
    )
    english = publish(
        program_page.add_child(
            instance=CohortResultsPage(
                title=TITLES["en"], slug="results", cohort=scenario.cohort, intro="What we did"
            )
        )
    )
    pages = {"en": english}
    for code in ("vi", "ar"):
        translation = english.copy_for_translation(locale(code), copy_parents=True)
        translation.title = TITLES[code]
        pages[code] = publish(translation)
        for ancestor in translation.get_ancestors().filter(live=False):
            publish(ancestor.specific)
    return pages
