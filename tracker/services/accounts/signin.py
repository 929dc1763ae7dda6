"""Signing in, and handing the signed-in account to an app process with a one-time ticket.

A refusal reads the same for an unknown login, a wrong password and a disabled account. Each
failure is recorded (login typed, source, time; never the password) in `sign_in_failure` and
the audit trail, and logged. After LOGIN_LIMIT failures for one login, or SOURCE_LIMIT from one
source, within WINDOW, sign-in is refused until WINDOW has passed since the last failure."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from tracker.domain import audit
from tracker.errors import SignInRefused
from tracker.models import Account, SignInFailure, SignInTicket
from tracker.services.accounts import store
from tracker.services.accounts.passwords import hash_password, needs_rehash, verify
from tracker.services.accounts.types import PASSWORD_MAX, AccountView
from tracker.services.context import Tracker

log = logging.getLogger("tracker.signin")

REFUSED = "the login or password is wrong, or the account is disabled"
WINDOW = dt.timedelta(minutes=15)
LOGIN_LIMIT = 5  # failures for one login within WINDOW
SOURCE_LIMIT = 20  # failures from one source (an address) within WINDOW: a shared office
TICKET_LIFE = dt.timedelta(seconds=60)
TICKET_REFUSED = "this sign-in ticket is unknown, used or expired: sign in again"


def sign_in(t: Tracker, login: str, password: str, *, source: str) -> AccountView:
    """The account, if the password is right and it may sign in; else SignInRefused."""
    with t.db.writing() as s:
        checked = check_password(s, login, password, source)
        if isinstance(checked, Account):
            return store.view(s, checked)
    raise SignInRefused(checked)


def check_password(s: Session, login: str, password: str, source: str) -> Account | str:
    """Inside a write transaction: the account signing in, or the refusal to say (the failure
    recorded, audited and logged; committed whichever way, so the throttling counts it)."""
    typed = store.shown_login(login)
    where = (source or "unknown").strip()[:200] or "unknown"
    now = audit.now(s)
    until = _throttled_until(s, typed, where, now)
    if until is not None:
        log.warning("sign-in throttled: login %r from %s", typed, where)
        audit.record(s, typed, "sign-in refused", "account", typed,
                     {"reason": (None, f"throttled, from {where}")})  # fmt: skip
        return (f"too many failed sign-ins: try again after {until:%H:%M} UTC "
                f"({until:%d %b %Y})")  # fmt: skip
    if len(password) > PASSWORD_MAX:
        return _failed(s, typed, where, now, "password too long")
    account = store.find(s, typed)
    right = verify(account.password_hash if account else None, password)
    if account is None or not right or account.disabled:
        reason = ("unknown login" if account is None else
                  "disabled" if account.disabled else "wrong password")  # fmt: skip
        return _failed(s, typed, where, now, reason)
    if account.password_hash and needs_rehash(account.password_hash):
        account.password_hash = hash_password(password)
    s.execute(delete(SignInFailure).where(SignInFailure.login == account.login))
    audit.record(s, account.display_name, "sign in", "account", account.login,
                 {"source": (None, where)})  # fmt: skip
    log.info("signed in: %s from %s", account.login, where)
    return account


def _throttled_until(s: Session, login: str, source: str, now: dt.datetime) -> dt.datetime | None:
    since = now - WINDOW
    for column, value, limit in ((SignInFailure.login, login, LOGIN_LIMIT),
                                 (SignInFailure.source, source, SOURCE_LIMIT)):  # fmt: skip
        count, last = s.execute(
            select(func.count(), func.max(SignInFailure.at))
            .where(column == value, SignInFailure.at > since)
        ).one()  # fmt: skip
        if count >= limit and last is not None:
            last = last if last.tzinfo else last.replace(tzinfo=dt.UTC)
            return last + WINDOW
    return None


def _failed(s: Session, login: str, source: str, now: dt.datetime, reason: str) -> str:
    s.add(SignInFailure(login=login, source=source, at=now))
    audit.record(s, login, "sign-in refused", "account", login,
                 {"reason": (None, f"{reason}, from {source}")})  # fmt: skip
    log.warning("sign-in refused (%s): login %r from %s", reason, login, source)
    return (
        REFUSED
        if reason != "password too long"
        else (f"the password is longer than {PASSWORD_MAX} characters: {REFUSED}")
    )


def issue_ticket(t: Tracker, account_id: int) -> str:
    """A one-time ticket for a signed-in account, good for TICKET_LIFE: 256 random bits from
    `secrets`; only its SHA-256 is stored. Used and expired tickets are cleared here."""
    ticket = secrets.token_urlsafe(32)
    with t.db.writing() as s:
        now = audit.now(s)
        s.execute(delete(SignInTicket).where(
            SignInTicket.used.is_(True) | (SignInTicket.expires < now)))  # fmt: skip
        account = s.get(Account, account_id)
        if account is None or account.disabled:
            raise SignInRefused(REFUSED)
        s.add(SignInTicket(ticket_hash=_digest(ticket), account_id=account.id,
                           expires=now + TICKET_LIFE, used=False))  # fmt: skip
    return ticket


def redeem_ticket(t: Tracker, ticket: str) -> AccountView:
    """The account a ticket was issued for; the ticket is used up. Unknown, used or expired
    (or its account disabled since): SignInRefused, recorded."""
    seen: AccountView | None = None
    with t.db.writing() as s:
        now = audit.now(s)
        row = s.scalars(select(SignInTicket).where(
            SignInTicket.ticket_hash == _digest(ticket[:200]))).first()  # fmt: skip
        if row is not None and not row.used:
            row.used = True
            account = s.get(Account, row.account_id)
            expires = row.expires if row.expires.tzinfo else row.expires.replace(tzinfo=dt.UTC)
            if account is not None and not account.disabled and expires > now:
                audit.record(s, account.display_name, "session", "account", account.login)
                seen = store.view(s, account)
        if seen is None:
            state = "unknown" if row is None else "used or expired"
            audit.record(s, "unknown", "ticket refused", "account", "",
                         {"reason": (None, f"{state} ticket")})  # fmt: skip
            log.warning("sign-in ticket refused: %s", state)
    if seen is None:
        raise SignInRefused(TICKET_REFUSED)
    return seen


def _digest(ticket: str) -> str:
    return hashlib.sha256(ticket.encode("utf-8", "replace")).hexdigest()
