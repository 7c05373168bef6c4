from django.template.loader import render_to_string
from django.utils import translation

from accelerator.results.figures import headline_figures
from accelerator.results.tasks import recompute_cohort


def test_headline_component_shows_the_figures_in_the_readers_language(scenario):
    recompute_cohort(scenario.cohort.pk)
    headline = headline_figures(scenario.program)
    with translation.override("vi"):
        html = render_to_string(
            "results/components/headline.html", {"headline": headline, "results_url": "/vi/x/"}
        )
    assert "<bdi>53,3%</bdi>" in html  # women among members, Vietnamese decimal comma
    assert "<bdi>+31,3</bdi>" in html  # mean change in capacity score
    assert 'href="/vi/x/"' in html


def test_headline_component_says_when_figures_are_not_ready():
    html = render_to_string("results/components/headline.html", {"headline": {"available": False}})
    assert "being computed" in html
