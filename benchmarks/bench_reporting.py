"""Time the reporting cycle on the benchmark plan (10,000 actions, 100,000 updates), and measure
how long the Children First Board's highlight paper is on A4.

    .venv/bin/python benchmarks/bench_reporting.py                   # SQLite and PostgreSQL
    .venv/bin/python benchmarks/bench_reporting.py --db sqlite --repeats 5
    .venv/bin/python benchmarks/bench_reporting.py --config /tmp/loaded/tracker.toml

The plan is $BENCH_PLAN, else --plan, else generated (benchmarks/generate.py, its defaults).
Each database is loaded once (not timed). Timed in-process (median of --repeats, after one
untimed call): the suggested RAG and forecast of every action (`action_paces`, goal < 1 s), the
exceptions rising to the Children First Board, and its highlight paper in Markdown and HTML
(`preview_paper`, goal < 2 s). Pages: the HTML paper printed to PDF by headless Chromium
(`--print-to-pdf`, A4 from the paper's own print stylesheet) and counted by `pdfinfo`; goal
at most 10 pages. The full register appendix is timed once (its PDF, some 250 pages, is not
printed).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
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
from bench_papers import config_for  # noqa: E402

from tracker.config import load_settings  # noqa: E402
from tracker.db import Database, migrate  # noqa: E402
from tracker.services.context import open_tracker  # noqa: E402

TOP = "children-first-board"
GOALS = {"pace": 1.0, "paper": 2.0, "pages": 10}


def median(fn: Callable[[], Any], repeats: int) -> str:
    """'0.41 s (cpu 0.30 s)': the median wall time and the median CPU time of the process, after
    one untimed call (the first pays the imports). CPU time says what the code costs when
    other work shares the machine's cores."""
    fn()
    walls, cpus = [], []
    for _ in range(repeats):
        began, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - began)
        cpus.append(time.process_time() - cpu)
    return f"{sorted(walls)[len(walls) // 2]:.2f} s (cpu {sorted(cpus)[len(cpus) // 2]:.2f} s)"


def pdf_pages(html: str, folder: Path, name: str) -> int | str:
    """Pages of the HTML printed to PDF by headless Chromium, counted by pdfinfo."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None or shutil.which("pdfinfo") is None:
        return "skipped: needs chromium and pdfinfo (poppler-utils)"
    page, pdf = folder / f"{name}.html", folder / f"{name}.pdf"
    page.write_text(html, encoding="utf-8")
    try:
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             f"--print-to-pdf={pdf}", page.as_uri()],
            check=True, capture_output=True, timeout=600,
        )  # fmt: skip
        info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    except (subprocess.SubprocessError, OSError) as exc:
        return f"not measured: {type(exc).__name__} printing {len(html) // 1000} kB of HTML"
    size = re.search(r"Page size:\s+(.*)", info.stdout)
    print(f"  {name}: {size.group(1) if size else '?'}")
    found = re.search(r"Pages:\s+(\d+)", info.stdout)
    return int(found.group(1)) if found else "?"


def bench(config: Path, repeats: int, plan: Path | None, folder: Path) -> dict[str, str]:
    from tracker.services.actions.pace import action_paces
    from tracker.services.governance.exceptions import list_exceptions
    from tracker.services.papers.render import preview_paper

    t = open_tracker(load_settings(config), check_schema=plan is None)
    out = _Printing()
    try:
        if plan is not None:
            from tracker.services.plans import import_plan

            began = time.perf_counter()
            import_plan(t, plan)
            print(f"  loaded the plan in {time.perf_counter() - began:.1f} s (not timed)")
        report = action_paces(t)
        print(f"  {len(report.actions)} actions, "
              f"{sum(a.pace.suggested is not None for a in report.actions)} with a suggestion")  # fmt: skip
        out["suggested RAG + forecast, every action"] = (
            f"{median(lambda: action_paces(t), repeats)}, goal < {GOALS['pace']:g} s"
        )
        found = list_exceptions(t, TOP)
        print(f"  {len(found.exceptions)} exceptions rise to the Children First Board")
        out["exceptions rising to the Children First Board"] = median(
            lambda: list_exceptions(t, TOP), repeats
        )
        md = preview_paper(t, "highlight", TOP)
        html = preview_paper(t, "highlight", TOP, fmt="html")
        full = preview_paper(t, "highlight", TOP, fmt="html", appendix=True)
        print(f"  highlight: {md.text.count(chr(10))} lines of Markdown "
              f"({full.text.count('<tr>')} table rows with the appendix)")  # fmt: skip
        out["Children First Board highlight .md"] = (
            f"{median(lambda: preview_paper(t, 'highlight', TOP), repeats)}, "
            f"goal < {GOALS['paper']:g} s"
        )
        out["Children First Board highlight .html (with its chart)"] = (
            f"{median(lambda: preview_paper(t, 'highlight', TOP, fmt='html'), repeats)}, "
            f"goal < {GOALS['paper']:g} s"
        )
        out["A4 pages, highlight (HTML -> Chromium PDF -> pdfinfo)"] = (
            f"{pdf_pages(html.text, folder, 'highlight')} (goal <= {GOALS['pages']})"
        )
        began, cpu = time.perf_counter(), time.process_time()
        preview_paper(t, "highlight", TOP, appendix=True)
        out["highlight .md with the full register appendix (once)"] = (
            f"{time.perf_counter() - began:.2f} s (cpu {time.process_time() - cpu:.2f} s)"
        )
    finally:
        t.close()
    return dict(out)


class _Printing(dict[str, str]):
    """The results so far, each printed as it is taken (a later failure loses none)."""

    def __setitem__(self, label: str, value: str) -> None:
        print(f"  {label:<56} {value}", flush=True)
        super().__setitem__(label, value)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--plan", type=Path, default=os.environ.get("BENCH_PLAN") or None)
    p.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    p.add_argument("--repeats", type=int, default=int(os.environ.get("BENCH_REPEATS", "5")))
    p.add_argument("--config", type=Path, help="a tracker.toml of a database already loaded")
    a = p.parse_args(argv)
    results: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-reporting-") as tmp:
        folder = Path(tmp)
        if a.config:
            results["given"] = bench(a.config, a.repeats, None, folder)
        else:
            plan = a.plan or backends.plan_file(folder)
            for kind in ("sqlite", "postgresql") if a.db == "both" else (a.db,):
                with backends.database(kind, folder, tag="reporting") as url:
                    if url is None:
                        continue
                    print(f"\n{kind}:")
                    db = Database(url)
                    migrate(db)
                    db.dispose()
                    results[kind] = bench(config_for(url, folder, kind), a.repeats, plan, folder)
    columns = list(results)
    print("\n| measure | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for label in next(iter(results.values()), {}):
        print(f"| {label} | " + " | ".join(results[c].get(label, "") for c in columns) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
