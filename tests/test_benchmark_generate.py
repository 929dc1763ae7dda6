"""benchmarks/generate.py writes a valid, consistent, deterministic plan that imports.

No timings here: speed is measured by benchmarks/run.py, never asserted in tests."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

GENERATE = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"


def generate(out: Path, *args: str) -> Path:
    done = subprocess.run(
        [sys.executable, str(GENERATE), "--actions", "50", "--updates", "300", "--boards", "8",
         "--resolutions", "40", *args, "--out", str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def small_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("bench") / "plan.yaml")


def load(path: Path) -> dict[str, Any]:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def test_sizes_are_as_asked(small_plan: Path) -> None:
    plan = load(small_plan)
    assert plan["schema"] == "tracker-plan/1"
    assert len(plan["actions"]) == 50
    assert sum(len(a["updates"]) for a in plan["actions"]) == 300
    assert sum(len(m["resolutions"]) for m in plan["meetings"]) == 40
    boards = [b for b in plan["boards"] if b["kind"] == "board"]
    assert len(boards) == 8
    assert [b["code"] for b in boards if b["parent"] is None] == ["children-first-board"]
    assert [p["number"] for p in plan["phases"]] == [1, 2, 3, 4, 5]
    assert len(plan["outcomes"]) == 10


def test_history_is_consistent(small_plan: Path) -> None:
    plan = load(small_plan)
    seen: set[str] = set()
    for a in plan["actions"]:
        assert dt.date(2024, 1, 1) <= a["start"] <= a["due"] <= dt.date(2029, 12, 31)
        assert all(dep in seen for dep in a["depends_on"]), "dependencies only on earlier refs"
        seen.add(a["ref"])
        stamps = [u["at"] for u in a["updates"]]
        assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
        if a["updates"]:
            last = a["updates"][-1]
            assert (a["status"], a["rag"], a["progress"]) == (
                last["status"], last["rag"], last["progress"],
            )  # fmt: skip
        else:
            assert (a["status"], a["rag"], a["progress"]) == ("not started", None, 0)
        for item in (a, *a["updates"]):
            if item["status"] == "complete":
                assert item["progress"] == 100


def test_same_seed_same_file_other_seed_other_file(small_plan: Path, tmp_path: Path) -> None:
    again = generate(tmp_path / "again.yaml")
    other = generate(tmp_path / "other.yaml", "--seed", "2")
    assert again.read_bytes() == small_plan.read_bytes()
    assert other.read_bytes() != small_plan.read_bytes()


def test_generated_plan_validates_and_imports(small_plan: Path, settings_file: Path) -> None:
    from tracker.cli import cli

    runner = CliRunner()
    checked = runner.invoke(cli, ["plan", "validate", str(small_plan)])
    assert checked.exit_code == 0, checked.output
    imported = runner.invoke(cli, ["plan", "import", str(small_plan)])
    assert imported.exit_code == 0, imported.output
    listed = runner.invoke(cli, ["actions", "list", "--format", "csv"])
    assert listed.exit_code == 0, listed.output
    assert len(listed.output.strip().splitlines()) == 1 + 50
