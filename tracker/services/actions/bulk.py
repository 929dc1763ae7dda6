"""Bulk edits: one owner, board, start or due date, phase or stage set on many actions at once.

A bulk edit is one transaction and one batch in the audit trail: one entry says what the
batch did, and each changed field of each action is an entry carrying the batch's id, so an
action's change log shows it and `undo_batch` can put every value back as one change too. The
actions are written by one batched, versioned UPDATE: an action changed meanwhile (by
somebody else, or since the rows were read for a confirmation) refuses the whole batch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from tracker import input_rules
from tracker.domain import audit as trail
from tracker.errors import Conflict, InvalidInput, NotFound, Problem, invalid
from tracker.models import Action, AuditEntry, Board, Person, Phase, Stage, Strategy
from tracker.services.accounts.permissions import require
from tracker.services.actions.form import ActionForm
from tracker.services.actions.register import ActionFilter, check_filter, register_rows
from tracker.services.context import Tracker
from tracker.services.plain_sql import SessionReader
from tracker.vocabulary import counted

FIELDS = ("owner", "board", "phase", "stage", "start", "due")
COLUMNS = {"owner": "owner_id", "board": "board_id", "phase": "phase_id",
           "stage": "stage_id", "start": "start", "due": "due"}  # fmt: skip
BATCH_LIMIT = 20_000


@dataclass(frozen=True)
class BulkPlan:
    """What a bulk edit would do: for the confirmation ("set owner on 22 actions")."""

    refs: tuple[str, ...]  # every action named
    versions: tuple[int, ...]  # as read, in refs' order: pass them back to set_fields
    changing: tuple[str, ...]  # the refs whose values would change
    values: tuple[tuple[str, str], ...]  # (field, new value as logged: codes, ISO dates)
    shown: tuple[tuple[str, str], ...] = ()  # (field, as a person reads it: names, 30 Jun 2027)

    @property
    def count(self) -> int:
        return len(self.refs)

    def describe(self) -> str:
        what = ", ".join(f"{name} to {shown}" for name, shown in self.shown or self.values)
        same = self.count - len(self.changing)
        tail = f" ({same} already so)" if same else ""
        noun = "action" if len(self.changing) == 1 else "actions"
        return f"set {what} on {len(self.changing)} {noun}{tail}"


@dataclass(frozen=True)
class BatchResult:
    batch: int | None  # the batch's audit entry; None when nothing changed
    summary: str
    changed: tuple[str, ...]  # refs changed
    skipped: tuple[str, ...] = ()  # undo: refs changed since the batch, left as they are


@dataclass(frozen=True)
class BatchView:
    batch: int
    at: dt.datetime
    actor: str
    operation: str
    summary: str
    count: int  # actions it changed
    undone_by: int | None  # the batch that undid it


@dataclass
class Target:
    id: int
    ref: str
    version: int
    now: dict[str, Any]  # field -> column value (ids, dates)


def _targets(s: Session, t: Tracker, refs: Sequence[str], f: ActionFilter | None) -> list[Target]:
    if f is not None:
        check_filter(f)
        rows = register_rows(SessionReader(s), f, t.today(), limit=BATCH_LIMIT + 1)
        names = [r.ref for r in rows]
    else:
        names = list(dict.fromkeys(input_rules.ref(r) for r in refs if str(r).strip()))
    if not names:
        raise NotFound("no actions match: nothing to change")
    if len(names) > BATCH_LIMIT:
        raise invalid("actions", f"more than {BATCH_LIMIT} actions in one batch",
                      "narrow the filter")  # fmt: skip
    cols = [Action.id, Action.ref, Action.version, *(getattr(Action, COLUMNS[n]) for n in FIELDS)]
    found: dict[str, Target] = {}
    for i in range(0, len(names), 900):  # SQLite's bound parameter limit
        for row in s.execute(select(*cols).where(Action.ref.in_(names[i : i + 900]))):
            found[row[1]] = Target(row[0], row[1], row[2], dict(zip(FIELDS, row[3:], strict=True)))
    missing = [r for r in names if r not in found]
    if missing:
        known = s.scalars(select(Action.ref)).all()
        raise NotFound(
            f"no action with ref {missing[0]!r}{input_rules.did_you_mean(missing[0], known)}"
            + (f" (and {len(missing) - 1} more unknown refs)" if len(missing) > 1 else "")
        )
    return [found[r] for r in names]


class Labels:
    """Column values as the audit trail words them (codes, numbers, ISO dates), and back."""

    def __init__(self, s: Session) -> None:
        self.by_id: dict[str, dict[int, str]] = {
            "owner": {i: c for i, c in s.execute(select(Person.id, Person.code))},
            "board": {i: c for i, c in s.execute(select(Board.id, Board.code))},
            "phase": {i: str(n) for i, n in s.execute(select(Phase.id, Phase.number))},
            "stage": {i: str(n) for i, n in s.execute(select(Stage.id, Stage.number))},
        }
        self.by_label = {f: {v: k for k, v in m.items()} for f, m in self.by_id.items()}

    def label(self, name: str, value: Any) -> str | None:
        if value is None:
            return None
        if name in self.by_id:
            return self.by_id[name].get(int(value))
        return trail.text(value)

    def value(self, name: str, label: str | None) -> Any:
        if label is None:
            return None
        if name in self.by_label:
            return self.by_label[name].get(label)
        return dt.date.fromisoformat(label)


def _resolve(s: Session, values: Mapping[str, object]) -> dict[str, Any]:
    """The new column values, checked by the action form's rules (did-you-mean included)."""
    unknown = [n for n in values if n not in FIELDS]
    if unknown:
        raise invalid(unknown[0], "cannot be set on many actions at once", ", ".join(FIELDS))
    if not values:
        raise invalid("fields", "nothing to set", ", ".join(FIELDS))
    strategy = s.scalars(select(Strategy).order_by(Strategy.id).limit(1)).first()
    if strategy is None:
        raise InvalidInput(Problem("strategy", "there is no plan yet: import one first"))
    form = ActionForm(s, strategy, None)
    form.check(dict(values))
    if form.problems:
        raise InvalidInput(form.problems)
    resolved: Mapping[str, object] = form.resolved
    out: dict[str, Any] = {}
    for name in FIELDS:
        if name in resolved:
            row = resolved[name]
            out[name] = row.id if isinstance(row, Person | Board | Phase | Stage) else row
    return out


def _check_dates(targets: Sequence[Target], new: Mapping[str, Any]) -> None:
    if "start" not in new and "due" not in new:
        return
    wrong = [
        t.ref for t in targets
        if (start := new.get("start", t.now["start"])) is not None
        and (due := new.get("due", t.now["due"])) is not None and due < start
    ]  # fmt: skip
    if wrong:
        shown = ", ".join(wrong[:8]) + (f" and {len(wrong) - 8} more" if len(wrong) > 8 else "")
        field = "due" if "due" in new else "start"
        raise invalid(field, f"the due date would be before the start date on {shown}")


def plan_set(
    t: Tracker, values: Mapping[str, object], refs: Sequence[str] = (),
    f: ActionFilter | None = None,
) -> BulkPlan:  # fmt: skip
    """What `set_fields` would do, checked, without changing anything: the confirmation."""
    with t.db.reading() as s:
        targets = _targets(s, t, refs, f)
        new = _resolve(s, values)
        _check_dates(targets, new)
        labels = Labels(s)
        return BulkPlan(
            refs=tuple(x.ref for x in targets),
            versions=tuple(x.version for x in targets),
            changing=tuple(x.ref for x in targets if any(x.now[n] != v for n, v in new.items())),
            values=tuple((n, labels.label(n, new[n]) or "none") for n in FIELDS if n in new),
            shown=tuple((n, _shown(s, n, new[n])) for n in FIELDS if n in new),
        )


def _shown(s: Session, name: str, value: Any) -> str:
    """A new value as the confirmation says it: a person's or board's name, 30 Jun 2027."""
    if value is None:
        return "none"
    if name == "owner":
        p = s.get(Person, value)
        return (p.name or p.role or p.code) if p else str(value)
    if name == "board":
        b = s.get(Board, value)
        return b.name if b else str(value)
    if isinstance(value, dt.date):
        return input_rules.short_date(value)
    return Labels(s).label(name, value) or str(value)


def set_fields(
    t: Tracker, values: Mapping[str, object], refs: Sequence[str] = (),
    f: ActionFilter | None = None, expected: Sequence[int] | None = None,
) -> BatchResult:  # fmt: skip
    """Set the same values on many actions (named by refs, or by a filter) in one batch.

    `values`: field -> value as typed (a code, a number, a date; None or "" clears; the phase
    is required). `expected`: the versions `plan_set` read, in its refs' order; an action
    changed since refuses the whole batch (Conflict), as does one changed meanwhile."""
    with t.db.writing() as s:
        require(t, s, "edit actions")
        targets = _targets(s, t, refs, f)
        if expected is not None:
            _check_expected(targets, expected)
        new = _resolve(s, values)
        _check_dates(targets, new)
        labels = Labels(s)
        shown = ", ".join(f"{n} to {_shown(s, n, new[n])}" for n in FIELDS if n in new)
        changes = [(x, {n: v for n, v in new.items() if x.now[n] != v}) for x in targets]
        changes = [(x, c) for x, c in changes if c]
        summary = f"set {shown} on {counted(len(changes), 'actions')}"
        batch = store_batch_in(s, t, "bulk-set", summary, changes, labels, tuple(new))
        return BatchResult(batch, summary, tuple(x.ref for x, _ in changes))


def _check_expected(targets: Sequence[Target], expected: Sequence[int]) -> None:
    if len(expected) != len(targets):
        raise Conflict("the actions matching changed since you read them; nothing was changed")
    moved = [x.ref for x, v in zip(targets, expected, strict=True) if x.version != v]
    if moved:
        raise Conflict(
            f"{len(moved)} of the actions changed since you read them "
            f"({', '.join(moved[:5])}{', ...' if len(moved) > 5 else ''}); nothing was changed"
        )


def store_batch_in(
    s: Session, t: Tracker, operation: str, summary: str,
    changes: Sequence[tuple[Target, Mapping[str, Any]]], labels: Labels,
    fields: Sequence[str],
) -> int | None:  # fmt: skip
    """One versioned UPDATE for all the actions, then the batch's audit entries."""
    if not changes:
        return None
    table = Action.__table__
    stmt = (
        update(table)
        .where(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version"))
        .values(
            version=table.c.version + 1, **{COLUMNS[n]: bindparam(f"b_{n}") for n in fields}
        )  # fmt: skip
    )
    params = [
        {
            "b_id": x.id,
            "b_version": x.version,
            **{f"b_{n}": c.get(n, x.now[n]) for n in fields},
        }
        for x, c in changes
    ]
    conn = s.connection()
    moved = len(params) - conn.execute(stmt, params).rowcount
    if moved:
        raise Conflict(
            f"{counted(moved, 'actions')} changed by someone else meanwhile; nothing was changed"
        )
    batch = trail.open_batch(s, t.user, operation, summary)
    entries: list[dict[str, Any]] = []
    for x, c in changes:
        audit = {n: (labels.label(n, x.now[n]), labels.label(n, v)) for n, v in c.items()}
        entries += trail.rows(s, t.user, operation, "action", x.ref, audit, batch=batch)
    trail.write(s, entries)
    return batch


def undo_batch(t: Tracker, batch: int) -> BatchResult:
    """Put back every value a batch changed, as a new batch. An action whose field has changed
    again since is left as it is, and named in `skipped`. A batch is undone once."""
    with t.db.writing() as s:
        require(t, s, "edit actions")
        head = _batch_entry(s, batch)
        done = s.scalars(
            select(AuditEntry).where(
                AuditEntry.entity == "batch",
                AuditEntry.entity_key == str(batch),
                AuditEntry.operation == "undone",
            )
        ).first()
        if done is not None:
            raise Conflict(
                f"batch {batch} was already undone by {done.actor} "
                f"({done.at:%d %b %Y %H:%M} UTC, batch {done.new})"
            )
        entries = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.batch_id == batch, AuditEntry.entity == "action")
            .order_by(AuditEntry.id)
        ).all()
        wanted: dict[str, dict[str, tuple[str | None, str | None]]] = {}
        for e in entries:
            if e.field in FIELDS:
                wanted.setdefault(e.entity_key, {})[e.field] = (e.old, e.new)
        labels = Labels(s)
        targets = {x.ref: x for x in _targets(s, t, list(wanted), None)} if wanted else {}
        changes: list[tuple[Target, dict[str, Any]]] = []
        skipped: list[str] = []
        for ref, fields in wanted.items():
            x = targets[ref]
            if any(labels.label(n, x.now[n]) != new for n, (_, new) in fields.items()):
                skipped.append(ref)
                continue
            changes.append((x, {n: labels.value(n, old) for n, (old, _) in fields.items()}))
        fields_used = tuple(n for n in FIELDS if any(n in c for _, c in changes))
        summary = f"undo batch {batch} ({head.new}): {counted(len(changes), 'actions')} put back"
        if not changes:
            raise Conflict(
                f"every action of batch {batch} has changed since ({', '.join(skipped[:5])}"
                f"{', ...' if len(skipped) > 5 else ''}); nothing was put back"
            )
        new_batch = store_batch_in(s, t, "undo", summary, changes, labels, fields_used)
        trail.record(s, t.user, "undone", "batch", str(batch),
                     {"undone by": (None, new_batch)})  # fmt: skip
        return BatchResult(new_batch, summary, tuple(x.ref for x, _ in changes), tuple(skipped))


def _batch_entry(s: Session, batch: int) -> AuditEntry:
    head = s.scalars(
        select(AuditEntry).where(
            AuditEntry.entity == "batch", AuditEntry.id == batch, AuditEntry.field.is_(None)
        )
    ).first()
    if head is None:
        raise NotFound(f"no batch {batch} (`tracker actions batches` lists them)")
    return head


def list_batches(t: Tracker, limit: int = 50) -> tuple[BatchView, ...]:
    """The latest bulk edits, newest first, with how many actions each changed."""
    from sqlalchemy import func

    with t.db.reading() as s:
        heads = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "batch", AuditEntry.field.is_(None))
            .order_by(AuditEntry.id.desc())
            .limit(limit)
        ).all()
        ids = [h.id for h in heads]
        counts: dict[int | None, int] = {
            b: n
            for b, n in s.execute(
                select(AuditEntry.batch_id, func.count(func.distinct(AuditEntry.entity_key)))
                .where(AuditEntry.batch_id.in_(ids), AuditEntry.entity == "action")
                .group_by(AuditEntry.batch_id)
            )
        }
        undone = {
            int(e.entity_key): int(e.new) if e.new and e.new.isdigit() else 0
            for e in s.scalars(
                select(AuditEntry).where(
                    AuditEntry.entity == "batch",
                    AuditEntry.operation == "undone",
                    AuditEntry.entity_key.in_([str(i) for i in ids]),
                )
            )
        }
        return tuple(
            BatchView(
                h.id, h.at, h.actor, h.operation, h.new or "", counts.get(h.id, 0), undone.get(h.id)
            )
            for h in heads
        )
