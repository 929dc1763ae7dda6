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

import pytest
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
    response.read()
    return response


def cookies(response: http.client.HTTPResponse) -> dict[str, str]:
    """Each Set-Cookie by name: its whole header, flags included."""
    return {h.split("=", 1)[0]: h for h in response.headers.get_all("Set-Cookie") or []}


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
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
    assert long.status == 400

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
    for replayed in (ticket, ticket[:-2] + "xx", "forged"):
        run = run_app_with(web_database, replayed)
        assert run.returncode == 4, run.stderr  # refused: could not sign in
        assert "ticket is unknown, used or expired" in run.stderr
        assert "__GANGLION__" not in run.stdout  # the app never started
