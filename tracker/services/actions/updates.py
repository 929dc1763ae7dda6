"""Recording a status update on an action: validated, versioned, audited, never lost."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from tracker.errors import Conflict, InvalidInput, NotFound, Problem
from tracker.models import Action, AuditEntry, StatusUpdate
from tracker.services import audit
from tracker.services.context import Tracker
from tracker.text import ALLOWED as TEXT_ALLOWED
from tracker.text import control_problem
from tracker.vocabulary import OPEN_STATUSES, RAGS, STATUSES

_UNSET = object()
AUTHOR_MAX = 200  # StatusUpdate.recorded_by and AuditEntry.actor are String(200)


@dataclass(frozen=True)
class UpdateResult:
    ref: str
    version: int  # the action's version after the update
    status: str
    rag: str | None
    progress: int
    recorded_at: dt.datetime
    recorded_by: str


def stamp_after(latest: dt.datetime | None, now: dt.datetime) -> dt.datetime:
    """When a new update is stamped: now, or a second after the action's latest update if that
    is as late. Stamps are whole seconds; this keeps each action's history strictly ordered and
    every (action, time) unique, so a plan export imports again without a "duplicate update"."""
    if latest is not None and latest >= now:
        return latest + dt.timedelta(seconds=1)
    return now


def check_update(
    *,
    current_status: str,
    due: dt.date | None,
    today: dt.date,
    status: str,
    rag: str | None,
    progress: int,
    note: str | None,
) -> list[Problem]:
    """The rules for a status update, shared by the CLI, the app and sheet imports."""
    problems: list[Problem] = []
    if status not in STATUSES:
        problems.append(Problem("status", f"unknown status {status!r}", ", ".join(STATUSES)))
    if rag is not None and rag not in RAGS:
        problems.append(Problem("rag", f"unknown RAG {rag!r}", ", ".join(RAGS)))
    if not isinstance(progress, int) or isinstance(progress, bool) or not 0 <= progress <= 100:
        problems.append(Problem("progress", f"{progress!r} is not a whole percentage", "0-100"))
    elif status == "complete" and progress != 100:
        problems.append(Problem("progress", f"a complete action is 100% done, not {progress}%"))
    wrong = control_problem(note) if isinstance(note, str) else None
    if wrong:
        problems.append(Problem("note", wrong, TEXT_ALLOWED))
    has_note = bool(note and note.strip())
    if not has_note:
        if rag in ("amber", "red"):
            problems.append(Problem("note", f"commentary is required when the RAG is {rag}"))
        elif status == "cancelled":
            problems.append(Problem("note", "a cancellation needs the reason as commentary"))
        elif due is not None and due < today and status in OPEN_STATUSES:
            problems.append(
                Problem("note", f"commentary is required: the action was due {due.isoformat()}")
            )
    if current_status == "cancelled" and status != "cancelled":
        problems.append(
            Problem("status", "the action is cancelled; reopen it by editing the action first")
        )
    return problems


def record_update(
    t: Tracker,
    ref: str,
    *,
    status: str | None = None,
    rag: str | None | object = _UNSET,
    progress: int | None = None,
    note: str | None = None,
    by: str | None = None,
    expected_version: int | None = None,
) -> UpdateResult:
    """Record a StatusUpdate and move the action's current position to it.

    Fields left out keep their current value. With `expected_version`, the update is refused
    as a Conflict if the action changed since that version was read.
    """
    author = (by or t.user).strip() or t.user
    if len(author) > AUTHOR_MAX:  # the column's size: PostgreSQL would refuse it mid-write
        raise InvalidInput(
            Problem("by", f"a name of {len(author)} characters", f"at most {AUTHOR_MAX}")
        )
    with t.db.writing() as s:
        action = s.scalars(select(Action).where(Action.ref == ref)).one_or_none()
        if action is None:
            raise NotFound(f"no action with ref {ref!r}")
        if expected_version is not None and expected_version > action.version:
            raise InvalidInput(
                Problem(
                    "expected version",
                    f"action {ref} is at version {action.version}; "
                    f"there is no version {expected_version}",
                )
            )
        if expected_version is not None and action.version != expected_version:
            raise _conflict(s, action, expected_version)
        new_status = status if status is not None else action.status
        new_rag = action.rag if rag is _UNSET else rag
        new_progress = progress if progress is not None else action.progress
        if status == "complete" and progress is None:
            new_progress = 100
        problems = check_update(
            current_status=action.status, due=action.due, today=t.today(), status=new_status,
            rag=new_rag, progress=new_progress, note=note,
        )  # type: ignore[arg-type]  # fmt: skip
        if problems:
            raise InvalidInput(problems)
        changes = {
            name: (old, new)
            for name, old, new in (
                ("status", action.status, new_status),
                ("rag", action.rag, new_rag),
                ("progress", action.progress, new_progress),
            )
            if old != new
        }
        now = stamp_after(action.latest_update_at, t.now())
        commentary = note.strip() if note and note.strip() else None
        s.add(
            StatusUpdate(
                action_id=action.id,
                recorded_at=now,
                recorded_by=author,
                status=new_status,
                rag=new_rag,
                progress=new_progress,
                commentary=commentary,
            )  # type: ignore[arg-type]  # fmt: skip
        )
        action.status = new_status
        action.rag = new_rag  # type: ignore[assignment]
        action.progress = new_progress
        action.latest_update_at = now
        action.latest_commentary = commentary
        if new_status == "cancelled":
            action.cancelled_reason = commentary
        audit.record(
            s, author, "update", "action", ref, changes or {"commentary": (None, commentary)}
        )
        try:
            s.flush()
        except StaleDataError:
            # another writer committed between our read and our write (PostgreSQL)
            raise Conflict(f"action {ref} was changed by someone else while you saved") from None
        return UpdateResult(
            ref=ref, version=action.version, status=new_status, rag=new_rag, progress=new_progress,
            recorded_at=now, recorded_by=author,
        )  # type: ignore[arg-type]  # fmt: skip


def _conflict(s: Session, action: Action, expected: int) -> Conflict:
    latest = s.scalars(
        select(StatusUpdate)
        .where(StatusUpdate.action_id == action.id)
        .order_by(StatusUpdate.recorded_at.desc(), StatusUpdate.id.desc())
        .limit(1)
    ).first()
    who = ""
    if latest is not None:
        when = latest.recorded_at.strftime("%d %b %Y %H:%M")
        who = f" (latest update by {latest.recorded_by}, {when} UTC)"
    return Conflict(
        f"action {action.ref} changed since you read it: version {expected} is now "
        f"{action.version}{who}",
        _changes_since(s, action, action.version - expected),
    )


def _changes_since(s: Session, action: Action, writes: int) -> tuple[tuple[str, str, str], ...]:
    """(field, value at the version read, value now) from the audit trail of the last `writes`
    changes to the action. Each write audits its fields under one timestamp and actor."""
    rows = s.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == "action", AuditEntry.entity_key == action.ref)
        .order_by(AuditEntry.id.desc())
        .limit(50 * writes)
    )
    changed: dict[str, list[str | None]] = {}  # field -> [oldest old, newest new]
    groups: list[tuple[object, ...]] = []
    for row in rows:
        group = (row.at, row.actor, row.operation)
        if not groups or groups[-1] != group:
            if len(groups) == writes:
                break
            groups.append(group)
        if row.field is None:
            continue
        if row.field in changed:
            changed[row.field][0] = row.old
        else:
            changed[row.field] = [row.old, row.new]
    return tuple(
        (name, "-" if old is None else old, "-" if new is None else new)
        for name, (old, new) in reversed(changed.items())
        if old != new
    )
