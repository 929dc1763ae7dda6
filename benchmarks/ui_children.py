"""`bench_ui.py`'s children: what runs inside each measured process, a fresh interpreter each
(`bench_ui.py --child KIND ...`): the minimal Textual app, the app's launch, the interaction run
(register, search, cursor, forms), the forms alone and the screens (ui_screens.py), and what they
time with: the painted frames (Frames), a stopwatch of wall and CPU time (Watch), the peak memory.
Each returns its figures as a dict, which bench_ui.py prints as JSON for the parent.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from ui_setup import TODAY

SEARCH = "roadmap"  # in about 1 title in 22 (generate.OBJECTS)


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


def _list_modules() -> None:
    """In a child, with BENCH_UI_MODULES set: the source file of every module loaded, there."""
    where = os.environ.get("BENCH_UI_MODULES")
    if where:
        files = (getattr(m, "__file__", None) for m in list(sys.modules.values()))
        Path(where).write_text(
            "\n".join(f for f in files if f and f.endswith(".py")), encoding="utf-8"
        )
