"""The whole page in the import review, as a service gives it: the draft read with `page=True`
holds every unit of the page in order (its line, item, what the reader made of it), and any
unit, even one the reader neither took nor listed, is taken with the same services as a line the
reader left, and saved with the same audit words ("minutes line N, taken in review")."""

from __future__ import annotations

import json

from committee_helpers import COMMISSION, counts
from minutes_pages import PARISH_BENCHES
from sqlalchemy import select

from tracker.models import AuditEntry, FollowUp, Resolution
from tracker.services.committees.minutes_draft import draft_minutes
from tracker.services.committees.minutes_import import save_import
from tracker.services.committees.minutes_preview import preview_import
from tracker.services.committees.minutes_taking import preview_taken_followup, take_resolution
from tracker.services.context import Tracker


def test_the_draft_holds_the_whole_page_as_the_reader_cut_it() -> None:
    draft = draft_minutes(PARISH_BENCHES, page=True)
    states = [(u.line, u.item, u.state) for u in draft.page]
    assert states == [
        (1, "", "left"),
        (3, "5", "heading"),
        (4, "5", "resolution"),
        (5, "5", "followup"),
        (7, "6", "heading"),
        (8, "6", "unsure"),
        (9, "6", "left"),
        (10, "7", "heading"),
        (11, "7", "left"),
    ]
    said = {u.line: u.reader for u in draft.page}
    assert said[4] == "the reader took it as resolution 5"  # numbered by its item
    assert said[5] == "the reader took it as a follow-up for Clerk"
    assert said[8].startswith("the reader listed it as unsure: left as a reported undertaking")
    assert said[10] == "the reader read it as an item heading"
    assert said[9] == "the reader left it"
    # without asking, no page: the draft and its JSON are as they were
    plain = draft_minutes(PARISH_BENCHES)
    assert plain.page == () and plain.resolutions == draft.resolutions
    assert json.dumps(plain.to_json_dict()) == json.dumps(draft.to_json_dict())
    assert "page" not in draft.to_json_dict()


def test_any_unit_is_taken_and_saved_as_a_line_the_reader_left_is(committees: Tracker) -> None:
    draft = draft_minutes(PARISH_BENCHES, page=True)
    hall = next(u for u in draft.page if u.line == 9)
    bench = next(u for u in draft.page if u.line == 11)
    taken = take_resolution(hall, [(r.item, r.number) for r in draft.resolutions])
    assert (taken.text, taken.item, taken.line, taken.origin) == (
        "Following a show of hands the hall be booked for the fete.", "6", 9, "taken")  # fmt: skip
    assert taken.why == "taken in review from line 9 of the page (the reader left it)"
    task = preview_taken_followup(committees, bench)
    assert (task.item.owner, task.item.text, task.item.item) == (
        "KW", "Obtain three quotes for the bench.", "7")  # fmt: skip
    assert task.item.why.endswith("(the reader left it); owner read as 'KW' (initials closing "
                                  "the row)")  # fmt: skip
    mine = draft.__class__(
        title=draft.title,
        resolutions=(*draft.resolutions, taken),
        followups=(*draft.followups, task.item),
        source=None,
    )
    preview = preview_import(committees, mine, committee=COMMISSION, date="2026-03-10")
    assert preview.new_resolutions == 2 and preview.new_followups == 2
    before = counts(committees)
    result = save_import(committees, mine, committee=COMMISSION, date="2026-03-10")
    assert result.taken == 2 and result.taken_from_page == 2  # both units of the page
    assert result.made_from_resolutions == 0
    after = counts(committees)
    assert after["resolution"] == before["resolution"] + 2
    assert after["followup"] == before["followup"] + 2
    with committees.db.reading() as s:
        hall_row = s.scalars(select(Resolution).where(Resolution.text == taken.text)).one()
        bench_row = s.scalars(select(FollowUp).where(FollowUp.text == task.item.text)).one()
        assert bench_row.owner_text == "KW" and bench_row.due is None
        came = dict(s.execute(select(AuditEntry.entity_key, AuditEntry.new).where(
            AuditEntry.field == "from")).all())  # fmt: skip
    assert (hall_row.kind, hall_row.number) == ("resolved", "6")  # item 6's first
    assert list(came.values()).count("minutes line 9, taken in review") == 1
    assert came[str(bench_row.id)] == "minutes line 11, taken in review"
