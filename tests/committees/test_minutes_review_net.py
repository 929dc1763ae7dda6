"""A decision no rule takes, listed by the review net (tracker/minutes/decision_net.py), is taken by
the officer in the import review with one key: R takes its text as a resolution under the item it
sits under, and the save stores it, saying it was taken from that line."""

from __future__ import annotations

import pytest
from committee_helpers import counts
from resolutions_pilot import rows, until
from review_pilot import options, reviewing, said
from sqlalchemy import select

from tracker.config import Settings
from tracker.models import AuditEntry, Resolution
from tracker.services.committees.minutes_draft import draft_minutes
from tracker.services.committees.minutes_taking import take_resolution
from tracker.services.context import Tracker
from tracker.ui.resolutions.screen import ResolutionsScreen

DECISION = (
    "The allotment hedge survey was discussed – agreed by the group to repeat the survey in the "
    "spring."
)
MINUTES = f"""Minutes of the Parks Committee

5. Play areas

RESOLVED: That the play area report be noted.

6. Allotments

{DECISION}
"""


def test_the_net_lists_the_decision_and_r_takes_its_text() -> None:
    draft = draft_minutes(MINUTES)
    assert [r.text for r in draft.resolutions] == ["That the play area report be noted."]
    (line,) = draft.unsure
    assert (line.line, line.item, line.text) == (9, "6", DECISION)
    assert line.reason == (
        "unsure: reads as a decision ('agreed'); not taken: decided by the meeting, with no "
        "decision keyword"
    )
    taken = take_resolution(line)
    assert (taken.text, taken.item, taken.line, taken.origin) == (DECISION, "6", 9, "taken")


@pytest.mark.asyncio
async def test_an_officer_takes_a_line_of_the_net_as_a_resolution(
    committees: Tracker, settings: Settings
) -> None:
    async with reviewing(settings, MINUTES) as r:
        app, pilot = r.app, r.pilot
        table, unsure = r.table, r.unsure
        (shown,) = options(unsure)
        assert shown.startswith("line 9 (item 6): The allotment hedge survey was discussed")
        assert "(unsure: reads as a decision ('agreed'); not taken: " in shown
        before = table.row_count
        await pilot.press("tab")
        assert app.focused is unsure
        why = r.why
        assert said(why).startswith("Line 9 (item 6), below “6. Allotments”: The allotment hedge")
        assert "left by the reader: unsure: reads as a decision ('agreed')" in said(why)
        await pilot.press("R")
        assert table.row_count == before + 1
        assert rows(table)[-1].startswith("you | 6 |  |  | The allotment hedge survey was")
        assert options(unsure)[0].startswith("line 9 (item 6): ✓ taken as a resolution")
        stored = counts(committees)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
    assert counts(committees)["resolution"] == stored["resolution"] + 2
    with committees.db.reading() as s:
        res = s.scalars(select(Resolution).where(Resolution.text == DECISION)).one()
        came = dict(
            s.execute(
                select(AuditEntry.entity_key, AuditEntry.new).where(AuditEntry.field == "from")
            ).all()
        )
    assert res.kind == "resolved"
    assert "minutes line 9, taken in review" in came.values()
