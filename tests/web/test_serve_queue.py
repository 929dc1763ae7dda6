"""More sign-ins at once than `[serve] max_starting`: nobody is refused and nobody fails; the
tabs beyond the limit wait their turn, their terminal saying how many are ahead, and each
reaches the dashboard with a one-time ticket issued when its own app process starts. The
app's websocket as the page opens it (aiohttp), its screen played into a terminal emulator."""

from __future__ import annotations

import asyncio
import re
import time

import aiohttp
import pyte
import pytest
from test_shared_sessions import PUBLIC, sign_in

pytestmark = pytest.mark.slow

DASHBOARD = "Early Help Strategy"
ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


class Tab:
    """One browser tab's app: its screen, and every line of text it was sent (the notices
    a later screen draws over)."""

    def __init__(self) -> None:
        self.screen = pyte.Screen(100, 30)
        self.stream = pyte.ByteStream(self.screen)
        self.sent = ""

    def feed(self, data: bytes) -> None:
        self.stream.feed(data)
        self.sent += ESCAPES.sub("", data.decode("utf-8", "replace"))

    def shows(self, text: str) -> bool:
        return any(text in line for line in self.screen.display)


async def open_tabs(url: str, sessions: list[str], timeout: float = 240.0) -> list[Tab]:
    """Each session's tab opened in turn (as three people press Sign in a moment apart), then
    all watched until each shows the dashboard."""
    tabs = [Tab() for _ in sessions]
    async with aiohttp.ClientSession() as client:
        sockets = []
        for session in sessions:
            ws = await client.ws_connect(
                "ws" + url.removeprefix("http") + "/ws?width=100&height=30",
                headers={"Origin": PUBLIC, "Cookie": f"tracker_session={session}"},
                max_msg_size=0,
            )
            sockets.append(ws)

        async def watch(ws: aiohttp.ClientWebSocketResponse, tab: Tab) -> None:
            deadline = time.monotonic() + timeout
            while not tab.shows(DASHBOARD) and time.monotonic() < deadline:
                try:
                    message = await ws.receive(timeout=max(0.1, deadline - time.monotonic()))
                except TimeoutError:
                    return
                if message.type != aiohttp.WSMsgType.BINARY:
                    return
                tab.feed(message.data)

        await asyncio.gather(*(watch(ws, tab) for ws, tab in zip(sockets, tabs, strict=True)))
        for ws in sockets:
            await ws.close()
    return tabs


def test_one_start_at_a_time_three_sign_ins_all_reach_the_dashboard(serve) -> None:
    served = serve(serve_settings="max_starting = 1", public_url=PUBLIC)
    signed_in = [sign_in(served.url, login) for login in ("pat", "alex", "pat")]
    assert [status for status, _ in signed_in] == [303, 303, 303]
    sessions = [session for _, session in signed_in if session]

    first, second, third = asyncio.run(open_tabs(served.url, sessions))

    for tab in (first, second, third):
        assert tab.shows(DASHBOARD), "\n".join(tab.screen.display)
    assert "ahead of you" not in first.sent and "you are next" not in first.sent
    assert "Starting the tracker… (you are next)" in second.sent
    # the third is told it waits behind one, then that it is next
    told = third.sent
    assert "Starting the tracker… (1 ahead of you)" in told
    assert told.index("(1 ahead of you)") < told.index("(you are next)")
    log = served.log_text()
    assert len(re.findall(r"app process \d+ started for '\w+' after waiting", log)) == 2
    assert "ticket refused" not in log and " ERROR " not in log
