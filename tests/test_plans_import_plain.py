"""A plan imported into a database that holds none goes in on the driver alone
(`tracker.plans.fresh`), without SQLAlchemy. It must leave the database exactly as the importer
on a SQLAlchemy session does: every table, every row, every column, ids included, on SQLite and
PostgreSQL, for every plan file we ship or test with and a generated benchmark plan. Only the
moments of the run itself differ (the audit entries' instant, an action's `created_at`) and the
calendar UIDs made up for meetings and follow-ups the file gives none: those are compared as
"a UUID" and "the same moment in every row"."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from database_helpers import truncate_all
from sqlalchemy import inspect, text

from tracker.models import Base
from tracker.plans import fresh, load_plan
from tracker.plans.importer import PlanImport
from tracker.services import plans
from tracker.services.context import Tracker

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "plans"
PLAN_FILES = [
    ROOT / "plans" / "early-help-2024-2029.yaml",
    DATA / "small.yaml",
    DATA / "app.yaml",
    DATA / "register.yaml",
    DATA / "reporting.yaml",
]
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
RUN_MOMENTS = {("audit_entry", "at"), ("action", "created_at")}  # when the import ran


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("plan") / "generated.yaml"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--actions", "300",
         "--updates", "3000", "--resolutions", "60", "--boards", "8", "--out", str(out)],
        check=True, capture_output=True,
    )  # fmt: skip
    return out


def _dump(t: Tracker) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows as stored (no type conversion), by id; run moments and made-up
    UIDs replaced by markers, each run moment checked to be one instant for the whole table."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with t.db.engine.connect() as conn:
        found = inspect(conn)
        for name in sorted(found.get_table_names()):
            if name == "alembic_version":
                continue
            # JSON as its text: psycopg reads a JSON null and an SQL NULL both as None
            picked = ", ".join(
                f'"{c["name"]}"::text' if conn.dialect.name == "postgresql"
                and str(c["type"]).startswith("JSON") else f'"{c["name"]}"'
                for c in found.get_columns(name)
            )  # fmt: skip
            result = conn.execute(text(f'SELECT {picked} FROM "{name}"'))
            columns = [c["name"] for c in found.get_columns(name)]
            rows = [list(r) for r in result]
            for i, column in enumerate(columns):
                if (name, column) in RUN_MOMENTS:
                    assert len({r[i] for r in rows}) <= 1, (name, column)
                    for r in rows:
                        r[i] = "<the run's moment>"
                if column == "uid":
                    for r in rows:
                        if isinstance(r[i], str) and UUID.match(r[i]):
                            r[i] = "<a uuid>"
            out[name] = sorted((tuple(r) for r in rows), key=repr)
    return out


def _by_the_importer(t: Tracker, path: Path) -> dict[str, int]:
    """The plan through the importer on a SQLAlchemy session, as `import_in` ran it before;
    how many of each section it created."""
    plan = load_plan(path)
    with t.db.writing() as s:
        job = PlanImport(s, plan.doc, t.user, t.now(), file=plan.file)
        assert job.check() == []
        counts = job.run()
    return {name: c.created for name, c in counts.items() if name != "access"}


def _empty(t: Tracker) -> None:
    """Every row deleted, ids to start from 1 again."""
    if t.db.engine.dialect.name == "postgresql":
        t.db.dispose()
        truncate_all(t.db.url)
        return
    with t.db.engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(text(f'DELETE FROM "{table.name}"'))
        if conn.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'")).first():
            conn.execute(text("DELETE FROM sqlite_sequence"))


@pytest.mark.parametrize("which", [p.name for p in PLAN_FILES] + ["generated"])
def test_a_plan_into_an_empty_database_is_stored_exactly_as_the_importer_stores_it(
    tracker: Tracker, db_url: str, which: str, generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = generated if which == "generated" else next(p for p in PLAN_FILES if p.name == which)
    created = _by_the_importer(tracker, path)
    expected = _dump(tracker)
    assert expected["action"], "the plan holds actions"

    _empty(tracker)
    written = []
    real_run = fresh.FreshPlan.run

    def run(self: fresh.FreshPlan) -> dict[str, int]:
        written.append(self.dialect)
        return real_run(self)

    monkeypatch.setattr(fresh.FreshPlan, "run", run)
    summary = plans.import_plan(tracker, path)
    assert written == [tracker.db.engine.dialect.name], "the plan went in on the driver alone"
    got = _dump(tracker)
    for table in sorted(Base.metadata.tables):
        assert got.get(table) == expected.get(table), table
    assert {s.section: s.created for s in summary.sections} == created
    assert summary.updated == summary.unchanged == summary.left == 0

    # and again: the importer finds everything there, as after its own import
    again = plans.import_plan(tracker, path)
    assert not again.changed and again.unchanged == summary.created
