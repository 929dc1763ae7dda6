"""A plan file's `access:` section: which login holds which roles (plans/README.md, "Access").

    access:
      - login: sam.jones
        roles: [board_secretary:sfb, board_member:lpb]

Each login is a login as `tracker users add` takes it, listed once; each role is one of the
roles (vocabulary.ROLES), a board role naming a board of this file, a committee officer's a
committee of this file. The importer grants these roles; it never takes one away.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.plans import document as d
from tracker.plans.drafts import AccessDraft, BoardDraft
from tracker.plans.fields import Checker, allowed, describe
from tracker.plans.issues import Path
from tracker.vocabulary import (
    BOARD_ROLES,
    COMMITTEE_ROLES,
    LOGIN_ALLOWED,
    LOGIN_PATTERN,
    ROLE_FORMS,
    role_problem,
    split_role,
)

_LOGIN = re.compile(LOGIN_PATTERN)
_FIELDS = frozenset(d.ACCESS_FIELDS)


def entry(c: Checker, value: object, path: Path) -> AccessDraft | None:
    """One entry of `access:`, each value checked on its own."""
    m = c.mapping(value, path, d.ACCESS_FIELDS, _FIELDS, ("login", "roles"))
    if m is None:
        return None
    login = None
    raw = m.get("login")
    if raw is not None:
        if not isinstance(raw, str):
            c.add((*path, "login"), f"expected a login, got {describe(raw)}", LOGIN_ALLOWED)
        elif not _LOGIN.fullmatch(raw.strip().lower()):
            c.add((*path, "login"), f"{raw.strip()[:80]!r} is not a login", LOGIN_ALLOWED)
        else:
            login = raw.strip().lower()
    roles: list[tuple[str, str] | None] = []
    given = m.get("roles")
    if given is not None and not isinstance(given, list):
        c.add((*path, "roles"), f"expected a list of roles, got {describe(given)}", ROLE_FORMS)
    elif isinstance(given, list):
        if not given:
            c.add((*path, "roles"), "lists no role", ROLE_FORMS)
        for i, item in enumerate(given):
            roles.append(_role(c, item, (*path, "roles", i)))
    return AccessDraft(login=login, roles=tuple(roles))


def _role(c: Checker, value: object, path: Path) -> tuple[str, str] | None:
    if not isinstance(value, str):
        c.add(path, f"expected a role, got {describe(value)}", ROLE_FORMS)
        return None
    role, scope = split_role(value)
    problem = role_problem(role, scope)
    if problem is not None:
        shown = value.strip()[:80]
        c.add(path, f"{shown!r} is not a role" if problem == "is not a role" else problem,
              ROLE_FORMS)  # fmt: skip
        return None
    return role, scope.lower()


def cross_check(
    c: Checker, entries: Sequence[AccessDraft | None], boards: Sequence[BoardDraft | None]
) -> None:
    """Each login once; each role once per login; each board or committee one of the file's."""
    kinds = {b.code: b.kind for b in boards if b is not None and b.code is not None}
    first: dict[str, int] = {}
    for i, e in enumerate(entries):
        if e is None:
            continue
        if e.login is not None:
            if e.login in first:
                c.add(("access", i, "login"),
                      f"{e.login} is listed twice (first at access[{first[e.login]}])")  # fmt: skip
            first.setdefault(e.login, i)
        held: set[tuple[str, str]] = set()
        for j, grant in enumerate(e.roles):
            if grant is None:
                continue
            role, scope = grant
            where = ("access", i, "roles", j)
            if grant in held:
                c.add(where, f"{role}{':' + scope if scope else ''} is listed twice")
            held.add(grant)
            if role in BOARD_ROLES + COMMITTEE_ROLES and scope not in kinds:
                what = "board" if role in BOARD_ROLES else "committee"
                wanted = "board" if role in BOARD_ROLES else "committee"
                codes = sorted(code for code, kind in kinds.items() if kind == wanted)
                c.add(where, f"unknown {what} {scope!r}",
                      allowed(codes or sorted(kinds), f"no {what} in this file"))  # fmt: skip
