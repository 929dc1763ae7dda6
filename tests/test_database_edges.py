"""The database's own edges: another program's file, a schema from a newer tracker, an empty
schema an interrupted init left, going back a version, and storage that cannot be written
(read-only file or folder, a full disk, text PostgreSQL cannot hold)."""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from database_helpers import contents, empty_postgres, tables
from sqlalchemy import text

from tracker.cli import cli
from tracker.db import Database, migrate
from tracker.errors import InvalidInput
from tracker.migrations import SCHEMA_HEAD

ROOT = Path(__file__).resolve().parents[1]
REGISTER = ROOT / "tests" / "data" / "plans" / "register.yaml"
SHIPPED = ROOT / "plans" / "early-help-2024-2029.yaml"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def use(folder: Path, url: str, *plans: Path) -> None:
    listed = ", ".join(f'"{p}"' for p in plans)
    path = folder / "tracker.toml"
    path.write_text(
        f'[database]\nurl = "{url}"\n\n[plans]\nload = [{listed}]\n\n'
        '[user]\nname = "Edge Test"\n\n[clock]\ntoday = "2026-03-01"\n',
        encoding="utf-8",
    )
    os.environ["TRACKER_CONFIG"] = str(path)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TRACKER_CONFIG", "TRACKER_DB_URL", "TRACKER_TODAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TRACKER_CONFIG", "")  # set by use(); restored by monkeypatch


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A place for a new database, with nothing there yet."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'tracker.db'}"
        return
    with empty_postgres(request.getfixturevalue("pg_server_url")) as pg:
        yield pg


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


# --- another program's file ---------------------------------------------------------------------


def test_another_programs_sqlite_file_is_refused_and_left_byte_for_byte(tmp_path: Path) -> None:
    theirs = tmp_path / "theirs.db"
    raw = sqlite3.connect(theirs)
    raw.execute("CREATE TABLE notes (body TEXT)")
    raw.execute("INSERT INTO notes VALUES ('precious')")
    raw.commit()
    raw.close()
    use(tmp_path, f"sqlite:///{theirs}", REGISTER)
    before = digest(tmp_path)
    for args in (["init"], ["init", "--if-missing"], ["db", "current"], ["db", "upgrade"],
                 ["db", "downgrade", "base", "--delete-all-data"]):  # fmt: skip
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "is not a tracker database (it has tables notes)" in result.stderr, args
        assert "Traceback" not in result.output
        assert digest(tmp_path) == before, args  # not a byte changed, no -wal, no journal
    for args in (["actions", "list"], ["actions", "update", "A-01", "--progress", "5"]):
        result = run(*args)
        assert result.exit_code == 2 and "Traceback" not in result.output, args
        assert digest(tmp_path) == before, args
    assert sqlite3.connect(theirs).execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_a_file_that_is_not_sqlite_at_all_is_refused(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my shopping list\n", encoding="utf-8")
    use(tmp_path, f"sqlite:///{notes}", REGISTER)
    before = digest(tmp_path)
    result = run("init")
    assert result.exit_code == 2
    assert "not a tracker database (it is not a SQLite database)" in result.stderr
    assert digest(tmp_path) == before


def test_another_programs_postgresql_database_is_refused(
    pg_server_url: str, tmp_path: Path
) -> None:
    with empty_postgres(pg_server_url) as pg:
        db = Database(pg)
        with db.engine.begin() as conn:
            conn.execute(text("CREATE TABLE invoices (n INTEGER)"))
        db.dispose()
        use(tmp_path, pg, REGISTER)
        result = run("init")
        assert result.exit_code == 2, result.output
        assert "not a tracker database (it has tables invoices)" in result.stderr
        assert tables(pg) == {"invoices"}


# --- an empty database left by an init that did not finish --------------------------------------


def test_an_empty_schema_left_by_an_interrupted_init_is_built_again(
    url: str, tmp_path: Path
) -> None:
    # what an older tracker left when killed while loading the plans: the schema, no rows
    db = Database(url)
    migrate(db)
    db.dispose()
    use(tmp_path, url, REGISTER)
    result = run("actions", "list")
    assert result.exit_code == 0 and "A-01" not in result.stdout
    assert run("db", "current").stdout.startswith(f"database: {SCHEMA_HEAD}")
    result = run("init", "--if-missing")
    assert result.exit_code == 0, result.output
    assert "was empty (an init that did not finish)" in result.stdout
    assert "8 actions in the plan" in result.stdout
    assert "A-08" in run("actions", "list").stdout
    result = run("init")
    assert "already exists" in result.stdout


def test_an_empty_file_is_built_into_a_database(tmp_path: Path) -> None:
    (tmp_path / "tracker.db").touch()
    use(tmp_path, f"sqlite:///{tmp_path / 'tracker.db'}", REGISTER)
    result = run("init")
    assert result.exit_code == 0, result.output
    assert "8 actions in the plan" in result.stdout


# --- a newer schema; going back a version -------------------------------------------------------


def test_a_schema_from_a_newer_tracker_is_refused_with_advice_that_works(
    url: str, tmp_path: Path
) -> None:
    use(tmp_path, url, REGISTER)
    assert run("init").exit_code == 0
    db = Database(url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    db.dispose()
    before = contents(url)
    for args in (["actions", "list"], ["init"], ["db", "upgrade"], ["db", "current"],
                 ["actions", "update", "A-03", "--progress", "50"]):  # fmt: skip
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "made by a newer tracker (schema 0999" in result.stderr, args
        assert "install that newer version" in result.stderr
        assert "tracker db upgrade" not in result.stderr
    assert contents(url) == before


def test_upgrade_downgrade_upgrade_keeps_a_working_schema(url: str, tmp_path: Path) -> None:
    use(tmp_path, url, REGISTER)
    assert run("init").exit_code == 0
    kept = contents(url)
    result = run("db", "downgrade", "base")  # would delete everything: asks to say so
    assert result.exit_code == 2 and "--delete-all-data" in result.output
    result = run("db", "downgrade", SCHEMA_HEAD)
    assert result.exit_code == 2 and "is not older" in result.stderr
    result = run("db", "downgrade", "0000x")
    assert result.exit_code == 2 and "unknown schema" in result.stderr
    assert contents(url) == kept
    result = run("db", "downgrade", "base", "--delete-all-data")
    assert result.exit_code == 0, result.output
    assert tables(url) == set()  # every table, index and the version table gone
    # and up again from there: the migrations run cleanly over what the downgrade left
    db = Database(url)
    migrate(db)
    assert db.schema_version() == SCHEMA_HEAD
    db.dispose()
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from tracker.models import Base

    db = Database(url)
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    db.dispose()
    result = run("init")  # the schema is there but empty: init loads the plans into it
    assert result.exit_code == 0, result.output
    assert "8 actions in the plan" in result.stdout


# --- storage that cannot be written -------------------------------------------------------------


@contextlib.contextmanager
def as_another_user() -> Iterator[None]:
    """Permissions are not checked for root: a root test run acts as `nobody` meanwhile."""
    if os.geteuid() != 0:
        yield
        return
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder another user can reach (pytest's own are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="tracker-ro-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_writes_to_a_read_only_database_say_so_and_change_nothing(
    open_folder: Path, what: str
) -> None:
    plan = open_folder / "register.yaml"
    shutil.copy(REGISTER, plan)
    plan.chmod(0o644)
    use(open_folder, f"sqlite:///{open_folder / 'tracker.db'}", plan)
    assert run("init").exit_code == 0
    (open_folder / "tracker.toml").chmod(0o644)
    database = open_folder / "tracker.db"
    writes = [["actions", "update", "A-03", "--progress", "60", "--note", "Read-only?"],
              ["plan", "import", str(plan)]]  # fmt: skip
    for args in writes:  # once as the owner: every module loaded, the file's WAL made
        assert run(*args).exit_code == 0
    if what == "file":
        database.chmod(0o444)
    else:
        database.chmod(0o666)
        open_folder.chmod(0o555)
    before = contents(f"sqlite:///{database}")
    try:
        with as_another_user():
            for args in writes:
                args = [a.replace("60", "65") for a in args]
                result = run(*args)
                assert result.exit_code == 2, (args, result.output)
                assert f"cannot write: the database {what}" in result.stderr
                assert "chmod u+w" in result.stderr
                assert "Traceback" not in result.output
    finally:
        open_folder.chmod(0o755)
    assert contents(f"sqlite:///{database}") == before


def test_init_in_a_read_only_folder_says_so_and_leaves_nothing(open_folder: Path) -> None:
    plan = open_folder / "register.yaml"
    shutil.copy(REGISTER, plan)
    plan.chmod(0o644)
    use(open_folder, f"sqlite:///{open_folder / 'tracker.db'}", plan)
    (open_folder / "tracker.toml").chmod(0o644)
    assert run("plan", "validate", str(plan)).exit_code == 0  # modules loaded as the owner
    importlib.import_module("tracker.services.setup")  # init's own, which validate no longer loads
    open_folder.chmod(0o555)
    try:
        with as_another_user():
            result = run("init")
    finally:
        open_folder.chmod(0o755)
    assert result.exit_code == 2, result.output
    assert f"cannot create the database in {open_folder}: permission denied" in result.stderr
    assert sorted(p.name for p in open_folder.iterdir()) == ["register.yaml", "tracker.toml"]


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB file system of its own (a tmpfs), to fill up for real."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs to fill needs root")
    mount = tmp_path / "small"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], check=True)
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_during_plan_import_is_refused_and_changes_nothing(small_disk: Path) -> None:
    use(small_disk, f"sqlite:///{small_disk / 'tracker.db'}")
    assert run("init").exit_code == 0
    url = f"sqlite:///{small_disk / 'tracker.db'}"
    before = contents(url)
    free = shutil.disk_usage(small_disk).free
    filler = small_disk / "filler"
    with filler.open("wb") as fh:
        fh.write(b"\0" * (free - 48 * 1024))  # leave less room than the plan needs
    result = run("plan", "import", str(SHIPPED))
    assert result.exit_code == 2, result.output
    assert "cannot write: the disk is full" in result.stderr
    assert "Traceback" not in result.output
    assert contents(url) == before
    filler.unlink()  # room again: the same import now goes through
    result = run("plan", "import", str(SHIPPED))
    assert result.exit_code == 0, result.output
    assert "P1-03" in run("actions", "list").stdout


def test_a_nul_character_is_refused_as_bad_input_on_postgresql(pg_server_url: str) -> None:
    from tracker.config import Settings
    from tracker.services import plans
    from tracker.services.actions.updates import record_update
    from tracker.services.context import open_tracker

    with empty_postgres(pg_server_url) as pg:
        db = Database(pg)
        migrate(db)
        db.dispose()
        t = open_tracker(Settings(database_url=pg, user="Edge Test"))
        try:
            plans.import_plan(t, REGISTER)
            before = contents(pg)
            with pytest.raises(InvalidInput) as refused:
                record_update(t, "A-03", progress=40, note="Half\x00way")
            assert "U+0000 NUL" in str(refused.value)
            assert contents(pg) == before
        finally:
            t.close()


def test_a_full_disk_during_init_leaves_no_file_behind(small_disk: Path) -> None:
    use(small_disk, f"sqlite:///{small_disk / 'tracker.db'}", SHIPPED)
    free = shutil.disk_usage(small_disk).free
    with (small_disk / "filler").open("wb") as fh:
        fh.write(b"\0" * (free - 64 * 1024))
    before = sorted(p.name for p in small_disk.iterdir())
    result = run("init")
    assert result.exit_code == 2, result.output
    assert "the disk is full" in result.stderr and "Traceback" not in result.output
    assert sorted(p.name for p in small_disk.iterdir()) == before  # no database, no temporary


def test_a_read_only_file_system_says_so(small_disk: Path) -> None:
    use(small_disk, f"sqlite:///{small_disk / 'tracker.db'}", REGISTER)
    assert run("init").exit_code == 0
    before = (small_disk / "tracker.db").read_bytes()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    for args in (["actions", "update", "A-03", "--progress", "50", "--note", "ro"],
                 ["plan", "import", str(REGISTER)]):  # fmt: skip
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "the file system holding the database is read-only" in result.stderr
        assert "Traceback" not in result.output
    assert (small_disk / "tracker.db").read_bytes() == before
