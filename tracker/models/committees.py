"""What committees resolved, and the follow-ups arising, chased until closed."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.models.base import Base, UTCDateTime, new_uid, utcnow
from tracker.vocabulary import FOLLOWUP_SOURCES

if TYPE_CHECKING:
    from tracker.models.governance import Meeting
    from tracker.models.people import Person


class Resolution(Base):
    """A decision as minuted: numbered as in the minutes (1, a, 2.i), verbatim text."""

    __tablename__ = "resolution"
    __table_args__ = (UniqueConstraint("meeting_id", "fingerprint"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    item_title: Mapped[str | None] = mapped_column(String(500))
    number: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    # sha256 of (item title, number, text): re-importing the same minutes adds nothing
    fingerprint: Mapped[str] = mapped_column(String(64))
    # exempt from publication: the paragraph of Schedule 12A (1-7), None when public
    exempt_paragraph: Mapped[int | None] = mapped_column(Integer)

    meeting: Mapped[Meeting] = relationship()
    followups: Mapped[list[FollowUp]] = relationship(
        back_populates="resolution", order_by="FollowUp.position"
    )


SOURCE_CHECK = "source IN (" + ", ".join(f"'{v}'" for v in FOLLOWUP_SOURCES) + ")"


class FollowUp(Base):
    """Work arising from a resolution or an `ACTION –` line. Open ones are matters arising."""

    __tablename__ = "followup"
    __table_args__ = (
        UniqueConstraint("meeting_id", "fingerprint"),
        Index("ix_followup_status_due", "status", "due"),
        CheckConstraint(SOURCE_CHECK, name="source_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    resolution_id: Mapped[int | None] = mapped_column(
        ForeignKey("resolution.id", ondelete="SET NULL"), index=True
    )
    action_id: Mapped[int | None] = mapped_column(
        ForeignKey("action.id", ondelete="SET NULL"), index=True
    )
    # a board's decision on an escalation that this follow-up chases
    escalation_id: Mapped[int | None] = mapped_column(
        ForeignKey("escalation.id", ondelete="SET NULL")
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    owner_text: Mapped[str | None] = mapped_column(String(300))  # the owner as minuted
    text: Mapped[str] = mapped_column(Text)
    due: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    fingerprint: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, default=1)
    # its calendar UID (a UUID, kept through plan export and import) and the SEQUENCE a plan
    # file carried: the calendar's SEQUENCE is sequence_base + version - 1
    uid: Mapped[str] = mapped_column(String(36), default=new_uid)
    sequence_base: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # exempt from publication: the paragraph of Schedule 12A (1-7), None when public
    exempt_paragraph: Mapped[int | None] = mapped_column(Integer)
    # where it came from (vocabulary.FOLLOWUP_SOURCES); every writer sets it, "unrecorded" is
    # for rows made before 0016_followupsource that were not linked to anything telling
    source: Mapped[str] = mapped_column(String(20), server_default="unrecorded")

    meeting: Mapped[Meeting] = relationship()
    resolution: Mapped[Resolution | None] = relationship(back_populates="followups")
    owner: Mapped[Person | None] = relationship()
    responses: Mapped[list[FollowUpResponse]] = relationship(
        back_populates="followup", order_by="FollowUpResponse.id", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}


class FollowUpResponse(Base):
    """A dated response on a follow-up (history: never edited)."""

    __tablename__ = "followup_response"

    id: Mapped[int] = mapped_column(primary_key=True)
    followup_id: Mapped[int] = mapped_column(
        ForeignKey("followup.id", ondelete="CASCADE"), index=True
    )
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))
    text: Mapped[str | None] = mapped_column(Text)

    followup: Mapped[FollowUp] = relationship(back_populates="responses")
