"""Issued papers: a paper as a board saw it, frozen.

Issuing renders the paper and stores, tied to the board's meeting, the text, the data it was
built from (its context as JSON) and a SHA-256 of both, in one transaction: what is stored is
what was rendered from that snapshot. A stored paper is never changed (a database trigger
refuses it too); issuing again adds the next version and keeps the earlier ones. Showing a
paper prints the stored text, whatever has happened to the data since, and checks its hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.errors import InvalidInput, NotFound, Problem
from tracker.models import Board, IssuedPaper, Meeting
from tracker.services.accounts.permissions import require
from tracker.services.context import Tracker
from tracker.services.governance.common import find_board
from tracker.services.papers.render import context_in, paper_text, prepare, template_set
from tracker.text import control_problem

NOTE_MAX = 2000


@dataclass(frozen=True)
class IssuedSummary:
    id: int
    board: str  # code
    board_name: str
    template: str
    kind: str
    format: str
    paper_date: dt.date  # the meeting's date
    as_of: dt.date
    version: int
    issued_at: dt.datetime
    issued_by: str
    note: str | None
    sha256: str
    size: int  # characters of text

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id, "board": self.board, "template": self.template, "kind": self.kind,
            "format": self.format, "meeting": self.paper_date.isoformat(),
            "as_of": self.as_of.isoformat(), "version": self.version,
            "issued_at": self.issued_at.isoformat(timespec="seconds"),
            "issued_by": self.issued_by, "note": self.note, "sha256": self.sha256,
            "size": self.size,
        }  # fmt: skip


@dataclass(frozen=True)
class IssuedPaperView(IssuedSummary):
    text: str  # exactly what the board saw
    data: str  # the context it was built from, as JSON
    intact: bool  # the stored text and data still match the hash taken when it was issued


def digest(text: str, data: str) -> str:
    return hashlib.sha256(text.encode("utf-8") + b"\0" + data.encode("utf-8")).hexdigest()


def _json(value: object) -> str:
    def default(o: object) -> str:
        if isinstance(o, dt.date | dt.datetime):
            return o.isoformat()
        return str(o)

    return json.dumps(value, default=default, ensure_ascii=False, sort_keys=True, indent=1)


def _summary(p: IssuedPaper, board: Board) -> IssuedSummary:
    return IssuedSummary(
        id=p.id, board=board.code, board_name=board.name, template=p.template, kind=p.kind,
        format=p.format, paper_date=p.paper_date, as_of=p.as_of, version=p.version,
        issued_at=p.issued_at, issued_by=p.issued_by, note=p.note, sha256=p.sha256,
        size=len(p.text),
    )  # fmt: skip


def issue_paper(
    t: Tracker, template: str, board: str, meeting: dt.date, *, as_of: dt.date | None = None,
    fmt: str = "md", appendix: bool = False, note: str | None = None,
) -> IssuedSummary:  # fmt: skip
    """Render a paper for a board's meeting and store it frozen, as the next version."""
    if note is not None:
        wrong = control_problem(note)
        if wrong:
            raise InvalidInput(Problem("note", wrong))
        if len(note) > NOTE_MAX:
            raise InvalidInput(Problem("note", f"{len(note)} characters", f"at most {NOTE_MAX}"))
    templates = template_set(t)
    item, kind, others = prepare(templates, template, fmt)
    with t.db.writing() as s:
        b = find_board(s, board)
        require(t, s, "issue papers", board=b.code)
        m = s.scalars(
            select(Meeting).where(Meeting.board_id == b.id, Meeting.date == meeting)
            .order_by(Meeting.status == "cancelled")
        ).first()  # fmt: skip
        if m is None:
            raise NotFound(f"{b.name} has no meeting on {meeting.isoformat()}",
                           remedy="schedule the meeting")  # fmt: skip
        if m.status == "cancelled":
            raise InvalidInput(Problem("meeting", f"the meeting on {meeting.isoformat()} was "
                                                  "cancelled: no paper can be issued for it"))  # fmt: skip
        ctx = context_in(s, t, item, kind, others, b.code, meeting, as_of, fmt, appendix)
        paper = paper_text(templates, item, ctx, fmt)
        data = _json(asdict(ctx))
        version = 1 + (s.scalar(
            select(func.max(IssuedPaper.version)).where(
                IssuedPaper.board_id == b.id, IssuedPaper.template == item.name,
                IssuedPaper.paper_date == paper.date, IssuedPaper.format == fmt,
            )
        ) or 0)  # fmt: skip
        row = IssuedPaper(
            board_id=b.id, meeting_id=m.id, paper_date=paper.date, as_of=paper.as_of,
            template=item.name, kind=kind, format=fmt, version=version, issued_at=t.now(),
            issued_by=t.user, note=(note or "").strip() or None, text=paper.text, data=data,
            sha256=digest(paper.text, data),
        )  # fmt: skip
        s.add(row)
        s.flush()
        return _summary(row, b)


def issued_papers(
    t: Tracker, board: str, meeting: dt.date | None = None
) -> tuple[IssuedSummary, ...]:
    """Every version issued to a board (for one meeting, if given), oldest first."""
    with t.db.reading() as s:
        return issued_in(s, find_board(s, board), meeting)


def issued_in(s: Session, b: Board, meeting: dt.date | None = None) -> tuple[IssuedSummary, ...]:
    """The papers issued to a board (for one meeting), for a meeting record to link."""
    q = select(IssuedPaper).where(IssuedPaper.board_id == b.id)
    if meeting is not None:
        q = q.where(IssuedPaper.paper_date == meeting)
    q = q.order_by(IssuedPaper.paper_date, IssuedPaper.template, IssuedPaper.format,
                   IssuedPaper.version)  # fmt: skip
    return tuple(_summary(p, b) for p in s.scalars(q))


def show_issued(t: Tracker, paper_id: int) -> IssuedPaperView:
    """An issued paper exactly as stored, and whether it still matches its hash."""
    with t.db.reading() as s:
        p = s.get(IssuedPaper, paper_id)
        if p is None:
            raise NotFound(f"no issued paper #{paper_id} (`tracker paper issued BOARD` lists them)")
        b = s.get(Board, p.board_id)
        assert b is not None
        summary = _summary(p, b)
        return IssuedPaperView(**summary.__dict__, text=p.text, data=p.data,
                               intact=digest(p.text, p.data) == p.sha256)  # fmt: skip
