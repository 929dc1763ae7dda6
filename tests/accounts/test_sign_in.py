"""Accounts, sign-in and one-time tickets, on both databases: what a person signing in (or an
attacker) would notice, and what is left in the database and the audit trail."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from sqlalchemy import select

from tracker.errors import InvalidInput, SignInRefused
from tracker.models import Account, AuditEntry, SignInFailure, SignInTicket
from tracker.services.accounts import (
    AccountView,
    RoleGrant,
    add_account,
    issue_ticket,
    parse_role,
    redeem_ticket,
    sign_in,
)
from tracker.services.accounts.signin import REFUSED, TICKET_REFUSED
from tracker.services.context import Tracker

PASSWORD = "correct horse battery"


@pytest.fixture
def alice(tracker: Tracker) -> AccountView:
    return add_account(tracker, "Alice", "Alice Smith", PASSWORD, [RoleGrant("admin", None, None)])


def as_(t: Tracker, account: AccountView) -> Tracker:
    """The tracker as that account acts in it (a browser session's, or a mapped login's)."""
    return Tracker(t.settings, db=t.db, account=account)


def test_an_account_signs_in_with_its_password_and_the_hash_is_argon2(
    tracker: Tracker, alice: AccountView
) -> None:
    assert alice.login == "alice" and alice.roles == (RoleGrant("admin", None, None),)
    seen = sign_in(tracker, "ALICE", PASSWORD, source="127.0.0.1")
    assert seen == alice
    with tracker.db.reading() as s:
        stored = s.scalars(select(Account.password_hash)).one()
        trail = [e.operation for e in s.scalars(select(AuditEntry)).all()]
    assert stored is not None and stored.startswith("$argon2id$") and PASSWORD not in stored
    assert "sign in" in trail


@pytest.mark.parametrize("login,password", [("alice", "wrong password!"), ("nobody", PASSWORD)])
def test_a_wrong_password_and_an_unknown_login_read_the_same(
    tracker: Tracker, alice: AccountView, login: str, password: str,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    with caplog.at_level(logging.INFO), pytest.raises(SignInRefused) as refused:
        sign_in(tracker, login, password, source="10.0.0.9")
    assert str(refused.value) == REFUSED
    with tracker.db.reading() as s:
        failures = s.scalars(select(SignInFailure)).all()
        trail = " ".join(f"{e.operation} {e.new}" for e in s.scalars(select(AuditEntry)).all())
    assert [(f.login, f.source) for f in failures] == [(login, "10.0.0.9")]
    assert "sign-in refused" in trail and password not in trail
    assert "refused" in caplog.text and password not in caplog.text


def test_a_disabled_account_is_refused_in_the_same_words(
    tracker: Tracker, alice: AccountView
) -> None:
    from tracker.services.accounts import disable_account

    add_account(as_(tracker, alice), "bob", "Bob Jones", PASSWORD, [parse_role("admin")])
    disable_account(as_(tracker, alice), "alice")
    with pytest.raises(SignInRefused) as refused:
        sign_in(tracker, "alice", PASSWORD, source="127.0.0.1")
    assert str(refused.value) == REFUSED


def test_an_over_long_password_is_refused_before_hashing(
    tracker: Tracker, alice: AccountView
) -> None:
    with pytest.raises(SignInRefused) as refused:
        sign_in(tracker, "alice", "x" * 1025, source="127.0.0.1")
    assert "longer than 1024 characters" in str(refused.value)
    with pytest.raises(InvalidInput, match="longer than 1024"):
        add_account(as_(tracker, alice), "carol", "Carol", "y" * 2000)


def test_five_failures_throttle_the_login_for_fifteen_minutes(
    tracker: Tracker, alice: AccountView
) -> None:
    for _ in range(5):
        with pytest.raises(SignInRefused, match="wrong"):
            sign_in(tracker, "alice", "not the password", source=f"10.0.0.{_}")
    with pytest.raises(SignInRefused) as refused:
        sign_in(tracker, "alice", PASSWORD, source="127.0.0.1")  # right, but too soon
    assert "too many failed sign-ins: try again after" in str(refused.value)
    # fifteen minutes on, the right password works again and clears the login's failures
    with tracker.db.writing() as s:
        for f in s.scalars(select(SignInFailure)).all():
            f.at = f.at - dt.timedelta(minutes=16)
    assert sign_in(tracker, "alice", PASSWORD, source="127.0.0.1") == alice
    with tracker.db.reading() as s:
        assert s.scalars(select(SignInFailure).where(SignInFailure.login == "alice")).all() == []


def test_twenty_failures_from_one_source_throttle_every_login_from_it(
    tracker: Tracker, alice: AccountView
) -> None:
    for i in range(20):
        with pytest.raises(SignInRefused):
            sign_in(tracker, f"guess{i}", "whatever it is", source="203.0.113.7")
    with pytest.raises(SignInRefused, match="too many"):
        sign_in(tracker, "alice", PASSWORD, source="203.0.113.7")
    assert sign_in(tracker, "alice", PASSWORD, source="127.0.0.1") == alice


def test_a_ticket_is_redeemed_once_for_its_account(tracker: Tracker, alice: AccountView) -> None:
    ticket = issue_ticket(tracker, alice.id)
    assert len(ticket) >= 40
    with tracker.db.reading() as s:
        stored = s.scalars(select(SignInTicket.ticket_hash)).one()
    assert ticket not in stored  # only its hash is kept
    assert redeem_ticket(tracker, ticket) == alice
    with pytest.raises(SignInRefused) as replayed:
        redeem_ticket(tracker, ticket)
    assert str(replayed.value) == TICKET_REFUSED


@pytest.mark.parametrize("forged", ["", "x" * 43, "a" * 5000])
def test_a_forged_ticket_is_refused_and_recorded(
    tracker: Tracker, alice: AccountView, forged: str
) -> None:
    issue_ticket(tracker, alice.id)
    with pytest.raises(SignInRefused, match="unknown, used or expired"):
        redeem_ticket(tracker, forged)
    with tracker.db.reading() as s:
        ops = [e.operation for e in s.scalars(select(AuditEntry)).all()]
    assert "ticket refused" in ops


def test_an_expired_ticket_is_refused(tracker: Tracker, alice: AccountView) -> None:
    ticket = issue_ticket(tracker, alice.id)
    with tracker.db.writing() as s:
        row = s.scalars(select(SignInTicket)).one()
        row.expires = row.expires - dt.timedelta(seconds=61)
    with pytest.raises(SignInRefused):
        redeem_ticket(tracker, ticket)


def test_a_ticket_for_an_account_disabled_since_is_refused(
    tracker: Tracker, alice: AccountView
) -> None:
    from tracker.services.accounts import disable_account

    add_account(as_(tracker, alice), "bob", "Bob Jones", PASSWORD, [parse_role("admin")])
    ticket = issue_ticket(tracker, alice.id)
    disable_account(as_(tracker, alice), "alice")
    with pytest.raises(SignInRefused):
        redeem_ticket(tracker, ticket)
    with pytest.raises(SignInRefused):
        issue_ticket(tracker, alice.id)


def test_the_tracker_acts_as_a_known_account(tracker: Tracker, alice: AccountView) -> None:
    from tracker.services.accounts import list_accounts

    acting = Tracker(tracker.settings, db=tracker.db, account=alice)
    assert acting.acting == alice and acting.user == "Alice Smith"
    assert tracker.user == "Test User"  # the local user, as before
    assert not acting.unrestricted  # a known account: every write is checked
    assert tracker.unrestricted == tracker.settings.is_sqlite  # PostgreSQL: current_user's
    assert [a.login for a in list_accounts(acting)] == ["alice"]


def test_roles_are_read_as_typed_and_checked_against_the_boards(loaded: Tracker) -> None:
    assert parse_role("Board-Secretary:sfb") == RoleGrant("board_secretary", "sfb", None)
    assert parse_role("committee_officer:ilsc") == RoleGrant("committee_officer", None, "ilsc")
    for wrong in ("chair", "board_secretary", "viewer:sfb"):
        with pytest.raises(InvalidInput, match="role"):
            parse_role(wrong)
    with pytest.raises(InvalidInput, match="no board with the code 'nope'"):
        add_account(loaded, "dan", "Dan", PASSWORD, [RoleGrant("board_secretary", "nope", None)])
    with loaded.db.reading() as s:
        assert s.scalars(select(Account)).all() == []
