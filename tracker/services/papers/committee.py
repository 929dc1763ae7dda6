"""The UK council committee cover report's context: front sheet, position, decisions asked,
earlier resolutions, matters arising, outcomes off target and the appendices. Read in plain SQL
on the paper's one read transaction: sqlite3 or psycopg alone for a public `tracker paper render
cover`, a session's `SessionReader` otherwise (render.py)."""

from __future__ import annotations

from collections.abc import Sequence

from tracker.services.committees.followup_read import arising_read
from tracker.services.committees.resolution_read import resolutions_read
from tracker.services.governance.board_read import find_board_id
from tracker.services.governance.escalation_read import involving_read
from tracker.services.governance.position import position_read
from tracker.services.papers.actions import whole_plan
from tracker.services.papers.context import Frame, escalation_item, open_on, position_of
from tracker.services.papers.data.cover import Appendix, CoverContext, FrontSheet, ResolutionItem
from tracker.services.papers.matters import followup_item
from tracker.services.papers.outcomes import groups
from tracker.services.plain_sql import Reader

BOARD_PAPERS = ("highlight", "exception")  # about a board's own actions


def cover(reader: Reader, fr: Frame, papers: Sequence[tuple[str, str, str]]) -> CoverContext:
    """The committee report: front sheet, the position (the board's, or the whole plan's for a
    committee with no actions of its own), decisions asked of it, its earlier resolutions,
    matters arising, outcomes off target and the other papers (template, kind, title) as
    appendices. A committee with no actions gets no highlight or exception report of its own:
    the accountable board's is to be attached."""
    years = fr.years
    board_id = find_board_id(reader, fr.board.code)
    pos = position_read(reader, fr.board.code, fr.position_as_of, fr.paper.today)
    position = position_of(pos, years) if pos.total else whole_plan(reader, fr, years)
    when, date = fr.paper.as_of, fr.paper.date
    decisions = tuple(
        escalation_item(e) for e in involving_read(reader, board_id)
        if e.to_board == fr.board.code and open_on(e, when)
    )  # fmt: skip
    resolutions = tuple(
        ResolutionItem(
            meeting_date=r.meeting_date,
            item_title=r.item_title,
            number=r.number,
            kind=r.kind,
            text=r.text,
            followups=r.followups,
            open_followups=r.open_followups,
        )
        for r in resolutions_read(reader, fr.paper.today, lambda p: f"board.id = {p(board_id)}")
        if r.meeting_date is None or r.meeting_date < date
    )
    arising = arising_read(reader, board_id, date, fr.paper.today)
    strategy = fr.strategy.title if fr.strategy else "the strategy"
    appendices: list[tuple[str, str, str | None]] = []
    if not pos.total:
        appendices.append(("highlight", "Highlight report of the board accountable for the plan",
                           None))  # fmt: skip
    for name, kind, title in papers:
        if pos.total or kind not in BOARD_PAPERS:
            appendices.append(
                (name, title, f"{date.isoformat()}-{fr.board.code}-{name}.{fr.paper.format}")
            )
    return CoverContext(
        **fr.common(),
        front=FrontSheet(
            committee=fr.board.name,
            date=fr.meeting.date if fr.meeting else None,
            title=f"{strategy}: delivery update",
            report_of=None,
            contact=None,
            wards=fr.board.area,
            key_decision=None,
            exempt=None,
        ),
        position=position,
        decisions=decisions,
        resolutions=resolutions,
        arising=tuple(followup_item(f, when) for f in arising.open),
        off_target=tuple(g for g in groups(reader, fr.paper.today) if g.off_target),
        appendices=tuple(
            Appendix(letter=chr(ord("A") + i % 26), title=title, template=name, filename=file)
            for i, (name, title, file) in enumerate(appendices)
        ),
    )
