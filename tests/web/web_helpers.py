"""Headless Chromium through Selenium, and what the person sees in the app's terminal.

The page draws the app with xterm.js on a canvas, so its text is not in the page's DOM. What
the browser receives over the app's websocket is recorded in the page (a wrapper around
WebSocket, added by the test through the DevTools protocol before the page's own scripts run)
and played into a terminal emulator (pyte) of the size the page asked for: the screen as the
person sees it."""

from __future__ import annotations

import base64
import contextlib
import json
import time
from pathlib import Path

import pyte
from programs import need_program
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

PASSWORD = "correct horse battery staple"
ACCOUNTS = {  # login: (display name, roles)
    "pat": ("Pat Manager", ("programme manager",)),
    "alex": ("Alex Admin", ("admin", "programme manager")),
}

RECORDER = """
(() => {
  const Native = window.WebSocket;
  const rec = window.__tracker = {received: [], sent: [], closed: false};
  function Recorded(url, protocols) {
    const ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
    ws.addEventListener('message', (e) => {
      if (typeof e.data === 'string') return;
      const bytes = new Uint8Array(e.data);
      let s = '';
      for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
      rec.received.push(btoa(s));
    });
    ws.addEventListener('close', () => { rec.closed = true; });
    const send = ws.send.bind(ws);
    ws.send = (d) => { rec.sent.push(d); return send(d); };
    return ws;
  }
  Recorded.prototype = Native.prototype;
  for (const k of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) Recorded[k] = Native[k];
  window.WebSocket = Recorded;
})();
"""


def need_chromium() -> tuple[str, str]:
    return (
        need_program("chromium", "Chromium, for the browser tests"),
        need_program("chromedriver", "chromedriver (Debian's chromium-driver), for Selenium"),
    )


class Browser:
    """One browser window with a profile (so cookies) of its own."""

    def __init__(
        self, chromium: str, chromedriver: str, profile: Path, extra: tuple[str, ...] = ()
    ) -> None:
        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--window-size=1280,900", f"--user-data-dir={profile}",
                    "--no-first-run", "--disable-extensions", *extra):  # fmt: skip
            options.add_argument(arg)
        self.driver = webdriver.Chrome(service=Service(chromedriver), options=options)
        self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORDER})
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)
        self.size: tuple[int, int] | None = None

    def quit(self) -> None:
        self.driver.quit()

    # -- pages ----------------------------------------------------------------------------------

    def open(self, url: str) -> None:
        self.driver.get(url)
        self.screen.reset()
        self.size = None

    def text(self) -> str:
        return self.driver.find_element(By.TAG_NAME, "body").text

    def sign_in(self, base: str, login: str, password: str) -> None:
        self.open(f"{base}/sign-in")
        self.driver.find_element(By.ID, "login").send_keys(login)
        self.driver.find_element(By.ID, "password").send_keys(password)
        self.driver.find_element(By.ID, "submit").click()
        self.wait_for(lambda: "/sign-in" not in self.driver.current_url
                      or self.driver.find_elements(By.ID, "message"))  # fmt: skip
        self.screen.reset()
        self.size = None

    def message(self) -> str:
        found = self.driver.find_elements(By.ID, "message")
        return found[0].text if found else ""

    def wait_for(self, done: object, timeout: float = 20.0, what: str = "") -> None:
        assert callable(done)
        deadline = time.monotonic() + timeout
        while not done():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what or done}:\n{self.terminal()}")
            time.sleep(0.1)

    # -- the app's terminal ---------------------------------------------------------------------

    def _drain(self) -> bool:
        """Play what arrived since the last call into the emulator; whether the socket closed."""
        got = self.driver.execute_script(
            "const r = window.__tracker; if (!r) return null;"
            "return {received: r.received.splice(0), sent: r.sent.splice(0), closed: r.closed};"
        )
        if not got:
            return False
        for sent in got["sent"]:
            message = json.loads(sent)
            if message[0] == "resize":
                size = (message[1]["width"], message[1]["height"])
                if size != self.size:
                    self.size = size
                    self.screen.resize(size[1], size[0])
        for chunk in got["received"]:
            self.stream.feed(base64.b64decode(chunk))
        return bool(got["closed"])

    def terminal(self) -> str:
        """The app's screen as text, one line per row."""
        with contextlib.suppress(Exception):  # the page is gone: show what was seen
            self._drain()
        return "\n".join(line.rstrip() for line in self.screen.display)

    def closed(self) -> bool:
        return self._drain()

    def wait_for_text(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            shown = self.terminal()
            if text in shown:
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never showed in the app; it shows:\n{shown}")
            time.sleep(0.2)

    def keys(self, *keys: str, pause: float = 0.15) -> None:
        """Type into the app, as a person at the keyboard (xterm.js turns keys into input)."""
        area = self.driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
        for key in keys:
            area.send_keys(key)
            time.sleep(pause)

    def ctrl(self, letter: str) -> None:
        area = self.driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
        area.send_keys(Keys.CONTROL, letter)
