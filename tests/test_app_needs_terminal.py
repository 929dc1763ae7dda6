"""`tracker` with standard input not a terminal (a script, cron, a pipe) refuses at once with
one line and exit 2, instead of starting an app nobody can see."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest


@pytest.mark.parametrize("args", [[], ["app"]], ids=["tracker", "tracker app"])
def test_the_app_refuses_without_a_terminal(tmp_path: Path, args: list[str]) -> None:
    settings = tmp_path / "tracker.toml"
    settings.write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "t.db"}"\n\n[plans]\nload = []\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "--config", str(settings), *args],
        input="", capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "needs a terminal" in lines[0]
    assert not (tmp_path / "t.db").exists()  # nothing was created on the way


def test_the_app_quits_when_its_terminal_goes_away(tmp_path: Path) -> None:
    """A terminal closed under the app with no hang-up signal reaching it (as under `make run`,
    where make leads the session) used to leave it spinning at a full core until killed."""
    settings = tmp_path / "tracker.toml"
    settings.write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "t.db"}"\n\n[plans]\nload = []\n',
        encoding="utf-8",
    )
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color"}
    # its own session without taking the terminal as its controlling one: no SIGHUP can come
    app = subprocess.Popen(
        [sys.executable, "-m", "tracker", "--config", str(settings)],
        stdin=follower, stdout=follower, stderr=follower, env=env, start_new_session=True,
    )  # fmt: skip
    os.close(follower)
    shown = b""
    try:
        while b"Dashboard" not in shown:  # the app is up and drawing
            ready, _, _ = select.select([leader], [], [], 60)
            assert ready, shown.decode("utf-8", "replace")[-500:]
            shown += os.read(leader, 65536)
        os.close(leader)  # the terminal goes away
        app.wait(timeout=30)  # it quits (without the fix: TimeoutExpired, still spinning)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
