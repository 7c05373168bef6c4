from django.utils.html import format_html
from wagtail.admin.ui.tables import Column


class UserTextColumn(Column):
    """Text people typed, isolated so an Arabic name next to Latin text keeps its order."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return format_html("<bdi>{}</bdi>", value) if value else value
