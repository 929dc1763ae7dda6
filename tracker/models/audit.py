"""Append-only record of every change: who, when, what, old value, new value."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from tracker.models.base import Base, UTCDateTime, utcnow


class AuditEntry(Base):
    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_entity", "entity", "entity_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(200))
    operation: Mapped[str] = mapped_column(String(20))  # create | update | delete | import | ...
    entity: Mapped[str] = mapped_column(String(40))  # action, board, followup, ...
    entity_key: Mapped[str] = mapped_column(String(200))  # ref or code
    field: Mapped[str | None] = mapped_column(String(60))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    # the entries of one bulk edit name the batch's own entry (entity "batch"), so the batch
    # reads, and is undone, as one change
    batch_id: Mapped[int | None] = mapped_column(Integer, index=True)


class SavedView(Base):
    """A named set of register filters and sort, shared by everyone using the tracker."""

    __tablename__ = "saved_view"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    created_by: Mapped[str] = mapped_column(String(200))
    filters: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    sort: Mapped[str] = mapped_column(String(20), default="ref")
    descending: Mapped[bool] = mapped_column(Boolean, default=False)
