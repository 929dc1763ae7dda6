"""One action's detail (its links, outcomes and update history) read in plain SQL, so that
`tracker actions show` never loads SQLAlchemy: about 0.4 s of a 0.6 s command was SQLAlchemy's
import and mapper set-up, for 6-8 ms of queries. The same SQL runs through a session in the app
(`Tracker.reading_sql`), so there is one reading of an action, not two."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from tracker import input_rules
from tracker.domain.pace import Pace
from tracker.services.actions.changes import ChangeEntry, log_in
from tracker.services.actions.pace import paces_in, thresholds_in
from tracker.services.actions.register import ActionFilter, ActionRow, no_action, register_rows
from tracker.services.actions.views import LinkedAction, UpdateView
from tracker.services.context import Tracker
from tracker.services.governance.trail_steps import TrailStep, trails_in
from tracker.services.plain_sql import Params, Reader, as_date, as_utc
from tracker.services.reading import hidden_actions
from tracker.vocabulary import exempt_label


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
    pace: Pace | None = None  # the RAG its progress suggests and its forecast finish
    rule: str = ""  # how they are worked out, with the plan's thresholds (show it with them)

    @property
    def ref(self) -> str:
        return self.row.ref

    @property
    def version(self) -> int:
        return self.row.version


def _linked(reader: Reader, action_id: int, *, dependents: bool) -> tuple[LinkedAction, ...]:
    # two queries, not one UNION ALL: that one's estimated cost (before PostgreSQL has analysed
    # the links) starts parallel workers at 100,000 actions, 20-35 ms for no rows
    mine, theirs = ("depends_on_id", "action_id") if dependents else ("action_id", "depends_on_id")
    p = Params(reader.dialect)
    rows = reader.rows(
        "SELECT other.ref, other.title, other.status FROM action AS other "
        f"JOIN action_dependency ON action_dependency.{theirs} = other.id "
        f"WHERE action_dependency.{mine} = {p(action_id)} ORDER BY other.ref",
        p.values,
    )
    return tuple(LinkedAction(ref=r[0], title=r[1], status=r[2]) for r in rows)


def _withheld(linked: tuple[LinkedAction, ...], hidden: dict[str, int]) -> tuple[LinkedAction, ...]:
    return tuple(
        replace(a, title=exempt_label(hidden[a.ref])) if a.ref in hidden else a for a in linked
    )


def get_action(t: Tracker, ref: str, *, history: int | None = None) -> ActionDetail:
    """One action with its links and update history (newest first; `history` caps it)."""
    ref = input_rules.ref(ref)
    with t.reading_sql() as reader:
        return action_in(t, reader, ref, history)


@dataclass(frozen=True)
class ActionPage:
    """What `tracker actions show` prints: the detail, each shown update's trail and the
    action's edits (newest first)."""

    detail: ActionDetail
    trails: dict[int, tuple[TrailStep, ...]]
    edits: tuple[ChangeEntry, ...]


def action_page(t: Tracker, ref: str, *, history: int = 20) -> ActionPage:
    """One action as `tracker actions show` prints it, from one snapshot: its detail with the
    latest `history` updates, their trails, and its last `history` edits. One transaction, not
    three: on PostgreSQL each costs two more round trips to the server."""
    ref = input_rules.ref(ref)
    with t.reading_sql() as reader:
        hidden = hidden_actions(t, reader) if not t.unrestricted else {}
        detail = action_in(t, reader, ref, history, hidden)
        return ActionPage(
            detail=detail,
            trails=trails_in(t, reader, [u.id for u in detail.updates]),
            edits=log_in(t, reader, ref, edits_only=True, limit=history, found=hidden),
        )


def action_in(
    t: Tracker, reader: Reader, ref: str, history: int | None,
    hidden: dict[str, int] | None = None,
) -> ActionDetail:  # fmt: skip
    """`get_action` in an open read transaction; `hidden`: `reading.hidden_actions`, if read."""
    today = t.today()
    found = register_rows(reader, ActionFilter(refs=(ref,)), today)
    if not found:
        raise no_action(reader, ref)
    p = Params(reader.dialect)
    aid, description, start, organisation, owner, cancelled = reader.rows(
        "SELECT action.id, action.description, action.start, organisation.name, "
        "person.code, action.cancelled_reason FROM action "
        "LEFT JOIN organisation ON organisation.id = action.lead_organisation_id "
        "LEFT JOIN person ON person.id = action.owner_id "
        f"WHERE action.ref = {p(ref)}",
        p.values,
    )[0]
    p = Params(reader.dialect)
    outcomes = reader.rows(
        "SELECT outcome.name FROM outcome "
        "JOIN action_outcome ON action_outcome.outcome_id = outcome.id "
        f"WHERE action_outcome.action_id = {p(aid)} ORDER BY outcome.position, outcome.code",
        p.values,
    )
    p = Params(reader.dialect)
    limit = f" LIMIT {p(history)}" if history is not None else ""
    title = found[0].title
    updates = []
    for uid, at, by, status, rag, progress, commentary in reader.rows(
        "SELECT id, recorded_at, recorded_by, status, rag, progress, commentary "
        f"FROM status_update WHERE action_id = {p(aid)} "
        f"ORDER BY recorded_at DESC, id DESC{limit}",
        p.values,
    ):
        stamp = as_utc(at)
        assert stamp is not None  # NOT NULL
        updates.append(UpdateView(
            id=uid, ref=ref, title=title, recorded_at=stamp, recorded_by=by, status=status,
            rag=rag, progress=progress, commentary=commentary,
        ))  # fmt: skip
    if hidden is None:
        hidden = hidden_actions(t, reader) if not t.unrestricted else {}
    if ref in hidden:  # an exempt action this account may not read in full
        words = exempt_label(hidden[ref])
        found = (replace(found[0], title=words),)
        description = cancelled = None
        updates = [replace(u, title=words, commentary=None) for u in updates]
    th = thresholds_in(reader)
    paced = paces_in(reader, today, refs=[ref], th=th).get(ref)
    return ActionDetail(
        pace=paced.pace if paced else None,
        rule=th.describe(),
        row=found[0],
        description=description,
        start=as_date(start),
        lead_organisation=organisation,
        owner_code=owner,
        cancelled_reason=cancelled,
        outcomes=tuple(r[0] for r in outcomes),
        depends_on=_withheld(_linked(reader, aid, dependents=False), hidden),
        dependents=_withheld(_linked(reader, aid, dependents=True), hidden),
        updates=tuple(updates),
    )
