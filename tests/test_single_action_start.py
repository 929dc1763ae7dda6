"""`tracker actions show` and `tracker actions update` start quickly: run in a fresh process,
neither loads Alembic (no schema machinery on the way), and `show` does not load SQLAlchemy at
all (its reads are plain SQL). Timings live in benchmarks/; this checks what keeps them low."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.services.actions.detail import get_action
from tracker.services.actions.updates import record_update
from tracker.services.context import Tracker
from tracker.services.plans import import_plan

REGISTER = Path(__file__).parent / "data" / "plans" / "register.yaml"


@pytest.fixture
def register(tracker: Tracker) -> Tracker:
    import_plan(tracker, REGISTER)
    return tracker


def _run(settings_file: Path, args: list[str]) -> tuple[str, list[str]]:
    probe = (
        "import sys\n"
        "from tracker.cli import main\n"
        f"sys.argv = ['tracker', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'alembic'})\n"
        "print('LOADED', code, *loaded, file=sys.stderr)\n"
    )
    env = {**os.environ, "TRACKER_CONFIG": str(settings_file)}
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout, done.stderr.strip().splitlines()[-1].split()


def test_show_loads_neither_sqlalchemy_nor_alembic(register: Tracker, settings_file: Path) -> None:
    version = get_action(register, "A-02").version
    record_update(register, "A-02", progress=30, note="Roadmap drafted", expected_version=version)
    said, loaded = _run(settings_file, ["actions", "show", "A-02"])
    assert loaded == ["LOADED", "0"]
    assert said.startswith("A-02 ") and "Update history (1 shown" in said
    assert "Roadmap drafted" in said and "trail: recorded" in said
    assert f"version            {version + 1}" in said


def test_update_does_not_load_alembic(register: Tracker, settings_file: Path) -> None:
    before = get_action(register, "A-03", history=1)
    said, loaded = _run(
        settings_file, ["actions", "update", "A-03", "--progress", "75", "--note", "Checked"]
    )
    assert loaded[:2] == ["LOADED", "0"] and "alembic" not in loaded
    after = get_action(register, "A-03", history=1)
    assert after.version == before.version + 1 and after.row.progress == 75
    assert after.updates[0].commentary == "Checked"
    assert f"version {after.version}" in said
