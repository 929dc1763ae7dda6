"""Papers as Word documents (`tracker paper render ... --format docx`), opened as Word opens them
(python-docx) and printed as LibreOffice prints them: the same sections as the HTML page, headings
in Word's heading styles, real tables whose header row repeats, RAG cells shaded, the report
reference and meeting in the page header, page numbers, and a council's own reference document."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from papers_helpers import ILSC, ILSC_MEETING, SFB, SFB_MEETING, run
from programs import need_program

from tracker.services.context import Tracker
from tracker.services.papers.render import preview_paper

PAPERS = [
    ("highlight", SFB, SFB_MEETING), ("exception", SFB, SFB_MEETING),
    ("matters-arising", SFB, SFB_MEETING), ("outcomes", SFB, SFB_MEETING),
    ("cover", ILSC, ILSC_MEETING),
]  # fmt: skip


def _open(path: Path) -> Document:
    return docx.Document(str(path))


def _headings(document: Document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs
            if p.style is not None and p.style.name == f"Heading {level}"]  # fmt: skip


def _html_headings(html: str, level: int) -> list[str]:
    found = re.findall(rf"<h{level}[^>]*>(.*?)</h{level}>", html, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", h)).strip().replace("&amp;", "&")
            for h in found]  # fmt: skip


@pytest.mark.parametrize(("template", "board", "meeting"), PAPERS)
def test_every_paper_has_the_html_pages_sections_as_word_headings(
    term: Tracker, tmp_path: Path, template: str, board: str, meeting: dt.date
) -> None:
    target = tmp_path / f"{template}.docx"
    result = run("paper", "render", template, "--board", board, "--meeting", str(meeting),
                 "--format", "docx", "--out", target)  # fmt: skip
    assert result.exit_code == 0, result.output
    html = preview_paper(term, template, board, meeting, fmt="html").text
    document = _open(target)
    assert _headings(document, 1) == _html_headings(html, 1)
    assert len(_headings(document, 1)) == 1  # the title once
    assert _headings(document, 2) == _html_headings(html, 2)
    assert _headings(document, 3) == _html_headings(html, 3)
    header = "\n".join(p.text for p in document.sections[0].header.paragraphs)
    assert f"/{meeting}/{template}" in header
    footer = document.sections[0].footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer


def test_highlight_tables_repeat_their_header_and_shade_rag_cells(term: Tracker) -> None:
    paper = preview_paper(term, "highlight", SFB, SFB_MEETING, fmt="docx")
    assert paper.filename == "2026-03-10-supporting-families-board-highlight.docx"
    path = Path(term.settings.output) / "p.docx"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(paper.data)
    document = _open(path)
    header = document.sections[0].header.paragraphs[0].text
    assert header == ("Report ref. SFB/2026-03-10/highlight\t"
                      "Supporting Families Board, meeting of 10 March 2026")  # fmt: skip
    off_track = next(t for t in document.tables
                     if [c.text for c in t.rows[0].cells][:4] == ["Ref", "Action", "Owner", "Due"]
                     and "Why" in [c.text for c in t.rows[0].cells])  # fmt: skip
    first = off_track.rows[0]._tr
    assert first.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    assert off_track.rows[1]._tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is None
    rag_column = [c.text for c in off_track.rows[0].cells].index("RAG")
    shading = {}
    for row in off_track.rows[1:]:
        cell = row.cells[rag_column]
        shd = cell._tc.tcPr.find(qn("w:shd"))
        shading[cell.text] = shd.get(qn("w:fill")) if shd is not None else None
    assert shading.get("Red") == "C0262D"
    facts = document.tables[0]
    assert [c.text for c in facts.rows[0].cells] == ["Board", "Supporting Families Board"]


def test_a_councils_reference_document_lends_its_margins_and_header(
    term: Tracker, settings_file: Path, tmp_path: Path
) -> None:
    reference = docx.Document()
    section = reference.sections[0]
    section.left_margin = section.right_margin = Mm(30)
    section.header.paragraphs[0].text = "Northvale Borough Council"
    reference.add_paragraph("Example body text: not part of any paper")
    reference.save(str(tmp_path / "house.docx"))
    text = settings_file.read_text(encoding="utf-8")
    settings_file.write_text(text.replace('output = "papers"',
                                          'output = "papers"\ndocx_reference = "house.docx"'),
                             encoding="utf-8")  # fmt: skip
    target = tmp_path / "h.docx"
    result = run("paper", "render", "highlight", "--board", SFB, "--meeting", "2026-03-10",
                 "--format", "docx", "--out", target)  # fmt: skip
    assert result.exit_code == 0, result.output
    document = _open(target)
    assert round((document.sections[0].left_margin or 0) / Mm(1)) == 30
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert header[0] == "Northvale Borough Council"
    assert header[1].startswith("Report ref. SFB/2026-03-10/highlight")
    assert all("Example body text" not in p.text for p in document.paragraphs)
    assert _headings(document, 2)[0] == "1. Status summary"


def test_a_reference_that_is_not_a_word_document_is_refused(
    term: Tracker, settings_file: Path, tmp_path: Path
) -> None:
    (tmp_path / "house.docx").write_text("not a zip", encoding="utf-8")
    text = settings_file.read_text(encoding="utf-8")
    settings_file.write_text(text.replace('output = "papers"',
                                          'output = "papers"\ndocx_reference = "house.docx"'),
                             encoding="utf-8")  # fmt: skip
    target = tmp_path / "h.docx"
    result = run("paper", "render", "highlight", "--board", SFB, "--format", "docx",
                 "--out", target)  # fmt: skip
    assert result.exit_code == 2
    assert "papers.docx_reference" in result.output and "not a Word document" in result.output
    assert not target.exists()


def test_libreoffice_prints_it_with_page_numbers_and_the_header_on_every_page(
    term: Tracker, tmp_path: Path
) -> None:
    soffice = need_program("soffice", "LibreOffice")
    need_program("pdftotext", "poppler-utils")
    target = tmp_path / "highlight.docx"
    result = run("paper", "render", "highlight", "--board", SFB, "--meeting", "2026-03-10",
                 "--format", "docx", "--out", target)  # fmt: skip
    assert result.exit_code == 0, result.output
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(target)],
                   check=True, capture_output=True, timeout=180)  # fmt: skip
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "highlight.pdf"), "-"],
                          check=True, capture_output=True, text=True).stdout  # fmt: skip
    pages = text.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 2
    for n, page in enumerate(pages, start=1):
        assert "Report ref. SFB/2026-03-10/highlight" in page
        assert f"Page {n} of {len(pages)}" in page
    assert "Highlight report: Supporting Families Board" in pages[0]
