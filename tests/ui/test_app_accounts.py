"""The app as a signed-in account (what `tracker serve` starts for a browser session, with a
one-time ticket): it acts as that account, names it on what it records, and says so when a
role does not allow a change. A forged ticket opens nothing. On SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
from ui_helpers import screen_text, settle, type_text, window_on

from tracker.services.accounts import add_account, issue_ticket, parse_role
from tracker.services.actions.detail import count_updates
from tracker.services.context import Tracker, open_tracker
from tracker.ui.app import create_app
from tracker.ui.register.modals import StatusUpdateScreen

SIZE = (120, 40)
PASSWORD = "a long enough password"
pytestmark = pytest.mark.asyncio


def accounts(settings) -> dict[str, str]:
    """An admin, a viewer and a programme manager; a fresh ticket for each of the last two."""
    t = open_tracker(settings)
    try:
        admin = add_account(t, "root-admin", "Root Admin", PASSWORD, [parse_role("admin")])
        as_admin = Tracker(t.settings, db=t.db, account=admin)
        vera = add_account(as_admin, "vera", "Vera Viewer", PASSWORD, [parse_role("viewer")])
        pat = add_account(as_admin, "pat", "Pat Manager", PASSWORD,
                          [parse_role("programme_manager")])  # fmt: skip
        return {"vera": issue_ticket(t, vera.id), "pat": issue_ticket(t, pat.id)}
    finally:
        t.close()


async def save_an_update(pilot, ref: str, note: str) -> None:
    window = await window_on(pilot, ref, "u")
    assert isinstance(window, StatusUpdateScreen)
    window.query_one("#note").focus()
    await type_text(pilot, note)
    await pilot.press("ctrl+s")
    await settle(pilot)


def updates(settings, ref: str) -> int:
    t = open_tracker(settings)
    try:
        return count_updates(t, ref)
    finally:
        t.close()


async def test_a_viewer_is_told_no_and_nothing_is_recorded(app_settings_any) -> None:
    settings = app_settings_any
    tickets = accounts(settings)
    before = updates(settings, "P2-01")
    app = create_app(settings, ticket=tickets["vera"])
    async with app.run_test(size=SIZE) as pilot:
        from ui_helpers import select_row

        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        register = pilot.app.screen
        await select_row(pilot, "P2-01")
        await pilot.press("u")  # not offered to a viewer (tests/ui/test_app_roles.py)
        await settle(pilot)
        assert pilot.app.screen is register
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "record a status update")
        await pilot.pause(0.3)
        await settle(pilot)
        await pilot.press("enter")  # the palette lists it as not permitted, and says why
        await settle(pilot)
        told = " ".join(str(n.message) for n in pilot.app._notifications)
        assert (
            "Not permitted: only an action's owner or a programme manager can record "
            "updates on it" in " ".join(told.split())
        )
        assert pilot.app.screen is register
    assert updates(settings, "P2-01") == before


async def test_a_programme_manager_records_an_update_in_their_own_name(app_settings_any) -> None:
    from tracker.services.actions.detail_read import get_action

    settings = app_settings_any
    tickets = accounts(settings)
    app = create_app(settings, ticket=tickets["pat"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "signed in as Pat Manager" in screen_text(pilot.app.screen)  # in the header
        await save_an_update(pilot, "P2-01", "Third hub opened.")
    t = open_tracker(settings)
    try:
        latest = get_action(t, "P2-01", history=1).updates[0]
    finally:
        t.close()
    assert latest.commentary == "Third hub opened." and latest.recorded_by == "Pat Manager"


async def test_a_forged_or_replayed_ticket_opens_nothing(app_settings_any) -> None:
    from tracker.errors import SignInRefused
    from tracker.services.accounts import redeem_ticket

    settings = app_settings_any
    tickets = accounts(settings)
    t = open_tracker(settings)
    try:
        redeem_ticket(t, tickets["pat"])  # the app process it was for used it
    finally:
        t.close()
    for ticket in (tickets["vera"] + "x", tickets["pat"]):  # forged; replayed
        with pytest.raises(SignInRefused, match="ticket is unknown, used or expired"):
            create_app(settings, ticket=ticket)  # refused before any app exists
    app = create_app(settings, ticket=tickets["vera"])  # the one good ticket still works
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "signed in as Vera Viewer" in screen_text(pilot.app.screen)


async def test_an_admin_adds_an_account_in_the_app_and_a_viewer_may_not_list_them(
    app_settings_any,
) -> None:
    from test_app_parity import field_error, open_task
    from textual.widgets import Input, Static

    from tracker.services.accounts import sign_in

    settings = app_settings_any
    t = open_tracker(settings)
    try:
        admin = add_account(t, "root-admin", "Root Admin", PASSWORD, [parse_role("admin")])
        vera = add_account(Tracker(t.settings, db=t.db, account=admin), "vera", "Vera Viewer",
                           PASSWORD, [parse_role("viewer")])  # fmt: skip
        admin_ticket, vera_ticket = issue_ticket(t, admin.id), issue_ticket(t, vera.id)
    finally:
        t.close()
    app = create_app(settings, ticket=admin_ticket)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        window = await open_task(pilot, "add-account")
        for name, value in (("login", "sam"), ("name", "Sam Patel"),
                            ("roles", "board_secretary:nowhere"), ("password", "sam's password"),
                            ("again", "sam's password")):  # fmt: skip
            window.query_one(f"#ask-{name}", Input).value = value
        assert window.query_one("#ask-password", Input).password  # typed hidden
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "no board with the code 'nowhere'" in field_error(window, "roles")
        window.query_one("#ask-roles", Input).value = "viewer"
        await pilot.press("ctrl+s")
        await settle(pilot)
        done = str(window.query_one("#task-result", Static).render())
        assert "Added sam (Sam Patel): viewer; can sign in." in done
    t = open_tracker(settings)
    try:
        assert sign_in(t, "sam", "sam's password", source="test").display_name == "Sam Patel"
    finally:
        t.close()
    app = create_app(settings, ticket=vera_ticket)
    async with app.run_test(size=SIZE) as pilot:
        from tracker.ui.tasks.catalogue import open_task as opener

        await settle(pilot)
        opener(app, app.services, "list-accounts")  # as the palette does: not opened, said why
        await settle(pilot)
        assert type(app.screen).__name__ != "TaskScreen"
        told = " ".join(str(n.message) for n in app._notifications)
        assert "Not permitted: only an admin can see the accounts" in told
