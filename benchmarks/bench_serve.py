"""`tracker serve` under N concurrent browser sessions on PostgreSQL (issue 18).

    .venv/bin/python benchmarks/bench_serve.py --sessions 20 --updates 20

Each session does what a person's browser does, over the same protocol: GET the sign-in page,
POST the login and password (with the page's token and Origin), open the app's websocket with
the session cookie, and type keys ("stdin" messages) while the screen it is sent is played
into a terminal emulator (pyte) of 120x40. On its own action (found with "/" in the register),
each session records UPDATES status updates through the update window (u, three tabs to the
commentary, the note, ctrl+s), waiting each time for the window to close. Headless Chromium for
every session is not used for the load: twenty browsers would take the two cores the app
processes need (tests/web drives real Chromium).

Before the N sessions, one session alone (the yardstick, 3 updates) signs in on the same
server: its figures are what one person meets on this machine at this load. After their
updates the N sessions stay open, idle, for --idle seconds (their idle CPU), then quit.

Reported: the time from pressing "Sign in" to the dashboard's text on screen (median and
worst) and how long sessions waited for their turn to start (`serve.max_starting`), each
session's app-process memory (RSS and PSS) with all N open and the server's, CPU seconds (an
app's start-up, per update, idle, the server's), the load average through the run, then lost
updates (updates each session saw saved but the database lacks, or recorded by another account)
and errors (windows that did not close, refusals, server errors). Everything is in a temporary
folder and a new database, both removed at the end: nothing needs to exist beforehand.

The session each browser runs is in serve_session.py; what is read from /proc in
serve_processes.py.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import aiohttp
from serve_processes import app_children, cpu_seconds, free_port, memory_kb
from serve_session import PASSWORD, Barrier, Result, session

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "plans" / "early-help-2024-2029.yaml"
PG_ADMIN = os.environ.get("TRACKER_TEST_PG_URL", "postgresql://127.0.0.1:5432/test")

PEAKS: list[tuple[int, int, int, int]] = []
OPEN: list[tuple[int, int, int, int]] = []  # the same, all sessions open and idle at the end
LOADS: list[float] = []  # the 1-minute load average, every second of the run


def setup_database(
    folder: Path, sessions: int, max_starting: int
) -> tuple[Path, str, list[tuple[str, str]], list[str]]:
    """A new PostgreSQL database with the shipped plan and one account per session (the last
    for the yardstick); the people with their actions, and every action's ref."""
    from sqlalchemy import create_engine, text

    name = f"tracker_bench_serve_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    settings_file = folder / "tracker.toml"
    settings_file.write_text(
        f'[database]\nurl = "{url}"\n[plans]\nload = ["{PLAN}"]\n'
        f"[serve]\nmax_sessions = {sessions + 5}\n"
        + (f"max_starting = {max_starting}\n" if max_starting else ""),
        encoding="utf-8",
    )
    env = dict(os.environ, TRACKER_CONFIG=str(settings_file))
    subprocess.run([sys.executable, "-m", "tracker", "init"], check=True, env=env,
                   capture_output=True)  # fmt: skip
    from tracker.config import load_settings
    from tracker.services.accounts import add_account, parse_role, sign_in
    from tracker.services.actions.register import list_actions
    from tracker.services.context import open_tracker

    t = open_tracker(load_settings(settings_file))
    try:
        add_account(t, "admin", "Bench Admin", PASSWORD, [parse_role("admin")])
        t.act_as(sign_in(t, "admin", PASSWORD, source="bench"))
        refs = [row.ref for row in list_actions(t).rows]
        people = []
        for i in range(sessions + 1):
            login = f"officer{i + 1:02d}"
            add_account(t, login, f"Officer {i + 1:02d}", PASSWORD,
                        [parse_role("programme manager")])  # fmt: skip
            people.append((login, refs[i % len(refs)]))
    finally:
        t.close()
    return settings_file, name, people, refs


def drop_database(name: str) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                       "WHERE datname = :n AND pid <> pg_backend_pid()"), {"n": name})  # fmt: skip
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


def count_saved(settings_file: Path, people: list[tuple[str, str]]) -> dict[str, int]:
    """Per login: its updates in the database, on its action, recorded by its account."""
    from tracker.config import load_settings
    from tracker.services.actions.detail import get_action
    from tracker.services.context import open_tracker

    t = open_tracker(load_settings(settings_file))
    try:
        found = {}
        for login, ref in people:
            name = f"Officer {login[-2:]}"
            updates = get_action(t, ref, history=1000).updates
            found[login] = sum(
                1 for u in updates
                if u.recorded_by == name and (u.commentary or "").startswith(f"bench {login} ")
            )  # fmt: skip
        return found
    finally:
        t.close()


async def run(args: argparse.Namespace) -> int:
    folder = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    settings_file, database, everyone, refs = setup_database(
        folder, args.sessions, args.max_starting
    )
    people, (yard_login, yard_ref) = everyone[:-1], everyone[-1]
    rows = {ref: i for i, ref in enumerate(sorted(refs))}  # the register is sorted by ref
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = folder / "serve.log"
    try:
        server = subprocess.Popen(
            [sys.executable, "-m", "tracker", "--config", str(settings_file), "serve",
             "--port", str(port)],
            stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        idle_cpu = 0.0
        try:
            async with aiohttp.ClientSession() as probe:
                for _ in range(600):
                    try:
                        await probe.get(f"{base}/sign-in")
                        break
                    except aiohttp.ClientError:
                        await asyncio.sleep(0.2)

            async def watch() -> None:
                while True:  # (apps, their RSS, their PSS, the server's RSS), once a second
                    apps = app_children(server.pid)
                    mem = [memory_kb(p) for p in apps]
                    PEAKS.append((len(apps), sum(m[0] for m in mem), sum(m[1] for m in mem),
                                  memory_kb(server.pid)[0]))  # fmt: skip
                    LOADS.append(os.getloadavg()[0])
                    await asyncio.sleep(1.0)

            watcher = asyncio.create_task(watch())
            yard = Result(yard_login, yard_ref, ref_row=rows[yard_ref])
            await session(base, yard_login, yard_ref, 3, yard, log=log)
            for _ in range(300):  # its app process has quit
                if not app_children(server.pid):
                    break
                await asyncio.sleep(0.1)
            load_before = os.getloadavg()
            server_cpu = cpu_seconds(server.pid)
            results = [Result(login, ref, ref_row=rows[ref]) for login, ref in people]
            barrier = Barrier(len(results))
            begun = time.monotonic()
            pace = {"think": args.think, "log": log, "barrier": barrier}
            running = asyncio.gather(
                *(
                    session(base, r.login, r.ref, args.updates, r, i * args.stagger, **pace)
                    for i, r in enumerate(results)
                )
            )
            await barrier.all_done.wait()
            elapsed = time.monotonic() - begun
            server_cpu = cpu_seconds(server.pid) - server_cpu
            idle_apps = app_children(server.pid)  # all open, none typing: what sitting costs
            before = sum(cpu_seconds(p) for p in idle_apps)
            await asyncio.sleep(args.idle)
            idle_cpu = sum(cpu_seconds(p) for p in idle_apps) - before
            memory = [memory_kb(p) for p in app_children(server.pid)]
            OPEN.append((len(memory), sum(m[0] for m in memory), sum(m[1] for m in memory),
                         memory_kb(server.pid)[0]))  # fmt: skip
            barrier.go.set()
            await running
            watcher.cancel()
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        saved_in_db = count_saved(settings_file, people)
        report(args, results, yard, saved_in_db, elapsed, load_before, log, PEAKS,
               server_cpu, (len(idle_apps), idle_cpu))  # fmt: skip
    finally:  # a session or the server failing leaves no database or folder behind
        drop_database(database)
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if all(not r.errors for r in results) else 1


def spread(values: list[float], unit: str = "s") -> str:
    if not values:
        return "-"
    values = sorted(values)
    return (f"median {statistics.median(values):.2f} {unit}, worst {values[-1]:.2f} {unit}, "
            f"best {values[0]:.2f} {unit}")  # fmt: skip


def report(args: argparse.Namespace, results: list[Result], yard: Result, in_db: dict[str, int],
           elapsed: float, load: tuple[float, float, float], log: Path,
           peaks: list[tuple[int, int, int, int]], server_cpu: float,
           idle: tuple[int, float]) -> None:  # fmt: skip
    times = [r.to_dashboard for r in results if r.to_dashboard]
    saw = sum(r.saved for r in results)
    lost = sum(max(0, r.saved - in_db.get(r.login, 0)) for r in results)
    errors = [e for r in results for e in r.errors]
    text = log.read_text(errors="replace")
    server_errors = [line for line in text.splitlines() if " ERROR " in line]
    waited = [float(w) for w in re.findall(r"after waiting ([\d.]+) s", text)]
    answered = [float(a) for a in re.findall(r"had answered ([\d.]+) s after", text)]
    print(
        f"sessions {args.sessions}, updates each {args.updates}, stagger {args.stagger} s, "
        f"think {args.think} s, max_starting {args.max_starting or 'default (one per core)'}; "
        f"wall {elapsed:.1f} s to the last update"
    )
    if LOADS:
        print(f"load average (1 min, {os.cpu_count()} cores): before {load[0]:.1f}; during the "
              f"run min {min(LOADS):.1f}, mean {statistics.mean(LOADS):.1f}, "
              f"max {max(LOADS):.1f}")  # fmt: skip
    print(f"yardstick, one session alone first: sign-in to dashboard {yard.to_dashboard:.2f} s, "
          f"app start-up {yard.start_cpu:.2f} CPU s, "
          f"{yard.work_cpu / max(yard.saved, 1):.2f} CPU s per update, "
          f"errors {len(yard.errors)}")  # fmt: skip
    print(f"sign-in to dashboard: {spread(times)}")
    print(f"waited for a turn to start (of {len(waited)} that waited): {spread(waited)}; "
          f"app process start to its first output: {spread(answered)}")  # fmt: skip
    starts = [r.start_cpu for r in results if r.pid]
    per_update = [r.work_cpu / r.saved for r in results if r.pid and r.saved]
    print(f"CPU: app start-up to the dashboard {spread(starts, 'CPU s')}; per update "
          f"{spread(per_update, 'CPU s')}; the server {server_cpu:.1f} CPU s in all")  # fmt: skip
    apps_idle, idle_cpu = idle
    if apps_idle and args.idle:
        print(f"idle: {apps_idle} sessions open, nobody typing, {args.idle:.0f} s: "
              f"{idle_cpu:.2f} CPU s in all "
              f"({idle_cpu / apps_idle / args.idle * 60:.3f} CPU s a session a minute)")  # fmt: skip
    print(
        f"updates saved (seen by the sessions): {saw}; in the database, by their accounts: "
        f"{sum(in_db.values())}; lost: {lost}"
    )
    print(
        f"errors: {len(errors)} in the sessions, {len(server_errors)} in the server's log; "
        f"update windows opened again (focus lost): {sum(r.retries for r in results)}; "
        f"saved notices not seen within 30 s: {sum(r.notices_missed for r in results)}"
    )
    shown = [("all open, idle, at the end", o) for o in OPEN]
    if peaks:
        shown.append(("the busiest moment", max(peaks, key=lambda p: (p[0], p[2]))))
    top = max(peaks, key=lambda p: p[3]) if peaks else (0, 0, 0, 0)
    for what, (apps, rss, pss, server_rss) in shown:
        print(
            f"memory ({what}) with {apps} app processes: apps RSS {rss / 1024:.0f} MB "
            f"({rss / 1024 / max(apps, 1):.0f} MB each), PSS {pss / 1024:.0f} MB "
            f"({pss / 1024 / max(apps, 1):.0f} MB each); server RSS {server_rss / 1024:.0f} MB "
            f"(at most {top[3] / 1024:.0f} MB, {peaks.index(top)} s in, {top[0]} apps open); "
            f"total PSS+server {(pss + server_rss) / 1024:.0f} MB"
        )
    for e in errors[:3]:
        print("error:", e[:3000])
    for line in server_errors[:5]:
        print("server:", line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--updates", type=int, default=20)
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="seconds a session waits after each saved update (default 0)",
    )
    parser.add_argument(
        "--stagger",
        type=float,
        default=0.0,
        help="seconds between one session's sign-in and the next (default: all at once)",
    )
    parser.add_argument(
        "--idle",
        type=float,
        default=30.0,
        help="seconds all sessions stay open, idle, after their updates (default 30)",
    )
    parser.add_argument(
        "--max-starting",
        type=int,
        default=0,
        help="[serve] max_starting for the server (default: its own, one per core)",
    )
    args = parser.parse_args()
    # SIGTERM as Ctrl-C: the run's `finally` blocks stop the server and drop its database
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
