"""A database URL as settings and messages handle it: its password never shown (masked in a URL,
scrubbed from a driver's error), a server URL checked in words that never repeat the password,
and a relative SQLite path made absolute."""

from __future__ import annotations

import re
from pathlib import Path

_QUERY_PASSWORD = re.compile(r"(?i)([?&]password=)[^&#]*")


def _authority_start(url: str) -> int:
    """Where user:password@host begins: after scheme://, or at 0 in a URL missing its scheme."""
    return url.find("://") + 3 if "://" in url else 0


def _userinfo_end(url: str) -> int:
    """Where the user:password part of a server URL ends (its last @), or -1. The last @, not
    the first: a password with an unescaped @ must be hidden whole."""
    rest = _authority_start(url)
    query = url.find("?", rest)
    head = url[rest:] if query < 0 else url[rest:query]
    at = head.rfind("@")
    if at < 0 and query >= 0:
        at = url[rest:].rfind("@")  # a ? inside the password itself
    return -1 if at < 0 else rest + at


def mask_password(url: str) -> str:
    """The URL as it may be shown in a message or log: any password as ***, in the user part
    (even one with an unescaped @ or /) and in a ?password= query."""
    if url.startswith("sqlite"):
        return url
    masked = _QUERY_PASSWORD.sub(r"\1***", url)
    end = _userinfo_end(masked)
    if end >= 0:
        start = _authority_start(masked)
        user, colon, _ = masked[start:end].partition(":")
        if colon:
            masked = f"{masked[:start]}{user}:***{masked[end:]}"
    return masked


def scrub_password(message: str, url: str) -> str:
    """A driver's error message with the URL's password (if it repeats any of it) as ***."""
    from urllib.parse import parse_qs, unquote

    secrets = []
    end = _userinfo_end(url)
    if end >= 0:
        _, colon, password = url[_authority_start(url) : end].partition(":")
        if colon and password:
            secrets += [password, unquote(password)]
    if "?" in url:
        secrets += parse_qs(url.split("?", 1)[1]).get("password", [])
    for secret in sorted(set(secrets), key=len, reverse=True):
        if len(secret) >= 2:
            message = message.replace(secret, "***")
    return message


def check_server_url(url: str) -> str | None:
    """What is wrong with a PostgreSQL URL, in words that never repeat its password."""
    from urllib.parse import urlsplit  # not SQLAlchemy's make_url: commands start without it

    end = _userinfo_end(url)
    userinfo = url[_authority_start(url) : end] if end >= 0 else ""
    odd = [c for c in "@/?#" if c in userinfo]
    if odd:
        return (
            f"the user name or password contains {' '.join(odd)}: write each as its "
            "percent-encoding (@ as %40, / as %2F, ? as %3F, # as %23)"
        )
    try:
        urlsplit(url).port  # noqa: B018 - raises for a port that is not a number
    except ValueError:
        return "the port is not a number from 0 to 65535"
    return None


def absolute_sqlite_url(url: str, base: Path) -> str:
    """Make a relative SQLite path relative to the settings file, not the current folder."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith("sqlite:////"):
        tail = url[len(prefix) :]
        if tail and tail != ":memory:" and not tail.startswith("/"):
            return prefix + str((base / tail).resolve())
    return url
