"""`tracker serve` over plain HTTP, without a browser: the cookies' flags behind TLS, requests
from elsewhere refused, the app's websocket closed to anyone not signed in, and an app process
handed a used or forged ticket refusing to open."""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from web_helpers import PASSWORD

from tracker.config import load_settings
from tracker.services.accounts import issue_ticket, redeem_ticket, sign_in
from tracker.services.context import open_tracker

PUBLIC = "https://tracker.example.test"


def request(url: str, method: str, path: str, body: dict[str, str] | None = None,
            headers: dict[str, str] | None = None) -> http.client.HTTPResponse:  # fmt: skip
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    data = urlencode(body) if body is not None else None
    sent = {"Content-Type": "application/x-www-form-urlencoded"} if data else {}
    connection.request(method, path, body=data, headers=sent | (headers or {}))
    response = connection.getresponse()
    response.text = response.read().decode("utf-8", "replace")  # type: ignore[attr-defined]
    return response


def sessions_open(settings_file: Path) -> int:
    from sqlalchemy import func, select

    from tracker.models import WebSession

    t = open_tracker(load_settings(settings_file))
    try:
        with t.db.reading() as s:
            return int(s.scalar(select(func.count()).select_from(WebSession)) or 0)
    finally:
        t.close()


def audit_operations(settings_file: Path) -> list[str]:
    from sqlalchemy import select

    from tracker.models import AuditEntry

    t = open_tracker(load_settings(settings_file))
    try:
        with t.db.reading() as s:
            return list(s.scalars(select(AuditEntry.operation).order_by(AuditEntry.id)))
    finally:
        t.close()


def cookies(response: http.client.HTTPResponse) -> dict[str, str]:
    """Each Set-Cookie by name: its whole header, flags included."""
    return {h.split("=", 1)[0]: h for h in response.headers.get_all("Set-Cookie") or []}


def test_behind_tls_the_cookies_are_secure_and_other_origins_are_refused(serve) -> None:
    served = serve(public_url=PUBLIC)
    page = request(served.url, "GET", "/sign-in")
    form_cookie = cookies(page)["tracker_sign_in"]
    for flag in ("HttpOnly", "SameSite=Strict", "Secure"):
        assert flag in form_cookie
    token = form_cookie.split("=", 1)[1].split(";", 1)[0]
    jar = {"Cookie": f"tracker_sign_in={token}"}
    good = {"token": token, "login": "pat", "password": PASSWORD}

    # from another origin, or from nowhere, with the right password: refused, no session
    for origin in ({"Origin": "https://evil.example"}, {"Origin": "http://tracker.example.test"},
                   {}, {"Referer": "https://evil.example/page"}):  # fmt: skip
        refused = request(served.url, "POST", "/sign-in", good, jar | origin)
        assert refused.status == 403, origin
        assert "tracker_session" not in cookies(refused)
    # the right origin but not the form's token: refused
    forged = request(served.url, "POST", "/sign-in", good | {"token": "x" * 43},
                     jar | {"Origin": PUBLIC})  # fmt: skip
    assert forged.status == 403

    # an over-long password: refused on the page, with the limit
    long = request(served.url, "POST", "/sign-in", good | {"password": "p" * 5000},
                   jar | {"Origin": PUBLIC})  # fmt: skip
    assert long.status == 400 and "a password at most 1024" in long.text
    assert "tracker_session" not in cookies(long)
    assert sessions_open(served.settings_file) == 0  # nothing refused made a session

    signed_in = request(served.url, "POST", "/sign-in", good, jar | {"Origin": PUBLIC})
    assert signed_in.status == 303
    assert signed_in.headers["Location"] == f"{PUBLIC}/"
    session_cookie = cookies(signed_in)["tracker_session"]
    for flag in ("HttpOnly", "SameSite=Strict", "Secure", "Path=/"):
        assert flag in session_cookie
    session = session_cookie.split("=", 1)[1].split(";", 1)[0]

    # the app's websocket: not without the session, not from another origin
    upgrade = {"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
               "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}  # fmt: skip
    anonymous = request(served.url, "GET", "/ws", headers=upgrade | {"Origin": PUBLIC})
    assert anonymous.status == 403
    hijack = request(served.url, "GET", "/ws", headers=upgrade | {
        "Origin": "https://evil.example", "Cookie": f"tracker_session={session}"})  # fmt: skip
    assert hijack.status == 403
    assert served.apps() == []

    # the app page itself, with the session: framed by no other site
    page = request(served.url, "GET", "/", headers={"Cookie": f"tracker_session={session}"})
    assert page.status == 200
    assert page.headers["X-Frame-Options"] == "DENY"
    log = served.log_text()
    assert PASSWORD not in log and "p" * 100 not in log
    assert re.search(r"Sign-in refused from .*evil\.example", log)
    assert "sign-in refused for 'pat' from 127.0.0.1: over-long login or password" in log


def run_app_with(settings_file: Path, ticket: str) -> subprocess.CompletedProcess[str]:
    """`tracker app` as `tracker serve` starts it: the web driver, the ticket in the env."""
    env = dict(os.environ, TRACKER_TICKET=ticket,
               TEXTUAL_DRIVER="textual.drivers.web_driver:WebDriver")  # fmt: skip
    env.pop("TRACKER_CONFIG", None)
    return subprocess.run(
        [sys.executable, "-m", "tracker", "--config", str(settings_file), "app"],
        input="", capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip


def test_a_used_or_forged_ticket_opens_no_app(web_database: Path) -> None:
    t = open_tracker(load_settings(web_database))
    try:
        pat = sign_in(t, "pat", PASSWORD, source="test")
        ticket = issue_ticket(t, pat.id)
        assert redeem_ticket(t, ticket).login == "pat"  # the app process it was for used it
    finally:
        t.close()
    before = audit_operations(web_database)
    for replayed in (ticket, ticket[:-2] + "xx", "forged"):
        run = run_app_with(web_database, replayed)
        assert run.returncode == 4, run.stderr  # refused: could not sign in
        assert "ticket is unknown, used or expired" in run.stderr
        assert "__GANGLION__" not in run.stdout  # the app never started
    # each refusal recorded, and nothing else changed
    assert audit_operations(web_database)[len(before) :] == ["ticket refused"] * 3


def test_wrong_unknown_and_disabled_sign_ins_and_ended_sessions_are_refused(
    serve, web_database: Path
) -> None:
    from tracker.services.accounts import SessionLimits, add_account, disable_account, parse_role
    from tracker.services.accounts.signin import REFUSED
    from tracker.services.accounts.websessions import start_web_session
    from tracker.services.context import Tracker

    t = open_tracker(load_settings(web_database))
    try:  # Sam's account, disabled by the admin
        alex = sign_in(t, "alex", PASSWORD, source="test set-up")
        as_alex = Tracker(t.settings, db=t.db, account=alex)
        add_account(as_alex, "sam", "Sam Patel", PASSWORD, [parse_role("viewer")])
        disable_account(as_alex, "sam")
    finally:
        t.close()
    served = serve(public_url=PUBLIC)
    before = audit_operations(web_database)
    for login, password, why in (("pat", "not the password", "wrong password"),
                                 ("nobody", PASSWORD, "unknown login"),
                                 ("sam", PASSWORD, "disabled")):  # fmt: skip
        page = request(served.url, "GET", "/sign-in")
        token = cookies(page)["tracker_sign_in"].split("=", 1)[1].split(";", 1)[0]
        refused = request(served.url, "POST", "/sign-in",
                          {"token": token, "login": login, "password": password},
                          {"Cookie": f"tracker_sign_in={token}", "Origin": PUBLIC})  # fmt: skip
        assert refused.status == 401, login
        assert REFUSED in refused.text  # the same words for each: they tell an attacker nothing
        assert "tracker_session" not in cookies(refused)
        assert f"sign-in refused ({why}): login {login!r}" in served.log_text()
    assert sessions_open(web_database) == 0
    assert audit_operations(web_database)[len(before) :] == ["sign-in refused"] * 3
    assert served.apps() == []

    # a session past its idle time (as if 31 minutes had passed), and a forged cookie: the
    # sign-in page, saying the session has ended; the app's connection refused
    t = open_tracker(load_settings(web_database))
    try:
        signed = start_web_session(t, "pat", PASSWORD, source="test",
                                   limits=SessionLimits(1800, 43200, 50))  # fmt: skip
        from sqlalchemy import update

        from tracker.models import WebSession

        with t.db.writing() as s:
            s.execute(update(WebSession).values(idle_until=WebSession.started))
    finally:
        t.close()
    upgrade = {"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
               "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Origin": PUBLIC}  # fmt: skip
    for cookie in (signed.token, "forged-" + "x" * 36):
        page = request(served.url, "GET", "/", headers={"Cookie": f"tracker_session={cookie}"})
        assert page.status == 303
        assert page.headers["Location"] == f"{PUBLIC}/sign-in?why=ended"
        ws = request(served.url, "GET", "/ws",
                     headers=upgrade | {"Cookie": f"tracker_session={cookie}"})  # fmt: skip
        assert ws.status == 403
    shown = request(served.url, "GET", "/sign-in?why=ended")
    assert "Your session has ended (signed out or timed out). Sign in again." in shown.text
    log = served.log_text()
    assert log.count("names no live session") == 2
    assert log.count("the app's connection refused") == 2
    assert served.apps() == []
    assert signed.token not in log and PASSWORD not in log
