"""`bench_serve.py`'s browser session: what one person's browser does, over the same protocol as
the real one (the sign-in page, the login POST with its token and Origin, the app's websocket
with the session cookie, keys sent as "stdin" messages), with the screen it is sent played into a
terminal emulator (pyte, Screen). On its own action it records status updates through the
update window, and notes what it met in its Result.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import pyte
from serve_processes import cpu_seconds, pid_of

PASSWORD = "bench password, long enough"
DASHBOARD = "Early Help Strategy"
SIZE = (120, 40)
ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


@dataclass
class Result:
    login: str
    ref: str
    to_dashboard: float = 0.0
    saved: int = 0
    retries: int = 0  # update windows closed and opened again (the focus was lost)
    notices_missed: int = 0  # saves whose "recorded" notice never showed within 30 s
    ref_row: int = 0  # the action's row in the register (sorted by ref)
    errors: list[str] = field(default_factory=list)
    pid: int | None = None
    start_cpu: float = 0.0  # CPU seconds of its app process when the dashboard showed
    work_cpu: float = 0.0  # and from then until its last update was saved


class Screen:
    def __init__(self) -> None:
        self.screen = pyte.Screen(*SIZE)
        self.stream = pyte.ByteStream(self.screen)
        self.changed = asyncio.Event()
        self.recent = ""

    def feed(self, data: bytes) -> None:
        self.stream.feed(data)
        # the text as sent, escape sequences taken out: a check that does not depend on the
        # emulator placing every partial repaint right
        plain = ESCAPES.sub("", data.decode("utf-8", "replace"))
        self.recent = (self.recent + plain)[-65536:]
        self.changed.set()

    async def quiet(self, seconds: float, at_most: float) -> None:
        """Wait until nothing has been drawn for `seconds` (at most `at_most`): an update window
        for an action the register has read shows its headline before its own read, whose end
        puts the focus back on the first field."""
        deadline = time.monotonic() + at_most
        while time.monotonic() < deadline:
            self.changed.clear()
            try:
                await asyncio.wait_for(self.changed.wait(), seconds)
            except TimeoutError:
                return

    def text(self) -> str:
        return "\n".join(self.screen.display)

    async def wait(self, test: object, timeout: float, what: str) -> None:
        assert callable(test)
        deadline = time.monotonic() + timeout
        while not test(self.text()):
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(what)
            self.changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.changed.wait(), min(left, 1.0))


def border_colours(screen: Screen) -> list[list[str]]:
    """Per row of field borders (the ▔ line above each field), each field's border colour:
    the focused field's differs from the rest."""
    rows = []
    for y in range(screen.screen.lines):
        line = screen.screen.buffer[y]
        colours: list[str] = []
        x = 0
        while x < screen.screen.columns:
            if line[x].data == "▔":
                colours.append(line[x].fg)
                while x < screen.screen.columns and line[x].data == "▔":
                    x += 1
            x += 1
        if colours:
            rows.append(colours)
    return rows


async def to_commentary(screen: Screen, keys: object) -> None:
    """Tab to the commentary, one tab at a time, each time waiting to see the focus move (on
    a busy machine a repaint can take seconds; a tab sent before the last one shows would
    skip past the commentary)."""
    assert callable(keys)

    def there(rows: list[list[str]]) -> bool:  # the commentary's border unlike the 3 above
        return len(rows) >= 2 and len(rows[0]) == 3 and rows[1][0] not in rows[0]

    for _ in range(6):
        before = border_colours(screen)
        if there(before):
            return
        await keys("\t")
        deadline = time.monotonic() + 15
        while border_colours(screen) == before and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
    if not there(border_colours(screen)):
        raise TimeoutError("the focus to reach the commentary")


class Barrier:
    """Sessions that have finished their updates wait here, idle, until all have."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.all_done = asyncio.Event()
        self.go = asyncio.Event()

    async def arrive(self) -> None:
        self.count -= 1
        if self.count <= 0:
            self.all_done.set()
        await self.go.wait()


async def session(base: str, login: str, ref: str, updates: int, result: Result,
                  delay: float = 0.0, think: float = 0.0, log: Path | None = None,
                  barrier: Barrier | None = None) -> None:  # fmt: skip
    try:
        await _session(base, login, ref, updates, result, delay, think, log, barrier)
    finally:
        if barrier is not None and not barrier.go.is_set():
            await barrier.arrive()  # (a session that failed early still counts itself)


async def _session(base: str, login: str, ref: str, updates: int, result: Result,
                   delay: float, think: float, log: Path | None,
                   barrier: Barrier | None) -> None:  # fmt: skip
    await asyncio.sleep(delay)
    jar = aiohttp.CookieJar(unsafe=True)  # cookies from 127.0.0.1
    origin = {"Origin": base}
    async with aiohttp.ClientSession(cookie_jar=jar) as http:
        page = await (await http.get(f"{base}/sign-in")).text()
        token = re.search(r'name="token" value="([^"]+)"', page)
        assert token, "no token on the sign-in page"
        started = time.monotonic()
        response = await http.post(
            f"{base}/sign-in",
            data={"token": token.group(1), "login": login, "password": PASSWORD},
            headers=origin,
            allow_redirects=False,
        )
        if response.status != 303:
            result.errors.append(f"sign-in answered {response.status}")
            return
        ws_url = base.replace("http", "ws", 1) + f"/ws?width={SIZE[0]}&height={SIZE[1]}"
        async with http.ws_connect(ws_url, headers=origin, max_msg_size=0) as ws:
            screen = Screen()

            async def receive() -> None:
                async for message in ws:
                    if message.type == aiohttp.WSMsgType.BINARY:
                        screen.feed(message.data)

            reader = asyncio.create_task(receive())

            async def keys(*typed: str, pause: float = 0.05) -> None:
                for key in typed:
                    await ws.send_str(json.dumps(["stdin", key]))
                    await asyncio.sleep(pause)

            await ws.send_str(json.dumps(["resize", {"width": SIZE[0], "height": SIZE[1]}]))
            try:
                await screen.wait(lambda s: DASHBOARD in s, 900, "the dashboard")
                result.to_dashboard = time.monotonic() - started
                result.pid = pid_of(log, login) if log is not None else None
                if result.pid is not None:
                    result.start_cpu = cpu_seconds(result.pid)
                await keys("a")
                await screen.wait(lambda s: "Action register" in s and "P1-01" in s, 60,
                                  "the register")  # fmt: skip
                row = int(result.ref_row)
                await keys(*(["\x1b[B"] * row), pause=0.1)  # down to the session's own action
                await screen.wait(lambda s: f"╭─ {ref}  version" in s, 60, f"{ref} selected")
                for n in range(updates):
                    for _attempt in range(3):  # a window opened while the register was still
                        await keys("u")  # refreshing after the last save can lose its focus:
                        await screen.wait(  # close it (nothing typed) and open it again
                            lambda s: "Record a status update" in s and " Now " in s,
                            60, "the update window",
                        )  # fmt: skip
                        await screen.quiet(1.0, 20)  # the window has read the action
                        try:
                            await to_commentary(screen, keys)
                            break
                        except TimeoutError:
                            result.retries += 1
                            await keys("\x1b")
                            await screen.wait(lambda s: "Record a status update" not in s, 30,
                                              "the window to close")  # fmt: skip
                            await asyncio.sleep(1.0)
                    else:
                        raise TimeoutError("the focus to reach the commentary, three times")
                    note = f"bench {login} update {n + 1}"
                    await ws.send_str(json.dumps(["stdin", note]))
                    await screen.wait(lambda s, note=note: note in s or note in screen.recent,
                                      30, "the typed note")  # fmt: skip
                    screen.recent = ""  # from here on: what the save brings
                    await keys("\x13")  # ctrl+s
                    await screen.wait(lambda s: "Record a status update" not in s, 60,
                                      "the window to close (saved)")  # fmt: skip
                    result.saved += 1
                    said = f"Status update recorded for {ref}"
                    # in the text as sent, too: the notice can come and go within one batch of
                    # messages. On a starved machine the app may not draw it at all (Textual's
                    # notices last 5 s from when they are made): counted, not an error; the
                    # database says whether the update was kept
                    try:
                        await screen.wait(lambda s, said=said: said in s or said in screen.recent,
                                          30, "the saved notice")  # fmt: skip
                    except TimeoutError:
                        result.notices_missed += 1
                    await asyncio.sleep(think)  # a person reads the notice before the next
                if result.pid is not None:
                    result.work_cpu = cpu_seconds(result.pid) - result.start_cpu
                if barrier is not None:
                    await barrier.arrive()  # idle on the register until all are done
            except TimeoutError as waited:
                shown = screen.text()
                result.errors.append(f"timed out waiting for {waited}; screen:\n{shown}")
            finally:
                await keys("q")
                reader.cancel()
