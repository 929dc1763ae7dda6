"""An action's change log: every change the audit trail holds for it, one entry per write (who,
when, what kind) with each field's old and new value. Status updates are there beside edits:
a re-baselined date, a new owner, a cancellation, a bulk edit (naming its batch)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from tracker import input_rules
from tracker.services.actions.register import no_action
from tracker.services.context import Tracker
from tracker.services.plain_sql import Params, Reader, as_utc
from tracker.services.reading import LOGGED_AND_SHOWN, hidden_actions
from tracker.vocabulary import exempt_label

POSITION_FIELDS = frozenset({"status", "rag", "progress", "commentary"})
KINDS = {"update": "status update", "create": "created", "cancel": "cancelled",
         "import": "imported", "bulk-set": "bulk edit", "undo": "bulk edit undone",
         "take-file": "taken from the plan file", "sheet": "sheet import"}  # fmt: skip


PEOPLE_FIELDS = frozenset({"owner"})  # logged as person codes
BOARD_FIELDS = frozenset({"board"})  # logged as board codes


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str | None  # as logged (codes, ISO dates): --json gives these
    new: str | None
    old_shown: str | None = None  # as a person reads it (names, 30 Jun 2027), when different
    new_shown: str | None = None

    def describe(self) -> str:
        old, new = self.old_shown or self.old, self.new_shown or self.new
        return f"{self.field.replace('_', ' ')} {old or '-'} → {new or '-'}"


@dataclass(frozen=True)
class ChangeEntry:
    at: dt.datetime
    by: str
    operation: str
    changes: tuple[FieldChange, ...]
    batch: int | None = None

    @property
    def kind(self) -> str:
        """How a person would call it: 'status update', 'edit', 'bulk edit', ..."""
        if self.operation == "update" and not self.is_edit:
            return "status update"
        if self.operation == "update":
            return "edit"
        return KINDS.get(self.operation, self.operation)

    @property
    def is_edit(self) -> bool:
        """Changes the plan (dates, owner, board, ...), not only the position."""
        return self.operation in ("cancel", "bulk-set", "undo") or any(
            c.field not in POSITION_FIELDS and c.field != "governance" for c in self.changes
        )  # a verdict at a meeting is in the update's trail, not an edit of the plan

    def describe(self) -> str:
        """The fields as one line; a commentary is quoted as the new text only."""
        parts = [
            f"commentary: {c.new}" if c.field == "commentary" else c.describe()
            for c in self.changes
        ]
        return "; ".join(parts) or "created"

    def as_dict(self) -> dict[str, object]:
        return {
            "at": self.at.isoformat(),
            "by": self.by,
            "kind": self.kind,
            "batch": self.batch,
            "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in self.changes],
        }


def action_log(t: Tracker, ref: str, *, edits_only: bool = False, limit: int = 500) -> tuple[
    ChangeEntry, ...
]:  # fmt: skip
    """An action's changes, newest first: one entry per write (the audit entries of one
    transaction share its instant, actor and operation). `edits_only`: leave out the entries
    that only moved the position (the update history shows those). An exempt action the acting
    account may not read in full (tracker.services.reading) has its words withheld: only the
    fields its register row and detail show keep their old and new values."""
    ref = input_rules.ref(ref)
    with t.reading_sql() as reader:  # plain SQL: `tracker actions show` loads no SQLAlchemy
        return log_in(t, reader, ref, edits_only=edits_only, limit=limit)


def log_in(
    t: Tracker, reader: Reader, ref: str, *, edits_only: bool = False, limit: int = 500,
    found: dict[str, int] | None = None,
) -> tuple[ChangeEntry, ...]:  # fmt: skip
    """`action_log` in an open read transaction. `found`: the action is known to exist in this
    transaction, and these are `reading.hidden_actions` (read already: not asked again)."""
    p = Params(reader.dialect)
    if found is None and not reader.rows(f"SELECT id FROM action WHERE ref = {p(ref)}", p.values):
        raise no_action(reader, ref)
    p = Params(reader.dialect)
    logged = reader.rows(
        "SELECT at, actor, operation, batch_id, field, old, new FROM audit_entry "
        f"WHERE entity = 'action' AND entity_key = {p(ref)} "
        f"ORDER BY id DESC LIMIT {p(limit * 8)}",
        p.values,
    )
    if found is not None:
        hidden = {ref: found[ref]} if ref in found else {}
    else:
        hidden = hidden_actions(t, reader, (ref,)) if logged else {}
    names = _names(reader, logged)
    rows: list[tuple[Any, ...]] = [tuple(r) for r in logged]
    if ref in hidden:  # exempt, and not for this account: only what its register row shows
        words = exempt_label(hidden[ref])
        rows = [
            (*r[:5], *(v if r[4] in LOGGED_AND_SHOWN or v is None else words for v in r[5:]))
            for r in rows
        ]
    groups: list[tuple[tuple[Any, ...], list[tuple[Any, ...]]]] = []
    for row in rows:
        key = tuple(row[:4])
        if groups and groups[-1][0] == key:
            groups[-1][1].append(tuple(row))
        else:
            groups.append((key, [tuple(row)]))
    out: list[ChangeEntry] = []
    for _, entries in groups:
        at, actor, operation, batch = entries[0][:4]
        changes = tuple(
            FieldChange(str(e[4]), _text(e[5]), _text(e[6]))
            for e in reversed(entries)
            if e[4] is not None
        )
        stamp = as_utc(at)
        assert stamp is not None  # NOT NULL
        changes = tuple(_shown(c, names) for c in changes)
        entry = ChangeEntry(stamp, str(actor), str(operation), changes, _int(batch))
        if edits_only and not entry.is_edit:
            continue
        out.append(entry)
        if len(out) == limit:
            break
    return tuple(out)


def _names(reader: Any, logged: Any) -> dict[tuple[str, str], str]:
    """(field kind, code) -> the name a person reads, for the people and boards logged."""
    wanted: dict[str, set[str]] = {"person": set(), "board": set()}
    for r in logged:
        kind = "person" if r[4] in PEOPLE_FIELDS else "board" if r[4] in BOARD_FIELDS else None
        if kind:
            wanted[kind].update(str(v) for v in r[5:7] if v is not None)
    out: dict[tuple[str, str], str] = {}
    for table, columns in (("person", "code, name, role"), ("board", "code, name, NULL")):
        codes = sorted(wanted[table])
        if not codes:
            continue
        p = Params(reader.dialect)
        marks = ", ".join(p(c) for c in codes)
        for code, name, role in reader.rows(
            f"SELECT {columns} FROM {table} WHERE code IN ({marks})", p.values
        ):
            shown = name or role
            if shown:
                out[(table, str(code))] = str(shown)
    return out


def _shown(c: FieldChange, names: dict[tuple[str, str], str]) -> FieldChange:
    """The change with its values as a person reads them: names for codes, 30 Jun 2027."""
    kind = "person" if c.field in PEOPLE_FIELDS else "board" if c.field in BOARD_FIELDS else None

    def show(value: str | None) -> str | None:
        if value is None:
            return None
        if kind:
            return names.get((kind, value))
        if len(value) == 10 and value[4] == "-" and value[7] == "-":
            day, _ = input_rules.read_date(value)
            return input_rules.short_date(day) if day else None
        return None

    return dataclasses.replace(c, old_shown=show(c.old), new_shown=show(c.new))


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _int(value: object) -> int | None:
    return None if value is None else int(str(value))
