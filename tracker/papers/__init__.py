"""Board papers: Jinja2 templates rendered in a sandbox to Markdown, and Markdown to a printable
HTML page. No database here: tracker.services.papers.render builds the context and calls `render`.

- `templates`: finding templates (the user's folder over the bundled `board_reports/`) and
  errors that name the template and line.
- `environment`: the sandboxed Jinja2 environments and their filters (imported when a template
  is first rendered: listing templates loads no Jinja2).
- `escape`: making database text literal in Markdown.
- `html`: Markdown to a standalone page with a small stylesheet (`paper.css`).
- `word`: the same HTML body as a Word document (python-docx), imported only when asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tracker.papers.templates import (
    FORMATS,
    TemplateFile,
    TemplateProblem,
    TemplateSet,
    bundled_folder,
)
from tracker.text import control_pictures


def render(
    templates: TemplateSet, template: TemplateFile, context: Mapping[str, Any], fmt: str,
    title: str,
) -> str:  # fmt: skip
    """The finished paper: Markdown, or a standalone HTML page (`title` is the page title)."""
    if fmt not in FORMATS:
        raise TemplateProblem(f"unknown format {fmt!r} (formats: {', '.join(FORMATS)})")
    if template.format == "html" and fmt != "html":
        raise TemplateProblem(
            f"{template.filename} writes HTML: render it with format html", template.filename
        )
    text = control_pictures(templates.render(template, context, fmt))  # old data: no raw controls
    if fmt == "md":
        return text
    from tracker.papers.html import html_page, markdown_page  # (only HTML needs them)

    title = control_pictures(title)
    if template.format == "html":
        return html_page(text, title)
    return markdown_page(text, title)


def render_body(templates: TemplateSet, template: TemplateFile, context: Mapping[str, Any]) -> str:
    """The paper's HTML body (no page around it), for a Word document: the same sections and
    contents list as the printable page. `context` is the HTML context (its RAG pills)."""
    text = control_pictures(templates.render(template, context, "html"))
    if template.format == "html":
        return text
    from tracker.papers.html import markdown_to_html, move_contents

    body, toc, headings = markdown_to_html(text)
    return move_contents(body, toc, headings)


__all__ = [
    "FORMATS",
    "TemplateFile",
    "TemplateProblem",
    "TemplateSet",
    "bundled_folder",
    "render",
    "render_body",
]
