"""Before and after, in the same run: two checkouts of tracker (each with its own .venv) timed
on the same generated plan, their commands alternating run by run so both see the same load.

    git worktree add --detach /tmp/before <commit> && make -C /tmp/before .venv/.installed
    .venv/bin/python benchmarks/ab.py --before /tmp/before --after . --repeats 7

Each figure is a whole process (`tracker ...` as a user types it): the median wall time and,
in brackets, the median CPU time of the process itself. Output: a Markdown table on stdout.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import timing

HERE = Path(__file__).resolve().parent


def settings(folder: Path) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    toml = folder / "tracker.toml"
    toml.write_text(
        '[database]\nurl = "sqlite:///tracker.db"\n\n[plans]\nload = []\n\n'
        '[papers]\ntemplates = "templates"\noutput = "papers"\n\n'
        '[user]\nname = "Bench"\n\n[clock]\ntoday = "2026-03-01"\n',
        encoding="utf-8",
    )
    # bytecode is cached as on a user's machine: without it each run compiles every module
    skip = ("TRACKER_", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if not k.startswith(skip)}
    env["TRACKER_CONFIG"] = str(toml)
    return env


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", type=Path, required=True, help="checkout with .venv (the old code)")
    ap.add_argument("--after", type=Path, required=True, help="checkout with .venv (the new code)")
    ap.add_argument("--actions", type=int, default=10_000)
    ap.add_argument("--updates", type=int, default=100_000)
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--import-repeats", type=int, default=3)
    ap.add_argument("--work", type=Path, default=None, help="folder for the plan and databases")
    a = ap.parse_args()
    work = a.work or Path(tempfile.mkdtemp(prefix="tracker-ab-"))
    plan = work / f"plan-{a.actions}-{a.updates}.yaml"
    if not plan.exists():
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), "--actions", str(a.actions),
             "--updates", str(a.updates), "--out", str(plan)], check=True,
        )  # fmt: skip
    sides = {"before": a.before.resolve(), "after": a.after.resolve()}
    envs = {name: settings(work / name) for name in sides}
    exe = {name: str(path / ".venv" / "bin" / "tracker") for name, path in sides.items()}
    # the busiest board and an action in progress, from the plan itself
    import yaml

    with plan.open(encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    counts: dict[str, int] = {}
    for x in data["actions"]:
        if x.get("board"):
            counts[x["board"]] = counts.get(x["board"], 0) + 1
    board = max(counts, key=lambda k: counts[k])
    ref = next(x["ref"] for x in data["actions"] if x.get("status") == "in progress")

    rows: dict[str, dict[str, timing.Timing]] = {}

    def run(label: str, name: str, argv: list[str]) -> None:
        wall, cpu = timing.measure([exe[name], *argv], env=envs[name], cwd=work / name)
        rows.setdefault(label, {}).setdefault(name, timing.Timing()).add(wall, cpu)

    for i in range(a.import_repeats):  # each into a fresh database, the sides alternating
        for name in sides if i % 2 == 0 else reversed(list(sides)):
            for f in ("tracker.db", "tracker.db-wal", "tracker.db-shm"):
                (work / name / f).unlink(missing_ok=True)
            run("`init` (empty schema)", name, ["init"])
            run(f"`plan import` ({a.actions:,} actions, {a.updates:,} updates)", name,
                ["plan", "import", str(plan)])  # fmt: skip

    commands: list[tuple[str, list[str]]] = [
        ("`actions list` (all)", ["actions", "list"]),
        ("`actions list --board`", ["actions", "list", "--board", board]),
        (f"`actions show {ref}`", ["actions", "show", ref]),
        ("`board position` (busiest)", ["board", "position", board]),
        ("`paper render highlight`", ["paper", "render", "highlight", "--board", board,
                                      "--out", "-"]),
    ]  # fmt: skip
    for i in range(a.repeats + 1):  # the first round warms the caches and is not kept
        for label, argv in commands:
            for name in sides if i % 2 else reversed(list(sides)):
                run(label, name, argv)
                if i == 0:
                    rows[label][name] = timing.Timing()
        for name in sides if i % 2 else reversed(list(sides)):
            argv = ["actions", "update", ref, "--progress", str(40 + i), "--note", f"round {i}"]
            run(f"`actions update {ref}`", name, argv)
            if i == 0:
                rows[f"`actions update {ref}`"][name] = timing.Timing()
            time.sleep(1.05)  # updates are stamped a second apart

    load = os.getloadavg()
    print(f"load average at the end: {load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f}; "
          f"{a.repeats} repeats, medians; wall (CPU)\n")  # fmt: skip
    print("| command | before | after | after / before (wall, CPU) |")
    print("|---|---|---|---|")
    for label, by in rows.items():
        b, n = by["before"], by["after"]
        ratio = f"{n.median / b.median:.2f}, {n.cpu_median / b.cpu_median:.2f}"
        print(f"| {label} | {timing.seconds(b.median)} ({timing.seconds(b.cpu_median)}) | "
              f"{timing.seconds(n.median)} ({timing.seconds(n.cpu_median)}) | {ratio} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
