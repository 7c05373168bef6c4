import django_filters
from django import forms
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from accelerator.programs.models import Program


class NewsFilter(django_filters.FilterSet):
    """The news of one index filtered by program and tag; the choices offered are only those
    its news use, so no choice ever leads to an empty list."""

    program = django_filters.ModelChoiceFilter(
        label=_("Program"),
        queryset=Program.objects.none(),
        empty_label=_("All programs"),
        widget=forms.Select(attrs={"dir": "auto"}),
    )
    tag = django_filters.ChoiceFilter(
        label=_("Topic"),
        field_name="tags__slug",
        empty_label=_("All topics"),
        widget=forms.Select(attrs={"dir": "auto"}),
    )

    def __init__(self, data=None, queryset=None, *, index_page, **kwargs):
        super().__init__(data, queryset, **kwargs)
        news = queryset.model.objects.live().public().child_of(index_page)
        self.filters["program"].queryset = Program.objects.filter(news_pages__in=news).distinct()
        self.filters["tag"].extra["choices"] = list(
            Tag.objects.filter(cms_newspagetag_items__content_object__in=news)
            .distinct()
            .order_by("name")
            .values_list("slug", "name")
        )

    def query_string(self):
        """The chosen filters as a query string, for pagination links to keep them."""
        if not self.is_bound or not self.form.is_valid():
            return ""
        chosen = {
            name: self.data[name] for name in self.filters if self.form.cleaned_data.get(name)
        }
        return urlencode(chosen)
