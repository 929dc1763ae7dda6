"""Time the spreadsheet round trip on a big plan: export the register, fill in every row, import.

    .venv/bin/python benchmarks/bench_sheets.py                      # 10,000 actions, SQLite + PG
    .venv/bin/python benchmarks/bench_sheets.py --db sqlite --actions 2000
    .venv/bin/python benchmarks/bench_sheets.py --plan benchmarks/out/plan.yaml

The plan comes from benchmarks/generate.py (--updates 10000 by default: the history does not
matter here and a smaller one loads faster). Each database is loaded once with the plan; the
timed steps are the service calls a command makes (export_sheet, import_sheet) and, once, the
whole `tracker actions import-sheet` process on a second filled sheet, start-up included.
The goal: importing 10,000 filled-in rows takes under 10 s. The table at the end gives wall
times; each step's line also gives the CPU time of this process (the `tracker` subprocess's
is not counted there).
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import backends  # noqa: E402
import timing  # noqa: E402
from generate import generate  # noqa: E402

from tracker.config import load_settings  # noqa: E402
from tracker.db import Database, migrate  # noqa: E402
from tracker.services.context import open_tracker  # noqa: E402
from tracker.services.plans import import_plan  # noqa: E402
from tracker.services.sheets import export_sheet, import_sheet  # noqa: E402


def timed(label: str, fn: Callable[[], Any]) -> tuple[float, Any]:
    """Wall time, and this process's CPU time beside it: on a busy machine (tests running
    alongside) the CPU time is the closer guide to the wall time on an idle one."""
    began, cpu = time.perf_counter(), time.process_time()
    value = fn()
    took, used = time.perf_counter() - began, time.process_time() - cpu
    print(f"  {label:<50} {took:7.2f} s wall {used:7.2f} s cpu", flush=True)
    return took, value


def fill(src: Path, dst: Path, note: str) -> int:
    """Fill in every row an owner could report on (not cancelled ones). Returns rows filled."""
    if src.suffix == ".csv":
        with src.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
        head = rows[0]
        at = {h: i for i, h in enumerate(head)}
        n = 0
        for row in rows[1:]:
            if row[at["Current status"]] == "cancelled":
                continue
            row[at["New status"]] = "In Progress"
            row[at["New RAG"]] = "A"
            row[at["New % complete"]] = "50%"
            row[at["Commentary"]] = note
            n += 1
        with dst.open("w", encoding="utf-8-sig", newline="") as fh:
            csv.writer(fh).writerows(rows)
        return n
    import openpyxl

    wb = openpyxl.load_workbook(src)
    ws = wb["Actions"]
    at = {c.value: c.column for c in ws[1]}
    n = 0
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, at["Current status"]).value == "cancelled":
            continue
        ws.cell(r, at["New status"], "In Progress")
        ws.cell(r, at["New RAG"], "Amber")
        cell = ws.cell(r, at["New % complete"], 0.5)
        cell.number_format = "0%"
        ws.cell(r, at["Commentary"], note)
        n += 1
    wb.save(dst)
    return n


def bench(kind: str, plan: Path, folder: Path) -> dict[str, float] | None:
    with backends.database(kind, folder, tag="sheets") as url:
        if url is None:
            return None
        print(f"\n{kind}:")
        db = Database(url)
        migrate(db)
        db.dispose()
        config = backends.write_config(folder / f"{kind}.toml", url)
        t = open_tracker(load_settings(config))
        try:
            timed("load the plan (not part of the figures)", lambda: import_plan(t, plan))
            out: dict[str, float] = {}
            for suffix in (".xlsx", ".csv"):
                sheet = folder / f"{kind}-export{suffix}"
                filled = folder / f"{kind}-filled{suffix}"
                out[f"export {suffix}"], ex = timed(
                    f"export_sheet {suffix}", lambda s=sheet: export_sheet(t, s)
                )
                _, n = timed(f"fill in the rows ({suffix}, openpyxl/csv)",
                             lambda s=sheet, f=filled, x=suffix: fill(s, f, f"bench {x}"))  # fmt: skip
                out[f"dry run {suffix}"], _ = timed(
                    f"import_sheet {suffix} --dry-run ({n} rows)",
                    lambda f=filled: import_sheet(t, f, dry_run=True),
                )
                out[f"import {suffix}"], result = timed(
                    f"import_sheet {suffix} ({n} filled of {ex.rows})",
                    lambda f=filled: import_sheet(t, f),
                )
                assert result.count("recorded") == n, (result.count("recorded"), n)
                assert not result.refused
            ods = folder / f"{kind}-export.ods"
            out["export .ods"], _ = timed("export_sheet .ods (odfpy)", lambda: export_sheet(t, ods))
            # the whole command, start-up included, on a fresh export
            sheet, filled = folder / f"{kind}-cli.xlsx", folder / f"{kind}-cli-filled.xlsx"
            export_sheet(t, sheet)
            fill(sheet, filled, "bench cli")
            env = {**os.environ, "TRACKER_CONFIG": str(config)}
            out["cli import .xlsx"], done = timed(
                "`tracker actions import-sheet FILE.xlsx --quiet`",
                lambda: subprocess.run(
                    [timing.TRACKER, "actions", "import-sheet", str(filled), "--quiet"],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=False,
                ),
            )
            assert done.returncode == 0, done.stderr[-2000:]
            print(f"    {done.stdout.strip().splitlines()[-1]}")
            return out
        finally:
            t.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--actions", type=int, default=10_000)
    p.add_argument("--updates", type=int, default=10_000)
    p.add_argument("--plan", type=Path, help="use this plan file instead of generating one")
    p.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    a = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-sheets-") as tmp:
        folder = Path(tmp)
        plan = a.plan
        if plan is None:
            plan = folder / "plan.yaml"
            plan.write_text(generate(a.actions, a.updates, 20, 0), encoding="utf-8")
            print(f"generated {a.actions} actions, {a.updates} updates: {plan}")
        kinds = ("sqlite", "postgresql") if a.db == "both" else (a.db,)
        results = {k: bench(k, plan, folder) for k in kinds}
    print("\n| step | " + " | ".join(k for k in results if results[k]) + " |")
    print("|---|" + "---|" * sum(1 for k in results if results[k]))
    steps = next((list(r) for r in results.values() if r), [])
    for step in steps:
        cells = " | ".join(f"{r[step]:.2f} s" for r in results.values() if r)
        print(f"| {step} | {cells} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
