"""One public service call = one use case = one transaction (DESIGN.md, Architecture).

Every public service function (tracker.services.**, first argument the Tracker) is called with
sensible arguments on a term of governance, and the transactions it opens are counted: SQLAlchemy
transactions (the engine's `begin`) and the plain-SQL readers' (sqlite3, psycopg). Each must
open exactly one. A new public function must be added to CALLS, so a use case that composes
other use cases (each with its own transaction) fails here. Then the proof that it matters: a
paper, a roll-up, the boards screen and the dashboard do not see a write that another user
commits while they are being read (one snapshot: SQLite's BEGIN, PostgreSQL's REPEATABLE READ).
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import inspect
import pkgutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).parent / "papers"))
from papers_helpers import CFB, ILSC, LPB, SFB, enrich, on_day  # noqa: E402

import tracker.services  # noqa: E402
from tracker.services.context import Tracker  # noqa: E402
from tracker.services.plain_sql import PostgresReader, SqliteReader  # noqa: E402
from tracker.services.plain_write import PostgresWriter, SqliteWriter  # noqa: E402

HERE = Path(__file__).parent
MINUTES = HERE / "committees" / "data" / "select-commission-2026-01-20.txt"


@pytest.fixture
def term(loaded: Tracker, tmp_path: Path) -> Tracker:
    return enrich(loaded, tmp_path)


class Transactions:
    """Counts the transactions begun on the tracker's database, by any road (SQLAlchemy, or the
    plain-SQL readers and writers)."""

    def __init__(self, t: Tracker, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opened = 0
        event.listen(t.db.engine, "begin", self._count)
        for road, method in (
            (SqliteReader, "reading"), (PostgresReader, "reading"),
            (SqliteWriter, "writing"), (PostgresWriter, "writing"),
        ):  # fmt: skip
            real = getattr(road, method)

            def counted(this: Any, *args: Any, _real: Any = real) -> Any:
                self.opened += 1
                return _real(this, *args)

            monkeypatch.setattr(road, method, counted)

    def _count(self, _conn: Any) -> None:
        self.opened += 1

    def of(self, call: Callable[[], object]) -> int:
        self.opened = 0
        call()
        return self.opened


@pytest.fixture
def transactions(term: Tracker, monkeypatch: pytest.MonkeyPatch) -> Transactions:
    return Transactions(term, monkeypatch)


# ---- every public service function -----------------------------------------------------------


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


def _svc(path: str) -> Any:
    module, name = path.rsplit(".", 1)
    return getattr(importlib.import_module(f"tracker.services.{module}"), name)


def _followup(t: Tracker, text: str) -> int:
    from tracker.services.committees.followups import FollowUpFilter, list_followups

    return next(f.id for f in list_followups(t, FollowUpFilter(committee=SFB)) if f.text == text)


def _version(t: Tracker, ref: str) -> int:
    return _svc("actions.detail.get_action")(t, ref).row.version


def _draft() -> Any:
    from tracker.services.committees.minutes_draft import draft_minutes, read_minutes

    return draft_minutes(read_minutes(MINUTES))


def _unsure() -> Any:
    """A line the reader left, as an officer takes it in review."""
    from tracker.services.committees.minutes_draft import UnsureItem

    return UnsureItem(12, "Kelly White to circulate the hub timetable.", "unsure: a directive", "5")


def _exception(t: Tracker) -> str:
    """An exception no board has escalated yet."""
    escalated = {
        e.ref for e in _svc("governance.escalations.list_escalations")(t) if e.status == "open"
    }
    for board in (CFB, SFB):
        for x in _svc("governance.exceptions.list_exceptions")(t, board).exceptions:
            if x.ref not in escalated:
                return str(x.ref)
    raise AssertionError("the test data holds no exception left to escalate")


def _escalation(t: Tracker, ref: str) -> int:
    return next(e.id for e in _svc("governance.escalations.list_escalations")(t) if e.ref == ref)


def _meeting_id(t: Tracker) -> int:
    return next(m.id for m in _svc("committees.resolutions.list_meetings")(t, SFB) if m.resolutions)


def _update_ids(t: Tracker) -> list[int]:
    return [u.id for u in _svc("actions.detail.get_action")(t, "P1-03", history=None).updates]


def _filter(**kw: Any) -> Any:
    from tracker.services.actions.register import ActionFilter

    return ActionFilter(**kw)


def _sent() -> Any:
    from tracker.services.returns.mail import Sent

    return Sent("Kelly White", "kelly.white@rotherham.gov.uk", "<1@rotherham.gov.uk>")


def _challenge(t: Tracker) -> int:
    """A challenge to answer: made here (finding it is not counted)."""
    from sqlalchemy import select

    from tracker.models import Action, Meeting, StatusUpdate, UpdateReview

    with t.db.writing() as s:
        updates = s.scalars(select(StatusUpdate).join(Action).where(Action.ref == "P1-03")
                            .order_by(StatusUpdate.id)).all()  # fmt: skip
        meetings = s.scalars(select(Meeting).order_by(Meeting.status != "held", Meeting.id)).all()
        reviewed = {
            tuple(r) for r in s.execute(select(UpdateReview.update_id, UpdateReview.board_id))
        }
        # an update not yet reviewed at that meeting's board (earlier calls record verdicts)
        update, meeting = next(
            (u, m) for u in updates for m in meetings if (u.id, m.board_id) not in reviewed
        )
        review = UpdateReview(update_id=update.id, board_id=meeting.board_id,
                              meeting_id=meeting.id, outcome="challenged", comment="Why?",
                              recorded_by="test")  # fmt: skip
        s.add(review)
        s.flush()
        return review.id


def _verdict(ref: str) -> Any:
    from tracker.services.governance.reviews import Verdict

    return Verdict(ref, "noted")


def _review(board: str, on: dt.date) -> Any:
    from tracker.services.demo import MeetingReview

    return MeetingReview(board, on)


TODAY = dt.date(2026, 3, 1)
MEETING = dt.date(2026, 3, 2)  # scheduled, held and reviewed below


def call(*args: Any, **kwargs: Any) -> tuple[tuple[Any, ...], dict[str, Any]]:
    return args, kwargs


def _sheet_filled_in(folder: Path) -> Path:
    """The exported return with one row filled in by its owner."""
    path = folder / "return.csv"
    with path.open(newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        if row["Ref"] == "P1-05":
            row.update(
                {
                    "New status": "in progress",
                    "New RAG": "green",
                    "New % complete": "75",
                    "Commentary": "Posts agreed in principle",
                }
            )
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.DictWriter(fh, fieldnames=list(rows[0]))
        out.writeheader()
        out.writerows(rows)
    return path


def _latest_batch(t: Tracker) -> int:
    from tracker.services.actions.bulk import list_batches

    return list_batches(t, limit=1)[0].batch


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


def _limits() -> Any:
    from tracker.services.accounts import SessionLimits

    return SessionLimits(idle_seconds=60, max_seconds=600, max_sessions=1000)


def _browser(t: Tracker) -> Any:
    """A browser session of the unit-of-work admin (its own transaction, before counting)."""
    return _svc("accounts.websessions.start_web_session")(
        t, "uow-admin", "another long password", source="127.0.0.1", limits=_limits()
    )


def _role(text: str) -> Any:
    from tracker.services.accounts import parse_role

    return parse_role(text)


def _database_login(t: Tracker) -> str | None:
    """The PostgreSQL login the test connects as (so that it acts as the new admin)."""
    if t.settings.is_sqlite:
        return None
    with t.db.engine.connect() as conn:
        return str(conn.exec_driver_sql("SELECT current_user").scalar())


def _account_id(t: Tracker) -> int:
    from tracker.services.accounts import list_accounts

    return next(a.id for a in list_accounts(t) if a.login == "uow-admin")


def _reading_id(t: Tracker) -> int:
    from tracker.services.indicators import get_indicator

    return get_indicator(t, "uow-indicator").readings[-1].id


def test_every_public_service_function_is_in_the_table() -> None:
    public = set(public_functions())
    missing = public - set(CALLS) - NO_DATABASE - AFTER_A_RACE - INSIDE_A_USE_CASE
    assert not missing, f"add these to CALLS in {__file__}: {sorted(missing)}"
    listed = set(CALLS) | NO_DATABASE | AFTER_A_RACE | INSIDE_A_USE_CASE
    assert not listed - public, "CALLS names a function that is gone"


def test_every_public_service_function_opens_exactly_one_transaction(
    term: Tracker, transactions: Transactions, tmp_path: Path
) -> None:
    public = public_functions()
    for name in NO_DATABASE:
        fn = public[name]
        assert transactions.of(lambda fn=fn: fn(term)) == 0, name
    opened = {}
    for name, arguments in CALLS.items():
        args, kwargs = arguments(term, tmp_path)
        opened[name] = transactions.of(lambda f=public[name], a=args, k=kwargs: f(*a, **k))
    assert {name: n for name, n in opened.items() if n != 1} == {}
    assert len(opened) >= 55


# ---- every paper, every board's position -----------------------------------------------------


def _papers(t: Tracker) -> list[tuple[str, str, dt.date | None]]:
    from tracker.services.papers.render import list_templates

    templates = [i.name for i in list_templates(t) if i.kind is not None]
    assert {"highlight", "exception", "matters-arising", "cover", "outcomes"} <= set(templates)
    boards = [
        (SFB, None), (SFB, dt.date(2026, 3, 10)), (SFB, dt.date(2025, 12, 10)),  # board
        (LPB, dt.date(2026, 2, 12)), (CFB, None),
        (ILSC, None), (ILSC, dt.date(2026, 3, 24)),  # committee, no actions of its own
    ]  # fmt: skip
    from tracker.services.governance.meetings import list_meetings

    held = {(m.board, m.date) for m in list_meetings(t, status="held")}
    # draft minutes are written for held meetings only (the others are refused)
    return [
        (name, board, meeting) for name in templates for board, meeting in boards
        if name != "minutes" or (meeting is not None and (board, meeting) in held)
    ]  # fmt: skip


def test_every_paper_is_read_in_one_transaction(term: Tracker, transactions: Transactions) -> None:
    from tracker.services.papers.render import preview_paper

    opened = {}
    for template, board, meeting in _papers(term):
        for fmt in ("md", "html"):
            opened[(template, board, meeting, fmt)] = transactions.of(
                lambda a=(template, board, meeting, None, fmt): preview_paper(term, *a)
            )
    assert {paper: n for paper, n in opened.items() if n != 1} == {}
    assert len(opened) >= 5 * 7 * 2


def test_every_board_position_is_read_in_one_transaction(
    term: Tracker, transactions: Transactions
) -> None:
    from tracker.services.governance.boards import list_boards
    from tracker.services.governance.position import board_position

    boards = [b.code for b in list_boards(term)]
    assert {SFB, LPB, CFB, ILSC} <= set(boards)
    opened = {
        (board, as_of): transactions.of(lambda b=board, d=as_of: board_position(term, b, d))
        for board in boards
        for as_of in (None, dt.date(2025, 12, 31))
    }
    assert {key: n for key, n in opened.items() if n != 1} == {}


# ---- one snapshot ----------------------------------------------------------------------------


@contextmanager
def committed_midway(t: Tracker, write: Callable[[], object]) -> Iterator[list[str]]:
    """Runs `write` (another user, another connection) once, right after the first query of
    the next read on `t`'s database: that read has begun and has more queries to run."""
    done: list[str] = []

    def after(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if not done and statement.lstrip().upper().startswith("SELECT"):
            done.append(statement)
            write()

    event.listen(t.db.engine, "after_cursor_execute", after)
    # reads in plain SQL without SQLAlchemy (the register, the dashboard: sqlite3 on a file)
    light = t._light_reader()
    if light is not None:
        rows = light.rows

        def rows_then_write(sql: str, params: dict[str, Any]) -> Any:
            found = rows(sql, params)
            after(None, None, sql)
            return found

        light.rows = rows_then_write  # type: ignore[method-assign]
    try:
        yield done
    finally:
        event.remove(t.db.engine, "after_cursor_execute", after)
        if light is not None:
            del light.rows


def _another_user(t: Tracker) -> Tracker:
    """The same database, opened by someone else (its own engine and connections)."""
    return Tracker(t.settings)


def _turn_red(other: Tracker) -> Callable[[], object]:
    from tracker.services.actions.updates import record_update

    return lambda: record_update(
        other, "P2-01", status="in progress", rag="red", progress=55,
        note="Venue lost: the programme slips a quarter",
    )  # fmt: skip


@pytest.mark.parametrize(("template", "board"), [("highlight", SFB), ("cover", ILSC)])
def test_a_paper_shows_nothing_committed_while_it_is_read(
    term: Tracker, template: str, board: str
) -> None:
    from tracker.services.papers.render import preview_paper

    before = preview_paper(term, template, board).text
    other = _another_user(term)
    try:
        with committed_midway(term, _turn_red(other)) as done:
            during = preview_paper(term, template, board).text
        assert done, "the write did not happen during the paper"
        after = preview_paper(term, template, board).text
    finally:
        other.close()
    assert after != before  # the write shows in the next paper
    assert during == before


def test_a_roll_up_the_boards_screen_and_the_dashboard_show_nothing_committed_while_read(
    term: Tracker,
) -> None:
    from tracker.services.dashboard import get_dashboard
    from tracker.services.governance.overview import board_overview
    from tracker.services.governance.position import board_position

    reads: dict[str, Callable[[], object]] = {
        "position": lambda: board_position(term, SFB),
        "boards screen": lambda: board_overview(term, SFB),
        "dashboard": lambda: get_dashboard(term),
    }
    for name, read in reads.items():
        before = read()
        other = _another_user(term)
        try:
            with committed_midway(term, _turn_red(other)) as done:
                during = read()
            assert done, name
            after = read()
        finally:
            other.close()
        assert after != before, name
        assert during == before, name
        _back_to_amber(term)


def _back_to_amber(t: Tracker) -> None:
    from tracker.services.actions.updates import record_update

    record_update(t, "P2-01", rag="amber", progress=56, note="Venue found again")
