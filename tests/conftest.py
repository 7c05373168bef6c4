import pytest

from tests.factories import build_home_pages


@pytest.fixture
def home_pages(db):
    return build_home_pages()
