"""Adding and changing accounts (`tracker users`): admins only, once the first account exists.
A password is hashed before the transaction opens (argon2 takes a fifth of a second) and never
stored, logged or audited."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from tracker.domain import audit
from tracker.errors import invalid
from tracker.models import Account, AccountRole, PendingRole, SignInTicket
from tracker.services.accounts import store
from tracker.services.accounts.passwords import hash_password
from tracker.services.accounts.permissions import require
from tracker.services.accounts.types import (
    ADMIN,
    AccountView,
    PendingLogin,
    RoleGrant,
    password_problem,
)
from tracker.services.context import Tracker
from tracker.text import control_problem


def add_account(
    t: Tracker,
    login: str,
    display_name: str,
    password: str | None,
    roles: Sequence[RoleGrant] = (),
    *,
    database_login: str | None = None,
) -> AccountView:
    """A new account. Without a password it cannot sign in (a PostgreSQL login acting from a
    terminal needs none here: the database checks who it is)."""
    login = store.check_login(login)
    name = _display_name(display_name)
    db_login = _database_login(database_login)
    hashed = _hashed(password) if password is not None else None
    with t.db.writing() as s:
        require(t, s, "manage accounts")
        if store.find(s, login) is not None:
            raise invalid("login", f"{login!r} already has an account")
        if db_login and s.scalar(select(Account.id).where(Account.database_login == db_login)):
            raise invalid("database login", f"{db_login!r} is already another account's")
        account = Account(login=login, display_name=name, password_hash=hashed, disabled=False,
                          database_login=db_login)  # fmt: skip
        planned = store.pending_grants(s, login)  # given by a plan file before the account was
        account.roles = store.role_rows(s, _unique([*roles, *planned]))
        s.add(account)
        s.execute(delete(PendingRole).where(PendingRole.login == login))
        s.flush()
        seen = store.view(s, account)
        audit.record(s, t.user, "create", "account", login, {
            "display name": (None, name), "roles": (None, seen.roles_text()),
            "database login": (None, db_login), "password": (None, "set" if hashed else None),
        })  # fmt: skip
        return seen


def list_accounts(t: Tracker) -> tuple[AccountView, ...]:
    with t.db.reading() as s:
        require(t, s, "see accounts")
        accounts = s.scalars(select(Account).order_by(Account.login)).all()
        return tuple(store.view(s, a) for a in accounts)


def list_pending(t: Tracker) -> tuple[PendingLogin, ...]:
    """The logins a plan file gave roles that have no account yet, by login: adding an
    account with one of these logins gives it these roles."""
    with t.db.reading() as s:
        require(t, s, "see accounts")
        logins = s.scalars(select(PendingRole.login).distinct().order_by(PendingRole.login))
        return tuple(PendingLogin(login, store.pending_grants(s, login)) for login in logins.all())


def disable_account(t: Tracker, login: str, disabled: bool = True) -> AccountView:
    """Disable (or enable again) an account: it can no longer sign in, its unused sign-in
    tickets are void, its browser sessions end (tracker serve finds none), and a session it
    has open elsewhere is refused its next change."""
    with t.db.writing() as s:
        require(t, s, "manage accounts")
        account = store.get(s, login)
        if disabled and _last_admin(s, account):
            raise invalid("login", f"{account.login} is the only admin left: make another first")
        before = account.disabled
        account.disabled = disabled
        if disabled:
            s.execute(update(SignInTicket).where(SignInTicket.account_id == account.id)
                      .values(used=True))  # fmt: skip
        if before != disabled:
            audit.record(s, t.user, "update", "account", account.login,
                         {"disabled": (before, disabled)})  # fmt: skip
        return store.view(s, account)


def set_password(t: Tracker, login: str, password: str) -> AccountView:
    """A new password: an admin for anybody, an account for itself."""
    hashed = _hashed(password)
    with t.db.writing() as s:
        require(t, s, "change own password", account=login)
        account = store.get(s, login)
        account.password_hash = hashed
        audit.record(s, t.user, "update", "account", account.login,
                     {"password": ("set", "changed")})  # fmt: skip
        return store.view(s, account)


def link_database_login(t: Tracker, login: str, database_login: str | None) -> AccountView:
    """The PostgreSQL login that acts as this account from a terminal (None: none)."""
    db_login = _database_login(database_login)
    with t.db.writing() as s:
        require(t, s, "manage accounts")
        account = store.get(s, login)
        taken = (
            s.scalar(
                select(Account.id).where(
                    Account.database_login == db_login, Account.id != account.id
                )
            )
            if db_login
            else None
        )
        if taken is not None:
            raise invalid("database login", f"{db_login!r} is already another account's")
        before = account.database_login
        account.database_login = db_login
        if before != db_login:
            audit.record(s, t.user, "update", "account", account.login,
                         {"database login": (before, db_login)})  # fmt: skip
        return store.view(s, account)


def change_roles(
    t: Tracker, login: str, grant: Sequence[RoleGrant] = (), revoke: Sequence[RoleGrant] = ()
) -> AccountView:
    """Grant and revoke roles (a revoke of a role the account does not hold is refused)."""
    with t.db.writing() as s:
        require(t, s, "manage accounts")
        account = store.get(s, login)
        before = store.view(s, account)
        held = list(before.roles)
        for g in revoke:
            if g not in held:
                raise invalid("role", f"{account.login} does not hold {g}", before.roles_text())
            held.remove(g)
        dropped = ADMIN in {g.role for g in revoke} and ADMIN not in {g.role for g in held}
        if dropped and _last_admin(s, account):
            raise invalid("role", f"{account.login} is the only admin left: make another first")
        wanted = _unique([*held, *grant])
        rows = store.role_rows(s, wanted)
        account.roles.clear()
        s.flush()
        account.roles.extend(rows)
        s.flush()
        after = store.view(s, account)
        if after.roles != before.roles:
            audit.record(s, t.user, "update", "account", account.login,
                         {"roles": (before.roles_text(), after.roles_text())})  # fmt: skip
        return after


def _last_admin(s: Session, account: Account) -> bool:
    admins = s.scalars(
        select(AccountRole.account_id).join(Account, Account.id == AccountRole.account_id)
        .where(AccountRole.role == ADMIN, Account.disabled.is_(False))
    ).all()  # fmt: skip
    return set(admins) == {account.id}


def _unique(grants: Sequence[RoleGrant]) -> list[RoleGrant]:
    return list(dict.fromkeys(grants))


def _hashed(password: str) -> str:
    problem = password_problem(password)
    if problem is not None:
        raise problem
    return hash_password(password)


def _display_name(value: str) -> str:
    name = value.strip()
    if not name:
        raise invalid("display name", "is empty")
    if len(name) > 200:
        raise invalid("display name", "is longer than 200 characters")
    wrong = control_problem(name)
    if wrong:
        raise invalid("display name", wrong)
    return name


def _database_login(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    name = value.strip()
    if len(name) > 63 or control_problem(name) or '"' in name:
        raise invalid("database login", f"{name[:70]!r} is not a PostgreSQL login",
                      "up to 63 characters, no quotes or control characters")  # fmt: skip
    return name
