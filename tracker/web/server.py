"""textual-serve's Server, with sign-in in front of it.

What is added to textual-serve (which runs the app command as a process per websocket):
- `/sign-in` (GET: the form; POST: the account's login and password, checked by
  `tracker.services.accounts.sign_in`, which throttles repeated failures). No app process starts
  before a sign-in has succeeded.
- a session cookie (HttpOnly, SameSite=Strict, Secure when the public URL is https) naming a
  session kept here, in memory (`tracker.web.sessions`), which ends after `serve.idle_minutes`
  without a keystroke or `serve.max_hours` after sign-in, and at `/sign-out`;
- each app process starts with a one-time ticket for the session's account in TRACKER_TICKET
  (`tracker app` redeems it), so no part of what the browser sends names the user;
- every POST and the websocket must come from the tracker's own origin (Origin, else Referer),
  and each form carries a token its cookie or session must match.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from aiohttp import web
from textual_serve.server import Server

from tracker.web.app_process import TicketedApp
from tracker.web.requests import HEADERS, field, origin_of, same_origin, size, source_of
from tracker.web.sessions import Limits, Session, Sessions, TooManySessions, new_token, same_token

if TYPE_CHECKING:
    from tracker.config import Settings
    from tracker.services.context import Tracker

log = logging.getLogger("tracker.serve")

SESSION_COOKIE = "tracker_session"
SIGN_IN_COOKIE = "tracker_sign_in"  # the sign-in form's token, before there is a session
LONGEST_LOGIN = 200  # characters; the form refuses more before any database work
LONGEST_PASSWORD = 1024
BODY_LIMIT = 64 * 1024  # bytes a request body may have (a sign-in form is far smaller)
SWEEP_SECONDS = 5.0  # how often expired sessions are looked for, at most
WHY = {  # ?why= on the sign-in page: one of these fixed messages, nothing the URL can word
    "signed-out": "You have signed out.",
    "ended": "Your session has ended (signed out, timed out or the server restarted). "
    "Sign in again.",
}
TEMPLATES = Path(__file__).resolve().parent / "templates"


class TrackerServer(Server):
    """The tracker's app for browsers, one app process per signed-in browser tab."""

    def __init__(
        self,
        settings: Settings,
        tracker: Tracker,
        *,
        host: str = "127.0.0.1",
        port: int = 8000,
        public_url: str | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        command = [sys.executable, "-m", "tracker"]
        if settings.source is not None:
            command += ["--config", str(settings.source.resolve())]
        command.append("app")
        super().__init__(
            " ".join(command), host=host, port=port, title="tracker", public_url=public_url
        )
        self.public_url = self.public_url.rstrip("/")
        self.argv = command
        self.settings = settings
        self.tracker = tracker
        self.origin = origin_of(self.public_url)
        self.secure = self.public_url.startswith("https://")
        serve = settings.serve
        self.sessions = Sessions(
            Limits(serve.idle_minutes * 60, serve.max_hours * 3600, serve.max_sessions), clock
        )
        self.pages = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
        )
        self._sweeper: asyncio.Task[None] | None = None

    def initialize_logging(self) -> None:
        """Plain lines on standard error, one per event, for a service's journal."""
        logging.basicConfig(
            level=logging.DEBUG if self.debug else logging.INFO,
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
            stream=sys.stderr,
        )

    # -- the aiohttp application --------------------------------------------------------------

    async def _make_app(self) -> web.Application:
        app = web.Application(client_max_size=BODY_LIMIT)
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/sign-in", self.handle_sign_in_page, name="sign_in"),
                web.post("/sign-in", self.handle_sign_in),
                web.post("/sign-out", self.handle_sign_out, name="sign_out"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, name="static"),
            ]
        )
        app.on_response_prepare.append(self._add_headers)
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def _add_headers(self, request: web.Request, response: web.StreamResponse) -> None:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)

    async def on_startup(self, app: web.Application) -> None:
        self.console.print(f"tracker serve: {self.public_url} (Ctrl+C stops it)", highlight=False)
        self._sweeper = asyncio.create_task(self._sweep())

    async def on_shutdown(self, app: web.Application) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
        for session in self.sessions.all():
            self.sessions.end(session.id)
            await self._end_apps(session)

    async def _sweep(self) -> None:
        """End expired sessions and their app processes, whether or not a browser asks."""
        limits = self.sessions.limits
        every = max(0.5, min(SWEEP_SECONDS, limits.idle_seconds / 4))
        while True:
            await asyncio.sleep(every)
            for session in self.sessions.expired():
                log.info("session of %r ended: its time was up", session.login)
                await self._end_apps(session)

    async def _end_apps(self, session: Session) -> None:
        apps = list(session.apps)
        session.apps.clear()
        await asyncio.gather(*(app.end() for app in apps), return_exceptions=True)

    # -- pages ----------------------------------------------------------------------------------

    def url(self, path: str) -> str:
        return f"{self.public_url}{path}"

    def page(self, name: str, status: int = 200, **context: Any) -> web.Response:
        html = self.pages.get_template(name).render(url=self.url, **context)
        return web.Response(text=html, status=status, content_type="text/html", charset="utf-8")

    def session_of(self, request: web.Request) -> Session | None:
        return self.sessions.get(request.cookies.get(SESSION_COOKIE))

    def _cookie(self, response: web.StreamResponse, name: str, value: str, max_age: int) -> None:
        response.set_cookie(
            name, value, max_age=max_age, path="/", httponly=True, samesite="Strict",
            secure=self.secure,
        )  # fmt: skip

    def _forget(self, response: web.StreamResponse, name: str) -> None:
        response.del_cookie(name, path="/", secure=self.secure, httponly=True, samesite="Strict")

    def source_of(self, request: web.Request) -> str:
        """The browser's address ([serve] trusted_proxies: from X-Forwarded-For)."""
        return source_of(request, self.settings.serve.trusted_proxies)

    def same_origin(self, request: web.Request) -> bool:
        return same_origin(request, self.origin)

    def cross_site(self, request: web.Request, what: str) -> web.Response:
        log.warning(
            "%s refused from %s: not from the tracker's own page (Origin %r, Referer %r)",
            what, self.source_of(request), request.headers.get("Origin"),
            request.headers.get("Referer"),
        )  # fmt: skip
        return self.page(
            "refused.html.j2",
            status=403,
            message=f"{what} refused: the request did not come from the tracker's own page "
            "(a cross-site request, or the page was too old). Open the tracker and try again.",
        )

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        session = self.session_of(request)
        if session is None:
            why = "?why=ended" if SESSION_COOKIE in request.cookies else ""
            raise web.HTTPSeeOther(self.url(f"/sign-in{why}"))
        ws = "wss:" if self.secure else "ws:"
        return self.page(
            "app.html.j2",
            session=session,
            websocket_url=ws + self.url("/ws").split(":", 1)[1],
            static_url=self.url("/static/"),
        )

    def _sign_in_form(
        self, request: web.Request, message: str = "", login: str = "", status: int = 200
    ) -> web.Response:
        token = request.cookies.get(SIGN_IN_COOKIE) or ""
        if len(token) < 40:
            token = new_token()
        response = self.page("sign_in.html.j2", status=status, token=token, message=message,
                             login=login)  # fmt: skip
        self._cookie(response, SIGN_IN_COOKIE, token, max_age=3600)
        return response

    async def handle_sign_in_page(self, request: web.Request) -> web.StreamResponse:
        if self.session_of(request) is not None:
            raise web.HTTPSeeOther(self.url("/"))
        return self._sign_in_form(request, WHY.get(request.query.get("why", ""), ""))

    async def handle_sign_in(self, request: web.Request) -> web.StreamResponse:
        if not self.same_origin(request):
            return self.cross_site(request, "Sign-in")
        form = await request.post()
        if not same_token(field(form, "token"), request.cookies.get(SIGN_IN_COOKIE) or "\0"):
            return self.cross_site(request, "Sign-in")
        login = field(form, "login") or ""
        password = field(form, "password") or ""
        source = self.source_of(request)
        shown = login[:LONGEST_LOGIN]
        if not login.strip() or not password:
            return self._sign_in_form(request, "Give your login and your password.", shown, 400)
        if len(login) > LONGEST_LOGIN or len(password) > LONGEST_PASSWORD:
            log.warning("sign-in refused for %r from %s: over-long login or password",
                        login[:40], source)  # fmt: skip
            return self._sign_in_form(
                request,
                f"A login has at most {LONGEST_LOGIN} characters and a password at most "
                f"{LONGEST_PASSWORD}.",
                "",
                400,
            )
        from tracker.errors import SignInRefused, TrackerError

        try:
            account = await self._in_thread(_sign_in, self.tracker, login, password, source)
        except SignInRefused as refused:  # logged by sign_in, which also throttles
            return self._sign_in_form(request, str(refused), shown, 401)
        except TrackerError as problem:  # the database cannot be reached, say
            log.error("sign-in of %r from %s failed: %s", login, source, problem)
            return self._sign_in_form(request, f"Sign-in failed: {problem}", shown, 503)
        try:
            session = self.sessions.start(account.id, account.login, account.display_name)
        except TooManySessions as full:
            log.warning("sign-in of %r from %s refused: %s", login, source, full)
            return self._sign_in_form(request, str(full).capitalize() + ".", shown, 503)
        response = web.HTTPSeeOther(self.url("/"))
        limit = int(self.sessions.limits.max_seconds)
        self._cookie(response, SESSION_COOKIE, session.id, max_age=max(limit, 60))
        self._forget(response, SIGN_IN_COOKIE)
        return response

    async def handle_sign_out(self, request: web.Request) -> web.StreamResponse:
        if not self.same_origin(request):
            return self.cross_site(request, "Sign-out")
        form = await request.post()
        session = self.session_of(request)
        if session is not None:
            if not same_token(field(form, "token"), session.csrf):
                return self.cross_site(request, "Sign-out")
            self.sessions.end(session.id)
            await self._end_apps(session)
            log.info("signed out: %r", session.login)
        response = web.HTTPSeeOther(self.url("/sign-in?why=signed-out"))
        self._forget(response, SESSION_COOKIE)
        return response

    # -- the app process ------------------------------------------------------------------------

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """An app process for a signed-in session, started with a one-time ticket."""
        session = self.session_of(request)
        if session is None:
            raise web.HTTPForbidden(text="sign in first")
        if not self.same_origin(request):
            self.cross_site(request, "The app's connection")
            raise web.HTTPForbidden(text="not from the tracker's own page")
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=BODY_LIMIT)
        width = size(request.query.get("width"), 80)
        height = size(request.query.get("height"), 24)
        from tracker.errors import TrackerError

        try:
            ticket = await self._in_thread(_issue_ticket, self.tracker, session.account_id)
        except TrackerError as refused:  # disabled since signing in, or no database
            log.warning("no app for %r: %s", session.login, refused)
            self.sessions.end(session.id)
            await self._end_apps(session)
            raise web.HTTPForbidden(text=f"{refused}") from None
        await websocket.prepare(request)
        app = TicketedApp(
            self.argv,
            ticket,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
            on_activity=partial(self.sessions.touch, session),
        )
        if self.sessions.get(session.id) is None:  # ended while the ticket was issued
            await websocket.close()
            return websocket
        session.apps.add(app)
        try:
            await app.start(width, height)
            log.info("app process %s started for %r", app.pid, session.login)
            await self._process_messages(websocket, app)
        except asyncio.CancelledError:
            pass
        except Exception:
            log.exception("the app process for %r failed", session.login)
        finally:
            session.apps.discard(app)
            await app.end()
            with contextlib.suppress(Exception):
                await websocket.close()
        return websocket

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        """A file the app delivers, to the session whose app delivers it only."""
        session = self.session_of(request)
        if session is None:
            raise web.HTTPForbidden(text="sign in first")
        try:
            meta = await self.download_manager.get_download_metadata(request.match_info["key"])
        except KeyError:
            raise web.HTTPNotFound(text="no such download") from None
        if meta.app_service not in session.apps:
            raise web.HTTPNotFound(text="no such download")
        return await super().handle_download(request)

    async def _in_thread(self, work: Callable[..., Any], *args: Any) -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, partial(work, *args))


def _sign_in(t: Tracker, login: str, password: str, source: str) -> Any:
    from tracker.services.accounts import sign_in

    return sign_in(t, login, password, source=source)


def _issue_ticket(t: Tracker, account_id: int) -> str:
    from tracker.services.accounts import issue_ticket

    return issue_ticket(t, account_id)
