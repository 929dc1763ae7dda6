"""Escalations read in plain SQL (no SQLAlchemy): their view, and those open to a board on a
date, for the board's position (`tracker board position` reads it through sqlite3 or psycopg
alone; tracker.services.governance.escalations writes them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.services.plain_sql import Params, Reader, as_date


@dataclass(frozen=True)
class EscalationView:
    id: int
    ref: str
    title: str
    from_board: str  # code
    from_board_name: str
    to_board: str
    to_board_name: str
    raised_on: dt.date
    raised_by: str
    reason: str
    decision_sought: str
    status: str  # open | accepted | referred back | escalated
    decided_on: dt.date | None
    decided_at_meeting: dt.date | None
    decision_note: str | None
    follows: int | None  # the escalation this one escalated further
    followed_by: int | None  # the escalation that took this one further
    version: int

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "ref": self.ref,
            "title": self.title,
            "from": self.from_board,
            "to": self.to_board,
            "raised_on": self.raised_on.isoformat(),
            "raised_by": self.raised_by,
            "reason": self.reason,
            "decision_sought": self.decision_sought,
            "status": self.status,
            "decided_on": self.decided_on.isoformat() if self.decided_on else None,
            "decided_at_meeting": (
                self.decided_at_meeting.isoformat() if self.decided_at_meeting else None
            ),
            "decision_note": self.decision_note,
            "follows": self.follows,
            "followed_by": self.followed_by,
            "version": self.version,
        }


# an escalation of an exempt action, for those who may not read it in full
# (tracker.services.reading): its title, reason and the decision sought withheld, the
# decision's note left out
WORDS = {"title": True, "reason": True, "decision_sought": True, "decision_note": False}


def _day(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def open_on_read(reader: Reader, board_id: int, when: dt.date) -> tuple[EscalationView, ...]:
    """Escalations to the board that were open on the date (raised by then, not yet decided),
    oldest first."""
    p = Params(reader.dialect)
    return views_read(reader, p, f"e.to_board_id = {p(board_id)} AND e.raised_on <= {p(when)} "
                                 f"AND (e.status = 'open' OR e.decided_on > {p(when)})")  # fmt: skip


def involving_read(
    reader: Reader, board_id: int, *, open_only: bool = False
) -> tuple[EscalationView, ...]:
    """Escalations to or from the board (`open_only`: still open), oldest first."""
    p = Params(reader.dialect)
    where = f"(e.to_board_id = {p(board_id)} OR e.from_board_id = {p(board_id)})"
    return views_read(reader, p, where + (" AND e.status = 'open'" if open_only else ""))


def views_read(reader: Reader, p: Params, where: str) -> tuple[EscalationView, ...]:
    """The escalations matching `where` (on `e`, with `p`'s values), oldest first: each with
    its action, its boards, the meeting that decided it and the escalation that followed it."""
    rows = reader.rows(
        "SELECT e.id, a.ref, a.title, src.code, src.name, dst.code, dst.name, e.raised_on, "
        "e.raised_by, e.reason, e.decision_sought, e.status, e.decided_on, m.date, "
        "e.decision_note, e.follows_id, e.version FROM escalation e JOIN action a ON a.id = "
        "e.action_id JOIN board src ON src.id = e.from_board_id JOIN board dst ON dst.id = "
        "e.to_board_id LEFT OUTER JOIN meeting m ON m.id = e.decided_meeting_id "
        f"WHERE {where} ORDER BY e.raised_on, e.id", p.values)  # fmt: skip
    if not rows:
        return ()
    p = Params(reader.dialect)
    followers: dict[int, int] = {
        r[0]: r[1] for r in reader.rows(
            "SELECT follows_id, id FROM escalation WHERE follows_id IN "
            f"({p.each(r[0] for r in rows)})", p.values)
    }  # fmt: skip
    return tuple(
        EscalationView(
            id=r[0],
            ref=r[1],
            title=r[2],
            from_board=r[3],
            from_board_name=r[4],
            to_board=r[5],
            to_board_name=r[6],
            raised_on=_day(r[7]),
            raised_by=r[8],
            reason=r[9],
            decision_sought=r[10],
            status=r[11],
            decided_on=as_date(r[12]),
            decided_at_meeting=as_date(r[13]),
            decision_note=r[14],
            follows=r[15],
            followed_by=followers.get(r[0]),
            version=r[16],
        )
        for r in rows
    )
