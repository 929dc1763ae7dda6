"""Timing helpers shared by the benchmark scripts: whole processes, medians, the machine.

A `bench_*.py` script can use them too (`import timing` works: scripts run with benchmarks/ on
sys.path).
"""

from __future__ import annotations

import os
import platform
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
TRACKER = str(VENV_BIN / "tracker") if (VENV_BIN / "tracker").exists() else "tracker"


class CommandFailed(RuntimeError):
    pass


@dataclass
class Timing:
    samples: list[float] = field(default_factory=list)  # wall seconds
    cpu: list[float] = field(default_factory=list)  # the process's user + system seconds

    @property
    def median(self) -> float:
        return statistics.median(self.samples) if self.samples else float("nan")

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu) if self.cpu else float("nan")

    def add(self, wall: float, cpu: float) -> None:
        self.samples.append(wall)
        self.cpu.append(cpu)

    def __str__(self) -> str:
        return seconds(self.median)


def seconds(value: float) -> str:
    if value != value:  # nan
        return "-"
    return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"


def measure(
    argv: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    stdout: int | None = subprocess.DEVNULL,
    cwd: Path | None = None,
) -> tuple[float, float]:
    """Run one whole process: (wall seconds, its CPU seconds). CommandFailed on exit != 0.

    CPU time is what the process itself used (not a database server's): steadier than wall
    time when other work shares the machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    done = subprocess.run(
        list(argv), env=dict(env) if env is not None else None, stdout=stdout,
        stderr=subprocess.PIPE, cwd=cwd, check=False,
    )  # fmt: skip
    took = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        err = " | ".join(done.stderr.decode(errors="replace").strip().splitlines()[-3:])
        raise CommandFailed(f"{' '.join(argv)} exited {done.returncode}: {err}")
    return took, cpu


def run(
    argv: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    stdout: int | None = subprocess.DEVNULL,
    cwd: Path | None = None,
) -> float:
    """Run one whole process; its wall time in seconds. Raises CommandFailed on exit != 0."""
    return measure(argv, env=env, stdout=stdout, cwd=cwd)[0]


def repeat(
    argv: Sequence[str],
    *,
    repeats: int = 5,
    warmup: int = 1,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Timing:
    """Median-ready samples of a whole process, after `warmup` untimed runs (warm caches)."""
    for _ in range(warmup):
        run(argv, env=env, cwd=cwd)
    t = Timing()
    for _ in range(repeats):
        t.add(*measure(argv, env=env, cwd=cwd))
    return t


def cpu_now() -> float:
    """CPU seconds of this process and of its children waited for (user + system)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def median_of(fn: Callable[[], object], repeats: int, *, warmup: int = 0) -> Timing:
    """In-process: wall and CPU samples (`cpu_now`) of `repeats` calls of fn, after `warmup`
    untimed ones; `.median` and `.cpu_median` give the figures."""
    for _ in range(warmup):
        fn()
    t = Timing()
    for _ in range(repeats):
        cpu, began = cpu_now(), time.perf_counter()
        fn()
        t.add(time.perf_counter() - began, cpu_now() - cpu)
    return t


def output(argv: Sequence[str], *, env: Mapping[str, str] | None = None) -> str:
    done = subprocess.run(list(argv), env=dict(env) if env else None, capture_output=True)
    if done.returncode != 0:
        raise CommandFailed(
            f"{' '.join(argv)} exited {done.returncode}: {done.stderr.decode(errors='replace')}"
        )
    return done.stdout.decode()


def _first_line(argv: Sequence[str]) -> str | None:
    if shutil.which(argv[0]) is None:
        return None
    try:
        done = subprocess.run(list(argv), capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = (done.stdout or done.stderr).strip()
    return text.splitlines()[0] if text else None


def machine(pg_version: str | None = None) -> dict[str, str]:
    """What the figures came from."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    if shutil.which("free"):
        rows = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.splitlines()
        mem = next((r.split()[1] for r in rows if r.startswith("Mem:")), "unknown")
    return {
        "date": time.strftime("%Y-%m-%d"),
        "cpu": cpu,
        "cores (nproc)": str(os.cpu_count()),
        "memory (free -h)": mem,
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "postgresql": pg_version or "not measured",
        "taskwarrior": _first_line(["task", "--version"]) or "not installed",
        "load average at the start": load(),
    }


def load() -> str:
    """The 1, 5 and 15 minute load averages: above the core count, wall times stretch."""
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "unknown"
