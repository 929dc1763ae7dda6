"""The [serve] settings that set the sessions' rules (the rules themselves, kept in the
database, are tested in tests/accounts/test_web_sessions.py), and the browser's address behind
a trusted proxy."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tracker.config import ServeSettings, SettingsError, load_settings


def test_serve_settings_have_defaults_and_limits(tmp_path: Path) -> None:
    path = tmp_path / "tracker.toml"
    path.write_text('[database]\nurl = "sqlite:///x.db"\n', encoding="utf-8")
    assert load_settings(path).serve == ServeSettings(30.0, 12.0, 50)
    path.write_text('[serve]\nidle_minutes = 15\nmax_hours = 8.5\nmax_sessions = 20\n',
                    encoding="utf-8")  # fmt: skip
    assert load_settings(path).serve == ServeSettings(15.0, 8.5, 20)
    assert load_settings(path).serve.starting_at_once() == len(os.sched_getaffinity(0))
    path.write_text("[serve]\nmax_starting = 3\n", encoding="utf-8")
    assert load_settings(path).serve.starting_at_once() == 3
    for wrong, said in (("idle_minutes = 0", "serve.idle_minutes must be from 0.05 to 1,440"),
                        ("max_hours = 1000", "serve.max_hours must be from"),
                        ('max_sessions = "many"', "serve.max_sessions must be a whole number"),
                        ("max_starting = 0", "serve.max_starting must be from 1 to 1,000"),
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
