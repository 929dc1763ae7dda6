"""The services behind the CLI and the app: a reviewed draft saved in one call, owner matching,
matters arising across undated and scheduled meetings, versions and the shipped plan."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from committee_helpers import COMMISSION, FIRST, SECOND, SEEDS, counts
from sqlalchemy import select

from tracker.errors import Conflict, InvalidInput
from tracker.models import Board, FollowUp, Meeting, Person
from tracker.services.committees.arising import matters_arising
from tracker.services.committees.followup_updates import update_followup
from tracker.services.committees.followups import FollowUpFilter, list_followups
from tracker.services.committees.minutes_draft import draft_minutes, read_minutes
from tracker.services.committees.minutes_import import save_import
from tracker.services.committees.minutes_preview import preview_import
from tracker.services.committees.resolutions import list_committees, list_meetings, meeting_detail
from tracker.services.context import Tracker
from tracker.services.lookup import match_people, people_choices


def test_reviewed_draft_saves_edits_and_reimport_adds_only_what_was_dropped(
    committees: Tracker,
) -> None:
    t = committees
    draft = draft_minutes(read_minutes(FIRST), source=str(FIRST))
    res1, res2 = draft.resolutions
    fu_ad, fu_lm = draft.followups
    reviewed = dataclasses.replace(
        draft,
        resolutions=(res1, dataclasses.replace(res2, text=res2.text + " (by 31 March)")),
        followups=(
            dataclasses.replace(
                fu_ad,
                owner_code="kelly-white",
                due=dt.date(2026, 3, 31),
                text="Breakdown of Early Help Assessments by school",
            ),
        ),  # the ACTION line is dropped in review
    )
    preview = preview_import(t, reviewed, committee=COMMISSION, date="2026-01-20")
    assert preview.meeting_id is None and preview.new_resolutions == 2
    assert preview.followups[0].person_code == "kelly-white"
    result = save_import(t, reviewed, committee=COMMISSION, date="2026-01-20")
    assert (result.resolutions_added, len(result.followups_added)) == (2, 1)
    rows = list_followups(t)
    assert [(r.owner_code, r.due, r.text, r.owner_text) for r in rows] == [
        ("kelly-white", dt.date(2026, 3, 31), "Breakdown of Early Help Assessments by school",
         "Assistant Director for Early Help"),
    ]  # fmt: skip
    # the same minutes again, unedited: the edited items are recognised, the dropped one is new
    again = draft_minutes(read_minutes(FIRST))
    preview = preview_import(t, again, committee=COMMISSION, date="2026-01-20")
    assert [r.recorded for r in preview.resolutions] == [True, True]
    assert [f.recorded for f in preview.followups] == [True, False]
    result = save_import(t, again, committee=COMMISSION, date="2026-01-20")
    assert (result.resolutions_added, len(result.followups_added)) == (0, 1)
    assert len(list_followups(t)) == 2


def test_invalid_draft_is_refused_whole(committees: Tracker) -> None:
    draft = draft_minutes(read_minutes(FIRST))
    bad = dataclasses.replace(
        draft,
        followups=(
            dataclasses.replace(draft.followups[0], owner_code="nobody"),
            dataclasses.replace(draft.followups[1], text="  "),
        ),
    )
    before = counts(committees)
    with pytest.raises(InvalidInput) as err:
        save_import(committees, bad, committee=COMMISSION, date="2026-01-20")
    assert [p.field for p in err.value.problems] == ["follow-up 1", "follow-up 2"]
    assert "no person with code 'nobody'" in str(err.value)
    assert counts(committees) == before


def test_pasted_empty_text_is_refused() -> None:
    with pytest.raises(InvalidInput, match="minutes"):
        draft_minutes("   \n ")


def test_owner_matching_is_exact_and_unambiguous(committees: Tracker) -> None:
    with committees.db.writing() as s:
        s.add(Person(code="lm-2", name="Sam Lee", role="Locality Manager"))
    with committees.db.reading() as s:
        found = match_people(
            s, ["the Assistant Director for Early Help", "KELLY WHITE", "Locality Manager",
                "Assistant Director", "kirsty-woodhead", ""],
        )  # fmt: skip
    assert {k: v.code for k, v in found.items()} == {
        "the Assistant Director for Early Help": "assistant-director-early-help",
        "KELLY WHITE": "kelly-white",
        "kirsty-woodhead": "kirsty-woodhead",
    }  # two Locality Managers now: ambiguous, left as minuted
    assert ("kelly-white", "Kelly White (Interim Assistant Director for Early Help and Business "
            "Support)") in people_choices(committees)  # fmt: skip


def _import_both(t: Tracker) -> None:
    for path, date in ((FIRST, "2026-01-20"), (SECOND, "2026-02-24")):
        save_import(t, draft_minutes(read_minutes(path)), committee=COMMISSION, date=date)


def test_matters_arising_default_is_the_next_scheduled_meeting(committees: Tracker) -> None:
    t = committees
    _import_both(t)
    with t.db.writing() as s:
        board = s.scalars(select(Board).where(Board.code == COMMISSION)).one()
        s.add(Meeting(board_id=board.id, date=dt.date(2026, 3, 24), status="scheduled"))
        s.add(Meeting(board_id=board.id, date=None, title="Undated", status="held"))
        s.flush()
        undated = s.scalars(select(Meeting).where(Meeting.title == "Undated")).one()
        s.add(FollowUp(meeting_id=undated.id, text="From the plan", owner_text="Someone",
                       fingerprint="x" * 64))  # fmt: skip
    m = matters_arising(t, "Improving Lives Select Commission")
    assert (m.date, m.previous_date) == (dt.date(2026, 3, 24), dt.date(2026, 2, 24))
    assert m.meeting_id is not None
    assert [r.text for r in m.open][0] == "From the plan"  # undated counts as earlier
    assert len(m.open) == 4
    first = matters_arising(t, COMMISSION, dt.date(2026, 1, 20))
    assert [r.text for r in first.open] == ["From the plan"] and first.previous_date is None


def test_response_alone_is_a_change_with_a_new_version(committees: Tracker) -> None:
    _import_both(committees)
    row = update_followup(committees, 1, response="Chased by email")
    assert (row.version, row.status, row.last_response) == (2, "open", "Chased by email")
    with pytest.raises(Conflict):
        update_followup(committees, 1, response="again", expected_version=1)


def test_committee_and_meeting_views(committees: Tracker) -> None:
    _import_both(committees)
    update_followup(committees, 1, due=dt.date(2026, 2, 1))
    rows = {r.code: r for r in list_committees(committees)}
    assert set(rows) == {"cabinet", COMMISSION}
    assert (rows[COMMISSION].meetings, rows[COMMISSION].open_followups,
            rows[COMMISSION].overdue_followups) == (2, 3, 1)  # fmt: skip
    assert "supporting-families-board" in {r.code for r in list_committees(committees, boards=True)}
    meetings = list_meetings(committees, COMMISSION)
    assert [(m.date, m.resolutions, m.open_followups) for m in meetings] == [
        (dt.date(2026, 1, 20), 2, 2), (dt.date(2026, 2, 24), 1, 1)
    ]  # fmt: skip
    detail = meeting_detail(committees, meetings[0].id)
    assert [r.number for r in detail.resolutions] == ["1", "2"]
    assert [f.resolution for f in detail.followups] == ["2", None]
    assert detail.followups[0].overdue
    late = list_followups(committees, FollowUpFilter(overdue=True))
    assert [r.id for r in late] == [1]


@pytest.mark.seeds
def test_seed_minutes_against_the_shipped_plan(loaded: Tracker) -> None:
    """The shipped plan holds seed 001's meeting undated, with the same resolutions: importing
    the minutes with a date offers to merge into it (the preview says so) and creates no second
    copy; the meeting takes the date. The same minutes under another date are flagged as a
    near-duplicate and refused unless confirmed as another meeting."""
    draft = draft_minutes(read_minutes(SEEDS / "001_53166ecafbfa617b.txt"))
    preview = preview_import(loaded, draft, committee=COMMISSION, date="2024-06-18")
    assert preview.merge_undated and preview.meeting_id is not None
    assert (preview.new_resolutions, preview.new_followups) == (0, 0)
    result = save_import(loaded, draft, committee="Improving Lives Select Commission",
                         date="2024-06-18")  # fmt: skip
    assert (result.resolutions_added, len(result.followups_added)) == (0, 0)
    assert (result.created_meeting, result.meeting_id) == (False, preview.meeting_id)
    mine = list_followups(loaded, FollowUpFilter(meeting_id=result.meeting_id))
    assert [f.owner_code for f in mine] == ["assistant-director-early-help"]
    arising = matters_arising(loaded, COMMISSION, dt.date(2024, 9, 1))
    assert [r.owner_code for r in arising.open] == ["assistant-director-early-help"]
    assert arising.open[0].meeting_date == dt.date(2024, 6, 18)
    later = preview_import(loaded, draft, committee=COMMISSION, date="2024-09-10")
    assert [n.date for n in later.near_duplicates] == [dt.date(2024, 6, 18)]
    with pytest.raises(InvalidInput) as caught:
        save_import(loaded, draft, committee=COMMISSION, date="2024-09-10")
    assert "already holds these resolutions word for word" in str(caught.value)
    again = save_import(loaded, draft, committee=COMMISSION, date="2024-09-10",
                        not_a_duplicate=True)  # fmt: skip
    assert again.created_meeting and again.resolutions_added == 2


def test_a_decision_printed_twice_is_drafted_once_with_the_copy_noted() -> None:
    # ModernGov prints a decision under "Decision:" and again under "Minutes:"; the reader
    # finds both copies (as the corpus rules judge them), the record must hold it once.
    text = (
        "Decision:\n\nThat the Early Help Strategy be approved.\n\nMinutes:\n\n"
        "The Cabinet Member introduced the strategy.\n\n"
        "RESOLVED: That the Early Help Strategy be approved.\n"
    )
    draft = draft_minutes(text)
    assert [r.text for r in draft.resolutions] == ["That the Early Help Strategy be approved."]
    assert any(u.line == 9 and "word for word" in u.reason for u in draft.unsure)
