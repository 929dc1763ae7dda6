"""Every public service function and the call each is given, on a term of governance (the
`loaded` plan enriched by papers_helpers.enrich): the table tests/test_unit_of_work.py counts the
transactions of, and tests/accounts/test_roles_enforced.py calls as a viewer. A new public
function of tracker.services must be added to CALLS (or to one of the sets of functions that are
not use cases).
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent / "papers"))
from papers_helpers import CFB, ILSC, SFB, on_day  # noqa: E402
from service_call_arguments import (  # noqa: E402
    _account_id,
    _browser,
    _challenge,
    _database_login,
    _draft,
    _escalation,
    _exception,
    _filter,
    _followup,
    _latest_batch,
    _limits,
    _meeting_id,
    _reading_id,
    _review,
    _role,
    _sent,
    _sheet_filled_in,
    _svc,
    _unsure,
    _update_ids,
    _verdict,
    _version,
)

import tracker.services  # noqa: E402
from tracker.services.context import Tracker  # noqa: E402


def public_functions() -> dict[str, Callable[..., object]]:
    """Every public function of tracker.services whose first argument is the Tracker."""
    found = {}
    for info in pkgutil.walk_packages(tracker.services.__path__, "tracker.services."):
        module = importlib.import_module(info.name)
        for name, fn in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(fn):
                continue
            if fn.__module__ != module.__name__:
                continue
            params = list(inspect.signature(fn).parameters)
            if params and params[0] == "t":
                found[f"{fn.__module__.removeprefix('tracker.services.')}.{name}"] = fn
    return found


# Need no database at all: the paper templates are files.
NO_DATABASE = {"papers.render.template_set", "papers.render.list_templates"}
# runs only after a write's own transaction lost a race and was rolled back, to explain the
# conflict from a fresh read: not a use case a face calls
AFTER_A_RACE = {"actions.updates.changed_meanwhile"}
# the permission check and who is acting: called inside a use case's transaction, with its session
INSIDE_A_USE_CASE = {
    "accounts.permissions.require", "accounts.permissions.acting_in",
    "accounts.permissions.permitted",
    # who may read what, inside a read's own reader (plain SQL or a session)
    "actions.register.withheld", "reading.exempt_reader", "reading.hidden_actions",
    "reading.withhold", "reading.withhold_actions", "reading.hidden_items",
    "governance.position.withhold_position", "governance.meeting_record.withhold_record",
    "governance.trail.trails_in_session", "governance.trail_steps.withhold_trails",
    "reading.hidden_updates", "reading.refuse_withheld", "governance.agenda_words.withhold_agendas",
    # `actions show`'s three reads, composed in one transaction by actions.detail_read.action_page
    "actions.detail_read.action_in", "governance.trail_steps.trails_in", "actions.changes.log_in",
}  # fmt: skip


TODAY = dt.date(2026, 3, 1)
MEETING = dt.date(2026, 3, 2)  # scheduled, held and reviewed below


def call(*args: Any, **kwargs: Any) -> tuple[tuple[Any, ...], dict[str, Any]]:
    return args, kwargs


Args = tuple[tuple[Any, ...], dict[str, Any]]

# name -> the call's arguments, given the tracker and a folder. Reads first, then writes, in an
# order that lets each write succeed. Finding ids and versions here is not counted; the call is.
CALLS: dict[str, Callable[[Tracker, Path], Args]] = {
    "actions.detail_read.get_action": lambda t, d: call(t, "P1-03", history=6),
    "actions.detail_read.action_page": lambda t, d: call(t, "P1-03", history=6),
    "actions.detail.count_updates": lambda t, d: call(t, "P1-03"),
    "actions.register.list_actions": lambda t, d: call(
        t, _filter(board=SFB), limit=2, with_total=True
    ),
    "audit.history": lambda t, d: call(t, "action", "P1-03"),
    "actions.changes.action_log": lambda t, d: call(t, "P1-03"),
    "actions.bulk.plan_set": lambda t, d: call(t, {"board": SFB}, f=_filter(phase=2)),
    "actions.bulk.list_batches": lambda t, d: call(t),
    "actions.views_saved.list_views": lambda t, d: call(t),
    "actions.views_saved.find_view": lambda t, d: call(t, "My actions"),
    "calendar.build_calendar": lambda t, d: call(t),
    "calendar.export_calendar": lambda t, d: call(t, d / "meetings.ics", board=SFB),
    "choices.phases": lambda t, d: call(t),
    "choices.load_choices": lambda t, d: call(t),
    "committees.arising.matters_arising": lambda t, d: call(t, SFB),
    "committees.followups.list_followups": lambda t, d: call(t),
    "committees.followups.get_followup": lambda t, d: call(
        t, _followup(t, "Report the HR integration timetable")
    ),
    "committees.minutes_preview.preview_import": lambda t, d: call(
        t, _draft(), committee=ILSC, date="2026-01-20"
    ),
    "committees.minutes_taking.preview_taken_followup": lambda t, d: call(t, _unsure()),
    "committees.resolutions.list_committees": lambda t, d: call(t),
    "committees.resolutions.list_meetings": lambda t, d: call(t, SFB),
    "committees.resolutions.list_resolutions": lambda t, d: call(t, committee=SFB),
    "committees.resolutions.meeting_detail": lambda t, d: call(t, _meeting_id(t)),
    "committees.resolutions.find_meeting": lambda t, d: call(t, SFB, dt.date(2025, 12, 10)),
    "dashboard.get_dashboard": lambda t, d: call(t),
    "governance.boards.list_boards": lambda t, d: call(t),
    "governance.boards.get_board": lambda t, d: call(t, SFB),
    "governance.escalations.list_escalations": lambda t, d: call(t, SFB),
    "governance.escalations.get_escalation": lambda t, d: call(t, _escalation(t, "P1-03")),
    "governance.meetings.list_meetings": lambda t, d: call(t, SFB),
    "governance.meetings.meeting_agenda": lambda t, d: call(t, SFB),
    "governance.position.board_position": lambda t, d: call(t, SFB, dt.date(2026, 1, 1)),
    "governance.overview.board_overview": lambda t, d: call(t, SFB),
    "governance.trail_steps.trail_for_updates": lambda t, d: call(t, _update_ids(t)),
    "governance.trail.waiting_updates": lambda t, d: call(t, SFB),
    "indicators.service.list_indicators": lambda t, d: call(t, board=SFB),
    "indicators.service.get_indicator": lambda t, d: call(t, "families-supported"),
    "indicators.manage.reading_entries": lambda t, d: call(t, "families-supported"),
    "indicators.service.outcomes_off_target": lambda t, d: call(t),
    "lookup.people_choices": lambda t, d: call(t),
    "papers.render.build_context": lambda t, d: call(t, "cover", ILSC),
    "papers.render.preview_paper": lambda t, d: call(t, "highlight", SFB, fmt="html"),
    "papers.render.render_paper": lambda t, d: call(t, "exception", SFB, out=d),
    "papers.issued.issued_papers": lambda t, d: call(t, SFB),
    "papers.travel.board_travel": lambda t, d: call(t, CFB),
    "actions.pace.action_paces": lambda t, d: call(t, board=SFB),
    "governance.exceptions.list_exceptions": lambda t, d: call(t, CFB),
    "plans.export_plan": lambda t, d: call(t, d / "plan.yaml"),
    "sheets.export.export_sheet": lambda t, d: call(t, d / "return.csv", _filter(board=SFB)),
    "returns.ledger.return_ledger": lambda t, d: call(t, SFB),
    "returns.ledger.returns_overview": lambda t, d: call(t),
    "context.warm_up": lambda t, d: call(t),
    "returns.sheets.write_return_sheets": lambda t, d: call(t, SFB, d / "returns"),
    "returns.chasers.draft_chasers": lambda t, d: call(t, SFB, d / "chasers"),
    "sheets.plan_sheet.export_plan_sheet": lambda t, d: call(t, d / "plan.csv", _filter(phase=3)),
    # writes
    "plans.import_plan": lambda t, d: call(t, d / "plan.yaml"),
    "sheets.importer.import_sheet": lambda t, d: call(t, _sheet_filled_in(d)),
    "returns.receive.import_returns": lambda t, d: call(t, SFB, [d / "returns"]),
    "returns.chasers.record_chasers_sent": lambda t, d: call(
        t, SFB, dt.date(2026, 3, 10), [_sent()], {"Kelly White": 1}
    ),
    "sheets.plan_sheet.import_plan_sheet": lambda t, d: call(t, d / "plan.csv"),
    "actions.edit.create_action": lambda t, d: call(
        t, {"ref": "P3-09", "title": "Count the transactions", "phase": 3, "board": SFB}
    ),
    "actions.edit.edit_action": lambda t, d: call(
        t, "P3-09", _version(t, "P3-09"), {"title": "Count every transaction"}
    ),
    "actions.edit.cancel_action": lambda t, d: call(
        t, "P3-09", _version(t, "P3-09"), "Done by the test"
    ),
    "actions.bulk.set_fields": lambda t, d: call(t, {"board": SFB}, f=_filter(phase=2)),
    "actions.bulk.undo_batch": lambda t, d: call(t, _latest_batch(t)),
    "actions.views_saved.save_view": lambda t, d: call(t, "Phase two", _filter(phase=2)),
    "actions.views_saved.delete_view": lambda t, d: call(t, "Phase two"),
    "actions.updates.record_update": lambda t, d: call(
        t, "P2-03", status="in progress", rag="amber", progress=25, note="Venue delayed"
    ),
    "governance.boards.add_board": lambda t, d: call(
        t, "uow-board", "Unit of Work Board", parent=SFB
    ),
    "governance.boards.edit_board": lambda t, d: call(t, "uow-board", name="Unit of Work Group"),
    "governance.meetings.schedule_meeting": lambda t, d: call(t, SFB, MEETING),
    "governance.holding.meeting_to_hold": lambda t, d: call(on_day(t, MEETING), SFB),
    "governance.meetings.schedule_series": lambda t, d: call(
        t, CFB, dt.date(2026, 5, 1), "monthly", 2
    ),
    "governance.meetings.cancel_meeting": lambda t, d: call(t, CFB, dt.date(2026, 6, 5)),
    "governance.holding.hold_meeting": lambda t, d: call(
        on_day(t, MEETING), SFB, MEETING, attendees=["Kelly White"]
    ),
    "governance.holding.review_at_meeting": lambda t, d: call(
        on_day(t, MEETING), SFB, MEETING, [_verdict("P2-03")]
    ),
    "demo.add_reviews": lambda t, d: call(t, [_review(SFB, MEETING)]),
    "governance.holding.record_meeting": lambda t, d: call(t, CFB, dt.date(2026, 2, 2)),
    "governance.meeting_record.meeting_record": lambda t, d: call(t, SFB, MEETING),
    "governance.challenges.list_challenges": lambda t, d: call(t),
    "governance.detail_governance.action_governance": lambda t, d: call(t, "P1-03", [1, 2]),
    "governance.challenges.answer_challenge": lambda t, d: call(t, _challenge(t), "Dates added"),
    "governance.escalations.raise_escalation": lambda t, d: call(
        t, "P2-01", SFB, reason="Venue costs", decision_sought="Agree the extra budget"
    ),
    "governance.escalations.decide_escalation": lambda t, d: call(
        t, _escalation(t, "P2-01"), "accept", note="Agreed"
    ),
    "committees.followup_updates.update_followup": lambda t, d: call(
        t, _followup(t, "Report the HR integration timetable"), response="Agreed with HR leads"
    ),
    "committees.followup_updates.close_followup": lambda t, d: call(
        t, _followup(t, "Collate the locality action plans"), "Collated"
    ),
    "committees.minutes_import.save_import": lambda t, d: call(
        t, _draft(), committee=ILSC, date="2026-01-20"
    ),
    "indicators.service.add_indicator": lambda t, d: call(
        t, "uow-indicator", name="Transactions per call", board=SFB, target=1
    ),
    "indicators.service.record_reading": lambda t, d: call(t, "uow-indicator", 1, date=TODAY),
    "governance.exceptions.escalate_exception": lambda t, d: call(t, _exception(t)),
    "papers.issued.issue_paper": lambda t, d: call(t, "highlight", SFB, dt.date(2026, 3, 10)),
    "papers.issued.show_issued": lambda t, d: call(
        t, _svc("papers.issued.issued_papers")(t, SFB)[0].id
    ),
    "indicators.manage.set_indicator": lambda t, d: call(
        t, "uow-indicator", target=2, direction="higher", frequency="monthly"
    ),
    "indicators.manage.edit_reading": lambda t, d: call(
        t, "uow-indicator", _reading_id(t), value=3
    ),
    "indicators.manage.delete_reading": lambda t, d: call(t, "uow-indicator", _reading_id(t)),
    "opendata.export_opendata": lambda t, d: call(t, d),
    "exempt.mark_exempt": lambda t, d: call(t, "action", "P3-09", 3),
    # accounts last: once one exists, a PostgreSQL login must be an account's to write
    "accounts.manage.add_account": lambda t, d: call(
        t,
        "uow-admin",
        "Unit Admin",
        "a long password",
        [_role("admin")],
        database_login=_database_login(t),
    ),
    "accounts.manage.list_accounts": lambda t, d: call(t),
    "accounts.manage.list_pending": lambda t, d: call(t),
    "accounts.permissions.may": lambda t, d: call(t, "record updates", action="P1-03"),
    "accounts.capabilities.what_i_may_do": lambda t, d: call(t),
    "accounts.manage.change_roles": lambda t, d: call(
        t, "uow-admin", grant=[_role("programme_manager")]
    ),
    "accounts.manage.set_password": lambda t, d: call(t, "uow-admin", "another long password"),
    "accounts.manage.link_database_login": lambda t, d: call(
        t, "uow-admin", _database_login(t) or "uow_admin"
    ),
    "accounts.signin.sign_in": lambda t, d: call(
        t, "uow-admin", "another long password", source="127.0.0.1"
    ),
    "accounts.signin.issue_ticket": lambda t, d: call(t, _account_id(t)),
    "accounts.signin.redeem_ticket": lambda t, d: call(
        t, _svc("accounts.signin.issue_ticket")(t, _account_id(t))
    ),
    "accounts.websessions.start_web_session": lambda t, d: call(
        t, "uow-admin", "another long password", source="127.0.0.1", limits=_limits()
    ),
    "accounts.websessions.find_web_session": lambda t, d: call(t, _browser(t).token),
    "accounts.websessions.refresh_web_sessions": lambda t, d: call(
        t, [_browser(t).session.key], [_browser(t).session.key, "gone"]
    ),
    "accounts.websessions.end_web_session": lambda t, d: call(t, _browser(t).token),
    "accounts.manage.disable_account": lambda t, d: call(t, "uow-admin", disabled=False),
}
