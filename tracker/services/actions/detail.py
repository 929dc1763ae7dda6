"""One action's detail: its links, outcomes and update history, and what changed between two
reads of it (for conflicts)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from tracker import input_rules
from tracker.models import (
    Action,
    ActionDependency,
    Organisation,
    Outcome,
    Person,
    StatusUpdate,
    action_outcome,
)
from tracker.services.actions.register import (
    ActionFilter,
    ActionRow,
    no_action,
    register_rows,
)
from tracker.services.actions.views import LinkedAction, UpdateView
from tracker.services.context import Tracker
from tracker.services.plain_sql import SessionReader


@dataclass(frozen=True)
class ActionDetail:
    row: ActionRow
    description: str | None
    start: dt.date | None
    lead_organisation: str | None
    owner_code: str | None
    cancelled_reason: str | None
    outcomes: tuple[str, ...]
    depends_on: tuple[LinkedAction, ...]
    dependents: tuple[LinkedAction, ...]
    updates: tuple[UpdateView, ...] = field(default=())  # newest first

    @property
    def ref(self) -> str:
        return self.row.ref

    @property
    def version(self) -> int:
        return self.row.version


def _linked(s: Session, action_id: int, *, dependents: bool) -> tuple[LinkedAction, ...]:
    other = aliased(Action)
    mine, theirs = (
        (ActionDependency.depends_on_id, ActionDependency.action_id)
        if dependents
        else (ActionDependency.action_id, ActionDependency.depends_on_id)
    )
    rows = s.execute(
        select(other.ref, other.title, other.status)
        .join(ActionDependency, theirs == other.id)
        .where(mine == action_id)
        .order_by(other.ref)
    )
    return tuple(LinkedAction(ref=r[0], title=r[1], status=r[2]) for r in rows)


def get_action(t: Tracker, ref: str, *, history: int | None = None) -> ActionDetail:
    """One action with its links and update history (newest first; `history` caps it)."""
    today = t.today()
    ref = input_rules.ref(ref)
    with t.db.reading() as s:
        found = register_rows(SessionReader(s), ActionFilter(refs=(ref,)), today)
        if not found:
            raise no_action(SessionReader(s), ref)
        action = s.scalars(select(Action).where(Action.ref == ref)).one()
        org = (
            s.get(Organisation, action.lead_organisation_id)
            if action.lead_organisation_id
            else None
        )
        owner = s.get(Person, action.owner_id) if action.owner_id else None
        outcomes = s.scalars(
            select(Outcome.name)
            .join(action_outcome, action_outcome.c.outcome_id == Outcome.id)
            .where(action_outcome.c.action_id == action.id)
            .order_by(Outcome.position, Outcome.code)
        ).all()
        query = (
            select(StatusUpdate)
            .where(StatusUpdate.action_id == action.id)
            .order_by(StatusUpdate.recorded_at.desc(), StatusUpdate.id.desc())
        )
        if history is not None:
            query = query.limit(history)
        updates = tuple(
            UpdateView(
                id=u.id,
                ref=action.ref,
                title=action.title,
                recorded_at=u.recorded_at,
                recorded_by=u.recorded_by,
                status=u.status,
                rag=u.rag,
                progress=u.progress,
                commentary=u.commentary,
            )  # fmt: skip
            for u in s.scalars(query)
        )
        return ActionDetail(
            row=found[0],
            description=action.description,
            start=action.start,
            lead_organisation=org.name if org else None,
            owner_code=owner.code if owner else None,
            cancelled_reason=action.cancelled_reason,
            outcomes=tuple(outcomes),
            depends_on=_linked(s, action.id, dependents=False),
            dependents=_linked(s, action.id, dependents=True),
            updates=updates,
        )


def count_updates(t: Tracker, ref: str) -> int:
    with t.db.reading() as s:
        return int(
            s.execute(
                select(func.count())
                .select_from(StatusUpdate)
                .join(Action, StatusUpdate.action_id == Action.id)
                .where(Action.ref == ref)
            ).scalar_one()
        )
