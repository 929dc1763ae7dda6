"""A paper as a Word document (.docx), from the same HTML body the printable page shows.

The HTML body (headings, paragraphs, lists, tables, RAG pills) is walked once and written as
WordprocessingML: headings in Word's heading styles (the navigation pane and a table of contents
use them), real tables whose header row repeats on every page, RAG cells shaded in their colour,
the report reference and meeting in the page header, and "Page N of M" in the footer. A council's
own reference .docx (fonts, logo, margins) is the starting document when one is given.

python-docx opens the document and resolves style names; the body itself is built as one XML
string and parsed once (adding a 10,000-row table cell by cell would take minutes).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from tracker.papers.word.body import Body
from tracker.papers.word.page import W_NS, header_footer, house_style, styles_of
from tracker.papers.word.tree import parse_html


class WordProblem(Exception):
    """The reference document cannot be used."""


@dataclass(frozen=True)
class WordPage:
    title: str  # the document's title (its properties)
    reference: str  # the report reference, in the page header
    meeting: str  # the board and meeting, in the page header
    template: Path | None = None  # the council's reference .docx


_EMU_PER_TWIP = 635


def word_document(body: str, page: WordPage) -> bytes:
    """The .docx bytes of a paper whose HTML body is `body`."""
    document = _open(page.template)
    if page.template is None:
        house_style(document)
    styles = styles_of(document)
    section = document.sections[0]
    usable = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
    width = max(int(usable) // _EMU_PER_TWIP, 4000)
    root = document.element.body
    for child in list(root):  # a reference document lends its styles, not its text
        if child.tag != qn("w:sectPr"):
            root.remove(child)
    writer = Body(styles, width)
    writer.blocks(parse_html(body).children)
    parsed = parse_xml(f'<w:body xmlns:w="{W_NS}">{"".join(writer.parts)}</w:body>')
    end = root.find(qn("w:sectPr"))
    for child in list(parsed):
        if end is not None:
            end.addprevious(child)
        else:
            root.append(child)
    header_footer(document, page, width)
    document.core_properties.title = page.title
    document.core_properties.subject = page.meeting
    document.core_properties.identifier = page.reference
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _open(template: Path | None) -> Document:
    if template is None:
        return docx.Document()
    try:
        return docx.Document(str(template))
    except (OSError, PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise WordProblem(
            f"{template} is not a Word document (.docx) that can be read: {exc}"
        ) from None
