"""The admin's tasks on accounts (what `tracker users` does): add one, change its roles,
disable or enable it, set its password, list them all. A password is typed in a hidden field,
twice; it goes to the service and nowhere else."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text

from tracker.ui.tasks.helpers import ok, required
from tracker.ui.tasks.task import Ask, Done, Task

if TYPE_CHECKING:
    from tracker.services.context import Tracker

ROLE_HINT = ("Comma-separated: admin, programme_manager, board_secretary:BOARD, "
             "board_member:BOARD, action_owner, committee_officer:COMMITTEE, viewer "
             "(BOARD, COMMITTEE: codes)")  # fmt: skip


def _roles(text: str | None) -> list[Any]:
    from tracker.services.accounts import parse_role

    return [parse_role(r) for r in (text or "").split(",") if r.strip()]


def _password(v: dict[str, Any]) -> str:
    from tracker.errors import invalid

    if v["password"] != v["again"]:
        raise invalid("again", "is not the same password")
    return str(v["password"])


def add(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.accounts import add_account

    required(v, "login", "name")
    password = _password(v) if v["password"] else None
    a = add_account(t, v["login"], v["name"], password, _roles(v["roles"]),
                    database_login=v["database_login"] or None)  # fmt: skip
    how = "can sign in" if password else "has no password (a database login only)"
    return Done(ok(f"Added {a.login} ({a.display_name}): {a.roles_text()}; {how}."))


def roles(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.accounts import change_roles

    required(v, "account")
    a = change_roles(t, v["account"], _roles(v["grant"]), _roles(v["revoke"]))
    return Done(ok(f"{a.login} ({a.display_name}): {a.roles_text()}."))


def disable(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.accounts import disable_account

    required(v, "account")
    a = disable_account(t, v["account"], disabled=not v["enable"])
    state = "disabled: it cannot sign in" if a.disabled else "enabled: it can sign in"
    return Done(ok(f"{a.login} ({a.display_name}) is {state}."))


def password(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.accounts import set_password

    required(v, "account", "password")
    a = set_password(t, v["account"], _password(v))
    return Done(ok(f"Password changed for {a.login}."))


def link(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.accounts import link_database_login

    required(v, "account")
    a = link_database_login(t, v["account"], v["database_login"] or None)
    who = f"the PostgreSQL login {a.database_login}" if a.database_login else "no database login"
    return Done(ok(f"{a.login} ({a.display_name}): {who} acts as it in a terminal."))


def listed(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.accounts import list_accounts

    lines = [f"{a.login:<20} {a.display_name:<24} {'disabled' if a.disabled else 'enabled':<9} "
             f"{a.roles_text()}" for a in list_accounts(t)]  # fmt: skip
    return Done(Text("\n".join(lines) or "No accounts yet."), stored=False)


def _pair() -> tuple[Ask, Ask]:
    return (Ask("password", "Password (10 to 1024 characters)", "password"),
            Ask("again", "The password again", "password"))  # fmt: skip


TASKS = (
    Task("add-account", "Add an account (who signs in, and their roles)",
         "The first account may be added by anyone: make it an admin. Without a password the "
         "account cannot sign in in a browser (a PostgreSQL login acts as it instead).",
         (Ask("login", "Login"), Ask("name", "Name shown in the trail", fields=("display name",)),
          Ask("roles", "Roles", hint=ROLE_HINT, fields=("role",)),
          Ask("database_login", "PostgreSQL login (optional)", fields=("database login",)),
          *_pair()),
         add, verb="Add"),
    Task("account-roles", "Grant or revoke an account's roles",
         "Roles to grant and to revoke, each comma-separated.",
         (Ask("account", "Account", "choice", "accounts", fields=("login",)),
          Ask("grant", "Grant", hint=ROLE_HINT, fields=("role",)),
          Ask("revoke", "Revoke", fields=("role",))),
         roles, verb="Save"),
    Task("disable-account", "Disable (or enable) an account",
         "A disabled account cannot sign in, and a session it has open can change nothing.",
         (Ask("account", "Account", "choice", "accounts", fields=("login",)),
          Ask("enable", "Enable it again instead", "check")),
         disable, verb="Save"),
    Task("set-password", "Set an account's password",
         "An admin sets anybody's; an account may set its own.",
         (Ask("account", "Account", "choice", "accounts", fields=("login",)), *_pair()),
         password, verb="Set"),
    Task("link-account", "Map a PostgreSQL login to an account",
         "On PostgreSQL, whoever connects as that login (the CLI, the terminal app, psql) acts "
         "as the account. Leave it empty to map none.",
         (Ask("account", "Account", "choice", "accounts", fields=("login",)),
          Ask("database_login", "PostgreSQL login", fields=("database login",))),
         link, verb="Save"),
    Task("list-accounts", "Accounts: who signs in, their roles",
         "Every account, whether it is enabled, and its roles.", (), listed, verb="Show"),
)  # fmt: skip
