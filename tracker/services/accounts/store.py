"""Reading and writing accounts inside an open session (the use cases compose these)."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.errors import NotFound, invalid
from tracker.models import Account, AccountRole, Board, PendingRole
from tracker.services.accounts.types import AccountView, RoleGrant
from tracker.vocabulary import LOGIN_ALLOWED, LOGIN_PATTERN

log = logging.getLogger("tracker.accounts")

LOGIN = re.compile(LOGIN_PATTERN)


def normal_login(login: str) -> str:
    return login.strip().lower()


def shown_login(login: str) -> str:
    """A typed login as it may be stored or logged: lower-case, printable, at most 200."""
    cleaned = "".join(c if c.isprintable() else "?" for c in normal_login(login))
    return cleaned[:200] or "(empty)"


def check_login(login: str, field: str = "login") -> str:
    value = normal_login(login)
    if not LOGIN.fullmatch(value):
        raise invalid(field, f"{login.strip()!r} is not a login", LOGIN_ALLOWED)
    return value


def find(s: Session, login: str) -> Account | None:
    return s.scalars(select(Account).where(Account.login == normal_login(login))).first()


def get(s: Session, login: str) -> Account:
    account = find(s, login)
    if account is None:
        raise NotFound(f"no account with the login {shown_login(login)!r}")
    return account


def view(s: Session, account: Account) -> AccountView:
    boards = {b.id: b.code for b in s.scalars(select(Board)).all()} if account.roles else {}
    grants = tuple(
        RoleGrant(
            r.role,
            board=boards.get(r.board_id) if r.board_id else None,
            committee=boards.get(r.committee_id) if r.committee_id else None,
        )
        for r in account.roles
    )
    return AccountView(
        id=account.id, login=account.login, display_name=account.display_name,
        disabled=account.disabled, roles=grants, database_login=account.database_login,
    )  # fmt: skip


def role_rows(s: Session, grants: Sequence[RoleGrant]) -> list[AccountRole]:
    """The rows for these grants; each board or committee must exist."""
    rows = []
    for grant in grants:
        board_id = committee_id = None
        if grant.board:
            board_id = _board_id(s, grant.board, "board")
        if grant.committee:
            committee_id = _board_id(s, grant.committee, "committee")
        rows.append(AccountRole(role=grant.role, board_id=board_id, committee_id=committee_id))
    return rows


def _board_id(s: Session, code: str, what: str) -> int:
    found = s.scalar(select(Board.id).where(Board.code == code))
    if found is None:
        codes = ", ".join(s.scalars(select(Board.code).order_by(Board.code)).all())
        raise invalid("role", f"no {what} with the code {code!r}", codes or None)
    return found


def pending_grants(s: Session, login: str) -> tuple[RoleGrant, ...]:
    """The roles a plan file gave this login before it had an account."""
    boards = dict(s.execute(select(Board.id, Board.code)).all())
    rows = s.scalars(select(PendingRole).where(PendingRole.login == normal_login(login))
                     .order_by(PendingRole.id)).all()  # fmt: skip
    return tuple(
        RoleGrant(r.role, board=boards.get(r.board_id) if r.board_id else None,
                  committee=boards.get(r.committee_id) if r.committee_id else None)
        for r in rows
    )  # fmt: skip


def accounts_exist(s: Session) -> bool:
    # the table's column: no mapper set-up for a use case that needs none (a plan import)
    return s.scalar(select(Account.__table__.c.id).limit(1)) is not None
