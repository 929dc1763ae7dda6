"""What one `tracker serve` keeps in memory about the signed-in sessions (which live in the
database, tracker.services.accounts.websessions): the app processes it runs for each, and which
had activity since the server last told the database. No aiohttp here."""

from __future__ import annotations

import hmac
import secrets
from typing import Any

# what a form token (before there is a session) is made of: 32 random bytes, URL-safe
TOKEN_BYTES = 32


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def same_token(given: str | None, expected: str) -> bool:
    """A constant-time comparison, so that a token cannot be guessed a character at a time."""
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


class Running:
    """The app processes (AppService) this server runs, by session key (the token's hash)."""

    def __init__(self) -> None:
        self._apps: dict[str, set[Any]] = {}
        self._active: set[str] = set()

    def __len__(self) -> int:
        return sum(len(apps) for apps in self._apps.values())

    def add(self, key: str, app: Any) -> None:
        self._apps.setdefault(key, set()).add(app)

    def discard(self, key: str, app: Any) -> None:
        apps = self._apps.get(key)
        if apps is not None:
            apps.discard(app)
            if not apps:
                del self._apps[key]

    def of(self, key: str) -> set[Any]:
        return set(self._apps.get(key, ()))

    def sessions(self) -> list[str]:
        return list(self._apps)

    def pop(self, key: str) -> list[Any]:
        """The session's app processes, forgotten here (the caller ends them)."""
        self._active.discard(key)
        return list(self._apps.pop(key, ()))

    def touch(self, *keys: str) -> None:
        """The person did something (a keystroke, a resize): told to the database soon."""
        self._active.update(keys)

    def take_active(self) -> set[str]:
        active, self._active = self._active, set()
        return active
