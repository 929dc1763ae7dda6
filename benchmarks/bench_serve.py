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

Reported: the time from pressing "Sign in" to the dashboard's text on screen (median and
worst), each session's app-process memory (RSS and PSS) and the server's, then lost updates
(updates each session saw saved but the database lacks, or recorded by another account) and
errors (windows that did not close, refusals, server errors).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import pyte

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "plans" / "early-help-2024-2029.yaml"
PG_ADMIN = os.environ.get("TRACKER_TEST_PG_URL", "postgresql://127.0.0.1:5432/test")
PASSWORD = "bench password, long enough"
DASHBOARD = "Early Help Strategy"
SIZE = (120, 40)


@dataclass
class Result:
    login: str
    ref: str
    to_dashboard: float = 0.0
    saved: int = 0
    retries: int = 0  # update windows closed and opened again (the focus was lost)
    ref_row: int = 0  # the action's row in the register (sorted by ref)
    errors: list[str] = field(default_factory=list)
    pid: int | None = None


class Screen:
    def __init__(self) -> None:
        self.screen = pyte.Screen(*SIZE)
        self.stream = pyte.ByteStream(self.screen)
        self.changed = asyncio.Event()
        self.recent = ""

    def feed(self, data: bytes) -> None:
        self.stream.feed(data)
        # the text as sent, escape sequences taken out: a check that does not depend on the
        # emulator placing every partial repaint right
        plain = ESCAPES.sub("", data.decode("utf-8", "replace"))
        self.recent = (self.recent + plain)[-65536:]
        self.changed.set()

    async def quiet(self, seconds: float, at_most: float) -> None:
        """Wait until nothing has been drawn for `seconds` (at most `at_most`): an update window
        for an action the register has read shows its headline before its own read, whose end
        puts the focus back on the first field."""
        deadline = time.monotonic() + at_most
        while time.monotonic() < deadline:
            self.changed.clear()
            try:
                await asyncio.wait_for(self.changed.wait(), seconds)
            except TimeoutError:
                return

    def text(self) -> str:
        return "\n".join(self.screen.display)

    async def wait(self, test: object, timeout: float, what: str) -> None:
        assert callable(test)
        deadline = time.monotonic() + timeout
        while not test(self.text()):
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(what)
            self.changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.changed.wait(), min(left, 1.0))


PEAKS: list[tuple[int, int, int, int]] = []
ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


def border_colours(screen: Screen) -> list[list[str]]:
    """Per row of field borders (the ▔ line above each field), each field's border colour:
    the focused field's differs from the rest."""
    rows = []
    for y in range(screen.screen.lines):
        line = screen.screen.buffer[y]
        colours: list[str] = []
        x = 0
        while x < screen.screen.columns:
            if line[x].data == "▔":
                colours.append(line[x].fg)
                while x < screen.screen.columns and line[x].data == "▔":
                    x += 1
            x += 1
        if colours:
            rows.append(colours)
    return rows


async def to_commentary(screen: Screen, keys: object) -> None:
    """Tab to the commentary, one tab at a time, each time waiting to see the focus move (on
    a busy machine a repaint can take seconds; a tab sent before the last one shows would
    skip past the commentary)."""
    assert callable(keys)

    def there(rows: list[list[str]]) -> bool:  # the commentary's border unlike the 3 above
        return len(rows) >= 2 and len(rows[0]) == 3 and rows[1][0] not in rows[0]

    for _ in range(6):
        before = border_colours(screen)
        if there(before):
            return
        await keys("\t")
        deadline = time.monotonic() + 15
        while border_colours(screen) == before and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
    if not there(border_colours(screen)):
        raise TimeoutError("the focus to reach the commentary")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of a process in kB; PSS shares each shared page among its users."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def app_children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


async def session(base: str, login: str, ref: str, updates: int, result: Result,
                  delay: float = 0.0, think: float = 0.0) -> None:  # fmt: skip
    await asyncio.sleep(delay)
    jar = aiohttp.CookieJar(unsafe=True)  # cookies from 127.0.0.1
    origin = {"Origin": base}
    async with aiohttp.ClientSession(cookie_jar=jar) as http:
        page = await (await http.get(f"{base}/sign-in")).text()
        token = re.search(r'name="token" value="([^"]+)"', page)
        assert token, "no token on the sign-in page"
        started = time.monotonic()
        response = await http.post(
            f"{base}/sign-in",
            data={"token": token.group(1), "login": login, "password": PASSWORD},
            headers=origin,
            allow_redirects=False,
        )
        if response.status != 303:
            result.errors.append(f"sign-in answered {response.status}")
            return
        ws_url = base.replace("http", "ws", 1) + f"/ws?width={SIZE[0]}&height={SIZE[1]}"
        async with http.ws_connect(ws_url, headers=origin, max_msg_size=0) as ws:
            screen = Screen()

            async def receive() -> None:
                async for message in ws:
                    if message.type == aiohttp.WSMsgType.BINARY:
                        screen.feed(message.data)

            reader = asyncio.create_task(receive())

            async def keys(*typed: str, pause: float = 0.05) -> None:
                for key in typed:
                    await ws.send_str(json.dumps(["stdin", key]))
                    await asyncio.sleep(pause)

            await ws.send_str(json.dumps(["resize", {"width": SIZE[0], "height": SIZE[1]}]))
            try:
                await screen.wait(lambda s: DASHBOARD in s, 120, "the dashboard")
                result.to_dashboard = time.monotonic() - started
                await keys("a")
                await screen.wait(lambda s: "Action register" in s and "P1-01" in s, 60,
                                  "the register")  # fmt: skip
                row = int(result.ref_row)
                await keys(*(["\x1b[B"] * row), pause=0.1)  # down to the session's own action
                await screen.wait(lambda s: f"╭─ {ref}  version" in s, 60, f"{ref} selected")
                for n in range(updates):
                    for _attempt in range(3):  # a window opened while the register was still
                        await keys("u")  # refreshing after the last save can lose its focus:
                        await screen.wait(  # close it (nothing typed) and open it again
                            lambda s: "Record a status update" in s and " Now " in s,
                            60, "the update window",
                        )  # fmt: skip
                        await screen.quiet(1.0, 20)  # the window has read the action
                        try:
                            await to_commentary(screen, keys)
                            break
                        except TimeoutError:
                            result.retries += 1
                            await keys("\x1b")
                            await screen.wait(lambda s: "Record a status update" not in s, 30,
                                              "the window to close")  # fmt: skip
                            await asyncio.sleep(1.0)
                    else:
                        raise TimeoutError("the focus to reach the commentary, three times")
                    note = f"bench {login} update {n + 1}"
                    await ws.send_str(json.dumps(["stdin", note]))
                    await screen.wait(lambda s, note=note: note in s or note in screen.recent,
                                      30, "the typed note")  # fmt: skip
                    await keys("\x13")  # ctrl+s
                    await screen.wait(lambda s: "Record a status update" not in s, 60,
                                      "the window to close (saved)")  # fmt: skip
                    result.saved += 1
                    await screen.wait(lambda s: f"Status update recorded for {ref}" in s, 30,
                                      "the saved notice")  # fmt: skip
                    await asyncio.sleep(think)  # a person reads the notice before the next
            except TimeoutError as waited:
                shown = screen.text()
                result.errors.append(f"timed out waiting for {waited}; screen:\n{shown}")
            finally:
                await keys("q")
                reader.cancel()


def setup_database(folder: Path, sessions: int) -> tuple[Path, str, list[tuple[str, str]]]:
    """A new PostgreSQL database with the shipped plan and one account per session."""
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
        f"[serve]\nmax_sessions = {sessions + 5}\n",
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
        for i in range(sessions):
            login = f"officer{i + 1:02d}"
            add_account(t, login, f"Officer {i + 1:02d}", PASSWORD,
                        [parse_role("programme manager")])  # fmt: skip
            people.append((login, refs[i % len(refs)]))
    finally:
        t.close()
    return settings_file, name, people


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
    settings_file, database, people = setup_database(folder, args.sessions)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = folder / "serve.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "tracker", "--config", str(settings_file), "serve",
         "--port", str(port)],
        stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    try:
        async with aiohttp.ClientSession() as probe:
            for _ in range(150):
                try:
                    await probe.get(f"{base}/sign-in")
                    break
                except aiohttp.ClientError:
                    await asyncio.sleep(0.2)
        load_before = os.getloadavg()
        ordered = sorted({ref for _, ref in people})
        results = [Result(login, ref, ref_row=ordered.index(ref)) for login, ref in people]
        begun = time.monotonic()

        async def watch_memory() -> None:
            while True:  # (apps, their RSS, their PSS, the server's RSS), once a second
                apps = app_children(server.pid)
                mem = [memory_kb(p) for p in apps]
                PEAKS.append((len(apps), sum(m[0] for m in mem), sum(m[1] for m in mem),
                              memory_kb(server.pid)[0]))  # fmt: skip
                await asyncio.sleep(1.0)

        watcher = asyncio.create_task(watch_memory())
        await asyncio.gather(
            *(
                session(base, r.login, r.ref, args.updates, r, i * args.stagger, args.think)
                for i, r in enumerate(results)
            )
        )
        elapsed = time.monotonic() - begun
        watcher.cancel()
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    saved_in_db = count_saved(settings_file, people)
    drop_database(database)
    report(args, results, saved_in_db, elapsed, load_before, log, PEAKS)
    shutil.rmtree(folder, ignore_errors=True)
    return 0 if all(not r.errors for r in results) else 1


def report(args: argparse.Namespace, results: list[Result], in_db: dict[str, int],
           elapsed: float, load: tuple[float, float, float], log: Path,
           peaks: list[tuple[int, int, int, int]]) -> None:  # fmt: skip
    times = sorted(r.to_dashboard for r in results if r.to_dashboard)
    saw = sum(r.saved for r in results)
    lost = sum(max(0, r.saved - in_db.get(r.login, 0)) for r in results)
    errors = [e for r in results for e in r.errors]
    server_errors = [line for line in log.read_text(errors="replace").splitlines()
                     if " ERROR " in line]  # fmt: skip
    print(
        f"sessions {args.sessions}, updates each {args.updates}, stagger {args.stagger} s, "
        f"think {args.think} s, "
        f"wall {elapsed:.1f} s, "
        f"load average before {load[0]:.1f}, after {os.getloadavg()[0]:.1f} (2 cores)"
    )
    if times:
        print(
            f"sign-in to dashboard: median {statistics.median(times):.2f} s, "
            f"worst {times[-1]:.2f} s, best {times[0]:.2f} s"
        )
    print(
        f"updates saved (seen by the sessions): {saw}; in the database, by their accounts: "
        f"{sum(in_db.values())}; lost: {lost}"
    )
    print(
        f"errors: {len(errors)} in the sessions, {len(server_errors)} in the server's log; "
        f"update windows opened again (focus lost): {sum(r.retries for r in results)}"
    )
    if peaks:
        busiest = max(peaks, key=lambda p: (p[0], p[2]))
        apps, rss, pss, server_rss = busiest
        print(
            f"memory with {apps} app processes: apps RSS {rss / 1024:.0f} MB "
            f"({rss / 1024 / max(apps, 1):.0f} MB each), PSS {pss / 1024:.0f} MB "
            f"({pss / 1024 / max(apps, 1):.0f} MB each); server RSS {server_rss / 1024:.0f} MB; "
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
    args = parser.parse_args()
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
