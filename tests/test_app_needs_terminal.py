"""`tracker` with standard input not a terminal (a script, cron, a pipe) refuses at once with
one line and exit 2, instead of starting an app nobody can see."""

from __future__ import annotations

import subprocess
import sys
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
