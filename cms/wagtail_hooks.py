from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def text_fields_follow_their_content_direction():
    return format_html('<script src="{}" defer></script>', static("js/admin-text-direction.js"))
