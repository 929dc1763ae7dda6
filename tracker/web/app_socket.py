"""The app's websocket: one browser tab of a signed-in session, and the app process it drives.

The socket opens at once. If this server is already starting as many app processes as
`[serve] max_starting` allows, the tab waits its turn (tracker.web.starting), and its terminal
says so: "Starting the tracker… (2 ahead of you)". When its turn comes, the session is checked
again (it may have been signed out or timed out meanwhile), and only then is its one-time
ticket issued and its app process started: the ticket's life counts from the process's start,
however long the wait. The turn is given back when the app answers (tracker.web.app_process),
ends, or the browser leaves; at the latest after STARTING_MOST."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Collection
from functools import partial
from typing import TYPE_CHECKING

from aiohttp import WSMsgType, web

from tracker.web.app_process import TicketedApp
from tracker.web.requests import size
from tracker.web.starting import Slot, StartQueue

if TYPE_CHECKING:
    from tracker.services.accounts.websessions import WebSessionView
    from tracker.services.context import Tracker
    from tracker.web.server import TrackerServer

log = logging.getLogger("tracker.serve")

BODY_LIMIT = 64 * 1024  # bytes a message from the browser may have
STARTING_MOST = 120.0  # seconds an app process may hold its turn before the next one starts
STARTING = "Starting the tracker…"


def waiting_notice(ahead: int) -> str:
    return f"{STARTING} ({'you are next' if ahead == 0 else f'{ahead} ahead of you'})"


def notice(text: str) -> bytes:
    """A line for the tab's terminal, on a cleared screen (the app draws over it)."""
    return f"\x1b[H\x1b[2J\r\n  {text}\r\n".encode()


class Tab:
    """What the browser tab has said that its app needs: its terminal's size, kept from before
    there is an app; and the app, once started."""

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.height = height
        self.app: TicketedApp | None = None


async def read_browser(websocket: web.WebSocketResponse, tab: Tab) -> None:
    """Every message from the browser, until it closes: to the app once there is one. Before,
    the terminal's size is kept and pings answered; keys typed before the app exists are
    dropped (nothing is there to read them)."""
    async for message in websocket:
        if message.type != WSMsgType.TEXT:
            continue
        try:
            envelope = message.json()
        except ValueError:
            continue
        if not isinstance(envelope, list) or not envelope:
            continue
        kind, data = envelope[0], (envelope[1] if len(envelope) > 1 else None)
        app = tab.app
        if kind == "ping":
            await websocket.send_json(["pong", data])
        elif kind == "resize" and isinstance(data, dict):
            tab.width = size(str(data.get("width")), tab.width)
            tab.height = size(str(data.get("height")), tab.height)
            if app is not None:
                await app.set_terminal_size(tab.width, tab.height)
        elif app is None:
            continue
        elif kind == "stdin" and isinstance(data, str):
            await app.send_bytes(data.encode("utf-8"))
        elif kind == "blur":
            await app.blur()
        elif kind == "focus":
            await app.focus()


async def wait_turn(
    queue: StartQueue, websocket: web.WebSocketResponse, reader: asyncio.Task[None]
) -> tuple[Slot | None, int | None]:
    """This tab's turn to start an app process (None if the browser left first), and how many
    were ahead of it when it joined the line (None: it had not to wait)."""
    first: list[int] = []

    async def told(ahead: int) -> None:
        first.append(ahead)
        with contextlib.suppress(Exception):  # the browser has gone: the reader sees to it
            await websocket.send_bytes(notice(waiting_notice(ahead)))

    turn = asyncio.ensure_future(queue.turn(told))
    try:
        await asyncio.wait({turn, reader}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        if not turn.done():
            turn.cancel()  # the browser left: out of the line
            with contextlib.suppress(asyncio.CancelledError):
                await turn
    ahead = first[0] if first else None
    if turn.cancelled():
        return None, ahead
    slot = turn.result()
    if reader.done():  # left in the moment the turn came
        slot.release()
        return None, ahead
    return slot, ahead


async def run_tab(
    server: TrackerServer, request: web.Request, session: WebSessionView
) -> web.WebSocketResponse:
    """The websocket of a signed-in session's tab (its origin already checked)."""
    websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=BODY_LIMIT)
    tab = Tab(size(request.query.get("width"), 80), size(request.query.get("height"), 24))
    await websocket.prepare(request)
    reader = asyncio.create_task(read_browser(websocket, tab))
    login = session.account.login
    slot: Slot | None = None
    app: TicketedApp | None = None
    began = time.monotonic()
    try:
        slot, ahead = await wait_turn(server.starting, websocket, reader)
        if slot is None:
            log.info("%r left before their turn to start an app process", login)
            return websocket
        waited = time.monotonic() - began
        with contextlib.suppress(Exception):  # gone meanwhile: the reader ends, and so do we
            await websocket.send_bytes(notice(STARTING))
        ticket = await _ticket_for(server, session, websocket)
        if ticket is None:
            return websocket
        app = TicketedApp(
            server.argv,
            ticket,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=server.download_manager,
            on_activity=partial(server.running.touch, session.key),
            on_answer=slot.release,
        )
        server.running.add(session.key, app)
        width, height = tab.width, tab.height
        await app.start(width, height)
        tab.app = app
        if (tab.width, tab.height) != (width, height):  # resized while it was starting
            await app.set_terminal_size(tab.width, tab.height)
        asyncio.get_running_loop().call_later(STARTING_MOST, _overdue, slot, app)
        log.info("app process %s started for %r%s", app.pid, login,
                 f" after waiting {waited:.1f} s ({ahead} ahead)" if ahead is not None else "")  # fmt: skip
        await reader
        if app.answered_after is not None:
            log.info("app process %s for %r had answered %.1f s after it started",
                     app.pid, login, app.answered_after)  # fmt: skip
    except asyncio.CancelledError:
        pass
    except Exception:
        log.exception("the app process for %r failed", login)
    finally:
        reader.cancel()
        if slot is not None:
            slot.release()
        if app is not None:
            server.running.discard(session.key, app)
            await app.end()
        with contextlib.suppress(Exception):
            await websocket.close()
    return websocket


async def _ticket_for(
    server: TrackerServer, session: WebSessionView, websocket: web.WebSocketResponse
) -> str | None:
    """A one-time ticket for the session's account, if the session is still live (it may
    have ended during the wait); opening the app is activity, on every server."""
    from tracker.errors import TrackerError

    login = session.account.login
    try:
        gone = await server._in_thread(
            refresh_sessions, server.tracker, [session.key], [session.key]
        )
        if session.key in gone:
            log.info("no app for %r: the session ended while it waited its turn", login)
            await websocket.send_bytes(notice("Your session has ended: sign in again."))
            return None
        ticket: str = await server._in_thread(_issue_ticket, server.tracker, session.account.id)
        return ticket
    except TrackerError as refused:  # disabled since signing in, or no database
        log.warning("no app for %r: %s", login, refused)
        await server._end_apps(session.key)
        with contextlib.suppress(Exception):
            await websocket.send_bytes(notice(f"No app: {refused}"))
        return None


def _overdue(slot: Slot, app: TicketedApp) -> None:
    if slot.held:
        log.warning("app process %s has not answered in %.0f s: the next one starts anyway",
                    app.pid, STARTING_MOST)  # fmt: skip
        slot.release()


def refresh_sessions(
    t: Tracker, active: Collection[str], running: Collection[str]
) -> frozenset[str]:
    from tracker.services.accounts.websessions import refresh_web_sessions

    return refresh_web_sessions(t, active, running)


def _issue_ticket(t: Tracker, account_id: int) -> str:
    from tracker.services.accounts import issue_ticket

    return issue_ticket(t, account_id)
