"""The app in a browser, as two people on one PostgreSQL database meet it: the sign-in page first
(a wrong password refused, no app started), then the dashboard, the register, a status update
recorded by the signed-in account, and that update seen from a second signed-in session."""

from __future__ import annotations

import pytest
from web_helpers import PASSWORD

from tracker.config import load_settings
from tracker.services.actions.detail import get_action
from tracker.services.context import open_tracker

pytestmark = pytest.mark.slow

DASHBOARD = "Early Help Strategy"  # the strategy's title, once the dashboard has read the plan
NOTE = "Hub lease signed; fit-out starts in May"


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_two_people_sign_in_and_one_sees_the_others_update(serve, browser) -> None:
    served = serve()
    pat, alex = browser(), browser()

    # a wrong password: refused on the sign-in page, no app process started
    pat.sign_in(served.url, "pat", "not the password")
    assert "/sign-in" in pat.driver.current_url
    assert "the login or password is wrong" in pat.message()
    assert served.apps() == []
    assert "not the password" not in served.log_text()

    # the right one: the app, as Pat
    pat.sign_in(served.url, "pat", PASSWORD)
    assert "Signed in as Pat Manager (pat)" in pat.text()
    pat.wait_for_text(DASHBOARD)
    alex.sign_in(served.url, "alex", PASSWORD)
    alex.wait_for_text(DASHBOARD)
    assert len(served.wait_for_apps(2)) == 2  # one app process per signed-in tab

    # Pat opens the register and records an update on the first action
    pat.keys("a")
    shown = pat.wait_for_text("P1-01")
    assert "Action register" in shown or "P1-01" in shown
    pat.keys("u")
    pat.wait_for_text("Record a status update")
    pat.wait_for_text("Now not started")  # the window has read the action
    assert "Recorded by Pat Manager (your account)" in pat.terminal()
    pat.keys("\t", "\t", "\t", pause=0.6)  # status, RAG, % complete: to the commentary
    pat.keys(NOTE)
    pat.wait_for_text(NOTE)  # typed into the commentary
    pat.ctrl("s")
    pat.wait_for_text("Status update recorded for P1-01")

    settings = load_settings(served.settings_file)
    t = open_tracker(settings)
    try:
        latest = get_action(t, "P1-01").updates[0]
    finally:
        t.close()
    assert latest.commentary == NOTE
    assert latest.recorded_by == "Pat Manager"

    # Alex, in the other session, sees it once the register is read again
    alex.keys("a")
    alex.wait_for_text("P1-01")
    alex.ctrl("r")
    shown = alex.wait_for_text(NOTE)
    assert "Pat Manager" in shown
