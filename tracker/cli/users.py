"""`tracker users add|list|disable|passwd|roles`: the people who sign in, and their roles.

A password is read with a hidden prompt (typed twice) or, for scripts, from the first line of
standard input with --password-stdin: never from the command line, where `ps` and the shell's
history would show it."""

from __future__ import annotations

import sys

import click

from tracker.cli.common import TrackerGroup, emit, state
from tracker.errors import invalid

FORMATS = click.Choice(["table", "csv", "json"])
ROLE_HELP = (
    "admin, programme_manager, board_secretary:BOARD, board_member:BOARD, action_owner, "
    "committee_officer:COMMITTEE or viewer (BOARD and COMMITTEE are codes)"
)


@click.group(cls=TrackerGroup)
def users() -> None:
    """Accounts: who signs in, and what their roles let them change."""


def _password(from_stdin: bool, what: str = "Password") -> str:
    if from_stdin:
        line = sys.stdin.readline()
        password = line[:-1] if line.endswith("\n") else line
        if not password:
            raise invalid("password", "standard input gave no password (one line expected)")
        return password
    password = click.prompt(what, hide_input=True, confirmation_prompt=True, err=True)
    return str(password)


def _show(account: object) -> None:
    from tracker.services.accounts import AccountView

    assert isinstance(account, AccountView)
    state_ = "disabled" if account.disabled else "enabled"
    db = f", database login {account.database_login}" if account.database_login else ""
    click.echo(f"{account.login} ({account.display_name}), {state_}{db}: {account.roles_text()}")


@users.command(
    "add",
    epilog="""\b
Examples:
  tracker users add kelly.white --name "Kelly White" --role programme_manager
  tracker users add sam --name "Sam Patel" --role board_secretary:supporting-families-board
  tracker users add lee --name "Lee Ward" --role viewer --database-login lee_ward --no-password
  printf '%s\\n' "$PASSWORD" | tracker users add ana --name "Ana Roy" --role admin --password-stdin
The first account may be added by anyone (make it an admin); after that, only an admin.""",
)
@click.argument("login")
@click.option("--name", "display_name", required=True, help="The name the trail shows.")
@click.option("--role", "roles", multiple=True, help=f"A role (repeatable): {ROLE_HELP}.")
@click.option("--database-login", help="The PostgreSQL login that acts as this account.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.option("--no-password", is_flag=True, help="No password: it cannot sign in in a browser.")
def add(login: str, display_name: str, roles: tuple[str, ...], database_login: str | None,
        password_stdin: bool, no_password: bool) -> None:  # fmt: skip
    """Add an account, with its roles and a password (asked for, hidden)."""
    from tracker.services.accounts import add_account, parse_role

    grants = [parse_role(r) for r in roles]
    password = None if no_password else _password(password_stdin)
    done = add_account(state().tracker(), login, display_name, password, grants,
                       database_login=database_login)  # fmt: skip
    click.echo("added ", nl=False)
    _show(done)


@users.command(
    "list", epilog="\b\nExamples:\n  tracker users list\n  tracker users list --format json"
)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def list_(fmt: str) -> None:
    """Every account, its roles, and whether it is disabled; then the logins a plan file gave
    roles that have no account yet (disabled: "pending": `users add` gives them the roles)."""
    from tracker.services.accounts import list_accounts, list_pending

    t = state().tracker()
    rows = [{"login": a.login, "name": a.display_name, "roles": a.roles_text(),
             "disabled": "yes" if a.disabled else "no", "database login": a.database_login}
            for a in list_accounts(t)]  # fmt: skip
    rows += [
        {
            "login": p.login,
            "name": "(no account yet)",
            "roles": p.roles_text(),
            "disabled": "pending",
            "database login": None,
        }
        for p in list_pending(t)
    ]
    emit(rows, ["login", "name", "roles", "disabled", "database login"], fmt)


@users.command(
    "disable",
    epilog="""\b
Examples:
  tracker users disable lee            cannot sign in; an open session can change nothing more
  tracker users disable lee --enable   allowed to sign in again""",
)
@click.argument("login")
@click.option("--enable", is_flag=True, help="Enable it again.")
def disable(login: str, enable: bool) -> None:
    """Disable an account (or enable it again)."""
    from tracker.services.accounts import disable_account

    _show(disable_account(state().tracker(), login, disabled=not enable))


@users.command(
    "passwd",
    epilog="""\b
Examples:
  tracker users passwd kelly.white                    asks for the new password twice, hidden
  printf '%s\\n' "$NEW" | tracker users passwd kelly.white --password-stdin
An admin sets anybody's password; an account may set its own.""",
)
@click.argument("login")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def passwd(login: str, password_stdin: bool) -> None:
    """Set an account's password."""
    from tracker.services.accounts import set_password

    done = set_password(state().tracker(), login, _password(password_stdin, "New password"))
    click.echo(f"password changed for {done.login}")


@users.command(
    "roles",
    epilog="""\b
Examples:
  tracker users roles sam                                       show them
  tracker users roles sam --grant board_member:children-first-board
  tracker users roles sam --revoke board_secretary:supporting-families-board""",
)
@click.argument("login")
@click.option("--grant", multiple=True, help=f"A role to grant (repeatable): {ROLE_HELP}.")
@click.option("--revoke", multiple=True, help="A role to take away (repeatable).")
def roles(login: str, grant: tuple[str, ...], revoke: tuple[str, ...]) -> None:
    """Show, grant or revoke an account's roles."""
    from tracker.services.accounts import change_roles, parse_role

    done = change_roles(state().tracker(), login, [parse_role(r) for r in grant],
                        [parse_role(r) for r in revoke])  # fmt: skip
    _show(done)


@users.command(
    "link",
    epilog="""\b
Examples:
  tracker users link kelly.white --database-login kelly     kelly's psql and CLI act as her
  tracker users link kelly.white --none                     no database login acts as her""",
)
@click.argument("login")
@click.option("--database-login", help="The PostgreSQL login (current_user) that acts as it.")
@click.option("--none", "unlink", is_flag=True, help="No database login acts as it.")
def link(login: str, database_login: str | None, unlink: bool) -> None:
    """Map a PostgreSQL login to an account (who acts in the terminal, on PostgreSQL)."""
    from tracker.services.accounts import link_database_login

    if unlink == (database_login is not None):
        raise click.UsageError("give --database-login NAME or --none")
    _show(link_database_login(state().tracker(), login, None if unlink else database_login))
