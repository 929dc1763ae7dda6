"""Boards and committees, their meetings, the governance trail of updates, and escalations."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.models.base import Base, UTCDateTime, new_uid, utcnow

if TYPE_CHECKING:
    from tracker.models.people import Person

REVIEW_OUTCOMES = ("noted", "challenged", "reported")
ESCALATION_STATUSES = ("open", "accepted", "referred back", "escalated")


class Board(Base):
    """A governance body. Committees (scrutiny, Cabinet) are boards of kind 'committee'."""

    __tablename__ = "board"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), default="board")
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("board.id", ondelete="SET NULL"), index=True
    )
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    chair_description: Mapped[str | None] = mapped_column(String(300))
    meets: Mapped[str | None] = mapped_column(String(200))
    area: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    # the plan file's tolerances (tracker.domain.tolerance): None, or a key left out, the default
    tolerances: Mapped[dict[str, object] | None] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, default=1)

    parent: Mapped[Board | None] = relationship(remote_side=[id])
    chair: Mapped[Person | None] = relationship()

    __mapper_args__ = {"version_id_col": version}


class Meeting(Base):
    __tablename__ = "meeting"
    __table_args__ = (Index("ix_meeting_board_date", "board_id", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    board_id: Mapped[int] = mapped_column(ForeignKey("board.id", ondelete="CASCADE"))
    date: Mapped[dt.date | None] = mapped_column(Date)  # None: the source gives no date
    title: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(20), default="scheduled")
    location: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    held_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    starts: Mapped[dt.time | None] = mapped_column(Time)  # local time, Europe/London
    ends: Mapped[dt.time | None] = mapped_column(Time)
    online_link: Mapped[str | None] = mapped_column(String(500))
    chair: Mapped[str | None] = mapped_column(String(300))  # who chaired it, as minuted
    series: Mapped[str | None] = mapped_column(String(200))  # the rule it was scheduled by
    version: Mapped[int] = mapped_column(Integer, default=1)
    # its calendar UID (a UUID, kept through plan export and import) and the SEQUENCE a plan
    # file carried: the calendar's SEQUENCE is sequence_base + version - 1
    uid: Mapped[str] = mapped_column(String(36), default=new_uid)
    sequence_base: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    board: Mapped[Board] = relationship()
    attendees: Mapped[list[MeetingAttendee]] = relationship(
        back_populates="meeting", order_by="MeetingAttendee.id", cascade="all, delete-orphan"
    )
    agenda: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}


class MeetingAttendee(Base):
    __tablename__ = "meeting_attendee"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(300))  # as recorded, e.g. "Cllr Smith (Chair)"
    present: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # False: sent apologies

    meeting: Mapped[Meeting] = relationship(back_populates="attendees")


class AgendaItem(Base):
    __tablename__ = "agenda_item"
    __table_args__ = (UniqueConstraint("meeting_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    notes: Mapped[str | None] = mapped_column(Text)
    # exempt from publication: the paragraph of Schedule 12A (1-7), None when public
    exempt_paragraph: Mapped[int | None] = mapped_column(Integer)

    meeting: Mapped[Meeting] = relationship(back_populates="agenda")


class UpdateReview(Base):
    """One step of an update's governance trail: noted or challenged at its board's meeting,
    or reported in a parent board's meeting as part of a child board's position."""

    __tablename__ = "update_review"
    __table_args__ = (
        UniqueConstraint("update_id", "board_id"),
        Index("ix_update_review_meeting", "meeting_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    update_id: Mapped[int] = mapped_column(ForeignKey("status_update.id", ondelete="CASCADE"))
    board_id: Mapped[int] = mapped_column(ForeignKey("board.id", ondelete="CASCADE"))
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    outcome: Mapped[str] = mapped_column(String(20))
    comment: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # a challenge is answered by the owner's new update that cites it; then it is closed
    answered_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("status_update.id", ondelete="SET NULL")
    )


class Escalation(Base):
    """A board asks its parent for a decision on an action."""

    __tablename__ = "escalation"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    from_board_id: Mapped[int] = mapped_column(ForeignKey("board.id", ondelete="CASCADE"))
    to_board_id: Mapped[int] = mapped_column(ForeignKey("board.id", ondelete="CASCADE"), index=True)
    raised_on: Mapped[dt.date] = mapped_column(Date)
    raised_by: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    decision_sought: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="open")
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    decided_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL")
    )
    decision_note: Mapped[str | None] = mapped_column(Text)
    follows_id: Mapped[int | None] = mapped_column(ForeignKey("escalation.id", ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class IssuedPaper(Base):
    """A paper as issued to a board's meeting: the rendered text, the data it was built from
    (JSON) and a SHA-256 of both. Written once, never updated: re-issuing adds a version."""

    __tablename__ = "issued_paper"
    __table_args__ = (
        UniqueConstraint("board_id", "template", "paper_date", "format", "version"),
        Index("ix_issued_paper_meeting", "meeting_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    board_id: Mapped[int] = mapped_column(ForeignKey("board.id", ondelete="CASCADE"))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    paper_date: Mapped[dt.date] = mapped_column(Date)  # the meeting's date, else the as-of date
    as_of: Mapped[dt.date] = mapped_column(Date)
    template: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    format: Mapped[str] = mapped_column(String(10))
    version: Mapped[int] = mapped_column(Integer)
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    issued_by: Mapped[str] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    data: Mapped[str] = mapped_column(Text)  # the paper's context as JSON
    sha256: Mapped[str] = mapped_column(String(64))
