"""Minutes saved as HTML ("Save page as" from a council website) read as text.

Block elements start new lines, table cells are joined with " | " (the segmenter reads such
rows), list items get a bullet, <script>/<style> are dropped and character references decoded.
Standard library only (`html.parser`).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HTML_RE = re.compile(
    r"<!doctype\s+html|<html[\s>]|<body[\s>]|<(?:p|div|table|tr|td|li|br|h[1-6]|span)\b[^>]*>",
    re.I,
)
_BLOCK = {
    "p", "div", "br", "tr", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "header", "footer", "blockquote", "pre", "hr", "dl", "dt", "dd", "thead",
    "tbody", "caption", "title",
}  # fmt: skip
_SKIP = {"script", "style", "noscript", "template", "head"}


def looks_like_html(text: str) -> bool:
    """Does the text carry HTML markup (at least three tags of the kinds pages use)?"""
    head = text[:20000]
    return len(_HTML_RE.findall(head)) >= 3


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.cells = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag in ("td", "th"):
            if self.cells:
                self.out.append(" | ")
            self.cells += 1
        elif tag == "li":
            self.out.append("\n\u2022 ")
        elif tag in _BLOCK:
            self.out.append("\n")
            if tag == "tr":
                self.cells = 0

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK or tag == "li":
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(data.replace("\n", " ").replace("\r", " "))


def html_to_text(text: str) -> str:
    parser = _Text()
    parser.feed(text)
    parser.close()
    lines = [re.sub(r"[ \t]+", " ", ln).strip() for ln in "".join(parser.out).split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip() + "\n"
