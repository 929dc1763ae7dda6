"""`tracker serve` as a person meets it: the real server in a process of its own on a free
port, a database holding the shipped plan and two accounts, and headless Chromium (Debian's
package, driven by its chromedriver through Selenium). Without Chromium the browser tests are
skipped with the reason, except under CI=true, where they fail."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from web_helpers import ACCOUNTS, PASSWORD, Browser, need_chromium

from tracker.config import load_settings
from tracker.services.context import open_tracker

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_PLAN = ROOT / "plans" / "early-help-2024-2029.yaml"
TODAY = "2026-03-01"  # the tests' fixed today (as in tests/conftest.py)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def children_running(pid: int, word: str = "app") -> list[int]:
    """The processes whose parent is `pid` and whose command line ends with `word`: the app
    processes a server runs."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        state = stat.rsplit(")", 1)[1].split()[0]
        args = [a for a in cmdline if a]
        if ppid == pid and state != "Z" and args and args[-1] == word.encode():
            found.append(int(entry.name))
    return found


@dataclass
class Served:
    url: str
    process: subprocess.Popen[bytes]
    log: Path
    settings_file: Path

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def apps(self) -> list[int]:
        return children_running(self.process.pid)

    def stop(self) -> None:
        """Stop the server as a service manager would (SIGTERM), and wait for it."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def wait_for_apps(self, count: int, timeout: float = 20.0) -> list[int]:
        deadline = time.monotonic() + timeout
        while True:
            running = self.apps()
            if len(running) == count or time.monotonic() > deadline:
                return running
            time.sleep(0.2)


@pytest.fixture
def web_database(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A settings file on a database with the shipped plan and the two ACCOUNTS."""
    from tracker.services import plans
    from tracker.services.accounts import add_account, parse_role

    monkeypatch.delenv("TRACKER_DB_URL", raising=False)
    monkeypatch.delenv("TRACKER_TODAY", raising=False)
    path = tmp_path / "tracker.toml"
    path.write_text(
        f'[database]\nurl = "{db_url}"\n\n[user]\nname = "Local User"\n\n'
        f'[clock]\ntoday = "{TODAY}"\n',
        encoding="utf-8",
    )
    settings = load_settings(path)
    t = open_tracker(settings)
    try:
        plans.import_plan(t, SHIPPED_PLAN)
        for login in ("alex", "pat"):  # the first account may be added by anyone: an admin
            name, roles = ACCOUNTS[login]
            add_account(t, login, name, PASSWORD, [parse_role(r) for r in roles])
            if login == "alex":
                from tracker.services.accounts import sign_in

                t.act_as(sign_in(t, "alex", PASSWORD, source="test set-up"))
    finally:
        t.close()
    return path


@pytest.fixture
def serve(web_database: Path, tmp_path: Path) -> Iterator[Callable[..., Served]]:
    """Start `tracker serve` (with extra [serve] settings, or other arguments); stopped after."""
    started: list[Served] = []

    def start(
        *args: str, serve_settings: str = "", public_url: str | None = None, port: int = 0
    ) -> Served:
        settings_file = web_database
        if serve_settings:
            settings_file = tmp_path / f"serve-{len(started)}.toml"
            settings_file.write_text(
                web_database.read_text(encoding="utf-8") + f"\n[serve]\n{serve_settings}\n",
                encoding="utf-8",
            )
        port = port or free_port()
        url = f"http://127.0.0.1:{port}"
        command = [sys.executable, "-m", "tracker", "--config", str(settings_file), "serve",
                   "--port", str(port), *args]  # fmt: skip
        if public_url:
            command += ["--public-url", public_url]
        log = tmp_path / f"serve-{len(started)}.log"
        env = {k: v for k, v in os.environ.items() if k not in ("TRACKER_CONFIG", "CI_BROWSER")}
        process = subprocess.Popen(
            command, stdout=log.open("wb"), stderr=subprocess.STDOUT, env=env,
            start_new_session=True,
        )  # fmt: skip
        served = Served(url, process, log, settings_file)
        started.append(served)
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{url}/sign-in", timeout=2).close()
                return served
            except (urllib.error.URLError, ConnectionError, OSError):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(
                        f"tracker serve did not start:\n{served.log_text()}"
                    ) from None
                time.sleep(0.2)

    yield start
    for served in started:
        served.stop()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Callable[..., Browser]]:
    """New headless Chromium windows (each its own profile: its own cookies), with any extra
    command-line arguments given."""
    chromium, chromedriver = need_chromium()
    opened: list[Browser] = []

    def open_one(*extra: str) -> Browser:
        b = Browser(chromium, chromedriver, tmp_path / f"profile-{len(opened)}", extra)
        opened.append(b)
        return b

    yield open_one
    for b in opened:
        b.quit()
