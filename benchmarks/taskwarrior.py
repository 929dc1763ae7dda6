"""The yardstick: taskwarrior (Debian package `taskwarrior`) loaded with the plan's actions.

    .venv/bin/python benchmarks/taskwarrior.py benchmarks/out/plan-10000.yaml

Each action becomes one task in a private TASKDATA/TASKRC (a temporary folder): description =
title, project = board code, due, status (complete -> completed, cancelled -> deleted, else
pending), tags (the RAG and the stage). They go in with one `task import` of a JSON file. Then
`task list` and `task project:X list` are timed as whole processes, output to /dev/null.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import timing  # noqa: E402

NAMESPACE = uuid.UUID("6f1c1d1e-8a4b-4d5c-9a43-0d2b7a9f6e11")


def ensure_installed() -> str | None:
    """None when `task` is there (installing it with apt-get if need be); else why not."""
    if shutil.which("task"):
        return None
    if shutil.which("apt-get") is None:
        return "taskwarrior is not installed and apt-get is not available"
    if os.geteuid() != 0:
        return "taskwarrior is not installed; run: sudo apt-get install -y taskwarrior"
    print("taskwarrior not found: apt-get install -y taskwarrior ...", file=sys.stderr)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for argv in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", "taskwarrior"]):
        done = subprocess.run(argv, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            return f"could not install taskwarrior ({' '.join(argv)}): {' | '.join(tail)}"
    return None if shutil.which("task") else "apt-get installed taskwarrior but `task` is missing"


def _stamp(value: Any, end_of_day: bool = False) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.strftime("%Y%m%dT%H%M%SZ")
    if isinstance(value, dt.date):
        return value.strftime("%Y%m%dT") + ("235959Z" if end_of_day else "000000Z")
    return None


def to_tasks(actions: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One task per action (from a parsed plan's `actions` list)."""
    tasks = []
    for a in actions:
        status = {"complete": "completed", "cancelled": "deleted"}.get(a["status"], "pending")
        entry = _stamp(a.get("start")) or "20240101T000000Z"
        task: dict[str, Any] = {
            "uuid": str(uuid.uuid5(NAMESPACE, a["ref"])),
            "description": a["title"],
            "status": status,
            "entry": entry,
        }
        if a.get("board"):
            task["project"] = a["board"]
        if a.get("due"):
            task["due"] = _stamp(a["due"], end_of_day=True)
        tags = [t for t in (a.get("rag"), f"stage{a['stage']}" if a.get("stage") else None) if t]
        if tags:
            task["tags"] = tags
        if status != "pending":
            updates = a.get("updates") or []
            task["end"] = _stamp(updates[-1]["at"]) if updates else entry
        tasks.append(task)
    return tasks


@dataclass
class TaskDb:
    folder: Path

    @property
    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "TASKRC": str(self.folder / "taskrc"),
            "TASKDATA": str(self.folder / "data"),
        }

    def task(self, *args: str) -> list[str]:
        return ["task", *args]

    def count(self, *filters: str) -> int:
        out = timing.output(self.task(*filters, "count"), env=self.env)
        return int(out.strip() or 0)

    def cleanup(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def load(actions: Iterable[Mapping[str, Any]], folder: Path | None = None) -> tuple[TaskDb, float]:
    """A private taskwarrior database holding the actions; and how long `task import` took."""
    folder = folder or Path(tempfile.mkdtemp(prefix="bench-task-"))
    (folder / "data").mkdir(parents=True, exist_ok=True)
    (folder / "taskrc").write_text(
        "\n".join(
            [
                f"data.location={folder / 'data'}",
                "confirmation=off",
                "verbose=nothing",
                "recurrence=off",
                "hooks=off",
                "detection=off",  # not a terminal: use defaultwidth
                "defaultwidth=250",
                "news.version=2.6.0",  # no "see task news" nag
                "gc=on",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    db = TaskDb(folder)
    source = folder / "tasks.json"
    source.write_text(json.dumps(to_tasks(actions)), encoding="utf-8")
    took = timing.run(db.task("import", str(source)), env=db.env)
    # the first report after an import does the garbage collection (moves completed tasks
    # out of pending.data): keep it out of the timed runs
    timing.run(db.task("list"), env=db.env)
    return db, took


def time_lists(db: TaskDb, project: str, repeats: int = 5) -> dict[str, timing.Timing]:
    return {
        "task list": timing.repeat(db.task("list"), env=db.env, repeats=repeats),
        "task project:X list": timing.repeat(
            db.task(f"project:{project}", "list"), env=db.env, repeats=repeats
        ),
    }


def main(argv: list[str] | None = None) -> int:
    import argparse

    import yaml

    p = argparse.ArgumentParser(description="Time taskwarrior on a plan file's actions.")
    p.add_argument("plan", type=Path)
    p.add_argument("--project", help="board code for `task project:X list` (default: busiest)")
    p.add_argument("--repeats", type=int, default=5)
    a = p.parse_args(argv)
    reason = ensure_installed()
    if reason:
        print(f"skipped: {reason}")
        return 1
    with a.plan.open(encoding="utf-8") as fh:
        plan = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    actions = plan.get("actions") or []
    project = a.project or busiest_board(actions)
    db, took = load(actions)
    try:
        print(f"task import of {len(actions)} tasks: {timing.seconds(took)}")
        print(f"pending: {db.count('status:pending')}, project {project}: "
              f"{db.count(f'project:{project}', 'status:pending')}")  # fmt: skip
        for name, t in time_lists(db, project, a.repeats).items():
            print(f"{name}: {t} (median of {len(t.samples)})")
    finally:
        db.cleanup()
    return 0


def busiest_board(actions: Iterable[Mapping[str, Any]]) -> str:
    counts: dict[str, int] = {}
    for action in actions:
        if action.get("board"):
            counts[action["board"]] = counts.get(action["board"], 0) + 1
    return max(sorted(counts), key=lambda k: counts[k]) if counts else "none"


if __name__ == "__main__":
    sys.exit(main())
