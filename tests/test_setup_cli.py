"""`tracker init` and the first run: the database is made from the plans once, never over one
that exists, and a failed init leaves nothing behind; other commands say to run it first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from database_helpers import empty_postgres, tables
from sqlalchemy import text

from tracker.cli import cli
from tracker.db import Database
from tracker.migrations import SCHEMA_HEAD

DATA = Path(__file__).parent / "data" / "plans"
REGISTER = DATA / "register.yaml"
ROOT = Path(__file__).resolve().parents[1]
SHIPPED_PLAN = ROOT / "plans" / "early-help-2024-2029.yaml"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def settings_for(folder: Path, url: str, *plans: Path) -> Path:
    listed = ", ".join(f'"{p}"' for p in plans)
    path = folder / "tracker.toml"
    path.write_text(
        f'[database]\nurl = "{url}"\n\n[plans]\nload = [{listed}]\n\n'
        '[user]\nname = "Installer"\n\n[clock]\ntoday = "2026-03-01"\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("TRACKER_CONFIG", "TRACKER_DB_URL", "TRACKER_TODAY"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.fixture
def empty_pg(pg_server_url: str) -> Iterator[str]:
    """A PostgreSQL database with nothing in it (no schema), dropped afterwards."""
    with empty_postgres(pg_server_url) as url:
        yield url


def files_of(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def a_clashing_plan(folder: Path) -> Path:
    """Valid on its own, refused on import after register.yaml: another strategy, same refs."""
    clash = folder / "clash.yaml"
    clash.write_text(
        REGISTER.read_text(encoding="utf-8").replace(
            "Register Test Strategy 2024-2029", "Another Strategy 2024-2029"
        ),
        encoding="utf-8",
    )
    return clash


# --- SQLite (the default) ----------------------------------------------------------------------


def test_init_creates_the_sqlite_file_from_the_plans(
    tmp_path: Path, env: pytest.MonkeyPatch
) -> None:
    env.setenv("TRACKER_CONFIG", str(settings_for(tmp_path, "sqlite:///data/tracker.db", REGISTER)))
    database = tmp_path / "data" / "tracker.db"
    result = run("init")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"created the database at sqlite:///{database} (schema {SCHEMA_HEAD})",
        f"loaded {REGISTER}",
        "8 actions in the plan",
    ]
    assert database.is_file()
    result = run("actions", "list", "--format", "json")
    assert result.exit_code == 0 and '"A-08"' in result.stdout
    assert run("db", "current").stdout.strip().startswith(f"database: {SCHEMA_HEAD}")


def test_init_with_the_shipped_plan(tmp_path: Path, env: pytest.MonkeyPatch) -> None:
    env.setenv("TRACKER_CONFIG", str(settings_for(tmp_path, "sqlite:///tracker.db", SHIPPED_PLAN)))
    result = run("init")
    assert result.exit_code == 0, result.output
    shipped = yaml.safe_load(SHIPPED_PLAN.read_text(encoding="utf-8"))
    assert f"{len(shipped['actions'])} actions in the plan" in result.stdout
    listed = run("actions", "list", "--format", "csv").stdout.splitlines()
    assert len(listed) == 1 + len(shipped["actions"])


def test_a_second_init_leaves_the_database_as_it_is(
    tmp_path: Path, env: pytest.MonkeyPatch
) -> None:
    env.setenv("TRACKER_CONFIG", str(settings_for(tmp_path, "sqlite:///tracker.db", REGISTER)))
    assert run("init").exit_code == 0
    result = run("actions", "update", "A-03", "--progress", "75", "--note", "Kept across inits")
    assert result.exit_code == 0, result.output
    result = run("init")
    assert result.exit_code == 0, result.output
    assert "already exists" in result.stdout and "left as it is" in result.stdout
    assert "loaded" not in result.stdout
    shown = run("actions", "show", "A-03").stdout
    assert "Kept across inits" in shown and "progress           75%" in shown
    result = run("init", "--if-missing")
    assert result.exit_code == 0 and result.output == ""


def test_init_with_an_invalid_plan_leaves_no_database_file(
    tmp_path: Path, env: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: tracker-plan/1\nstrategy: [not, a, mapping\n", encoding="utf-8")
    env.setenv("TRACKER_CONFIG", str(settings_for(tmp_path, "sqlite:///tracker.db", bad)))
    before = files_of(tmp_path)
    result = run("init")
    assert result.exit_code == 2, result.output
    assert "bad.yaml" in result.stderr and "Traceback" not in result.output
    assert files_of(tmp_path) == before  # no tracker.db, -wal or -shm


def test_init_with_a_missing_plan_file_names_it_and_creates_nothing(
    tmp_path: Path, env: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "nowhere.yaml"
    env.setenv("TRACKER_CONFIG", str(settings_for(tmp_path, "sqlite:///tracker.db", missing)))
    before = files_of(tmp_path)
    result = run("init")
    assert result.exit_code == 2
    assert "plans.load" in result.stderr and "nowhere.yaml" in result.stderr
    assert files_of(tmp_path) == before


def test_init_failing_half_way_leaves_no_database_file(
    tmp_path: Path, env: pytest.MonkeyPatch
) -> None:
    # the first plan imports, the second is refused: init is all or nothing
    clash = a_clashing_plan(tmp_path)
    env.setenv(
        "TRACKER_CONFIG", str(settings_for(tmp_path, "sqlite:///tracker.db", REGISTER, clash))
    )
    before = files_of(tmp_path)
    result = run("init")
    assert result.exit_code == 2, result.output
    assert "belongs to another strategy" in result.stderr
    assert files_of(tmp_path) == before


def test_init_never_deletes_a_file_that_was_already_there(
    tmp_path: Path, env: pytest.MonkeyPatch
) -> None:
    # an existing SQLite file without our schema (say, the user pointed at the wrong one)
    existing = tmp_path / "theirs.db"
    Database(f"sqlite:///{existing}").dispose()
    db = Database(f"sqlite:///{existing}")
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE notes (body TEXT)"))
        conn.execute(text("INSERT INTO notes VALUES ('precious')"))
    db.dispose()
    clash = a_clashing_plan(tmp_path)
    env.setenv(
        "TRACKER_CONFIG", str(settings_for(tmp_path, "sqlite:///theirs.db", REGISTER, clash))
    )
    assert run("init").exit_code == 2
    assert existing.is_file()
    assert tables(f"sqlite:///{existing}") == {"notes"}


COMMANDS_NEEDING_A_DATABASE = [
    ["actions", "list"],
    ["actions", "show", "A-01"],
    ["actions", "update", "A-01", "--progress", "5"],
    ["db", "upgrade"],
    ["db", "current"],
]


def test_other_commands_on_a_missing_database_say_to_run_init(
    tmp_path: Path, env: pytest.MonkeyPatch
) -> None:
    env.setenv("TRACKER_CONFIG", str(settings_for(tmp_path, "sqlite:///tracker.db", REGISTER)))
    for args in COMMANDS_NEEDING_A_DATABASE:
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "tracker init" in result.stderr, args
        assert "Traceback" not in result.output
    assert not (tmp_path / "tracker.db").exists()


# --- PostgreSQL --------------------------------------------------------------------------------


def test_init_against_postgresql(tmp_path: Path, env: pytest.MonkeyPatch, empty_pg: str) -> None:
    env.setenv("TRACKER_CONFIG", str(settings_for(tmp_path, "sqlite:///unused.db", REGISTER)))
    env.setenv("TRACKER_DB_URL", empty_pg)
    for args in COMMANDS_NEEDING_A_DATABASE:
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "tracker init" in result.stderr, args
    assert tables(empty_pg) == set()  # `db upgrade` did not make an empty schema
    result = run("init")
    assert result.exit_code == 0, result.output
    assert "created the database at postgresql" in result.stdout
    assert "8 actions in the plan" in result.stdout
    assert run("actions", "update", "A-03", "--progress", "75", "--note", "On PG").exit_code == 0
    result = run("init")
    assert result.exit_code == 0 and "already exists" in result.stdout
    assert "On PG" in run("actions", "show", "A-03").stdout
    assert run("db", "current").stdout.strip() == (
        f"database: {SCHEMA_HEAD}; tracker needs: {SCHEMA_HEAD}"
    )
    assert not (tmp_path / "unused.db").exists()


def test_a_failed_init_against_postgresql_leaves_no_schema(
    tmp_path: Path, env: pytest.MonkeyPatch, empty_pg: str
) -> None:
    clash = a_clashing_plan(tmp_path)
    env.setenv(
        "TRACKER_CONFIG", str(settings_for(tmp_path, "sqlite:///unused.db", REGISTER, clash))
    )
    env.setenv("TRACKER_DB_URL", empty_pg)
    result = run("init")
    assert result.exit_code == 2, result.output
    assert tables(empty_pg) == set()
    # so that fixing the settings and running init again loads the plans
    env.setenv("TRACKER_CONFIG", str(settings_for(tmp_path, "sqlite:///unused.db", REGISTER)))
    result = run("init")
    assert result.exit_code == 0, result.output
    assert "8 actions in the plan" in result.stdout
