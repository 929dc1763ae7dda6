"""Signed-in browser sessions, kept in the server's memory: who, since when, last active, the
token its sign-out form carries, and the app processes it runs. No aiohttp here: the rules
(expiry, the limit on sessions) are plain code, on a clock the caller passes."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# what a cookie or a form token is made of: 32 random bytes, URL-safe
TOKEN_BYTES = 32


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def same_token(given: str | None, expected: str) -> bool:
    """A constant-time comparison, so that a token cannot be guessed a character at a time."""
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


@dataclass
class Session:
    id: str
    account_id: int
    login: str
    display_name: str
    started: float  # the clock's seconds
    last_active: float
    csrf: str = field(default_factory=new_token)  # the sign-out form's token
    apps: set[Any] = field(default_factory=set)  # the app processes it runs (AppService)


@dataclass(frozen=True)
class Limits:
    idle_seconds: float
    max_seconds: float
    max_sessions: int


class TooManySessions(Exception):
    """The server runs as many sessions as it may; the sign-in is refused."""


class Sessions:
    """The live sessions by id. An expired session is gone: looking it up ends it."""

    def __init__(self, limits: Limits, clock: Callable[[], float]) -> None:
        self.limits = limits
        self.clock = clock
        self._by_id: dict[str, Session] = {}

    def __len__(self) -> int:
        return len(self._by_id)

    def start(self, account_id: int, login: str, display_name: str) -> Session:
        """A new session (a new id, never one the browser brought), or TooManySessions."""
        self.expired()
        if len(self._by_id) >= self.limits.max_sessions:
            raise TooManySessions(
                f"the server already runs {self.limits.max_sessions} sessions, its limit "
                "(serve.max_sessions); try again later"
            )
        now = self.clock()
        session = Session(new_token(), account_id, login, display_name, now, now)
        self._by_id[session.id] = session
        return session

    def get(self, session_id: str | None) -> Session | None:
        """The live session with this id, or None (unknown, signed out or expired)."""
        if not session_id:
            return None
        session = self._by_id.get(session_id)
        if session is None:
            return None
        if self._is_expired(session, self.clock()):
            return None  # expired() ends it, with its app processes
        return session

    def touch(self, session: Session) -> None:
        """The person did something (a keystroke, a resize): the idle clock starts again."""
        session.last_active = self.clock()

    def end(self, session_id: str) -> Session | None:
        """Forget the session; the caller stops its app processes."""
        return self._by_id.pop(session_id, None)

    def expired(self) -> list[Session]:
        """Remove and return every session past its idle or absolute limit."""
        now = self.clock()
        gone = [s for s in self._by_id.values() if self._is_expired(s, now)]
        for session in gone:
            del self._by_id[session.id]
        return gone

    def all(self) -> list[Session]:
        return list(self._by_id.values())

    def _is_expired(self, session: Session, now: float) -> bool:
        return (
            now - session.last_active > self.limits.idle_seconds
            or now - session.started > self.limits.max_seconds
        )
