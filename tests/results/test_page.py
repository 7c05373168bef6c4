import re

import pytest

from accelerator.results.tasks import recompute_cohort


@pytest.fixture
def computed(results_pages, scenario):
    recompute_cohort(scenario.cohort.pk)
    return results_pages


@pytest.mark.parametrize(
    ("language", "direction", "share"),
    [("en", "ltr", "53.3 %"), ("vi", "ltr", "53,3%"), ("ar", "rtl", "53,3%")],
)
def test_page_renders_in_each_language_with_its_direction_a_chart_and_its_table(
    client, computed, language, direction, share
):
    response = client.get(computed[language].url)

    content = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}" dir="{direction}">' in content
    assert '<svg class="bar-chart' in content
    assert "<title id=" in content and "<desc id=" in content
    assert f'direction="{direction}"' in content
    assert '<table class="data-table">' in content
    assert share in content  # women among members, in the reader's number format


def test_arabic_bars_grow_from_the_right(client, computed):
    english = client.get(computed["en"].url).content.decode()
    arabic = client.get(computed["ar"].url).content.decode()
    first_bar = re.compile(r'class="bar-chart__bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"')
    x_en, width_en = map(float, first_bar.search(english).groups())
    x_ar, width_ar = map(float, first_bar.search(arabic).groups())
    assert width_en == width_ar
    assert x_en == 200  # starts after the labels on the left
    assert x_ar + width_ar == 640 - 200  # ends where the labels on the right begin
