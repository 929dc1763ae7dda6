"""What a `bench_ui.py` run stands on: the plan (generated once), its SQLite database (imported
once, kept in benchmarks/out/ and brought to the schema's head), the bytecode the children load,
and a child process run (`bench_ui.py --child ...`, its figures read back as JSON).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
TODAY = dt.date(2026, 3, 1)  # generate.PIVOT: the generated data's "now"
BENCH_UI = Path(__file__).resolve().with_name("bench_ui.py")  # the script each child runs


def plan_file(a: argparse.Namespace) -> Path:
    if a.plan:
        return Path(a.plan)
    quick = os.environ.get("BENCH_QUICK") == "1"
    actions, updates = (1_000, 10_000) if quick else (10_000, 100_000)
    env_plan = os.environ.get("BENCH_PLAN")
    if env_plan and not quick and f"{actions}a-{updates}u" in Path(env_plan).name:
        return Path(env_plan)
    path = OUT / f"plan-ui-{actions}a-{updates}u.yaml"
    if not path.exists():
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from generate import generate

        OUT.mkdir(parents=True, exist_ok=True)
        path.write_text(generate(actions, updates), encoding="utf-8")
    return path


def database(plan: Path) -> Path:
    """The plan imported into SQLite once (kept while the plan file is unchanged)."""
    stamp = int(plan.stat().st_mtime)
    OUT.mkdir(parents=True, exist_ok=True)  # a fresh checkout has no benchmarks/out/ yet
    db = OUT / f"ui-{plan.stem}-{stamp}.db"
    toml = db.with_suffix(".toml")
    toml.write_text(
        f'[database]\nurl = "sqlite:///{db}"\n\n[plans]\nload = []\n\n'
        f'[user]\nname = "Benchmark"\n\n[clock]\ntoday = "{TODAY.isoformat()}"\n',
        encoding="utf-8",
    )
    if db.exists():
        _upgrade(db)  # built before a migration was added: brought to the schema's head
        return db
    for old in OUT.glob(f"ui-{plan.stem}-*.*"):  # built from an earlier version of the plan
        if old != toml:
            old.unlink()
    sys.path.insert(0, str(ROOT))
    from tracker.config import load_settings
    from tracker.db import Database, migrate
    from tracker.services.context import open_tracker
    from tracker.services.plans import import_plan

    partial = db.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    base = Database(f"sqlite:///{partial}")
    migrate(base)
    base.dispose()
    toml.write_text(toml.read_text().replace(str(db), str(partial)), encoding="utf-8")
    began = time.perf_counter()
    t = open_tracker(load_settings(toml))
    try:
        import_plan(t, plan)
    finally:
        t.close()
    print(f"imported {plan.name} in {time.perf_counter() - began:.1f} s", flush=True)
    partial.rename(db)
    database(plan)  # rewrite the settings file for the final name
    return db


def _upgrade(db: Path) -> None:
    import sqlite3

    sys.path.insert(0, str(ROOT))
    from tracker.migrations import SCHEMA_HEAD

    conn = sqlite3.connect(db)
    try:
        (version,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        conn.close()
    if version != SCHEMA_HEAD:
        from tracker.db import Database, migrate

        base = Database(f"sqlite:///{db}")
        migrate(base)
        base.dispose()
        print(f"upgraded {db.name} from {version} to {SCHEMA_HEAD}", flush=True)


_IMPORTED = (  # what the app and its screens import (the rest is compiled where it is used)
    "import sys, sqlalchemy.orm, tracker.cli, tracker.models, tracker.ui.app, "
    "tracker.ui.register.screen, tracker.ui.help, tracker.services.dashboard\n"
    "from tracker.ui.registry import SCREENS, import_screen\n"
    "for _key, _title, path in SCREENS: import_screen(path)\n"
    "print('\\n'.join(f for f in (getattr(m, '__file__', None) for m in list(sys.modules.values()))"
    " if f and f.endswith('.py')))"
)


def bytecode(extra: list[Path], db: Path | None = None) -> Path:
    """Compiled bytecode for the modules the children import, in benchmarks/out/pycache
    (PYTHONPYCACHEPREFIX), as an installed app has it: the worktree is kept free of
    __pycache__ (PYTHONDONTWRITEBYTECODE=1), and without this every launch compiled the
    tracker package from source, which the minimal app (textual's bytecode installed) never
    pays. With PYTHONPYCACHEPREFIX set, Python looks for bytecode only under the prefix (not in
    site-packages' own __pycache__), so everything a child loads is compiled there: what the
    app's modules import, and every module a minimal launch and a tracker launch load while
    they run (Textual's driver, pilot and layouts, the thread pool, Rich's tables: about 30 ms of
    compiling in each launch before, some in both children, some in the app's only; and the
    benchmark's own argparse, in both). Up-to-date files are skipped, so later runs only
    check."""
    prefix = OUT / "pycache"
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(prefix)}
    found = subprocess.run(
        [sys.executable, "-c", _IMPORTED], env=env, cwd=ROOT, capture_output=True, text=True,
        check=False,
    ).stdout.split()  # fmt: skip
    files = [*found, *(str(f) for d in [ROOT, *extra] for f in (d / "tracker").rglob("*.py"))]
    files += [str(f) for f in (ROOT / "benchmarks").glob("*.py")]
    compile_all = (
        "import compileall, sys\nfor f in sys.argv[1:]: compileall.compile_file(f, quiet=2)"
    )
    subprocess.run([sys.executable, "-c", compile_all, *dict.fromkeys(files)], env=env,
                   check=False)  # fmt: skip
    if db is not None:  # what the launches load while they run, compiled too
        listed = OUT / "modules.txt"
        loaded: list[str] = []
        for args in (("minimal",), ("launch", str(db))):
            listed.unlink(missing_ok=True)
            child(*args, env={**env, "BENCH_UI_MODULES": str(listed)})
            loaded += listed.read_text(encoding="utf-8").split()
        subprocess.run([sys.executable, "-c", compile_all, *dict.fromkeys(loaded)], env=env,
                       check=False)  # fmt: skip
    return prefix


def child(*args: str, env: dict[str, str] | None = None) -> tuple[float, dict[str, Any]]:
    """Run bench_ui.py as a child; returns (wall time it started at, its figures)."""
    began = time.time()
    done = subprocess.run(
        [sys.executable, str(BENCH_UI), "--child", *args], cwd=ROOT, capture_output=True, text=True,
        check=False, env=env,
    )  # fmt: skip
    if done.returncode:
        raise RuntimeError(f"child {args} failed:\n{done.stderr[-3000:]}")
    return began, json.loads(done.stdout.strip().splitlines()[-1])
