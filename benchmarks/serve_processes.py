"""What `bench_serve.py` reads about processes, from /proc: a process's memory (RSS and PSS) and
CPU seconds, the app processes a server has started (its children, and the one its log names for
a login), and a free port for the server.
"""

from __future__ import annotations

import os
import re
import socket
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


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


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far (0 once it has gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime


def pid_of(log: Path, login: str) -> int | None:
    """The app process the server's log says it started for this login."""
    found = re.findall(rf"app process (\d+) started for '{login}'", log.read_text(errors="replace"))
    return int(found[-1]) if found else None


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
