"""Importing a plan's actions: their fields, outcome and dependency links, and status updates.

Built for size (10,000 actions, 100,000 updates): one query per table to read what is there,
executemany INSERTs for what is new, id lookups through dicts. Updates are append-only: one is
added when (action, at, by) is not there yet, never edited. The file's status, RAG and progress
are the action's current position as of the file's newest update; `latest_update_at` /
`latest_commentary` follow the newest update, whether it was already in the database or comes
from the file. An existing action's position moves through tracker.domain.position.

A file written before an action's latest update in the database (its newest update is older, or
it has none) must not change that action: it would undo newer work. Such an action is refused,
all of them at once with what the file says and what the database holds, and nothing is
imported; unless the file is taken on purpose (`take_file`): then its values are stored, its
position recorded as a new update, and every overwritten value audited as "take-file".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Hashable, Mapping
from typing import Any

from sqlalchemy import and_, bindparam, delete, select

from tracker.domain import audit as trail
from tracker.domain import position
from tracker.domain.position import Position
from tracker.errors import Conflict, ConflictChange
from tracker.models import Action, ActionDependency, StatusUpdate, action_outcome
from tracker.plans import rows as built
from tracker.plans.bulk import sqlite_insert_updates, stamp, update_rows
from tracker.plans.document import ActionSpec, UpdateSpec
from tracker.plans.rows import UPDATE_COLUMNS, updates_entry
from tracker.plans.sync import Importing, naive
from tracker.vocabulary import counted

ACTION = Action.__table__
UPDATE = StatusUpdate.__table__
OUTCOME_LINK = action_outcome
DEPENDENCY = ActionDependency.__table__
COMPARED = (
    "phase_id", "stage_id", "board_id", "owner_id", "lead_organisation_id", "title",
    "description", "start", "due", "exempt_paragraph",
)  # fmt: skip
POSITION = ("status", "rag", "progress", "latest_update_at", "latest_commentary")
TAKE_FILE = "take-file"  # the audit operation of a value taken from the file over a newer one


_newest = built.newest


def _older(a: ActionSpec, latest: dt.datetime | None) -> bool:
    """Was the file written before the action's latest update in the database?"""
    newest = _newest(a.updates)
    return latest is not None and (newest is None or newest.at < latest)


def _shown(value: object) -> str:
    text = trail.text(value)
    return "-" if text is None else text


def _links(session: Any, table: Any, left: str, right: str, sid: int) -> dict[int, set[int]]:
    """action id -> linked ids, for the actions of one strategy."""
    stmt = (
        select(table.c[left], table.c[right])
        .join(ACTION, ACTION.c.id == table.c[left])
        .where(ACTION.c.strategy_id == sid)
    )
    out: dict[int, set[int]] = {}
    for a, b in session.execute(stmt):
        out.setdefault(a, set()).add(b)
    return out


class ActionsImport:
    def __init__(
        self, imp: Importing, sid: int, org_ids: dict[str, int], person_ids: dict[str, int],
        board_ids: dict[str, int], phase_ids: dict[int, int], stage_ids: dict[int, int],
        outcome_ids: dict[str, int],
    ) -> None:  # fmt: skip
        self.imp = imp
        self.s = imp.s
        self.sid = sid
        self.org_ids = org_ids
        self.person_ids = person_ids
        self.board_ids = board_ids
        self.phase_ids = phase_ids
        self.stage_ids = stage_ids
        self.outcome_ids = outcome_ids
        self.ids = built.ActionIds(sid, org_ids, person_ids, board_ids, phase_ids, stage_ids)

    def run(self) -> None:
        s, sid, actions = self.s, self.sid, self.imp.doc.actions
        cols = [ACTION.c.id, ACTION.c.ref, ACTION.c.version, ACTION.c.cancelled_reason,
                *(ACTION.c[c] for c in (*COMPARED, *POSITION))]  # fmt: skip
        existing: dict[Hashable, dict[str, Any]] = {}
        for m in s.execute(select(*cols).where(ACTION.c.strategy_id == sid)).mappings():
            stored = dict(m)
            stored["latest_update_at"] = naive(stored["latest_update_at"])
            existing[stored["ref"]] = stored
        ref_of = dict(s.execute(select(ACTION.c.id, ACTION.c.ref)).all())
        have_updates: set[tuple[int, dt.datetime, str]] = set()
        stmt = (
            select(UPDATE.c.action_id, UPDATE.c.recorded_at, UPDATE.c.recorded_by)
            .join(ACTION, ACTION.c.id == UPDATE.c.action_id)
            .where(ACTION.c.strategy_id == sid)
        )
        for aid, at, by in s.execute(stmt):
            have_updates.add((aid, at.replace(tzinfo=None), by))
        outcome_links = _links(s, OUTCOME_LINK, "action_id", "outcome_id", sid)
        dep_links = _links(s, DEPENDENCY, "action_id", "depends_on_id", sid)
        outcome_code = {v: k for k, v in self.outcome_ids.items()}

        # what is new in each action's history, and the links that change on existing actions
        new_updates: dict[str, list[UpdateSpec]] = {}
        forced: dict[Hashable, list[tuple[str, object, object]]] = {}
        for a in actions:
            row = existing.get(a.ref)
            aid = row["id"] if row else None
            new_updates[a.ref] = [
                u for u in a.updates if aid is None or (aid, u.at, u.by) not in have_updates
            ]
            if aid is None:
                continue
            old_out = sorted(outcome_code.get(o, str(o)) for o in outcome_links.get(aid, ()))
            if old_out != sorted(a.outcomes):
                forced.setdefault(a.ref, []).append(("outcomes", old_out, sorted(a.outcomes)))
            old_dep = sorted(ref_of.get(x, str(x)) for x in dep_links.get(aid, ()))
            if old_dep != sorted(a.depends_on):
                forced.setdefault(a.ref, []).append(("depends_on", old_dep, sorted(a.depends_on)))

        labels: dict[str, tuple[str, Mapping[object, object]]] = {
            "phase_id": ("phase", {v: k for k, v in self.phase_ids.items()}),
            "stage_id": ("stage", {v: k for k, v in self.stage_ids.items()}),
            "board_id": ("board", {v: k for k, v in self.board_ids.items()}),
            "owner_id": ("owner", {v: k for k, v in self.person_ids.items()}),
            "lead_organisation_id": ("lead_organisation", {v: k for k, v in self.org_ids.items()}),
        }
        # each existing action's move, and the actions the file is too old to change
        moves: dict[str, position.Move] = {}
        refused: list[ConflictChange] = []
        taken: set[str] = set()
        for a in actions:
            row = existing.get(a.ref)
            if row is None:
                continue
            values = self._values(a, row, new_updates[a.ref])
            step, stale = self._move(a, row, values)
            differ = self._differences(a.ref, row, values, forced, labels) if stale else []
            if differ and self.imp.take_file:
                taken.add(a.ref)
                step = self._taken(a, row, values)
            elif differ:
                refused += differ
            if step is not None:
                moves[a.ref] = step
        if refused:
            raise self._refusal(refused, existing)

        desired = (
            (a.ref, a.ref, self._values(a, existing.get(a.ref), new_updates[a.ref]))
            for a in actions
        )
        counts = self.imp.counts
        updated = self.imp.w.sync(
            counts["actions"], ACTION, "action", desired, existing, COMPARED, versioned=True,
            labels=labels, forced=forced, operations=dict.fromkeys(taken, TAKE_FILE),
        )  # fmt: skip
        ids = dict(
            s.execute(select(ACTION.c.ref, ACTION.c.id).where(ACTION.c.strategy_id == sid)).all()
        )
        bumped = frozenset(ids[ref] for ref in updated if ref in moves)
        for ref, step in list(moves.items()):
            if ref in updated:  # its other fields already moved the version one step
                moves[ref] = dataclasses.replace(step, version=step.version + 1)
            else:
                counts["actions"].updated += 1
                counts["actions"].unchanged -= 1
        position.write_all(s, list(moves.values()), bumped=bumped)
        self._write_links(ids, outcome_links, dep_links)
        self._write_updates(ids, new_updates, have_updates)

    def _move(
        self, a: ActionSpec, row: dict[str, Any], values: dict[str, Any]
    ) -> tuple[position.Move | None, bool]:
        """The move of an existing action's position to the file's (None: it stays), and
        whether the file is older than the action's latest update (then nothing may change)."""
        before = Position(row["status"], row["rag"], row["progress"], row["latest_commentary"],
                          row["latest_update_at"])  # fmt: skip
        stale = _older(a, before.at)
        if tuple(values[c] for c in POSITION) == tuple(row[c] for c in POSITION):
            return None, stale
        newest = _newest(a.updates)
        try:  # an older file's position would go behind the latest update: refused
            step = position.move(
                a.ref, row["id"], row["version"], before, status=a.status, rag=a.rag,
                progress=a.progress, commentary=values["latest_commentary"],
                at=(newest.at if newest else None) if stale else values["latest_update_at"],
                by=self.imp.w.actor, operation="import", reason=row["cancelled_reason"],
                recorded=False,
            )  # fmt: skip
        except Conflict:
            return None, True
        return step, stale

    def _taken(self, a: ActionSpec, row: dict[str, Any], values: dict[str, Any]) -> (
        position.Move | None
    ):  # fmt: skip
        """Taking an older file's side: its position becomes a new update, stamped now."""
        before = Position(row["status"], row["rag"], row["progress"], row["latest_commentary"],
                          row["latest_update_at"])  # fmt: skip
        if (a.status, a.rag, a.progress) == (before.status, before.rag, before.progress):
            return None
        note = (f"Position taken from the plan file {self.imp.file} over the newer "
                f"{before.describe()}")  # fmt: skip
        return position.move(
            a.ref, row["id"], row["version"], before, status=a.status, rag=a.rag,
            progress=a.progress, commentary=note,
            at=position.stamp_after(before.at, naive(self.imp.w.now) or self.imp.w.now),
            by=self.imp.w.actor, operation=TAKE_FILE, reason=row["cancelled_reason"],
        )  # fmt: skip

    def _differences(
        self, ref: str, row: dict[str, Any], values: dict[str, Any],
        forced: dict[Hashable, list[tuple[str, object, object]]],
        labels: Mapping[str, tuple[str, Mapping[object, object]]],
    ) -> list[ConflictChange]:  # fmt: skip
        """What the file says that differs from what the database holds, field by field."""
        out = []
        for c in ("status", "rag", "progress", *COMPARED):
            if row[c] == values[c]:
                continue
            name, names = labels.get(c, (c, {}))
            out.append(ConflictChange(name, _shown(names.get(values[c], values[c])),
                                      _shown(names.get(row[c], row[c])), record=ref))  # fmt: skip
        for name, old, new in forced.get(ref, ()):
            out.append(ConflictChange(name, _shown(new), _shown(old), record=ref))
        return out

    def _refusal(
        self, refused: list[ConflictChange], existing: dict[Hashable, dict[str, Any]]
    ) -> Conflict:
        """One refusal naming every action, with who recorded its latest update, when."""
        refs = sorted({c.record for c in refused if c.record})
        ids = [existing[r]["id"] for r in refs]
        latest = {
            aid: (by, at)
            for aid, by, at in self.s.execute(
                select(UPDATE.c.action_id, UPDATE.c.recorded_by, UPDATE.c.recorded_at)
                .join(
                    ACTION,
                    and_(
                        ACTION.c.id == UPDATE.c.action_id,
                        ACTION.c.latest_update_at == UPDATE.c.recorded_at,
                    ),
                )
                .where(ACTION.c.id.in_(ids))
            )
        }
        by_ref = {r: latest.get(existing[r]["id"], (None, None)) for r in refs}
        changes = [
            dataclasses.replace(c, who=by_ref[c.record][0], when=by_ref[c.record][1])
            for c in refused
            if c.record
        ]
        return Conflict(
            f"{self.imp.file}: written before the latest update of {counted(len(refs), 'actions')} in "
            f"the database ({', '.join(refs)}); importing it would undo newer work, so "
            "nothing was imported",
            changes,
            yours="the file says",
        )

    def _values(
        self, a: ActionSpec, row: dict[str, Any] | None, new: list[UpdateSpec]
    ) -> dict[str, Any]:
        latest_at = row["latest_update_at"] if row else None
        commentary = row["latest_commentary"] if row else None
        newest = _newest(new)
        if newest is not None and (latest_at is None or newest.at > latest_at):
            latest_at, commentary = newest.at, newest.commentary
        return built.action(a, self.ids, latest_at, commentary, self.imp.w.now)

    def _write_links(
        self, ids: dict[str, int], outcome_links: dict[int, set[int]],
        dep_links: dict[int, set[int]],
    ) -> None:  # fmt: skip
        add_out: list[tuple[int, int]] = []  # (action_id, outcome_id)
        drop_out: list[dict[str, int]] = []
        add_dep: list[tuple[int, int]] = []  # (action_id, depends_on_id)
        drop_dep: list[dict[str, int]] = []
        none: set[int] = set()
        for a in self.imp.doc.actions:
            aid = ids[a.ref]
            want = {self.outcome_ids[c] for c in a.outcomes}
            have = outcome_links.get(aid, none)
            add_out += [(aid, o) for o in sorted(want - have)]
            if have:
                drop_out += [{"a": aid, "b": o} for o in sorted(have - want)]
            want = {ids[r] for r in a.depends_on}
            have = dep_links.get(aid, none)
            add_dep += [(aid, d) for d in sorted(want - have)]
            if have:
                drop_dep += [{"a": aid, "b": d} for d in sorted(have - want)]
        s = self.s
        if drop_out:
            t = OUTCOME_LINK
            cond = and_(t.c.action_id == bindparam("a"), t.c.outcome_id == bindparam("b"))
            s.execute(delete(t).where(cond), drop_out)
        if drop_dep:
            t = DEPENDENCY
            cond = and_(t.c.action_id == bindparam("a"), t.c.depends_on_id == bindparam("b"))
            s.execute(delete(t).where(cond), drop_dep)
        self.imp.w.insert_tuples(OUTCOME_LINK, ("action_id", "outcome_id"), add_out)
        self.imp.w.insert_tuples(DEPENDENCY, ("action_id", "depends_on_id"), add_dep)

    def _write_updates(
        self, ids: dict[str, int], new_updates: dict[str, list[UpdateSpec]],
        have: set[tuple[int, dt.datetime, str]],
    ) -> None:  # fmt: skip
        """The file's new status updates, in one executemany, and ONE audit entry for them all
        (UPDATES_ENTRY): each update row already records who recorded it and when, and the
        import's own entries say who imported what; 100,000 entries of "created" said nothing
        more and cost as much to write as the updates themselves."""
        count = self.imp.counts["updates"]
        out: list[tuple[Any, ...]] = []
        in_file = 0
        actions = 0
        sqlite = self.s.get_bind().dialect.name == "sqlite"
        for a in self.imp.doc.actions:
            aid = ids[a.ref]
            in_file += len(a.updates)
            new = new_updates[a.ref]
            if not new:
                continue
            actions += 1
            out += update_rows(aid, new, sqlite)
        count.created += len(out)
        count.unchanged += in_file - len(out)
        file_ids = set(ids[a.ref] for a in self.imp.doc.actions)
        count.left += sum(1 for aid, _, _ in have if aid in file_ids) - (in_file - len(out))
        if not out:
            return
        self.imp.w.audit("status_update", self.imp.file, None, None,
                         updates_entry(len(out), actions))  # fmt: skip
        if sqlite:  # on the driver's own connection, in this transaction
            dbapi = self.s.connection().connection.dbapi_connection
            assert dbapi is not None
            sqlite_insert_updates(dbapi.cursor(), out)
        else:
            self.imp.w.insert_tuples(UPDATE, UPDATE_COLUMNS, out)


__all__ = ["UPDATE_COLUMNS", "ActionsImport", "stamp", "updates_entry"]
