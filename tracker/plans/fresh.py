"""A plan written into a database that holds no plan yet, on the driver's own connection.

The first import of a plan and `tracker init` create every item of the file: there is nothing
to read back, compare or move, so the importer's work on a SQLAlchemy session (`importer`) comes
down to INSERTs. This writes the same rows (built in one place, `rows`), the same audit entries
(`tracker.domain.audit`) in the same order, through a DB-API cursor (sqlite3 or psycopg) in the
caller's transaction: one executemany per table, ids read back by their codes. It imports no
SQLAlchemy and no models, so `tracker plan import` into an empty database loads neither.

Not here: a database that already holds any plan item (the importer compares and updates), a
plan with an `access:` section (its roles go to accounts through the ORM), a dry run.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any

from tracker import ending
from tracker.domain import audit as trail
from tracker.plans import rows as built
from tracker.plans.bulk import sqlite_indexes_after, sqlite_insert_updates, update_rows
from tracker.plans.document import PlanDocument, Report, quiet
from tracker.stored_values import bound

# every table a plan import writes but the audit trail: all empty, or the importer's road
PLAN_TABLES = (
    "strategy", "organisation", "person", "board", "phase", "stage", "commitment", "outcome",
    "indicator", "indicator_reading", "action", "action_outcome", "action_dependency",
    "status_update", "meeting", "resolution", "followup",
)  # fmt: skip

# columns whose values go in as JSON text, as SQLAlchemy's JSON type writes them (None as null)
JSON_COLUMNS = frozenset({("strategy", "principles"), ("board", "tolerances")})

# columns the importer leaves to the models' constant defaults (a new row's first version)
VERSIONED = frozenset({"board", "indicator", "action", "meeting", "followup"})

OPERATION = "import"

# the large tables whose indexes SQLite makes after the rows (`bulk.sqlite_indexes_after`)
REBUILT = frozenset({"action", "audit_entry"})


def _sample(rows: Sequence[Mapping[str, Any]], name: str) -> Any:
    """The column's first value that is not None (its type says how it is bound)."""
    return next((r[name] for r in rows if r[name] is not None), None)


def holds_no_plan(cur: Any) -> bool:
    """True when no table a plan is written to has a row (one query)."""
    probes = ", ".join(f"(SELECT 1 FROM {table} LIMIT 1)" for table in PLAN_TABLES)
    cur.execute(f"SELECT {probes}")
    return all(value is None for value in cur.fetchone())


class FreshPlan:
    """One plan written in full: `run()` on a cursor whose transaction the caller ends."""

    def __init__(
        self, cur: Any, dialect: str, doc: PlanDocument, actor: str, now: dt.datetime,
        at: dt.datetime, *, file: str, progress: Report = quiet,
    ) -> None:  # fmt: skip
        self.cur = cur
        self.dialect = dialect
        self.sqlite = dialect == "sqlite"
        self.doc = doc
        self.actor = actor
        self.now = now  # what the rows record as made (an action's created_at)
        self.at = at  # the transaction's instant on the tracker's clock: the audit entries'
        self.file = file
        self.progress = progress
        self.audit: list[dict[str, Any]] = []
        self.created: dict[str, int] = {}
        self._counts = doc.counts()
        self._total = sum(self._counts.values())
        self._done = 0
        if not self.sqlite:
            from psycopg.types.json import Json  # only where psycopg is the driver

            self._json: Any = Json
        else:
            self._json = json.dumps

    # -- the driver ------------------------------------------------------------------------------

    def _sql(self, sql: str) -> str:
        return sql if self.sqlite else sql.replace("?", "%s")

    def _value(self, table: str, name: str, value: Any) -> Any:
        if (table, name) in JSON_COLUMNS:
            return self._json(value)
        return bound(self.dialect, value)

    def _insert(self, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
        """Rows (all with the same keys) in one executemany, a new row's version 1 with them.
        Values are bound as SQLAlchemy's types store them (`stored_values.bound`, JSON as
        text), touching only the columns that hold a date, a time or JSON."""
        if not rows:
            return
        names = list(rows[0])
        pick = itemgetter(*names)
        values: list[Any] = (
            [pick(r) for r in rows] if len(names) > 1 else [(pick(r),) for r in rows]
        )
        bind = [
            i for i, n in enumerate(names)
            if (table, n) in JSON_COLUMNS or isinstance(_sample(rows, n), dt.date)
        ]  # fmt: skip
        if bind:
            lists = [list(v) for v in values]
            for i in bind:
                convert = self._converter(table, names[i])
                for v in lists:
                    v[i] = convert(v[i])
            values = [tuple(v) for v in lists]
        if table in VERSIONED:
            names.append("version")
            values = [v + (1,) for v in values]
        marks = ", ".join("?" for _ in names)
        sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})"
        if self.sqlite and table in REBUILT:
            with sqlite_indexes_after(self.cur, table):
                self.cur.executemany(sql, values)
        else:
            self.cur.executemany(self._sql(sql), values)

    def _converter(self, table: str, name: str) -> Any:
        if (table, name) in JSON_COLUMNS:
            return self._json
        dialect = self.dialect
        done: dict[Any, Any] = {}  # a transaction's instant is in every audit entry: once

        def convert(value: Any) -> Any:
            if value in done:
                return done[value]
            out = done[value] = bound(dialect, value)
            return out

        return convert

    def _insert_one(self, table: str, row: Mapping[str, Any]) -> int:
        names = list(row)
        values = tuple(self._value(table, n, row[n]) for n in names)
        if table in VERSIONED:
            names.append("version")
            values += (1,)
        marks = ", ".join("?" for _ in names)
        sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks}) RETURNING id"
        self.cur.execute(self._sql(sql), values)
        return int(self.cur.fetchone()[0])

    def _ids(self, table: str, *key: str, where: str = "", params: Sequence[Any] = ()) -> (
        dict[Any, int]
    ):  # fmt: skip
        """The new rows' ids by their key columns (one column: its value; more: a tuple)."""
        self.cur.execute(self._sql(f"SELECT id, {', '.join(key)} FROM {table}{where}"), params)
        if len(key) == 1:
            return {k: i for i, k in self.cur.fetchall()}
        return {tuple(k): i for i, *k in self.cur.fetchall()}

    # -- what the import says -------------------------------------------------------------------

    def _created(self, section: str, entity: str, keys: Iterable[str]) -> None:
        entries = trail.said_of_each(self.at, self.actor, OPERATION, entity, keys, "created")
        self.audit += entries
        self.created[section] = self.created.get(section, 0) + len(entries)

    def _step(self, phase: str, *sections: str) -> None:
        self._done += sum(self._counts.get(name, 0) for name in sections)
        self.progress(phase, self._done, self._total)

    # -- the plan, table by table, in the importer's order ----------------------------------------

    def run(self) -> dict[str, int]:
        """Writes everything; returns how many of each section were created."""
        doc, title = self.doc, self.doc.strategy.title
        self._step("writing the strategy, boards and people")
        sid = self._insert_one("strategy", built.strategy(doc.strategy))
        self._created("strategy", "strategy", [title])
        self._insert("organisation", [built.organisation(o) for o in doc.organisations])
        self._created("organisations", "organisation", (o.code for o in doc.organisations))
        org_ids = self._ids("organisation", "code")
        self._insert("person", [built.person(p, org_ids) for p in doc.people])
        self._created("people", "person", (p.code for p in doc.people))
        person_ids = self._ids("person", "code")
        board_ids: dict[Any, int] = {}
        boards = built.parents_first(doc.boards)  # a parent's id is known before its children
        for b in boards:
            board_ids[b.code] = self._insert_one("board", built.board(b, board_ids, person_ids))
        self._created("boards", "board", (b.code for b in boards))
        self._insert("phase", [built.phase(sid, p) for p in doc.phases])
        self._created("phases", "phase", (built.phase_key(title, p) for p in doc.phases))
        phase_ids = self._ids("phase", "number")
        self._insert("stage", [built.stage(sid, st) for st in doc.stages])
        self._created("stages", "stage", (built.stage_key(title, st) for st in doc.stages))
        stage_ids = self._ids("stage", "number")
        self._insert("commitment", [
            built.commitment(stage_ids[st.number], pos, text)
            for st in doc.stages for pos, text in enumerate(st.commitments)
        ])  # fmt: skip
        self._created("commitments", "commitment", (
            built.commitment_key(title, st, pos)
            for st in doc.stages for pos in range(len(st.commitments))
        ))  # fmt: skip
        self._insert("outcome", [built.outcome(pos, o) for pos, o in enumerate(doc.outcomes)])
        self._created("outcomes", "outcome", (o.code for o in doc.outcomes))
        outcome_ids = self._ids("outcome", "code")
        self._insert("indicator", [
            built.indicator(i, outcome_ids, board_ids) for i in doc.indicators
        ])  # fmt: skip
        self._created("indicators", "indicator", (i.code for i in doc.indicators))
        indicator_ids = self._ids("indicator", "code")
        self._insert("indicator_reading", [
            built.reading(indicator_ids[i.code], r) for i in doc.indicators for r in i.readings
        ])  # fmt: skip
        self._created("readings", "indicator_reading", (
            built.reading_key(i, r) for i in doc.indicators for r in i.readings
        ))  # fmt: skip
        self._step(
            "writing actions and updates", "organisations", "people", "boards", "phases",
            "stages", "commitments", "outcomes", "indicators", "readings",
        )  # fmt: skip
        ids = built.ActionIds(sid, org_ids, person_ids, board_ids, phase_ids, stage_ids)
        self._actions(ids, outcome_ids)
        self._step("writing meetings", "actions", "updates")
        self._meetings(board_ids, person_ids)
        self._step("writing the audit trail", "meetings", "resolutions", "followups")
        self._write_audit()
        self._step("committing")
        return self.created

    def _actions(self, ids: built.ActionIds, outcome_ids: Mapping[str, int]) -> None:
        actions = self.doc.actions
        rows = []
        for a in actions:
            newest = built.newest(a.updates)
            rows.append(built.action(
                a, ids, newest.at if newest else None, newest.commentary if newest else None,
                self.now,
            ))  # fmt: skip
        self._insert("action", rows)
        ending.keep(rows)
        self._created("actions", "action", (a.ref for a in actions))
        action_ids = self._ids("action", "ref", where=" WHERE strategy_id = ?", params=(ids.sid,))
        links = [
            (aid, o) for a in actions for aid in (action_ids[a.ref],)
            for o in sorted({outcome_ids[c] for c in a.outcomes})
        ]  # fmt: skip
        self._insert_pairs("action_outcome", ("action_id", "outcome_id"), links)
        deps = [
            (aid, d) for a in actions for aid in (action_ids[a.ref],)
            for d in sorted({action_ids[r] for r in a.depends_on})
        ]  # fmt: skip
        self._insert_pairs("action_dependency", ("action_id", "depends_on_id"), deps)
        out: list[tuple[Any, ...]] = []
        updated = 0
        for a in actions:
            if a.updates:
                updated += 1
                out += update_rows(action_ids[a.ref], a.updates, self.sqlite)
        ending.keep(out)  # in a command's process: left to its end, not freed one by one
        self.created["updates"] = len(out)
        if not out:
            return
        self.audit.append(trail.said_at(self.at, self.actor, OPERATION, "status_update",
                                        self.file, built.updates_entry(len(out), updated)))  # fmt: skip
        if self.sqlite:
            sqlite_insert_updates(self.cur, out)
        else:
            self._insert_pairs("status_update", built.UPDATE_COLUMNS, out)

    def _insert_pairs(self, table: str, names: Sequence[str], values: list[tuple[Any, ...]]) -> (
        None
    ):  # fmt: skip
        """Rows of plain values, already as the driver takes them."""
        if values:
            marks = ", ".join("?" for _ in names)
            sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})"
            self.cur.executemany(self._sql(sql), values)

    def _meetings(self, board_ids: Mapping[str, int], person_ids: Mapping[str, int]) -> None:
        meetings = self.doc.meetings
        self._insert("meeting", [built.meeting(m, board_ids[m.board]) for m in meetings])
        self._created("meetings", "meeting", (m.label for m in meetings))
        by_key = self._ids("meeting", "board_id", "date", "title")

        def mid(m: Any) -> int:
            stored = bound(self.dialect, m.date)
            return by_key[(board_ids[m.board], stored, m.title)]

        meeting_ids = [mid(m) for m in meetings]
        self._insert("resolution", [
            built.resolution(m, i, pos, r)
            for m, i in zip(meetings, meeting_ids, strict=True)
            for pos, r in enumerate(m.resolutions)
        ])  # fmt: skip
        self._created("resolutions", "resolution", (
            built.resolution_key(m, r) for m in meetings for r in m.resolutions
        ))  # fmt: skip
        resolution_ids = self._ids("resolution", "meeting_id", "number")
        self._insert("followup", [
            built.followup(i, resolution_ids[(i, r.number)], r, pos, f, person_ids)
            for m, i in zip(meetings, meeting_ids, strict=True)
            for r in m.resolutions
            for pos, f in enumerate(r.followups)
        ])  # fmt: skip
        self._created("followups", "followup", (
            built.followup_key(m, r, pos)
            for m in meetings for r in m.resolutions for pos in range(len(r.followups))
        ))  # fmt: skip

    def _write_audit(self) -> None:
        self._insert("audit_entry", self.audit)
        ending.keep(self.audit)
        self.audit = []
