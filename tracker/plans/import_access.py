"""Importing a plan file's `access:` section (plans/README.md, "Access").

A login with an account gains the roles the file gives it that it does not hold yet; a role it
holds and the file does not name stays (an import never takes a role away: `tracker users roles
--revoke` does). A login without an account gets its roles kept as pending (`pending_role`),
exactly as the file says them: they grant nothing until an admin adds an account with that
login, which then holds them. No account is ever created by an import, so none has a password.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from tracker.models import Account, AccountRole, PendingRole
from tracker.plans.document import AccessSpec
from tracker.plans.sync import Count, Syncer
from tracker.vocabulary import BOARD_ROLES, COMMITTEE_ROLES, ROLES

Grant = tuple[str, int | None, int | None]  # (role, board id, committee id), as stored


def grant_of(text: str, board_ids: Mapping[str, int]) -> Grant:
    role, _, scope = text.partition(":")
    board = board_ids[scope] if role in BOARD_ROLES else None
    committee = board_ids[scope] if role in COMMITTEE_ROLES else None
    return role, board, committee


def grants_text(grants: Iterable[Grant], codes: Mapping[int, str]) -> str:
    """Grants as `tracker users list` shows them: "board_secretary:sfb, viewer"."""
    shown = []
    for role, board, committee in sorted(grants, key=_order(codes)):
        scope = board or committee
        shown.append(f"{role}:{codes.get(scope, scope)}" if scope else role)
    return ", ".join(shown) or "no role"


def _order(codes: Mapping[int, str]) -> Callable[[Grant], tuple[int, str]]:
    def key(g: Grant) -> tuple[int, str]:
        scope = g[1] or g[2]
        return ROLES.index(g[0]) if g[0] in ROLES else len(ROLES), codes.get(scope or 0, "")

    return key


def run(
    s: Session, w: Syncer, count: Count, entries: Iterable[AccessSpec], board_ids: Mapping[str, int]
) -> tuple[str, ...]:
    """Apply the entries; the logins left pending (no account yet), in the file's order."""
    entries = tuple(entries)
    if not entries:  # a file without access: no query, as one of accounts sets up every mapper
        return ()
    codes = {v: k for k, v in board_ids.items()}
    accounts = {a.login: a for a in s.scalars(select(Account)).all()}
    pending: list[str] = []
    for e in entries:
        wanted = [grant_of(r, board_ids) for r in e.roles]
        account = accounts.get(e.login)
        if account is not None:
            held = [(r.role, r.board_id, r.committee_id) for r in account.roles]
            missing = [g for g in dict.fromkeys(wanted) if g not in held]
            if not missing:
                count.unchanged += 1
                continue
            for role, board, committee in missing:
                account.roles.append(AccountRole(role=role, board_id=board, committee_id=committee))
            count.updated += 1
            w.audit("account", e.login, "roles", grants_text(held, codes),
                    grants_text([*held, *missing], codes))  # fmt: skip
            continue
        pending.append(e.login)
        before = [
            (p.role, p.board_id, p.committee_id)
            for p in s.scalars(
                select(PendingRole).where(PendingRole.login == e.login).order_by(PendingRole.id)
            )
        ]
        if sorted(before, key=_order(codes)) == sorted(set(wanted), key=_order(codes)):
            count.unchanged += 1
            continue
        s.execute(delete(PendingRole).where(PendingRole.login == e.login))
        s.add_all(PendingRole(login=e.login, role=r, board_id=b, committee_id=c)
                  for r, b, c in dict.fromkeys(wanted))  # fmt: skip
        if before:
            count.updated += 1
        else:
            count.created += 1
        w.audit("pending roles", e.login, "roles", grants_text(before, codes) if before else None,
                grants_text(wanted, codes))  # fmt: skip
    s.flush()
    return tuple(pending)
