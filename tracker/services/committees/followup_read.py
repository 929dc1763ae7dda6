"""Follow-ups read in plain SQL (no SQLAlchemy): the one query behind every list of them
(`tracker followups list`, a follow-up's detail, matters arising and the committee papers), on
any `Reader`: a session's `SessionReader`, or sqlite3 / psycopg alone for a public paper
(`tracker paper render matters-arising`). tracker.services.committees.followups writes them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from tracker.services.plain_sql import Params, Reader, Row, as_date
from tracker.vocabulary import FOLLOWUP_SOURCE_WORDS, owner_label

OPEN_FOLLOWUP_STATUSES = ("open", "in progress")
CLOSED_FOLLOWUP_STATUSES = ("done", "dropped")


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    committee: str  # board code
    committee_name: str
    meeting_id: int
    meeting_date: dt.date | None
    meeting_title: str | None
    resolution: str | None  # the resolution's number as minuted
    item_title: str | None
    owner: str | None  # who, for display: the person, else the owner as minuted
    owner_code: str | None
    owner_text: str | None
    text: str
    due: dt.date | None
    status: str
    closed_on: dt.date | None
    action: str | None  # linked plan action ref
    overdue: bool
    version: int
    last_response: str | None
    resolution_id: int | None = None  # the resolution it arises from, when it has one
    source: str = "unrecorded"  # where it came from: vocabulary.FOLLOWUP_SOURCES

    @property
    def came_from(self) -> str:
        """Its source in words: "minuted action line", "added by hand", ..."""
        return FOLLOWUP_SOURCE_WORDS.get(self.source, self.source)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_FOLLOWUP_STATUSES

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "committee": self.committee,
            "meeting": self.meeting_date.isoformat() if self.meeting_date else None,
            "resolution": self.resolution,
            "owner": self.owner,
            "owner_code": self.owner_code,
            "owner_text": self.owner_text,
            "text": self.text,
            "due": self.due.isoformat() if self.due else None,
            "status": self.status,
            "closed_on": self.closed_on.isoformat() if self.closed_on else None,
            "action": self.action,
            "overdue": self.overdue,
            "version": self.version,
            "last_response": self.last_response,
            "source": self.source,
        }


def overdue_sql(p: Params, today: dt.date) -> str:
    """A follow-up (`followup`) is overdue: still open and due before today."""
    return f"(followup.due < {p(today)} AND followup.status IN ({p.each(OPEN_FOLLOWUP_STATUSES)}))"


# which follow-ups: SQL on followup, meeting, board, person (given the bound values)
Where = Callable[[Params], str]


def rows_read(reader: Reader, today: dt.date, where: Where) -> tuple[FollowUpRow, ...]:
    """The follow-ups `where` selects, oldest meeting first (undated meetings before dated)."""
    p = Params(reader.dialect)
    rows = reader.rows(
        "SELECT followup.id, board.code, board.name, meeting.id, meeting.date, meeting.title, "
        "resolution.number, resolution.item_title, person.code, person.name, person.role, "
        "followup.owner_text, followup.text, followup.due, followup.status, followup.closed_on, "
        f"action.ref, {overdue_sql(p, today)}, followup.version, (SELECT r.text FROM "
        "followup_response r WHERE r.followup_id = followup.id AND r.text IS NOT NULL ORDER BY "
        "r.id DESC LIMIT 1), followup.resolution_id, followup.source FROM followup JOIN meeting ON followup.meeting_id = meeting.id "
        "JOIN board ON meeting.board_id = board.id LEFT OUTER JOIN resolution ON "
        "followup.resolution_id = resolution.id LEFT OUTER JOIN person ON followup.owner_id = "
        "person.id LEFT OUTER JOIN action ON followup.action_id = action.id "
        f"WHERE {where(p)} ORDER BY meeting.date IS NULL DESC, meeting.date, meeting.id, "
        "followup.position, followup.id", p.values)  # fmt: skip
    return tuple(_row(r) for r in rows)


def _row(r: Row) -> FollowUpRow:
    return FollowUpRow(
        id=r[0], committee=r[1], committee_name=r[2], meeting_id=r[3],
        meeting_date=as_date(r[4]), meeting_title=r[5], resolution=r[6], item_title=r[7],
        owner=owner_label(r[9], r[10]) or r[11], owner_code=r[8], owner_text=r[11], text=r[12],
        due=as_date(r[13]), status=r[14], closed_on=as_date(r[15]), action=r[16],
        overdue=bool(r[17]), version=r[18], last_response=r[19], resolution_id=r[20],
        source=r[21],
    )  # fmt: skip


@dataclass(frozen=True)
class MattersArising:
    committee: str
    committee_name: str
    date: dt.date  # the meeting the matters arise at
    meeting_id: int | None  # None: no meeting recorded on that date yet
    meeting_title: str | None
    previous_date: dt.date | None  # the committee's last meeting before `date`
    open: tuple[FollowUpRow, ...]  # from earlier meetings, not yet closed
    closed_since: tuple[FollowUpRow, ...]  # closed since the previous meeting


def arising_read(
    reader: Reader, board_id: int, date: dt.date | None, today: dt.date
) -> MattersArising:
    """What arises at the committee's meeting on `date` (None: its next meeting, else today):
    every follow-up from its earlier meetings (undated ones count as earlier) still open, and
    those closed since its previous meeting."""
    p = Params(reader.dialect)
    code, name = reader.rows(f"SELECT code, name FROM board WHERE id = {p(board_id)}",
                             p.values)[0]  # fmt: skip
    if date is None:
        p = Params(reader.dialect)
        date = as_date(reader.rows(
            f"SELECT min(date) FROM meeting WHERE board_id = {p(board_id)} AND date >= {p(today)}",
            p.values)[0][0]) or today  # fmt: skip
    p = Params(reader.dialect)
    meeting = reader.rows(
        f"SELECT id, title FROM meeting WHERE board_id = {p(board_id)} AND date = {p(date)} "
        "ORDER BY id LIMIT 1", p.values)  # fmt: skip
    p = Params(reader.dialect)
    previous = as_date(reader.rows(
        f"SELECT max(date) FROM meeting WHERE board_id = {p(board_id)} AND date < {p(date)}",
        p.values)[0][0])  # fmt: skip

    def earlier(q: Params, statuses: tuple[str, ...]) -> str:
        return (f"board.id = {q(board_id)} AND (meeting.date < {q(date)} OR meeting.date IS "
                f"NULL) AND followup.status IN ({q.each(statuses)})")  # fmt: skip

    still_open = rows_read(reader, today, lambda q: earlier(q, OPEN_FOLLOWUP_STATUSES))
    closed: tuple[FollowUpRow, ...] = ()
    if previous is not None:
        closed = rows_read(reader, today, lambda q: earlier(q, CLOSED_FOLLOWUP_STATUSES)
                           + f" AND followup.closed_on >= {q(previous)}")  # fmt: skip
    return MattersArising(
        committee=code, committee_name=name, date=date,
        meeting_id=meeting[0][0] if meeting else None,
        meeting_title=meeting[0][1] if meeting else None, previous_date=previous,
        open=still_open, closed_since=closed,
    )  # fmt: skip
