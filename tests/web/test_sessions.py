"""The session rules `tracker serve` keeps (tracker/web/sessions.py) on a clock the test turns,
and the [serve] settings that set them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.config import ServeSettings, SettingsError, load_settings
from tracker.web.sessions import Limits, Sessions, TooManySessions


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_session_ends_when_idle_or_too_old_and_a_new_one_never_reuses_an_id() -> None:
    clock = Clock()
    sessions = Sessions(Limits(idle_seconds=60, max_seconds=600, max_sessions=2), clock)
    pat = sessions.start(1, "pat", "Pat Manager")
    assert sessions.get(pat.id) is pat
    assert sessions.get("forged") is None and sessions.get(None) is None
    clock.now += 59
    sessions.touch(pat)  # a keystroke
    clock.now += 59
    assert sessions.get(pat.id) is pat  # 118 s old, 59 s idle
    clock.now += 2
    assert sessions.get(pat.id) is None  # idle 61 s
    assert sessions.expired() == [pat] and len(sessions) == 0

    busy = sessions.start(1, "pat", "Pat Manager")
    assert busy.id != pat.id and busy.csrf != pat.csrf
    for _ in range(20):  # busy all along, but signed in 600 s ago: ended
        clock.now += 30
        sessions.touch(busy)
    assert sessions.get(busy.id) is busy
    clock.now += 1
    sessions.touch(busy)
    assert sessions.get(busy.id) is None


def test_the_limit_on_sessions_refuses_the_next_sign_in() -> None:
    clock = Clock()
    sessions = Sessions(Limits(idle_seconds=60, max_seconds=600, max_sessions=2), clock)
    sessions.start(1, "pat", "Pat Manager")
    alex = sessions.start(2, "alex", "Alex Admin")
    with pytest.raises(TooManySessions, match="serve.max_sessions"):
        sessions.start(3, "sam", "Sam")
    assert sessions.end(alex.id) is alex
    sessions.start(3, "sam", "Sam")  # room again


def test_serve_settings_have_defaults_and_limits(tmp_path: Path) -> None:
    path = tmp_path / "tracker.toml"
    path.write_text('[database]\nurl = "sqlite:///x.db"\n', encoding="utf-8")
    assert load_settings(path).serve == ServeSettings(30.0, 12.0, 50)
    path.write_text('[serve]\nidle_minutes = 15\nmax_hours = 8.5\nmax_sessions = 20\n',
                    encoding="utf-8")  # fmt: skip
    assert load_settings(path).serve == ServeSettings(15.0, 8.5, 20)
    for wrong, said in (("idle_minutes = 0", "serve.idle_minutes must be from 0.05 to 1,440"),
                        ("max_hours = 1000", "serve.max_hours must be from"),
                        ('max_sessions = "many"', "serve.max_sessions must be a whole number"),
                        ("idle = 3", "unknown setting serve.idle")):  # fmt: skip
        path.write_text(f"[serve]\n{wrong}\n", encoding="utf-8")
        with pytest.raises(SettingsError, match=said):
            load_settings(path)


def test_behind_a_trusted_proxy_the_browsers_address_is_the_forwarded_one(tmp_path: Path) -> None:
    from aiohttp.test_utils import make_mocked_request

    from tracker.services.context import Tracker
    from tracker.web.server import TrackerServer

    path = tmp_path / "tracker.toml"
    path.write_text('[serve]\ntrusted_proxies = ["10.0.0.5"]\n', encoding="utf-8")
    settings = load_settings(path)
    server = TrackerServer(settings, Tracker(settings), public_url="https://t.example")

    def source(remote: str, forwarded: str) -> str:
        request = make_mocked_request(
            "POST", "/sign-in", headers={"X-Forwarded-For": forwarded},
            transport=_Transport(remote),
        )  # fmt: skip
        return server.source_of(request)

    assert source("10.0.0.5", "203.0.113.9, 198.51.100.7") == "198.51.100.7"  # the proxy's own
    assert source("192.0.2.1", "198.51.100.7") == "192.0.2.1"  # anyone else may not say
    path.write_text('[serve]\ntrusted_proxies = ["proxy.local"]\n', encoding="utf-8")
    with pytest.raises(SettingsError, match=r"serve.trusted_proxies\[0\] must be an IP address"):
        load_settings(path)


class _Transport:
    def __init__(self, peer: str) -> None:
        self.peer = peer

    def get_extra_info(self, name: str, default: object = None) -> object:
        return (self.peer, 40000) if name == "peername" else default
