"""Browser sessions kept in the database (tracker serve), on both databases: what a person
signing in from a browser meets, and what a second server on the same database sees. Two
Trackers on one database stand for two servers (each has its own engine, as two processes do)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, update

from tracker.errors import SignInRefused, TooManySessions
from tracker.models import AuditEntry, SignInFailure, WebSession
from tracker.services.accounts import (
    AccountView,
    RoleGrant,
    SessionLimits,
    add_account,
    disable_account,
    end_web_session,
    find_web_session,
    refresh_web_sessions,
    start_web_session,
)
from tracker.services.accounts.signin import REFUSED
from tracker.services.context import Tracker, open_tracker

PASSWORD = "correct horse battery"
LIMITS = SessionLimits(idle_seconds=60, max_seconds=600, max_sessions=50)


@pytest.fixture
def alice(tracker: Tracker) -> AccountView:
    return add_account(tracker, "alice", "Alice Smith", PASSWORD, [RoleGrant("admin", None, None)])


@pytest.fixture
def other_server(tracker: Tracker) -> Iterator[Tracker]:
    """A second server on the same database: a Tracker with an engine of its own."""
    t = open_tracker(tracker.settings)
    yield t
    t.close()


def rows(t: Tracker) -> list[WebSession]:
    with t.db.reading() as s:
        return list(s.scalars(select(WebSession)))


def shift(t: Tracker, **seconds: int) -> None:
    """Move every session's times back (as if that long had passed)."""
    with t.db.writing() as s:
        for row in s.scalars(select(WebSession)):
            for name, back in seconds.items():
                setattr(row, name, getattr(row, name) - dt.timedelta(seconds=back))


def test_a_session_is_stored_as_a_hash_and_found_by_its_cookie_on_any_server(
    tracker: Tracker, other_server: Tracker, alice: AccountView
) -> None:
    signed = start_web_session(tracker, "Alice", PASSWORD, source="192.0.2.7", limits=LIMITS)
    [row] = rows(tracker)
    assert signed.token not in (row.token_hash, signed.session.key)  # only its hash is kept
    assert row.source == "192.0.2.7"
    found = find_web_session(other_server, signed.token)
    assert found is not None and found.account == alice and found.key == row.token_hash
    assert found.form_token == signed.session.form_token != signed.token
    assert find_web_session(other_server, signed.token[:-1] + "x") is None  # forged
    assert find_web_session(other_server, None) is None
    again = start_web_session(tracker, "alice", PASSWORD, source="192.0.2.7", limits=LIMITS)
    assert again.token != signed.token and again.session.form_token != found.form_token


def test_a_session_ends_when_idle_unless_active_and_when_too_old(
    tracker: Tracker, other_server: Tracker, alice: AccountView
) -> None:
    signed = start_web_session(tracker, "alice", PASSWORD, source="test", limits=LIMITS)
    key = signed.session.key
    shift(tracker, idle_until=50, last_active=50)  # 50 s without a keystroke: 10 s left
    # a keystroke on the other server: the idle time starts again there, for every server
    assert refresh_web_sessions(other_server, active=[key], running=[key]) == frozenset()
    found = find_web_session(tracker, signed.token)
    assert found is not None and found.idle_until > tracker.clock() + dt.timedelta(seconds=55)
    shift(tracker, idle_until=61)
    assert find_web_session(tracker, signed.token) is None  # idle over a minute: ended
    # a keystroke arriving late does not bring it back; its app processes are to end
    assert refresh_web_sessions(other_server, active=[key], running=[key]) == {key}
    assert rows(tracker) == []

    busy = start_web_session(tracker, "alice", PASSWORD, source="test", limits=LIMITS)
    shift(tracker, expires=601, started=600)  # signed in 10 minutes ago, busy all along
    refresh_web_sessions(tracker, active=[busy.session.key], running=[])
    assert find_web_session(other_server, busy.token) is None


def test_sign_out_on_one_server_ends_the_session_on_every_server(
    tracker: Tracker, other_server: Tracker, alice: AccountView
) -> None:
    signed = start_web_session(tracker, "alice", PASSWORD, source="test", limits=LIMITS)
    assert end_web_session(other_server, signed.token) is True
    assert find_web_session(tracker, signed.token) is None  # the cookie, brought back
    assert refresh_web_sessions(tracker, active=[], running=[signed.session.key]) == {
        signed.session.key}  # fmt: skip
    assert end_web_session(tracker, signed.token) is False  # nothing left to end
    with tracker.db.reading() as s:
        ops = s.scalars(select(AuditEntry.operation).where(AuditEntry.entity_key == "alice"))
        assert list(ops).count("sign out") == 1


def test_a_disabled_accounts_session_ends(
    tracker: Tracker, other_server: Tracker, alice: AccountView
) -> None:
    signed = start_web_session(tracker, "alice", PASSWORD, source="test", limits=LIMITS)
    add_account(Tracker(tracker.settings, db=tracker.db, account=alice), "bob", "Bob",
                PASSWORD, [RoleGrant("admin", None, None)])  # fmt: skip
    bob = start_web_session(tracker, "bob", PASSWORD, source="test", limits=LIMITS)
    disable_account(Tracker(tracker.settings, db=tracker.db, account=bob.session.account), "alice")
    assert find_web_session(other_server, signed.token) is None
    keys = [signed.session.key, bob.session.key]
    assert refresh_web_sessions(other_server, active=keys, running=keys) == {keys[0]}
    with pytest.raises(SignInRefused, match=REFUSED):  # and it cannot sign in again
        start_web_session(other_server, "alice", PASSWORD, source="test", limits=LIMITS)


def test_wrong_passwords_start_no_session_and_are_throttled_across_servers(
    tracker: Tracker, other_server: Tracker, alice: AccountView
) -> None:
    for _ in range(5):
        with pytest.raises(SignInRefused, match=REFUSED):
            start_web_session(tracker, "alice", "guess", source="198.51.100.9", limits=LIMITS)
    # the sixth try, even with the right password, on the other server: throttled
    with pytest.raises(SignInRefused, match="too many failed sign-ins: try again after"):
        start_web_session(other_server, "alice", PASSWORD, source="192.0.2.1", limits=LIMITS)
    with pytest.raises(SignInRefused, match=f"longer than 1024 characters: {REFUSED}"):
        start_web_session(other_server, "nobody", "p" * 5000, source="192.0.2.1", limits=LIMITS)
    assert rows(tracker) == []
    with tracker.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(SignInFailure)) == 6
        trail = " ".join(str(e.new) for e in s.scalars(select(AuditEntry)))
    assert "guess" not in trail and PASSWORD not in trail and "ppp" not in trail


def test_the_limit_on_open_sessions_counts_every_server(
    tracker: Tracker, other_server: Tracker, alice: AccountView
) -> None:
    two = SessionLimits(idle_seconds=60, max_seconds=600, max_sessions=2)
    first = start_web_session(tracker, "alice", PASSWORD, source="test", limits=two)
    start_web_session(other_server, "alice", PASSWORD, source="test", limits=two)
    with pytest.raises(TooManySessions, match=r"2 sessions are open.*max_sessions = 2"):
        start_web_session(tracker, "alice", PASSWORD, source="test", limits=two)
    assert len(rows(tracker)) == 2
    end_web_session(other_server, first.token)
    start_web_session(tracker, "alice", PASSWORD, source="test", limits=two)  # room again
    with tracker.db.writing() as s:  # an ended (timed-out) session makes room too
        s.execute(update(WebSession).values(idle_until=WebSession.started))
    start_web_session(tracker, "alice", PASSWORD, source="test", limits=two)
    assert len(rows(tracker)) == 1
