"""Time tracker on a large plan, on SQLite and PostgreSQL, against taskwarrior as the yardstick.

    .venv/bin/python benchmarks/run.py              # the full run (about half an hour)
    .venv/bin/python benchmarks/run.py --quick      # small plans, fewer repeats: a smoke run
    .venv/bin/python benchmarks/run.py --only startup,list --db sqlite

Every figure is a whole process (`tracker ...` as a user types it, start-up included), the median
of --repeats runs after one untimed warm-up, except the YAML parse, which is in-process. Plans
are generated into benchmarks/out/ (reused while generate.py is unchanged). The figures are
printed and written to benchmarks/out/latest.md for pasting into benchmarks/README.md. Then every
other benchmarks/bench_*.py script is run, and its output is added to the same file.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import backends  # noqa: E402
import generate  # noqa: E402
import taskwarrior  # noqa: E402
import timing  # noqa: E402

OUT = HERE / "out"
PARTS = ("startup", "import", "list", "update", "big", "taskwarrior", "others")
SEARCH_WORD = "roadmap"  # in about 1 title in 22 (generate.OBJECTS)
# taskwarrior timed alternately with the PostgreSQL commands (its own column: the load differs)
TW_PG = "taskwarrior (beside PostgreSQL)"


@dataclass
class Cell:
    seconds: float | None = None  # median wall time
    note: str = ""
    cpu: float | None = None  # median CPU time of the process itself

    @classmethod
    def of(cls, t: timing.Timing, note: str = "") -> Cell:
        return cls(t.median, note, t.cpu_median if t.cpu else None)

    def text(self) -> str:
        value = timing.seconds(self.seconds) if self.seconds is not None else ""
        extra = [f"cpu {timing.seconds(self.cpu)}"] if self.cpu is not None else []
        extra += [self.note] if self.note else []
        return " ".join(x for x in (value, f"({'; '.join(extra)})" if extra else "") if x) or "-"


@dataclass
class Results:
    columns: tuple[str, ...] = ("SQLite", "PostgreSQL", "taskwarrior", TW_PG)
    sections: dict[str, dict[str, dict[str, Cell]]] = field(default_factory=dict)
    targets: list[tuple[str, str, str, str]] = field(default_factory=list)
    others: list[tuple[str, int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def put(self, section: str, label: str, column: str, cell: Cell) -> None:
        self.sections.setdefault(section, {}).setdefault(label, {})[column] = cell
        print(f"  {label:<44} {column:<11} {cell.text()}", flush=True)

    def cell(self, section: str, label: str, column: str) -> Cell:
        return self.sections.get(section, {}).get(label, {}).get(column, Cell())

    def get(self, section: str, label: str, column: str) -> float | None:
        return self.cell(section, label, column).seconds

    def markdown(self) -> str:
        lines: list[str] = []
        for section, rows in self.sections.items():
            lines += [f"### {section}", "", "| | " + " | ".join(self.columns) + " |"]
            lines.append("|---" * (len(self.columns) + 1) + "|")
            for label, cells in rows.items():
                texts = [cells[c].text() if c in cells else "" for c in self.columns]
                lines.append(f"| {label} | " + " | ".join(texts) + " |")
            lines.append("")
        return "\n".join(lines)


def plan_file(actions: int, updates: int, boards: int, resolutions: int, seed: int,
              regenerate: bool = False) -> Path:  # fmt: skip
    """The generated plan in benchmarks/out/, made again only when generate.py changed."""
    digest = hashlib.sha1(Path(generate.__file__).read_bytes()).hexdigest()[:8]
    path = OUT / f"plan-{actions}a-{updates}u-{boards}b-{resolutions}r-s{seed}-{digest}.yaml"
    for old in OUT.glob("plan-*.yaml"):
        if not old.name.endswith(f"-{digest}.yaml"):
            old.unlink()  # from an older generate.py
    if regenerate or not path.exists():
        began = time.perf_counter()
        text = generate.generate(actions, updates, boards, resolutions, seed)
        OUT.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
        print(f"generated {path.name} in {time.perf_counter() - began:.1f}s", flush=True)
    return path


def parse(path: Path, repeats: int) -> tuple[dict[str, Any], timing.Timing]:
    import yaml

    t = timing.Timing()
    data: dict[str, Any] = {}
    for _ in range(repeats):
        began, cpu = time.perf_counter(), time.process_time()
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=yaml.CSafeLoader)
        t.add(time.perf_counter() - began, time.process_time() - cpu)
    return data, t


def lines_out(argv: list[str], env: dict[str, str]) -> int:
    return len(timing.output(argv, env=env).splitlines())


@dataclass
class Yardstick:
    """taskwarrior loaded with one plan's actions, timed beside tracker (interleaved runs, so
    both see the same load on the machine)."""

    db: taskwarrior.TaskDb
    board: str
    pending: int
    in_board: int

    def all(self) -> tuple[list[str], dict[str, str], str]:
        return self.db.task("list"), self.db.env, f"`task list`, {self.pending} rows"

    def one_board(self) -> tuple[list[str], dict[str, str], str]:
        argv = self.db.task(f"project:{self.board}", "list")
        return argv, self.db.env, f"`task project:{self.board} list`, {self.in_board} rows"

    def info(self) -> tuple[list[str], dict[str, str], str]:
        return self.db.task("7", "info"), self.db.env, "`task 7 info`"

    def modify(self, k: int) -> list[str]:
        return self.db.task("7", "modify", f"priority:{'HML'[k % 3]}")


def floor_source(plan: Path) -> Path:
    """The plan's data as JSON, for the import's floor (benchmarks/floor.py), made once."""
    source = plan.with_suffix(".json")
    if not source.exists() or source.stat().st_mtime < plan.stat().st_mtime:
        subprocess.run([sys.executable, str(HERE / "floor.py"), "json", str(plan), str(source)],
                       check=True)  # fmt: skip
    return source


FLOOR_LABEL = "floor: the same data as JSON + `executemany`"


def row_counts(db: Path) -> dict[str, int]:
    """Rows in each non-empty table of a SQLite database (the floor must write what the import
    writes: the same rows in every table, audit entries included)."""
    import sqlite3

    con = sqlite3.connect(db)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        counts = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608
    finally:
        con.close()
    return {t: n for t, n in sorted(counts.items()) if n}


def measure(res: Results, section: str, label: str, column: str, argv: list[str],
            env: dict[str, str], repeats: int, *, header_lines: int = 1,
            versus: tuple[list[str], dict[str, str], str] | None = None,
            versus_column: str = "taskwarrior") -> None:  # fmt: skip
    """Median of whole-process runs; the first (untimed) run also counts the rows printed.
    With `versus` (taskwarrior's command), the two alternate run by run."""
    try:
        rows = lines_out(argv, env) - header_lines
        if versus is not None:
            timing.run(versus[0], env=versus[1])  # its warm-up
        mine, theirs = timing.Timing(), timing.Timing()
        for _ in range(repeats):
            mine.add(*timing.measure(argv, env=env))
            if versus is not None:
                theirs.add(*timing.measure(versus[0], env=versus[1]))
        note = f"{rows} row{'s' if rows != 1 else ''}" if header_lines >= 0 else ""
        res.put(section, label, column, Cell.of(mine, note))
        if versus is not None:
            res.put(section, label, versus_column, Cell.of(theirs, versus[2]))
    except timing.CommandFailed as exc:
        res.put(section, label, column, Cell(None, "failed"))
        res.notes.append(f"{column}, {label}: {exc}")


def import_plan(res: Results, section: str, label: str, be: backends.Backend, plan: Path,
                repeats: int, *, with_floor: bool = False) -> bool:  # fmt: skip
    """Time `tracker plan import` into a fresh, empty database (each repeat a new one). With
    `with_floor` (SQLite only), the floor (benchmarks/floor.py: the same data as JSON, parsed
    and written with executemany, a whole process into a fresh database) runs before each
    import, alternating, so both see the same load."""
    t, floor_t = timing.Timing(), timing.Timing()
    source = floor_source(plan) if with_floor and be.admin_url is None else None
    db = be.folder / "tracker.db"
    try:
        for k in range(repeats):
            if source is not None:
                be.fresh()
                floor_t.add(*timing.measure([sys.executable, str(HERE / "floor.py"), "load",
                                             str(source), str(db)]))  # fmt: skip
                floor_rows = row_counts(db) if k == 0 else {}
            be.fresh()
            t.add(*timing.measure(be.tracker("plan", "import", str(plan)), env=be.env))
            if source is not None and k == 0 and floor_rows != row_counts(db):
                res.notes.append(f"{label}: the floor wrote other rows than the import: "
                                 f"floor {floor_rows}, import {row_counts(db)}")  # fmt: skip
    except timing.CommandFailed as exc:
        res.put(section, label, be.name, Cell(None, "failed"))
        res.notes.append(f"{be.name}, {label}: {exc}")
        return False
    if source is not None:
        res.put(section, FLOOR_LABEL, be.name, Cell.of(floor_t, f"n={repeats}, alternating"))
    res.put(section, label, be.name, Cell.of(t, f"n={repeats}"))
    return True


def bench_backend(res: Results, be: backends.Backend, a: argparse.Namespace,
                  small: Path, small_data: dict[str, Any], big: Path | None,
                  big_board: str, big_ref: str | None,
                  tw: dict[str, Yardstick]) -> None:  # fmt: skip
    """Everything on one database. `tw`: the yardsticks (taskwarrior) to time beside it, run
    by run; with PostgreSQL their figures go in a column of their own."""
    n = a.actions
    sec = f"{n:,} actions, {a.updates:,} status updates"
    env = be.env
    board = taskwarrior.busiest_board(small_data.get("actions") or [])
    print(f"{be.name} {be.version}", flush=True)
    needs_data = {"import", "list", "update"} & a.parts
    label = f"`tracker plan import` ({n:,})"
    if needs_data and not import_plan(res, sec, label, be, small, a.import_repeats,
                                      with_floor="import" in a.parts):  # fmt: skip
        return
    if "import" in a.parts:
        try:  # re-importing the same file changes nothing; how long does it take to see that?
            again = timing.Timing()
            again.add(*timing.measure(be.tracker("plan", "import", str(small)), env=env))
            res.put(sec, "`tracker plan import` again (no changes)", be.name, Cell.of(again, "n=1"))
        except timing.CommandFailed as exc:
            res.notes.append(f"{be.name}, re-import: {exc}")
    if "list" in a.parts:
        al = be.tracker("actions", "list")
        r = a.repeats
        yard = tw.get(sec)
        measure(res, sec, "`actions list` (all, table)", be.name, al, env, r,
                versus=yard.all() if yard else None, versus_column=tw_column(be))  # fmt: skip
        measure(res, sec, "`actions list --format csv`", be.name, [*al, "--format", "csv"], env, r)
        measure(res, sec, f"`actions list --board {board}`", be.name, [*al, "--board", board],
                env, r, versus=yard.one_board() if yard else None,
                versus_column=tw_column(be))  # fmt: skip
        measure(res, sec, "`actions list --overdue`", be.name, [*al, "--overdue"], env, r)
        measure(res, sec, "`actions list --limit 1` (the command's fixed cost)", be.name,
                [*al, "--limit", "1"], env, r)  # fmt: skip
        measure(res, sec, f"`actions list --search {SEARCH_WORD}`", be.name,
                [*al, "--search", SEARCH_WORD], env, r)  # fmt: skip
    ref = in_progress(small_data)
    if "update" in a.parts and ref:
        single_action(res, sec, be, ref, a.repeats, tw.get(sec))
    if big is not None:
        bsec = f"{a.big:,} actions, {a.big_updates:,} status updates"
        if not import_plan(res, bsec, f"`tracker plan import` ({a.big:,})", be, big, 1):
            return
        al = be.tracker("actions", "list")
        yard = tw.get(bsec)
        measure(res, bsec, f"`actions list --board {big_board}`", be.name,
                [*al, "--board", big_board], env, a.repeats,
                versus=yard.one_board() if yard else None,
                versus_column=tw_column(be))  # fmt: skip
        measure(res, bsec, "`actions list` (all, table)", be.name, al, env,
                max(1, a.repeats // 2), versus=yard.all() if yard else None,
                versus_column=tw_column(be))  # fmt: skip
        if "update" in a.parts and big_ref:
            single_action(res, bsec, be, big_ref, a.repeats, yard)


def in_progress(data: dict[str, Any]) -> str | None:
    """The ref of the plan's first action in progress (the one `show` and `update` time)."""
    return next((x["ref"] for x in data.get("actions") or [] if x["status"] == "in progress"),
                None)  # fmt: skip


def tw_column(be: backends.Backend) -> str:
    return "taskwarrior" if be.name == "SQLite" else TW_PG


def single_action(res: Results, sec: str, be: backends.Backend, ref: str, repeats: int,
                  yard: Yardstick | None) -> None:  # fmt: skip
    """`actions show REF` and `actions update REF ...`, each alternating run by run with
    `task 7 info` / `task 7 modify` when taskwarrior is there."""
    env, column = be.env, tw_column(be)
    measure(res, sec, "`actions show REF`", be.name, be.tracker("actions", "show", ref),
            env, repeats, header_lines=-1, versus=yard.info() if yard else None,
            versus_column=column)  # fmt: skip
    upd, theirs = timing.Timing(), timing.Timing()
    try:
        for k in range(repeats + 1):  # alternating with `task 7 modify`
            argv = be.tracker(
                "actions", "update", ref, "--status", "in progress", "--rag", "green",
                "--progress", str(10 + k % 80), "--note", f"benchmark update {k}",
            )  # fmt: skip
            wall, cpu = timing.measure(argv, env=env)
            if k:  # the first is the warm-up
                upd.add(wall, cpu)
            if yard is not None:
                wall, cpu = timing.measure(yard.modify(k), env=yard.db.env)
                if k:
                    theirs.add(wall, cpu)
        res.put(sec, "`actions update REF ...`", be.name, Cell.of(upd, ref))
        if yard is not None:
            res.put(sec, "`actions update REF ...`", column, Cell.of(theirs, "`task 7 modify`"))
    except timing.CommandFailed as exc:
        res.put(sec, "`actions update REF ...`", be.name, Cell(None, "failed"))
        res.notes.append(f"{be.name}, update: {exc}")


def load_taskwarrior(res: Results, sec: str, data: dict[str, Any], board: str) -> Yardstick:
    actions = data.get("actions") or []
    db, took = taskwarrior.load(actions)
    res.put(sec, f"`tracker plan import` ({len(actions):,})", "taskwarrior",
            Cell(took, "`task import`"))  # fmt: skip
    pending = db.count("status:pending")
    return Yardstick(db, board, pending, db.count(f"project:{board}", "status:pending"))


def time_taskwarrior_alone(res: Results, sec: str, yard: Yardstick, repeats: int) -> None:
    """When no SQLite run was there to interleave with."""
    for label, (argv, env, note) in (
        ("`actions list` (all, table)", yard.all()),
        (f"`actions list --board {yard.board}`", yard.one_board()),
    ):
        if res.cell(sec, label, "taskwarrior").seconds is None:
            res.put(sec, label, "taskwarrior", Cell.of(timing.repeat(argv, env=env,
                    repeats=repeats), note))  # fmt: skip


def check_targets(res: Results, a: argparse.Namespace, big_board: str) -> None:
    """The issue's targets, judged on median wall time (CPU time shown beside it)."""
    sec = f"{a.actions:,} actions, {a.updates:,} status updates"
    bsec = f"{a.big:,} actions, {a.big_updates:,} status updates"
    parse_c = res.cell(sec, "YAML parse only (`CSafeLoader`, in-process)", "SQLite")
    floor_c = res.cell(sec, FLOOR_LABEL, "SQLite")
    fixed = {"show": Cell(0.2), "update": Cell(0.3)}
    for column in ("SQLite", "PostgreSQL"):
        where = column if column == "SQLite" else f"{column} (not a target)"

        def tw(section: str, label: str, column: str = column) -> Cell:
            """taskwarrior's figure from the same alternation (else the SQLite one's)."""
            mine = res.cell(section, label, TW_PG) if column == "PostgreSQL" else Cell()
            return mine if mine.seconds is not None else res.cell(section, label, "taskwarrior")

        tw_info = tw(sec, "`actions show REF`")
        tw_modify = tw(sec, "`actions update REF ...`")
        tw_list = tw(sec, "`actions list` (all, table)")
        tw_board = tw(bsec, f"`actions list --board {big_board}`")
        checks = (
            (f"import {a.actions:,} actions <= 2 x YAML parse", parse_c, 2.0,
             res.cell(sec, f"`tracker plan import` ({a.actions:,})", column)),
            (f"import {a.actions:,} actions <= 1.5 x the floor (JSON + executemany)", floor_c,
             1.5, res.cell(sec, f"`tracker plan import` ({a.actions:,})", column)),
            ("`actions show REF` <= 0.2 s", fixed["show"], 1.0,
             res.cell(sec, "`actions show REF`", column)),
            ("`actions show REF` <= 2 x `task 7 info`", tw_info, 2.0,
             res.cell(sec, "`actions show REF`", column)),
            ("`actions update REF` <= 0.3 s", fixed["update"], 1.0,
             res.cell(sec, "`actions update REF ...`", column)),
            ("`actions update REF` <= 2 x `task 7 modify`", tw_modify, 2.0,
             res.cell(sec, "`actions update REF ...`", column)),
            (f"`actions list` all {a.actions:,} <= `task list`", tw_list, 1.0,
             res.cell(sec, "`actions list` (all, table)", column)),
            (f"{a.big:,} actions: `--board` list <= 0.5 x `task project:X list`", tw_board, 0.5,
             res.cell(bsec, f"`actions list --board {big_board}`", column)),
            (f"{a.big:,} actions: `actions show REF` <= 0.2 s", fixed["show"], 1.0,
             res.cell(bsec, "`actions show REF`", column)),
            (f"{a.big:,} actions: `actions show REF` <= 2 x `task 7 info`",
             tw(bsec, "`actions show REF`"), 2.0, res.cell(bsec, "`actions show REF`", column)),
            (f"{a.big:,} actions: `actions update REF` <= 0.3 s", fixed["update"], 1.0,
             res.cell(bsec, "`actions update REF ...`", column)),
            (f"{a.big:,} actions: `actions update REF` <= 2 x `task 7 modify`",
             tw(bsec, "`actions update REF ...`"), 2.0,
             res.cell(bsec, "`actions update REF ...`", column)),
        )  # fmt: skip
        for name, base, factor, mine in checks:
            if base.seconds is None or mine.seconds is None:
                continue
            limit = base.seconds * factor
            verdict = "PASS" if mine.seconds <= limit else "MISS"
            measured = f"{timing.seconds(mine.seconds)} (limit {timing.seconds(limit)})"
            if base.cpu is not None and mine.cpu is not None:
                measured += (f"; cpu {timing.seconds(mine.cpu)} (limit "
                             f"{timing.seconds(base.cpu * factor)})")  # fmt: skip
            res.targets.append((where, name, measured, verdict))


def run_others(res: Results, a: argparse.Namespace, plan: Path | None) -> None:
    """Every other benchmarks/bench_*.py: a standalone script that prints its own figures."""
    env = {**os.environ, "BENCH_REPEATS": str(a.repeats)}
    if a.quick:
        env["BENCH_QUICK"] = "1"
    if plan is not None:
        env["BENCH_PLAN"] = str(plan)
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"\n== {script.name} ==", flush=True)
        captured: list[str] = []
        with subprocess.Popen(
            [sys.executable, str(script)], env=env, cwd=HERE.parent, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        ) as proc:  # fmt: skip
            # SIGTERM (not SIGKILL) so that the script can drop what it created
            watchdog = threading.Timer(a.others_timeout, proc.terminate)
            watchdog.start()
            assert proc.stdout is not None
            for line in proc.stdout:
                print(line, end="", flush=True)
                captured.append(line)
            code = proc.wait()
            watchdog.cancel()
        if code == -signal.SIGTERM:
            captured.append(f"(stopped after --others-timeout {a.others_timeout:.0f}s)\n")
        res.others.append((script.name, code, "".join(captured)))


def write_report(res: Results, a: argparse.Namespace, info: dict[str, str]) -> Path:
    lines = [
        f"## Figures ({info['date']})", "",
        f"`{' '.join(['benchmarks/run.py', *a.argv])}`: whole processes, median of "
        f"{a.repeats} runs after a warm-up (imports: median of {a.import_repeats}, each into a "
        "fresh empty database; the big import: one run).", "",
        "| machine | |", "|---|---|", *[f"| {k} | {v} |" for k, v in info.items()], "",
        res.markdown(),
    ]  # fmt: skip
    if res.targets:
        lines += ["### Targets", "", "| database | target | measured | |", "|---|---|---|---|"]
        lines += [f"| {d} | {t} | {m} | {v} |" for d, t, m, v in res.targets]
        lines.append("")
    if res.notes:
        lines += ["### Notes", "", *[f"- {n}" for n in res.notes], ""]
    for name, code, text in res.others:
        lines += [f"### {name} (exit {code})", "", "```", text.rstrip(), "```", ""]
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "latest.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def options(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true",
                   help="1,000 + 10,000 actions, 3 repeats (a smoke run)")  # fmt: skip
    p.add_argument("--actions", type=int, help="actions in the main plan (default 10,000)")
    p.add_argument("--updates", type=int, help="status updates in it (default 100,000)")
    p.add_argument("--resolutions", type=int, help="resolutions in it (default 2,000)")
    p.add_argument("--boards", type=int, default=20)
    p.add_argument("--big", type=int, help="actions in the big plan (default 100,000)")
    p.add_argument("--big-updates", type=int, help="status updates in it (default 100,000)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--repeats", type=int, help="runs per figure (default 5)")
    p.add_argument("--import-repeats", type=int, help="imports per database (default 3)")
    p.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    p.add_argument(
        "--pg-url",
        help=f"PostgreSQL admin URL (default {backends.PG_ADMIN_DEFAULT}"
        " or TRACKER_BENCH_PG_URL); a database is created for the run and dropped",
    )
    p.add_argument("--only", help=f"comma-separated parts: {','.join(PARTS)}")
    p.add_argument("--skip", help="comma-separated parts to leave out")
    p.add_argument("--regenerate", action="store_true", help="generate the plans again")
    p.add_argument("--others-timeout", type=float, default=1800,
                   help="seconds each bench_*.py may run (default 1800)")  # fmt: skip
    a = p.parse_args(argv)
    a.argv = list(sys.argv[1:] if argv is None else argv)
    quick = a.quick
    a.actions = a.actions or (1_000 if quick else 10_000)
    a.updates = a.updates if a.updates is not None else (10_000 if quick else 100_000)
    a.resolutions = a.resolutions if a.resolutions is not None else (200 if quick else 2_000)
    a.big = a.big or (10_000 if quick else 100_000)
    a.big_updates = a.big_updates if a.big_updates is not None else (10_000 if quick else 100_000)
    a.repeats = a.repeats or (3 if quick else 5)
    a.import_repeats = a.import_repeats or (1 if quick else 3)
    parts = set(a.only.split(",")) if a.only else set(PARTS)
    parts -= set(a.skip.split(",")) if a.skip else set()
    unknown = parts - set(PARTS)
    if unknown:
        p.error(f"unknown part(s) {', '.join(sorted(unknown))}; parts: {', '.join(PARTS)}")
    a.parts = parts
    return a


def main(argv: list[str] | None = None) -> int:
    a = options(argv)
    # a plain `kill` still drops the PostgreSQL databases and temp folders (finally: below)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    res = Results()
    dbs: list[backends.Backend] = []
    tw: dict[str, Yardstick] = {}
    pg_version = None
    if a.db in ("sqlite", "both"):
        dbs.append(backends.sqlite())
    if a.db in ("postgresql", "both"):
        pg = backends.postgresql(a.pg_url)
        if isinstance(pg, str):
            print(f"PostgreSQL skipped: {pg}", flush=True)
            res.notes.append(f"PostgreSQL skipped: {pg}")
        else:
            dbs.append(pg)
            pg_version = pg.version
    info = timing.machine(pg_version)
    for k, v in info.items():
        print(f"{k}: {v}")

    tw_reason = taskwarrior.ensure_installed() if "taskwarrior" in a.parts else None
    if tw_reason:
        print(f"taskwarrior skipped: {tw_reason}", flush=True)
        res.notes.append(f"taskwarrior skipped: {tw_reason}")

    try:
        if "startup" in a.parts:
            sec = "Start-up (no database work)"
            for label, argv in (
                ("`python -c pass` (the floor)", [sys.executable, "-c", "pass"]),
                ("`tracker --help`", [timing.TRACKER, "--help"]),
            ):
                t = timing.repeat(argv, repeats=a.repeats)
                res.put(sec, label, "SQLite", Cell.of(t))
                res.put(sec, label, "PostgreSQL", Cell.of(t, "no database: as SQLite"))
            if not tw_reason and "taskwarrior" in a.parts:
                t = timing.repeat(["task", "--version"], repeats=a.repeats)
                res.put(sec, "`task --version`", "taskwarrior", Cell.of(t))

        sec = f"{a.actions:,} actions, {a.updates:,} status updates"
        small = plan_file(a.actions, a.updates, a.boards, a.resolutions, a.seed, a.regenerate)
        data, parsed = parse(small, 1 if a.quick else min(3, a.repeats))
        size = small.stat().st_size / 1e6
        label = "YAML parse only (`CSafeLoader`, in-process)"
        res.put(sec, label, "SQLite", Cell.of(parsed, f"{size:.1f} MB file"))
        res.put(sec, label, "PostgreSQL", Cell.of(parsed, "the same file"))
        board = taskwarrior.busiest_board(data.get("actions") or [])

        big: Path | None = None
        big_data: dict[str, Any] = {}
        big_board = board
        big_ref: str | None = None
        if "big" in a.parts:
            big = plan_file(a.big, a.big_updates, a.boards, a.resolutions, a.seed, a.regenerate)
            big_data, _ = parse(big, 1)
            big_board = taskwarrior.busiest_board(big_data.get("actions") or [])
            big_ref = in_progress(big_data)

        if not tw_reason and "taskwarrior" in a.parts:
            print("taskwarrior", info["taskwarrior"], flush=True)
            tw[sec] = load_taskwarrior(res, sec, data, board)
            if big is not None:
                bsec = f"{a.big:,} actions, {a.big_updates:,} status updates"
                tw[bsec] = load_taskwarrior(res, bsec, big_data, big_board)
        del big_data

        for be in dbs:
            bench_backend(res, be, a, small, data, big, big_board, big_ref, tw)
            be.drop()
        for section, yard in tw.items():
            time_taskwarrior_alone(res, section, yard, a.repeats)
        check_targets(res, a, big_board)
    finally:
        for be in dbs:
            be.close()
        for yard in tw.values():
            yard.db.cleanup()

    if "others" in a.parts:
        run_others(res, a, small if "small" in locals() else None)
    info["load average at the end"] = timing.load()
    path = write_report(res, a, info)
    print()
    if res.targets:
        for d, t, m, v in res.targets:
            print(f"{v}  {d}: {t}: {m}")
    for note in res.notes:
        print(f"note: {note}")
    print(f"\nwritten: {path.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
