"""What a face asks before it offers a change (tracker.services.accounts.capabilities): read once,
it must say what the permission check says, in the same words, for every rule, board, committee
and action, for each role; on SQLite and PostgreSQL."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import test_roles_enforced as roles  # noqa: E402
from papers_helpers import ILSC, LPB, SFB  # noqa: E402
from test_roles_enforced import PASSWORD, as_  # noqa: E402

from tracker.services.accounts import AccountView, add_account, parse_role  # noqa: E402
from tracker.services.accounts.capabilities import what_i_may_do  # noqa: E402
from tracker.services.accounts.permissions import RULES, may  # noqa: E402
from tracker.services.context import Tracker  # noqa: E402
from tracker.services.governance.boards import list_boards  # noqa: E402

term, accounts = roles.term, roles.accounts  # the roles test's fixtures: a term, an account each
ACTIONS = ("P1-01", "P1-04", "P2-03", "P3-09")  # P1-01 is Kirsty Woodhead's, P1-04 is not


def _scopes(t: Tracker, what: str) -> list[dict[str, str | None]]:
    codes = [b.code for b in list_boards(t)]
    scope = RULES[what].scope
    if scope in ("board", "body"):
        return [{"board": c} for c in codes] + [{"board": "Supporting Families Board"}]
    if scope == "committee":
        return [{"committee": c} for c in codes]
    if scope == "action":
        return [{"action": ref} for ref in ACTIONS]
    return [{}]


def test_it_says_what_the_permission_check_says_for_every_rule_and_role(
    term: Tracker, accounts: dict[str, AccountView]
) -> None:
    admin = as_(term, accounts["admin"])
    everyone = {**accounts, "viewer": add_account(admin, "vera", "Vera Viewer", PASSWORD,
                                                  [parse_role("viewer")])}  # fmt: skip
    compared = 0
    for who, account in everyone.items():
        acting = as_(term, account)
        known = what_i_may_do(acting)
        for what in RULES:
            for scope in _scopes(term, what):
                said_here = known.may(what, **scope)
                assert said_here == may(acting, what, **scope), (who, what, scope)
                compared += 1
    assert compared > 200


def test_each_role_sees_what_it_may_do(term: Tracker, accounts: dict[str, AccountView]) -> None:
    admin = as_(term, accounts["admin"])
    vera = add_account(admin, "vera", "Vera Viewer", PASSWORD, [parse_role("viewer")])
    viewer = what_i_may_do(as_(term, vera))
    assert viewer.read_only and viewer.mark() == "read only: viewer"
    assert viewer.may_somewhere("record updates") == (
        "only an action's owner or a programme manager can record updates on it "
        "(you act as Vera Viewer: viewer)"
    )
    secretary = what_i_may_do(as_(term, accounts["sfb secretary"]))
    assert not secretary.read_only and secretary.may("run meetings", board=SFB) is None
    assert (
        "only the Locality Partnership Board's secretary can schedule, hold or cancel its "
        "meetings" in (secretary.may("run meetings", board=LPB) or "")
    )
    assert secretary.may_somewhere("edit actions") is not None
    owner = what_i_may_do(as_(term, accounts["kirsty"]))
    assert "P1-01" in owner.owned and "P1-04" not in owner.owned
    assert owner.may("record updates", action="P1-01") is None
    assert owner.may("record updates", action="P1-04") is not None
    assert owner.may_somewhere("run meetings") is not None
    officer = what_i_may_do(as_(term, accounts["officer"]))
    assert officer.may("chase follow-ups", committee=ILSC) is None
    assert officer.may("chase follow-ups", committee=SFB) is not None
    manager = what_i_may_do(as_(term, accounts["pm"]))
    assert manager.may("edit actions") is None and manager.may("import plans") is not None
    assert manager.mark() == "programme manager"
    assert what_i_may_do(admin).everything and what_i_may_do(admin).mark() == ""


def test_without_accounts_everything_is_allowed(term: Tracker) -> None:
    known = what_i_may_do(term)
    assert known.everything and known.may("import plans") is None and not known.read_only
