"""Reading rendered pages for what a strict Content-Security-Policy would refuse, and walking a
site's links to find every page type it has."""

from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

#: Addresses a walk must not follow: they act, download or leave the HTML pages.
SKIPPED = ("logout", "export", ".csv", ".xlsx", ".json", "/feed", "/attachments/", "sitemap")


class InlineCodeFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.links = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> (inline event handler)")
            if name == "style":
                self.problems.append(f"<{tag} style=…> (inline style)")
            if name in ("href", "src", "action", "formaction") and (
                value or ""
            ).strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}=javascript:…>")
        if tag == "style":
            self.problems.append("<style> (inline style sheet)")
        if tag == "script" and not attributes.get("src"):
            self.problems.append("<script> without src (inline script)")
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])


def inline_code(html):
    """What in this page a policy without 'unsafe-inline' would block."""
    finder = InlineCodeFinder()
    finder.feed(html)
    return finder.problems


def links(html):
    finder = InlineCodeFinder()
    finder.feed(html)
    return finder.links


def walk(client, seeds, *, within, limit=150):
    """Every HTML page reachable from the seeds by links under the `within` prefixes: yields
    (url, response). Bounded, so that a page listing thousands of links stays fast."""
    queue = list(seeds)
    seen = set(queue)
    while queue and len(seen) <= limit:
        url = queue.pop(0)
        response = client.get(url)
        if "text/html" not in response.get("Content-Type", ""):
            continue
        yield url, response
        if response.status_code != 200:
            continue
        for href in links(response.content.decode()):
            address, _fragment = urldefrag(href)
            parts = urlsplit(address)
            if parts.netloc not in ("", "testserver"):
                continue
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if not path.startswith(within) or any(word in path for word in SKIPPED):
                continue
            if path not in seen:
                seen.add(path)
                queue.append(path)
