"""Resolutions read in plain SQL (no SQLAlchemy): the one query behind every list of them
(`tracker resolutions list`, a meeting's detail, the committee cover report), with their
follow-ups counted in the database, on any `Reader`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.services.committees.followup_read import OPEN_FOLLOWUP_STATUSES, Where, overdue_sql
from tracker.services.plain_sql import Params, Reader, as_date


@dataclass(frozen=True)
class ResolutionRow:
    id: int
    committee: str
    meeting_id: int
    meeting_date: dt.date | None
    item_title: str | None
    number: str
    kind: str
    text: str
    followups: int
    open_followups: int
    overdue: bool  # has an overdue follow-up

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "committee": self.committee,
            "meeting": self.meeting_date.isoformat() if self.meeting_date else None,
            "item": self.item_title,
            "number": self.number,
            "kind": self.kind,
            "text": self.text,
            "followups": self.followups,
            "open_followups": self.open_followups,
            "overdue": self.overdue,
        }


def resolutions_read(reader: Reader, today: dt.date, where: Where) -> tuple[ResolutionRow, ...]:
    """The resolutions `where` selects (SQL on resolution, meeting, board and `counts`: each
    one's follow-ups, `total`, `open` and `overdue`, NULL when it has none), oldest meeting
    first (undated meetings before dated)."""
    p = Params(reader.dialect)
    counts = (
        "SELECT followup.resolution_id AS rid, count(followup.id) AS total, "
        f"count(CASE WHEN followup.status IN ({p.each(OPEN_FOLLOWUP_STATUSES)}) THEN 1 END) "
        f"AS open, count(CASE WHEN {overdue_sql(p, today)} THEN 1 END) AS overdue FROM "
        "followup WHERE followup.resolution_id IS NOT NULL GROUP BY followup.resolution_id"
    )
    rows = reader.rows(
        "SELECT resolution.id, board.code, meeting.id, meeting.date, resolution.item_title, "
        "resolution.number, resolution.kind, resolution.text, counts.total, counts.open, "
        "counts.overdue FROM resolution JOIN meeting ON resolution.meeting_id = meeting.id "
        f"JOIN board ON meeting.board_id = board.id LEFT OUTER JOIN ({counts}) AS counts ON "
        f"counts.rid = resolution.id WHERE {where(p)} ORDER BY meeting.date IS NULL DESC, "
        "meeting.date, meeting.id, resolution.position, resolution.id", p.values)  # fmt: skip
    return tuple(
        ResolutionRow(
            id=r[0],
            committee=r[1],
            meeting_id=r[2],
            meeting_date=as_date(r[3]),
            item_title=r[4],
            number=r[5],
            kind=r[6],
            text=r[7],
            followups=int(r[8] or 0),
            open_followups=int(r[9] or 0),
            overdue=bool(r[10]),
        )
        for r in rows
    )
