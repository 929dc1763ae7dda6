"""The tasks: what each asks and which service it calls. The words a task is listed under in
the command palette are its title; tracker/ui/tasks/palette.py ties each CLI command to one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text

from tracker.ui.tasks import files
from tracker.ui.tasks.helpers import date_of, ok, required
from tracker.ui.tasks.task import Ask, Done, Task
from tracker.ui.widgets.paths import FILE_HINT
from tracker.ui.widgets.text import day
from tracker.vocabulary import counted

if TYPE_CHECKING:
    from textual.app import App

    from tracker.services.context import Tracker
    from tracker.ui.widgets.handle import Services

EVERY = [("termly (every 4 months)", "termly"), ("monthly", "monthly"),
         ("every 6 weeks", "6-weeks"), ("fortnightly", "fortnightly"), ("weekly", "weekly")]  # fmt: skip
DECISIONS = [("accept what is asked", "accept"), ("refer it back", "refer back"),
             ("escalate it further", "escalate")]  # fmt: skip
DIRECTIONS = [("higher is better", "higher"), ("lower is better", "lower")]
REPLACE = files.REPLACE


def _meeting_line(m: Any) -> str:
    return f"{m.board_name}, {day(m.date)}" + (f" ({m.own_title})" if m.own_title else "")


# -- meetings ----------------------------------------------------------------------------------


def schedule(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.governance.meetings import schedule_meeting

    required(v, "board", "date")
    m = schedule_meeting(t, v["board"], date_of(v, "date"), title=v["title"] or None)
    return Done(ok(f"Scheduled: {_meeting_line(m)}."))


def schedule_series(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.errors import invalid
    from tracker.services.governance.meetings import schedule_series as series

    required(v, "board", "from", "every", "count")
    if not str(v["count"]).isdigit():
        raise invalid("count", "a whole number", "1-60")
    views = series(t, v["board"], date_of(v, "from"), v["every"], int(v["count"]),
                   title=v["title"] or None)  # fmt: skip
    dates = ", ".join(day(m.date) for m in views)
    return Done(
        ok(f"Scheduled {counted(len(views), 'meetings')} of {views[0].board_name}: {dates}.")
    )


def cancel(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.governance.meetings import cancel_meeting
    from tracker.services.lookup import parse_date

    required(v, "meeting")
    board, _, on = str(v["meeting"]).partition("|")
    m = cancel_meeting(t, board, parse_date(on, "date"))
    return Done(ok(f"Cancelled: {_meeting_line(m)}. What waited for it waits for the next one."))


def review(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.errors import invalid
    from tracker.services.governance.holding import review_at_meeting
    from tracker.services.governance.reviews import Verdict
    from tracker.services.lookup import parse_date

    required(v, "meeting")
    if not v["ref"] and not v["note_all"]:
        raise invalid("ref", "choose an action, or tick 'note every waiting update'")
    verdicts = [Verdict(v["ref"], v["verdict"] or "noted", v["comment"] or None)] if v["ref"] \
        else []  # fmt: skip
    board, _, on = str(v["meeting"]).partition("|")
    done = review_at_meeting(t, board, parse_date(on, "date"), verdicts,
                             note_all=bool(v["note_all"]))  # fmt: skip
    noted = sum(1 for r in done if r.outcome == "noted")
    return Done(ok(f"Recorded {counted(len(done), 'verdicts')} at the meeting of {day(parse_date(on))}: "
                   f"{noted} noted, {len(done) - noted} challenged."))  # fmt: skip


# -- boards ------------------------------------------------------------------------------------


def add_board(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.governance.boards import add_board as add

    required(v, "code", "name")
    b = add(t, v["code"], v["name"], kind=v["kind"] or "board", parent=v["parent"],
            chair=v["chair"], meets=v["meets"] or None, area=v["area"] or None)  # fmt: skip
    return Done(ok(f"Added {b.name} ({b.kind}), reporting to {b.parent_name or 'no one'}."))


def edit_board(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.governance.boards import edit_board as edit
    from tracker.services.unset import UNSET

    required(v, "board")
    changes: dict[str, Any] = {k: v[k] for k in ("name", "meets", "area") if v[k]}
    for k in ("parent", "chair"):
        if v[k] is not None:
            changes[k] = v[k]
    if not changes:
        return Done(Text("Nothing to change: fill in what changes.", style="bold"), stored=False)
    b = edit(t, v["board"], **{k: changes.get(k, UNSET) for k in changes})
    return Done(ok(f"Saved {b.name}: {', '.join(changes)}."))


# -- escalations -------------------------------------------------------------------------------


def raise_(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.governance.escalations import raise_escalation

    required(v, "ref", "from")
    e = raise_escalation(t, v["ref"], v["from"], reason=v["reason"],
                         decision_sought=v["decision"])  # fmt: skip
    return Done(ok(f"Escalation #{e.id}: {e.ref} from {e.from_board_name} to {e.to_board_name}; "
                   "on its next agenda until decided."))  # fmt: skip


def decide(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.governance.escalations import decide_escalation

    required(v, "escalation", "decision")
    e = decide_escalation(t, int(v["escalation"]), v["decision"], note=v["note"] or None,
                          meeting=date_of(v, "meeting"))  # fmt: skip
    more = f"; escalated further as #{e.followed_by}" if e.followed_by else ""
    return Done(ok(f"Escalation #{e.id} ({e.ref}): {e.status} by {e.to_board_name} on "
                   f"{day(e.decided_on)}{more}."))  # fmt: skip


# -- indicators --------------------------------------------------------------------------------


def reading(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.indicators import format_value, record_reading

    required(v, "indicator")  # the service reports every other problem at once
    row = record_reading(t, v["indicator"], v["value"], date=v["date"] or None,
                         period=v["period"] or None, note=v["note"] or None)  # fmt: skip
    latest = row.latest
    # the date as the app shows dates ("01 Feb 2026"); a period as given
    when = (day(latest.date) if latest.date else latest.when) if latest else ""
    now = f"{format_value(latest.value, row.unit)} ({when})" if latest else "-"
    return Done(ok(f"Recorded for {row.name}. Latest {now}: {row.status}, "
                   f"{row.travel or 'first reading'}."))  # fmt: skip


def indicator(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.indicators import add_indicator, format_value

    required(v, "code", "name")
    row = add_indicator(t, v["code"], name=v["name"], unit=v["unit"] or None,
                        outcome=v["outcome"], board=v["board"], target=v["target"] or None,
                        direction=v["direction"], frequency=v["frequency"] or None,
                        source=v["source"] or None)  # fmt: skip
    return Done(ok(f"Added {row.code}: {row.name}, target {format_value(row.target, row.unit)}."))


TASKS: dict[str, Task] = {
    t.key: t
    for t in (
        Task("schedule-meeting", "Schedule a meeting of a board",
             "A meeting in the past cannot be scheduled; a board meets at most once a day.",
             (Ask("board", "Board", "choice", "boards and committees"),
              Ask("date", "Date", "date"), Ask("title", "Title (optional)")),
             schedule, verb="Schedule", reloads=("dashboard",)),
        Task("schedule-series", "Schedule a series of meetings (termly, monthly, every N weeks)",
             "All or none: a clash with an existing meeting refuses the series.",
             (Ask("board", "Board", "choice", "boards and committees"),
              Ask("from", "First date", "date"),
              Ask("every", "How often", "choice", EVERY, default="termly"),
              Ask("count", "How many meetings (1-60)", "number", default="3"),
              Ask("title", "Title for each (optional)")),
             schedule_series, verb="Schedule", reloads=("dashboard",)),
        Task("cancel-meeting", "Cancel a scheduled meeting",
             "What waited for the meeting waits for the board's next one.",
             (Ask("meeting", "Meeting", "choice", "scheduled meetings", fields=("date",)),),
             cancel, verb="Cancel the meeting", reloads=("dashboard",)),
        Task("review-meeting", "Review updates at a meeting already held (more verdicts)",
             "For updates left waiting on the day: note them, or challenge them saying what to "
             "resubmit.",
             (Ask("meeting", "Held meeting", "choice", "held meetings", fields=("date",)),
              Ask("ref", "Action whose waiting updates to review", "choice", "actions",
                  placeholder="none", fields=("update", "note")),
              Ask("verdict", "Verdict", "choice", [("noted", "noted"),
                                                    ("challenged", "challenged")],
                  default="noted", fields=("outcome",)),
              Ask("comment", "Comment (required when challenging)", "long",
                  fields=("challenge",)),
              Ask("note_all", "Note every waiting update not challenged", "check")),
             review, verb="Record the verdicts", reloads=("dashboard",)),
        Task("add-board", "Add a board or committee",
             "Code: lower-case letters, digits and '-'. The parent is the board it reports to.",
             (Ask("code", "Code"), Ask("name", "Name"),
              Ask("kind", "Kind", "choice", [("board", "board"), ("committee", "committee")],
                  default="board"),
              Ask("parent", "Reports to", "choice", "boards", placeholder="no one (a top board)"),
              Ask("chair", "Chair", "choice", "people", placeholder="not set"),
              Ask("meets", "Meets (e.g. termly)"), Ask("area", "Area it covers")),
             add_board, verb="Add", reloads=("dashboard",)),
        Task("edit-board", "Edit a board (name, chair, parent, meeting pattern)",
             "Only what is filled in changes; the rest stays as it is.",
             (Ask("board", "Board", "choice", "boards and committees"),
              Ask("name", "New name"),
              Ask("parent", "Reports to", "choice", "boards", placeholder="unchanged"),
              Ask("chair", "Chair", "choice", "people", placeholder="unchanged"),
              Ask("meets", "Meets (e.g. termly)"), Ask("area", "Area it covers")),
             edit_board, verb="Save"),
        Task("raise-escalation", "Raise an escalation to the parent board",
             "The escalation goes to the raising board's parent and stays on its next agenda "
             "until decided.",
             (Ask("ref", "Action", "choice", "actions"),
              Ask("from", "Escalated by (board)", "choice", "boards", fields=("from board",)),
              Ask("reason", "Why is it escalated?", "long"),
              Ask("decision", "Decision asked for", "long", fields=("decision sought",))),
             raise_, verb="Raise"),
        Task("decide-escalation", "Decide an escalation (accept, refer back, escalate further)",
             "Only open escalations can be decided; the meeting, if given, must be a held "
             "meeting of the deciding board.",
             (Ask("escalation", "Escalation", "choice", "open escalations",
                  fields=("escalation", "id")),
              Ask("decision", "Decision", "choice", DECISIONS),
              Ask("note", "The decision as minuted", "long"),
              Ask("meeting", "Decided at the meeting of (optional)", "date")),
             decide, verb="Record the decision"),
        Task("record-reading", "Record an indicator reading",
             "A reading needs a date (not in the future) or, when the source gives none, a "
             "period.",
             (Ask("indicator", "Indicator", "choice", "indicators", fields=("code",)),
              Ask("value", "Value"), Ask("date", "Date measured", "date"),
              Ask("period", "Period (when undated), e.g. 2025/26 Q1"),
              Ask("note", "Note (optional)")),
             reading, verb="Record", reloads=("dashboard",)),
        Task("add-indicator", "Add an outcome indicator",
             "Code: lower-case letters, digits and '-'. Leave the target or direction empty "
             "when the source does not give them.",
             (Ask("code", "Code"), Ask("name", "What is measured"),
              Ask("unit", "Unit (percent, number, families ...)"),
              Ask("outcome", "Outcome", "choice", "outcomes", placeholder="none"),
              Ask("board", "Board that watches it", "choice", "boards", placeholder="none"),
              Ask("target", "Target"),
              Ask("direction", "Which is better", "choice", DIRECTIONS, placeholder="not set"),
              Ask("frequency", "How often measured (annual, termly ...)"),
              Ask("source", "Where the figures come from")),
             indicator, verb="Add"),
        Task("export-sheet", "Send sheets to owners: export the register to .xlsx or .csv",
             "Owners fill in New status, New RAG, New % and Commentary; import the sheet back "
             "with 'Import a filled-in sheet'.",
             (Ask("file", "File (.xlsx or .csv)", default="sheet-for-owners.xlsx",
                  hint=FILE_HINT),
              Ask("board", "Only this board's actions", "choice", "boards", placeholder="all"),
              Ask("owner", "Only this owner's actions", "choice", "people", placeholder="all"),
              Ask("phase", "Only this phase", "choice", "phases", placeholder="all"),
              Ask("overdue", "Only overdue actions", "check", default=False),
              Ask("replace", REPLACE, "check", default=False)),
             files.export_sheet, verb="Write the sheet", reports=True),
        Task("import-sheet", "Import a filled-in sheet (status updates from owners)",
             "Check lists each row: recorded, unchanged, invalid or conflicting, storing "
             "nothing. All or nothing unless the valid rows are to be recorded anyway.",
             (Ask("file", "File (.xlsx or .csv)", default="return.xlsx", hint=FILE_HINT),
              Ask("by", "Reported by (default: you)"),
              Ask("partial", "Record the valid rows even if others are refused", "check"),
              Ask("force", "Also rows whose action changed since the export", "check")),
             files.import_sheet, verb="Record the rows", preview=True,
             reloads=("register", "dashboard"), reports=True),
        Task("export-calendar", "Export the calendar of meetings and follow-ups (.ics)",
             "Every meeting and due date as an all-day event; importing the file again updates "
             "the events rather than adding copies.",
             (Ask("file", "File (.ics)", default="meetings.ics", hint=FILE_HINT),
              Ask("board", "Only this board", "choice", "boards", placeholder="all"),
              Ask("committee", "Only this committee", "choice", "committees",
                  placeholder="all"),
              Ask("all", "Include follow-ups closed more than 90 days ago", "check")),
             files.calendar, verb="Write the calendar"),
        Task("validate-plan", "Validate a plan file (YAML)",
             "Checks the file without touching the database.",
             (Ask("file", "Plan file", hint=FILE_HINT),), files.validate, verb="Validate"),
        Task("import-plan", "Import a plan file (YAML)",
             "Creates what is new and updates what changed; deletes nothing. Check first to "
             "see the counts, storing nothing.",
             (Ask("file", "Plan file", hint=FILE_HINT),
              Ask("take_file", "Keep the file's values over newer updates (audited)",
                  "check")),
             files.import_plan, verb="Import", preview=True, reloads=("register", "dashboard"),
             reports=True),
        Task("export-plan", "Export the plan to a file (YAML)",
             "The whole database as a plan file; importing it elsewhere gives the same plan.",
             (Ask("file", "File", default="plan-export.yaml", hint=FILE_HINT),),
             files.export_plan, verb="Write the file", reports=True),
    )
}  # fmt: skip


def _more() -> None:
    from tracker.ui.tasks.accounts import TASKS as ACCOUNTS
    from tracker.ui.tasks.cycle import TASKS as CYCLE

    TASKS.update({t.key: t for t in (*CYCLE, *ACCOUNTS)})


_more()


def open_task(app: App[Any], services: Services, key: str, **given: Any) -> None:
    """Open a task's window over the current screen (help, if open, closes first); a job the
    acting account may not do is not opened: the app says why."""
    from tracker.ui.powers import task_refusal
    from tracker.ui.tasks.form import TaskScreen

    if getattr(app.screen, "is_help", False):
        app.pop_screen()
    why = task_refusal(app, key)
    if why is not None:
        app.notify(f"Not permitted: {why}.", severity="warning", timeout=8)
        return
    app.push_screen(TaskScreen(services, TASKS[key], **given))
