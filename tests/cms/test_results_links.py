import pytest

from accelerator.results.models import CohortResultsPage
from cms.models import ProgramIndexPage, ProgramPage
from tests.calls.factories import CohortFactory
from tests.cms.factories import add_page, build_news

pytestmark = pytest.mark.django_db


@pytest.fixture
def results_pages(home_pages, program):
    programs = add_page(home_pages["en"], ProgramIndexPage(title="Programs", slug="programs"))
    program_page = add_page(programs, ProgramPage(title="Atlas", program=program))
    cohort = CohortFactory(program=program)
    results = add_page(program_page, CohortResultsPage(title="Cohort 1 results", cohort=cohort))
    return {"program": program_page, "results": results}


def test_program_page_links_to_its_results_pages(client, results_pages):
    content = client.get(results_pages["program"].url).content.decode()

    assert f'href="{results_pages["results"].url}"' in content


def test_results_block_links_to_the_cohort_results(client, indexes, results_pages):
    news = build_news(
        indexes["news"]["en"],
        "Mid-term results",
        body=[("results", results_pages["results"].pk)],
    )

    content = client.get(news.url).content.decode()

    assert f'href="{results_pages["results"].url}" dir="auto">Cohort 1 results</a>' in content
