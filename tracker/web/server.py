"""textual-serve's Server, with sign-in in front of it.

What is added to textual-serve (which runs the app command as a process per websocket):
- `/sign-in` (GET: the form; POST: the account's login and password, checked by
  `tracker.services.accounts.sign_in`, which throttles repeated failures). No app process starts
  before a sign-in has succeeded.
- a session cookie (HttpOnly, SameSite=Strict, Secure when the public URL is https) naming a
  session kept in the database (`tracker.services.accounts.websessions`), which ends after
  `serve.idle_minutes` without a keystroke or `serve.max_hours` after sign-in, and at
  `/sign-out`. A restart keeps it, and every server on the same database accepts it, so a
  proxy may send each request to any of them (no sticky sessions);
- each app process starts with a one-time ticket for the session's account in TRACKER_TICKET
  (`tracker app` redeems it), so no part of what the browser sends names the user; at most
  `serve.max_starting` start at once, the rest wait their turn (tracker.web.app_socket);
- every POST and the websocket must come from the tracker's own origin (Origin, else Referer),
  and each form carries a token its cookie or session must match.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from aiohttp import web
from textual_serve.server import Server

from tracker.web.app_socket import refresh_sessions, run_tab
from tracker.web.requests import HEADERS, field, origin_of, same_origin, source_of
from tracker.web.sessions import Running, new_token, same_token
from tracker.web.starting import StartQueue

if TYPE_CHECKING:
    from tracker.config import Settings
    from tracker.services.accounts.websessions import (
        BrowserSignIn,
        SessionLimits,
        WebSessionView,
    )
    from tracker.services.context import Tracker

log = logging.getLogger("tracker.serve")

SESSION_COOKIE = "tracker_session"
SIGN_IN_COOKIE = "tracker_sign_in"  # the sign-in form's token, before there is a session
LONGEST_LOGIN = 200  # characters; the form refuses more before any database work
LONGEST_PASSWORD = 1024
BODY_LIMIT = 64 * 1024  # bytes a request body may have (a sign-in form is far smaller)
SWEEP_SECONDS = 5.0  # how often the database hears of activity and ended sessions, at most
WHY = {  # ?why= on the sign-in page: one of these fixed messages, nothing the URL can word
    "signed-out": "You have signed out.",
    "ended": "Your session has ended (signed out or timed out). Sign in again.",
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
        from tracker.services.accounts.websessions import SessionLimits

        serve = settings.serve
        self.limits = SessionLimits(
            idle_seconds=max(1, round(serve.idle_minutes * 60)),
            max_seconds=max(1, round(serve.max_hours * 3600)),
            max_sessions=serve.max_sessions,
        )
        self.running = Running()  # the app processes run here, by session
        self.starting = StartQueue(serve.starting_at_once())  # at most so many start at once
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
        """The app processes stop with the server; the sessions do not (they are in the
        database): a browser that reconnects, here after a restart or to another server on
        the same database, gets a new app process without signing in again."""
        if self._sweeper is not None:
            self._sweeper.cancel()
        await asyncio.gather(*(self._end_apps(key) for key in self.running.sessions()))

    async def _sweep(self) -> None:
        """Tell the database which sessions had activity, and end the app processes of
        sessions that have ended (timed out, or signed out on any server)."""
        every = max(0.5, min(SWEEP_SECONDS, self.limits.idle_seconds / 4))
        while True:
            await asyncio.sleep(every)
            try:
                await self.refresh()
            except Exception:  # logged; the sweeper goes on, or no session would ever end
                log.exception("sessions not refreshed")

    async def refresh(self) -> None:
        active, running = self.running.take_active(), self.running.sessions()
        if not active and not running:
            return
        from tracker.errors import TrackerError

        try:
            gone = await self._in_thread(refresh_sessions, self.tracker, active, running)
        except TrackerError as problem:  # the database cannot be reached: try again next time
            log.error("sessions not refreshed: %s", problem)
            self.running.touch(*active)  # told next time
            return
        for key in gone:
            log.info("session %s ended (timed out, signed out or its account disabled): "
                     "its app processes end", key[:8])  # fmt: skip
            await self._end_apps(key)

    async def _end_apps(self, key: str) -> None:
        apps = self.running.pop(key)
        await asyncio.gather(*(app.end() for app in apps), return_exceptions=True)

    # -- pages ----------------------------------------------------------------------------------

    def url(self, path: str) -> str:
        return f"{self.public_url}{path}"

    def page(self, name: str, status: int = 200, **context: Any) -> web.Response:
        html = self.pages.get_template(name).render(url=self.url, **context)
        return web.Response(text=html, status=status, content_type="text/html", charset="utf-8")

    async def session_of(self, request: web.Request) -> WebSessionView | None:
        """The live session the request's cookie names (looked up in the database)."""
        token = request.cookies.get(SESSION_COOKIE)
        if not token:
            return None
        found: WebSessionView | None = await self._in_thread(_find, self.tracker, token)
        return found

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
        session = await self.session_of(request)
        if session is None:
            why = ""
            if SESSION_COOKIE in request.cookies:
                why = "?why=ended"
                log.info("a session cookie from %s names no live session (signed out, timed "
                         "out or forged): sent to sign in", self.source_of(request))  # fmt: skip
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
        if await self.session_of(request) is not None:
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
        from tracker.errors import SignInRefused, TooManySessions, TrackerError

        try:
            started: BrowserSignIn = await self._in_thread(
                _start, self.tracker, login, password, source, self.limits
            )
        except SignInRefused as refused:  # logged and stored by the service, which throttles
            return self._sign_in_form(request, str(refused), shown, 401)
        except TooManySessions as full:
            log.warning("sign-in of %r from %s refused: %s", login[:40], source, full)
            return self._sign_in_form(request, str(full).capitalize() + ".", shown, 503)
        except TrackerError as problem:  # the database cannot be reached, say
            log.error("sign-in of %r from %s failed: %s", login[:40], source, problem)
            return self._sign_in_form(request, f"Sign-in failed: {problem}", shown, 503)
        response = web.HTTPSeeOther(self.url("/"))
        self._cookie(response, SESSION_COOKIE, started.token,
                     max_age=max(self.limits.max_seconds, 60))  # fmt: skip
        self._forget(response, SIGN_IN_COOKIE)
        return response

    async def handle_sign_out(self, request: web.Request) -> web.StreamResponse:
        if not self.same_origin(request):
            return self.cross_site(request, "Sign-out")
        form = await request.post()
        session = await self.session_of(request)
        if session is not None:
            if not same_token(field(form, "token"), session.form_token):
                return self.cross_site(request, "Sign-out")
            token = request.cookies.get(SESSION_COOKIE)
            await self._in_thread(_end, self.tracker, token)  # every server: gone
            await self._end_apps(session.key)  # this server's app processes, at once
            log.info("signed out: %r", session.account.login)
        response = web.HTTPSeeOther(self.url("/sign-in?why=signed-out"))
        self._forget(response, SESSION_COOKIE)
        return response

    # -- the app process ------------------------------------------------------------------------

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """An app process for a signed-in session, started with a one-time ticket."""
        session = await self.session_of(request)
        if session is None:
            log.warning("the app's connection refused from %s: not signed in",
                        self.source_of(request))  # fmt: skip
            raise web.HTTPForbidden(text="sign in first")
        if not self.same_origin(request):
            self.cross_site(request, "The app's connection")
            raise web.HTTPForbidden(text="not from the tracker's own page")
        return await run_tab(self, request, session)

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        """A file the app delivers, to the session whose app delivers it only."""
        session = await self.session_of(request)
        if session is None:
            raise web.HTTPForbidden(text="sign in first")
        try:
            meta = await self.download_manager.get_download_metadata(request.match_info["key"])
        except KeyError:
            raise web.HTTPNotFound(text="no such download") from None
        if meta.app_service not in self.running.of(session.key):
            raise web.HTTPNotFound(text="no such download")
        return await super().handle_download(request)

    async def _in_thread(self, work: Callable[..., Any], *args: Any) -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, partial(work, *args))


def _start(
    t: Tracker, login: str, password: str, source: str, limits: SessionLimits
) -> BrowserSignIn:
    from tracker.services.accounts.websessions import start_web_session

    return start_web_session(t, login, password, source=source, limits=limits)


def _find(t: Tracker, token: str) -> WebSessionView | None:
    from tracker.services.accounts.websessions import find_web_session

    return find_web_session(t, token)


def _end(t: Tracker, token: str | None) -> bool:
    from tracker.services.accounts.websessions import end_web_session

    return end_web_session(t, token)
