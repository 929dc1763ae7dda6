"""Time the terminal app headless (textual's App.run_test) on a big plan, next to a minimal
Textual app measured in the same run.

    .venv/bin/python benchmarks/bench_ui.py                  # 10,000 actions, 100,000 updates
    .venv/bin/python benchmarks/bench_ui.py --plan FILE --repeats 7
    BENCH_QUICK=1 .venv/bin/python benchmarks/bench_ui.py    # 1,000 actions: a smoke run

Figures (each from fresh processes, medians of --repeats / BENCH_REPEATS):
- launch: process start to an interactive dashboard (the app's first screen mounted and every
  pending event handled, so a key is answered at once), for a minimal Textual app (Header,
  Static, Footer) and for tracker's app; and to the dashboard filled with the plan's figures
  (read in a worker thread after the first frame).
  "launch, settings from tracker.toml" adds `load_settings`, as `tracker` does.
- register: from pressing `a` on the dashboard to the frame that shows the register's first page.
- search keystroke: from a key typed in the search box to the frame that shows the new rows
  (median and slowest). Every app figure ends at a painted frame (class Frames).
- cursor: one arrow key in the register (the detail below follows in a worker); page turn.
- peak memory: the interaction process's maximum resident set size.
- forms: from `u`, `e` or `n` in the register to the window filled in and ready.
- `--only forms | screens | launch` runs one part; with `--before DIR` (a folder holding another
  checkout's `tracker`), that code's processes and this one's alternate, side by side.
Targets: the dashboard with its figures painted within 2x the minimal app's first frame; register < 0.2 s; forms < 0.2 s; keystroke < 50 ms; memory
< 150 MB. The database (SQLite) is built once from the plan and kept in benchmarks/out/.

The measured processes are in ui_children.py (and ui_screens.py); the plan, database, bytecode
and child runs in ui_setup.py; here, the command line and the tables.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path
from typing import Any

from ui_children import (
    SEARCH,
    _list_modules,
    _median,
    child_forms,
    child_interact,
    child_launch,
    child_minimal,
    child_screens,
)
from ui_setup import ROOT, bytecode, child, database, plan_file

# -- the parent: build the database, run the children, print the figures -----------------------


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--plan", help="a plan file (default: generated)")
    p.add_argument("--repeats", type=int, default=int(os.environ.get("BENCH_REPEATS", "5")))
    p.add_argument(
        "--only",
        choices=["forms", "screens", "launch"],
        help="only the forms (from the register), the screens, or the launch to the "
        "dashboard's figures beside the minimal app",
    )
    p.add_argument("--code", help="run another checkout's tracker package (before/after)")
    p.add_argument(
        "--before",
        help="with --only forms or screens: alternate with this "
        "checkout's package (a folder holding its `tracker`)",
    )
    p.add_argument("--rounds", type=int, default=1, help="with --only forms: processes of each")
    p.add_argument(
        "--no-bytecode",
        action="store_true",
        help="compile every module from source in each launch (no bytecode cache)",
    )
    p.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.code:
        os.environ["PYTHONPATH"] = str(Path(a.code).resolve())
    if a.child:
        kind, *rest = a.child
        if kind == "minimal":
            result: dict[str, Any] = child_minimal()
        elif kind == "forms":
            result = child_forms(Path(rest[0]), int(rest[1]))
        elif kind == "screens":
            result = child_screens(Path(rest[0]))
        elif kind in ("launch", "launch-file"):
            result = child_launch(Path(rest[0]), kind == "launch-file")
        else:
            result = child_interact(Path(rest[0]), kind == "early")
        _list_modules()
        print(json.dumps(result))
        return 0

    plan = plan_file(a)
    db = database(plan)
    if not a.no_bytecode:
        extra = [Path(c).resolve() for c in (a.code, a.before) if c]  # compiled alike
        os.environ["PYTHONPYCACHEPREFIX"] = str(bytecode(extra, db))
    print(f"plan: {plan.name}; database: SQLite {db.stat().st_size / 1e6:.0f} MB", flush=True)
    if a.only == "forms":
        return forms_only(db, a.repeats, a.before, a.rounds)
    if a.only == "screens":
        return screens_only(db, a.repeats, a.before)
    if a.only == "launch":
        return launch_only(db, a.repeats, a.before)
    child("minimal")  # warm the file cache
    child("launch", str(db))
    launches: dict[str, list[tuple[float, float]]] = {
        "minimal": [], "app": [], "file": [], "filled": [], "minimal_painted": []
    }  # fmt: skip
    for _ in range(a.repeats):
        began, r = child("minimal")
        launches["minimal"].append((r["interactive"] - began, r["interactive_cpu"]))
        launches["minimal_painted"].append((r["painted"] - began, r["painted_cpu"]))
        began, r = child("launch", str(db))
        launches["app"].append((r["interactive"] - began, r["interactive_cpu"]))
        launches["filled"].append((r["filled"] - began, r["filled_cpu"]))
        began, r = child("launch-file", str(db))
        launches["file"].append((r["interactive"] - began, r["interactive_cpu"]))
    runs = [child("interact", str(db))[1] for _ in range(max(1, min(3, a.repeats)))]
    early = [child("early", str(db))[1]["register_early"] for _ in range(a.repeats)]
    screens = [child("screens", str(db))[1] for _ in range(max(1, min(3, a.repeats)))]

    def med(key: str) -> tuple[float, float]:
        if key in launches:
            return tuple(_median(launches[key]))  # type: ignore[return-value]
        if key == "register_early":
            return tuple(_median(early))  # type: ignore[return-value]
        if key == "peak_mb":
            return statistics.median(r[key] for r in runs), 0.0
        return (statistics.median(r[key][0] for r in runs),
                statistics.median(r[key][1] for r in runs))  # fmt: skip

    def secs(key: str) -> str:
        wall, cpu = med(key)
        return f"{wall:.3f} s ({cpu:.3f} s)"

    def ms(key: str) -> str:
        wall, cpu = med(key)
        return f"{wall * 1000:.0f} ms ({cpu * 1000:.0f} ms)"

    def ratio(key: str, over: str = "minimal") -> str:
        (wall, cpu), (mwall, mcpu) = med(key), med(over)
        return f"{secs(key)}: {wall / mwall:.2f}x ({cpu / mcpu:.2f}x)"

    def verdict(key: str, limit: float, target: str, over: str | None = None) -> str:
        wall, cpu = med(key)
        if over is not None:
            wall, cpu = wall / med(over)[0], cpu / med(over)[1]
        return f"{target}: wall {'met' if wall <= limit else 'MISSED'}, cpu " + (
            "met" if cpu <= limit else "MISSED")  # fmt: skip

    rows = [
        ("launch: minimal Textual app, interactive", secs("minimal"), "yardstick"),
        ("launch: tracker app, dashboard interactive", ratio("app"),
         verdict("app", 1.5, "<= 1.5x", over="minimal")),
        ("launch: the same, settings read from tracker.toml", ratio("file"), ""),
        ("launch: minimal Textual app, first frame painted", secs("minimal_painted"), "yardstick"),
        ("launch: dashboard with the plan's figures, painted", ratio("filled", "minimal_painted"),
         verdict("filled", 2.0, "<= 2x", over="minimal_painted")),
        ("register: first page painted, first time (dashboard shown for a second)",
         secs("register_first"), verdict("register_first", 0.2, "< 0.2 s")),
        ("register: first page painted, `a` the moment the dashboard fills",
         secs("register_early"), verdict("register_early", 0.2, "< 0.2 s")),
        ("register: first page painted, again", secs("register_again"),
         verdict("register_again", 0.2, "< 0.2 s")),
        ("a key nothing is bound to (the test pilot's own round trip)", ms("idle_key"), ""),
        (f"search: a keystroke to the new rows painted (median, '{SEARCH}' x2)", ms("keystroke"),
         verdict("keystroke", 0.05, "< 50 ms")),
        ("search: slowest keystroke, to the frame painted", ms("keystroke_max"),
         verdict("keystroke_max", 0.05, "< 50 ms")),
        ("search: in the app, box changed to the rows painted (median / slowest)",
         f"{med('keystroke_app')[0] * 1000:.0f} / {med('keystroke_app')[1] * 1000:.0f} ms",
         verdict("keystroke_app", 0.05, "< 50 ms").split(", cpu")[0]),
        ("cursor: one arrow key held down (median)", ms("cursor"), ""),
        ("cursor: slowest arrow key", ms("cursor_max"), ""),
        ("register: next page of 100", ms("page_turn"), ""),
        ("form: status update, key to filled in (median)", ms("form_update"),
         verdict("form_update", 0.2, "< 0.2 s")),
        ("form: edit action, key to filled in (median)", ms("form_edit"),
         verdict("form_edit", 0.2, "< 0.2 s")),
        ("form: new action, key to ready (median)", ms("form_new"),
         verdict("form_new", 0.2, "< 0.2 s")),
        ("peak memory (interaction process, VmHWM)", f"{med('peak_mb')[0]:.0f} MB",
         "< 150 MB: " + ("met" if med("peak_mb")[0] < 150 else "MISSED")),
    ]  # fmt: skip
    rows += screen_rows(screens)
    print(f"\n{runs[0]['rows']:,} actions; '{SEARCH}' finds {runs[0]['found']:,}; "
          f"{a.repeats} launches each, {len(runs)} interaction runs; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")  # fmt: skip
    print("values: wall time (CPU time of the process, all threads, in brackets)\n")
    width = max(len(r[0]) for r in rows)
    print(f"| {'measure':<{width}} | value | target |")
    print(f"|{'-' * (width + 2)}|---|---|")
    for name, value, target in rows:
        print(f"| {name:<{width}} | {value} | {target} |")
    return 0


def screen_rows(runs: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """The screens' figures (ui_screens.py): each screen's key to the frame showing what it
    read, on the first visit and again, and to the frame showing all it reads."""
    out = []
    for title in runs[0]:
        for visit, words in (("first", "opens, first visit"), ("complete", "complete, first visit"),
                             ("again", "opens again")):  # fmt: skip
            wall = statistics.median(r[title][visit][0] for r in runs)
            cpu = statistics.median(r[title][visit][1] for r in runs)
            name = f"screen: {title} {words}"
            if visit == "complete":
                name += f" ({', '.join(dict.fromkeys(runs[0][title]['messages']))})"
            verdict = (f"< 0.3 s: wall {'met' if wall < 0.3 else 'MISSED'}, cpu "
                       f"{'met' if cpu < 0.3 else 'MISSED'}")  # fmt: skip
            out.append((name, f"{wall:.3f} s ({cpu:.3f} s)", verdict))
    return out


def launch_only(db: Path, repeats: int, before: str | None = None) -> int:
    """`--only launch`: the minimal app and the tracker app (with `--before`, another
    checkout's too), processes alternating `repeats` times: each launch to the frame painted
    with the dashboard's figures, against the minimal app's first painted frame."""
    codes = [("before", before), ("after", None)] if before else [("this code", None)]
    child("minimal")  # warm the file cache
    child("launch", str(db))
    minimal: list[tuple[float, float]] = []
    filled: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in codes}
    began = os.getloadavg()
    for _ in range(repeats):
        start, r = child("minimal")
        minimal.append((r["painted"] - start, r["painted_cpu"]))
        for name, code in codes:
            env = {**os.environ, "PYTHONPATH": str(Path(code).resolve())} if code else None
            start, r = child("launch", str(db), env=env)
            filled[name].append((r["filled"] - start, r["filled_cpu"]))
    ended = os.getloadavg()
    mwall, mcpu = _median(minimal)
    print(
        f"\n{repeats} launches of each, alternating; load average (1, 5 min) "
        f"{began[0]:.1f}/{began[1]:.1f} -> {ended[0]:.1f}/{ended[1]:.1f} on {os.cpu_count()} "
        "CPUs\nvalues: wall time (CPU time of the process, all threads, in brackets), medians\n"
    )
    print(
        f"| launch | wall (CPU) | vs the minimal app | target |\n|---|---|---|---|\n"
        f"| minimal Textual app, first frame painted | {mwall:.3f} s ({mcpu:.3f} s) | yardstick | |"
    )
    for name, _code in codes:
        wall, cpu = _median(filled[name])
        verdict = (f"<= 2x: wall {'met' if wall / mwall <= 2 else 'MISSED'}, cpu "
                   f"{'met' if cpu / mcpu <= 2 else 'MISSED'}")  # fmt: skip
        print(
            f"| {name}: dashboard with its figures, painted | {wall:.3f} s ({cpu:.3f} s) | "
            f"{wall / mwall:.2f}x ({cpu / mcpu:.2f}x) | {verdict} |"
        )
    return 0


def screens_only(db: Path, repeats: int, before: str | None = None) -> int:
    """`--only screens`: `repeats` processes each opening every screen; with `--before`
    (another checkout), that checkout's process and this one's alternate, `repeats` of each,
    and each figure is the median of its code's processes."""
    codes = [("before", before), ("after", None)] if before else [("this code", None)]
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name, _ in codes}
    began = os.getloadavg()
    for _ in range(repeats):
        for name, code in codes:
            env = {**os.environ, "PYTHONPATH": str(Path(code).resolve())} if code else None
            runs[name].append(child("screens", str(db), env=env)[1])
    ended = os.getloadavg()
    print(
        f"\n{repeats} process(es) of each code, alternating; load average (1, 5 min) "
        f"{began[0]:.1f}/{began[1]:.1f} -> {ended[0]:.1f}/{ended[1]:.1f} on {os.cpu_count()} "
        "CPUs\nvalues: wall time (CPU time of the process, all threads, in brackets), medians\n"
    )
    tables = {name: screen_rows(rs) for name, rs in runs.items()}
    names = [name for name, _ in codes]
    print(f"| measure | {' | '.join(names)} | target |")
    print(f"|---|{'---|' * len(names)}---|")
    for i, (label, _value, _target) in enumerate(tables[names[-1]]):
        values = " | ".join(tables[n][i][1] for n in names)
        print(f"| {label} | {values} | {tables[names[-1]][i][2]} |")
    return 0


def forms_only(db: Path, repeats: int, before: str | None = None, rounds: int = 1) -> int:
    """`--only forms`: one process opening each form `repeats` times (medians); with `--before`
    (another checkout), that checkout's process and this one's alternate, `rounds` of each, and
    each figure is the median over its rounds (the first opening: one a process)."""
    codes = [("before", before), ("after", None)] if before else [("this code", None)]
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name, _ in codes}
    began = os.getloadavg()[0]
    for _ in range(rounds):
        for name, code in codes:
            env = {**os.environ, "PYTHONPATH": str(Path(code).resolve())} if code else None
            runs[name].append(child("forms", str(db), str(repeats), env=env)[1])
    print(
        f"\n{repeats} openings of each form a process, {rounds} process(es) of each code; "
        f"load average {began:.1f} -> {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    print("values: wall time (CPU time of the process, all threads, in brackets), medians\n")

    def med(rs: list[dict[str, Any]], key: str) -> tuple[float, float]:
        return (statistics.median(r[key][0] for r in rs) * 1000,
                statistics.median(r[key][1] for r in rs) * 1000)  # fmt: skip

    for name, code in codes:
        rs = runs[name]
        where = code or os.environ.get("PYTHONPATH") or str(ROOT)
        rwall, rcpu = med(rs, "register")
        idle = statistics.median(r["idle_cpu"] for r in rs) * 1000
        print(f"{name} ({where}): `a` to the register's rows {rwall:.0f} ms ({rcpu:.0f} ms); CPU "
              f"while it sits idle for 3 s (its windows made): {idle:.0f} ms\n")  # fmt: skip
        print("| form | key to filled in and ready | key to the frame showing it | first opening, "
              "to its frame | target |")  # fmt: skip
        print("|---|---|---|---|---|")
        for key, label in (("form_update", "status update `u`"), ("form_edit", "edit `e`"),
                           ("form_new", "new action `n`")):  # fmt: skip
            (wall, cpu), (pwall, pcpu) = med(rs, key), med(rs, key + "_painted")
            fwall, fcpu = med(rs, key + "_first")
            print(f"| {label} | {wall:.0f} ms ({cpu:.0f} ms) | {pwall:.0f} ms ({pcpu:.0f} ms) | "
                  f"{fwall:.0f} ms ({fcpu:.0f} ms) | < 0.2 s: wall "
                  f"{'met' if max(pwall, fwall) <= 200 else 'MISSED'}, cpu "
                  f"{'met' if max(pcpu, fcpu) <= 200 else 'MISSED'} |")  # fmt: skip
        print()
    return 0


def _verdict(ok: bool, target: str) -> str:
    return f"{target}: {'met' if ok else 'MISSED'}"


if __name__ == "__main__":
    sys.exit(main())
