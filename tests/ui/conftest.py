"""Fixtures for the app's tests: a database holding tests/data/plans/app.yaml (owners, dates,
history, dependencies, meetings and follow-ups), imported through the plan importer, on SQLite
(`app_settings`) or on SQLite and PostgreSQL in turn (`app_settings_any`)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from tracker.config import Settings, load_settings
from tracker.services.context import Tracker, open_tracker

APP_PLAN = Path(__file__).resolve().parents[1] / "data" / "plans" / "app.yaml"
TODAY = dt.date(2026, 3, 1)  # the tests' fixed today (as in tests/conftest.py)
USER = "Pat Manager"


def write_app_settings(folder: Path, url: str) -> Path:
    path = folder / "tracker.toml"
    path.write_text(
        f'[database]\nurl = "{url}"\n\n[user]\nname = "{USER}"\n\n'
        f'[clock]\ntoday = "{TODAY.isoformat()}"\n',
        encoding="utf-8",
    )
    return path


def load_plan(t: Tracker, path: Path) -> None:
    from tracker.services.plans import import_plan

    import_plan(t, path)


def _settings(tmp_path: Path, url: str, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.delenv("TRACKER_DB_URL", raising=False)
    monkeypatch.delenv("TRACKER_TODAY", raising=False)
    settings = load_settings(write_app_settings(tmp_path, url))
    t = open_tracker(settings)
    try:
        load_plan(t, APP_PLAN)
    finally:
        t.close()
    return settings


@pytest.fixture
def app_settings(
    tmp_path: Path, sqlite_template: Path, monkeypatch: pytest.MonkeyPatch
) -> Settings:
    """SQLite holding the app test plan."""
    path = tmp_path / "tracker.db"
    shutil.copy(sqlite_template, path)
    return _settings(tmp_path, f"sqlite:///{path}", monkeypatch)


@pytest.fixture
def app_settings_any(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The app test plan on SQLite and on PostgreSQL in turn."""
    return _settings(tmp_path, db_url, monkeypatch)


@pytest.fixture
def services(app_settings: Settings) -> Any:
    t = open_tracker(app_settings)
    yield t
    t.close()
