"""Browser sessions (`tracker serve`), kept in the database: a server restart keeps them, and
several servers on one database share them, so a proxy in front may send each request to any.

The cookie carries a session token (256 random bits from `secrets`); only its SHA-256 is stored,
so a copy of the database opens no session. The token its forms carry (against cross-site
requests) is derived from the cookie's token, so it is stored nowhere. A session ends when
signed out (its row deleted), after `idle_seconds` without activity, at `expires` (the longest a
session lasts, busy or not), or when its account is disabled. Failed sign-ins are stored too
(`signin.check_password`), so throttling counts them across servers."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import secrets
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from tracker.domain import audit
from tracker.errors import SignInRefused, TooManySessions
from tracker.models import Account, WebSession
from tracker.services.accounts import store
from tracker.services.accounts.signin import check_password
from tracker.services.accounts.types import AccountView
from tracker.services.context import Tracker

log = logging.getLogger("tracker.signin")

TOKEN_BYTES = 32
LONGEST_TOKEN = 200  # characters of a cookie looked at; a real token has 43


@dataclass(frozen=True)
class SessionLimits:
    """How long a session lasts, and how many may be open at once (across all servers)."""

    idle_seconds: int
    max_seconds: int
    max_sessions: int


@dataclass(frozen=True)
class WebSessionView:
    key: str  # the SHA-256 of the cookie's token: what a server may keep (never the token)
    account: AccountView
    source: str
    started: dt.datetime
    idle_until: dt.datetime
    expires: dt.datetime
    form_token: str  # what its forms carry (sign-out): derived from the cookie's token


@dataclass(frozen=True)
class BrowserSignIn:
    token: str  # for the cookie, once: it is not stored
    session: WebSessionView


def session_key(token: str) -> str:
    return hashlib.sha256(token[:LONGEST_TOKEN].encode("utf-8", "replace")).hexdigest()


def form_token(token: str) -> str:
    """The token a session's forms carry: an HMAC of the cookie's token, so a page from another
    site (which can neither read the cookie nor the page) cannot know it."""
    return hmac.new(token.encode("utf-8", "replace"), b"tracker form", "sha256").hexdigest()


def start_web_session(
    t: Tracker, login: str, password: str, *, source: str, limits: SessionLimits
) -> BrowserSignIn:
    """Sign in from a browser: the password checked (and throttled) as `sign_in` does, then a
    new session (a new token, never one the browser brought). SignInRefused, or TooManySessions
    when `limits.max_sessions` are open."""
    with t.db.writing() as s:
        checked = check_password(s, login, password, source)
        if isinstance(checked, Account):
            now = _now(t)  # from when the password was found right (hashing takes a while)
            _clear_ended(s, now)
            open_now = s.scalar(select(func.count()).select_from(WebSession)) or 0
            if open_now >= limits.max_sessions:
                raise TooManySessions(
                    f"{open_now} sessions are open, the most allowed ([serve] max_sessions = "
                    f"{limits.max_sessions}); try again later"
                )  # rolled back: this is no sign-in
            token = secrets.token_urlsafe(TOKEN_BYTES)
            row = WebSession(
                token_hash=session_key(token), account_id=checked.id,
                source=(source or "unknown").strip()[:200] or "unknown", started=now,
                last_active=now, idle_seconds=int(limits.idle_seconds),
                idle_until=now + dt.timedelta(seconds=limits.idle_seconds),
                expires=now + dt.timedelta(seconds=limits.max_seconds),
            )  # fmt: skip
            s.add(row)
            s.flush()
            return BrowserSignIn(token, _view(s, row, checked, token))
    raise SignInRefused(checked)


def find_web_session(t: Tracker, token: str | None) -> WebSessionView | None:
    """The live session this cookie's token names, or None: unknown (forged), signed out,
    idle too long, past its end, or its account disabled."""
    if not token:
        return None
    with t.db.reading() as s:
        found = s.execute(
            select(WebSession, Account).join(Account, Account.id == WebSession.account_id)
            .where(WebSession.token_hash == session_key(token))
        ).first()  # fmt: skip
        if found is None:
            return None
        row, account = found
        if account.disabled or not _live(row, _now(t)):
            return None
        return _view(s, row, account, token)


def refresh_web_sessions(
    t: Tracker, active: Collection[str], running: Collection[str]
) -> frozenset[str]:
    """A server's regular call: the sessions with activity since its last call (`active`, by
    key) start their idle time again; ended sessions' rows are cleared. Returns which of
    `running` (the sessions whose app processes this server runs) are no longer live, signed
    out or ended on any server, so that their app processes are ended."""
    with t.db.writing() as s:
        now = audit.now(s)
        if active:
            for row in s.scalars(select(WebSession).where(
                    WebSession.token_hash.in_(list(active)))):  # fmt: skip
                if _live(row, now):
                    row.last_active = now
                    row.idle_until = min(now + dt.timedelta(seconds=row.idle_seconds),
                                         _aware(row.expires))  # fmt: skip
        _clear_ended(s, now)
        if not running:
            return frozenset()
        live = set(s.scalars(
            select(WebSession.token_hash).join(Account, Account.id == WebSession.account_id)
            .where(WebSession.token_hash.in_(list(running)), Account.disabled.is_(False))
        ))  # fmt: skip
        return frozenset(k for k in running if k not in live)


def end_web_session(t: Tracker, token: str | None, *, reason: str = "signed out") -> bool:
    """Sign out: the session's row goes, so no server accepts its cookie again. Whether there
    was a session to end."""
    if not token:
        return False
    with t.db.writing() as s:
        found = s.execute(
            select(WebSession, Account).join(Account, Account.id == WebSession.account_id)
            .where(WebSession.token_hash == session_key(token))
        ).first()  # fmt: skip
        if found is None:
            return False
        row, account = found
        s.delete(row)
        audit.record(s, account.display_name, "sign out", "account", account.login,
                     {"reason": (None, reason)})  # fmt: skip
        log.info("%s: %s", reason, account.login)
        return True


def _clear_ended(s: Session, now: dt.datetime) -> None:
    s.execute(delete(WebSession).where(
        or_(WebSession.idle_until <= now, WebSession.expires <= now)))  # fmt: skip


def _aware(stamp: dt.datetime) -> dt.datetime:
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)


def _live(row: WebSession, now: dt.datetime) -> bool:
    return _aware(row.idle_until) > now and _aware(row.expires) > now


def _now(t: Tracker) -> dt.datetime:
    return t.clock()


def _view(s: Session, row: WebSession, account: Account, token: str) -> WebSessionView:
    return WebSessionView(
        key=row.token_hash, account=store.view(s, account), source=row.source,
        started=_aware(row.started), idle_until=_aware(row.idle_until),
        expires=_aware(row.expires), form_token=form_token(token),
    )  # fmt: skip
