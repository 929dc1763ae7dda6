"""Plan files: validate one, import one (all or nothing, idempotent), export the database.

Each call is one short transaction. A refused file raises InvalidInput with every problem
(file, line, column, field, what is allowed) and leaves the database exactly as it was.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.errors import InvalidInput
from tracker.files import write_text
from tracker.plans import LoadedPlan, ReadAhead, Report, collection_paused, load_plan, locate, quiet
from tracker.plans.bulk import roomy_sqlite_cache
from tracker.plans.fresh import FreshPlan, holds_no_plan
from tracker.plans.rows import SECTIONS
from tracker.services.context import Tracker
from tracker.services.plain_sql import SessionReader
from tracker.services.plain_write import SessionWriter, SqliteWriter, Writer
from tracker.services.reading import hidden_items, refuse_withheld

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class PlanSummary:
    """What a valid plan file holds."""

    file: str
    strategy: str
    start_year: int
    end_year: int
    counts: tuple[tuple[str, int], ...]  # (section, how many), in the order of the format

    def count(self, section: str) -> int:
        return dict(self.counts)[section]

    @property
    def actions(self) -> int:
        return self.count("actions")


@dataclass(frozen=True)
class SectionSummary:
    section: str
    created: int
    updated: int
    unchanged: int
    left: int  # in the database but not in the file: never deleted by an import


@dataclass(frozen=True)
class ImportSummary:
    file: str
    strategy: str
    dry_run: bool  # True: nothing was stored
    sections: tuple[SectionSummary, ...]
    actions_total: int  # actions in the file
    # logins the file gives roles that have no account yet: `tracker users add` gives them
    pending: tuple[str, ...] = ()

    def section(self, name: str) -> SectionSummary:
        return next(s for s in self.sections if s.section == name)

    @property
    def created(self) -> int:
        return sum(s.created for s in self.sections)

    @property
    def updated(self) -> int:
        return sum(s.updated for s in self.sections)

    @property
    def unchanged(self) -> int:
        return sum(s.unchanged for s in self.sections)

    @property
    def left(self) -> int:
        return sum(s.left for s in self.sections)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


@dataclass(frozen=True)
class ExportSummary:
    path: str | None  # None: not written to a file (the text is in `text`)
    strategy: str
    counts: tuple[tuple[str, int], ...]
    text: str = field(repr=False)

    def count(self, section: str) -> int:
        return dict(self.counts)[section]


class _DryRun(Exception):
    def __init__(self, summary: ImportSummary) -> None:
        self.summary = summary


def _plan_summary(plan: LoadedPlan) -> PlanSummary:
    st = plan.doc.strategy
    return PlanSummary(
        file=plan.file, strategy=st.title, start_year=st.start_year, end_year=st.end_year,
        counts=tuple(plan.doc.counts().items()),
    )  # fmt: skip


def validate_plan(path: str | os.PathLike[str], ahead: ReadAhead | None = None) -> PlanSummary:
    """Check a plan file without touching any database. ahead: the file already being read
    (tracker.plans.read_ahead)."""
    return _plan_summary(load_plan(path, ahead=ahead))


def import_plan(
    t: Tracker, path: str | os.PathLike[str], *, dry_run: bool = False, take_file: bool = False,
    progress: Report = quiet, ahead: ReadAhead | None = None,
) -> ImportSummary:  # fmt: skip
    """Load a plan file: creates what is new, updates what changed, deletes nothing.

    A file written before an action's latest update would undo it: refused whole (Conflict,
    naming each action, the file's values and the database's), unless `take_file`: then the
    file's values are stored over them and audited as taken from the file.
    dry_run: check and count everything, then roll back. progress: told each phase.
    ahead: the file already being read (tracker.plans.read_ahead).
    """
    with collection_paused():
        plan = load_plan(path, progress, ahead)
        try:
            if t.unrestricted and not plan.doc.access:
                # a SQLite file's local user: no check can refuse, so no SQLAlchemy to load
                # first; one sqlite3 transaction, whichever road the plan takes in it
                with t.writing_sql(cursor=True) as w:
                    summary = _import_with(w, t, plan, dry_run, take_file, progress)
            else:
                from tracker.services.accounts.permissions import require

                with t.db.writing() as s:
                    require(t, s, "import plans")
                    summary = import_in(
                        s, t, plan, dry_run=dry_run, take_file=take_file, progress=progress
                    )
                    if dry_run:
                        raise _DryRun(summary)  # leaves the transaction: rolled back
        except _DryRun as done:
            return done.summary
    return summary


def _import_with(
    w: Writer, t: Tracker, plan: LoadedPlan, dry_run: bool, take_file: bool, progress: Report
) -> ImportSummary:
    """In the writer's one transaction: into a database that holds no plan, on its cursor
    (`tracker.plans.fresh`); else the importer, on a session lent the writer's connection."""
    if not dry_run:
        fresh = _write_fresh(w, t, plan, progress)
        if fresh is not None:
            return fresh
    assert isinstance(w, SqliteWriter | SessionWriter)  # a SQLite file, or one in memory
    with w.session() as s:
        summary = import_in(s, t, plan, dry_run=dry_run, take_file=take_file, progress=progress,
                            fresh=False)  # fmt: skip
        if dry_run:
            raise _DryRun(summary)  # leaves the transaction: rolled back
    return summary


def import_on(w: Writer, t: Tracker, plan: LoadedPlan, progress: Report = quiet) -> (
    ImportSummary
):  # fmt: skip
    """`import_plan` in a writer's open transaction, without a permission check (`tracker init`
    of a new SQLite file loads every plan in one, after the schema snapshot)."""
    return _import_with(w, t, plan, False, False, progress)


def _write_fresh(w: Writer, t: Tracker, plan: LoadedPlan, progress: Report) -> (
    ImportSummary | None
):  # fmt: skip
    """The plan written by `tracker.plans.fresh` on the writer's cursor, if the database holds
    no plan and the file grants no roles; None (nothing written) if not."""
    if plan.doc.access:
        return None
    with w.cursor() as cur:
        if not holds_no_plan(cur):
            return None
        job = FreshPlan(cur, w.dialect, plan.doc, t.user, t.now(), w.now, file=plan.file,
                        progress=progress)  # fmt: skip
        if w.dialect == "sqlite":
            with roomy_sqlite_cache(cur):
                created = job.run()
        else:
            created = job.run()
    return _summary(plan, {name: (created.get(name, 0), 0, 0, 0) for name in SECTIONS}, ())


def _summary(
    plan: LoadedPlan, counts: dict[str, tuple[int, int, int, int]], pending: tuple[str, ...],
    *, dry_run: bool = False,
) -> ImportSummary:  # fmt: skip
    return ImportSummary(
        file=plan.file,
        strategy=plan.doc.strategy.title,
        dry_run=dry_run,
        sections=tuple(
            SectionSummary(section=name, created=c[0], updated=c[1], unchanged=c[2], left=c[3])
            for name in SECTIONS
            if name != "access" or plan.doc.access  # a file without access: as before
            for c in (counts[name],)
        ),
        actions_total=len(plan.doc.actions),
        pending=pending,
    )


def import_in(
    s: Session, t: Tracker, plan: LoadedPlan, *, dry_run: bool = False, take_file: bool = False,
    progress: Report = quiet, fresh: bool = True,
) -> ImportSummary:  # fmt: skip
    """`import_plan` inside an open write session (`tracker init` loads every plan in one).
    Into a database that holds no plan yet, the plan goes in on the session's own driver
    connection (`tracker.plans.fresh`), in its transaction (fresh=False: known not to)."""
    if fresh and not dry_run:
        done = _write_fresh(SessionWriter(s), t, plan, progress)
        if done is not None:
            return done
    from tracker.plans.importer import PlanImport

    job = PlanImport(
        s, plan.doc, t.user, t.now(), file=plan.file, take_file=take_file, progress=progress
    )
    issues = job.check()
    if issues:
        raise InvalidInput(locate(plan.text, plan.file, issues))
    counts = job.run()
    return _summary(
        plan, {name: (c.created, c.updated, c.unchanged, c.left) for name, c in counts.items()},
        job.pending, dry_run=dry_run,
    )  # fmt: skip


def export_plan(
    t: Tracker, path: str | os.PathLike[str] | None, *, strategy: str | None = None,
    progress: Report = quiet,
) -> ExportSummary:  # fmt: skip
    """Write a strategy's plan (the only one, or the one titled `strategy`) as YAML.

    The file is written to a temporary file beside it, then renamed over it, so it is never
    left half-written. path None: nothing is written; the text is in the summary.
    The plan is exported whole or not at all: an account that may not read every exempt item
    in full (tracker.services.reading) is refused, naming them, before anything is written.
    """
    from tracker.plans.exporter import export_text
    from tracker.services.accounts.permissions import permitted

    progress("reading the database and writing YAML", 0, None)
    with t.db.reading() as s:
        refuse_withheld(t, s, hidden_items(t, SessionReader(s)), "export the plan")
        # who holds which role is written for those who may see the accounts
        doc, text = export_text(s, strategy, access=permitted(t, s, "see accounts"))
    written = None
    if path is not None:
        progress("writing the file", 0, None)
        target = Path(path)
        write_text(target, text, field="plan file")
        written = str(target)
    return ExportSummary(
        path=written, strategy=doc.strategy.title, counts=tuple(doc.counts().items()), text=text
    )
