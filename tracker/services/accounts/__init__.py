"""Accounts: people who sign in, their roles, sign-in and one-time tickets.

types.py   what an account is (AccountView, RoleGrant), the roles, parse_role
passwords  argon2id hashing (argon2-cffi): the only place a password is seen
store      reading and writing accounts inside an open session
manage     tracker users: add, list, disable, password, roles (admins)
signin     sign-in with throttling; one-time tickets for an app process
websessions  browser sessions (tracker serve), kept in the database
permissions  the check every write use case makes first: require(t, s, what, ...)

The package loads none of them when imported: each name below comes from its module when first
used (PEP 562), so a use case that needs only `permissions.require` does not load argon2,
sign-in and browser sessions on its way (every command's start-up counts)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.services.lazy_names import names_on_first_use

if TYPE_CHECKING:
    from tracker.services.accounts.manage import (
        add_account,
        change_roles,
        disable_account,
        link_database_login,
        list_accounts,
        list_pending,
        set_password,
    )
    from tracker.services.accounts.signin import issue_ticket, redeem_ticket, sign_in
    from tracker.services.accounts.types import (
        ROLES,
        AccountView,
        PendingLogin,
        RoleGrant,
        parse_role,
    )
    from tracker.services.accounts.websessions import (
        BrowserSignIn,
        SessionLimits,
        WebSessionView,
        end_web_session,
        find_web_session,
        refresh_web_sessions,
        start_web_session,
    )

_WHERE = {
    "add_account": "manage",
    "change_roles": "manage",
    "disable_account": "manage",
    "link_database_login": "manage",
    "list_accounts": "manage",
    "list_pending": "manage",
    "set_password": "manage",
    "issue_ticket": "signin",
    "redeem_ticket": "signin",
    "sign_in": "signin",
    "ROLES": "types",
    "AccountView": "types",
    "PendingLogin": "types",
    "RoleGrant": "types",
    "parse_role": "types",
    "BrowserSignIn": "websessions",
    "SessionLimits": "websessions",
    "WebSessionView": "websessions",
    "end_web_session": "websessions",
    "find_web_session": "websessions",
    "refresh_web_sessions": "websessions",
    "start_web_session": "websessions",
}


__getattr__ = names_on_first_use(__name__, _WHERE, globals())


__all__ = [
    "ROLES",
    "AccountView",
    "BrowserSignIn",
    "PendingLogin",
    "RoleGrant",
    "SessionLimits",
    "WebSessionView",
    "add_account",
    "change_roles",
    "disable_account",
    "end_web_session",
    "find_web_session",
    "issue_ticket",
    "link_database_login",
    "list_accounts",
    "list_pending",
    "parse_role",
    "redeem_ticket",
    "refresh_web_sessions",
    "set_password",
    "sign_in",
    "start_web_session",
]
