"""Markdown to a standalone, printable HTML page (Python-Markdown: tables, table of contents)."""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

_STYLESHEET = Path(__file__).with_name("paper.css")
_HEADINGS_FOR_TOC = 4  # a short paper needs no contents list
# Reference-style links, <url> autolinks and two-space line breaks: papers use [text](url), and
# tidy() removes trailing spaces anyway.
_UNUSED_PATTERNS = (
    "reference", "image_reference", "short_reference", "short_image_ref", "autolink",
    "automail", "linebreak",
)  # fmt: skip


@lru_cache(maxsize=1)
def stylesheet() -> str:
    return _STYLESHEET.read_text(encoding="utf-8")


def markdown_to_html(text: str) -> tuple[str, str, int]:
    """(body, table of contents, number of headings) for Markdown text."""
    import markdown  # only when HTML is asked for

    converter = markdown.Markdown(
        extensions=["tables", "toc"],
        extension_configs={"toc": {"toc_depth": "2-3", "title": "Contents"}},
        output_format="html",
    )
    for name in _UNUSED_PATTERNS:  # a third of the time on a long paper, for nothing
        converter.inlinePatterns.deregister(name, strict=False)
    body = converter.convert(text)
    headings = len(re.findall(r"<h[23][ >]", body))
    return body, getattr(converter, "toc", ""), headings


def page(body: str, title: str, toc: str = "") -> str:
    """A complete HTML document around `body` (already HTML)."""
    nav = f'<nav class="contents">\n{toc}</nav>\n' if toc else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{stylesheet()}</style>\n</head>\n"
        f'<body>\n<main class="paper">\n{nav}{body}\n</main>\n</body>\n</html>\n'
    )


def markdown_page(text: str, title: str) -> str:
    """The paper's Markdown as a printable HTML page, with contents when it is long."""
    return page(move_contents(*markdown_to_html(text)), title)


def move_contents(body: str, toc: str, headings: int) -> str:
    """The body with its contents list after the title, when the paper is long enough."""
    return _move_contents_after_title(body, toc if headings >= _HEADINGS_FOR_TOC else "")


def _move_contents_after_title(body: str, toc: str) -> str:
    """The contents list goes after the front matter that precedes the first h2."""
    if not toc:
        return body
    nav = f'<nav class="contents">\n{toc}</nav>\n'
    at = body.find("<h2")
    return body[:at] + nav + body[at:] if at >= 0 else nav + body


def html_page(fragment: str, title: str) -> str:
    """An HTML template's output: wrapped in the page unless it is a whole document."""
    head = fragment.lstrip()[:15].lower()
    if head.startswith(("<!doctype", "<html")):
        return fragment
    return page(fragment, title)
