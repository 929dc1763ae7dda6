"""The schema is made by Alembic migrations only, and matches the models on both databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from click.testing import CliRunner
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from tracker.cli import cli
from tracker.db import Database, alembic_config, migrate
from tracker.migrations import SCHEMA_HEAD
from tracker.models import Action, Base, Phase, Strategy


def test_schema_head_is_alembics_head(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'x.db'}")
    script = ScriptDirectory.from_config(alembic_config(db))
    assert script.get_heads() == [SCHEMA_HEAD]
    db.dispose()


def _differences(db: Database) -> list[object]:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "compare_server_default": True}
        )
        return list(compare_metadata(context, Base.metadata))


def test_migrations_make_exactly_the_models_schema(db_url: str) -> None:
    db = Database(db_url)
    try:
        assert db.schema_version() == SCHEMA_HEAD
        assert _differences(db) == []
    finally:
        db.dispose()


def test_a_fresh_sqlite_file_migrated_from_nothing_matches_the_models(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'fresh.db'}")
    assert db.schema_version() is None
    migrate(db)
    assert db.schema_version() == SCHEMA_HEAD
    assert _differences(db) == []
    migrate(db)  # again: nothing to do, nothing broken
    assert db.schema_version() == SCHEMA_HEAD
    db.dispose()


def test_sqlite_has_foreign_keys_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    db = Database(f"sqlite:///{path}")
    migrate(db)
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    # a row pointing at a phase that does not exist is refused by the database itself
    with pytest.raises(IntegrityError), db.writing() as s:
        s.add(Action(ref="X-1", title="orphan", strategy_id=99, phase_id=99))
    db.dispose()
    # WAL is a property of the file: any other program opening it sees it
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.close()


def _add_some_data(url: str) -> None:
    db = Database(url)
    with db.writing() as s:
        strategy = Strategy(title="Kept Strategy", start_year=2024, end_year=2029, principles=[])
        phase = Phase(strategy=strategy, number=1, name="Design")
        s.add_all([strategy, phase])
        s.flush()
        s.add(Action(ref="K-01", title="Keep me", strategy_id=strategy.id, phase=phase))
    db.dispose()


def _count_actions(url: str) -> int:
    db = Database(url)
    with db.reading() as s:
        n = s.execute(select(func.count()).select_from(Action)).scalar_one()
    db.dispose()
    return int(n)


def test_db_upgrade_keeps_the_data_and_db_current_reports(db_url: str, settings_file: Path) -> None:
    _add_some_data(db_url)
    runner = CliRunner()
    result = runner.invoke(cli, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert f"the database schema is at {SCHEMA_HEAD}" in result.stdout
    assert _count_actions(db_url) == 1
    result = runner.invoke(cli, ["actions", "show", "K-01"])
    assert result.exit_code == 0, result.output
    assert "Keep me" in result.stdout
    result = runner.invoke(cli, ["db", "current"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"database: {SCHEMA_HEAD}; tracker needs: {SCHEMA_HEAD}"


def test_db_commands_on_a_missing_sqlite_database_say_to_run_init(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TRACKER_DB_URL", raising=False)
    (tmp_path / "tracker.toml").write_text("", encoding="utf-8")
    monkeypatch.setenv("TRACKER_CONFIG", str(tmp_path / "tracker.toml"))
    for args in (["db", "upgrade"], ["db", "current"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2, result.output
        assert "tracker init" in result.stderr
        assert "Traceback" not in result.output
    assert not (tmp_path / "tracker.db").exists()


def test_a_database_behind_the_code_is_refused_with_the_command_that_fixes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    db = Database(f"sqlite:///{path}")
    migrate(db)
    with db.engine.begin() as conn:  # pretend it was made by an older tracker
        conn.execute(text("UPDATE alembic_version SET version_num = '0000'"))
    db.dispose()
    (tmp_path / "tracker.toml").write_text(
        f'[database]\nurl = "sqlite:///{path}"\n', encoding="utf-8"
    )
    monkeypatch.delenv("TRACKER_DB_URL", raising=False)
    monkeypatch.setenv("TRACKER_CONFIG", str(tmp_path / "tracker.toml"))
    result = CliRunner().invoke(cli, ["actions", "list"])
    assert result.exit_code == 2, result.output
    assert "tracker db upgrade" in result.stderr


def test_a_schema_newer_than_the_code_is_not_upgraded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "new.db"
    db = Database(f"sqlite:///{path}")
    migrate(db)
    with db.engine.begin() as conn:  # made by a newer tracker
        conn.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    db.dispose()
    (tmp_path / "tracker.toml").write_text(
        f'[database]\nurl = "sqlite:///{path}"\n', encoding="utf-8"
    )
    monkeypatch.delenv("TRACKER_DB_URL", raising=False)
    monkeypatch.setenv("TRACKER_CONFIG", str(tmp_path / "tracker.toml"))
    result = CliRunner().invoke(cli, ["db", "upgrade"])
    assert result.exit_code == 2, result.output
    assert "0999" in result.stderr and SCHEMA_HEAD in result.stderr
    assert "Traceback" not in result.output
