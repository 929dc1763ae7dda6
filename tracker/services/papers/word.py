"""A paper as a Word document: the HTML body its template renders, laid out on the council's
reference document (papers.docx_reference: fonts, logo, margins) when one is set, with the
meeting and the report's reference in the page header (tracker.papers.word builds it)."""

from __future__ import annotations

import datetime as dt

from tracker.config import Settings
from tracker.errors import invalid
from tracker.papers import TemplateFile, TemplateSet, render_body
from tracker.services.papers.data import PaperContext
from tracker.text import control_pictures

REFERENCE_ALLOWED = "a Word document (.docx) to take fonts, logo and margins from"


def check_reference(settings: Settings) -> None:
    """Refused before any reading: a reference document set but not there."""
    reference = settings.docx_reference
    if reference is not None and not reference.is_file():
        raise invalid("papers.docx_reference", f"{reference} is not a file", REFERENCE_ALLOWED)


def report_reference(board: str, date: dt.date, template: str) -> str:
    """The paper's reference, in a Word paper's page header: SFB/2026-03-10/highlight."""
    initials = "".join(w[0] for w in board.replace("_", "-").split("-") if w).upper()
    return f"{initials or board}/{date.isoformat()}/{template}"


def word_paper(
    settings: Settings, templates: TemplateSet, item: TemplateFile, ctx: PaperContext, title: str
) -> bytes:
    """The .docx bytes of a paper: its HTML body, on the council's reference document if set."""
    from tracker.papers.word import WordPage, WordProblem, word_document

    body = render_body(templates, item, ctx.variables())
    p = ctx.paper
    if ctx.meeting and ctx.meeting.date:
        when = f"{ctx.board.name}, meeting of {ctx.meeting.date.day} {ctx.meeting.date:%B %Y}"
    else:
        when = f"{ctx.board.name}, position as of {p.as_of.day} {p.as_of:%B %Y}"
    page = WordPage(
        title=control_pictures(title), reference=f"Report ref. "
        f"{report_reference(ctx.board.code, p.date, item.name)}",
        meeting=control_pictures(when), template=settings.docx_reference,
    )  # fmt: skip
    try:
        return word_document(body, page)
    except WordProblem as exc:
        raise invalid("papers.docx_reference", str(exc), REFERENCE_ALLOWED) from None
