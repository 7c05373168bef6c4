"""The CSV and JSON files hold exactly the figures the page shows, with the same filters."""

import csv
import io
import json

import pytest
from django.utils.html import escape

from accelerator.results.figures import CONTEXT_FIELDS, FIELDS, LIST
from accelerator.results.tasks import recompute_cohort
from accelerator.results.templatetags.results_tags import SIGNED, format_figure


@pytest.fixture
def computed(results_pages, scenario):
    recompute_cohort(scenario.cohort.pk)
    return results_pages


def download(client, page, name, query=""):
    response = client.get(f"{page.url}{name}{query}")
    assert response.status_code == 200
    return response


def read_json(client, page, query=""):
    return json.loads(download(client, page, "data/json/", query).content)


def read_csv(client, page, query=""):
    text = download(client, page, "data/csv/", query).content.decode("utf-8-sig")
    return {row["field"]: row for row in csv.DictReader(io.StringIO(text))}


def test_json_figures_are_the_figures_shown_on_the_page(client, computed):
    page = computed["en"]
    document = read_json(client, page)
    content = client.get(page.url).content.decode()
    figures = document["figures"]
    for key, label, unit, _description in FIELDS:
        if unit == LIST:
            continue
        text = format_figure(figures[key], unit, figures["currency"], signed=key in SIGNED)
        assert f"<dt>{escape(label)}</dt><dd><bdi>{escape(text)}</bdi></dd>" in content, key


def test_csv_holds_the_same_values_as_the_json(client, computed):
    page = computed["en"]
    figures = read_json(client, page)["figures"]
    rows = read_csv(client, page)
    for key, _label, unit, _description in FIELDS:
        if unit == LIST:
            for domain in figures[key]:
                for measure in ("baseline", "endline", "change", "cooperatives"):
                    value = rows[f"{key}.{domain['code']}.{measure}"]["value"]
                    assert float(value) == domain[measure]
            continue
        expected = figures[key]
        value = rows[key]["value"]
        assert value == "" if expected is None else float(value) == expected, key
    assert rows["currency"]["value"] == "MAD"


def test_files_follow_the_filters_of_the_page(client, computed, scenario):
    page = computed["en"]
    region = scenario.regions["R2"]
    query = f"?region={region.pk}"
    figures = read_json(client, page, query)["figures"]
    assert figures["region"] == region.pk
    assert figures["cooperatives_supported"] == 1
    assert read_csv(client, page, query)["cooperatives_supported"]["value"] == "1"
    content = client.get(page.url + query).content.decode()
    assert f'href="{page.url}data/csv/?region={region.pk}"' in content
    assert f'<option value="{region.pk}" selected>' in content


def test_every_field_is_documented_in_the_files_and_on_the_page(client, computed):
    page = computed["en"]
    documented = {field["key"]: field for field in read_json(client, page)["fields"]}
    content = client.get(page.url).content.decode()
    assert "About these figures" in content
    for key, _label, _unit, description in FIELDS:
        assert documented[key]["description"] == str(description)
        assert escape(str(description)) in content
    assert set(documented) == {key for key, *_rest in CONTEXT_FIELDS} | {key for key, *_ in FIELDS}


def test_labels_of_the_files_follow_the_language_of_the_address(client, computed):
    rows = read_csv(client, computed["vi"])
    assert rows["cooperatives_supported"]["value"] == "3"
    assert download(client, computed["ar"], "data/json/")["Content-Type"].startswith(
        "application/json"
    )


def test_files_are_not_served_before_the_figures_exist(client, results_pages):
    response = client.get(results_pages["en"].url + "data/csv/")
    assert response.status_code == 503
    assert response["Retry-After"]


def test_filter_values_the_page_does_not_offer_are_ignored(client, computed):
    figures = read_json(client, computed["en"], "?region=999999&sector=abc")["figures"]
    assert figures["region"] is None
    assert figures["sector"] is None
    assert figures["cooperatives_supported"] == 3
