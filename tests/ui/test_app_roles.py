"""The app offers each signed-in person only what their roles allow: keys they may not use are
not in the footer (or dimmed where only the selected item is not theirs), the command palette
marks them "not permitted" and says why, and a viewer sees a read-only app marked so. Accounts
made with the services, signed in with one-time tickets as `tracker serve` does; on SQLite and
PostgreSQL. The services still refuse what gets through (tests/accounts/)."""

from __future__ import annotations

from typing import Any

import pytest
from textual.command import CommandList, CommandPalette
from ui_helpers import screen_text, select_row, settle, type_text

from tracker.services.accounts import add_account, issue_ticket, parse_role
from tracker.services.context import Tracker, open_tracker
from tracker.ui.app import create_app
from tracker.ui.register.modals import StatusUpdateScreen

SIZE = (140, 40)
PASSWORD = "a long enough password"
SFB, LPB = "supporting-families-board", "lpb-north"
pytestmark = pytest.mark.asyncio

ROLES = {
    "vera": ("Vera Viewer", "viewer"),
    "sam": ("Sam Secretary", f"board_secretary:{SFB}"),
    "amy-archer": ("Amy Archer", "action_owner"),  # owns P1-01, P2-04 and P3-01 in app.yaml
    "pat": ("Pat Manager", "programme_manager"),
}


def ticket_for(settings: Any, login: str) -> str:
    """An admin, then the account `login` with its role; a fresh sign-in ticket for it."""
    t = open_tracker(settings)
    try:
        admin = add_account(t, "root-admin", "Root Admin", PASSWORD, [parse_role("admin")])
        name, role = ROLES[login]
        account = add_account(Tracker(t.settings, db=t.db, account=admin), login, name,
                              PASSWORD, [parse_role(role)])  # fmt: skip
        return issue_ticket(t, account.id)
    finally:
        t.close()


def offered(screen: Any) -> dict[str, bool]:
    """The keys the screen's footer shows: action -> enabled (False: shown dimmed)."""
    return {b.action: enabled for _n, b, enabled, _t in screen.active_bindings.values()}


def notices(app: Any) -> str:
    return " ".join(" ".join(str(n.message) for n in app._notifications).split())


async def go(pilot: Any, key: str) -> Any:
    await pilot.press(key)
    await settle(pilot)
    return pilot.app.screen


async def palette(pilot: Any, typed: str) -> list[str]:
    """What the command palette lists for the typed words (then closes it)."""
    await pilot.press("ctrl+p")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CommandPalette)
    await type_text(pilot, typed)
    await pilot.pause(0.3)  # it searches as it is typed into
    await settle(pilot)
    found = pilot.app.screen.query_one(CommandList)
    lines = [" ".join(str(found.get_option_at_index(i).prompt).split())
             for i in range(found.option_count)]  # fmt: skip
    return lines


async def choose_board(pilot: Any, screen: Any, code: str) -> None:
    tree = screen.query_one("#boards-tree")
    tree.focus()
    seen = []
    for key in ["home"] + ["down"] * 8:
        await pilot.press(key)
        await settle(pilot, 1)
        seen.append(screen.board)
        if screen.board == code:
            break
    assert screen.board == code, seen
    await settle(pilot)


async def test_a_viewer_sees_a_read_only_app_marked_so(app_settings_any) -> None:
    app = create_app(app_settings_any, ticket=ticket_for(app_settings_any, "vera"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "signed in as Vera Viewer · read only: viewer" in screen_text(app.screen)
        register = await go(pilot, "a")
        assert "read only: viewer" in screen_text(register)  # on every screen's header
        keys = offered(register)
        assert keys["search"] and keys["filter"]
        for hidden in ("status_update", "edit", "new", "cancel_action", "bulk_edit",
                       "save_view"):  # fmt: skip
            assert hidden not in keys, hidden
        await pilot.press("u")
        await settle(pilot)
        assert app.screen is register  # no window opened to be refused in
        boards = await go(pilot, "b")
        keys = offered(boards)
        assert keys["view_meeting"] and not {"hold", "schedule", "record"} & keys.keys()
        assert "import_minutes" not in offered(await go(pilot, "r"))
        outcomes = await go(pilot, "o")
        assert "record" not in offered(outcomes) and offered(outcomes)["trend"]
        exceptions = await go(pilot, "E")
        assert "escalate" not in offered(exceptions)
        lines = await palette(pilot, "import a plan file")
        assert any("Import a plan file (not permitted)" in line
                   and "Not permitted: only an admin can import plan files" in line
                   for line in lines), lines  # fmt: skip
        await pilot.press("enter")
        await settle(pilot)
        assert (
            "Not permitted: only an admin can import plan files (you act as Vera Viewer: "
            "viewer)." in notices(app)
        )
        assert not isinstance(app.screen, CommandPalette) and app.screen is exceptions  # no window


async def test_a_viewer_s_window_opened_anyway_still_refuses(app_settings_any) -> None:
    """Rights read at sign-in can be out of date: the window still says no and saves nothing."""
    from tracker.services.actions.detail import count_updates
    from tracker.ui.register.pool import UPDATE

    settings = app_settings_any
    ticket = ticket_for(settings, "vera")
    t = open_tracker(settings)
    try:
        before = count_updates(t, "P2-01")
    finally:
        t.close()
    app = create_app(settings, ticket=ticket)
    async with app.run_test(size=SIZE) as pilot:
        register = await go(pilot, "a")
        register.forms.open(UPDATE, "P2-01", lambda _result: None)
        await settle(pilot)
        window = app.screen
        assert isinstance(window, StatusUpdateScreen) and window.query_one("#save").disabled
        assert "Not permitted: only the owner of P2-01 or a programme manager" in " ".join(
            screen_text(window).split()
        )
        window.query_one("#note").focus()
        await type_text(pilot, "Viewers cannot write")
        await pilot.press("ctrl+s")
        await settle(pilot)
    t = open_tracker(settings)
    try:
        assert count_updates(t, "P2-01") == before
    finally:
        t.close()


async def test_a_board_secretary_runs_only_their_boards_meetings(app_settings_any) -> None:
    app = create_app(app_settings_any, ticket=ticket_for(app_settings_any, "sam"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "read only" not in app.sub_title
        assert "board secretary:supporting-families-board" in app.sub_title
        boards = await go(pilot, "b")
        await choose_board(pilot, boards, SFB)
        keys = offered(boards)
        assert keys["hold"] and keys["schedule"] and keys["record"]
        await choose_board(pilot, boards, LPB)
        keys = offered(boards)
        assert keys["hold"] is False and keys["schedule"] is False  # shown, dimmed: not theirs
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is boards  # nothing opened for another board: a notice says why
        assert (
            "Not permitted: only the Locality Partnership Board North's secretary can "
            "schedule, hold or cancel its meetings" in notices(app)
        )
        lines = await palette(pilot, "hold a board meeting")
        assert any("(not permitted)" in line and "only the Locality Partnership Board North's "
                   "secretary can schedule, hold or cancel its meetings" in line
                   for line in lines), lines  # fmt: skip
        await pilot.press("escape")
        await settle(pilot)
        await choose_board(pilot, boards, SFB)
        await pilot.press("n")  # their own board: the schedule window opens, filled in
        await settle(pilot)
        assert type(app.screen).__name__ == "TaskScreen"
        await pilot.press("escape")
        await settle(pilot)
        register = await go(pilot, "a")
        assert not {"status_update", "edit", "new", "bulk_edit"} & offered(register).keys()


async def test_an_action_owner_updates_only_their_own_actions(app_settings_any) -> None:
    from tracker.services.actions.detail_read import get_action

    settings = app_settings_any
    app = create_app(settings, ticket=ticket_for(settings, "amy-archer"))
    async with app.run_test(size=SIZE) as pilot:
        register = await go(pilot, "a")
        await select_row(pilot, "P1-02")  # the Assistant Director's
        keys = offered(register)
        assert keys["status_update"] is False  # dimmed
        assert not {"edit", "new", "cancel_action", "bulk_edit"} & keys.keys()
        await pilot.press("u")
        await settle(pilot)
        assert app.screen is register  # no window: a notice says why
        assert (
            "Not permitted: only the owner of P1-02 or a programme manager can record "
            "updates on it (you act as Amy Archer: action_owner)." in notices(app)
        )
        await select_row(pilot, "P1-01")  # hers
        assert offered(register)["status_update"] is True
        await pilot.press("u")
        await settle(pilot)
        window = app.screen
        assert isinstance(window, StatusUpdateScreen) and not window.query_one("#save").disabled
        window.query_one("#note").focus()
        await type_text(pilot, "Venues booked")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is register
        assert not {"hold", "schedule"} & offered(await go(pilot, "b")).keys()
    t = open_tracker(settings)
    try:
        latest = get_action(t, "P1-01", history=1).updates[0]
    finally:
        t.close()
    assert latest.commentary == "Venues booked" and latest.recorded_by == "Amy Archer"


async def test_a_programme_manager_edits_actions_but_does_not_import_plans(
    app_settings_any,
) -> None:
    app = create_app(app_settings_any, ticket=ticket_for(app_settings_any, "pat"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.sub_title == "signed in as Pat Manager · programme manager"
        register = await go(pilot, "a")
        await select_row(pilot, "P1-02")
        keys = offered(register)
        assert all(keys[k] for k in ("status_update", "edit", "new", "cancel_action"))
        assert offered(await go(pilot, "o"))["record"]
        assert not {"hold", "schedule"} & offered(await go(pilot, "b")).keys()
        from tracker.ui.tasks.catalogue import open_task

        open_task(app, app.services, "import-plan")
        await settle(pilot)
        assert "Not permitted: only an admin can import plan files" in notices(app)
        assert type(app.screen).__name__ != "TaskScreen"
        open_task(app, app.services, "record-reading")  # theirs: the window opens
        await settle(pilot)
        assert type(app.screen).__name__ == "TaskScreen"


@pytest.mark.filterwarnings("ignore:The test <Function")
def test_every_job_and_every_guarded_key_names_a_right_the_services_check() -> None:
    """A new job window must say which right it needs (or that it changes nothing), so that
    it is not offered to someone the service would refuse."""
    from test_app_help import screen_classes

    from tracker.services.accounts.permissions import RULES
    from tracker.ui.powers import READ_TASKS, TASK_RIGHTS
    from tracker.ui.tasks.catalogue import TASKS

    assert set(TASKS) == set(TASK_RIGHTS) | READ_TASKS and not set(TASK_RIGHTS) & READ_TASKS
    assert set(TASK_RIGHTS.values()) <= set(RULES)
    guarded = {what for cls in screen_classes() for what in getattr(cls, "GUARDED", {}).values()}
    assert guarded <= set(RULES) and len(guarded) >= 6
    for cls in screen_classes():
        actions = {b.action.partition("(")[0] for b in getattr(cls, "BINDINGS", [])}
        assert set(getattr(cls, "GUARDED", {})) <= actions, cls.__name__  # no stale names
