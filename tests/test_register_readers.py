"""The register's one SQL query runs through a reader without SQLAlchemy (sqlite3 on the file,
or psycopg alone: what `tracker actions list` uses, so it never loads SQLAlchemy) and through a
SQLAlchemy session (the app's other reads). Both must give the user the same rows."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tracker.errors import NotReady
from tracker.services.actions.register import (
    SORT_COLUMNS,
    ActionFilter,
    list_actions,
    register_count,
    register_rows,
)
from tracker.services.context import Tracker, open_tracker
from tracker.services.plain_sql import PostgresReader, SessionReader, SqliteReader
from tracker.services.plans import import_plan

REGISTER = Path(__file__).parent / "data" / "plans" / "register.yaml"
TODAY = dt.date(2026, 3, 1)

FILTERS = [
    ActionFilter(),
    ActionFilter(search="partnership event"),
    ActionFilter(search="%"),
    ActionFilter(owner="brown"),
    ActionFilter(board="sfb", rag="none"),
    ActionFilter(overdue=True),
    ActionFilter(phase=2, status="not started"),
    ActionFilter(due_from=dt.date(2026, 1, 1), due_before=dt.date(2026, 12, 31), open_only=True),
]


@pytest.fixture
def register(tracker: Tracker) -> Tracker:
    import_plan(tracker, REGISTER)
    return tracker


@pytest.mark.parametrize("sort", SORT_COLUMNS)
@pytest.mark.parametrize("descending", [False, True])
def test_both_readers_give_the_same_rows(register: Tracker, sort: str, descending: bool) -> None:
    seen = []
    light = open_tracker(register.settings)  # a fresh handle, as a command opens one
    for f in FILTERS:
        with light.reading_sql() as reader:
            assert isinstance(reader, SqliteReader | PostgresReader)
            direct = register_rows(reader, f, TODAY, sort=sort, descending=descending)
        with register.db.reading() as s:
            through_session = register_rows(
                SessionReader(s), f, TODAY, sort=sort, descending=descending
            )
            counted = register_count(SessionReader(s), f, TODAY)
        assert direct == through_session, f
        assert counted == len(direct)
        seen.extend(direct)
    light.close()
    assert len(seen) > 8  # the filters found something
    # the dates come back as dates, the timestamps as aware UTC, either way
    row = next(r for r in seen if r.last_update is not None and r.due is not None)
    assert isinstance(row.due, dt.date) and row.last_update.tzinfo == dt.UTC


def test_plain_sql_uses_the_pool_once_sqlalchemy_is_open(register: Tracker) -> None:
    """A SQLite file is always read with sqlite3; PostgreSQL through SQLAlchemy's pool once a
    service has opened it (the app), with psycopg alone before that (a command)."""
    fresh = open_tracker(register.settings)
    try:
        with fresh.reading_sql() as reader:
            assert isinstance(reader, SqliteReader | PostgresReader)
        fresh.db  # noqa: B018 - a service that needs the ORM opens the engine
        with fresh.reading_sql() as reader:
            sqlite = register.settings.sqlite_path() is not None
            assert isinstance(reader, SqliteReader if sqlite else SessionReader)
        assert len(list_actions(fresh).rows) == 8
    finally:
        fresh.close()


SQLITE_ONLY = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def test_threads_sharing_one_tracker_all_get_their_rows(register: Tracker) -> None:
    """The app's thread workers share one handle (and so one sqlite3 connection)."""
    expected = [r.ref for r in list_actions(register).rows]
    results: list[list[str]] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(20):
                results.append([r.ref for r in list_actions(register).rows])
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    assert results == [expected] * 80


def test_a_missing_or_unreadable_file_is_a_clear_refusal(tmp_path: Path) -> None:
    with pytest.raises(NotReady, match="cannot read the database at .*nowhere.db"):
        SqliteReader(tmp_path / "nowhere.db")
    assert not (tmp_path / "nowhere.db").exists()  # and it was not created
    junk = tmp_path / "junk.db"
    junk.write_text("this is not a database\n" * 100)
    with pytest.raises(NotReady, match="junk.db: file is not a database"):
        SqliteReader(junk).schema_version()


@SQLITE_ONLY
def test_the_reader_cannot_write(register: Tracker) -> None:
    path = register.settings.sqlite_path()
    assert path is not None
    reader = SqliteReader(path)
    try:
        with pytest.raises(NotReady, match="readonly"), reader.reading():
            reader.rows("DELETE FROM action", {})
    finally:
        reader.close()
    assert len(list_actions(register).rows) == 8


@pytest.mark.parametrize(
    "args",
    [
        ["actions", "list"],
        ["actions", "list", "--format", "csv", "--board", "sfb"],
        ["actions", "list", "--format", "json", "--search", "roadmap", "--sort", "due"],
    ],
)
def test_listing_actions_never_loads_sqlalchemy(
    register: Tracker, settings_file: Path, args: list[str]
) -> None:
    """What keeps `tracker actions list` quick to start (benchmarks/README.md)."""
    probe = (
        "import sys\n"
        "from tracker.cli import main\n"
        f"sys.argv = ['tracker', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic'))\n"
        "print('LOADED', code, loaded, file=sys.stderr)\n"
    )
    env = {**os.environ, "TRACKER_CONFIG": str(settings_file)}
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    assert "A-02" in done.stdout  # it listed the actions
    assert done.stderr.strip().splitlines()[-1] == "LOADED 0 []"
