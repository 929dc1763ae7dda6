"""An action's position stored and explained in plain SQL, through any of the writers of
`tracker.services.plain_write`: `store` writes one move decided by `tracker.domain.position.move`
(the action's columns with one version step, its status update, its audit entries), text guarded
as `stored_text` guards a flush (line breaks made plain, control characters refused; the audit
trail exempt); `stale` words the refusal of a write decided on an older version."""

from __future__ import annotations

from typing import Any

from tracker.domain import audit as trail
from tracker.domain import position
from tracker.errors import Conflict, InvalidInput, Problem
from tracker.services.plain_sql import Params, Reader, as_utc
from tracker.services.plain_write import Writer
from tracker.stored_values import bound
from tracker.text import ALLOWED, control_problem, normalise_newlines


def _row(table: str, values: dict[str, Any], dialect: str) -> dict[str, Any]:
    """Values as the driver takes them, text guarded as `stored_text` guards a flush."""
    problems = []
    out = {}
    for name, value in values.items():
        if isinstance(value, str) and table != "audit_entry":
            value = normalise_newlines(value)
            wrong = control_problem(value)
            if wrong:
                problems.append(Problem(f"{table} {name}".replace("_", " "), wrong, ALLOWED))
        out[name] = bound(dialect, value)
    if problems:
        raise InvalidInput(problems)
    return out


def _insert(w: Writer, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    names = list(rows[0])
    marks = ", ".join(f":{n}" if w.dialect == "sqlite" else f"%({n})s" for n in names)
    w.execute_many(
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})",
        [_row(table, r, w.dialect) for r in rows],
    )


def store(w: Writer, m: position.Move) -> bool:
    """Store one move decided by `position.move`, as `position.apply` does: the action's
    columns and one version step (only if it is still at the version the move was decided
    on: False if not, and nothing was written), its status update and its audit entries."""
    assert m.action_id is not None
    values = _row("action", m.action_values(), w.dialect)
    p = Params(w.dialect)
    sets = ", ".join(f"{name} = {p(value)}" for name, value in values.items())
    changed = w.execute(
        f"UPDATE action SET {sets}, version = version + 1 "
        f"WHERE id = {p(m.action_id)} AND version = {p(m.version)}",
        p.values,
    )
    if changed != 1:
        return False
    if m.recorded:
        _insert(w, "status_update", [m.update_values(m.action_id)])
    _insert(w, "audit_entry",
            trail.rows_at(w.now, m.by, m.operation, "action", m.ref, m.changes()))  # fmt: skip
    return True


def stale(
    reader: Reader, action_id: int, ref: str, now: int, version: int, how: str = position.STALE
) -> Conflict:
    """`position.stale` read in plain SQL: the refusal of a write decided on an older version."""
    p = Params(reader.dialect)
    latest = reader.rows(
        "SELECT recorded_by, recorded_at FROM status_update "
        f"WHERE action_id = {p(action_id)} ORDER BY recorded_at DESC, id DESC LIMIT 1",
        p.values,
    )
    steps = now - version
    entries: list[tuple[Any, ...]] = []
    if steps > 0:
        p = Params(reader.dialect)
        entries = [
            (field, old, new, actor, as_utc(at), operation)
            for field, old, new, actor, at, operation in reader.rows(
                "SELECT field, old, new, actor, at, operation FROM audit_entry "
                f"WHERE entity = 'action' AND entity_key = {p(ref)} "
                f"ORDER BY id DESC LIMIT {p(200 * steps)}",
                p.values,
            )
        ]
    last = (latest[0][0], as_utc(latest[0][1])) if latest else None
    return position.refusal(ref, version, now, last, position.since(entries, steps), how)
