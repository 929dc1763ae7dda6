"""Creating, editing and cancelling actions: validated whole, versioned, audited.

Values come as a form gives them (text, numbers, dates or None); every problem is reported at
once, named by field, and nothing is stored until all are fixed. Changing the status, RAG or
% complete also appends a StatusUpdate, so the history stays the record of the position.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from tracker import input_rules
from tracker.domain import position
from tracker.errors import InvalidInput, Problem
from tracker.models import Action, Board, Organisation, Person, Phase, Stage, Strategy
from tracker.services import audit
from tracker.services.accounts.permissions import require
from tracker.services.actions.form import FIELDS, POSITION, ActionForm, check_position, clean_text
from tracker.services.actions.register import no_action
from tracker.services.actions.updates import Raced, changed_meanwhile, flush_or_race
from tracker.services.context import Tracker
from tracker.services.plain_sql import SessionReader


@dataclass(frozen=True)
class EditResult:
    ref: str
    version: int
    changed: tuple[str, ...]  # the fields that changed, in FIELDS order


def _strategy_for_new(s: Session) -> Strategy:
    strategy = s.scalars(select(Strategy).order_by(Strategy.id).limit(1)).first()
    if strategy is None:
        raise InvalidInput(Problem("strategy", "there is no plan yet: import one first"))
    return strategy


def _apply(action: Action, r: Mapping[str, object]) -> dict[str, tuple[object, object]]:
    """Set the resolved values on the row; returns the audit changes."""
    changes: dict[str, tuple[object, object]] = {}
    for name in FIELDS:
        if name not in r or name in ("ref", "note"):
            continue
        new = r[name]
        old = getattr(action, name)
        if _label(name, old) == _label(name, new):
            continue
        changes[name] = (_label(name, old), _label(name, new))
        setattr(action, name, list(new) if isinstance(new, list) else new)
    return changes


def _label(name: str, value: object) -> object:
    """A field's value as the audit trail shows it: rows by code, phases and stages by number."""
    if isinstance(value, Phase | Stage):
        return value.number
    if isinstance(value, Board | Person | Organisation):
        return value.code
    if name == "outcomes" and isinstance(value, list):
        return ", ".join(o.code for o in value) or None
    if name == "depends_on" and isinstance(value, list):
        return ", ".join(sorted(a.ref for a in value)) or None
    return value


def _move(
    t: Tracker, action: Action, before: position.Position, reason: str | None,
    changes: Mapping[str, tuple[object, object]], note: object,
) -> position.Move | None:  # fmt: skip
    """The move of a changed status, RAG or % (None if none changed), recorded as a status
    update on the fixed today, if one is set."""
    if not any(name in changes for name in POSITION):
        return None
    words = "; ".join(f"{n} {old if old is not None else '-'} → {new if new is not None else '-'}"
                      for n, (old, new) in changes.items() if n in POSITION)  # fmt: skip
    return position.move(
        action.ref, action.id, action.version, before, status=action.status, rag=action.rag,
        progress=action.progress,
        commentary=str(note) if note else f"Changed in the action editor: {words}",
        at=position.stamp_after(before.at, t.now()), by=t.user, operation="update",
        reason=reason,
    )  # fmt: skip


def create_action(t: Tracker, values: Mapping[str, object]) -> EditResult:
    """Add an action. Needs ref, title and phase; everything else is optional."""
    values = dict(values)
    for name in ("ref", "title", "phase"):
        values.setdefault(name, None)
    values.setdefault("status", "not started")
    values.setdefault("progress", 0)
    with t.db.writing() as s:
        require(t, s, "edit actions")
        strategy = _strategy_for_new(s)
        form = ActionForm(s, strategy, None)
        form.check(values)
        check_position(form, t, None)
        if form.problems:
            raise InvalidInput(form.problems)
        r = form.resolved
        action = Action(
            ref=r["ref"], strategy_id=strategy.id, title=r["title"], phase=r["phase"],
            status=r.get("status") or "not started", rag=r.get("rag"),
            progress=r.get("progress") or 0,
        )  # fmt: skip
        s.add(action)
        rest = {k: v for k, v in r.items() if k not in ("ref", "title", "phase", *POSITION)}
        with s.no_autoflush:  # one INSERT: a new action starts at version 1
            _apply(action, rest)
            start = {"status": "not started", "rag": None, "progress": 0}
            now = {"status": action.status, "rag": action.rag, "progress": action.progress}
            moved = {n: (start[n], now[n]) for n in POSITION if start[n] != now[n]}
            audit.record(s, t.user, "create", "action", action.ref)
            fresh = position.Position("not started", None, 0, None, None)
            step = _move(t, action, fresh, None, moved, r.get("note"))
            if step is not None:
                position.apply(s, action, step)
        s.flush()
        return EditResult(ref=action.ref, version=action.version, changed=tuple(
            n for n in FIELDS if n in r and n != "note"))  # fmt: skip


def _load(s: Session, ref: str, expected_version: int) -> tuple[Action, Strategy]:
    ref = input_rules.ref(ref)
    action = s.scalars(select(Action).where(Action.ref == ref)).one_or_none()
    if action is None:
        raise no_action(SessionReader(s), ref)
    if action.version != expected_version:
        raise position.stale(s, action, expected_version, "changed since you opened it")
    strategy = s.get(Strategy, action.strategy_id)
    assert strategy is not None
    return action, strategy


def edit_action(
    t: Tracker, ref: str, expected_version: int, changes: Mapping[str, object]
) -> EditResult:
    """Change the given fields of an action read at `expected_version`.

    A stale version raises Conflict; invalid values raise InvalidInput naming every field.
    """
    ref = input_rules.ref(ref)
    try:
        return _edit(t, ref, expected_version, changes)
    except Raced as raced:
        raise changed_meanwhile(t, raced) from None


def _edit(t: Tracker, ref: str, expected_version: int, changes: Mapping[str, object]) -> EditResult:
    with t.db.writing() as s:
        require(t, s, "edit actions")
        action, strategy = _load(s, ref, expected_version)
        if "ref" in changes and (clean_text(changes["ref"]) or "").upper() != ref:
            raise InvalidInput(
                Problem(
                    "ref",
                    "an action's ref cannot change: papers, plans and the audit "
                    "trail know it by its ref; cancel it and add a new one instead",
                )
            )
        form = ActionForm(s, strategy, action)
        form.check({k: v for k, v in changes.items() if k != "ref"})
        check_position(form, t, action)
        if form.problems:
            raise InvalidInput(form.problems)
        before, reason = position.Position.of(action), action.cancelled_reason
        with s.no_autoflush:  # one UPDATE, so the version moves by exactly one
            done = _apply(action, form.resolved)
            if not done:
                return EditResult(ref=ref, version=action.version, changed=())
            # links live in other tables: make sure the action's version still moves
            flag_modified(action, "title")
            fields = {n: c for n, c in done.items() if n not in POSITION}
            if fields:
                audit.record(s, t.user, "update", "action", ref, fields)
            step = _move(t, action, before, reason, done, form.resolved.get("note"))
            if step is not None:
                position.apply(s, action, step)
        flush_or_race(s, ref, expected_version)
        return EditResult(ref=ref, version=action.version, changed=tuple(done))


def cancel_action(t: Tracker, ref: str, expected_version: int, reason: str) -> EditResult:
    """Cancel an action, giving the reason. It stays in the register and keeps its history."""
    ref = input_rules.ref(ref)
    text = clean_text(reason)
    if not text:
        raise InvalidInput(Problem("reason", "required: say why the action is cancelled"))
    try:
        return _cancel(t, ref, expected_version, text)
    except Raced as raced:
        raise changed_meanwhile(t, raced) from None


def _cancel(t: Tracker, ref: str, expected_version: int, text: str) -> EditResult:
    with t.db.writing() as s:
        require(t, s, "edit actions")
        action, _ = _load(s, ref, expected_version)
        if action.status == "cancelled":
            raise InvalidInput(Problem("status", f"action {ref} is already cancelled"))
        step = position.move(
            ref, action.id, action.version, position.Position.of(action), status="cancelled",
            rag=action.rag, progress=action.progress, commentary=text,
            at=position.stamp_after(action.latest_update_at, t.now()), by=t.user,
            operation="cancel", reason=action.cancelled_reason,
        )  # fmt: skip
        position.apply(s, action, step)
        flush_or_race(s, ref, expected_version)
        return EditResult(ref=ref, version=action.version, changed=("status",))


def problems_by_field(problems: Iterable[Problem]) -> dict[str, list[str]]:
    """Messages grouped by field, for showing each next to its input."""
    out: dict[str, list[str]] = {}
    for p in problems:
        text = p.message + (f" (allowed: {p.allowed})" if p.allowed else "")
        out.setdefault(p.field, []).append(text)
    return out
