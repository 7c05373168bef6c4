import pytest
from django.core.cache import cache
from django.test import Client, TestCase
from django.utils import translation

from tests.factories import build_home_pages


@pytest.fixture
def home_pages(db):
    return build_home_pages()


class CommittingClient(Client):
    """A test client whose requests behave as committed: after-commit work (e-mails) runs."""

    def request(self, **request):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return super().request(**request)


@pytest.fixture
def client():
    return CommittingClient()


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counters and cached pages never leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """A request in Arabic leaves Arabic active in this thread: each test starts in English."""
    translation.activate("en")
    yield
    translation.deactivate()
