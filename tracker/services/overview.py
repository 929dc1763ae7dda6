"""The plan at a glance: the strategy, its phases and how their actions stand."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from tracker.models import STATUSES, Action, Phase, Strategy
from tracker.services.context import Tracker


@dataclass(frozen=True)
class PhaseSummary:
    number: int
    name: str | None  # None: to be confirmed
    start_year: int | None
    end_year: int | None
    actions: int
    by_status: tuple[tuple[str, int], ...]  # in STATUSES order, zeros included
    progress: float  # mean % complete of the phase's actions that are not cancelled


@dataclass(frozen=True)
class StrategySummary:
    title: str
    start_year: int
    end_year: int
    vision: str | None
    principles: tuple[str, ...]
    phases: tuple[PhaseSummary, ...]
    actions: int


def plan_overview(t: Tracker) -> tuple[StrategySummary, ...]:
    with t.db.reading() as s:
        counts: dict[tuple[int, str], int] = {}
        for phase_id, status, n in s.execute(
            select(Action.phase_id, Action.status, func.count()).group_by(
                Action.phase_id, Action.status
            )
        ):
            counts[(phase_id, status)] = n
        progress = dict(
            s.execute(
                select(Action.phase_id, func.avg(Action.progress))
                .where(Action.status != "cancelled")
                .group_by(Action.phase_id)
            ).all()
        )
        result = []
        for strategy in s.scalars(select(Strategy).order_by(Strategy.title)):
            phases = []
            for p in s.scalars(
                select(Phase).where(Phase.strategy_id == strategy.id).order_by(Phase.number)
            ):
                by_status = tuple((st, counts.get((p.id, st), 0)) for st in STATUSES)
                phases.append(
                    PhaseSummary(
                        number=p.number,
                        name=p.name,
                        start_year=p.start_year,
                        end_year=p.end_year,
                        actions=sum(n for _, n in by_status),
                        by_status=by_status,
                        progress=float(progress.get(p.id) or 0.0),
                    )  # fmt: skip
                )
            result.append(
                StrategySummary(
                    title=strategy.title,
                    start_year=strategy.start_year,
                    end_year=strategy.end_year,
                    vision=strategy.vision,
                    principles=tuple(strategy.principles or ()),
                    phases=tuple(phases),
                    actions=sum(ph.actions for ph in phases),
                )  # fmt: skip
            )
        return tuple(result)
