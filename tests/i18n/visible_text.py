"""What a person reads on a rendered screen, and which of it was left in English.

`segments(html)` lists the text a reader meets: text nodes, the labels that assistive technology
reads (aria-label, title, alt, placeholder, tooltips) and the Wagtail admin's menu and JavaScript
strings, which travel as JSON inside the page. `english_leftovers()` keeps the segments a
Vietnamese or Arabic screen shares word for word with the English rendering of the same screen,
once data is set aside: names, numbers, references, codes, e-mail addresses, web addresses, the
values stored in the database, and whatever is marked as written in another language (`lang`).
"""

import json
import re
import unicodedata

from bs4 import BeautifulSoup, Comment, Doctype, NavigableString

TEXT_ATTRIBUTES = (
    "aria-label",
    "title",
    "alt",
    "placeholder",
    "data-w-tooltip-content-value",
    "data-w-progress-active-value",
)
# Tags whose text never reaches a reader (svg holds the icon sprite), or is code: field names,
# keyboard keys.
HIDDEN_TAGS = {"script", "style", "svg", "head", "code", "kbd", "samp"}
# Wagtail's JSON islands: the sidebar menu and the strings its JavaScript shows.
JSON_ISLANDS = {"wagtail-sidebar-props": ("label", "footer_text"), "wagtail-config": ("STRINGS",)}

# The same in every language of the platform: acronyms, file formats, product names.
SAME_IN_EVERY_LANGUAGE = {
    "CSV",
    "XLSX",
    "PDF",
    "JSON",
    "RSS",
    "Atom",
    "SWOT",
    "OCOP",
    "ToT",
    "TOT",
    "HTX",
    "Wagtail",
    "OK",
    "ID",
    "URL",
    "MAD",
    "VND",
    "EUR",
    "USD",
    "Excel",
    "Word",
    "JavaScript",
    "Email",
    "E-mail",
}
DATA_PATTERNS = [
    re.compile(pattern)
    for pattern in (
        r"\S+@\S+",  # e-mail addresses
        r"%\(\w+\)[sd]",  # placeholders the admin's JavaScript fills in
        r"(?:https?://|/)\S*",  # addresses
        r"\b[A-Z][A-Z0-9]*\d[A-Z0-9]*(?:[-/.][A-Z0-9]+)*\b",  # references such as CDS1-00007
        r"\S*\d\S*",  # numbers, amounts, dates, times
        r"\b[A-Z]{2,}\b",  # codes
        r"\b\w+_\w+\b",  # identifiers
    )
]
# A run of letters in any script; an English word is one written in ASCII letters only.
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _normalise(text):
    """One space between words, and composed characters: Vietnamese may arrive decomposed."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _strings_in(value, keys):
    """Every string under the given keys of a JSON value, however deep."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in keys:
                yield from _all_strings(item)
            else:
                yield from _strings_in(item, keys)
    elif isinstance(value, list):
        for item in value:
            yield from _strings_in(item, keys)


def _all_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _all_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _all_strings(item)


def _in_another_language(element, language):
    for node in [element, *element.parents]:
        lang = getattr(node, "attrs", {}).get("lang") if hasattr(node, "attrs") else None
        if lang:
            return not lang.lower().startswith(language)
    return False


def segments(html, language):
    """The pieces of text a reader of this page meets, in document order, without duplicates."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for island, keys in JSON_ISLANDS.items():
        script = soup.find("script", id=island)
        if script and script.string:
            found.extend(_strings_in(json.loads(script.string), set(keys)))
    for tag in soup.find_all(HIDDEN_TAGS):
        tag.decompose()
    for node in soup.find_all(string=True):
        if isinstance(node, (Comment, Doctype)) or not isinstance(node, NavigableString):
            continue
        if not _in_another_language(node.parent, language):
            found.append(str(node))
    for element in soup.find_all(True):
        if _in_another_language(element, language):
            continue
        for attribute in TEXT_ATTRIBUTES:
            if element.get(attribute):
                found.append(element[attribute])
        if element.name == "input" and element.get("type") in ("submit", "button", "reset"):
            found.append(element.get("value", ""))
    unique = {}
    for text in found:
        text = _normalise(text)
        if text:
            unique.setdefault(text, None)
    return list(unique)


def _without_data(text, data_values):
    for value in data_values:
        if value in text:
            # Whole values only: "Lan" is not masked inside "Language", nor "digital" inside
            # an address digital@example.org.
            text = re.sub(rf"(?<![\w@/.-]){re.escape(value)}(?![\w@/])", " ", text)
    for pattern in DATA_PATTERNS:
        text = pattern.sub(" ", text)
    return text


def english_words(text, data_values=()):
    """The English words left in a piece of text once data is taken out."""
    words = WORD.findall(_without_data(text, data_values))
    return [
        word
        for word in words
        if word.isascii() and len(word) > 1 and word not in SAME_IN_EVERY_LANGUAGE
    ]


def _first_word(text):
    match = re.search(r"\w+", text)
    return match.group(0) if match else None


def _pairs(text):
    """Adjacent pairs of plain ASCII words, lower-cased."""
    tokens = [token.strip(".,:;!?()[]\"'“”‘’") for token in text.split()]
    return {
        (first.lower(), second.lower())
        for first, second in zip(tokens, tokens[1:], strict=False)
        if first.isascii() and second.isascii() and first.isalpha() and second.isalpha()
    }


def english_leftovers(translated_html, english_html, language, data_values):
    """Text of the translated page that is still English, data aside.

    A segment is a leftover when it reads exactly as on the English page; in Arabic, when any
    Latin word is left in it; in Vietnamese, which also writes with Latin letters, when two
    words in a row also stand side by side on the English page ("The hợp tác xã could not be
    saved" is half-translated).

    `data_values` are strings known to be data (stored names, titles, addresses…); only those
    that occur on the page are used, longest first, so that a name is masked before its parts.
    """
    english_segments = segments(english_html, "en")
    english = set(english_segments)
    translated = segments(translated_html, language)
    joined = "\n".join(translated + english_segments)
    words_on_page = set(re.findall(r"\w+", joined))
    values = {_normalise(value) for value in data_values}
    on_page = sorted(
        (
            value
            for value in values
            if value and _first_word(value) in words_on_page and value in joined
        ),
        key=len,
        reverse=True,
    )
    english_pairs = set().union(
        *(_pairs(_without_data(text, on_page)) for text in english_segments)
    )
    leftovers = []
    for text in translated:
        words = english_words(text, on_page)
        if not words:
            continue
        if (
            text in english
            or language == "ar"
            or (
                _pairs(" ".join(words)) & english_pairs
                and _pairs(_without_data(text, on_page)) & english_pairs
            )
        ):
            leftovers.append(text)
    return leftovers
