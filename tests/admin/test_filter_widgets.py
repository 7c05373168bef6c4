"""Filter selects drawn directly (accelerator/core/backoffice/filters.py) read as Django's own."""

import pytest
from django import forms
from django.test.html import parse_html
from django.urls import reverse

from accelerator.core.backoffice.filters import DirectSelect

CHOICES = [
    ("", "---------"),
    (1, "Souss-Massa"),
    (2, 'Tanger <Tétouan> & "Al Hoceïma"'),
    ("Vietnam", [(3, "Đồng bằng sông Hồng"), (4, "Tây Nguyên")]),
    (5, "الدار البيضاء سطات"),
]


@pytest.mark.parametrize("value", [None, "", 2, "4", 5])
def test_direct_select_matches_djangos_select(value):
    attrs = {"id": "id_region", "data-w-swap-target": "filter"}
    django_html = forms.Select(choices=CHOICES).render("region", value, attrs)
    direct_html = DirectSelect(choices=CHOICES).render("region", value, attrs)

    assert parse_html(direct_html) == parse_html(django_html)
    assert "<Tétouan>" not in direct_html


def test_the_application_list_filters_show_the_chosen_region(client, superuser):
    from tests.admin.factories import RegionFactory

    chosen = RegionFactory(name_en="Souss <Massa>")
    RegionFactory(name_en="Oriental")
    client.force_login(superuser)

    page = client.get(reverse("application:index"), {"region": chosen.pk}).content.decode()

    assert f'<option value="{chosen.pk}" selected>Souss &lt;Massa&gt;</option>' in page
