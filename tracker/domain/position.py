"""An action's position, and the one place it moves.

The position is the action's status, RAG, % complete and latest commentary, as of its latest
update (`latest_update_at`). Every writer (a status update, the editor, a cancellation, a sheet
import, a plan import) decides its move with `move`, which refuses to put the position behind
the action's latest update, and stores it with `apply` (an action loaded in the session) or
`write_all` (many actions in one batched statement). Both write the same columns, the same
status update and the same audit entries, in one wording:

  one entry per changed status, RAG and progress, and one for the commentary when it changed
  (old latest commentary -> new); a move that changes none of them still audits its commentary.

`explain` says what changed since a version was read, as data for a Conflict. The plain-SQL
write (`tracker.services.actions.position_sql`) decides with the same `move`, stores the same values
(`Move.action_values`, `update_values`, `changes` in the audit's wording) and explains a
refusal with the same `since` and `refusal`; only its queries are its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tracker.domain import audit as trail
from tracker.errors import Conflict, ConflictChange

if TYPE_CHECKING:  # the rule (`move`, `Move`) loads no SQLAlchemy: a plain-SQL writer uses it
    from sqlalchemy.orm import Session

    from tracker.models import Action

FIELDS = ("status", "rag", "progress")
# what an action's audit entries may name that moved its version (not "governance" notes)
VERSIONED = frozenset({
    "title", "description", "phase", "stage", "board", "owner", "lead_organisation", "start",
    "due", "status", "rag", "progress", "outcomes", "depends_on", "commentary",
    "cancelled_reason",
})  # fmt: skip


@dataclass(frozen=True)
class Position:
    status: str
    rag: str | None
    progress: int
    commentary: str | None
    at: dt.datetime | None  # when the latest update was recorded; None: never updated
    by: str | None = None  # who recorded it, when known (for explaining a refusal)

    @classmethod
    def of(cls, action: Action) -> Position:
        return cls(action.status, action.rag, action.progress, action.latest_commentary,
                   action.latest_update_at)  # fmt: skip

    def describe(self) -> str:
        return f"{self.status}, {self.rag or 'RAG not assessed'}, {self.progress}%"


@dataclass(frozen=True)
class Move:
    """One action's position moving: decided by `move`, stored by `apply` or `write_all`."""

    action_id: int | None  # None: an action not stored yet (apply gives it its id)
    ref: str
    version: int  # the version the move was decided on; a stored move is refused if it moved
    before: Position
    after: Position
    reason: str | None  # cancelled_reason after the move
    by: str  # who reports it: the status update's author and the audit entry's actor
    operation: str  # the audit operation: update, cancel, import, take-file, ...
    recorded: bool = True  # False: the update is already in the history (a plan file's)

    def changes(self) -> dict[str, tuple[object, object]]:
        b, a = self.before, self.after
        out: dict[str, tuple[object, object]] = {}
        if a.commentary != b.commentary:
            out["commentary"] = (b.commentary, a.commentary)
        for name in FIELDS:
            if getattr(a, name) != getattr(b, name):
                out[name] = (getattr(b, name), getattr(a, name))
        return out or {"commentary": (b.commentary, a.commentary)}

    def action_values(self) -> dict[str, Any]:
        a = self.after
        return {"status": a.status, "rag": a.rag, "progress": a.progress,
                "latest_update_at": a.at, "latest_commentary": a.commentary,
                "cancelled_reason": self.reason}  # fmt: skip

    def update_values(self, action_id: int) -> dict[str, Any]:
        a = self.after
        return {"action_id": action_id, "recorded_at": a.at, "recorded_by": self.by,
                "status": a.status, "rag": a.rag, "progress": a.progress,
                "commentary": a.commentary}  # fmt: skip


def stamp_after(latest: dt.datetime | None, now: dt.datetime) -> dt.datetime:
    """When a new update is stamped: now, or a second after the action's latest update if that
    is as late. Stamps are whole seconds; this keeps each action's history strictly ordered and
    every (action, time) unique, so a plan export imports again without a "duplicate update"."""
    if latest is not None and latest >= now:
        return latest + dt.timedelta(seconds=1)
    return now


def move(
    ref: str,
    action_id: int | None,
    version: int,
    before: Position,
    *,
    status: str,
    rag: str | None,
    progress: int,
    commentary: str | None,
    at: dt.datetime | None,
    by: str,
    operation: str,
    reason: str | None = None,
    recorded: bool = True,
) -> Move:
    """Decide a move of the position to (status, rag, progress, commentary) as of `at`.

    Refused (Conflict) if `at` is before the action's latest update (or unknown, None, while
    the action has one): the position only moves forward in its history. `reason` is the current cancelled_reason: a cancellation takes the
    commentary as its reason, a reopening clears it."""
    if before.at is not None and (at is None or at < before.at):
        this = f"({_when(at)})" if at else "(undated)"
        raise Conflict(
            f"action {ref} has a later update ({_when(before.at)}) than this one "
            f"{this}: its position only moves forward; nothing was changed",
            backdated(ref, before, status, rag, progress),
        )
    if status == "cancelled":
        reason = commentary
    elif before.status == "cancelled":
        reason = None
    after = Position(status, rag, progress, commentary, at, by)
    return Move(action_id, ref, version, before, after, reason, by, operation, recorded)


def backdated(
    ref: str, now: Position, status: str, rag: str | None, progress: int
) -> tuple[ConflictChange, ...]:
    """The position fields where an older position (yours) differs from the action's (theirs)."""
    yours = {"status": status, "rag": rag, "progress": progress}
    return tuple(
        ConflictChange(
            name, _shown(yours[name]), _shown(getattr(now, name)), now.by, now.at, record=ref
        )
        for name in FIELDS
        if yours[name] != getattr(now, name)
    )


def apply(s: Session, action: Action, m: Move) -> None:
    """Store a move on an action loaded in this session: its columns change with the caller's
    other changes (one version step at the next flush), plus the status update and audit."""
    for name, value in m.action_values().items():
        setattr(action, name, value)
    if m.recorded:
        from tracker.models import StatusUpdate

        if action.id is None:
            s.flush()  # a new action: its row first (version 1), so the update can name it
        s.add(StatusUpdate(**m.update_values(action.id)))
    trail.record(s, m.by, m.operation, "action", m.ref, m.changes())


def write_all(s: Session, moves: list[Move], *, bumped: frozenset[int] = frozenset()) -> None:
    """Store many moves at once: one batched versioned UPDATE of the actions, then inserts of
    the status updates and the audit. An action whose version moved since its move was decided
    (a concurrent writer) fails the whole write. `bumped`: ids whose version this transaction
    already moved (a plan import's other fields), which keep that one step."""
    if not moves:
        return
    params = []
    for m in moves:
        assert m.action_id is not None
        v = m.action_values()
        params.append({
            "b_id": m.action_id, "b_version": m.version, "b_status": v["status"],
            "b_rag": v["rag"], "b_progress": v["progress"], "b_at": v["latest_update_at"],
            "b_commentary": v["latest_commentary"], "b_reason": v["cancelled_reason"],
            "b_step": 0 if m.action_id in bumped else 1,
        })  # fmt: skip
    from sqlalchemy import bindparam, insert, update

    from tracker.models import Action, StatusUpdate

    table = Action.__table__
    stmt = (
        update(table)
        .where(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version"))
        .values(
            status=bindparam("b_status"),
            rag=bindparam("b_rag"),
            progress=bindparam("b_progress"),
            latest_update_at=bindparam("b_at"),
            latest_commentary=bindparam("b_commentary"),
            cancelled_reason=bindparam("b_reason"),
            version=table.c.version + bindparam("b_step"),
        )
    )
    conn = s.connection()
    moved = len(moves) - conn.execute(stmt, params).rowcount
    if moved:
        raise Conflict(
            f"{moved} action(s) were changed by someone else meanwhile; nothing was stored"
        )
    updates = [m.update_values(m.action_id) for m in moves if m.recorded and m.action_id]
    if updates:
        conn.execute(insert(StatusUpdate.__table__), updates)
    entries: list[dict[str, Any]] = []
    for m in moves:
        entries += trail.rows(s, m.by, m.operation, "action", m.ref, m.changes())
    trail.write(s, entries)


def explain(s: Session, action: Action, version: int) -> tuple[ConflictChange, ...]:
    """What changed on an action since `version` was read: each field with its value then, its
    value now, and who changed it last, when, from the audit trail (`since`)."""
    from sqlalchemy import select

    from tracker.models import AuditEntry

    steps = action.version - version
    if steps <= 0:
        return ()
    rows = s.execute(
        select(AuditEntry.field, AuditEntry.old, AuditEntry.new, AuditEntry.actor,
               AuditEntry.at, AuditEntry.operation)
        .where(AuditEntry.entity == "action", AuditEntry.entity_key == action.ref)
        .order_by(AuditEntry.id.desc())
        .limit(200 * steps)
    )  # fmt: skip
    return since(rows, steps)


def since(entries: Iterable[tuple[Any, ...]], steps: int) -> tuple[ConflictChange, ...]:
    """What `steps` version steps changed, from an action's audit entries newest first, each
    (field, old, new, actor, at, operation). Each write is one transaction, whose entries share
    one instant: one group per version step."""
    if steps <= 0:
        return ()
    changed: dict[str, list[Any]] = {}  # field -> [oldest old, newest new, who, when]
    groups: list[tuple[object, ...]] = []
    for field, old, new, actor, at, operation in entries:
        if field not in VERSIONED:
            continue  # a create, or a note that does not change the action (a board review)
        group = (at, actor, operation)
        if not groups or groups[-1] != group:
            if len(groups) == steps:
                break
            groups.append(group)
        if field in changed:
            changed[field][0] = old
        else:
            changed[field] = [old, new, actor, at]
    return tuple(
        ConflictChange(name, _shown(old), _shown(new), who, when)
        for name, (old, new, who, when) in reversed(changed.items())
        if old != new
    )


STALE = "changed since you read it"


def stale(s: Session, action: Action, version: int, how: str = STALE) -> Conflict:
    """The refusal of a write that started from an older version: what changed, by whom."""
    from sqlalchemy import select

    from tracker.models import StatusUpdate

    latest = s.execute(
        select(StatusUpdate.recorded_by, StatusUpdate.recorded_at)
        .where(StatusUpdate.action_id == action.id)
        .order_by(StatusUpdate.recorded_at.desc(), StatusUpdate.id.desc())
        .limit(1)
    ).first()
    return refusal(action.ref, version, action.version, latest, explain(s, action, version), how)


def refusal(
    ref: str,
    version: int,
    now: int,
    latest: Any,  # (author, time) of the action's latest update, or None
    changes: tuple[ConflictChange, ...],
    how: str = STALE,
) -> Conflict:
    """A write decided on `version` of action `ref`, which is now at `now`: refused, saying
    what changed and the latest update's (author, time)."""
    who = f" (latest update by {latest[0]}, {_when(latest[1])})" if latest else ""
    return Conflict(f"action {ref} {how}: version {version} is now {now}{who}", changes)


def _shown(value: object) -> str:
    text = trail.text(value)
    return "-" if text is None else text


def _when(at: dt.datetime) -> str:
    return f"{at:%d %b %Y %H:%M} UTC"
