"""Papers and the roll-up against their plain-SQL floor (issue 19, point 5), at 10,000 and
100,000 actions, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/bench_paperfloor.py                  # generates and loads all
    .venv/bin/python benchmarks/bench_paperfloor.py --db 10000=/tmp/a.db --db 100000=/tmp/b.db
    .venv/bin/python benchmarks/bench_paperfloor.py --pg 10000=postgresql://127.0.0.1/big10k
    .venv/bin/python benchmarks/bench_paperfloor.py --sizes 10000 --repeats 3 --kinds sqlite
    .venv/bin/python benchmarks/bench_paperfloor.py --only exception,cover --db 10000=/tmp/a.db

The floor is `benchmarks/floor_papers.py`: the same figures (roll-up, overdue, RAG worsened,
what child boards reported, direction of travel with the exceptions at both ends; the
highlight's lists with their pace; each other paper's figures) read with sqlite3 alone (on PostgreSQL: psycopg alone, the
same SQL) and printed, in one process. Timed,
alternating run by run (tracker, then its floor), median of --repeats after one warm-up:

- whole processes: `tracker board position BOARD` against `floor_papers.py position`, and
  `tracker paper render highlight --board BOARD --out -` against `floor_papers.py highlight`;
- in-process, warm (the data work without start-up): the services the two commands call
  (board_position + board_travel; preview_paper("highlight")) against the floor's functions;
- the other bundled papers as whole processes, each against its own floor in floor_papers.py
  (`exception`, `outcomes`, `matters-arising`, `cover`: the same figures the paper shows).

Both sides run as on a user's machine: Python's bytecode cached (PYTHONPYCACHEPREFIX in the
run's folder; without it tracker compiled its own source every run) and tracker's compiled
templates cached (XDG_CACHE_HOME there too); the warm-up run makes both.

Target: each within 3x its floor, on CPU time (user + system of the process; the machine is
shared, wall time is given beside it). Each line says PASS or MISS; the load average is printed
at the start and the end. A database is loaded once per size and kind (not timed) unless given
with --db (a SQLite file) or --pg (a PostgreSQL URL); a loaded PostgreSQL database is a throw-away
one on TRACKER_BENCH_PG_URL (else 127.0.0.1:5432), dropped after.
"""

from __future__ import annotations

import argparse
import contextlib
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
    if db.startswith("postgres"):
        con = f.Pg(db)
    else:
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


def config_for(db: str, folder: Path) -> Path:
    """Settings for a database: a SQLite file's path, or a PostgreSQL URL."""
    url = db if db.startswith("postgres") else f"sqlite:///{db}"
    config = folder / f"{kind_of(db)}-{abs(hash(db))}.toml"
    return backends.write_config(config, url, papers=folder / "papers")


def kind_of(db: str) -> str:
    return "PostgreSQL" if db.startswith("postgres") else "SQLite"


def load(size: int, folder: Path, db: str) -> str:
    """`db` (a SQLite file's path or an empty PostgreSQL database's URL) loaded with the
    generated plan of `size` actions (100,000 updates)."""
    plan = folder / f"plan{size}.yaml"
    if size == 10_000 and os.environ.get("BENCH_PLAN"):
        plan = Path(os.environ["BENCH_PLAN"])
    elif not plan.exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--actions", str(size),
                        "--updates", "100000", "--out", str(plan)], check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
    env = env_for(config_for(db, folder))
    began = time.perf_counter()
    subprocess.run([timing.TRACKER, "init"], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([timing.TRACKER, "plan", "import", str(plan)], env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    print(f"  loaded {size:,} actions into {kind_of(db)} in {time.perf_counter() - began:.0f} s "
          "(not timed)")  # fmt: skip
    return db


def env_for(config: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("TRACKER_DB_URL", "TRACKER_TODAY")}
    env["TRACKER_CONFIG"] = str(config)
    # as on a user's machine: Python's bytecode (an installed package has it; the worktree is
    # kept free of __pycache__) and compiled templates, both kept in the run's folder and
    # made by the warm-up run
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(config.parent / "pycache")
    env["XDG_CACHE_HOME"] = str(config.parent / "xdg-cache")
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


def bench(size: int, db: str, folder: Path, repeats: int, others: bool = True,
          only: tuple[str, ...] = ()) -> list[str]:  # fmt: skip
    config = config_for(db, folder)
    size_label = f"{kind_of(db)} {size:,}"
    env = env_for(config)
    lines: list[str] = []
    tracker = [timing.TRACKER]
    py = [sys.executable, FLOOR]
    if only:  # just these papers, whole processes
        return lines + _others(size_label, db, env, repeats, only)
    pos, fpos = paired([*tracker, "board", "position", BOARD],
                       [*py, "position", db, BOARD], env, repeats)  # fmt: skip
    lines.append(verdict(f"{size_label}: `board position` (whole process)", pos.cpu_median,
                         fpos.cpu_median, cell(pos.median, pos.cpu_median),
                         cell(fpos.median, fpos.cpu_median)))  # fmt: skip
    hl, fhl = paired([*tracker, "paper", "render", "highlight", "--board", BOARD, "--out", "-"],
                     [*py, "highlight", db, BOARD], env, repeats)  # fmt: skip
    lines.append(verdict(f"{size_label}: `paper render highlight` (whole process)", hl.cpu_median,
                         fhl.cpu_median, cell(hl.median, hl.cpu_median),
                         cell(fhl.median, fhl.cpu_median)))  # fmt: skip
    script = INPROC.format(here=str(HERE), board=BOARD)
    got = {}
    for which in ("tracker", "floor"):
        out = subprocess.run([sys.executable, "-c", script, which, str(config), db,
                              str(repeats)], env=env, check=True, capture_output=True,
                             text=True).stdout.split()  # fmt: skip
        got[which] = [float(x) for x in out[-4:]]
    m, f = got["tracker"], got["floor"]
    lines.append(verdict(f"{size_label}: position + travel (in-process, warm)", m[1], f[1],
                         cell(m[0], m[1]), cell(f[0], f[1])))  # fmt: skip
    lines.append(verdict(f"{size_label}: highlight (in-process, warm)", m[3], f[3],
                         cell(m[2], m[3]), cell(f[2], f[3])))  # fmt: skip
    return lines + _others(size_label, db, env, repeats,
                           tuple(name for name, _ in OTHERS) if others else ())  # fmt: skip


def _others(size_label: str, db: str, env: dict[str, str], repeats: int,
            names: tuple[str, ...]) -> list[str]:  # fmt: skip
    """The other papers, each against its own floor, whole processes."""
    lines = []
    for name, board in OTHERS:
        if name not in names:
            continue
        tt, ft = paired([timing.TRACKER, "paper", "render", name, "--board", board, "--out", "-"],
                        [sys.executable, FLOOR, name, db, board], env, repeats)  # fmt: skip
        lines.append(verdict(f"{size_label}: `paper render {name}` (whole process)",
                             tt.cpu_median, ft.cpu_median, cell(tt.median, tt.cpu_median),
                             cell(ft.median, ft.cpu_median)))  # fmt: skip
    return lines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    quick = os.environ.get("BENCH_QUICK") == "1"
    p.add_argument("--sizes", default="1000,10000" if quick else "10000,100000")
    p.add_argument("--repeats", type=int, default=int(os.environ.get("BENCH_REPEATS", "5")))
    p.add_argument("--no-others", action="store_true", help="leave out the other papers")
    p.add_argument(
        "--db",
        action="append",
        default=[],
        metavar="SIZE=PATH",
        help="a SQLite database already loaded with the generated plan of SIZE",
    )
    p.add_argument(
        "--pg",
        action="append",
        default=[],
        metavar="SIZE=URL",
        help="a PostgreSQL database already loaded with the generated plan of SIZE",
    )
    p.add_argument(
        "--only",
        default="",
        metavar="PAPERS",
        help="just these of the other papers (e.g. exception,cover), whole processes "
        "against their floors: no position, highlight or in-process figures",
    )
    p.add_argument(
        "--kinds",
        default="sqlite,postgresql",
        help="databases to measure: sqlite, postgresql or both (the default)",
    )
    a = p.parse_args(argv)
    given = {("sqlite", int(k)): str(Path(v).resolve())
             for k, v in (d.split("=", 1) for d in a.db)}  # fmt: skip
    given |= {("postgresql", int(k)): v for k, v in (d.split("=", 1) for d in a.pg)}
    kinds = [k for k in ("sqlite", "postgresql") if k in a.kinds.split(",")]
    sizes = sorted(set(int(s) for s in a.sizes.split(",")) | {size for _, size in given})
    print(f"load average at the start: {timing.load()}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-paperfloor-") as tmp:
        folder = Path(tmp)
        for size in sizes:
            for kind in kinds:
                with contextlib.ExitStack() as stack:
                    db = given.get((kind, size))
                    if db is None:
                        fresh = stack.enter_context(backends.database(
                            kind, folder / f"{kind}{size}", tag="paperfloor"))  # fmt: skip
                        if fresh is None:
                            continue
                        (folder / f"{kind}{size}").mkdir(exist_ok=True)
                        db = load(size, folder, fresh.removeprefix("sqlite:///"))
                    print(f"\n{kind_of(db)}, {size:,} actions (load average {timing.load()}):")
                    part = bench(size, db, folder, a.repeats, not a.no_others,
                                 tuple(x for x in a.only.split(",") if x))  # fmt: skip
                    for line in part:
                        print(line)
                    rows += part
    print(f"\nload average at the end: {timing.load()}")
    print(
        f"\n| measure (target: within {TARGET:g}x the floor on CPU) | tracker | "
        "floor | ratio (CPU) | |"
    )
    print("|---|---|---|---|---|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
