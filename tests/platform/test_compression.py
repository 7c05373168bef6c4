"""Pages travel compressed to browsers that accept it (accelerator/core/compression.py)."""

import gzip

import pytest
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory

from accelerator.core.compression import TextGZipMiddleware


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_a_page_is_compressed_for_a_browser_that_accepts_it(client, home_pages):
    plain = client.get("/vi/")
    compressed = client.get("/vi/", headers={"accept-encoding": "gzip, deflate, br"})

    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 2


def test_the_cache_keeps_a_compressed_and_a_plain_copy_and_serves_each_to_its_browser(
    client, home_pages, django_assert_num_queries
):
    client.get("/ar/", headers={"accept-encoding": "gzip"})  # each stored by its first visit
    client.get("/ar/")
    with django_assert_num_queries(0):
        plain = client.get("/ar/")
        compressed = client.get("/ar/", headers={"accept-encoding": "gzip, br"})
        again = client.get("/ar/", headers={"accept-encoding": "gzip"})

    # The same bytes twice: compressed once, then served as kept (each fresh compression differs
    # by the random bytes Django adds against BREACH).
    assert again.content == compressed.content
    assert "Content-Encoding" not in plain
    assert 'dir="rtl"' in plain.content.decode()
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content


@pytest.mark.parametrize(
    "content_type", ["font/woff2", "application/pdf", "image/png", "application/zip"]
)
def test_files_already_compressed_are_left_as_they_are(content_type):
    body = b"\x00" * 4000
    request = RequestFactory().get("/", headers={"accept-encoding": "gzip"})
    response = TextGZipMiddleware(lambda request: HttpResponse(body, content_type=content_type))(
        request
    )
    assert "Content-Encoding" not in response
    assert response.content == body


def test_a_csv_export_streams_compressed():
    rows = (f"{number},Hợp tác xã {number}\n".encode() for number in range(2000))
    request = RequestFactory().get("/", headers={"accept-encoding": "gzip"})
    response = TextGZipMiddleware(
        lambda request: StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
    )(request)
    assert response["Content-Encoding"] == "gzip"
    text = gzip.decompress(b"".join(response.streaming_content)).decode()
    assert text.splitlines()[1999] == "1999,Hợp tác xã 1999"
