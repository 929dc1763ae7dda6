"""The app follows the signed-in person's roles in help, as they change, and in the job windows'
lists (more than test_app_roles.py): help (?) marks each key the person may not use "(not
permitted: why)", as the palette does; a role granted or revoked while the app is open shows
when a screen is shown again, or at once on a refusal from the services, without signing in
again; a job window for a board offers only the boards the person may act on. On SQLite and
PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from test_app_roles import LPB, PASSWORD, SFB, SIZE, choose_board, go, notices, offered
from textual.widgets import Select
from ui_helpers import screen_text, select_row, settle, type_text

from tracker.services.accounts import AccountView, add_account, issue_ticket, parse_role
from tracker.services.context import Tracker, open_tracker
from tracker.ui.app import create_app
from tracker.ui.help import HelpScreen

pytestmark = pytest.mark.asyncio


def sign_in(settings: Any, login: str, role: str) -> tuple[str, AccountView]:
    """An admin, then the account `login` with `role`: a sign-in ticket for it, and the admin
    (to change its roles while the app is open)."""
    t = open_tracker(settings)
    try:
        admin = add_account(t, "root-admin", "Root Admin", PASSWORD, [parse_role("admin")])
        account = add_account(Tracker(t.settings, db=t.db, account=admin), login,
                              login.title(), PASSWORD, [parse_role(role)])  # fmt: skip
        return issue_ticket(t, account.id), admin
    finally:
        t.close()


def change(settings: Any, admin: AccountView, login: str, **roles: str) -> None:
    """Grant or revoke a role through the service, as another admin would meanwhile."""
    from tracker.services.accounts import change_roles

    t = open_tracker(settings)
    try:
        t.act_as(admin)
        change_roles(t, login, **{k: [parse_role(v)] for k, v in roles.items()})  # type: ignore[arg-type]
    finally:
        t.close()


def flat(text: str) -> str:
    return " ".join(text.split())


def rows_of(screen: Any) -> str:
    """Help's tables, a row a line: "key | what | detail", each cell as a person reads it."""
    from rich.console import Group
    from rich.table import Table

    lines = []
    for widget in screen.query("Static"):
        content = widget.content  # a section's table, or it and its notes' table
        for table in content.renderables if isinstance(content, Group) else [content]:
            if not isinstance(table, Table):
                continue
            cells = [
                [flat(str(getattr(c, "plain", c))) for c in col._cells] for col in table.columns
            ]
            lines += [" | ".join(row) for row in zip(*cells, strict=True)]
    return "\n".join(lines)


async def help_on(pilot: Any) -> str:
    """What help's tables say, asked on the current screen (then closed)."""
    await pilot.press("question_mark")
    await settle(pilot)
    assert isinstance(pilot.app.screen, HelpScreen)
    said = rows_of(pilot.app.screen)
    await pilot.press("escape")
    await settle(pilot)
    return said


async def test_help_marks_the_keys_a_viewer_may_not_use(app_settings_any) -> None:
    ticket, _admin = sign_in(app_settings_any, "vera", "viewer")
    app = create_app(app_settings_any, ticket=ticket)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go(pilot, "a")
        said = await help_on(pilot)
        assert (
            "u | Update (not permitted: only an action's owner or a programme manager can "
            "record updates on it (you act as Vera: viewer)) | Record a status update" in said
        ), said
        assert (
            "e | Edit (not permitted: only a programme manager can add, edit or cancel "
            "actions" in said
        )
        assert "/ | Search | Search by ref" in said  # hers to use: not marked
        # the other screens' keys too: hold a meeting, on Boards
        assert "h | Hold meeting (not permitted: only a board's secretary" in said, said


async def test_help_marks_another_board_s_keys_for_a_board_secretary(app_settings_any) -> None:
    ticket, _admin = sign_in(app_settings_any, "sam", f"board_secretary:{SFB}")
    app = create_app(app_settings_any, ticket=ticket)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        boards = await go(pilot, "b")
        await choose_board(pilot, boards, LPB)
        said = await help_on(pilot)
        assert (
            "h | Hold meeting (not permitted: only the Locality Partnership Board North's "
            "secretary can schedule, hold or cancel its meetings" in said
        ), said
        await choose_board(pilot, boards, SFB)
        said = await help_on(pilot)
        assert "h | Hold meeting | Walk through" in said, said  # her own board: not marked
        assert "u | Update (not permitted: only an action's owner" in said  # the register's


async def test_a_role_granted_or_revoked_shows_without_signing_in_again(
    app_settings_any,
) -> None:
    settings = app_settings_any
    ticket, admin = sign_in(settings, "vera", "viewer")
    app = create_app(settings, ticket=ticket)
    async with app.run_test(size=SIZE) as pilot:
        register = await go(pilot, "a")
        await select_row(pilot, "P2-01")
        assert "status_update" not in offered(register)
        assert "read only: viewer" in app.sub_title
        change(settings, admin, "vera", grant="programme_manager")
        await go(pilot, "d")
        register = await go(pilot, "a")  # shown again: the rights are read again
        await settle(pilot)
        assert offered(register)["status_update"] and offered(register)["edit"]
        assert "read only" not in app.sub_title and "programme manager" in app.sub_title
        # revoked while a window is open: saving is refused, and the refusal re-reads them
        await pilot.press("u")
        await settle(pilot)
        window = app.screen
        assert window is not register
        change(settings, admin, "vera", revoke="programme_manager")
        window.query_one("#note").focus()
        await type_text(pilot, "Rights changed meanwhile")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Not permitted" in notices(app) + flat(screen_text(app.screen))
        await settle(pilot)
        assert "status_update" not in offered(register), offered(register)
        assert "read only: viewer" in app.sub_title


def board_choices(app: Any, field: str = "board") -> list[str]:
    select = app.screen.query_one(f"#ask-{field}", Select)
    return [value for _label, value in select._options if isinstance(value, str)]


async def test_a_job_window_offers_only_the_boards_the_person_may_act_on(
    app_settings_any,
) -> None:
    from tracker.ui.tasks.catalogue import open_task

    ticket, _admin = sign_in(app_settings_any, "sam", f"board_secretary:{SFB}")
    app = create_app(app_settings_any, ticket=ticket)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for job in ("schedule-meeting", "raise-escalation", "issue-paper", "chase-returns",
                    "import-returns", "schedule-series"):  # fmt: skip
            open_task(app, app.services, job)
            await settle(pilot)
            field = "from" if job == "raise-escalation" else "board"
            assert board_choices(app, field) == [SFB], job
            await pilot.press("escape")
            await settle(pilot)
        # a job that only reads still offers every board
        open_task(app, app.services, "issued-papers")
        await settle(pilot)
        assert {SFB, LPB} <= set(board_choices(app))


async def test_an_admin_s_job_window_offers_every_board(app_settings_any) -> None:
    from tracker.ui.tasks.catalogue import open_task

    ticket, _admin = sign_in(app_settings_any, "ada", "admin")
    app = create_app(app_settings_any, ticket=ticket)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        open_task(app, app.services, "schedule-meeting")
        await settle(pilot)
        assert SFB in board_choices(app) and LPB in board_choices(app)
