"""`tracker plan validate|import|export`, in-process, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from sqlalchemy import func, select

from tracker.cli import cli
from tracker.config import load_settings
from tracker.db import Database
from tracker.models import Action, Base, StatusUpdate
from tracker.plans import canonical_text

DATA = Path(__file__).parent / "data" / "plans"
SMALL = DATA / "small.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load((DATA / "bad-cases.yaml").read_text("utf-8"))
PROBLEM_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<rest>.+)$")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def db_rows(settings_file: Path) -> dict[str, list[tuple[Any, ...]]]:
    db = Database(load_settings(settings_file).database_url)
    try:
        with db.reading() as s:
            return {
                t.name: [tuple(r) for r in s.execute(select(t).order_by(*t.primary_key.columns))]
                for t in Base.metadata.sorted_tables
            }
    finally:
        db.dispose()


def count(settings_file: Path, model: Any) -> int:
    db = Database(load_settings(settings_file).database_url)
    try:
        with db.reading() as s:
            return int(s.scalar(select(func.count()).select_from(model)) or 0)
    finally:
        db.dispose()


def bad_file(tmp_path: Path, case: dict[str, Any]) -> Path:
    text = SMALL.read_text("utf-8")
    for old, new in case["edits"]:
        text = text.replace(old, new)
    path = tmp_path / f"{case['name']}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# -- validate (no database needed) -----------------------------------------------------------------


def test_validate_prints_a_one_line_summary() -> None:
    result = run("plan", "validate", str(SMALL))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{SMALL}: valid: Test Strategy 2024-2029 (2024-2029): ")
    for piece in ("3 phases", "4 actions", "4 boards", "2 updates", "2 followups"):
        assert piece in lines[0]


def test_validate_lists_every_problem_and_exits_2(tmp_path: Path) -> None:
    text = SMALL.read_text("utf-8")
    text = text.replace("progress: 40\n    depends_on: [P1-01]", 'progress: "forty"\n'
                        "    depends_on: [P1-01]")  # fmt: skip
    text = text.replace("    rag: amber\n    progress", "    rag: purple\n    progress")
    text = text.replace("  - ref: P1-01\n", "  - ref: P1-01\n    colour: red\n")
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("plan", "validate", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == f"error: {path}: not a valid plan (3 problems):"
    parsed = [PROBLEM_LINE.match(line) for line in lines[1:]]
    assert all(parsed) and len(parsed) == 3
    assert {m["file"] for m in parsed if m} == {str(path)}
    rests = [m["rest"] for m in parsed if m]
    assert rests[0].startswith("actions[0].rag: unknown value 'purple' (allowed: green, amber, red")
    assert (
        rests[1]
        == "actions[0].progress: expected a whole number, got text 'forty' (allowed: 0..100)"
    )
    assert rests[2].startswith("actions[1].colour: unknown field 'colour' (allowed: ref, title")


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("syntax-error.yaml", ":5:8: YAML syntax error"),
        ("not-utf8.yaml", ":3:13: not UTF-8 text"),
        ("empty.yaml", ": the file is empty"),
        ("repeated-key.yaml", ":133:5: YAML syntax error: the key 'title' is given twice"),
    ],
)
def test_validate_unreadable_files(name: str, where: str) -> None:
    result = run("plan", "validate", str(DATA / name))
    assert result.exit_code == 2
    assert f"{DATA / name}{where}" in result.stderr


def test_help_texts_have_examples() -> None:
    for command in ("validate", "import", "export"):
        result = run("plan", command, "--help")
        assert result.exit_code == 0
        assert "Examples:" in result.stdout and f"tracker plan {command}" in result.stdout
    assert "--dry-run" in run("plan", "import", "--help").stdout
    assert "--strategy TITLE" in run("plan", "export", "--help").stdout


# -- import ------------------------------------------------------------------------------------------


def test_import_prints_the_summary_table(settings_file: Path) -> None:
    result = run("plan", "import", str(SMALL))
    assert result.exit_code == 0, result.output
    out = result.stdout.splitlines()
    assert out[0].split() == [
        "SECTION",
        "CREATED",
        "UPDATED",
        "UNCHANGED",
        "LEFT",
        "IN",
        "DATABASE",
    ]
    rows = {line.split()[0]: line.split()[1:] for line in out[1:16]}
    assert rows["actions"] == ["4", "0", "0", "0"]
    assert rows["updates"] == ["2", "0", "0", "0"]
    assert rows["followups"] == ["2", "0", "0", "0"]
    assert "Test Strategy 2024-2029: 35 created, 0 updated, 0 unchanged" in result.stdout
    assert count(settings_file, Action) == 4 and count(settings_file, StatusUpdate) == 2

    again = run("plan", "import", str(SMALL))
    assert again.exit_code == 0
    assert "0 created, 0 updated, 35 unchanged" in again.stdout
    assert "nothing to change" in again.stdout


def test_import_dry_run_stores_nothing(settings_file: Path) -> None:
    before = db_rows(settings_file)
    result = run("plan", "import", str(SMALL), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "35 created" in result.stdout
    assert result.stdout.rstrip().endswith("dry run: nothing was stored")
    assert db_rows(settings_file) == before


@pytest.mark.parametrize(
    "case", [c for c in CASES if c["name"] in {
        "wrong-type", "unknown-field", "missing-required-field", "duplicate-ref", "unknown-board",
        "dependency-cycle", "unknown-status", "date-outside-period", "board-parent-cycle",
        "person-without-name-or-role", "progress-above-100",
    }], ids=lambda c: c["name"],
)  # fmt: skip
def test_import_of_a_bad_plan_changes_nothing(
    settings_file: Path, tmp_path: Path, case: dict[str, Any]
) -> None:
    assert run("plan", "import", str(SMALL)).exit_code == 0
    before = db_rows(settings_file)
    path = bad_file(tmp_path, case)
    result = run("plan", "import", str(path))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"error: {path}: refused, nothing was changed (")
    assert any(
        (m := PROBLEM_LINE.match(line)) and m["rest"].startswith(f"{case['field']}: ")
        for line in lines[1:]
    ), result.stderr
    assert db_rows(settings_file) == before


@pytest.mark.parametrize("name", ["syntax-error.yaml", "not-utf8.yaml", "empty.yaml"])
def test_import_of_an_unreadable_file_changes_nothing(settings_file: Path, name: str) -> None:
    before = db_rows(settings_file)
    result = run("plan", "import", str(DATA / name))
    assert result.exit_code == 2
    assert str(DATA / name) in result.stderr
    assert db_rows(settings_file) == before


# -- export ------------------------------------------------------------------------------------------


def test_export_writes_the_file_and_prints_its_path(settings_file: Path, tmp_path: Path) -> None:
    assert run("plan", "import", str(SMALL)).exit_code == 0
    out = tmp_path / "exported.yaml"
    result = run("plan", "export", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"wrote {out}: Test Strategy 2024-2029, 4 actions")
    exported = "".join(line for line in out.read_text("utf-8").splitlines(keepends=True)
                       if not line.lstrip().startswith(("uid: ", "sequence: ")))  # fmt: skip
    assert exported == canonical_text(SMALL)  # plus the calendar UIDs and SEQUENCEs
    stdout = run("plan", "export", "-")
    assert stdout.exit_code == 0
    assert stdout.stdout == out.read_text("utf-8")


def test_export_then_import_into_an_empty_database(settings_file: Path, tmp_path: Path) -> None:
    assert run("plan", "import", str(SMALL)).exit_code == 0
    out = tmp_path / "exported.yaml"
    assert run("plan", "export", str(out)).exit_code == 0
    again = run("plan", "import", str(out))
    assert "0 created, 0 updated" in again.stdout


def test_export_of_an_empty_database_fails(settings_file: Path, tmp_path: Path) -> None:
    result = run("plan", "export", str(tmp_path / "x.yaml"))
    assert result.exit_code == 2
    assert "no strategy" in result.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_export_unknown_strategy(settings_file: Path, tmp_path: Path) -> None:
    assert run("plan", "import", str(SMALL)).exit_code == 0
    result = run("plan", "export", str(tmp_path / "x.yaml"), "--strategy", "Nope")
    assert result.exit_code == 2
    assert "no strategy titled 'Nope' (there are: Test Strategy 2024-2029)" in result.stderr
    ok = run("plan", "export", "-", "--strategy", "Test Strategy 2024-2029")
    assert ok.exit_code == 0 and ok.stdout.startswith("schema: tracker-plan/1\n")
