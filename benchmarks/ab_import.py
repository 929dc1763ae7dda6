"""`tracker plan import` and `tracker init` of one plan against their floor (benchmarks/floor.py),
two checkouts of tracker alternating process by process (the order rotating each round), so all
see the same load. Each import goes into a fresh copy of one empty database; each `init` makes a
new SQLite file with the plan listed in its tracker.toml. Bytecode is compiled first. The floor
writes into the schema of the code after (as `run.py` does); each import into its own code's.

    git worktree add --detach /tmp/before main
    .venv/bin/python benchmarks/ab_import.py --before /tmp/before --plan PLAN.yaml --rounds 7

Both checkouts run with this checkout's .venv (the before one through PYTHONPATH), each as
`python -m tracker`, so each starts as its own `tracker/__main__.py` says. Prints, per
command and side, the median CPU and wall time and the medians of the per-round ratios to the
floor, with the load average at the start and the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import timing

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# `tracker` as each checkout's own __main__ starts it (the console script is this checkout's)
TRACKER = (sys.executable, "-m", "tracker")


def _toml(folder: Path, plans: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    toml = folder / "tracker.toml"
    listed = ", ".join(f'"{p}"' for p in plans)
    toml.write_text(
        f'[database]\nurl = "sqlite:///{folder / "tracker.db"}"\n\n[plans]\nload = [{listed}]\n\n'
        '[user]\nname = "Benchmark"\n\n[clock]\ntoday = "2026-03-01"\n',
        encoding="utf-8",
    )
    return toml


def _env(toml: Path, tree: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("TRACKER_") and k != "PYTHONDONTWRITEBYTECODE"}  # fmt: skip
    env["TRACKER_CONFIG"] = str(toml)
    env["PYTHONPATH"] = str(tree)
    return env


def _check_side(tree: Path, cwd: Path) -> None:
    """Each side must run its own code: `python -m` puts the current directory first on
    sys.path, so a run from inside a checkout would run that checkout's tracker on both sides."""
    out = subprocess.run(
        [sys.executable, "-c", "import tracker; print(tracker.__file__)"],
        env=_env(Path("/dev/null"), tree),
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not Path(out).resolve().is_relative_to(tree):
        raise SystemExit(f"the side at {tree} ran the tracker at {out}")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", type=Path, required=True, help="checkout of the code before")
    ap.add_argument("--after", type=Path, default=ROOT, help="checkout of the code after")
    ap.add_argument("--plan", type=Path, required=True)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--only", default="import,init", help="import, init or both")
    a = ap.parse_args()
    plan = a.plan.resolve()
    sides = {"before": a.before.resolve(), "after": a.after.resolve()}
    for tree in sides.values():
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "tracker")],
                       env=_env(Path("/dev/null"), tree), check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
    work = Path(tempfile.mkdtemp(prefix="tracker-abimport-"))
    source = work / "plan.json"
    subprocess.run([sys.executable, str(HERE / "floor.py"), "json", str(plan), str(source)],
                   check=True)  # fmt: skip
    templates: dict[Path, Path] = {}  # each checkout's empty database (its own schema)
    for name, tree in sides.items():
        empty = work / f"empty-{name}"
        timing.run([*TRACKER, "init"], env=_env(_toml(empty, []), tree), cwd=work)
        _check_side(tree, work)
        templates[tree] = empty / "tracker.db"
    db_folder = work / "db"
    db_toml = _toml(db_folder, [])
    init_folder = work / "init"
    init_toml = _toml(init_folder, [str(plan)])
    only = set(a.only.split(","))

    def fresh_db(tree: Path) -> None:
        shutil.copyfile(templates[tree], db_folder / "tracker.db")

    def floor() -> tuple[float, float]:  # into the schema of the code after, as run.py does
        fresh_db(sides["after"])
        return timing.measure([sys.executable, str(HERE / "floor.py"), "load", str(source),
                               str(db_folder / "tracker.db")])  # fmt: skip

    def importing(tree: Path) -> tuple[float, float]:
        fresh_db(tree)
        return timing.measure(
            [*TRACKER, "plan", "import", str(plan)], env=_env(db_toml, tree), cwd=work
        )

    def init(tree: Path) -> tuple[float, float]:
        (init_folder / "tracker.db").unlink(missing_ok=True)
        return timing.measure([*TRACKER, "init"], env=_env(init_toml, tree), cwd=work)

    jobs: list[tuple[str, object]] = [("floor", floor)]
    for name, tree in sides.items():
        if "import" in only:
            jobs.append((f"import {name}", lambda t=tree: importing(t)))
        if "init" in only:
            jobs.append((f"init {name}", lambda t=tree: init(t)))
    print(f"load at start: {_load()}", flush=True)
    for _, job in jobs:  # a warm-up of each, untimed
        job()  # type: ignore[operator]
    got: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in jobs}
    for r in range(a.rounds):
        order = jobs[r % len(jobs) :] + jobs[: r % len(jobs)]
        for name, job in order:
            got[name].append(job())  # type: ignore[operator]
        print(f"round {r + 1}: " + ", ".join(
            f"{name} {got[name][-1][1]:.2f}" for name, _ in jobs), flush=True)  # fmt: skip
    print(f"load at end: {_load()}")
    floor_t = got["floor"]
    print("| | CPU (s) | wall (s) | ratio to floor, CPU / wall (median of rounds) |")
    print("|---|---|---|---|")
    for name, _ in jobs:
        t = got[name]
        cpu = statistics.median(c for _, c in t)
        wall = statistics.median(w for w, _ in t)
        ratio = ""
        if name != "floor":
            rc = statistics.median(c / f[1] for (_, c), f in zip(t, floor_t, strict=True))
            rw = statistics.median(w / f[0] for (w, _), f in zip(t, floor_t, strict=True))
            ratio = f"{rc:.2f}x / {rw:.2f}x"
        print(f"| {name} | {cpu:.3f} | {wall:.3f} | {ratio} |")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
