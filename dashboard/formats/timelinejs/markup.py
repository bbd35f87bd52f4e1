"""HTML in a TimelineJS slide (TimelineJS renders headline, text and credits as HTML) as plain text,
with the links it held beside the words; and which link targets are worth keeping."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser


class _Text(HTMLParser):
    _BLOCK = {
        "p",
        "br",
        "div",
        "li",
        "ul",
        "ol",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "section",
        "article",
        "figure",
        "figcaption",
        "cite",
        "hr",
    }
    _DROP = {"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[tuple[str, str]] = []  # (words, target)
        self.dropped: set[str] = set()
        self.tags = 0
        self._skip = 0
        self._href: list[str | None] = []
        self._link_words: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags += 1
        if tag in self._DROP:
            self._skip += 1
            self.dropped.add(tag)
            return
        if tag in self._BLOCK:
            self.parts.append(" ")
        if tag == "a":
            self._href.append(dict(attrs).get("href"))
            self._link_words = []
        if tag == "img":
            alt = (dict(attrs).get("alt") or "").strip()
            if alt:
                self.parts.append(alt)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in self._DROP:
            self._skip -= 1

    def handle_endtag(self, tag):
        if tag in self._DROP:
            self._skip = max(0, self._skip - 1)
            return
        if tag in self._BLOCK:
            self.parts.append(" ")
        if tag == "a" and self._href:
            href = (self._href.pop() or "").strip()
            label = " ".join("".join(self._link_words).split())
            if href:
                self.links.append((label, href))

    def handle_data(self, data):
        if self._skip:
            return
        self.parts.append(data)
        if self._href:
            self._link_words.append(data)


@dataclass(frozen=True)
class Plain:
    text: str
    links: tuple[tuple[str, str], ...]  # (words, target) of every <a href>
    dropped: tuple[str, ...]  # elements removed with their content (script, style, iframe...)
    markup: bool  # the source held tags


def plain(source) -> Plain:
    """HTML (or plain text) to plain text: tags removed, entities decoded, whitespace collapsed,
    script/style/iframe content dropped; link targets returned beside the words."""
    source = "" if source is None else str(source)
    parser = _Text()
    parser.feed(source)
    parser.close()
    text = " ".join("".join(parser.parts).split())
    return Plain(text, tuple(parser.links), tuple(sorted(parser.dropped)), parser.tags > 0)


def safe_target(href: str) -> str | None:
    """A link target worth keeping as text: web and mail addresses only (no javascript:, data:)."""
    href = href.strip()
    if re.match(r"^(https?://|mailto:)", href, re.I):
        return href
    return None
