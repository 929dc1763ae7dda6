"""Board papers: list the templates (bundled and the user's), build a paper's context in one read
transaction (the pieces in papers/ take its session), render it (Markdown, or a printable HTML
page) and write it atomically.

The context of each kind is documented in board_reports/README.md (types: papers/data/).
A template names its kind in its header (`paper: highlight`); a bundled template's name is its
kind. Rendering happens in memory first: a broken template or a refusal leaves no file.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.config import Settings
from tracker.errors import InvalidInput, NotFound, Problem, invalid
from tracker.files import write_bytes, write_text
from tracker.papers import FORMATS, TemplateFile, TemplateProblem, TemplateSet, render
from tracker.papers.limits import Limits
from tracker.services.context import Tracker
from tracker.services.papers.data import KINDS, TITLES, PaperContext
from tracker.services.papers.word import check_reference, word_paper
from tracker.services.plain_sql import Reader, SessionReader

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tracker.plans.document import Report  # not imported at run time: it loads the plans
    from tracker.services.papers.context import Frame


def quiet(_phase: str, _done: int, _total: int | None) -> None:
    """The progress report that tells nobody (tracker.plans.document.quiet, without importing
    the plan machinery into every paper command)."""


# the kinds whose context is read in plain SQL: a public one is read without SQLAlchemy
PLAIN_KINDS = ("highlight", "exception", "matters-arising", "outcomes", "cover")
PAPER_FORMATS = (*FORMATS, "docx")  # a Word document is built from the HTML body
APPENDIX_ORDER = ("highlight", "exception", "matters-arising", "outcomes")
STEPS = 3  # a paper's progress: reading the figures, rendering, writing


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    kind: str | None  # the context it gets; None: it does not say (cannot be rendered)
    title: str
    format: str  # md | html: what the template writes
    source: str  # bundled | user
    path: str
    overrides: str | None  # the bundled template a user template replaces
    about: str | None

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name, "kind": self.kind, "title": self.title, "format": self.format,
            "source": self.source, "path": self.path, "overrides": self.overrides,
            "about": self.about,
        }  # fmt: skip


@dataclass(frozen=True)
class RenderedPaper:
    path: str | None  # where it was written (None: previewed only)
    template: str
    kind: str
    board: str  # code
    board_name: str
    format: str
    date: dt.date  # the meeting's date, else the as-of date
    as_of: dt.date
    meeting: dt.date | None
    filename: str  # the conventional name, e.g. 2026-03-10-supporting-families-board-highlight.md
    text: str  # "" for a Word document
    data: bytes = b""  # a Word document's bytes


def template_set(t: Tracker) -> TemplateSet:
    limits = Limits(t.settings.paper_time_limit, t.settings.paper_size_limit)
    return TemplateSet(_user_folder(t.settings), limits=limits)


def _user_folder(settings: Settings) -> Path | None:
    """papers.templates: a folder (a missing one simply adds no templates), never a file."""
    folder = settings.templates
    if folder is not None and folder.exists() and not folder.is_dir():
        raise InvalidInput(Problem(
            "papers.templates", f"{folder} is a file, not a folder",
            "a folder of paper templates (or leave the setting out)",
        ))  # fmt: skip
    return folder


def _not_utf8(item: TemplateFile) -> InvalidInput | None:
    try:
        item.path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        line = exc.object[: exc.start].count(b"\n") + 1
        return InvalidInput(Problem(
            field="template", file=item.filename, line=line,
            message=f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x}); save it as UTF-8",
        ))  # fmt: skip
    except OSError:
        return None  # rendering names a file that cannot be read
    return None


def _kind(item: TemplateFile) -> str | None:
    if item.kind:
        return item.kind
    return item.name if item.name in KINDS else None


def _info(item: TemplateFile) -> TemplateInfo:
    kind = _kind(item)
    return TemplateInfo(
        name=item.name, kind=kind, title=item.title or TITLES.get(kind or "", item.name),
        format=item.format, source=item.source, path=str(item.path),
        overrides=str(item.overrides) if item.overrides else None, about=item.about,
    )  # fmt: skip


def list_templates(t: Tracker | Settings) -> tuple[TemplateInfo, ...]:
    """Every paper template by name; a user template shadows the bundled one of its name.
    Needs only the settings (no database): `tracker paper list` works before `tracker init`."""
    settings = t.settings if isinstance(t, Tracker) else t
    return tuple(_info(item) for item in TemplateSet(_user_folder(settings)).list())


def _problem(exc: TemplateProblem) -> InvalidInput:
    message = exc.message
    if exc.included_from:
        message += f" (included from {exc.included_from[0]} line {exc.included_from[1]})"
    return InvalidInput(Problem(field="template", message=message, file=exc.template,
                                line=exc.line))  # fmt: skip


def _find(templates: TemplateSet, name: str) -> tuple[TemplateFile, str]:
    try:
        item = templates.find(name)
    except TemplateProblem as exc:
        raise NotFound(exc.message) from None
    kind = _kind(item)
    if wrong := _not_utf8(item):  # before its header is read (or Jinja fails on it)
        raise wrong
    if kind is None:
        raise InvalidInput(Problem(
            field="template", file=item.filename, line=1,
            message="does not say which paper it is: start it with a comment "
                    "`{# paper: KIND #}`", allowed=", ".join(KINDS),
        ))  # fmt: skip
    if kind not in KINDS:
        raise InvalidInput(Problem(field="template", file=item.filename, line=1,
                                   message=f"unknown paper kind {kind!r}",
                                   allowed=", ".join(KINDS)))  # fmt: skip
    return item, kind


def build_context(
    t: Tracker, template: str, board: str, *, meeting: dt.date | None = None,
    as_of: dt.date | None = None, fmt: str = "md", appendix: bool = False,
    confidential: bool = False,
) -> PaperContext:  # fmt: skip
    """The context a template of this name gets (for previews, tests and template authors)."""
    return _context(t, template_set(t), template, board, meeting, as_of, fmt, appendix,
                    confidential)[1]  # fmt: skip


def _context(
    t: Tracker, templates: TemplateSet, template: str, board: str, meeting: dt.date | None,
    as_of: dt.date | None, fmt: str, appendix: bool = False, confidential: bool = False,
) -> tuple[TemplateFile, PaperContext]:  # fmt: skip
    item, kind, others = prepare(templates, template, fmt)
    # one transaction: every figure in the paper comes from the same snapshot
    if kind in PLAIN_KINDS and not confidential:  # read without SQLAlchemy
        with t.reading_sql() as reader:
            return item, plain_context(reader, t, item, kind, board, meeting, as_of, fmt,
                                       appendix, others)  # fmt: skip
    with t.db.reading() as s:
        return item, context_in(s, t, item, kind, others, board, meeting, as_of, fmt, appendix,
                                confidential)  # fmt: skip


def prepare(
    templates: TemplateSet, template: str, fmt: str
) -> tuple[TemplateFile, str, list[tuple[str, str, str]]]:
    """The template, its kind and (for a cover) the appendices it lists; checked, no database."""
    if fmt not in FORMATS:
        raise invalid("format", f"unknown format {fmt!r}", ", ".join(PAPER_FORMATS))
    item, kind = _find(templates, template)
    if item.format == "html" and fmt != "html":
        raise invalid("format", f"{item.filename} writes HTML: render it as html", "html")
    others = []
    if kind == "cover":
        for other in APPENDIX_ORDER:
            try:
                found = templates.find(other)
            except TemplateProblem:
                continue
            if _kind(found) == other and (found.format == "md" or fmt == "html"):
                others.append((found.name, other, found.title or TITLES[other]))
    return item, kind, others


def plain_context(
    reader: Reader, t: Tracker, item: TemplateFile, kind: str, board: str,
    meeting: dt.date | None, as_of: dt.date | None, fmt: str, appendix: bool,
    others: list[tuple[str, str, str]] | None = None,
) -> PaperContext:  # fmt: skip
    """A public paper of a kind read in plain SQL alone (PLAIN_KINDS), exempt items withheld."""
    from tracker.services.papers import context as paper_context
    from tracker.services.papers.exempt import exempt_read, redact

    fr = paper_context.frame(
        reader, today=t.today(), kind=kind, template=item.name,
        title=item.title or TITLES[kind], fmt=fmt, board=board, meeting=meeting, as_of=as_of,
    )  # fmt: skip
    return redact(plain_kind(reader, fr, kind, others or [], appendix), exempt_read(reader))


def plain_kind(
    reader: Reader, fr: Frame, kind: str, others: list[tuple[str, str, str]], appendix: bool
) -> PaperContext:
    """The context of a kind in PLAIN_KINDS, on any reader (sqlite3, psycopg or a session)."""
    if kind == "highlight":
        from tracker.services.papers.highlight import highlight

        return highlight(reader, fr, appendix)
    if kind == "cover":
        from tracker.services.papers.committee import cover

        return cover(reader, fr, others)
    if kind == "outcomes":
        from tracker.services.papers.outcomes import outcomes

        return outcomes(reader, fr)
    if kind == "matters-arising":
        from tracker.services.papers.matters import matters

        return matters(reader, fr)
    from tracker.services.papers.board import exception

    return exception(reader, fr)


def context_in(
    s: Session, t: Tracker, item: TemplateFile, kind: str, others: list[tuple[str, str, str]],
    board: str, meeting: dt.date | None, as_of: dt.date | None, fmt: str, appendix: bool,
    confidential: bool = False,
) -> PaperContext:  # fmt: skip
    """A paper's context, read in the caller's session. A public paper (not `confidential`)
    shows each exempt item as "exempt item (paragraph N)"."""
    from tracker.services.accounts.permissions import require
    from tracker.services.papers import context as paper_context
    from tracker.services.papers.exempt import exempt_in, redact

    reader = SessionReader(s)
    if kind in PLAIN_KINDS and not confidential:
        return plain_context(reader, t, item, kind, board, meeting, as_of, fmt, appendix, others)
    if confidential:  # exempt items in full: only for those the board's business is for
        require(t, s, "read exempt items", board=board)
    fr = paper_context.frame(
        reader, today=t.today(), kind=kind, template=item.name,
        title=item.title or TITLES[kind], fmt=fmt, board=board, meeting=meeting, as_of=as_of,
    )  # fmt: skip
    ctx: PaperContext
    if kind in PLAIN_KINDS:
        ctx = plain_kind(reader, fr, kind, others, appendix)
    else:  # the draft minutes (prepare refused any unknown kind)
        from tracker.services.papers import minutes as paper_minutes

        ctx = paper_minutes.minutes(s, fr)
    if not confidential:
        ctx = redact(ctx, exempt_in(s))
    return ctx


def filename(date: dt.date, board: str, template: str, fmt: str) -> str:
    """The conventional name: 2026-03-10-supporting-families-board-highlight.md"""
    return f"{date.isoformat()}-{board}-{template}.{fmt}"


def preview_paper(
    t: Tracker, template: str, board: str, meeting: dt.date | None = None,
    as_of: dt.date | None = None, fmt: str = "md", appendix: bool = False,
    confidential: bool = False, progress: Report = quiet,
) -> RenderedPaper:  # fmt: skip
    """The paper's text (or a Word document's bytes), written nowhere. `appendix`: a highlight
    report ends with the full register of the actions it counts. A paper is public (exempt
    items withheld) unless `confidential`: then its file name ends "-confidential".
    `progress`: told each step (reading the figures, rendering)."""
    paper = _rendered(t, template, board, meeting, as_of, fmt, appendix, confidential,
                      progress)[0]  # fmt: skip
    progress("done", STEPS, STEPS)
    return paper


def _rendered(
    t: Tracker, template: str, board: str, meeting: dt.date | None = None,
    as_of: dt.date | None = None, fmt: str = "md", appendix: bool = False,
    confidential: bool = False, progress: Report = quiet,
) -> tuple[RenderedPaper, PaperContext]:  # fmt: skip
    """The paper and the context it was rendered from."""
    templates = template_set(t)
    word = fmt == "docx"
    if word:
        check_reference(t.settings)
    progress("reading the figures", 0, STEPS)
    item, ctx = _context(t, templates, template, board, meeting, as_of, "html" if word else fmt,
                         appendix, confidential)  # fmt: skip
    progress(f"rendering {fmt}", 1, STEPS)
    return paper_text(templates, item, ctx, fmt, confidential=confidential, t=t), ctx


def paper_text(
    templates: TemplateSet, item: TemplateFile, ctx: PaperContext, fmt: str, *,
    confidential: bool = False, t: Tracker | None = None,
) -> RenderedPaper:  # fmt: skip
    """A context rendered through its template, in memory (a Word paper needs `t`, for the
    council's reference document)."""
    word = fmt == "docx"
    p = ctx.paper
    title = f"{p.title}: {ctx.board.name}, {p.date.day} {p.date:%b %Y}"
    data = b""
    try:
        if word:
            if t is None:
                raise invalid("format", "a Word paper is rendered by preview_paper", "md, html")
            text = ""
            data = word_paper(t.settings, templates, item, ctx, title)
        else:
            text = render(templates, item, ctx.variables(), fmt, title)
    except TemplateProblem as exc:
        raise _problem(exc) from None
    return RenderedPaper(
        path=None, template=item.name, kind=p.kind, board=ctx.board.code,
        board_name=ctx.board.name, format=fmt, date=p.date, as_of=p.as_of,
        meeting=ctx.meeting.date if ctx.meeting else None,
        filename=filename(p.date, ctx.board.code,
                          item.name + ("-confidential" if confidential else ""), fmt),
        text=text, data=data,
    )  # fmt: skip


def render_paper(
    t: Tracker, template: str, board: str, meeting: dt.date | None = None,
    as_of: dt.date | None = None, fmt: str = "md", out: str | os.PathLike[str] | None = None,
    appendix: bool = False,
    confidential: bool = False,
    progress: Report = quiet,
) -> RenderedPaper:  # fmt: skip
    """Render and write a paper. `out`: a file, or a folder for the conventional name
    (default: the output folder from tracker.toml, created if missing). Written to a temporary
    file beside the target and renamed over it: never half-written. `progress`: told each
    step (reading the figures, rendering, writing)."""
    paper, ctx = _rendered(t, template, board, meeting, as_of, fmt, appendix, confidential,
                           progress)  # fmt: skip
    progress("writing", 2, STEPS)
    if out is None:
        folder = Path(t.settings.output)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise invalid("papers.output", f"cannot create {folder}: {exc.strerror}") from None
        target = folder / paper.filename
    else:
        target = Path(out)
        if target.is_dir():
            target = target / paper.filename
        elif not target.parent.is_dir():
            raise invalid("file", f"the folder {target.parent} does not exist")
    if paper.format == "docx":
        write_bytes(target, paper.data, field="paper file")
    else:
        write_text(target, paper.text, field="paper file")
    _write_charts(ctx, target.parent)
    progress("done", STEPS, STEPS)
    return RenderedPaper(**{**paper.__dict__, "path": str(target)})


def _write_charts(ctx: PaperContext, folder: Path) -> None:
    """The outcomes paper's trend charts (SVG), beside it: the files its images name."""
    if ctx.paper.kind != "outcomes":  # (the outcomes' types are not loaded for other papers)
        return
    from tracker.services.papers.data.outcomes import OutcomesContext

    assert isinstance(ctx, OutcomesContext)
    from tracker.papers.charts import trend_svg

    for group in ctx.outcomes:
        for i in group.indicators:
            if i.chart:
                svg = trend_svg(i.name, i.points, unit=i.unit, target=i.target_value,
                                target_max=i.target_max)  # fmt: skip
                write_text(folder / i.chart, svg, field="chart file")
