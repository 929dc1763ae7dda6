"""An error in the app's database work, for real (no mocks): a table gone under the running app,
the database file made read-only, the PostgreSQL session terminated and the database closed to
connections, another program holding the database's lock. Each time the app keeps running, the
window says what failed in its own error line, nothing is saved, and trying again once the
database is back saves."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from database_helpers import held_by_another_program
from sqlalchemy import create_engine, text
from textual.widgets import Static, TextArea
from ui_helpers import choose, provoking, register, row_text, settle, type_text, window_on

from tracker.config import Settings, load_settings
from tracker.services.actions.detail import count_updates, get_action
from tracker.services.context import open_tracker
from tracker.ui.app import create_app
from tracker.ui.register.edit import ActionFormScreen
from tracker.ui.register.modals import StatusUpdateScreen

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.asyncio


@pytest.fixture(autouse=True)
def _app_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's log in the test's own folder (never the user's ~/.local/state)."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path / "state" / "tracker" / "app.log"


def sql(url: str, *statements: str) -> None:
    """Statements from a second connection, as another program (or an administrator) would."""
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1),
                           isolation_level="AUTOCOMMIT")  # fmt: skip
    try:
        with engine.connect() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def form_error(window) -> str:
    return str(window.query_one("#form-error", Static).render())


@pytest.mark.filterwarnings("ignore::pytest.PytestWarning")
def test_every_worker_of_the_app_says_its_errors_and_never_closes_it() -> None:
    """Textual's own `work` (exit_on_error: an error closes the app) is used in one place, the
    app's `work`; a `run_worker` elsewhere passes exit_on_error=False."""
    ours = ROOT / "tracker" / "ui" / "widgets" / "work.py"
    for path in sorted((ROOT / "tracker").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if path != ours:
            assert not re.search(r"^from textual import .*\bwork\b", source, re.M), path
            assert "@textual.work" not in source, path
        for call in re.finditer(r"run_worker\((?:[^()]|\([^()]*\))*\)", source):
            assert "exit_on_error=False" in call.group(0), (path, call.group(0))


async def test_a_table_gone_under_the_running_app_is_said_and_saves_nothing(
    app_settings_any: Settings, _app_log: Path
) -> None:
    """An edit whose transaction fails on an error nobody foresaw (the audit table renamed
    away by another program): the app stays up, the window says what failed and where the
    details are, the action is as it was; with the table back, saving again works. Under
    Pilot the error is still kept, for the test to fail on (here: provoked on purpose)."""
    url = app_settings_any.database_url
    t = open_tracker(app_settings_any)
    before = get_action(t, "P2-04")
    app = create_app(app_settings_any)
    try:
        async with provoking(app, Exception, "audit_entry", size=(80, 24)) as pilot:
            window = await window_on(pilot, "P2-04", "e")
            assert isinstance(window, ActionFormScreen)
            due = window.query_one("#due")
            due.focus()
            due.value = ""
            await type_text(pilot, "31/07/2026")
            sql(url, "ALTER TABLE audit_entry RENAME TO audit_entry_away")
            try:
                await pilot.press("ctrl+s")
                await settle(pilot)
                assert app.is_running and app.screen is window  # the window is still open
                said = form_error(window)
                assert "Could not save the changes: something went wrong" in said
                assert "Nothing was saved" in said
                assert str(_app_log) in said
                assert get_action(t, "P2-04").version == before.version
            finally:
                sql(url, "ALTER TABLE audit_entry_away RENAME TO audit_entry")
            await pilot.press("ctrl+s")  # again, the table back
            await settle(pilot)
            assert app.screen is register(app)
            assert "31 Jul 26" in row_text(app, "P2-04")
        logged = _app_log.read_text(encoding="utf-8")
        assert "could not save the changes" in logged and "Traceback" in logged
        assert "audit_entry" in logged
        after = get_action(t, "P2-04")
        assert after.version == before.version + 1
        assert after.row.due.isoformat() == "2026-07-31"
    finally:
        t.close()


@contextmanager
def database_away(settings: Settings) -> Iterator[str]:
    """The database made unusable while the app is open: on PostgreSQL the app's sessions are
    terminated (pg_terminate_backend from a second connection) and no new one is let in; a
    SQLite file is made read-only (for root, whom permissions do not stop, the app runs as
    `nobody` meanwhile). Yields what the app is expected to say."""
    url = settings.database_url
    path = settings.sqlite_path()
    if path is None:
        name = url.rsplit("/", 1)[1].split("?", 1)[0]
        sql(url.rsplit("/", 1)[0] + "/postgres",
            f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false',
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{name}' AND pid <> pg_backend_pid()")  # fmt: skip
        try:
            yield "the database could not be reached"
        finally:
            sql(url.rsplit("/", 1)[0] + "/postgres",
                f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')  # fmt: skip
        return
    path.chmod(0o444)
    root = os.geteuid() == 0
    if root:
        os.seteuid(65534)
    try:
        yield "cannot write: the database file is read-only; nothing was changed"
    finally:
        if root:
            os.seteuid(0)
        path.chmod(0o644)


@pytest.fixture
def reachable_settings(app_settings_any: Settings) -> Iterator[Settings]:
    """The app test plan; a SQLite file in a folder another user can reach (pytest's own are
    private to root), so that the read-only file is what stops a write, not the folder."""
    path = app_settings_any.sqlite_path()
    if path is None:
        yield app_settings_any
        return
    folder = Path(tempfile.mkdtemp(prefix="tracker-away-"))
    folder.chmod(0o755)
    try:
        moved = folder / "tracker.db"
        shutil.copy(path, moved)
        moved.chmod(0o644)
        config = folder / "tracker.toml"
        config.write_text(
            app_settings_any.source.read_text(encoding="utf-8").replace(str(path), str(moved))
            if app_settings_any.source is not None else "",
            encoding="utf-8",
        )  # fmt: skip
        yield load_settings(config)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


async def test_a_database_gone_while_the_app_is_open_is_said_and_a_retry_saves(
    reachable_settings: Settings,
) -> None:
    """A status update while the database cannot be written or reached: the window says so
    (and what to do), nothing is recorded, the app stays up; once the database is back the same
    save records the update (a new connection: the dead ones are dropped)."""
    settings = reachable_settings
    t = open_tracker(settings)
    updates = count_updates(t, "P2-01")
    version = get_action(t, "P2-01").version
    app = create_app(settings)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            window = await window_on(pilot, "P2-01", "u")
            assert isinstance(window, StatusUpdateScreen)
            await choose(pilot, "rag", "amber")
            window.query_one("#note", TextArea).focus()
            await type_text(pilot, "Third hub delayed by building works.")
            with database_away(settings) as expected:
                await pilot.press("ctrl+s")
                await settle(pilot)
                assert app.is_running and app.screen is window
                assert expected in form_error(window)
            assert count_updates(t, "P2-01") == updates
            assert get_action(t, "P2-01").version == version
            await pilot.press("ctrl+s")  # the database back: the same save, again
            await settle(pilot)
            assert app.screen is register(app), form_error(window)
            assert "amber" in row_text(app, "P2-01")
        assert count_updates(t, "P2-01") == updates + 1
        assert get_action(t, "P2-01").version == version + 1
    finally:
        t.close()


@pytest.fixture
def busy_settings(app_settings_any: Settings) -> Settings:
    """The app test plan, waiting half a second for another program's lock."""
    path = app_settings_any.source
    assert path is not None
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("[database]\n", "[database]\nbusy_timeout = 0.5\n"),
                    encoding="utf-8")  # fmt: skip
    return load_settings(path)


async def test_a_database_another_program_is_writing_to_is_said_busy_and_a_retry_saves(
    busy_settings: Settings,
) -> None:
    """A status update while another program holds the database (SQLite's write lock, or the
    action's row on PostgreSQL) for longer than the app waits: the window says the database is
    busy and to try again, nothing is recorded, the app stays up; let go, the same save works."""
    settings = busy_settings
    t = open_tracker(settings)
    updates = count_updates(t, "P2-01")
    version = get_action(t, "P2-01").version
    app = create_app(settings)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            window = await window_on(pilot, "P2-01", "u")
            assert isinstance(window, StatusUpdateScreen)
            await choose(pilot, "rag", "amber")
            window.query_one("#note", TextArea).focus()
            await type_text(pilot, "Third hub delayed by building works.")
            with held_by_another_program(settings, "P2-01"):
                await pilot.press("ctrl+s")
                await settle(pilot)
                assert app.is_running and app.screen is window
                said = form_error(window)
                assert "the database is busy: another program is writing to it" in said
                assert "nothing was changed" in said and "Try again" in said
            assert count_updates(t, "P2-01") == updates
            assert get_action(t, "P2-01").version == version
            await pilot.press("ctrl+s")  # the other program done: the same save, again
            await settle(pilot)
            assert app.screen is register(app), form_error(window)
            assert "amber" in row_text(app, "P2-01")
        assert count_updates(t, "P2-01") == updates + 1
    finally:
        t.close()
