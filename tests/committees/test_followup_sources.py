"""Every follow-up records where it came from, and the officer reads it: one read under a
resolution, an ACTION line the import read, a line the officer took in the review, one made in
review from a resolution, one added there by hand; `followups list` (table, csv, json), `show`,
the meeting's record, the matters-arising paper and the Resolutions screen (a heading over each
kind not under a resolution) say it. Today is 2026-03-01."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from committee_helpers import COMMISSION, FIRST, Runner
from resolutions_pilot import loaded_meeting, open_resolutions, rows, until
from sqlalchemy import select
from textual.widgets import DataTable, Static

from tracker.config import Settings
from tracker.models import FollowUp
from tracker.services.committees.minutes_draft import draft_minutes, read_minutes
from tracker.services.committees.minutes_import import save_import
from tracker.services.committees.minutes_taking import (
    added_followup,
    followup_arising,
    preview_taken_followup,
)
from tracker.services.context import Tracker
from tracker.ui.app import create_app

MEMBERS_ASKED = "Members asked how many Family Hubs were open in the evening"


def _sources(t: Tracker) -> dict[str, str]:
    with t.db.reading() as s:
        return {f.text: f.source for f in s.scalars(select(FollowUp).order_by(FollowUp.id))}


@pytest.fixture
def imported(committees: Tracker) -> Tracker:
    """January's minutes with what the officer took and added in review."""
    draft = draft_minutes(read_minutes(FIRST), page=True)
    asked = next(u for u in draft.page if u.text.startswith(MEMBERS_ASKED))
    taken = preview_taken_followup(committees, asked).item
    taken = dataclasses.replace(taken, owner="Clerk", text="Report the evening opening hours")
    by_hand = added_followup("Book the room for the spring workshop", owner="Clerk")
    from_resolution = followup_arising(draft.resolutions[0], 0, text="Publish the noted update",
                                       owner="Clerk")  # fmt: skip
    draft = dataclasses.replace(
        draft, followups=(*draft.followups, taken, by_hand, from_resolution)
    )
    save_import(committees, draft, committee=COMMISSION, date="2026-01-20")
    return committees


def test_each_way_into_an_import_records_its_source(imported: Tracker) -> None:
    sources = _sources(imported)
    read_under_resolution = next(k for k in sources if "breakdown of Early Help" in k)
    action_line = next(k for k in sources if "evening timetable" in k)
    assert sources[read_under_resolution] == "resolution"
    assert sources[action_line] == "minuted"
    assert sources["Report the evening opening hours"] == "review"
    assert sources["Book the room for the spring workshop"] == "hand"
    # made with A on a resolution's row: linked, so from the resolution
    assert sources["Publish the noted update"] == "resolution"


def test_followups_list_and_show_say_where_each_came_from(imported: Tracker, run: Runner) -> None:
    table = run("followups", "list").stdout
    lines = {line.split()[0]: line for line in table.splitlines()[1:] if line.split()}
    assert "source" in table.splitlines()[0].lower().split()
    listed = json.loads(run("followups", "list", "--format", "json").stdout)
    by_text = {x["text"]: x for x in listed}
    assert by_text["Book the room for the spring workshop"]["source"] == "hand"
    assert by_text["Report the evening opening hours"]["source"] == "review"
    hand_id = str(by_text["Book the room for the spring workshop"]["id"])
    taken_id = str(by_text["Report the evening opening hours"]["id"])
    assert "by hand" in lines[hand_id]
    assert "taken in review" in lines[taken_id]
    minuted = next(x for x in listed if "evening timetable" in x["text"])
    assert "action line" in lines[str(minuted["id"])]
    csv_out = run("followups", "list", "--format", "csv").stdout.splitlines()
    assert any(row.startswith(f"{hand_id},") and ",hand," in row for row in csv_out)
    shown = run("followups", "show", hand_id).stdout
    assert "came from    added by hand" in shown
    shown = run("followups", "show", str(minuted["id"])).stdout
    assert "came from    minuted action line" in shown


def test_the_meeting_record_names_the_source_of_actions_from_no_decision(
    imported: Tracker, run: Runner
) -> None:
    record = run("meetings", "show", COMMISSION, "2026-01-20")
    assert record.exit_code == 0, record.output
    out = record.stdout
    assert "spring workshop: open" not in out  # the source is said before the status
    line = next(x for x in out.splitlines() if "spring workshop" in x)
    assert line.endswith("(added by hand): open"), line
    line = next(x for x in out.splitlines() if "evening opening hours" in x)
    assert "(taken in the import review)" in line, line
    data = json.loads(run("meetings", "show", COMMISSION, "2026-01-20", "--format",
                          "json").stdout)  # fmt: skip
    assert {a["text"]: a["source"] for a in data["actions"]}[
        "Book the room for the spring workshop"] == "hand"  # fmt: skip


def test_matters_arising_names_what_is_not_from_a_resolution(
    imported: Tracker, run: Runner, tmp_path: Path
) -> None:
    out = tmp_path / "arising.md"
    made = run("paper", "render", "matters-arising", "--board", COMMISSION, "--out", out)
    assert made.exit_code == 0, made.output
    paper = out.read_text(encoding="utf-8")
    row = next(x for x in paper.splitlines() if "spring workshop" in x)
    assert "| added by hand |" in row
    row = next(x for x in paper.splitlines() if "evening timetable" in x)
    assert "| minuted action line |" in row
    row = next(x for x in paper.splitlines() if "breakdown of Early Help" in x)
    assert "| 2 |" in row  # a resolution's still shows its number


def test_matters_arising_names_a_meeting_titled_only_by_committee_and_date_by_its_date(
    imported: Tracker, run: Runner, tmp_path: Path
) -> None:
    # minutes imported with no meeting's name make "<committee>, 20 January 2026": the paper's
    # Meeting cell said the date twice ("20 Jan 2026: Improving Lives ..., 20 January 2026")
    out = tmp_path / "arising.md"
    made = run("paper", "render", "matters-arising", "--board", COMMISSION, "--out", out)
    assert made.exit_code == 0, made.output
    paper = out.read_text(encoding="utf-8")
    row = next(x for x in paper.splitlines() if "spring workshop" in x)
    assert row.split("|")[2].strip() == "20 Jan 2026"
    assert "20 January 2026" not in paper


@pytest.mark.asyncio
async def test_the_resolutions_screen_heads_the_other_followups_by_where_they_came_from(
    imported: Tracker, settings: Settings
) -> None:
    app = create_app(settings)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_resolutions(pilot)
        await loaded_meeting(pilot, "20 Jan 2026")
        items = screen.query_one("#res-items", DataTable)
        shown = rows(items)
        heads = [x.split(" | ")[-1] for x in shown if x.startswith(" | Follow-ups |")]
        assert heads == ["minuted action lines", "taken in the import review", "added by hand"]

        def under(heading: str) -> str:
            at = next(i for i, x in enumerate(shown) if x.endswith(f"| {heading}"))
            return shown[at + 1]

        assert "evening timetable" in under("minuted action lines")
        assert "evening opening hours" in under("taken in the import review")
        assert "spring workshop" in under("added by hand")
        # made from resolution 1 in review: under it, with no heading of its own
        first = next(i for i, x in enumerate(shown) if x.startswith("1 | "))
        assert "noted update" in shown[first + 1]
        items.focus()
        items.move_cursor(row=shown.index(under("added by hand")))
        detail = screen.query_one("#res-detail", Static)
        await until(pilot, lambda: "added by hand" in str(detail.render()), "the detail")
