"""`tracker plan import` of a file without an `access:` section, in a fresh process, loads the
plan and sets up no ORM mapper (the import writes through the tables; setting up the mappers is
start-up work a large import need not pay), on both databases. Timings live in benchmarks/."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
