"""A command's plain SQL on PostgreSQL runs on libpq itself (`tracker.services.libpq`), not on
psycopg, whose import alone took longer than taskwarrior's whole `task info`. What a user sees
must not change: `actions show` prints the same, `actions update` records the same (version
check, audit entry, one transaction), every login reads what its roles and the database's row
security let it, and refusals are worded as before."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from tracker.cli import cli
from tracker.errors import NotReady
from tracker.models import AuditEntry, StatusUpdate
from tracker.services import libpq
from tracker.services.context import Tracker, open_tracker
from tracker.services.plain_sql import PostgresReader, libpq_url
from tracker.services.plans import import_plan

REGISTER = Path(__file__).parent / "data" / "plans" / "register.yaml"
POSTGRES_ONLY = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)


@pytest.fixture
def register(tracker: Tracker) -> Tracker:
    import_plan(tracker, REGISTER)
    return tracker


@pytest.fixture
def psycopg_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """As before this path: no libpq, so the link takes psycopg."""
    monkeypatch.setattr(libpq, "load", lambda: None)
    yield


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def shown_every_way() -> list[str]:
    return [
        run("actions", "show", ref, *extra)
        for ref in ("A-01", "A-02", "A-04", "A-07")
        for extra in ((), ("--format", "json"), ("--history", "1"))
    ]


def test_show_prints_the_same_on_libpq_as_on_psycopg(
    register: Tracker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On both databases (SQLite reads with sqlite3 either way)."""
    run("actions", "update", "A-01", "--rag", "amber", "--note", "50% done; 'quoted' — ünïcode")
    new = shown_every_way()
    with monkeypatch.context() as m:
        m.setattr(libpq, "load", lambda: None)
        old = shown_every_way()
    assert new == old
    assert "50% done; 'quoted' — ünïcode" in new[0]
    assert json.loads(new[1])["updates"][0]["rag"] == "amber"


@POSTGRES_ONLY
def test_a_command_s_reads_and_write_run_on_libpq(register: Tracker) -> None:
    fresh = open_tracker(register.settings)
    try:
        with fresh.reading_sql() as reader:
            assert isinstance(reader, PostgresReader) and reader.link.driver is libpq
        with fresh.writing_sql() as w:
            assert w.link.driver is libpq  # type: ignore[attr-defined]
            assert w.link is reader.link  # type: ignore[attr-defined]  # one connection
        with fresh.writing_sql(cursor=True) as w:  # an import's bulk writes: psycopg's cursor
            assert w.link.driver is psycopg  # type: ignore[attr-defined]
            with w.cursor() as cur:
                cur.execute("SELECT 1")
    finally:
        fresh.close()


def counts(t: Tracker) -> tuple[int, int]:
    with t.db.reading() as s:
        updates = s.execute(select(func.count()).select_from(StatusUpdate)).scalar_one()
        audit = s.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
    return int(updates), int(audit)


@POSTGRES_ONLY
def test_update_on_libpq_checks_the_version_and_records_the_audit_entry(
    register: Tracker,
) -> None:
    before = json.loads(run("actions", "show", "A-03", "--format", "json"))
    updates, audit = counts(register)
    said = run("actions", "update", "A-03", "--progress", "45", "--note", "On libpq",
               "--expect-version", str(before["version"]))  # fmt: skip
    assert f"version {before['version'] + 1}" in said
    after = counts(register)
    assert after[0] == updates + 1 and after[1] > audit
    stale = CliRunner().invoke(
        cli, ["actions", "update", "A-03", "--progress", "50", "--expect-version",
              str(before["version"])],
    )  # fmt: skip
    assert stale.exit_code == 3 and "changed since you read it" in stale.output
    assert counts(register) == after  # nothing written
    nul = CliRunner().invoke(
        cli, ["actions", "update", "A-03", "--by", "x\x00y", "--progress", "9"]
    )
    assert nul.exit_code == 2 and "NUL" in nul.output
    assert counts(register) == after


@POSTGRES_ONLY
def test_libpq_reads_values_as_psycopg_does(register: Tracker) -> None:
    url = register.settings.database_url
    sql = (
        "SELECT %(i)s::int, %(i)s, %(big)s, %(t)s, %(t)s || '%%', %(b)s, %(f)s, %(n)s::numeric, "
        "%(d)s, %(ts)s, %(tz)s::timestamptz AT TIME ZONE 'UTC', NULL::text, ''::text, "
        "'{\"a\": [1, 2.5, null]}'::json, current_user, 'x'::bytea, 1.5::real, "
        "true AND %(none)s::boolean IS NULL"
    )
    params = {
        "i": 7, "big": 2**40, "t": "text 'with' quotes — ü", "b": True, "f": 0.1,
        "n": Decimal("12.340"), "d": dt.date(2026, 3, 1),
        "ts": dt.datetime(2026, 3, 1, 9, 30, 0, 123456), "none": None,
        "tz": dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))),
    }  # fmt: skip
    mine = libpq.connect(url.replace("postgresql+psycopg://", "postgresql://"))
    theirs = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))
    try:
        got, expected = list(mine.execute(sql, params)), theirs.execute(sql, params).fetchall()
        assert got == expected
        assert [type(v) for v in got[0]] == [type(v) for v in expected[0]]
        count = mine.execute(
            "UPDATE action SET version = version WHERE ref LIKE %(r)s", {"r": "A-0%"}
        )
        assert count.rowcount == 8
        mine.rollback()
        with pytest.raises(libpq.errors.UndefinedTable, match='relation "nowhere" does not exist'):
            mine.execute("SELECT * FROM nowhere", {})
        mine.rollback()
        with pytest.raises(libpq.DataError, match="NUL"):
            mine.execute("SELECT %(t)s", {"t": "a\x00b"})
    finally:
        mine.close()
        theirs.close()
    assert mine.closed


def test_a_server_that_is_not_there_is_refused_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    url = "postgresql://127.0.0.1:1/nowhere?connect_timeout=2"
    with pytest.raises(NotReady) as mine:
        PostgresReader(url, "the test server")
    monkeypatch.setattr(libpq, "load", lambda: None)
    with pytest.raises(NotReady) as theirs:
        PostgresReader(url, "the test server")
    assert str(mine.value) == str(theirs.value)
    assert "cannot open the database at the test server: connection failed" in str(mine.value)


@POSTGRES_ONLY
def test_show_and_update_in_a_fresh_process_load_neither_psycopg_nor_sqlalchemy(
    register: Tracker, settings_file: Path
) -> None:
    """What keeps them quick to start on PostgreSQL (benchmarks/README.md, issue 19)."""
    for args in (["actions", "show", "A-03"], ["actions", "update", "A-03", "--progress", "30"]):
        probe = (
            "import sys\n"
            "from tracker.cli import main\n"
            f"sys.argv = ['tracker', *{args!r}]\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
            "loaded = sorted({m.split('.')[0] for m in sys.modules} & "
            "{'psycopg', 'sqlalchemy', 'alembic'})\n"
            "print('LOADED', code, loaded, file=sys.stderr)\n"
        )
        env = {**os.environ, "TRACKER_CONFIG": str(settings_file)}
        done = subprocess.run(
            [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
        )
        assert "A-03" in done.stdout
        assert done.stderr.strip().splitlines()[-1] == "LOADED 0 []"


@POSTGRES_ONLY
def test_the_server_s_notices_are_not_printed(
    register: Tracker, capfd: pytest.CaptureFixture[str]
) -> None:
    """As psycopg: a NOTICE or WARNING from the server does not land in a command's output."""
    conn = libpq.connect(libpq_url(register.settings.database_url))
    try:
        conn.execute("DO $$ BEGIN RAISE WARNING 'a warning'; RAISE NOTICE 'a notice'; END $$", {})
        conn.rollback()
    finally:
        conn.close()
    out, err = capfd.readouterr()
    assert "a warning" not in out + err and "a notice" not in out + err


class _Stop(Exception):
    pass


@POSTGRES_ONLY
def test_a_signal_stops_a_statement_and_the_server_cancels_it(register: Tracker) -> None:
    """Ctrl-C or SIGTERM during a long wait stops the command, as on psycopg: the wait is
    Python's own, and the statement is cancelled on the server (had the signal waited for the
    statement to finish, the transaction would be fine, not in error)."""
    import signal

    def stop(_signum: int, _frame: object) -> None:
        raise _Stop

    conn = libpq.connect(libpq_url(register.settings.database_url))
    before = signal.signal(signal.SIGALRM, stop)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with pytest.raises(_Stop):
            conn.execute("SELECT pg_sleep(20)", {})
        assert conn.transaction_status == libpq.TransactionStatus.INERROR  # cancelled
        conn.rollback()
        assert list(conn.execute("SELECT 1", {})) == [(1,)]  # and the connection still works
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)
        conn.close()


def test_a_server_that_never_answers_is_given_up_after_the_url_s_connect_timeout() -> None:
    """libpq leaves `connect_timeout` to the program when the program waits itself: honoured
    here as psycopg honours it (the alarm is only a guard against waiting for ever)."""
    import signal
    import socket

    def stop(_signum: int, _frame: object) -> None:
        raise _Stop

    silent = socket.socket()  # accepts the connection, never says a word
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    before = signal.signal(signal.SIGALRM, stop)
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        with pytest.raises(libpq.OperationalError, match="connection timeout expired"):
            libpq.connect(f"postgresql://127.0.0.1:{silent.getsockname()[1]}/x?connect_timeout=2")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)
        silent.close()
