"""What an account is, as every face sees it, and the roles there are. No database here."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.errors import InvalidInput, invalid
from tracker.vocabulary import (  # the roles are vocabulary: plan files name them too
    ACTION_OWNER,
    ADMIN,
    BOARD_MEMBER,
    BOARD_ROLES,
    BOARD_SECRETARY,
    COMMITTEE_OFFICER,
    COMMITTEE_ROLES,
    PROGRAMME_MANAGER,
    ROLE_FORMS,
    ROLES,
    VIEWER,
    role_problem,
    split_role,
)

__all__ = [
    "ACTION_OWNER", "ADMIN", "BOARD_MEMBER", "BOARD_ROLES", "BOARD_SECRETARY",
    "COMMITTEE_OFFICER", "COMMITTEE_ROLES", "PROGRAMME_MANAGER", "ROLES", "ROLE_FORMS", "VIEWER",
    "AccountView", "PendingLogin", "RoleGrant", "parse_role", "password_problem",
]  # fmt: skip

PASSWORD_MIN = 10
PASSWORD_MAX = 1024  # longer is refused before hashing (argon2 would hash megabytes)


@dataclass(frozen=True)
class RoleGrant:
    """One role; a board role names its board's code, a committee officer's its committee."""

    role: str
    board: str | None = None
    committee: str | None = None

    def __str__(self) -> str:
        scope = self.board or self.committee
        return f"{self.role}:{scope}" if scope else self.role


@dataclass(frozen=True)
class AccountView:
    id: int
    login: str
    display_name: str
    disabled: bool
    roles: tuple[RoleGrant, ...]
    database_login: str | None = None

    def has(self, role: str) -> bool:
        return any(g.role == role for g in self.roles)

    def roles_text(self) -> str:
        return ", ".join(str(g) for g in self.roles) or "no role"


@dataclass(frozen=True)
class PendingLogin:
    """A login a plan file gave roles before it had an account (plans/README.md, "Access")."""

    login: str
    roles: tuple[RoleGrant, ...]

    def roles_text(self) -> str:
        return ", ".join(str(g) for g in self.roles) or "no role"


def parse_role(text: str) -> RoleGrant:
    """A role as typed: "programme_manager", "board_secretary:sfb", "committee_officer:ilsc".
    Dashes and spaces read as underscores; the board or committee is checked when stored."""
    role, scope = split_role(text)
    problem = role_problem(role, scope)
    if problem is not None:
        if problem == "is not a role":
            problem = f"{text.strip()!r} is not a role"
        raise invalid("role", problem, ROLE_FORMS)
    if role in BOARD_ROLES:
        return RoleGrant(role, board=scope)
    if role in COMMITTEE_ROLES:
        return RoleGrant(role, committee=scope)
    return RoleGrant(role)


def password_problem(password: str) -> InvalidInput | None:
    """What is wrong with a new password, or None."""
    if len(password) < PASSWORD_MIN:
        return invalid("password", f"is shorter than {PASSWORD_MIN} characters")
    if len(password) > PASSWORD_MAX:
        return invalid("password", f"is longer than {PASSWORD_MAX} characters")
    if any(ord(c) < 32 or ord(c) == 127 for c in password):
        return invalid("password", "contains a control character")
    return None
