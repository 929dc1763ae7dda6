"""The document around a paper's body: the house style (A4, Arial, heading colours) when no
reference document is given, the heading styles a reference document may lack, and the page
header (reference, meeting) and footer ("Page N of M")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips
from docx.styles.style import ParagraphStyle

if TYPE_CHECKING:
    from tracker.papers.word import WordPage

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

_STYLE_NAMES = ("Heading 1", "Heading 2", "Heading 3", "Heading 4", "Heading 5", "Heading 6",
                "List Bullet", "List Number", "Quote")  # fmt: skip
_HEADING_LOOK = {1: (19, "1D4F91"), 2: (14, "1D4F91"), 3: (12, "1B1B1B"), 4: (11, "1B1B1B"),
                 5: (10.5, "1B1B1B"), 6: (10.5, "1B1B1B")}  # fmt: skip


def house_style(document: Document) -> None:
    """A4, the printable page's margins, Arial and its heading colours."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(18), Mm(20)
        section.left_margin = section.right_margin = Mm(16)
        section.header_distance = section.footer_distance = Mm(8)
    for style in document.styles:
        if not isinstance(style, ParagraphStyle):
            continue
        font = style.font
        rfonts = style.element.rPr.rFonts if style.element.rPr is not None else None
        if rfonts is not None:  # the theme's fonts would win over the named one
            for key in list(rfonts.attrib):
                if key.endswith("Theme"):
                    del rfonts.attrib[key]
        font.name = "Arial"
        name = style.name or ""
        if name == "Normal":
            font.size = Pt(10.5)
        elif name.startswith("Heading ") and name[8:].isdigit():
            size, colour = _HEADING_LOOK.get(int(name[8:]), (10.5, "1B1B1B"))
            font.size, font.color.rgb, font.bold = Pt(size), RGBColor.from_string(colour), True


def styles_of(document: Document) -> dict[str, str | None]:
    """The style ids of the styles a paper uses, by name. A reference document made in Word may
    hold the heading styles only as latent styles: they are added, so headings stay headings."""
    found: dict[str, str | None] = {}
    for name in _STYLE_NAMES:
        try:
            found[name] = document.styles[name].style_id
        except KeyError:
            if not name.startswith("Heading"):
                found[name] = None
                continue
            style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            assert isinstance(style, ParagraphStyle)
            style.base_style = document.styles["Normal"]
            size, colour = _HEADING_LOOK[int(name[8:])]
            style.font.size, style.font.bold = Pt(size), True
            style.font.color.rgb = RGBColor.from_string(colour)
            style.paragraph_format.keep_with_next = True
            style.paragraph_format.space_before = Pt(10)
            found[name] = style.style_id
    return found


_FIELD = (
    '<w:r xmlns:w="{ns}"><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r xmlns:w="{ns}"><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
    '<w:r xmlns:w="{ns}"><w:fldChar w:fldCharType="separate"/></w:r>'
    '<w:r xmlns:w="{ns}"><w:t>1</w:t></w:r>'
    '<w:r xmlns:w="{ns}"><w:fldChar w:fldCharType="end"/></w:r>'
)


def header_footer(document: Document, page: WordPage, width: int) -> None:
    """The report reference and the meeting in the page header; "Page N of M" in the footer.
    A reference document's own header (a logo, say) stays above them."""
    for section in document.sections:
        header = section.header
        header.is_linked_to_previous = False
        first = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        line = (
            first
            if not first.text.strip() and not first._p.xpath(".//w:drawing")
            else header.add_paragraph()
        )
        tabs = line.paragraph_format.tab_stops
        for stop in (4513, 4680, 9026, 9360):  # the Header style's own centre and right stops
            tabs.add_tab_stop(Twips(stop), WD_TAB_ALIGNMENT.CLEAR)
        tabs.add_tab_stop(Twips(width), WD_TAB_ALIGNMENT.RIGHT)
        ref = line.add_run(page.reference)
        ref.bold = True
        ref.font.size = Pt(8.5)
        meeting = line.add_run(f"\t{page.meeting}")
        meeting.font.size = Pt(8.5)
        footer = section.footer
        footer.is_linked_to_previous = False
        foot = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        if foot.text.strip():
            foot = footer.add_paragraph()
        foot.alignment = 1  # centre
        for text, code in (("Page ", "PAGE"), (" of ", "NUMPAGES")):
            run = foot.add_run(text)
            run.font.size = Pt(8.5)
            for element in parse_xml(
                f'<w:p xmlns:w="{W_NS}">' + _FIELD.format(ns=W_NS, code=code) + "</w:p>"
            ):
                foot._p.append(element)
        for r in foot._p.findall(qn("w:r")):
            rpr = r.find(qn("w:rPr"))
            if rpr is None:
                r.insert(0, parse_xml(f'<w:rPr xmlns:w="{W_NS}"><w:sz w:val="17"/></w:rPr>'))
