"""`run.py`'s timed commands on one database: the plan imported into a fresh one (beside its
floor, benchmarks/floor.py), `actions list` in its forms, `actions show` and `actions update`,
each a whole process, alternating run by run with taskwarrior's command (the Yardstick) when it
is there.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import backends
import taskwarrior
import timing
from run_results import FLOOR_LABEL, TW_PG, Cell, Results

HERE = Path(__file__).resolve().parent
SEARCH_WORD = "roadmap"  # in about 1 title in 22 (generate.OBJECTS)


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
