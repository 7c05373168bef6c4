"""The PostgreSQL side of the per-language search backend (see the package's docstring)."""

import copy
from collections import defaultdict
from functools import reduce
from operator import or_

from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.models import Locale, TranslatableMixin

DEFAULT_SEARCH_CONFIGS = {"en": "english", "vi": "simple", "ar": "arabic"}
# Models that have no language (images, documents, people) keep words as they are written.
LANGUAGELESS_CONFIG = "simple"


class LanguageIndex(PostgresIndex):
    def add_items(self, model, objs):
        if not issubclass(model, TranslatableMixin):
            return super().add_items(model, objs)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        by_config = defaultdict(list)
        for obj in objs:
            by_config[self.backend.config_for(languages.get(obj.locale_id))].append(obj)
        for config, group in by_config.items():
            PostgresIndex(self.backend.with_config(config)).add_items(model, group)


class LanguageQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        if issubclass(self.queryset.model, TranslatableMixin):
            return tuple(dict.fromkeys(backend.search_configs.values()))
        return backend.config

    def build_tsquery(self, query, config=None):
        """Under several configurations, a page matches when any of them matches."""
        if not isinstance(config, tuple):
            return super().build_tsquery(query, config=config)
        build = super().build_tsquery
        return reduce(or_, (build(query, config=one) for one in config))


class LanguageSearchBackend(PostgresSearchBackend):
    index_class = LanguageIndex
    query_compiler_class = LanguageQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.search_configs = {**DEFAULT_SEARCH_CONFIGS, **params.get("SEARCH_CONFIGS", {})}
        self.config = params.get("SEARCH_CONFIG") or LANGUAGELESS_CONFIG

    def config_for(self, language_code):
        """The text-search configuration of a language, `simple` for one not configured."""
        return self.search_configs.get(language_code, self.config)

    def with_config(self, config):
        backend = copy.copy(self)
        backend.config = config
        return backend
