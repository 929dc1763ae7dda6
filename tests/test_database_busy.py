"""Another program holding the database's write lock (a second `tracker` writing, a backup tool,
a session with a transaction open): a write waits `[database] busy_timeout` seconds, then is
refused in plain words (the database is busy: another program is writing to it; try again),
with a non-zero exit and the data as they were; once the other program lets go, the same
command works. SQLite: a second connection holding `BEGIN EXCLUSIVE`; PostgreSQL: a second
session holding the action's row (`SELECT ... FOR UPDATE`), waited for up to lock_timeout. A
read waits only for a program holding the whole database (a table locked, a file held in
exclusive mode), and says so in the same words."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from actions_cli_helpers import REGISTER, run, show_json
from database_helpers import held_by_another_program

from tracker.config import Settings, SettingsError, load_settings
from tracker.services.context import open_tracker
from tracker.services.plans import import_plan

BUSY = "the database is busy: another program is writing to it"


@pytest.fixture
def busy_settings(settings_file: Path) -> Settings:
    """The register plan, with a short wait for another program's lock (half a second)."""
    text = settings_file.read_text(encoding="utf-8")
    settings_file.write_text(text.replace("[database]\n", "[database]\nbusy_timeout = 0.5\n"),
                             encoding="utf-8")  # fmt: skip
    settings = load_settings(settings_file)
    t = open_tracker(settings)
    try:
        import_plan(t, REGISTER)
    finally:
        t.close()
    return settings


def test_a_write_while_another_program_holds_the_database_says_it_is_busy(
    busy_settings: Settings,
) -> None:
    before = show_json("A-03")
    with held_by_another_program(busy_settings, "A-03"):
        result = run("actions", "update", "A-03", "--progress", "70", "--note", "Two hubs")
    assert result.exit_code == 2, result.output
    assert BUSY in result.output and "nothing was changed" in result.output
    assert "Try again" in result.output and "Traceback" not in result.output
    assert show_json("A-03") == before
    again = run("actions", "update", "A-03", "--progress", "70", "--note", "Two hubs")
    assert again.exit_code == 0, again.output
    assert show_json("A-03")["progress"] == 70


def test_an_edit_through_sqlalchemy_while_the_database_is_held_says_it_is_busy(
    busy_settings: Settings,
) -> None:
    """`actions set` writes through a SQLAlchemy session (not the plain-SQL writer)."""
    before = show_json("A-03")
    with held_by_another_program(busy_settings, "A-03"):
        result = run("actions", "set", "A-03", "--due", "2026-09-30", "--yes")
    assert result.exit_code == 2, result.output
    assert BUSY in result.output and "Traceback" not in result.output
    assert show_json("A-03") == before


@contextmanager
def held_whole(settings: Settings) -> Iterator[None]:
    """Another program holding the whole database, reads too: a SQLite file locked in exclusive
    mode while it writes (a backup tool's way), a PostgreSQL table locked as a migration or
    VACUUM FULL locks it."""
    path = settings.sqlite_path()
    if path is not None:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("PRAGMA locking_mode=EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("UPDATE action SET title = title")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
        return
    url = settings.database_url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(url) as other:
        other.execute("LOCK TABLE action IN ACCESS EXCLUSIVE MODE")
        try:
            yield
        finally:
            other.rollback()


def test_a_read_while_another_program_holds_the_whole_database_says_it_is_busy(
    busy_settings: Settings,
) -> None:
    with held_whole(busy_settings):
        shown = run("actions", "show", "A-03")
        listed = run("actions", "list")
    for result in (shown, listed):
        assert result.exit_code == 2, result.output
        assert BUSY in result.output and "Traceback" not in result.output
    assert run("actions", "show", "A-03").exit_code == 0


@pytest.mark.parametrize("value", ["0", "-1", '"soon"', "true", "5000"])
def test_a_busy_timeout_that_is_not_a_number_of_seconds_is_refused(
    tmp_path: Path, value: str
) -> None:
    path = tmp_path / "tracker.toml"
    path.write_text(f'[database]\nurl = "sqlite:///x.db"\nbusy_timeout = {value}\n',
                    encoding="utf-8")  # fmt: skip
    with pytest.raises(SettingsError, match="database.busy_timeout"):
        load_settings(path)


def test_looking_at_a_database_another_program_holds_waits_the_configured_time_and_says_busy(
    busy_settings: Settings,
) -> None:
    """`tracker db current` (and init, upgrade) look at the database first: held whole by
    another program (a SQLite file in exclusive mode, a PostgreSQL table locked), the look waits
    `busy_timeout` (half a second here, not a fixed 30 s) and says the database is busy, not
    that it is another program's database or cannot be opened."""
    with held_whole(busy_settings):
        started = time.monotonic()
        result = run("db", "current")
        waited = time.monotonic() - started
    assert result.exit_code != 0, result.output
    assert BUSY in result.output and "Traceback" not in result.output
    assert "not a tracker database" not in result.output
    assert waited < 10
    again = run("db", "current")
    assert again.exit_code == 0, again.output
