"""Who may change what: the one check every write use case makes before it changes anything.

    with t.db.writing() as s:
        require(t, s, "record verdicts", board=board_code)
        ...

Who is acting (`acting_in`): the account the face already knows (a browser session's, from its
sign-in ticket); else, on PostgreSQL, the account whose database login is `current_user`; else,
on a SQLite file with `[auth] required = true`, the account whose database login or login is
the operating-system user. Without any account (a SQLite file's single local user, today's
trackers) everything is allowed, as before accounts; on PostgreSQL, and with `[auth] required`,
once one account exists every writer must be one. Only the first account may be added by
anyone (so that an admin can be made).

An admin may do everything (a plan import can change everything anyway). An account owns an
action when the action's owner, in the plan, has the account's login as its code or its
e-mail address (compared case-insensitively), or the account's database login as its code.
"""

from __future__ import annotations

import getpass
import logging
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from tracker.errors import NotPermitted
from tracker.models import Account, Action, Board, Person
from tracker.services.accounts import store
from tracker.services.accounts.types import (
    ACTION_OWNER,
    ADMIN,
    BOARD_MEMBER,
    BOARD_SECRETARY,
    COMMITTEE_OFFICER,
    PROGRAMME_MANAGER,
    VIEWER,
    AccountView,
)
from tracker.services.context import Tracker

log = logging.getLogger("tracker.access")

Scope = Literal["any", "board", "committee", "body", "action", "self"]


@dataclass(frozen=True)
class Rule:
    roles: frozenset[str]  # who may (an admin always may)
    doing: str  # "record verdicts at its meetings": ends the refusal's sentence
    scope: Scope = "any"


def _rule(doing: str, *roles: str, scope: Scope = "any") -> Rule:
    return Rule(frozenset(roles), doing, scope)


RULES: dict[str, Rule] = {
    "manage accounts": _rule("add or change accounts", ADMIN),
    "see accounts": _rule("see the accounts", ADMIN),
    "change own password": _rule("change another account's password", ADMIN, scope="self"),
    "change boards": _rule("add or change boards", ADMIN),
    "import plans": _rule("import plan files", ADMIN),
    "edit actions": _rule("add, edit or cancel actions", PROGRAMME_MANAGER),
    "import updates": _rule("import update sheets", PROGRAMME_MANAGER),
    "manage indicators": _rule("change indicators and their readings", PROGRAMME_MANAGER),
    "mark exempt": _rule("mark items exempt from publication", PROGRAMME_MANAGER),
    "save views": _rule(
        "save or delete shared views", PROGRAMME_MANAGER, BOARD_SECRETARY, BOARD_MEMBER,
        ACTION_OWNER, COMMITTEE_OFFICER,
    ),
    "record updates": _rule("record updates on it", PROGRAMME_MANAGER, ACTION_OWNER,
                            scope="action"),
    "answer challenges": _rule("answer challenges on it", PROGRAMME_MANAGER, ACTION_OWNER,
                               scope="action"),
    "run meetings": _rule("schedule, hold or cancel its meetings", BOARD_SECRETARY,
                          scope="board"),
    "record verdicts": _rule("record verdicts at its meetings", BOARD_SECRETARY, scope="board"),
    "raise escalations": _rule("raise escalations from it", BOARD_SECRETARY, scope="board"),
    "decide escalations": _rule("decide escalations to it", BOARD_SECRETARY, scope="board"),
    "issue papers": _rule("issue its papers", BOARD_SECRETARY, scope="board"),
    "chase returns": _rule("import and chase its returns", BOARD_SECRETARY, scope="board"),
    "read exempt items": _rule("read its exempt items (a confidential paper)", PROGRAMME_MANAGER,
                               BOARD_SECRETARY, BOARD_MEMBER, COMMITTEE_OFFICER, scope="body"),
    "record resolutions": _rule("import its minutes and resolutions", COMMITTEE_OFFICER,
                                scope="committee"),
    "chase follow-ups": _rule("update or close its follow-ups", COMMITTEE_OFFICER,
                              scope="committee"),
}  # fmt: skip

_ROLE_WORDS = {ADMIN: "an admin", PROGRAMME_MANAGER: "a programme manager", VIEWER: "a viewer"}


def require(
    t: Tracker,
    s: Session,
    what: str,
    *,
    board: str | None = None,
    committee: str | None = None,
    action: str | None = None,
    account: str | None = None,
) -> None:
    """Refuse (NotPermitted, audited) unless the acting account may do `what` (a key of
    RULES) to this board, committee, action or account (by login). Call it first, inside the
    use case's own write transaction."""
    refusal = _refusal(t, s, what, board, committee, action, account)
    if refusal is not None:
        log.warning("refused: %s %s %s", refusal.actor, what, refusal.target)
        raise refusal


def permitted(
    t: Tracker, s: Session, what: str, *, board: str | None = None,
    committee: str | None = None, action: str | None = None,
) -> bool:  # fmt: skip
    """Inside an open session (a read, say): whether the acting account may do `what`, without
    refusing or auditing. An account unknown or disabled may not."""
    try:
        return _refusal(t, s, what, board, committee, action, None) is None
    except NotPermitted:
        return False


def may(
    t: Tracker, what: str, *, board: str | None = None, committee: str | None = None,
    action: str | None = None,
) -> str | None:  # fmt: skip
    """For a face to disable what the acting account may not do: None if it may, else the
    sentence a refusal would say. One read; nothing is audited (nothing was tried)."""
    with t.db.reading() as s:
        if not store.accounts_exist(s) and not t.settings.auth_required:
            return None  # no account at all: everything is allowed, as before accounts
        try:
            refusal = _refusal(t, s, what, board, committee, action, None)
        except NotPermitted as unknown:  # a login with no account, or one disabled since
            return str(unknown)
    return None if refusal is None else str(refusal)


def _refusal(
    t: Tracker, s: Session, what: str, board: str | None, committee: str | None,
    action: str | None, account: str | None,
) -> NotPermitted | None:  # fmt: skip
    rule = RULES[what]
    if what in ("manage accounts", "see accounts") and not store.accounts_exist(s):
        return None  # the first account: how the first admin is made
    actor = acting_in(t, s)
    if actor is None or actor.has(ADMIN):
        return None
    board, committee = _code(s, board), _code(s, committee)
    if _allowed(s, actor, rule, board, committee, action, account):
        return None
    target = board or committee or action or account or ""
    message = _sentence(s, rule, board, committee, action)
    message += f" (you act as {actor.display_name}: {actor.roles_text()})"
    return NotPermitted(message, actor=actor.display_name, what=what, target=target)


def acting_in(t: Tracker, s: Session) -> AccountView | None:
    """The account acting in this tracker, with its roles as they are now; None when the
    local user may do everything. Remembered on the tracker (`t.acting`), for its audit name."""
    known = t.acting
    if known is not None:
        account = s.get(Account, known.id)
        if account is None or account.disabled:
            raise NotPermitted(
                f"the account {known.login} is disabled or removed: sign in again",
                actor=known.display_name,
                what="act",
                target=known.login,
            )
        return _remember(t, s, account)
    dialect = s.get_bind().dialect.name
    if not (dialect == "postgresql" or t.settings.auth_required):
        return None
    if not t.settings.auth_required and not store.accounts_exist(s):
        return None
    if dialect == "postgresql":
        who = str(s.scalar(text("SELECT current_user")))
        where = "database login"
    else:
        who = getpass.getuser()
        where = "user"
    account = s.scalars(
        select(Account)
        .where((Account.database_login == who) | (Account.login == store.normal_login(who)))
        .order_by(Account.database_login.is_(None))
    ).first()
    if account is None:
        raise NotPermitted(
            f"the {where} {who!r} has no account: an admin adds one "
            f"(tracker users add LOGIN --database-login {who})", actor=who, what="act",
        )  # fmt: skip
    if account.disabled:
        raise NotPermitted(
            f"the account {account.login} is disabled",
            actor=account.display_name,
            what="act",
            target=account.login,
        )
    return _remember(t, s, account)


def _remember(t: Tracker, s: Session, account: Account) -> AccountView:
    seen = store.view(s, account)
    t.act_as(seen)
    return seen


def _allowed(
    s: Session, actor: AccountView, rule: Rule, board: str | None, committee: str | None,
    action: str | None, account: str | None,
) -> bool:  # fmt: skip
    for grant in actor.roles:
        if grant.role not in rule.roles:
            continue
        if grant.role in (BOARD_SECRETARY, BOARD_MEMBER) and rule.scope in ("board", "body"):
            allowed = grant.board == board
        elif grant.role == COMMITTEE_OFFICER and rule.scope == "body":
            allowed = grant.committee == board
        elif grant.role == COMMITTEE_OFFICER and rule.scope == "committee":
            allowed = grant.committee == committee
        elif grant.role == ACTION_OWNER and rule.scope == "action":
            allowed = action is not None and owns(s, actor, action)
        else:  # a role of no board, committee or action: the programme manager's, say
            allowed = True
        if allowed:
            return True
    return (
        rule.scope == "self"
        and account is not None
        and (store.normal_login(account) == actor.login)
    )


def owns(s: Session, actor: AccountView, ref: str) -> bool:
    """Whether the account owns the action (see the module's docstring)."""
    owner = s.execute(
        select(Person.code, Person.email).join(Action, Action.owner_id == Person.id)
        .where(Action.ref == ref)
    ).first()  # fmt: skip
    if owner is None:
        return False
    names = {actor.login, (actor.database_login or "").lower()} - {""}
    return owner.code.lower() in names or (owner.email or "").strip().lower() == actor.login


def _sentence(
    s: Session, rule: Rule, board: str | None, committee: str | None, action: str | None
) -> str:
    if rule.scope == "board":
        return f"only the {_board_name(s, board)}'s secretary can {rule.doing}"
    if rule.scope == "committee":
        return f"only the {_board_name(s, committee)}'s committee officer can {rule.doing}"
    if rule.scope == "body":
        return (
            f"only the {_board_name(s, board)}'s secretary, members or committee officer, "
            f"or a programme manager, can {rule.doing}"
        )
    if rule.scope == "action":
        return f"only the owner of {action} or a programme manager can {rule.doing}"
    if rule.scope == "self":
        return f"only an admin can {rule.doing}"
    who = " or ".join(_ROLE_WORDS.get(r, f"a {r.replace('_', ' ')}") for r in sorted(rule.roles))
    return f"only {who} can {rule.doing}"


def _code(s: Session, board: str | None) -> str | None:
    """A board or committee as typed (its code, or its name in any case) as its code."""
    if board is None:
        return None
    text_ = board.strip()
    found = s.scalars(select(Board.code).where(
        (Board.code == text_) | (func.lower(Board.name) == text_.lower())
    ).order_by(Board.code != text_)).first()  # fmt: skip
    return found or text_


def _board_name(s: Session, code: str | None) -> str:
    name = s.scalar(select(Board.name).where(Board.code == code)) if code else None
    return name or (code or "board")
