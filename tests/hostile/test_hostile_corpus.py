"""The hostile-input corpus (cases.yaml), each case on SQLite and on PostgreSQL: the exit code the
issue asks for, a message naming the file, line or field, no Python traceback, nothing secret
shown, and the database exactly as before (or, for a round trip, the exact text stored)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hostile_helpers import (
    Outcome,
    Workspace,
    all_match,
    changed_tables,
    checkpoint_sqlite,
    file_hash,
    load_cases,
    make_file,
    run_cli,
    run_process,
    sqlite_bytes_hash,
    table_rows,
)
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

CASES = load_cases()


def _params() -> list[Any]:
    out = []
    for case in CASES:
        for backend in case.get("backends", ["sqlite", "postgresql"]):
            out.append(pytest.param(backend, case, id=f"{case['name']}-{backend}"))
    return out


def test_the_corpus_is_big_enough() -> None:
    """The issue asks for at least 60 kinds across plan files, CLI arguments, sheets, minutes
    and settings."""
    areas = {c["area"] for c in CASES}
    assert {"plan", "cli", "sheet", "minutes", "settings"} <= areas
    assert len(CASES) >= 60


# --- making things read-only, also for root (which ignores file modes) ------------------------


def _lock(path: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(path)], check=True)
    else:
        path.chmod(0o555 if path.is_dir() else 0o444)


def _unlock(path: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], check=False)
    else:
        path.chmod(0o755 if path.is_dir() else 0o644)


@contextmanager
def locked(paths: list[Path]) -> Iterator[None]:
    done: list[Path] = []
    try:
        for path in paths:
            _lock(path)
            done.append(path)
        yield
    finally:
        for path in reversed(done):
            _unlock(path)


# --- one case ---------------------------------------------------------------------------------


def _state(ws: Workspace) -> tuple[str, dict[str, list[str]]]:
    if ws.sqlite_file is not None:
        return sqlite_bytes_hash(ws.sqlite_file), table_rows(ws.db_url)
    rows = table_rows(ws.db_url)
    return repr(sorted(rows.items())), rows


def _run_sql(ws: Workspace, statements: list[str]) -> None:
    engine = create_engine(ws.db_url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def _latest_commentary(ws: Workspace, env: dict[str, str | None], ref: str) -> object:
    shown = run_cli(["actions", "show", ref, "--format", "json"], env)
    assert shown.exit_code == 0, shown.output
    updates = json.loads(shown.output)["updates"]
    latest = max(updates, key=lambda u: u["recorded_at"])
    return latest["commentary"]


@pytest.mark.parametrize(("hostile_ws", "case"), _params(), indirect=["hostile_ws"])
def test_hostile_case(hostile_ws: Workspace, case: dict[str, Any]) -> None:
    ws = hostile_ws
    env = dict(ws.env)
    env.update({k: ws.fill(v) for k, v in case.get("env", {}).items()})
    if "settings" in case:
        (ws.folder / "tracker.toml").write_text(ws.fill(case["settings"]), encoding="utf-8")
    for name, spec in case.get("files", {}).items():
        make_file(ws, ws.fill(name), spec)
    if "copy_db_to" in case.get("setup", {}):
        assert ws.sqlite_file is not None
        target = ws.folder / case["setup"]["copy_db_to"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ws.sqlite_file, target)
    for step in case.get("pre", []):
        pre = run_cli([ws.fill(a) for a in step], env)
        assert pre.exit_code == 0 and not pre.traceback, (step, pre.output, pre.traceback)
    if case.get("sql"):
        _run_sql(ws, case["sql"])
    if ws.sqlite_file is not None:
        checkpoint_sqlite(ws.sqlite_file)

    before, before_rows = _state(ws)
    watched = {name: file_hash(ws.folder / name) for name in case.get("unchanged_files", [])}
    to_lock = [ws.folder / ws.fill(p) for p in case.get("setup", {}).get("read_only", [])]
    args = [ws.fill(a) for a in case["run"]]
    with locked(to_lock):
        if case.get("runner") == "process":
            outcome = run_process(args, env, ws.folder, float(case.get("timeout", 60)))
        else:
            outcome = run_cli(args, env)
    after, after_rows = _state(ws)

    problems = _judge(case, ws, env, outcome, before == after,
                      changed_tables(before_rows, after_rows), watched)  # fmt: skip
    if os.environ.get("HOSTILE_SHOW"):  # HOSTILE_SHOW=1 pytest -s ...: see what each case said
        print(f"\n[{case['name']}-{ws.backend}] exit {outcome.exit_code}\n{outcome.output[:1500]}")
    assert not problems, _explain(case, args, outcome, problems)


def _judge(
    case: dict[str, Any],
    ws: Workspace,
    env: dict[str, str | None],
    outcome: Outcome,
    same_db: bool,
    tables: list[str],
    watched: dict[str, str | None],
) -> list[str]:
    problems = []
    if outcome.traceback:
        problems.append("a Python traceback (an unhandled exception)")
    if outcome.exit_code != case["exit"]:
        problems.append(f"exit code {outcome.exit_code}, expected {case['exit']}")
    missing = all_match([ws.fill(p) for p in case.get("says", [])], outcome.output)
    if missing:
        problems.append(f"the message does not match {missing}")
    for secret in case.get("not_says", []):
        if ws.fill(secret) in outcome.output:
            problems.append(f"the output shows {ws.fill(secret)!r}")
    expect_db = case.get("db", "unchanged")
    if expect_db == "unchanged" and not same_db:
        problems.append(f"the database changed (tables: {', '.join(tables) or 'file bytes only'})")
    for name, digest in watched.items():
        if file_hash(ws.folder / name) != digest:
            problems.append(f"the file {name} changed")
    for name in case.get("absent_files", []):
        if (ws.folder / ws.fill(name)).exists():
            problems.append(f"the file {name} exists")
    for ref, expected in case.get("commentary", {}).items():
        if outcome.exit_code == 0 or expect_db == "changed":
            got = _latest_commentary(ws, env, ref)
            if got != expected:
                problems.append(f"{ref}'s latest commentary is {got!r}, expected {expected!r}")
    return problems


def _explain(case: dict[str, Any], args: list[str], outcome: Outcome, problems: list[str]) -> str:
    shown = outcome.output if len(outcome.output) < 3000 else outcome.output[:3000] + "..."
    lines = [
        f"case {case['name']}: {case.get('about', '')}",
        f"ran: tracker {' '.join(repr(a) if len(a) < 80 else repr(a[:80]) + '...' for a in args)}",
        *[f"  - {p}" for p in problems],
        "output:",
        shown,
    ]
    if outcome.traceback:
        lines += ["traceback:", outcome.traceback[-3000:]]
    return "\n".join(lines)
