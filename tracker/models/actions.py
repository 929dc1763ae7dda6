"""Actions of the delivery plan and their status updates (append-only history)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.models.base import Base, UTCDateTime, utcnow

EXEMPT = "exempt_paragraph IS NOT NULL"  # an action withheld from public papers

if TYPE_CHECKING:
    from tracker.models.governance import Board
    from tracker.models.people import Organisation, Person
    from tracker.models.plan import Outcome, Phase, Stage


action_outcome = Table(
    "action_outcome",
    Base.metadata,
    Column("action_id", ForeignKey("action.id", ondelete="CASCADE"), primary_key=True),
    Column("outcome_id", ForeignKey("outcome.id", ondelete="CASCADE"), primary_key=True),
)


class ActionDependency(Base):
    __tablename__ = "action_dependency"

    action_id: Mapped[int] = mapped_column(
        ForeignKey("action.id", ondelete="CASCADE"), primary_key=True
    )
    depends_on_id: Mapped[int] = mapped_column(
        ForeignKey("action.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Action(Base):
    """A deliverable of the plan. `status`, `rag`, `progress` and `latest_*` hold the current
    position (the latest update), so the register never has to scan the history."""

    __tablename__ = "action"
    __table_args__ = (
        CheckConstraint("progress >= 0 AND progress <= 100", name="progress_range"),
        Index("ix_action_due", "due"),
        Index("ix_action_status_rag", "status", "rag"),
        # the roll-up's GROUP BY answered from the index alone (migration 0003_speed)
        Index("ix_action_rollup", "board_id", "phase_id", "stage_id", "status", "rag", "progress"),
        # the dashboard's counts by phase from the index alone; every lookup by phase too
        # (migration 0014_phasecounts)
        Index("ix_action_phase_counts", "phase_id", "status", "rag", "progress"),
        # the few exempt actions every public paper asks for (migration 0012_exemptindex)
        Index(
            "ix_action_exempt",
            "exempt_paragraph",
            sqlite_where=sql_text(EXEMPT),
            postgresql_where=sql_text(EXEMPT),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(40), unique=True)
    strategy_id: Mapped[int] = mapped_column(ForeignKey("strategy.id", ondelete="CASCADE"))
    phase_id: Mapped[int] = mapped_column(ForeignKey("phase.id"))  # ix_action_phase_counts
    stage_id: Mapped[int | None] = mapped_column(
        ForeignKey("stage.id", ondelete="SET NULL"), index=True
    )
    board_id: Mapped[int | None] = mapped_column(
        ForeignKey("board.id", ondelete="SET NULL"), index=True
    )
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    lead_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL")
    )
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    start: Mapped[dt.date | None] = mapped_column(Date)
    due: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="not started")
    rag: Mapped[str | None] = mapped_column(String(10))
    progress: Mapped[int] = mapped_column(Integer, default=0)
    cancelled_reason: Mapped[str | None] = mapped_column(Text)
    latest_update_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    latest_commentary: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # exempt from publication: the paragraph of Schedule 12A (1-7), None when public
    exempt_paragraph: Mapped[int | None] = mapped_column(Integer)

    phase: Mapped[Phase] = relationship()
    stage: Mapped[Stage | None] = relationship()
    board: Mapped[Board | None] = relationship()
    owner: Mapped[Person | None] = relationship()
    lead_organisation: Mapped[Organisation | None] = relationship()
    outcomes: Mapped[list[Outcome]] = relationship(
        secondary=action_outcome, order_by="Outcome.position"
    )
    depends_on: Mapped[list[Action]] = relationship(
        secondary="action_dependency",
        primaryjoin="Action.id == ActionDependency.action_id",
        secondaryjoin="Action.id == ActionDependency.depends_on_id",
        order_by="Action.ref",
    )

    __mapper_args__ = {"version_id_col": version}


class StatusUpdate(Base):
    """A dated report on one action. Never edited in place, never deleted."""

    __tablename__ = "status_update"
    __table_args__ = (
        # covering: each action's trend summed from the index alone (0011_paperindexes); by
        # action and time too (it took the place of ix_status_update_action_at, 0015_importfast)
        Index("ix_status_update_trend", "action_id", "recorded_at", "progress"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"))
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    recorded_by: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))
    rag: Mapped[str | None] = mapped_column(String(10))
    progress: Mapped[int] = mapped_column(Integer)
    commentary: Mapped[str | None] = mapped_column(Text)
