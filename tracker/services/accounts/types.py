"""What an account is, as every face sees it, and the roles there are. No database here."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.errors import InvalidInput, invalid

ADMIN = "admin"
PROGRAMME_MANAGER = "programme_manager"
BOARD_SECRETARY = "board_secretary"
BOARD_MEMBER = "board_member"
ACTION_OWNER = "action_owner"
COMMITTEE_OFFICER = "committee_officer"
VIEWER = "viewer"

ROLES = (ADMIN, PROGRAMME_MANAGER, BOARD_SECRETARY, BOARD_MEMBER, ACTION_OWNER,
         COMMITTEE_OFFICER, VIEWER)  # fmt: skip
BOARD_ROLES = (BOARD_SECRETARY, BOARD_MEMBER)  # of one board: "board_secretary:sfb"
COMMITTEE_ROLES = (COMMITTEE_OFFICER,)  # of one committee: "committee_officer:ilsc"
ROLE_FORMS = (
    "admin, programme_manager, board_secretary:BOARD, board_member:BOARD, action_owner, "
    "committee_officer:COMMITTEE, viewer"
)

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


def parse_role(text: str) -> RoleGrant:
    """A role as typed: "programme_manager", "board_secretary:sfb", "committee_officer:ilsc".
    Dashes and spaces read as underscores; the board or committee is checked when stored."""
    role, _, scope = text.strip().partition(":")
    role = role.strip().lower().replace("-", "_").replace(" ", "_")
    scope = scope.strip()
    if role not in ROLES:
        raise invalid("role", f"{text.strip()!r} is not a role", ROLE_FORMS)
    if role in BOARD_ROLES + COMMITTEE_ROLES and not scope:
        what = "board" if role in BOARD_ROLES else "committee"
        raise invalid("role", f"{role} needs its {what}: {role}:{what.upper()}", ROLE_FORMS)
    if role not in BOARD_ROLES + COMMITTEE_ROLES and scope:
        raise invalid("role", f"{role} is not of one board or committee", ROLE_FORMS)
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
