"""Text answers compressed for browsers that accept it; everything else left as it is.

Django's GZipMiddleware, narrowed to text: fonts, images, PDFs and workbooks are compressed
formats already (whitenoise serves its own precompressed CSS and JS, with Content-Encoding set,
which the middleware leaves alone). Pages carrying a CSRF token stay protected against BREACH by
the random bytes Django adds to every compressed answer.
"""

from django.middleware.gzip import GZipMiddleware

TEXT_TYPES = (
    "text/",
    "application/json",
    "application/javascript",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "image/svg+xml",
)


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").lower()
        if not content_type.startswith(TEXT_TYPES):
            return response
        return super().process_response(request, response)
