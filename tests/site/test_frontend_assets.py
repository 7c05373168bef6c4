import re
from pathlib import Path

import pytest
from django.conf import settings

STATIC = Path(settings.BASE_DIR) / "static"
PHYSICAL = re.compile(
    r"(?<![-\w])(margin|padding|border)-(left|right)\b"
    r"|(?<![-\w])(left|right)\s*:"
    r"|text-align\s*:\s*(left|right)"
    r"|float\s*:\s*(left|right)"
)


def test_stylesheets_use_only_logical_directions_so_arabic_mirrors():
    offending = []
    for stylesheet in STATIC.rglob("*.css"):
        for number, line in enumerate(stylesheet.read_text().splitlines(), 1):
            if PHYSICAL.search(line):
                offending.append(f"{stylesheet.name}:{number}: {line.strip()}")

    assert offending == []


def test_fonts_cover_vietnamese_and_arabic_locally():
    css = (STATIC / "css" / "site.css").read_text()

    for font in ("noto-sans-vietnamese-400-normal", "noto-sans-arabic-arabic-400-normal"):
        assert f"../fonts/{font}.woff2" in css
        assert (STATIC / "fonts" / f"{font}.woff2").stat().st_size > 1000
    assert not re.search(r"url\(\s*[\"']?(https?:)?//", css)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "vi", "ar"])
def test_public_pages_reference_no_third_party_host(client, home_pages, language):
    content = client.get(f"/{language}/").content.decode()

    urls = re.findall(r'(?:src|href)="([^"]+)"', content)
    external = [
        url
        for url in urls
        if re.match(r"^(https?:)?//", url) and not url.startswith("http://testserver/")
    ]
    assert external == []
