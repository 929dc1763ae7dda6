"""`tracker plan import` and `tracker init`, as the commands a user runs, leave a plan's data to
the end of their process (`tracker.ending`): they still print everything and exit as before,
on both databases. Where tracker runs inside another program (the app, a test), nothing is
held. Timings live in benchmarks/."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from tracker import ending
from tracker.cli import cli

DATA = Path(__file__).parent / "data" / "plans"


def _tracker(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`python -m tracker ARGS`, its output read through pipes (so buffered, not a terminal)."""
    return subprocess.run([sys.executable, "-m", "tracker", *args], env=env,
                          capture_output=True, text=True, check=False)  # fmt: skip


def test_an_import_prints_its_whole_summary_and_exits_0(settings_file: Path) -> None:
    env = {**os.environ, "TRACKER_CONFIG": str(settings_file)}
    done = _tracker("plan", "import", str(DATA / "register.yaml"), env=env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split()[:2] == ["SECTION", "CREATED"]
    assert "actions" in done.stdout
    assert "created" in lines[-1] and "left in database" in lines[-1]  # the last line, flushed


def test_a_conflict_found_after_the_plan_is_read_still_exits_3(settings_file: Path) -> None:
    """The plan is read (and held) before the database refuses it: the usual exit, code 3."""
    env = {**os.environ, "TRACKER_CONFIG": str(settings_file)}
    plan = str(DATA / "register.yaml")
    assert _tracker("plan", "import", plan, env=env).returncode == 0
    changed = _tracker("actions", "update", "A-01", "--status", "in progress", "--progress",
                       "77", "--note", "reopened", env=env)  # fmt: skip
    assert changed.returncode == 0, changed.stderr
    done = _tracker("plan", "import", plan, env=env)
    assert done.returncode == 3
    assert "nothing was imported" in done.stderr


def test_init_prints_what_it_loaded(tmp_path: Path) -> None:
    toml = tmp_path / "tracker.toml"
    toml.write_text(f'[database]\nurl = "sqlite:///{tmp_path / "new.db"}"\n\n[plans]\nload = '
                    f'["{DATA / "register.yaml"}"]\n', encoding="utf-8")  # fmt: skip
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    done = _tracker("init", env={**env, "TRACKER_CONFIG": str(toml)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].endswith("actions in the plan")


def test_inside_another_program_nothing_is_held(settings_file: Path) -> None:
    result = CliRunner().invoke(cli, ["plan", "import", str(DATA / "register.yaml")])
    assert result.exit_code == 0, result.output
    assert ending._kept == []
