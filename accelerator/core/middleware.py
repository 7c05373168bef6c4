from django.conf import settings
from django.middleware.locale import LocaleMiddleware


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's locale middleware, minus its habit of sending any unknown address to
    `/<language>/<address>`: the back-office, documents and files are not under a language
    prefix, so their "not found" stays theirs instead of becoming a public page."""

    def process_response(self, request, response):
        if request.path_info.startswith(settings.UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)
