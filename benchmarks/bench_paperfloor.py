"""Papers and the roll-up against their plain-SQL floor (issue 19, point 5), at 10,000 and
100,000 actions on SQLite.

    .venv/bin/python benchmarks/bench_paperfloor.py                  # generates and loads both
    .venv/bin/python benchmarks/bench_paperfloor.py --db 10000=/tmp/a.db --db 100000=/tmp/b.db
    .venv/bin/python benchmarks/bench_paperfloor.py --sizes 10000 --repeats 3

The floor is `benchmarks/floor_papers.py`: the same figures (roll-up, overdue, RAG worsened,
what child boards reported, direction of travel with the exceptions at both ends; the
highlight's lists with their pace) read with sqlite3 alone and printed, in one process. Timed,
alternating run by run (tracker, then its floor), median of --repeats after one warm-up:

- whole processes: `tracker board position BOARD` against `floor_papers.py position`, and
  `tracker paper render highlight --board BOARD --out -` against `floor_papers.py highlight`;
- in-process, warm (the data work without start-up): the services the two commands call
  (board_position + board_travel; preview_paper("highlight")) against the floor's functions;
- the other bundled papers (exception, outcomes, matters-arising, cover) as whole processes.

Target: each within 3x its floor, on CPU time (user + system of the process; the machine is
shared, wall time is given beside it). Each line says PASS or MISS; the load average is printed
at the start and the end. A database is loaded once per size (not timed) unless given with --db.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import backends  # noqa: E402
import timing  # noqa: E402

BOARD = "supporting-families-board"
TARGET = 3.0
FLOOR = str(HERE / "floor_papers.py")
OTHERS = (("exception", BOARD), ("outcomes", BOARD), ("matters-arising", "cabinet"),
          ("cover", "cabinet"))  # fmt: skip

INPROC = """
import sys, time, statistics
sys.path.insert(0, {here!r})
which, config, db, repeats = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def timed(fn):
    fn()
    cpu, wall = [], []
    for _ in range(repeats):
        c, w = time.process_time(), time.perf_counter()
        fn()
        cpu.append(time.process_time() - c); wall.append(time.perf_counter() - w)
    return statistics.median(wall), statistics.median(cpu)
if which == "floor":
    import datetime as dt, sqlite3, floor_papers as f
    con = sqlite3.connect(f"file:{{db}}?mode=ro", uri=True)
    today = dt.date(2026, 3, 1)
    pos = timed(lambda: f.position(con, {board!r}, today))
    hl = timed(lambda: f.highlight(con, {board!r}, today))
else:
    from tracker.config import load_settings
    from tracker.services.context import open_tracker
    from tracker.services.governance.position import board_position
    from tracker.services.papers.render import preview_paper
    from tracker.services.papers.travel import board_travel
    t = open_tracker(load_settings(config))
    pos = timed(lambda: (board_position(t, {board!r}), board_travel(t, {board!r})))
    hl = timed(lambda: preview_paper(t, "highlight", {board!r}))
print(*pos, *hl)
"""


def config_for(db: Path, folder: Path) -> Path:
    config = folder / f"{db.stem}.toml"
    config.write_text(
        f'[database]\nurl = "sqlite:///{db}"\n[plans]\nload = []\n'
        f'[papers]\noutput = "{folder / "papers"}"\n[user]\nname = "Bench"\n'
        f'[clock]\ntoday = "{backends.TODAY}"\n',
        encoding="utf-8",
    )
    return config


def load(size: int, folder: Path) -> Path:
    """A SQLite database of the generated plan with `size` actions (100,000 updates)."""
    plan = folder / f"plan{size}.yaml"
    if size == 10_000 and os.environ.get("BENCH_PLAN"):
        plan = Path(os.environ["BENCH_PLAN"])
    else:
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--actions", str(size),
                        "--updates", "100000", "--out", str(plan)], check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
    db = folder / f"papers{size}.db"
    env = env_for(config_for(db, folder))
    began = time.perf_counter()
    subprocess.run([timing.TRACKER, "init"], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([timing.TRACKER, "plan", "import", str(plan)], env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    print(f"  loaded {size:,} actions in {time.perf_counter() - began:.0f} s (not timed)")
    return db


def env_for(config: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("TRACKER_DB_URL", "TRACKER_TODAY")}
    env["TRACKER_CONFIG"] = str(config)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def paired(a: list[str], b: list[str], env: dict[str, str], repeats: int
           ) -> tuple[timing.Timing, timing.Timing]:  # fmt: skip
    """Two commands alternating run by run, after one warm-up each."""
    timing.run(a, env=env)
    timing.run(b, env=env)
    ta, tb = timing.Timing(), timing.Timing()
    for _ in range(repeats):
        ta.add(*timing.measure(a, env=env))
        tb.add(*timing.measure(b, env=env))
    return ta, tb


def cell(wall: float, cpu: float) -> str:
    return f"{timing.seconds(wall)} (cpu {timing.seconds(cpu)})"


def verdict(name: str, mine_cpu: float, floor_cpu: float, mine: str, floor: str) -> str:
    ratio = mine_cpu / floor_cpu if floor_cpu else float("inf")
    word = "PASS" if ratio <= TARGET else "MISS"
    return f"| {name} | {mine} | {floor} | {ratio:.1f}x | {word} |"


def bench(size: int, db: Path, folder: Path, repeats: int, others: bool = True) -> list[str]:
    config = config_for(db, folder)
    env = env_for(config)
    lines = []
    tracker = [timing.TRACKER]
    py = [sys.executable, FLOOR]
    pos, fpos = paired([*tracker, "board", "position", BOARD],
                       [*py, "position", str(db), BOARD], env, repeats)  # fmt: skip
    lines.append(verdict(f"{size:,}: `board position` (whole process)", pos.cpu_median,
                         fpos.cpu_median, cell(pos.median, pos.cpu_median),
                         cell(fpos.median, fpos.cpu_median)))  # fmt: skip
    hl, fhl = paired([*tracker, "paper", "render", "highlight", "--board", BOARD, "--out", "-"],
                     [*py, "highlight", str(db), BOARD], env, repeats)  # fmt: skip
    lines.append(verdict(f"{size:,}: `paper render highlight` (whole process)", hl.cpu_median,
                         fhl.cpu_median, cell(hl.median, hl.cpu_median),
                         cell(fhl.median, fhl.cpu_median)))  # fmt: skip
    script = INPROC.format(here=str(HERE), board=BOARD)
    got = {}
    for which in ("tracker", "floor"):
        out = subprocess.run([sys.executable, "-c", script, which, str(config), str(db),
                              str(repeats)], env=env, check=True, capture_output=True,
                             text=True).stdout.split()  # fmt: skip
        got[which] = [float(x) for x in out[-4:]]
    m, f = got["tracker"], got["floor"]
    lines.append(verdict(f"{size:,}: position + travel (in-process, warm)", m[1], f[1],
                         cell(m[0], m[1]), cell(f[0], f[1])))  # fmt: skip
    lines.append(verdict(f"{size:,}: highlight (in-process, warm)", m[3], f[3],
                         cell(m[2], m[3]), cell(f[2], f[3])))  # fmt: skip
    for name, board in OTHERS if others else ():
        t = timing.repeat([*tracker, "paper", "render", name, "--board", board, "--out", "-"],
                          repeats=max(1, repeats // 2), env=env)  # fmt: skip
        lines.append(f"| {size:,}: `paper render {name}` (whole process) | "
                     f"{cell(t.median, t.cpu_median)} | | | (no floor) |")  # fmt: skip
    return lines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    quick = os.environ.get("BENCH_QUICK") == "1"
    p.add_argument("--sizes", default="1000,10000" if quick else "10000,100000")
    p.add_argument("--repeats", type=int, default=int(os.environ.get("BENCH_REPEATS", "5")))
    p.add_argument("--no-others", action="store_true", help="leave out the other papers")
    p.add_argument("--db", action="append", default=[], metavar="SIZE=PATH",
                   help="a SQLite database already loaded with the generated plan of SIZE")
    a = p.parse_args(argv)
    given = {int(k): Path(v).resolve() for k, v in (d.split("=", 1) for d in a.db)}
    sizes = sorted(set(int(s) for s in a.sizes.split(",")) | set(given))
    print(f"load average at the start: {timing.load()}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-paperfloor-") as tmp:
        folder = Path(tmp)
        for size in sizes:
            print(f"\n{size:,} actions:")
            db = given.get(size) or load(size, folder)
            part = bench(size, db, folder, a.repeats, not a.no_others)
            for line in part:
                print(line)
            rows += part
    print(f"\nload average at the end: {timing.load()}")
    print(f"\n| measure (SQLite; target: within {TARGET:g}x the floor on CPU) | tracker | "
          "floor | ratio (CPU) | |")
    print("|---|---|---|---|---|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
