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
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
TODAY = dt.date(2026, 3, 1)  # generate.PIVOT: the generated data's "now"
SEARCH = "roadmap"  # in about 1 title in 22 (generate.OBJECTS)


# -- children: each measurement runs in a fresh interpreter -----------------------------------


class Frames:
    """The frames the app paints, each with its time (time.time()) and the process's CPU time.
    Headless, Textual composes every frame and skips the terminal; here each frame is also
    rendered to the terminal's escape sequences, as a real driver does, before it is timed. So
    a figure "to the painted frame" ends when the user would see it."""

    def __init__(self) -> None:
        from textual.app import App

        self.at: list[tuple[float, float]] = []
        real = App._display
        frames = self

        def display(app: Any, screen: Any, renderable: Any) -> None:
            real(app, screen, renderable)
            if renderable is None or app._batch_count:
                return
            render = getattr(renderable, "render_segments", None)
            if render is not None:
                render(app.console)
            frames.at.append((time.time(), time.process_time()))

        App._display = display  # type: ignore[method-assign]

    async def first_after(self, moment: float, timeout: float = 30.0) -> tuple[float, float]:
        """The first frame painted at or after `moment` (time.time())."""
        await _until(lambda: bool(self.at) and self.at[-1][0] >= moment, timeout)
        return next(f for f in self.at if f[0] >= moment)


def child_minimal() -> dict[str, float]:
    import asyncio

    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("Hello")
            yield Footer()

    frames = Frames()

    async def run() -> dict[str, float]:
        async with Minimal().run_test(size=(120, 40)) as pilot:
            await pilot.pause(0)  # the screen has handled everything pending: keys answer now
            out = {"interactive": time.time(), "interactive_cpu": time.process_time()}
            out["painted"], out["painted_cpu"] = await frames.first_after(0.0)
            return out

    return asyncio.run(run())


def _settings(db: Path, from_file: bool) -> Any:
    if from_file:
        from tracker.config import load_settings

        return load_settings(db.with_suffix(".toml"))
    from tracker.config import Settings

    return Settings(database_url=f"sqlite:///{db}", user="Benchmark", today=TODAY)


def child_launch(db: Path, from_file: bool) -> dict[str, float]:
    import asyncio

    from tracker.ui.app import create_app
    from tracker.ui.dashboard.screen import DashboardScreen

    frames = Frames()
    filled: list[float] = []
    show = DashboardScreen._show

    def timed_show(self: Any, d: Any) -> None:
        show(self, d)
        filled.append(time.time())

    DashboardScreen._show = timed_show  # type: ignore[method-assign]

    async def run() -> dict[str, float]:
        app = create_app(_settings(db, from_file))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(0)  # as for the minimal app (pause() would wait for the reader)
            out = {"interactive": time.time(), "interactive_cpu": time.process_time()}
            await _until(lambda: bool(filled))
            # the figures in the widgets, then the frame that shows them
            out["filled"], out["filled_cpu"] = await frames.first_after(filled[0])
            # closing while the register is being built out of sight (prepare_register) can
            # fail in textual's teardown: let it finish first (after the figures are taken)
            await _until(lambda: bool(getattr(app.made.get("register"), "is_mounted", False)))
            await app.workers.wait_for_complete()
            return out

    return asyncio.run(run())


def peak_memory_mb() -> float:
    """This process's peak resident set (VmHWM: unlike ru_maxrss, not inherited across exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def _until(check: Any, timeout: float = 30.0) -> None:
    import asyncio

    end = time.perf_counter() + timeout
    while not check():
        if time.perf_counter() > end:
            raise TimeoutError("the app did not answer in time")
        await asyncio.sleep(0.001)


class Watch:
    """Wall time and this process's CPU time (all threads) since it started. On a busy machine
    (tests running alongside) the CPU time is the closer guide to the wall time on an idle one."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        self.epoch = time.time()

    def read(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu

    def to(self, frame: tuple[float, float]) -> tuple[float, float]:
        """From the start to a painted frame (Frames.at)."""
        return frame[0] - self.epoch, frame[1] - self.cpu


def _median(pairs: list[tuple[float, float]]) -> list[float]:
    return [statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)]


def _slowest(pairs: list[tuple[float, float]]) -> list[float]:
    return list(max(pairs))


def child_interact(db: Path, early: bool = False) -> dict[str, Any]:
    import asyncio

    from tracker.ui.app import create_app

    async def quiet(app: Any) -> None:
        await app.workers.wait_for_complete()
        await asyncio.sleep(0.3)  # a person's pause between keys: each key timed on its own

    # the app's own latency, without the pilot's round trip: from the search box's change
    # (request_rows) to the new rows handed to the table (the end of on_actions_loaded)
    from tracker.ui.register.screen import RegisterScreen

    typed: list[float] = []
    shown: list[float] = []
    request_rows, loaded = RegisterScreen.request_rows, RegisterScreen.on_actions_loaded

    def timed_request(self: Any, *args: Any, **kwargs: Any) -> None:
        typed.append(time.time())
        request_rows(self, *args, **kwargs)

    def timed_loaded(self: Any, message: Any) -> None:
        loaded(self, message)
        shown.append(time.time())

    RegisterScreen.request_rows = timed_request  # type: ignore[method-assign]
    RegisterScreen.on_actions_loaded = timed_loaded  # type: ignore[method-assign]

    frames = Frames()

    async def painted(watch: Watch) -> tuple[float, float]:
        """From the watch's start to the frame that shows the rows handed to the table (for a
        register already loaded, the first frame after the key)."""
        return watch.to(await frames.first_after(max(shown[-1], watch.epoch)))

    async def run() -> dict[str, Any]:
        app = create_app(_settings(db, False))
        out: dict[str, Any] = {}
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(lambda: getattr(app.made.get("dashboard"), "dashboard", None))
            if early:  # `a` the moment the figures show (the register is not built yet)
                watch = Watch()
                await pilot.press("a")
                reg = app.made["register"]
                await _until(lambda r=reg: r.pages_shown > 0 and r is app.screen)
                return {"register_early": list(await painted(watch))}
            await asyncio.sleep(1.0)  # a person reads the dashboard for a moment
            await quiet(app)
            switches = []
            for _ in range(3):
                watch = Watch()
                await pilot.press("a")
                reg = app.made["register"]
                await _until(lambda r=reg: r.pages_shown > 0 and r is app.screen)
                switches.append(await painted(watch))
                await quiet(app)
                await pilot.press("d")
                await quiet(app)
            out["register_first"] = list(switches[0])
            out["register_again"] = _median(switches[1:])
            await pilot.press("a")
            await quiet(app)
            reg = app.made["register"]
            out["rows"] = reg.total
            idle = []
            for _ in range(10):  # the pilot's own round trip: a key that nothing is bound to
                watch = Watch()
                await pilot.press("f12")
                idle.append(watch.read())
            out["idle_key"] = _median(idle)
            await pilot.press("slash")
            keys, inside = [], []
            for ch in SEARCH * 2:  # type it, clear it, type it again
                pages = reg.pages_shown
                watch = Watch()
                await pilot.press(ch)
                await _until(lambda r=reg, n=pages: r.pages_shown > n)
                frame = await frames.first_after(shown[-1])
                keys.append(watch.to(frame))
                inside.append(frame[0] - typed[-1])
                await quiet(app)
                if len(keys) == len(SEARCH):
                    out["found"] = reg.total
                    for _ in SEARCH:
                        pages = reg.pages_shown
                        await pilot.press("backspace")
                        await _until(lambda r=reg, n=pages: r.pages_shown > n)
                    await quiet(app)
            out["keystroke"] = _median(keys)
            out["keystroke_app"] = [statistics.median(inside), max(inside)]
            out["keystroke_max"] = _slowest(keys)
            await pilot.press("enter")  # back to the table
            pages = reg.pages_shown
            await pilot.press("c")  # clear the search: all rows again
            await _until(lambda r=reg, n=pages: r.pages_shown > n)
            await quiet(app)
            moves = []
            for _ in range(60):  # holding the arrow key down
                watch = Watch()
                await pilot.press("down")
                moves.append(watch.read())
            out["cursor"] = _median(moves)
            out["cursor_max"] = _slowest(moves)
            await quiet(app)
            turns = []
            for _ in range(3):
                pages = reg.pages_shown
                watch = Watch()
                await pilot.press("right_square_bracket")
                await _until(lambda r=reg, n=pages: r.pages_shown > n)
                turns.append(watch.read())
                await quiet(app)
            out["page_turn"] = _median(turns)
            # forms: from the key to the window filled in and ready to type into
            for key, name in (("u", "form_update"), ("e", "form_edit"), ("n", "form_new")):
                opened = []
                for _ in range(3):
                    watch = Watch()
                    await pilot.press(key)
                    await _until(lambda: getattr(app.screen, "ready", False))
                    opened.append(watch.read())
                    app.screen.dismiss(None)
                    await quiet(app)
                out[name] = _median(opened)
        out["peak_mb"] = peak_memory_mb()
        return out

    return asyncio.run(run())


# -- the parent: build the database, run the children, print the figures -----------------------


def child_forms(db: Path, times: int) -> dict[str, Any]:
    """Only the forms (`--only forms`): each of `u`, `e` and `n` opened `times` times in the
    register, from the key to the window filled in and ready, and to the frame that shows it."""
    import asyncio

    from tracker.ui.app import create_app

    frames = Frames()

    async def quiet(app: Any) -> None:
        await app.workers.wait_for_complete()
        await asyncio.sleep(0.3)

    async def run() -> dict[str, Any]:
        app = create_app(_settings(db, False))
        out: dict[str, Any] = {}
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(lambda: getattr(app.made.get("dashboard"), "dashboard", None))
            await quiet(app)
            watch = Watch()
            await pilot.press("a")
            reg = app.made["register"]
            await _until(lambda r=reg: r.pages_shown > 0 and r is app.screen)
            out["register"] = list(watch.read())  # to the rows in the table (not the paint)
            # a person looks at the register for a few seconds before a key (the register makes
            # its windows in idle time meanwhile: tracker/ui/register/pool.py)
            watch = Watch()
            await asyncio.sleep(3.0)
            await quiet(app)
            out["idle_cpu"] = watch.read()[1]  # the windows made meanwhile (and the clock)
            for key, name in (("u", "form_update"), ("e", "form_edit"), ("n", "form_new")):
                opened, painted = [], []
                for _ in range(times):
                    watch = Watch()
                    await pilot.press(key)
                    await _until(lambda r=reg: app.screen is not r
                                 and getattr(app.screen, "ready", False))  # fmt: skip
                    opened.append(watch.read())
                    moment = time.time()
                    await asyncio.sleep(0.2)  # the frame that follows (if it came before the
                    # check saw `ready`, the last one before it already showed the window)
                    after = [f for f in frames.at if f[0] >= moment]
                    before = [f for f in frames.at if watch.epoch <= f[0] < moment]
                    painted.append(watch.to(after[0] if after else before[-1]))
                    app.screen.dismiss(None)
                    await quiet(app)
                out[name] = _median(opened)
                out[name + "_painted"] = _median(painted)
                out[name + "_first"] = list(painted[0])  # the first opening, to its frame
        return out

    return asyncio.run(run())


def child_screens(db: Path) -> dict[str, Any]:
    """Every registered screen opened from the dashboard (benchmarks/ui_screens.py)."""
    import asyncio

    from ui_screens import open_screens

    from tracker.ui.app import create_app

    frames = Frames()

    async def run() -> dict[str, Any]:
        app = create_app(_settings(db, False))
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(lambda: getattr(app.made.get("dashboard"), "dashboard", None))
            await asyncio.sleep(1.0)  # a person reads the dashboard for a moment
            await app.workers.wait_for_complete()
            return await open_screens(app, pilot, frames, Watch)

    return asyncio.run(run())


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


def _list_modules() -> None:
    """In a child, with BENCH_UI_MODULES set: the source file of every module loaded, there."""
    where = os.environ.get("BENCH_UI_MODULES")
    if where:
        files = (getattr(m, "__file__", None) for m in list(sys.modules.values()))
        Path(where).write_text(
            "\n".join(f for f in files if f and f.endswith(".py")), encoding="utf-8"
        )


def child(*args: str, env: dict[str, str] | None = None) -> tuple[float, dict[str, Any]]:
    """Run this script as a child; returns (wall time it started at, its figures)."""
    began = time.time()
    done = subprocess.run(
        [sys.executable, __file__, "--child", *args], cwd=ROOT, capture_output=True, text=True,
        check=False, env=env,
    )  # fmt: skip
    if done.returncode:
        raise RuntimeError(f"child {args} failed:\n{done.stderr[-3000:]}")
    return began, json.loads(done.stdout.strip().splitlines()[-1])


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
