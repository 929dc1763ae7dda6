"""Every CLI command, and the app's way of doing the same: a task's window, or a screen (and the
key that does it there). The command palette lists each under the words people type; a test
(tests/ui/test_app_parity.py) walks the CLI's command tree and fails on a command missing here.

Adding a CLI command? Add a line: `"group command": Way("Words people type", ...)` naming a
task (tracker/ui/tasks/catalogue.py) or a screen and its action; or, for a command only an
administrator runs in a terminal, a line in SETUP saying why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Way:
    words: str  # the palette entry: what the user types to find it
    task: str | None = None  # a task's key (tracker/ui/tasks/catalogue.py TASKS)
    screen: str | None = None  # "dashboard", "register", or a registered screen's title
    action: str | None = None  # the screen's action that does it (None: the screen shows it)


# Run in a terminal by whoever installs or upgrades tracker, not from the app.
SETUP: dict[str, str] = {
    "init": "creates the database the app opens",
    "db current": "schema versions: administration",
    "db upgrade": "schema upgrade: administration (the app says when it is needed)",
    "db downgrade": "schema downgrade: administration",
    "app": "opens the app itself",
    "serve": "serves the app itself to web browsers: administration",
    "demo": "opens the fictional demo plan in its own database and app (make demo)",
}

CLI_COMMANDS: dict[str, Way] = {
    # the delivery plan
    "actions list": Way("Find actions: search and filter the register", screen="register",
                        action="search"),
    "actions show": Way("Show an action's history and details", screen="register"),
    "actions update": Way("Record a status update on an action", screen="register",
                          action="status_update"),
    "actions export-sheet": Way("Send sheets to owners (export the register)", task="export-sheet"),
    "actions import-sheet": Way("Import a filled-in sheet (check the rows first)",
                                task="import-sheet"),
    "plan validate": Way("Validate a plan file", task="validate-plan"),
    "plan import": Way("Import a plan file", task="import-plan"),
    "plan export": Way("Export the plan to a file", task="export-plan"),
    # outcomes
    "indicators list": Way("Outcome indicators against target", screen="Outcomes"),
    "indicators add": Way("Add an outcome indicator", task="add-indicator"),
    "indicators record": Way("Record an indicator reading", task="record-reading"),
    # governance
    "boards": Way("The board tree", screen="Boards"),
    "boards add": Way("Add a board or committee", task="add-board"),
    "boards edit": Way("Edit a board (name, chair, parent, meetings)", task="edit-board"),
    "board position": Way("A board's position (rolled up)", screen="Boards",
                          action="tab('tab-position')"),
    "meetings list": Way("List a board's meetings", screen="Boards", action="tab('tab-meetings')"),
    "meetings add": Way("Schedule a meeting", task="schedule-meeting"),
    "meetings add-series": Way("Schedule a series of meetings", task="schedule-series"),
    "meetings cancel": Way("Cancel a scheduled meeting", task="cancel-meeting"),
    "meetings agenda": Way("A meeting's agenda: what waits for the next meeting",
                           screen="Boards", action="tab('tab-waiting')"),
    "meetings waiting": Way("Updates waiting for a board's next meeting", screen="Boards",
                            action="tab('tab-waiting')"),
    "meetings hold": Way("Hold a board meeting (note or challenge updates)", screen="Boards",
                         action="hold"),
    "meetings review": Way("Review more updates at a meeting already held",
                           task="review-meeting"),
    "escalations list": Way("List escalations", screen="Boards", action="tab('tab-escalations')"),
    "escalations raise": Way("Raise an escalation", task="raise-escalation"),
    "escalations decide": Way("Decide an escalation", task="decide-escalation"),
    "paper list": Way("Paper templates", screen="Papers"),
    "paper render": Way("Write a board paper", screen="Papers"),
    # committees
    "minutes import": Way("Import committee minutes", screen="Resolutions",
                          action="import_minutes"),
    "resolutions list": Way("List committee resolutions", screen="Resolutions"),
    "followups list": Way("List follow-ups", screen="Resolutions"),
    "followups show": Way("Show a follow-up and its responses", screen="Resolutions"),
    "followups arising": Way("Matters arising: open follow-ups", screen="Resolutions"),
    "followups update": Way("Update a follow-up (owner, due date, response)",
                            screen="Resolutions", action="update_followup"),
    "followups close": Way("Close a follow-up", screen="Resolutions", action="close_followup"),
    "calendar export": Way("Export the calendar (.ics)", task="export-calendar"),
    # bulk edits, change log, pace
    "actions set": Way("Bulk edit: set owner, board, phase or dates on marked actions",
                       screen="register", action="bulk_edit"),
    "actions undo": Way("Undo a bulk edit", screen="register", action="undo_bulk"),
    "actions batches": Way("Bulk edits made (batches)", task="list-batches"),
    "actions views": Way("Saved views: switch, or My actions", screen="register",
                         action="views"),
    "actions log": Way("An action's change log (edits beside updates)", screen="register"),
    "actions pace": Way("Suggested RAG and forecast finish of an action", screen="register"),
    "actions export-plan-sheet": Way("Write a plan-editing sheet (owner, board, dates)",
                                     task="export-plan-sheet"),
    "actions import-plan-sheet": Way("Import a plan-editing sheet", task="import-plan-sheet"),
    "plan from-sheet": Way("Start from an existing action log (Excel)", task="plan-from-sheet"),
    "indicators set": Way("Set an indicator's target, direction or unit", task="set-indicator"),
    "indicators readings": Way("An indicator's readings as a trend chart", screen="Outcomes",
                               action="trend"),
    "indicators edit-reading": Way("Correct an indicator reading", task="correct-reading"),
    "indicators delete-reading": Way("Delete an indicator reading", task="correct-reading"),
    # meetings as records, challenges
    "meetings record": Way("Record a past meeting", screen="Boards", action="record"),
    "meetings show": Way("A meeting's record", screen="Boards", action="view_meeting"),
    "challenges list": Way("Challenges to answer", screen="dashboard",
                           action="show_panel('challenges')"),
    "challenges answer": Way("Answer a challenge", task="answer-challenge"),
    # the reporting cycle
    "returns status": Way("Returns owed: who owes a board an update", screen="Returns"),
    "returns send": Way("Send return sheets to owners (one each)", screen="Returns",
                        action="write_sheets"),
    "returns chase": Way("Chase returns: chaser e-mails to owners", task="chase-returns"),
    "returns import": Way("Import returned sheets", task="import-returns"),
    "exceptions list": Way("Exceptions: actions outside tolerance", screen="Exceptions"),
    "exceptions escalate": Way("Escalate an exception to the parent board",
                               screen="Exceptions", action="escalate"),
    "paper issue": Way("Issue a paper to a meeting (frozen)", task="issue-paper"),
    "paper issued": Way("Papers issued to a board", task="issued-papers"),
    "paper show": Way("Show an issued paper as the board saw it", task="show-issued"),
    # publication
    "opendata export": Way("Export open data (Popolo, Decidim)", task="export-opendata"),
    "exempt": Way("Mark an item exempt (Schedule 12A)", task="mark-exempt"),
    # accounts (admins)
    "users add": Way("Add an account (who signs in, and their roles)", task="add-account"),
    "users list": Way("Accounts: who signs in, their roles", task="list-accounts"),
    "users roles": Way("Grant or revoke an account's roles", task="account-roles"),
    "users disable": Way("Disable (or enable) an account", task="disable-account"),
    "users passwd": Way("Set an account's password", task="set-password"),
    "users link": Way("Map a PostgreSQL login to an account", task="link-account"),
}  # fmt: skip


def way_refusal(app: Any, command: str) -> str | None:
    """Why the acting account may not do what this CLI command does in the app, or None."""
    from tracker.ui.powers import guarded_refusal, task_refusal

    way = CLI_COMMANDS[command]
    if way.task is not None:
        return task_refusal(app, way.task)
    if not way.action:
        return None
    mode = app.mode_of(way.screen or "dashboard")
    made = app.made.get(mode)
    if made is not None and hasattr(made, "action_refusal"):
        return made.action_refusal(way.action)  # type: ignore[no-any-return]
    return guarded_refusal(screen_class(app, mode), app, way.action)


def screen_class(app: Any, mode: str) -> type:
    from tracker.ui.dashboard.screen import DashboardScreen
    from tracker.ui.register.screen import RegisterScreen
    from tracker.ui.registry import import_screen

    if mode == "dashboard":
        return DashboardScreen
    if mode == "register":
        return RegisterScreen
    for registered, _key, _title, path in app.registered:
        if registered == mode:
            return import_screen(path)
    return DashboardScreen
