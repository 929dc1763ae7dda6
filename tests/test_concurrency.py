"""Two people at once: several `tracker actions update` processes on the same few actions, on
SQLite and PostgreSQL. Each update lands (exit 0, in the history) or is refused as a conflict
(exit 3); nothing else happens, and the history holds exactly the updates that landed."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tracker.config import Settings
from tracker.errors import Conflict
from tracker.services.actions.detail import count_updates, get_action
from tracker.services.actions.updates import record_update
from tracker.services.context import Tracker, open_tracker
from tracker.services.plans import import_plan

ROOT = Path(__file__).resolve().parents[1]
TRACKER = ROOT / ".venv" / "bin" / "tracker"
REGISTER = Path(__file__).parent / "data" / "plans" / "register.yaml"
REFS = ("A-03", "A-06", "A-08")  # not overdue, RAG green or none: a progress + note is valid
CLI_PROCESSES = 9  # whole `tracker` processes (each pays start-up): 3 per action
WORKERS = 20  # forked processes calling the services, released together by a barrier


@pytest.fixture
def register(tracker: Tracker) -> Tracker:
    import_plan(tracker, REGISTER)
    return tracker


def test_concurrent_cli_updates_land_or_conflict(register: Tracker, settings_file: Path) -> None:
    read = {ref: get_action(register, ref).version for ref in REFS}
    history_before = {ref: count_updates(register, ref) for ref in REFS}
    env = {**os.environ, "TRACKER_CONFIG": str(settings_file)}
    env.pop("TRACKER_DB_URL", None)
    jobs = []
    for n in range(CLI_PROCESSES):
        ref = REFS[n % len(REFS)]
        args = [str(TRACKER), "actions", "update", ref, "--progress", str(n + 1)]
        args += ["--note", f"writer {n}", "--by", f"writer {n}"]
        if n % 2 == 0:
            # names the version read before any of them started: at most one of these can land
            args += ["--expect-version", str(read[ref])]
        # odd ones read the version themselves just before writing: they race each other
        jobs.append((n, ref, subprocess.Popen(args, env=env, stdout=subprocess.PIPE,
                                              stderr=subprocess.PIPE, text=True)))  # fmt: skip
    landed: dict[str, list[int]] = {ref: [] for ref in REFS}
    refused: list[int] = []
    for n, ref, proc in jobs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode in (0, 3), f"writer {n} exit {proc.returncode}: {err}"
        assert "Traceback" not in err and "locked" not in err
        if proc.returncode == 0:
            assert out.startswith(f"{ref}: in progress") or out.startswith(f"{ref}: not started")
            landed[ref].append(n)
        else:
            assert err.startswith(f"conflict: action {ref}"), err
            assert "nothing was overwritten" in err
            refused.append(n)
    assert sum(len(v) for v in landed.values()) + len(refused) == CLI_PROCESSES
    assert refused, "some writers named a stale version: they must have been refused"
    for ref in REFS:
        detail = get_action(register, ref, history=None)
        new = [u for u in detail.updates if u.recorded_by.startswith("writer ")]
        # every landed update is in the history, and nothing else was added
        assert sorted(int(u.recorded_by.split()[1]) for u in new) == sorted(landed[ref])
        assert count_updates(register, ref) == history_before[ref] + len(landed[ref])
        # the version moved once per landed update; the current position is the newest update
        assert detail.version == read[ref] + len(landed[ref])
        if new:
            assert detail.row.progress == new[0].progress
        # of the writers naming the version read before, at most one landed
        assert len([n for n in landed[ref] if n % 2 == 0]) <= 1


def _worker(
    settings: Settings, n: int, ref: str, stale: int | None, barrier: Any, results: Any
) -> None:
    """One person: read the action, wait for everyone, then write naming the version read."""
    t = open_tracker(settings)  # its own engine and connections, never the parent's
    try:
        version = stale if stale is not None else get_action(t, ref).version
        barrier.wait(timeout=60)
        try:
            record_update(
                t, ref, progress=n + 1, note=f"worker {n}", by=f"worker {n}",
                expected_version=version,
            )  # fmt: skip
            results.put((n, ref, "landed"))
        except Conflict:
            results.put((n, ref, "conflict"))
    except BaseException as exc:  # noqa: BLE001 - anything else is the failure we look for
        results.put((n, ref, f"{type(exc).__name__}: {exc}"))
    finally:
        t.close()


def test_concurrent_service_updates_land_or_conflict(register: Tracker, settings: Settings) -> None:
    read = {ref: get_action(register, ref).version for ref in REFS}
    history_before = {ref: count_updates(register, ref) for ref in REFS}
    register.db.dispose()  # no pooled connection is inherited by the children
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(WORKERS)
    results = ctx.Queue()
    workers = []
    for n in range(WORKERS):
        ref = REFS[n % len(REFS)]
        stale = read[ref] if n % 2 == 0 else None
        proc = ctx.Process(target=_worker, args=(settings, n, ref, stale, barrier, results))
        proc.start()
        workers.append(proc)
    outcomes = [results.get(timeout=120) for _ in workers]
    for proc in workers:
        proc.join(timeout=30)
        assert proc.exitcode == 0
    failures = [o for o in outcomes if o[2] not in ("landed", "conflict")]
    assert failures == []
    landed = {ref: sorted(n for n, r, what in outcomes if r == ref and what == "landed")
              for ref in REFS}  # fmt: skip
    assert any(what == "conflict" for _, _, what in outcomes)
    for ref in REFS:
        detail = get_action(register, ref, history=None)
        new = [u for u in detail.updates if u.recorded_by.startswith("worker ")]
        assert sorted(int(u.recorded_by.split()[1]) for u in new) == landed[ref]
        assert count_updates(register, ref) == history_before[ref] + len(landed[ref])
        assert detail.version == read[ref] + len(landed[ref])
        assert len([n for n in landed[ref] if n % 2 == 0]) <= 1
