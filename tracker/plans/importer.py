"""Applying a validated PlanDocument to the database, inside the caller's transaction.

Identity on re-import (plans/README.md): organisations, people, boards, outcomes, indicators by
code; phases and stages by number; actions by ref; meetings by (board, date, title);
resolutions by (meeting, number); follow-ups by (resolution, position); readings by (indicator,
date, period); updates by (action, at, by). What changed is updated (and audited), what is new
is created, nothing is deleted. The actions and meetings parts live in their own modules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.models import (
    Action,
    Board,
    Commitment,
    Indicator,
    IndicatorReading,
    Organisation,
    Outcome,
    Person,
    Phase,
    Stage,
    Strategy,
)
from tracker.plans import import_access, import_actions, import_meetings
from tracker.plans import rows as built
from tracker.plans.document import PlanDocument, Report, quiet
from tracker.plans.issues import Issue
from tracker.plans.rows import SECTIONS
from tracker.plans.sync import Count, Syncer, ids_by, roomy_cache, rows


class PlanImport:
    """One import: checks against the database first, then writes everything."""

    def __init__(
        self, session: Session, doc: PlanDocument, actor: str, now: dt.datetime, *,
        file: str = "the plan file", take_file: bool = False, progress: Report = quiet,
    ) -> None:  # fmt: skip
        self.s = session
        self.doc = doc
        self.file = file
        self.take_file = take_file  # store the file's values over newer ones (audited)
        self.w = Syncer(session, actor, now)
        self.counts = {name: Count() for name in SECTIONS}
        self.title = doc.strategy.title
        self.progress = progress
        self.total = sum(doc.counts().values())
        self.done = 0
        self.pending: tuple[str, ...] = ()  # logins given roles that have no account yet

    def _step(self, phase: str, *sections: str) -> None:
        """Tell the progress: `phase` is next, and `sections` (of the counts) were written."""
        counts = self.doc.counts()
        self.done += sum(counts.get(name, 0) for name in sections)
        self.progress(phase, self.done, self.total)

    def check(self) -> list[Issue]:
        """Problems only the database can show: an action ref owned by another strategy."""
        # the tables' columns, not the mapped classes': an ORM statement would set up every
        # mapper first (half a second), and an import needs none
        st, act = Strategy.__table__, Action.__table__
        sid = self.s.scalar(select(st.c.id).where(st.c.title == self.title))
        owners = dict(self.s.execute(select(act.c.ref, act.c.strategy_id)).all())
        others = {
            row.id: row.title
            for row in self.s.execute(select(st.c.id, st.c.title).where(st.c.id != sid))
        } if owners else {}  # fmt: skip
        issues = []
        for i, a in enumerate(self.doc.actions):
            owner = owners.get(a.ref)
            if owner is not None and owner != sid:
                issues.append(
                    Issue(
                        ("actions", i, "ref"),
                        f"action {a.ref} belongs to another strategy in the database "
                        f"({others.get(owner, '?')!r}); refs are unique across strategies",
                    )
                )
        return issues

    def run(self) -> dict[str, Count]:
        with roomy_cache(self.s):
            return self._write()

    def _write(self) -> dict[str, Count]:
        self._step("writing the strategy, boards and people")
        sid = self._strategy()
        org_ids = self._organisations()
        person_ids = self._people(org_ids)
        board_ids = self._boards(person_ids)
        self.pending = import_access.run(
            self.s, self.w, self.counts["access"], self.doc.access, board_ids
        )
        phase_ids = self._phases(sid)
        stage_ids = self._stages(sid)
        outcome_ids = self._outcomes()
        self._indicators(outcome_ids, board_ids)
        self._step(
            "writing actions and updates", "organisations", "people", "boards", "phases",
            "stages", "commitments", "outcomes", "indicators", "readings",
        )  # fmt: skip
        actions = import_actions.ActionsImport(
            self, sid, org_ids, person_ids, board_ids, phase_ids, stage_ids, outcome_ids
        )
        actions.run()
        self._step("writing meetings", "actions", "updates")
        import_meetings.run(self, board_ids, person_ids)
        self._step("writing the audit trail", "meetings", "resolutions", "followups")
        self.w.flush_audit()
        self._step("committing")
        return self.counts

    # -- the frame of the plan -----------------------------------------------------------------

    def _strategy(self) -> int:
        table = Strategy.__table__
        st = self.doc.strategy
        existing = rows(self.s, table, lambda r: r["title"], table.c.title == st.title)
        ids: dict[Hashable, int] = {k: r["id"] for k, r in existing.items()}
        values = built.strategy(st)
        self.w.sync(
            self.counts["strategy"], table, "strategy", [(st.title, st.title, values)], existing,
            ("start_year", "end_year", "vision", "principles", "source", "rag_green", "rag_red"),
            ids=ids,
        )  # fmt: skip
        return ids[st.title]

    def _organisations(self) -> dict[str, int]:
        table = Organisation.__table__
        existing = rows(self.s, table, lambda r: r["code"])
        desired = [(o.code, o.code, built.organisation(o)) for o in self.doc.organisations]
        self.w.sync(
            self.counts["organisations"], table, "organisation", desired, existing, ("name",)
        )
        return ids_by(self.s, table, "code")

    def _people(self, org_ids: dict[str, int]) -> dict[str, int]:
        table = Person.__table__
        existing = rows(self.s, table, lambda r: r["code"])
        desired = [(p.code, p.code, built.person(p, org_ids)) for p in self.doc.people]
        org_codes = {v: k for k, v in org_ids.items()}
        self.w.sync(
            self.counts["people"], table, "person", desired, existing,
            ("name", "role", "email", "organisation_id"),
            labels={"organisation_id": ("organisation", org_codes)},
        )  # fmt: skip
        return ids_by(self.s, table, "code")

    def _boards(self, person_ids: dict[str, int]) -> dict[str, int]:
        table = Board.__table__
        existing = rows(self.s, table, lambda r: r["code"])
        ids: dict[Hashable, int] = {code: r["id"] for code, r in existing.items()}

        def desired() -> Any:
            for b in built.parents_first(self.doc.boards):  # a new parent's id before a child
                yield b.code, b.code, built.board(b, ids, person_ids)

        codes: dict[Any, Any] = {r["id"]: code for code, r in existing.items()}
        people = {v: k for k, v in person_ids.items()}
        self.w.sync(
            self.counts["boards"], table, "board", desired(), existing,
            ("name", "kind", "parent_id", "chair_id", "chair_description", "meets", "area",
             "description", "tolerances"),
            versioned=True, ids=ids,
            labels={"parent_id": ("parent", codes), "chair_id": ("chair", people)},
        )  # fmt: skip
        return {str(k): v for k, v in ids.items()}

    def _phases(self, sid: int) -> dict[int, int]:
        table = Phase.__table__
        existing = rows(self.s, table, lambda r: r["number"], table.c.strategy_id == sid)
        desired = [
            (p.number, built.phase_key(self.title, p), built.phase(sid, p)) for p in self.doc.phases
        ]
        self.w.sync(
            self.counts["phases"], table, "phase", desired, existing,
            ("name", "start_year", "end_year", "description"),
            labels={"start_year": ("start", None), "end_year": ("end", None)},
        )  # fmt: skip
        return {
            n: i
            for n, i in self.s.execute(
                select(table.c.number, table.c.id).where(table.c.strategy_id == sid)
            )
        }

    def _stages(self, sid: int) -> dict[int, int]:
        table = Stage.__table__
        existing = rows(self.s, table, lambda r: r["number"], table.c.strategy_id == sid)
        desired = [
            (st.number, built.stage_key(self.title, st), built.stage(sid, st))
            for st in self.doc.stages
        ]
        self.w.sync(
            self.counts["stages"], table, "stage", desired, existing, ("name", "description")
        )
        ids = {
            n: i
            for n, i in self.s.execute(
                select(table.c.number, table.c.id).where(table.c.strategy_id == sid)
            )
        }
        ctable = Commitment.__table__
        in_file = [ids[st.number] for st in self.doc.stages]
        existing_c = rows(
            self.s, ctable, lambda r: (r["stage_id"], r["position"]), ctable.c.stage_id.in_(in_file)
        )
        desired_c = [
            (
                (ids[st.number], pos),
                built.commitment_key(self.title, st, pos),
                built.commitment(ids[st.number], pos, text),
            )
            for st in self.doc.stages
            for pos, text in enumerate(st.commitments)
        ]
        self.w.sync(
            self.counts["commitments"], ctable, "commitment", desired_c, existing_c, ("text",)
        )
        return ids

    def _outcomes(self) -> dict[str, int]:
        table = Outcome.__table__
        existing = rows(self.s, table, lambda r: r["code"])
        desired = [
            (o.code, o.code, built.outcome(pos, o)) for pos, o in enumerate(self.doc.outcomes)
        ]
        self.w.sync(
            self.counts["outcomes"], table, "outcome", desired, existing, ("name", "position")
        )
        return ids_by(self.s, table, "code")

    def _indicators(self, outcome_ids: dict[str, int], board_ids: dict[str, int]) -> None:
        table = Indicator.__table__
        existing = rows(self.s, table, lambda r: r["code"])
        desired = [
            (i.code, i.code, built.indicator(i, outcome_ids, board_ids))
            for i in self.doc.indicators
        ]
        outcomes = {v: k for k, v in outcome_ids.items()}
        boards = {v: k for k, v in board_ids.items()}
        self.w.sync(
            self.counts["indicators"], table, "indicator", desired, existing,
            ("name", "outcome_id", "board_id", "unit", "target", "direction", "frequency",
             "source"),
            versioned=True,
            labels={"outcome_id": ("outcome", outcomes), "board_id": ("board", boards)},
        )  # fmt: skip
        ids = ids_by(self.s, table, "code")
        rtable = IndicatorReading.__table__
        in_file = [ids[i.code] for i in self.doc.indicators]
        existing_r = rows(
            self.s, rtable, lambda r: (r["indicator_id"], r["date"], r["period"]),
            rtable.c.indicator_id.in_(in_file),
        )  # fmt: skip
        desired_r = [
            (
                (ids[i.code], r.date, r.period),
                built.reading_key(i, r),
                built.reading(ids[i.code], r),
            )
            for i in self.doc.indicators
            for r in i.readings
        ]
        self.w.sync(
            self.counts["readings"], rtable, "indicator_reading", desired_r, existing_r,
            ("value", "note"),
        )  # fmt: skip


__all__ = ["SECTIONS", "PlanImport"]
