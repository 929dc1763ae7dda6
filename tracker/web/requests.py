"""What a request to `tracker serve` may be trusted for: where it came from (its origin, the
browser's address behind a proxy), the fields it carries, and the headers every answer has."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web

HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",  # no page of ours inside another site's frame (keystrokes)
    "Content-Security-Policy": "frame-ancestors 'none'",
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
}


def origin_of(url: str) -> str:
    """scheme://host[:port] of a URL, lower case, without the default port."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        return ""
    default = {"http": 80, "https": 443}.get(scheme)
    return f"{scheme}://{host}" if port in (None, default) else f"{scheme}://{host}:{port}"


def same_origin(request: web.Request, origin: str) -> bool:
    """The request came from a page of the tracker itself: its Origin (or, without one, its
    Referer) is the public URL's origin. A cross-site form or script fails this."""
    claimed = request.headers.get("Origin")
    if not claimed or claimed == "null":
        claimed = request.headers.get("Referer") or ""
    return bool(claimed) and origin_of(claimed) == origin


def source_of(request: web.Request, trusted_proxies: Collection[str]) -> str:
    """The browser's address: the connection's, or behind a trusted proxy the last address its
    X-Forwarded-For adds."""
    remote = request.remote or "unknown"
    forwarded = request.headers.get("X-Forwarded-For", "")
    if remote in trusted_proxies and forwarded.strip():
        return forwarded.rsplit(",", 1)[-1].strip()[:100] or remote
    return remote


def field(form: Any, name: str) -> str | None:
    value = form.get(name)
    return value if isinstance(value, str) else None


def size(value: str | None, default: int) -> int:
    try:
        number = int(value or default)
    except ValueError:
        return default
    return min(max(number, 10), 1000)
