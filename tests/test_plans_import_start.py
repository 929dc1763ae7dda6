"""`tracker plan import` of a file without an `access:` section, in a fresh process, loads the
plan and sets up no ORM mapper (the import writes through the tables; setting up the mappers is
start-up work a large import need not pay), on both databases. Timings live in benchmarks/."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "plans"

PROBE = (
    "import sys\n"
    "from tracker.cli import main\n"
    "sys.argv = ['tracker', 'plan', 'import', sys.argv[1]]\n"
    "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
    "from tracker.models import Action\n"
    "print('PROBE', code, Action.__mapper__.configured, file=sys.stderr)\n"
)


def test_a_plan_without_access_is_imported_without_setting_up_the_mappers(
    settings_file: Path,
) -> None:
    plan = DATA / "register.yaml"
    assert "access:" not in plan.read_text(encoding="utf-8")
    env = {**os.environ, "TRACKER_CONFIG": str(settings_file)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(plan)], env=env, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    assert done.stderr.strip().splitlines()[-1] == "PROBE 0 False"
    assert "created" in done.stdout and "actions" in done.stdout


LOADED = (
    "import sys\n"
    "from tracker.cli import main\n"
    "sys.argv = ['tracker', 'plan', 'import', sys.argv[1]]\n"
    "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
    "names = ('sqlalchemy', 'tracker.models', 'alembic')\n"
    "print('LOADED', code, *[n for n in names if n in sys.modules], file=sys.stderr)\n"
)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_plan_into_an_empty_database_loads_neither_sqlalchemy_nor_the_models(
    settings_file: Path,
) -> None:
    """A SQLite file's local user (no permission check can refuse): into a database that holds
    no plan, sqlite3 alone (tracker.plans.fresh). Into one that holds it (the second run): the
    importer on a SQLAlchemy session lent the same connection, which compares. (PostgreSQL
    checks the permission in a session first, then writes on its psycopg cursor.)"""
    plan = DATA / "register.yaml"
    env = {**os.environ, "TRACKER_CONFIG": str(settings_file)}
    first = subprocess.run([sys.executable, "-c", LOADED, str(plan)], env=env,
                           capture_output=True, text=True, check=True)  # fmt: skip
    assert first.stderr.strip().splitlines()[-1] == "LOADED 0"
    assert "created" in first.stdout
    again = subprocess.run([sys.executable, "-c", LOADED, str(plan)], env=env,
                           capture_output=True, text=True, check=True)  # fmt: skip
    assert again.stderr.strip().splitlines()[-1] == "LOADED 0 sqlalchemy tracker.models"
    assert "nothing to change" in again.stdout


YAML = (
    "import sys\n"
    "from tracker.cli import main\n"
    "sys.argv = ['tracker', 'plan', 'import', sys.argv[1]]\n"
    "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
    "print('PYYAML', code, 'yaml' in sys.modules, file=sys.stderr)\n"
)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_fine_plan_is_imported_without_loading_pyyaml_and_a_refusal_still_has_its_line(
    settings_file: Path, tmp_path: Path
) -> None:
    """PyYAML is for what yaml-rs cannot promise and for the line and column of a refusal; a
    plan read by yaml-rs and found fine does not pay for loading it."""
    plan = DATA / "register.yaml"
    env = {**os.environ, "TRACKER_CONFIG": str(settings_file)}
    fine = subprocess.run([sys.executable, "-c", YAML, str(plan)], env=env,
                          capture_output=True, text=True, check=True)  # fmt: skip
    assert fine.stderr.strip().splitlines()[-1] == "PYYAML 0 False"
    text = plan.read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("status: not started", "status: not startd", 1), encoding="utf-8")
    assert bad.read_text(encoding="utf-8") != text
    refused = subprocess.run([sys.executable, "-c", YAML, str(bad)], env=env,
                             capture_output=True, text=True, check=True)  # fmt: skip
    assert refused.stderr.strip().splitlines()[-1] == "PYYAML 2 True"
    line = text[: text.index("status: not started")].count("\n") + 1
    assert f"bad.yaml:{line}:" in refused.stderr + refused.stdout
