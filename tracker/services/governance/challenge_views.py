"""A challenge as every face shows it, and the one query that reads challenges, in plain SQL
(tracker.services.plain_sql): the dashboard reads them without loading SQLAlchemy, the
services inside their session (`challenges_in`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.services.actions.register import owner_label
from tracker.services.governance.tree import day
from tracker.services.plain_sql import Params, Reader, as_date, as_utc


@dataclass(frozen=True)
class ChallengeView:
    id: int  # the challenge's number (tracker challenges answer ID)
    ref: str
    title: str
    board: str  # code of the board that challenged
    board_name: str
    meeting: dt.date | None  # the meeting that challenged it
    comment: str | None  # what the board asked for
    update_id: int  # the challenged update
    update_on: dt.date  # the day it was recorded
    owner: str | None  # the action's owner (name and role)
    owner_code: str | None
    answered_by: int | None  # the update that answered it (None: still open)
    answered_on: dt.date | None
    answer: str | None  # the answer's commentary

    @property
    def is_open(self) -> bool:
        return self.answered_by is None

    def describe(self) -> str:
        return (f"challenged at {self.board_name} {day(self.meeting)}: "
                f"\"{self.comment or 'challenged'}\"")  # fmt: skip

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id, "ref": self.ref, "title": self.title, "board": self.board,
            "meeting": self.meeting.isoformat() if self.meeting else None,
            "comment": self.comment, "update": self.update_id,
            "update_on": self.update_on.isoformat(), "owner": self.owner,
            "owner_code": self.owner_code, "open": self.is_open,
            "answered_by": self.answered_by,
            "answered_on": self.answered_on.isoformat() if self.answered_on else None,
            "answer": self.answer,
        }  # fmt: skip


# a challenge of an exempt action, for those who may not read it in full
# (tracker.services.reading): its title withheld, what the board asked and what the owner
# answered left out
WORDS = {"title": True, "comment": False, "answer": False}


def challenges_read(
    reader: Reader, *, board_id: int | None = None, owner_id: int | None = None,
    ref: str | None = None, open_only: bool = True, review_id: int | None = None,
) -> tuple[ChallengeView, ...]:  # fmt: skip
    """Challenged updates (those still to answer, unless not `open_only`), the oldest meeting
    first; of one board, one owner (person id), one action or one challenge (`review_id`)."""
    p = Params(reader.dialect)
    where = ["update_review.outcome = 'challenged'"]
    if board_id is not None:
        where.append(f"update_review.board_id = {p(board_id)}")
    if owner_id is not None:
        where.append(f"action.owner_id = {p(owner_id)}")
    if ref:
        where.append(f"action.ref = {p(ref)}")
    if review_id is not None:
        where.append(f"update_review.id = {p(review_id)}")
    if open_only:
        where.append("update_review.answered_by_id IS NULL")
    rows = reader.rows(
        "SELECT update_review.id, update_review.comment, status_update.id, "
        "status_update.recorded_at, action.ref, action.title, board.code, board.name, "
        "meeting.date, person.name, person.role, person.code, answer.id, answer.recorded_at, "
        "answer.commentary FROM update_review "
        "JOIN status_update ON status_update.id = update_review.update_id "
        "JOIN action ON action.id = status_update.action_id "
        "JOIN board ON board.id = update_review.board_id "
        "JOIN meeting ON meeting.id = update_review.meeting_id "
        "LEFT JOIN person ON person.id = action.owner_id "
        "LEFT JOIN status_update AS answer ON answer.id = update_review.answered_by_id "
        f"WHERE {' AND '.join(where)} ORDER BY meeting.date, action.ref, update_review.id",
        p.values,
    )
    out = []
    for (
        rid,
        comment,
        uid,
        uat,
        ref_,
        title,
        code,
        name,
        on,
        pname,
        prole,
        pcode,
        aid,
        aat,
        note,
    ) in rows:
        answered = as_utc(aat)
        out.append(ChallengeView(
            id=rid, ref=ref_, title=title, board=code, board_name=name, meeting=as_date(on),
            comment=comment, update_id=uid, update_on=_on(uat),
            owner=owner_label(pname, prole), owner_code=pcode,
            answered_by=aid, answered_on=answered.date() if answered is not None else None,
            answer=note if aid is not None else None,
        ))  # fmt: skip
    return tuple(out)


def _on(value: dt.datetime | str) -> dt.date:
    at = as_utc(value)
    assert at is not None  # recorded_at is never empty
    return at.date()
