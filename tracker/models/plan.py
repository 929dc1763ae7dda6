"""The strategy and its fixed frame: phases, stages of support, outcomes and indicators."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.models.base import Base


class Strategy(Base):
    __tablename__ = "strategy"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300), unique=True)
    start_year: Mapped[int] = mapped_column(Integer)
    end_year: Mapped[int] = mapped_column(Integer)
    vision: Mapped[str | None] = mapped_column(Text)
    principles: Mapped[list[str]] = mapped_column(JSON, default=list)
    source: Mapped[str | None] = mapped_column(Text)
    # the suggested RAG's thresholds (actual ÷ expected progress); None: the defaults, 0.9 / 0.7
    rag_green: Mapped[float | None] = mapped_column(Float)
    rag_red: Mapped[float | None] = mapped_column(Float)

    phases: Mapped[list[Phase]] = relationship(
        back_populates="strategy", order_by="Phase.number", cascade="all, delete-orphan"
    )
    stages: Mapped[list[Stage]] = relationship(
        back_populates="strategy", order_by="Stage.number", cascade="all, delete-orphan"
    )


class Phase(Base):
    __tablename__ = "phase"
    __table_args__ = (UniqueConstraint("strategy_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    strategy_id: Mapped[int] = mapped_column(ForeignKey("strategy.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str | None] = mapped_column(String(200))  # None: to be confirmed
    start_year: Mapped[int | None] = mapped_column(Integer)
    end_year: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)

    strategy: Mapped[Strategy] = relationship(back_populates="phases")


class Stage(Base):
    """A stage of support (universal, focused, specialist family help)."""

    __tablename__ = "stage"
    __table_args__ = (UniqueConstraint("strategy_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    strategy_id: Mapped[int] = mapped_column(ForeignKey("strategy.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)

    strategy: Mapped[Strategy] = relationship(back_populates="stages")
    commitments: Mapped[list[Commitment]] = relationship(
        back_populates="stage", order_by="Commitment.position", cascade="all, delete-orphan"
    )


class Commitment(Base):
    __tablename__ = "commitment"
    __table_args__ = (UniqueConstraint("stage_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    stage: Mapped[Stage] = relationship(back_populates="commitments")


class Outcome(Base):
    """A headline outcome for families (the ten Supporting Families outcomes)."""

    __tablename__ = "outcome"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer, default=0)


class Indicator(Base):
    __tablename__ = "indicator"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    outcome_id: Mapped[int | None] = mapped_column(ForeignKey("outcome.id", ondelete="SET NULL"))
    board_id: Mapped[int | None] = mapped_column(ForeignKey("board.id", ondelete="SET NULL"))
    unit: Mapped[str | None] = mapped_column(String(60))
    target: Mapped[float | None] = mapped_column(Float)
    target_max: Mapped[float | None] = mapped_column(Float)  # the top of a range ("within")
    direction: Mapped[str | None] = mapped_column(String(10))  # higher | lower | None
    frequency: Mapped[str | None] = mapped_column(String(60))
    source: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)

    readings: Mapped[list[IndicatorReading]] = relationship(
        back_populates="indicator",
        order_by="IndicatorReading.id",
        cascade="all, delete-orphan",
    )

    __mapper_args__ = {"version_id_col": version}


class IndicatorReading(Base):
    __tablename__ = "indicator_reading"

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(
        ForeignKey("indicator.id", ondelete="CASCADE"), index=True
    )
    date: Mapped[dt.date | None] = mapped_column(Date)  # None: the source gives no date
    period: Mapped[str | None] = mapped_column(String(200))
    value: Mapped[float] = mapped_column(Float)
    note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    indicator: Mapped[Indicator] = relationship(back_populates="readings")

    __mapper_args__ = {"version_id_col": version}
