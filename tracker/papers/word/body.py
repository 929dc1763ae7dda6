"""The blocks of a paper's HTML body as WordprocessingML: headings, paragraphs, lists, the
contents field, and tables sized to their content with RAG cells shaded in their colour. Built
as one XML string (adding a 10,000-row table cell by cell would take minutes)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from xml.sax.saxutils import escape

from tracker.papers.word.tree import Node

# the printable page's colours (paper.css): fill, text
RAG_COLOURS = {
    "green": ("1F7A3A", "FFFFFF"),
    "amber": ("F0A202", "1B1B1B"),
    "red": ("C0262D", "FFFFFF"),
    "complete": ("1D5FBF", "FFFFFF"),
    "cancelled": ("E4E4E4", "444444"),
    "none": ("FFFFFF", "555555"),
}
HEADER_FILL = "E9EEF5"
FACT_FILL = "F4F6FA"
BORDER = "C9C9C9"
TABLE_POINTS = 8.5
_EM = 0.62  # an average character's width, in ems (Arial 0.55; a wider substitute)
_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "table", "blockquote", "hr",
           "nav", "div", "pre"}  # fmt: skip


@dataclass(frozen=True)
class _Look:
    bold: bool = False
    italic: bool = False
    mono: bool = False
    underline: bool = False
    size: float | None = None
    colour: str | None = None
    fill: str | None = None
    highlight: bool = False


_SPACE = re.compile(r"\s+")


def _run(text: str, look: _Look) -> str:
    if not text:
        return ""
    props = []
    if look.mono:
        props.append('<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas" w:cs="Consolas"/>')
    if look.bold:
        props.append("<w:b/>")
    if look.italic:
        props.append("<w:i/>")
    if look.colour:
        props.append(f'<w:color w:val="{look.colour}"/>')
    if look.size:
        half = round(look.size * 2)
        props.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    if look.highlight:
        props.append('<w:highlight w:val="yellow"/>')
    if look.underline:
        props.append('<w:u w:val="single"/>')
    if look.fill:
        props.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{look.fill}"/>')
    rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _rag_key(node: Node) -> str | None:
    for c in node.classes():
        if c.startswith("rag-") and c[4:] in RAG_COLOURS:
            return c[4:]
    return None


def _inline(nodes: list[Node | str], look: _Look, out: list[str]) -> None:
    for n in nodes:
        if isinstance(n, str):
            out.append(_run(_SPACE.sub(" ", n), look))
            continue
        tag = n.tag
        if tag == "br":
            out.append("<w:r><w:br/></w:r>")
        elif tag in ("strong", "b", "th"):
            _inline(n.children, replace(look, bold=True), out)
        elif tag in ("em", "i"):
            _inline(n.children, replace(look, italic=True), out)
        elif tag == "code":
            _inline(n.children, replace(look, mono=True), out)
        elif tag == "a":
            _inline(n.children, replace(look, underline=True, colour="1D4F91"), out)
        elif tag == "span" and (key := _rag_key(n)):
            fill, ink = RAG_COLOURS[key]
            pad = "" if look.bold else "\u00a0"
            out.append(_run(f"{pad}{n.text().strip()}{pad}", replace(
                look, bold=True, fill=fill, colour=ink)))  # fmt: skip
        elif tag == "span" and "tbc" in n.classes():
            _inline(n.children, replace(look, italic=True, highlight=True), out)
        else:
            _inline(n.children, look, out)


def _para(runs: str, style: str | None = None, extra: str = "") -> str:
    ppr = (f'<w:pStyle w:val="{style}"/>' if style else "") + extra
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{runs}</w:p>"


def _inline_xml(node: Node, look: _Look) -> str:
    out: list[str] = []
    _inline(node.children, look, out)
    text = "".join(out)
    # the first and last runs of a block lose their outer spaces, as a browser would show them
    text = re.sub(r'(<w:t xml:space="preserve">) +', r"\1", text, count=1)
    return re.sub(r" +(</w:t></w:r>)(?!.*</w:t>)", r"\1", text, flags=re.S)


class Body:
    """Writes the blocks of a paper's HTML body as WordprocessingML paragraphs and tables."""

    def __init__(self, styles: dict[str, str | None], width: int) -> None:
        self.styles = styles
        self.width = width  # the text width, twentieths of a point
        self.parts: list[str] = []

    def blocks(self, nodes: list[Node | str]) -> None:
        for n in nodes:
            if isinstance(n, str):
                if n.strip():
                    self.parts.append(_para(_run(_SPACE.sub(" ", n.strip()), _Look())))
                continue
            self.block(n)

    def block(self, n: Node) -> None:
        tag = n.tag
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = int(tag[1])
            style = self.styles.get(f"Heading {level}")
            keep = f'<w:keepNext/><w:outlineLvl w:val="{level - 1}"/>'
            self.parts.append(_para(_inline_xml(n, _Look()), style, keep))
        elif tag == "p":
            self.parts.append(_para(_inline_xml(n, _Look())))
        elif tag in ("ul", "ol"):
            self.listing(n, numbered=tag == "ol")
        elif tag == "table":
            self.table(n)
        elif tag == "blockquote":
            style = self.styles.get("Quote")
            for p in n.elements() or [n]:
                look = _Look(italic=style is None)
                self.parts.append(_para(_inline_xml(p, look), style,
                                        "" if style else '<w:ind w:left="567"/>'))  # fmt: skip
        elif tag == "nav":
            self.contents(n)
        elif tag in ("hr", "head", "title", "style", "script", "meta"):
            return  # a whole HTML document's head is not the paper's text
        elif tag == "pre":
            for line in n.text().splitlines():
                self.parts.append(_para(_run(line, _Look(mono=True, size=9))))
        elif any(isinstance(c, Node) and c.tag in _BLOCKS for c in n.children):
            self.blocks(n.children)
        else:
            self.parts.append(_para(_inline_xml(n, _Look())))

    def listing(self, n: Node, numbered: bool, depth: int = 0) -> None:
        style = self.styles.get("List Number" if numbered else "List Bullet")
        for i, item in enumerate(n.elements("li"), start=1):
            inline = Node("li", children=[c for c in item.children
                                          if not (isinstance(c, Node) and c.tag in ("ul", "ol"))])  # fmt: skip
            runs = _inline_xml(inline, _Look())
            if style and depth == 0:
                self.parts.append(_para(runs, style))
            else:
                mark = f"{i}." if numbered else "\u2022"
                indent = 360 * (depth + 1)
                self.parts.append(_para(_run(f"{mark}\t", _Look()) + runs, None,
                                        f'<w:ind w:left="{indent}" w:hanging="360"/>'))  # fmt: skip
            for sub in item.elements("ul", "ol"):
                self.listing(sub, numbered=sub.tag == "ol", depth=depth + 1)

    def contents(self, nav: Node) -> None:
        """The contents list as a Word table-of-contents field: Word shows these entries (the
        field's last result) and brings them up to date with the page numbers on F9."""
        entries: list[tuple[int, str]] = []

        def walk(ul: Node, depth: int) -> None:
            for li in ul.elements("li"):
                link = li.elements("a")
                entries.append((depth, (link[0] if link else li).text().strip()))
                for sub in li.elements("ul"):
                    walk(sub, depth + 1)

        for ul in nav.elements("ul"):
            walk(ul, 0)
        if not entries:
            return
        self.parts.append(_para(_run("Contents", _Look(bold=True))))
        begin = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                 '<w:r><w:instrText xml:space="preserve"> TOC \\o "2-3" \\h \\z \\u </w:instrText></w:r>'
                 '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')  # fmt: skip
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        for i, (depth, text) in enumerate(entries):
            runs = (begin if i == 0 else "") + _run(text, _Look(size=9.5))
            runs += end if i == len(entries) - 1 else ""
            self.parts.append(_para(runs, None, f'<w:ind w:left="{283 * (depth + 1)}"/>'))

    def table(self, n: Node) -> None:
        head: list[Node] = []
        rows: list[Node] = []
        for part in n.elements():
            if part.tag == "thead":
                head += part.elements("tr")
            elif part.tag == "tbody":
                rows += part.elements("tr")
            elif part.tag == "tr":
                rows.append(part)
        if not head and rows and all(c.tag == "th" for c in rows[0].elements("td", "th")):
            head, rows = rows[:1], rows[1:]
        # a two-column table with an empty header row is a list of facts (the front sheet)
        facts = bool(head) and not any(c.text().strip() for c in head[0].elements("th", "td"))
        if facts:
            head = []
        grid = [r.elements("td", "th") for r in head + rows]
        columns = max((len(r) for r in grid), default=0)
        if not columns:
            return
        widths, points = self.widths(grid, columns, facts, len(head))
        border = "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{BORDER}"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        out = [
            "<w:tbl><w:tblPr>"
            f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f"<w:tblBorders>{border}</w:tblBorders>"
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:left w:w="70" w:type="dxa"/><w:right w:w="70" w:type="dxa"/>'
            "</w:tblCellMar>"
            '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>'
            + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
            + "</w:tblGrid>"
        ]
        for r in head:
            out.append(self.row(r, widths, points, header=True, facts=False))
        for r in rows:
            out.append(self.row(r, widths, points, header=False, facts=facts))
        out.append("</w:tbl>")
        self.parts.append("".join(out))
        self.parts.append(_para("", None, '<w:spacing w:after="0"/>'))  # Word needs a gap

    def widths(
        self, grid: list[list[Node]], columns: int, facts: bool, header: int
    ) -> tuple[list[int], float]:
        """Column widths that suit the content, and the table's font size: no column narrower
        than its longest word (so words never break mid-word), the rest shared by text length.
        A table too wide for the page at 8.5pt is set smaller (down to 7pt) before it squeezes."""
        least = [1.0] * columns  # characters
        want = [1.0] * columns
        for r, row in enumerate(grid[:400]):  # a sample is enough to see a column's shape
            bold = 1.15 if r < header else 1.0  # bold is wider
            for i, cell in enumerate(row[:columns]):
                text = cell.text().strip()
                if r >= header and any(_rag_key(c) for c in cell.elements("span")):
                    text += "  "  # a RAG cell is bold, and its pill padded
                longest = max((len(w) for w in text.split()), default=1)
                longest += 2 if text.endswith("  ") else 0
                least[i] = max(least[i], min(longest, 20) * bold)
                want[i] = max(want[i], min(len(text), 90) * bold)
        pad = 200  # the cell's margins, twentieths of a point
        points = TABLE_POINTS
        while points > 7 and sum(x * points * 20 * _EM + pad for x in least) > self.width:
            points -= 0.5
        char = points * 20 * _EM
        if facts and columns == 2:
            least[0] = want[0] = self.width * 0.28 / char
        floor = [max(x * char + pad, 450.0) for x in least]
        total = sum(floor)
        if total >= self.width:
            return [int(x * self.width / total) for x in floor], points
        spare = self.width - total
        extra = [max(w * char + pad - f, 0.0) for w, f in zip(want, floor, strict=True)]
        share = sum(extra) or 1.0
        give = min(spare, sum(extra))
        widths = [int(f + give * e / share) for f, e in zip(floor, extra, strict=True)]
        if sum(widths) < self.width:  # fill the page: the spare goes to the widest columns
            gap = self.width - sum(widths)
            weight = sum(widths)
            widths = [w + int(gap * w / weight) for w in widths]
        return widths, points

    def row(self, r: Node, widths: list[int], points: float, header: bool, facts: bool) -> str:
        props = "<w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if header else "") + "</w:trPr>"
        cells = []
        for i, cell in enumerate(r.elements("td", "th")[: len(widths)]):
            fill = HEADER_FILL if header else (FACT_FILL if facts and i == 0 else None)
            look = _Look(size=points, bold=header or (facts and i == 0))
            rags = [c for c in cell.elements("span") if _rag_key(c)]
            loose = "".join(c for c in cell.children if isinstance(c, str)).strip()
            if not header and len(rags) == 1 and not loose and len(cell.elements()) == 1:
                fill, ink = RAG_COLOURS[_rag_key(rags[0]) or "none"]
                runs = _run(rags[0].text().strip(), replace(look, bold=True, colour=ink))
            else:
                runs = _inline_xml(cell, look)
            align = cell.attrs.get("style", "") + " " + cell.attrs.get("align", "")
            jc = '<w:jc w:val="right"/>' if "right" in align else ""
            shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
            cells.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{widths[i]}" w:type="dxa"/>{shade}</w:tcPr>'
                f'<w:p><w:pPr><w:spacing w:before="20" w:after="20"/>{jc}</w:pPr>{runs}</w:p>'
                "</w:tc>"
            )
        for i in range(len(cells), len(widths)):
            cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{widths[i]}" w:type="dxa"/></w:tcPr>'
                         "<w:p/></w:tc>")  # fmt: skip
        return f"<w:tr>{props}{''.join(cells)}</w:tr>"
