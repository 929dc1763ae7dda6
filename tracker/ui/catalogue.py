"""Everything the app can do, in one catalogue read from the screens' own key bindings: shown
by the help screen (?) and searchable in the command palette (ctrl+p) (tracker/ui/help.py). A
screen added to tracker/ui/registry.py appears in both without editing this file. Both mark
what the acting account may not do, with the reason (`command_refusal`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.binding import Binding, BindingsMap

INTRO = (
    "tracker keeps the delivery plan: the dashboard shows where the strategy stands and what "
    "needs attention; the action register finds any action, shows its history and records "
    "status updates. Keys are shown at the bottom of each screen; ctrl+p finds any command by "
    "name. Nothing is saved until it is valid, and if someone else changed an action while you "
    "were editing it, you are shown what changed and nothing is overwritten."
)
KEY_NAMES = {
    "question_mark": "?", "slash": "/", "escape": "esc", "right_square_bracket": "]",
    "left_square_bracket": "[", "enter": "enter",
}  # fmt: skip


# Keys that several screens or windows bind, and the one thing each means wherever it is pressed
# (tests/ui/test_app_help.py checks no screen or window binds one of these, or another screen's
# or window's key, to something else).
KEY_MEANINGS = {
    "u": "Update the selected item (an action's status; a follow-up)",
    "x": "Close the selected item for good (cancel an action; close a follow-up)",
    "n": "New: add one (an action; a meeting of the selected board; a resolution or follow-up "
    "in a minutes review)",
    "e": "Edit the selected item (an action; an indicator's target, unit and frequency; an "
    "entry of imported minutes)",
    "f": "Filter what the screen shows (on Outcomes: off target only)",
    "l": "Overdue: show what is late",
    "1-5": "Open or choose a numbered part (a phase on the dashboard; a tab on Boards; a "
    "verdict when holding a meeting)",
    "d": "In a window: discard or drop (your unsaved changes; an entry of imported minutes)",
    "ctrl+r": "Reload: read the screen again from the database",
    "[ ]": "Previous / next page",
    "esc": "Close or cancel the window (asking first if anything typed would be lost)",
    "ctrl+s": "Save or do what the window is for",
}


@dataclass(frozen=True)
class Command:
    section: str
    key: str
    description: str
    action: str
    detail: str
    mode: str | None  # the app mode whose screen runs it; None: the app itself or a window
    window: type | None = None  # a window's class: only runs while that window is open


@dataclass(frozen=True)
class Section:
    title: str
    commands: tuple[Command, ...]
    notes: tuple[tuple[str, str], ...] = ()  # (how, what) not tied to one key


def key_name(binding: Binding) -> str:
    if binding.key_display:
        return binding.key_display
    return KEY_NAMES.get(binding.key, binding.key)


def bindings_of(cls: type) -> list[Binding]:
    """The bindings a tracker screen class declares (its own and its tracker base classes')."""
    found: dict[str, Binding] = {}
    for base in reversed(cls.__mro__):
        if not base.__module__.startswith("tracker."):
            continue
        for group in BindingsMap(base.__dict__.get("BINDINGS", [])).key_to_bindings.values():
            for b in group:
                found[b.key] = b
    return [b for b in found.values() if b.description]


def _section(title: str, cls: type, mode: str | None, window: type | None = None,
             notes: tuple[tuple[str, str], ...] = ()) -> Section:  # fmt: skip
    commands = tuple(
        Command(title, key_name(b), b.description, b.action, b.tooltip, mode, window)
        for b in bindings_of(cls)
    )
    return Section(title, commands, notes)


def catalogue(app: Any) -> list[Section]:
    from tracker.ui.boards.hold import HoldMeetingScreen
    from tracker.ui.boards.meetings import (
        MeetingRecordScreen,
        RecordMeetingScreen,
        ScheduleMeetingScreen,
    )
    from tracker.ui.dashboard.screen import DashboardScreen
    from tracker.ui.indicators.trend import TrendScreen
    from tracker.ui.register.bulk import BulkEditScreen, SaveViewScreen, ViewsScreen
    from tracker.ui.register.changes import ConflictScreen, DiscardScreen
    from tracker.ui.register.edit import ActionFormScreen
    from tracker.ui.register.filters import PickScreen
    from tracker.ui.register.modals import CancelActionScreen, SortScreen, StatusUpdateScreen
    from tracker.ui.register.screen import RegisterScreen
    from tracker.ui.registry import DASHBOARD, REGISTER, import_screen
    from tracker.ui.resolutions.add_item import AddItemScreen
    from tracker.ui.resolutions.followup import FollowUpScreen
    from tracker.ui.resolutions.import_minutes import ImportMinutesScreen
    from tracker.ui.resolutions.review import ReviewScreen
    from tracker.ui.resolutions.review_arising import ArisingScreen
    from tracker.ui.resolutions.review_duplicate import AnotherMeetingScreen
    from tracker.ui.tasks.form import TaskScreen
    from tracker.ui.widgets.choice import ChoiceScreen

    everywhere = [
        Command("Everywhere", key_name(b), b.description, b.action, b.tooltip, None)
        for b in bindings_of(type(app))
    ]
    for mode, key, title, _path in app.registered:
        everywhere.append(
            Command("Everywhere", key or "-", title, f"show({mode!r})", f"Go to {title}", None)
        )
    sections = [
        Section(
            "Everywhere",
            tuple(everywhere),
            (
                ("ctrl+p", "Command palette: find any command by name"),
                ("tab", "Move between the parts of a screen"),
            ),
        ),
        _section(
            "Dashboard",
            DashboardScreen,
            DASHBOARD,
            notes=(
                (
                    "enter",
                    "Open the highlighted item: an action in the register, a count of a phase's "
                    "actions by status or RAG, a meeting, a follow-up",
                ),
                ("click", "The same with the mouse"),
            ),
        ),
        _section(
            "Action register",
            RegisterScreen,
            REGISTER,
            notes=(
                ("type", "In the search box: filters as you type (ref, title, owner, commentary)"),
                ("enter", "In the search box: back to the table"),
                ("click", "A column heading: sort by it (again: reverse)"),
                ("↑ ↓", "Move; past the end of a page turns to the next"),
            ),
        ),
        _section("Status update window", StatusUpdateScreen, None, StatusUpdateScreen),
        _section("Edit and new action window", ActionFormScreen, None, ActionFormScreen),
        _section("Cancel action window", CancelActionScreen, None, CancelActionScreen),
        _section(
            "List window (a field's choices)",
            ChoiceScreen,
            None,
            ChoiceScreen,
            notes=(
                ("enter", "Choose the highlighted value"),
                ("type", "Jump to the first value starting with the letters typed"),
            ),
        ),
        _section("Sort window", SortScreen, None, SortScreen, notes=(("enter", "Sort by it"),)),
        _section(
            "Filter list window",
            PickScreen,
            None,
            PickScreen,
            notes=(("enter", "Show only the actions with the highlighted value"),),
        ),
        _section(
            "Conflict window (someone else saved first)", ConflictScreen, None, ConflictScreen
        ),
        _section("Schedule meeting window", ScheduleMeetingScreen, None, ScheduleMeetingScreen),
        _section("Record past meeting window", RecordMeetingScreen, None, RecordMeetingScreen),
        _section(
            "Hold meeting window",
            HoldMeetingScreen,
            None,
            HoldMeetingScreen,
            notes=(
                (
                    "enter",
                    "Record the typed challenge, decision note or follow-up; on the "
                    "last step, mark the meeting held",
                ),
            ),
        ),
        _section("Meeting record window", MeetingRecordScreen, None, MeetingRecordScreen),
        _section("Discard changes? window", DiscardScreen, None, DiscardScreen),
        _section(
            "Bulk edit window",
            BulkEditScreen,
            None,
            BulkEditScreen,
            notes=(
                ("Check", "Show what would change, on how many actions (nothing stored)"),
                ("Apply", "Store it as one batch (ctrl+z in the register undoes it)"),
                ("type", "Blank keeps each action's value; none clears it"),
                ("tab", "Next field"),
            ),
        ),
        _section(
            "Saved views window",
            ViewsScreen,
            None,
            ViewsScreen,
            notes=(("enter", "Show the highlighted view (its filters and sort)"),),
        ),
        _section(
            "Save view window",
            SaveViewScreen,
            None,
            SaveViewScreen,
            notes=(("enter", "Save the register's filters and sort under the typed name"),),
        ),
        _section(
            "Trend chart window",
            TrendScreen,
            None,
            TrendScreen,
            notes=(("↑ ↓", "Choose an indicator: its readings are plotted with the target"),),
        ),
        _section(
            "Import minutes window",
            ImportMinutesScreen,
            None,
            ImportMinutesScreen,
            notes=(("Read minutes", "Read the file and show what was found, for review"),),
        ),
        _section(
            "Minutes review window",
            ReviewScreen,
            None,
            ReviewScreen,
            notes=(
                ("↑ ↓", "Choose an item found in the minutes; its line and reason show"),
                (
                    "tab",
                    "To the lines the reader left: ↑ ↓ (or a click) picks one, R or A "
                    "takes it, d takes out what was taken from it",
                ),
                (
                    "A",
                    "On a resolution's row of the items: a follow-up arising from it, linked "
                    "to it (on a line left or a unit of the page: takes it)",
                ),
                (
                    "Apply edit",
                    "Keep the typed change to the highlighted item (Enter in a "
                    "field does the same; Ctrl+S keeps it too)",
                ),
            ),
        ),
        _section("Add to minutes review window", AddItemScreen, None, AddItemScreen),
        _section("Follow-up of a resolution window", ArisingScreen, None, ArisingScreen),
        _section(
            "Another meeting's minutes? window", AnotherMeetingScreen, None, AnotherMeetingScreen
        ),
        _section(
            "Follow-up window",
            FollowUpScreen,
            None,
            FollowUpScreen,
            notes=(
                ("Close as done", "Close the follow-up (needs a response)"),
                ("Drop", "Close it as no longer needed (needs a response)"),
            ),
        ),
        _section(
            "Job windows (schedule, escalate, record a reading, sheets, calendar, plan files)",
            TaskScreen,
            None,
            TaskScreen,
            notes=(("ctrl+p", 'Find a job by name: "schedule", "send sheets", "record reading"'),),
        ),
    ]
    for mode, _key, title, path in app.registered:
        try:
            cls = import_screen(path)
        except Exception as exc:  # noqa: BLE001 - a broken screen must not break help
            sections.append(Section(title, (), (("-", f"cannot be opened: {exc}"),)))
            continue
        sections.append(_section(title, cls, mode))
    return sections


def command_refusal(app: Any, c: Command) -> str | None:
    """Why the acting account may not use this key (on what its screen has selected), or None:
    what the footer hides or dims, the palette marks and help marks."""
    from tracker.ui.powers import guarded_refusal
    from tracker.ui.tasks.palette import screen_class

    if c.window is not None:
        return guarded_refusal(c.window, app, c.action)
    if c.mode is None:
        return None
    made = app.made.get(c.mode)
    if made is not None and hasattr(made, "action_refusal"):
        why: str | None = made.action_refusal(c.action)
        return why
    return guarded_refusal(screen_class(app, c.mode), app, c.action)
