"""What the acting account may do, read once, for a face to hide or disable the rest.

`what_i_may_do(t)` reads the acting account, its roles, the boards' names and the actions it owns
in one short transaction; the answer (`Capabilities`) then answers every question a screen asks
(`may("record verdicts", board="sfb")`) without the database. It says what `require` would say
(tracker/services/accounts/permissions.py), in the same words; `require` stays the check that
refuses (this is only what a face shows, and it can be out of date by a role change since).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.errors import NotPermitted
from tracker.models import Action, Board, Person
from tracker.services.accounts import store
from tracker.services.accounts.permissions import RULES, Rule, acting_in
from tracker.services.accounts.types import (
    ACTION_OWNER,
    ADMIN,
    BOARD_MEMBER,
    BOARD_SECRETARY,
    COMMITTEE_OFFICER,
    PROGRAMME_MANAGER,
    VIEWER,
    AccountView,
    RoleGrant,
)
from tracker.services.context import Tracker

_ROLE_WORDS = {ADMIN: "an admin", PROGRAMME_MANAGER: "a programme manager", VIEWER: "a viewer"}
# what an account may do to itself whatever its role: it does not make it a writer
_OWN = frozenset(what for what, rule in RULES.items() if rule.scope == "self")
_FIRST_ACCOUNT = frozenset({"manage accounts", "see accounts"})


@dataclass(frozen=True)
class Capabilities:
    """The acting account's rights. `everything`: nothing can be refused here (a SQLite file's
    local user, a tracker without accounts, an admin). `refused`: the account cannot act at
    all (a login with no account, a disabled account, a refused sign-in ticket), and why."""

    everything: bool
    acting: str | None = None  # the account's name, when one acts
    grants: tuple[RoleGrant, ...] = ()
    owned: frozenset[str] = frozenset()  # refs of the actions the account owns
    board_names: dict[str, str] = field(default_factory=dict)  # code -> name
    refused: str | None = None
    no_account_yet: bool = False  # [auth] required and no account at all: the first may be added

    def may(
        self, what: str, *, board: str | None = None, committee: str | None = None,
        action: str | None = None,
    ) -> str | None:  # fmt: skip
        """None if the account may do `what` (a key of permissions.RULES) to this board,
        committee or action; else the sentence a refusal would say."""
        rule = RULES[what]
        if self.everything or (self.no_account_yet and what in _FIRST_ACCOUNT):
            return None
        if self.refused is not None:
            return self.refused
        board, committee = self._code(board), self._code(committee)
        if self._allowed(rule, board, committee, action, anywhere=False):
            return None
        return self._sentence(rule, board, committee, action)

    def may_somewhere(self, what: str) -> str | None:
        """None if the account may do `what` to some board, committee or action (a screen
        offers it then, and asks `may` for the one selected); else why not."""
        rule = RULES[what]
        if self.everything or (self.no_account_yet and what in _FIRST_ACCOUNT):
            return None
        if self.refused is not None:
            return self.refused
        if self._allowed(rule, None, None, None, anywhere=True):
            return None
        if rule.scope == "action":
            return self._suffixed(f"only an action's owner or a programme manager can {rule.doing}")
        if rule.scope in ("board", "committee"):
            whose = "a board's secretary" if rule.scope == "board" else "a committee's officer"
            return self._suffixed(f"only {whose} can {rule.doing}")
        return self._sentence(rule, None, None, None)

    @property
    def read_only(self) -> bool:
        """Nothing at all may be changed (what an account may do to itself aside)."""
        return all(self.may_somewhere(what) is not None for what in RULES if what not in _OWN)

    @property
    def roles_text(self) -> str:
        return ", ".join(str(g) for g in self.grants) or "no role"

    def mark(self) -> str:
        """A short line for the app's header: "" when everything is allowed."""
        if self.everything:
            return ""
        if self.refused is not None:
            return "read only: cannot act"
        if self.read_only:
            return f"read only: {self.roles_text.replace('_', ' ')}"
        return self.roles_text.replace("_", " ")

    # -- as permissions.py decides --------------------------------------------------------

    def _allowed(
        self, rule: Rule, board: str | None, committee: str | None, action: str | None,
        *, anywhere: bool,
    ) -> bool:  # fmt: skip
        for grant in self.grants:
            if grant.role not in rule.roles:
                continue
            if grant.role in (BOARD_SECRETARY, BOARD_MEMBER) and rule.scope in ("board", "body"):
                allowed = anywhere or grant.board == board
            elif grant.role == COMMITTEE_OFFICER and rule.scope == "body":
                allowed = anywhere or grant.committee == board
            elif grant.role == COMMITTEE_OFFICER and rule.scope == "committee":
                allowed = anywhere or grant.committee == committee
            elif grant.role == ACTION_OWNER and rule.scope == "action":
                allowed = bool(self.owned) if anywhere else action in self.owned
            else:
                allowed = True
            if allowed:
                return True
        return False

    def _sentence(
        self, rule: Rule, board: str | None, committee: str | None, action: str | None
    ) -> str:
        if rule.scope == "board":
            text = f"only the {self._name(board)}'s secretary can {rule.doing}"
        elif rule.scope == "committee":
            text = f"only the {self._name(committee)}'s committee officer can {rule.doing}"
        elif rule.scope == "body":
            text = (f"only the {self._name(board)}'s secretary, members or committee officer, "
                    f"or a programme manager, can {rule.doing}")  # fmt: skip
        elif rule.scope == "action":
            text = f"only the owner of {action} or a programme manager can {rule.doing}"
        elif rule.scope == "self":
            text = f"only an admin can {rule.doing}"
        else:
            text = (
                "only "
                + " or ".join(
                    _ROLE_WORDS.get(r, f"a {r.replace('_', ' ')}") for r in sorted(rule.roles)
                )
                + f" can {rule.doing}"
            )
        return self._suffixed(text)

    def _suffixed(self, text: str) -> str:
        return f"{text} (you act as {self.acting}: {self.roles_text})"

    def _code(self, board: str | None) -> str | None:
        if board is None:
            return None
        typed = board.strip()
        if typed in self.board_names:
            return typed
        by_name = {name.lower(): code for code, name in self.board_names.items()}
        return by_name.get(typed.lower(), typed)

    def _name(self, code: str | None) -> str:
        return self.board_names.get(code or "") or (code or "board")


def what_i_may_do(t: Tracker) -> Capabilities:
    """What the acting account may do: one read, for a face to hide what it may not (a face
    that knows nothing can be refused, `t.unrestricted`, need not ask)."""
    with t.db.reading() as s:
        any_account = store.accounts_exist(s)
        if not any_account and not t.settings.auth_required:
            return Capabilities(everything=True)
        try:
            actor = acting_in(t, s)
        except NotPermitted as unknown:
            return Capabilities(everything=False, refused=str(unknown),
                                no_account_yet=not any_account)  # fmt: skip
        if actor is None or actor.has(ADMIN):
            return Capabilities(everything=True, acting=actor.display_name if actor else None,
                                grants=actor.roles if actor else ())  # fmt: skip
        names = {code: name for code, name in s.execute(select(Board.code, Board.name))}
        owned = _owned(s, actor) if actor.has(ACTION_OWNER) else frozenset()
    return Capabilities(everything=False, acting=actor.display_name, grants=actor.roles,
                        owned=owned, board_names=names)  # fmt: skip


def _owned(s: Session, actor: AccountView) -> frozenset[str]:
    """The refs of the actions the account owns (permissions.owns, for every action at once)."""
    names = sorted({actor.login, (actor.database_login or "").lower()} - {""})
    rows = s.scalars(
        select(Action.ref).join(Person, Action.owner_id == Person.id).where(
            func.lower(Person.code).in_(names)
            | (func.lower(func.trim(func.coalesce(Person.email, ""))) == actor.login)
        )
    )  # fmt: skip
    return frozenset(rows)
