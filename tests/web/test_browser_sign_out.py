"""Ending a browser session, and attacks on one: a cross-site form posting to sign-out or to
sign-in is refused and changes nothing; "Sign out" ends the session's app process; a session
left idle past [serve] idle_minutes ends by itself, its app process with it."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from web_helpers import PASSWORD

pytestmark = pytest.mark.slow

DASHBOARD = "Early Help Strategy"


@pytest.fixture
def other_site() -> Iterator[ThreadingHTTPServer]:
    """Another site (http://localhost:PORT, not 127.0.0.1: another origin and another site) whose
    pages post a form to the tracker as soon as they load: /to?path=/sign-out ..."""

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            target, _, fields = self.path.partition("?")[2].partition("&")
            inputs = "".join(
                f'<input type="hidden" name="{k}" value="{v}">'
                for k, v in (f.split("=", 1) for f in fields.split("&") if "=" in f)
            )
            body = (f'<html><body><form id="f" method="post" action="{target}">{inputs}</form>'
                    "<script>document.getElementById('f').submit()</script></body></html>")  # fmt: skip
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(body.encode())

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_cross_site_posts_are_refused_and_sign_out_ends_the_app(serve, browser, other_site) -> None:
    served = serve()
    pat = browser()
    pat.sign_in(served.url, "pat", PASSWORD)
    pat.wait_for_text(DASHBOARD)
    [app] = served.wait_for_apps(1)
    evil = f"http://localhost:{other_site.server_address[1]}/to?"

    # in another tab, another site's page posts to sign-out: refused; the session goes on
    app_tab = pat.driver.current_window_handle
    pat.driver.switch_to.new_window("tab")
    pat.driver.get(f"{evil}{served.url}/sign-out&token=guessed")
    pat.wait_for(lambda: "refused" in pat.text(), what="the refusal")
    assert "did not come from the tracker's own page" in pat.text()

    # ... and one posting to sign-in with a right password (to sign Pat in as Alex): refused
    pat.driver.get(f"{evil}{served.url}/sign-in&login=alex&password={PASSWORD}")
    pat.wait_for(lambda: "Sign-in refused" in pat.text(), what="the refusal")
    pat.driver.close()
    pat.driver.switch_to.window(app_tab)
    assert served.apps() == [app]  # the same app process, still Pat's
    assert "Signed in as Pat Manager (pat)" in pat.text()
    assert served.log_text().count("refused from") >= 2

    # Sign out: the app process ends, and the app's page is the sign-in page again
    cookie = pat.driver.get_cookie("tracker_session")
    assert cookie is not None and cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    pat.driver.find_element("css selector", "#sign-out button").click()
    pat.wait_for(lambda: "/sign-in" in pat.driver.current_url, what="the sign-in page")
    assert "You have signed out." in pat.message()
    assert served.wait_for_apps(0) == []
    assert pat.driver.get_cookie("tracker_session") is None
    # the old cookie, brought back, names no session any more
    pat.driver.add_cookie({k: cookie[k] for k in ("name", "value", "path", "httpOnly", "sameSite")})
    pat.open(served.url)
    assert "/sign-in" in pat.driver.current_url
    assert "Your session has ended" in pat.message()
    assert served.apps() == []
    assert PASSWORD not in served.log_text()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_an_idle_session_ends_with_its_app(serve, browser) -> None:
    served = serve(serve_settings="idle_minutes = 0.15")  # 9 seconds
    pat = browser()
    started = time.monotonic()
    pat.sign_in(served.url, "pat", PASSWORD)
    pat.wait_for_text(DASHBOARD)
    assert len(served.wait_for_apps(1)) == 1
    assert served.wait_for_apps(0, timeout=40) == []  # no keystroke for 9 s: ended
    assert time.monotonic() - started >= 9  # not before (the app's start counts as activity)
    pat.wait_for(lambda: "The app has closed" in pat.text(), what="the closed notice")
    pat.open(served.url)
    assert "/sign-in" in pat.driver.current_url
    assert "Your session has ended" in pat.message()
