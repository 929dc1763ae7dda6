"""The reporting cycle's records: each return sheet imported (so the same sheet is never recorded
twice) and each chaser sent (so an owner is not chased twice for the same period)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from tracker.models.base import Base, UTCDateTime, utcnow


class ReturnImport(Base):
    """A return sheet recorded: which sheet (its token, written into it), which exact file (its
    SHA-256), for which board and meeting, returned by whom."""

    __tablename__ = "return_import"
    __table_args__ = (Index("ix_return_import_token", "token", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64))
    sha256: Mapped[str] = mapped_column(String(64))
    board_id: Mapped[int] = mapped_column(ForeignKey("board.id", ondelete="CASCADE"))
    meeting_date: Mapped[dt.date] = mapped_column(Date)
    reporter: Mapped[str] = mapped_column(String(300))
    file: Mapped[str] = mapped_column(Text)
    recorded: Mapped[int] = mapped_column(Integer)  # updates recorded from it
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    imported_by: Mapped[str] = mapped_column(String(200))


class Chaser(Base):
    """A chaser sent by SMTP to an owner with returns outstanding for a board's meeting."""

    __tablename__ = "chaser"
    __table_args__ = (Index("ix_chaser_board_meeting", "board_id", "meeting_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    board_id: Mapped[int] = mapped_column(ForeignKey("board.id", ondelete="CASCADE"))
    meeting_date: Mapped[dt.date] = mapped_column(Date)
    owner: Mapped[str] = mapped_column(String(300))  # the owner as the ledger names them
    address: Mapped[str] = mapped_column(String(320))
    actions: Mapped[int] = mapped_column(Integer)  # returns outstanding when it was sent
    message_id: Mapped[str] = mapped_column(String(300))
    sent_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_by: Mapped[str] = mapped_column(String(200))
