"""A line the officer takes in review loses the label at its head: "Decision/Action:", "Action
agreed:", "Resolved:", "Agreed -" are the page's labels, not the resolution's words or the
follow-up's task, and a label word is never read as the owner; initials closing a line ("...
[AH]") are its owner, not part of its task."""

from __future__ import annotations

import pytest
from resolutions_pilot import rows, until
from review_pilot import reviewing
from sqlalchemy import select

from tracker.config import Settings
from tracker.minutes.taking import is_label, read_taken_line, without_label
from tracker.models import FollowUp, Resolution
from tracker.services.committees.minutes_draft import UnsureItem
from tracker.services.committees.minutes_taking import preview_taken_followup, take_resolution
from tracker.services.context import Tracker
from tracker.ui.resolutions.screen import ResolutionsScreen


@pytest.mark.parametrize(
    ("line", "text", "kind"),
    [
        ("Resolved: That the hedge be cut.", "That the hedge be cut.", "resolved"),
        ("RESOLVED – That Deputy Barrow be re-elected Chairman.",
         "That Deputy Barrow be re-elected Chairman.", "resolved"),
        ("RESOLVED that Councillor Carr be appointed Vice Chair.",
         "That Councillor Carr be appointed Vice Chair.", "resolved"),
        ("Agreed – that the sign be moved to the allotments", "That the sign be moved to the "
         "allotments", "agreed"),
        ("Decision/Action: The Senior Leadership Team agreed to discuss this further.",
         "The Senior Leadership Team agreed to discuss this further.", "resolved"),
        ("3. Resolved:- payments approved", "Payments approved", "resolved"),
        ("Noted: the report on the hall.", "The report on the hall.", "noted"),
        ("Agreed.", "Agreed.", "resolved"),  # a label alone is all there is: kept
        ("The Committee agreed that rents rise by 5%.", "The Committee agreed that rents rise "
         "by 5%.", "resolved"),
    ],
)  # fmt: skip
def test_a_line_taken_as_a_resolution_loses_its_label(line: str, text: str, kind: str) -> None:
    taken = take_resolution(UnsureItem(7, line, "unsure", "6"))
    assert (taken.text, taken.kind, taken.item, taken.line) == (text, kind, "6", 7)


@pytest.mark.parametrize(
    ("text", "owner", "task"),
    [
        ("Decision/Action: The Senior Leadership Team agreed to discuss this further at their "
         "meeting.", "The Senior Leadership Team", "discuss this further at their meeting."),
        ("Action agreed: Produce a recruitment campaign + raise awareness of the service (notice "
         "in shop and on community website etc) [AH]", "AH", "Produce a recruitment campaign + "
         "raise awareness of the service (notice in shop and on community website etc)"),
        ("Action point 3: KT to book the hall", "KT", "book the hall"),
        ("Agreed – that the Bledisloe Cup sign be relocated to the allotments – AS", "AS",
         "that the Bledisloe Cup sign be relocated to the allotments"),
        ("to ask them to present at our next meeting. [JH to action]", "JH",
         "ask them to present at our next meeting."),
        ("Resolved: payments approved", "", "payments approved"),
    ],
)  # fmt: skip
def test_a_label_is_never_the_owner_of_a_line_taken_as_a_follow_up(
    text: str, owner: str, task: str
) -> None:
    reading = read_taken_line(text, 4)
    assert (reading.owner, reading.task) == (owner, task)


def test_what_counts_as_a_label() -> None:
    assert all(is_label(w) for w in ("Decision/Action", "Action agreed", "RESOLVED", "Actions:"))
    assert not any(is_label(w) for w in ("AH", "the Clerk", "Senior Leadership Team"))
    assert without_label("ACTION JOHN/DODIE: arrange quotes") == (
        "ACTION JOHN/DODIE: arrange quotes", "")  # fmt: skip
    assert without_label("Action complete – awaiting the quote") == (
        "Action complete – awaiting the quote",
        "",
    )  # a status, not a label over a task


def test_the_owner_read_from_a_labelled_line_is_matched_to_a_person(committees: Tracker) -> None:
    line = UnsureItem(9, "Action: Kelly White to report back on the hub opening.", "unsure")
    taken = preview_taken_followup(committees, line)
    assert (taken.item.owner, taken.person_code) == ("Kelly White", "kelly-white")
    assert taken.item.text == "report back on the hub opening."


# the page the officer drove (Colonsay Community Council, May 2018), its "Action agreed:" label
# now "Decision/Action:" (the reader takes "Action agreed: ... [AH]" itself): the reader leaves both
LABELLED = """Minutes of the Community Council

5. Retained Fire Service

The station needs new volunteers.

Decision/Action: Produce a recruitment campaign (notice in shop and on community website etc) [AH]

Decision/Action: The Senior Leadership Team agreed to discuss this further at their meeting.
"""


@pytest.mark.asyncio
async def test_the_officer_takes_labelled_lines_without_their_labels(
    committees: Tracker, settings: Settings
) -> None:
    async with reviewing(settings, LABELLED) as r:
        app, pilot, review, table = r.app, r.pilot, r.screen, r.table
        texts = [u.text for u in review.preview.draft.unsure]
        recruit = next(i for i, t in enumerate(texts) if t.startswith("Decision/Action: Produce"))
        decision = next(i for i, t in enumerate(texts) if t.startswith("Decision/Action: The"))
        before = table.row_count
        await pilot.press("tab", *["down"] * recruit, "A")
        await until(pilot, lambda: table.row_count == before + 1, "the follow-up taken")
        row = rows(table)[-1]
        assert row.startswith("you | ↳ 5 | AH | - | Produce a recruitment campaign"), row
        await pilot.press(*["down" if decision > recruit else "up"] * abs(decision - recruit))
        await pilot.press("R")  # still on the lines the reader left
        row = rows(table)[-1]
        assert row.startswith("you | 5 |  |  | The Senior Leadership Team agreed to discuss"), row
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
    with committees.db.reading() as s:
        fu = s.scalars(select(FollowUp).where(FollowUp.text.like("Produce%"))).one()
        res = s.scalars(select(Resolution).where(Resolution.text.like("The Senior%"))).one()
    assert fu.owner_text == "AH" and "[AH]" not in fu.text and "Decision/Action" not in fu.text
    assert res.text == "The Senior Leadership Team agreed to discuss this further at their meeting."
