"""Wagtail's database search backend, with a PostgreSQL text-search configuration per language.

Arabic pages are indexed with PostgreSQL's `arabic` configuration (its stemmer finds الحوكمة
from حوكمة), Vietnamese ones with `simple` (no stemmer exists; words keep their diacritics) and
English ones with `english`. Every page of one language shares a configuration, so a search in
that language matches the way its pages were indexed. A query on a translatable model is run
under each language's configuration at once (a page in any language is found, as the admin's
search expects); the public search then keeps the reader's language only.

Settings: `WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search_backend"}}`, optionally
with `"SEARCH_CONFIGS": {"<language code>": "<configuration>"}`. On SQLite and MySQL this module
hands over to Wagtail's own database backend unchanged.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend


def SearchBackend(params):  # noqa: N802 (Wagtail looks a backend module's factory up by this name)
    if connection.vendor != "postgresql":
        return DatabaseSearchBackend(params)
    # Imported only here: the PostgreSQL backend needs django.contrib.postgres.
    from .postgres import LanguageSearchBackend

    return LanguageSearchBackend(params)
