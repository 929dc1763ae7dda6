"""Shared fixtures. Service and CLI tests take `db_url` (or fixtures built on it), which runs them
on SQLite and on PostgreSQL. PostgreSQL tests skip with a reason when no server answers, except
under CI=true, where they fail: CI must exercise both databases."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from database_helpers import truncate_all

from tracker.config import Settings, load_settings
from tracker.db import Database, migrate
from tracker.services.context import Tracker, open_tracker

ROOT = Path(__file__).resolve().parents[1]
SHIPPED_PLAN = ROOT / "plans" / "early-help-2024-2029.yaml"
SEEDS = ROOT.parent / "shared" / "seeds"
TODAY = dt.date(2026, 3, 1)  # the fixed "today" of the tests
PG_DEFAULT = "postgresql://127.0.0.1:5432/test"


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Tests marked `seeds` read ../shared/seeds: skipped without it, except under CI=true."""
    if item.get_closest_marker("seeds") and not SEEDS.is_dir():
        reason = f"seed minutes folder {SEEDS} is missing"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (required under CI=true)")
        pytest.skip(reason)


def _pg_admin_url() -> str:
    return os.environ.get("TRACKER_TEST_PG_URL", PG_DEFAULT)


@pytest.fixture(scope="session", autouse=True)
def _template_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Compiled paper templates go to a folder of the test run, not the user's ~/.cache."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    """A throw-away PostgreSQL database for this test run, migrated to the current schema."""
    from sqlalchemy import create_engine, text

    admin = Database(_pg_admin_url())
    try:
        with admin.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any connection failure means "no server"
        admin.dispose()
        reason = f"PostgreSQL not reachable at {_pg_admin_url()}: {exc.__class__.__name__}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (required under CI=true)")
        pytest.skip(reason)
    name = f"tracker_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    auto = create_engine(admin.engine.url, isolation_level="AUTOCOMMIT")
    with auto.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin.engine.url.set(database=name).render_as_string(hide_password=False)
    db = Database(url)
    migrate(db)
    db.dispose()
    yield url
    with auto.connect() as conn:
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :n AND pid <> pg_backend_pid()"
            ),
            {"n": name},
        )
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    auto.dispose()
    admin.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    db = Database(f"sqlite:///{path}")
    migrate(db)
    db.dispose()
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database with the current schema, on each backend in turn."""
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        path = tmp_path / "tracker.db"
        shutil.copy(template, path)
        return f"sqlite:///{path}"
    url = request.getfixturevalue("pg_server_url")
    truncate_all(url)
    return url


def write_settings(folder: Path, db_url: str, **extra: str) -> Path:
    """A tracker.toml for a test, with the fixed today and a known user."""
    templates = extra.get("templates", "board_reports")
    text = (
        f'[database]\nurl = "{db_url}"\n\n'
        f'[plans]\nload = ["{SHIPPED_PLAN}"]\n\n'
        f'[papers]\ntemplates = "{templates}"\noutput = "papers"\n\n'
        f'[user]\nname = "{extra.get("user", "Test User")}"\n\n'
        f'[clock]\ntoday = "{TODAY.isoformat()}"\n'
    )
    path = folder / "tracker.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def settings_file(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("TRACKER_DB_URL", raising=False)
    monkeypatch.delenv("TRACKER_TODAY", raising=False)
    path = write_settings(tmp_path, db_url)
    monkeypatch.setenv("TRACKER_CONFIG", str(path))
    return path


@pytest.fixture
def settings(settings_file: Path) -> Settings:
    return load_settings(settings_file)


@pytest.fixture
def tracker(settings: Settings) -> Iterator[Tracker]:
    """Services on an empty, migrated database."""
    t = open_tracker(settings)
    yield t
    t.close()


@pytest.fixture
def loaded(tracker: Tracker) -> Tracker:
    """Services on a database holding the shipped Early Help plan."""
    from tracker.services import plans

    plans.import_plan(tracker, SHIPPED_PLAN)
    return tracker
