"""`tracker actions show` and `tracker actions update` start quickly: run in a fresh process,
neither loads Alembic (no schema machinery on the way) nor SQLAlchemy (`show` reads and `update`
writes in plain SQL), and an update still keeps its version check, its refusal and its audit.
Timings live in benchmarks/; this checks what keeps them low."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.services.actions.detail import get_action
from tracker.services.actions.updates import record_update
from tracker.services.audit import history
from tracker.services.context import Tracker
from tracker.services.plans import import_plan

REGISTER = Path(__file__).parent / "data" / "plans" / "register.yaml"


@pytest.fixture
def register(tracker: Tracker) -> Tracker:
    import_plan(tracker, REGISTER)
    return tracker


def _probe(
    settings_file: Path, args: list[str], *, connections: bool = False
) -> subprocess.CompletedProcess[str]:
    probe = (
        "import sys\n"
        "from tracker.cli import main\n"
        f"sys.argv = ['tracker', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'alembic'})\n"
        "print('LOADED', code, *loaded, file=sys.stderr)\n"
    )
    if connections:  # count the connections the command opens to PostgreSQL, on either driver
        probe = (
            "import psycopg\nfrom tracker.services import libpq\nopened = []\n"
            "for driver in (psycopg, libpq):\n"
            "    def counted(*a, _connect=driver.connect, **k):\n"
            "        opened.append(1)\n"
            "        return _connect(*a, **k)\n"
            "    driver.connect = counted\n"
            f"{probe}print('CONNECTIONS', len(opened), file=sys.stderr)\n"
        )
    env = {**os.environ, "TRACKER_CONFIG": str(settings_file)}
    return subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )


def _run(settings_file: Path, args: list[str]) -> tuple[str, list[str]]:
    done = _probe(settings_file, args)
    return done.stdout, done.stderr.strip().splitlines()[-1].split()


def test_show_loads_neither_sqlalchemy_nor_alembic(register: Tracker, settings_file: Path) -> None:
    version = get_action(register, "A-02").version
    record_update(register, "A-02", progress=30, note="Roadmap drafted", expected_version=version)
    said, loaded = _run(settings_file, ["actions", "show", "A-02"])
    assert loaded == ["LOADED", "0"]
    assert said.startswith("A-02 ") and "Update history (1 shown" in said
    assert "Roadmap drafted" in said and "trail: recorded" in said
    assert f"version            {version + 1}" in said


def test_update_loads_neither_sqlalchemy_nor_alembic(
    register: Tracker, settings_file: Path
) -> None:
    before = get_action(register, "A-03", history=1)
    said, loaded = _run(
        settings_file, ["actions", "update", "A-03", "--progress", "75", "--note", "Checked"]
    )
    assert loaded == ["LOADED", "0"]
    after = get_action(register, "A-03", history=1)
    assert after.version == before.version + 1 and after.row.progress == 75
    assert after.updates[0].commentary == "Checked"
    assert after.updates[0].recorded_by == "Test User"
    assert f"version {after.version}" in said
    trail = history(register, "action", "A-03")
    mine = [e for e in trail if e.at == trail[0].at]  # one write: one instant
    assert {(e.field, e.old, e.new) for e in mine} == {
        ("progress", str(before.row.progress), "75"), ("commentary", None, "Checked"),
    }  # fmt: skip
    assert all(e.actor == "Test User" and e.operation == "update" for e in mine)


def test_a_stale_update_is_refused_without_sqlalchemy(
    register: Tracker, settings_file: Path
) -> None:
    version = get_action(register, "A-03").version
    record_update(register, "A-03", progress=40, note="Someone else first", by="K White",
                  expected_version=version)  # fmt: skip
    done = _probe(settings_file, ["actions", "update", "A-03", "--progress", "80",
                                  "--expect-version", str(version)])  # fmt: skip
    assert done.stderr.strip().splitlines()[-1].split() == ["LOADED", "3"]
    refused = f"action A-03 changed since you read it: version {version} is now {version + 1}"
    assert refused in done.stderr
    assert "latest update by K White" in done.stderr and "progress" in done.stderr
    after = get_action(register, "A-03", history=1)
    assert after.version == version + 1 and after.row.progress == 40  # nothing of yours stored


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_show_and_update_each_open_one_connection_to_postgresql(
    register: Tracker, settings_file: Path
) -> None:
    """Each connection is a server process started for the command (its start-up, its cold
    caches): `update`'s write goes on the connection its schema check opened, not a second."""
    for args in (["actions", "show", "A-03"],
                 ["actions", "update", "A-03", "--progress", "60", "--note", "Checked"]):  # fmt: skip
        done = _probe(settings_file, args, connections=True)
        lines = done.stderr.strip().splitlines()
        assert lines[-2].split() == ["LOADED", "0"], done.stderr
        assert lines[-1] == "CONNECTIONS 1", (args, done.stderr)
    after = get_action(register, "A-03", history=1)
    assert after.row.progress == 60 and after.updates[0].commentary == "Checked"


def test_the_objects_left_at_exit_are_not_collected_again(
    register: Tracker, settings_file: Path
) -> None:
    """After the command, its objects are frozen (`gc.freeze`): Python's shutdown skips the full
    collections over them (about 50 ms of CPU with psycopg loaded). The command's output and exit
    code are as before."""
    probe = (
        "import gc, sys\nfrom tracker.cli import main\n"
        "sys.argv = ['tracker', 'actions', 'show', 'A-03']\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
        "print('FROZEN', code, gc.get_freeze_count() > 10000, file=sys.stderr)\n"
    )
    env = {**os.environ, "TRACKER_CONFIG": str(settings_file)}
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                          text=True, check=True)  # fmt: skip
    assert done.stdout.startswith("A-03 ")
    assert done.stderr.strip().splitlines()[-1] == "FROZEN 0 True"
