"""Roles, enforced in the services, on both databases. Every public service function of
tests/service_calls.py's table is called as a viewer: each one that is not a read must be
refused (NotPermitted) and change nothing but the audit entry of its refusal, so a new write
use case without the permission check fails here. Then what each role may and may not do."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).parents[1]))
sys.path.insert(0, str(Path(__file__).parents[1] / "papers"))
from papers_helpers import ILSC, LPB, SFB, enrich, on_day  # noqa: E402
from service_call_arguments import _verdict  # noqa: E402
from service_calls import CALLS, MEETING, public_functions  # noqa: E402

from tracker.errors import NotPermitted  # noqa: E402
from tracker.models import AuditEntry  # noqa: E402
from tracker.services.accounts import AccountView, add_account, parse_role  # noqa: E402
from tracker.services.context import Tracker  # noqa: E402

# what a viewer may call: the reads (a paper rendered to a file, an export, is a read; the
# app's context.warm_up reads one row, to load SQLAlchemy in idle time; the readings offered
# for correcting one are a read)
READS = {name for name in CALLS if name.rsplit(".", 1)[1].startswith(
    ("get_", "list_", "count_", "find_", "build_", "export_", "preview_", "matters_", "board_",
     "meeting_", "waiting_", "trail_", "outcomes_", "people_", "issued_", "action_", "draft_",
     "write_return", "return_", "returns_", "render_", "show_", "plan_set", "phases",
     "load_choices", "history"))} - {"accounts.manage.list_accounts"} | {
    "accounts.permissions.may", "accounts.capabilities.what_i_may_do",
    "context.warm_up", "indicators.manage.reading_entries",
    # the owner and task a line of minutes the reader left proposes, for the officer to confirm
    "committees.minutes_taking.preview_taken_followup"}  # fmt: skip
# signing in is how an account comes to act at all: no role is needed for it
SIGNING_IN = {"accounts.signin.sign_in", "accounts.signin.issue_ticket",
              "accounts.signin.redeem_ticket", "accounts.websessions.start_web_session",
              "accounts.websessions.refresh_web_sessions",
              "accounts.websessions.end_web_session"}  # fmt: skip
PASSWORD = "a long enough password"


def as_(t: Tracker, account: AccountView) -> Tracker:
    return Tracker(t.settings, db=t.db, account=account)


def _acting(args: tuple[Any, ...], account: AccountView) -> tuple[Any, ...]:
    first = args[0]
    assert isinstance(first, Tracker)
    return (as_(first, account), *args[1:])


def _entries(t: Tracker) -> tuple[int, int]:
    """(audit entries but refusals, refusals)"""
    with t.db.reading() as s:
        refused = s.scalar(select(func.count()).where(AuditEntry.operation == "refused"))
        total = s.scalar(select(func.count()).select_from(AuditEntry))
    return int(total or 0) - int(refused or 0), int(refused or 0)


@pytest.fixture
def term(loaded: Tracker, tmp_path: Path) -> Tracker:
    return enrich(loaded, tmp_path)


def test_a_viewer_is_refused_every_write_use_case_and_it_changes_nothing(
    term: Tracker, tmp_path: Path
) -> None:
    admin = add_account(term, "root-admin", "Root Admin", PASSWORD, [parse_role("admin")])
    viewer = add_account(as_(term, admin), "vera", "Vera Viewer", PASSWORD, [parse_role("viewer")])
    public = public_functions()
    unchecked = []
    for name, arguments in CALLS.items():
        args, kwargs = arguments(as_(term, admin), tmp_path)
        fn = public[name]
        if name in READS or name in SIGNING_IN:
            fn(*_acting(args, admin), **kwargs)
            continue
        before, refusals = _entries(term)
        try:
            fn(*_acting(args, viewer), **kwargs)
        except NotPermitted as refused:
            assert "only" in str(refused) and "Vera Viewer" in str(refused), name
            assert _entries(term) == (before, refusals + 1), f"{name} changed something"
        else:
            unchecked.append(name)
        fn(*_acting(args, admin), **kwargs)  # the admin may: the term goes on
    assert unchecked == [], "write use cases without a permission check (or reads to list in READS)"


@pytest.fixture
def accounts(term: Tracker) -> dict[str, AccountView]:
    admin = add_account(term, "root-admin", "Root Admin", PASSWORD, [parse_role("admin")])
    t = as_(term, admin)
    return {
        "admin": admin,
        "lpb secretary": add_account(t, "lee", "Lee Secretary", PASSWORD,
                                     [parse_role(f"board_secretary:{LPB}")]),
        "sfb secretary": add_account(t, "sam", "Sam Secretary", PASSWORD,
                                     [parse_role(f"board_secretary:{SFB}")]),
        "kirsty": add_account(t, "kirsty-woodhead", "Kirsty Woodhead", PASSWORD,
                              [parse_role("action_owner")]),
        "pm": add_account(t, "pat", "Pat Manager", PASSWORD, [parse_role("programme_manager")]),
        "officer": add_account(t, "olu", "Olu Officer", PASSWORD,
                               [parse_role(f"committee_officer:{ILSC}")]),
    }  # fmt: skip


def test_only_a_boards_secretary_records_verdicts_at_its_meetings(
    term: Tracker, accounts: dict[str, AccountView]
) -> None:
    from tracker.services.governance.holding import hold_meeting, review_at_meeting
    from tracker.services.governance.meetings import schedule_meeting

    day = MEETING
    secretary = accounts["sfb secretary"]
    schedule_meeting(as_(term, secretary), SFB, day)
    hold_meeting(as_(on_day(term, day), secretary), SFB, day, attendees=["Kelly White"])
    verdicts = [_verdict("P2-03")]
    with pytest.raises(NotPermitted) as refused:
        review_at_meeting(as_(on_day(term, day), accounts["lpb secretary"]), SFB, day, verdicts)
    assert str(refused.value).startswith(
        "only the Supporting Families Board's secretary can record verdicts at its meetings"
    )
    with term.db.reading() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.operation == "refused")).one()
    assert entry.actor == "Lee Secretary" and "record verdicts" in entry.entity_key


def test_an_action_owner_updates_only_the_actions_they_own_and_is_named_on_the_update(
    term: Tracker, accounts: dict[str, AccountView]
) -> None:
    from tracker.services.actions.updates import record_update

    kirsty = as_(term, accounts["kirsty"])
    done = record_update(kirsty, "P1-01", note="Venues booked")
    assert done.recorded_by == "Kirsty Woodhead"
    with pytest.raises(NotPermitted, match="only the owner of P1-04 or a programme manager"):
        record_update(kirsty, "P1-04", progress=90, note="Not mine")
    pat = record_update(as_(term, accounts["pm"]), "P1-04", note="Checked with Kelly")
    assert pat.recorded_by == "Pat Manager"
    from tracker.services.accounts.permissions import may

    assert may(kirsty, "record updates", action="P1-01") is None  # what a face asks first
    assert "only the owner of P1-04" in (may(kirsty, "record updates", action="P1-04") or "")


def test_a_committee_officer_chases_only_their_committees_follow_ups(
    term: Tracker, accounts: dict[str, AccountView]
) -> None:
    from tracker.services.committees.followup_updates import update_followup
    from tracker.services.committees.followups import list_followups

    rows = list_followups(term)
    committees = sorted({f.committee for f in rows})
    assert len(committees) >= 2, committees
    mine, other = committees[0], committees[1]
    admin = as_(term, accounts["admin"])
    officer = add_account(admin, "ola", "Ola Officer", PASSWORD,
                          [parse_role(f"committee_officer:{mine}")])  # fmt: skip
    theirs = next(f for f in rows if f.committee == mine and f.status == "open")
    not_theirs = next(f for f in rows if f.committee == other and f.status == "open")
    done = update_followup(as_(term, officer), theirs.id, response="Chased")
    assert done.id == theirs.id
    with pytest.raises(NotPermitted) as refused:
        update_followup(as_(term, officer), not_theirs.id, response="Not ours")
    assert (
        f"only the {not_theirs.committee_name}'s committee officer can update or close its "
        "follow-ups" in str(refused.value)
    )


def test_exempt_items_in_full_only_for_the_boards_own_people(
    term: Tracker, accounts: dict[str, AccountView]
) -> None:
    from tracker.services.exempt import mark_exempt
    from tracker.services.papers.render import preview_paper

    admin = as_(term, accounts["admin"])
    mark_exempt(admin, "action", "P1-04", 3)
    member = add_account(admin, "mo", "Mo Member", PASSWORD, [parse_role(f"board_member:{SFB}")])
    viewer = add_account(admin, "vic", "Vic Viewer", PASSWORD, [parse_role("viewer")])
    public = preview_paper(as_(term, viewer), "highlight", SFB, fmt="md", appendix=True)
    assert "exempt item (paragraph 3)" in str(public.text)
    with pytest.raises(NotPermitted) as refused:
        preview_paper(as_(term, viewer), "highlight", SFB, fmt="md", confidential=True)
    assert (
        "only the Supporting Families Board's secretary, members or committee officer, or "
        "a programme manager, can read its exempt items" in str(refused.value)
    )
    with pytest.raises(NotPermitted):  # a member of another board neither
        preview_paper(as_(term, accounts["lpb secretary"]), "highlight", SFB, confidential=True)
    full = preview_paper(as_(term, member), "highlight", SFB, fmt="md", appendix=True,
                         confidential=True)  # fmt: skip
    assert "exempt item (paragraph 3)" not in str(full.text)


def test_a_session_of_an_account_disabled_since_can_change_nothing(
    term: Tracker, accounts: dict[str, AccountView]
) -> None:
    from tracker.services.accounts import disable_account
    from tracker.services.actions.updates import record_update

    session = as_(term, accounts["pm"])  # signed in before it was disabled
    record_update(session, "P1-04", note="Before")
    disable_account(as_(term, accounts["admin"]), "pat")
    with pytest.raises(NotPermitted, match="the account pat is disabled or removed: sign in again"):
        record_update(session, "P1-04", note="After")
