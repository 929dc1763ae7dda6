"""Sessions kept in the database, as people behind a council's proxy meet them: a sign-in on one
`tracker serve` works on another on the same database (no sticky sessions needed), survives a
restart (a reconnecting browser gets a new app process with a fresh ticket, not a sign-in
page), and signing out on one ends it on all. Plain HTTP and the app's websocket, on both
databases; then Chromium through a round-robin proxy on PostgreSQL."""

from __future__ import annotations

import asyncio
import re
import time

import aiohttp
import pytest
from proxy import RoundRobinProxy, free_port
from test_serve_http import cookies, request
from web_helpers import PASSWORD

PUBLIC = "https://tracker.example.test"
DASHBOARD = "Early Help Strategy"


def sign_in(url: str, login: str = "pat", password: str = PASSWORD) -> tuple[int, str | None]:
    """(status, session token) of a sign-in through the form, from the tracker's own page."""
    page = request(url, "GET", "/sign-in")
    token = cookies(page)["tracker_sign_in"].split("=", 1)[1].split(";", 1)[0]
    answer = request(url, "POST", "/sign-in",
                     {"token": token, "login": login, "password": password},
                     {"Cookie": f"tracker_sign_in={token}", "Origin": PUBLIC})  # fmt: skip
    session = cookies(answer).get("tracker_session")
    return answer.status, session.split("=", 1)[1].split(";", 1)[0] if session else None


def app_page(url: str, session: str) -> tuple[int, str]:
    """GET / with the session cookie: (status, the page, or where it sends the browser)."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request("GET", "/", headers={"Cookie": f"tracker_session={session}"})
    answer = connection.getresponse()
    body = answer.read().decode()
    return answer.status, body if answer.status == 200 else answer.headers.get("Location", "")


def app_starts(url: str, session: str) -> int:
    """Open the app's websocket as the page does; the bytes of the app's first screen."""

    async def run() -> int:
        got = 0
        async with aiohttp.ClientSession() as client, client.ws_connect(
            "ws" + url.removeprefix("http") + "/ws?width=80&height=24",
            headers={"Origin": PUBLIC, "Cookie": f"tracker_session={session}"},
        ) as ws:  # fmt: skip
            deadline = time.monotonic() + 60
            while got < 2000 and time.monotonic() < deadline:
                message = await ws.receive(timeout=60)
                if message.type != aiohttp.WSMsgType.BINARY:
                    break
                got += len(message.data)
        return got

    return asyncio.run(run())


def test_a_sign_in_on_one_server_is_good_on_another_and_after_a_restart(serve) -> None:
    a = serve(public_url=PUBLIC)
    b = serve(public_url=PUBLIC)
    status, session = sign_in(a.url)
    assert status == 303 and session

    # the cookie from server A, on server B: the app's page, and an app process there
    status, page = app_page(b.url, session)
    assert status == 200 and "Signed in as Pat Manager (pat)" in page
    assert app_starts(b.url, session) > 2000  # the app drew its screen
    assert a.apps() == []

    # B restarts (as a deploy would): the same cookie still opens the app, with a new ticket
    b.stop()
    b2 = serve(public_url=PUBLIC)
    status, page = app_page(b2.url, session)
    assert status == 200 and "Signed in as Pat Manager (pat)" in page
    assert app_starts(b2.url, session) > 2000
    assert "ticket refused" not in b2.log_text()

    # sign out on B2: server A refuses the cookie from then on
    form_token = re.search(r'name="token" value="([^"]+)"', page)
    assert form_token
    out = request(b2.url, "POST", "/sign-out", {"token": form_token.group(1)},
                  {"Cookie": f"tracker_session={session}", "Origin": PUBLIC})  # fmt: skip
    assert out.status == 303 and "why=signed-out" in out.headers["Location"]
    status, where = app_page(a.url, session)
    assert status == 303 and where.endswith("/sign-in?why=ended")
    assert "names no live session" in a.log_text()
    for served in (a, b, b2):
        assert session not in served.log_text() and PASSWORD not in served.log_text()


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_two_servers_behind_a_proxy_without_sticky_sessions(serve, browser) -> None:
    proxy_port, ports = free_port(), [free_port(), free_port()]
    with RoundRobinProxy(proxy_port, [f"http://127.0.0.1:{p}" for p in ports]) as proxy:
        servers = [serve(public_url=proxy.url, port=p) for p in ports]
        pat = browser()
        pat.sign_in(proxy.url, "pat", PASSWORD)
        assert "Signed in as Pat Manager (pat)" in pat.text()
        pat.wait_for_text(DASHBOARD)
        # the sign-in went to one server, and the page and its files were spread over both
        assert len({b for _, b in proxy.routed}) == 2
        assert len(servers[0].apps()) + len(servers[1].apps()) == 1

        # both servers restart; the browser, reloaded, is still signed in
        for served in servers:
            served.stop()
        servers = [serve(public_url=proxy.url, port=p) for p in ports]
        pat.open(proxy.url)
        assert "/sign-in" not in pat.driver.current_url
        pat.wait_for_text(DASHBOARD)
        pat.keys("a")
        pat.wait_for_text("P1-01")

        # sign out (through whichever server): the app process ends, wherever it runs
        pat.driver.find_element("css selector", "#sign-out button").click()
        pat.wait_for(lambda: "/sign-in" in pat.driver.current_url, what="the sign-in page")
        assert "You have signed out." in pat.message()
        for served in servers:
            assert served.wait_for_apps(0, timeout=30) == []
