"""Issue 17 points 2 and 6, the review net for resolutions (`tracker/minutes/decision_net.py`):
a sentence that reads as the meeting's decision and that no rule takes or lists goes to the
review list ("Not read with confidence") with its line, the item it sits under and a reason an
officer can follow; nothing more is taken. Each variant below was seen failing on main (1a1b69c:
the line was not listed at all) before the net was written. None is copied from a corpus page;
each is a kind of decision, written afresh: an outcome after a title or a dash, a decision with
the meeting as its agent, a vote's outcome with the motion before it, a motion's proposer and
seconder under what was moved, a body's vote, a glued list marker, a planning response, an
acceptance by all.

The traps are what the net must not list: attendance, a heading, an agenda "To ..." line,
someone's report of what another body decided, a future, a question, page furniture, draft
minutes awaiting approval, a hope, notes of a meeting circulated.
"""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes
from tracker.minutes.models import Extraction

_HEAD = (
    "MINUTES OF THE MEETING OF LITTLE HAMPDEN PARISH COUNCIL\n"
    "held on 12 March 2025 in the Village Hall\n\n"
    "Present: Cllr A Hill (Chair), Cllr B Dean, Cllr C Ford\n\n"
    "1. Apologies\nNone.\n\n"
    "4. Village hall\n"
    "The Clerk reported on the hall's bookings for the year.\n"
)
_TAIL = "\n5. Any other business\nThere was none.\n"
_LINE = _HEAD.count("\n") + 1  # the variant's first line

# (what it is, the text under item 4, the text listed, what the reason says it reads as)
LISTED = [
    ("an outcome after a dash",
     "Correspondence from the Rural Community Council - noted.",
     "Correspondence from the Rural Community Council - noted.",
     "ends with the outcome 'noted'"),
    ("the meeting as the agent",
     "The hedge survey results were discussed – agreed by the group to repeat the survey in the "
     "spring.",
     "The hedge survey results were discussed – agreed by the group to repeat the survey in the "
     "spring.",
     "reads as a decision ('agreed')"),
    ("a vote's bare outcome, with the motion before it",
     "The Chairman asked whether the new bench should be ordered from the county supplier. All "
     "were in agreement.",
     "The Chairman asked whether the new bench should be ordered from the county supplier. All "
     "were in agreement.",
     "reads as an outcome ('were in agreement')"),
    ("proposer and seconder on the line under what was moved",
     "The minutes of the meeting held on 3 February were approved as a true record.\n"
     "(Cllr Hill proposed, Cllr Dean seconded)",
     "The minutes of the meeting held on 3 February were approved as a true record. "
     "(Cllr Hill proposed, Cllr Dean seconded)",
     "a motion: what was moved, then its proposer and seconder"),
    ("the body's unanimous vote with another verb",
     "The Parish Council unanimously supported the application for a play area grant.",
     "The Parish Council unanimously supported the application for a play area grant.",
     "reads as an outcome ('unanimously')"),
    ("an outcome word after a glued list marker",
     "Working group reports a Noted the report of the footpaths group from 4 March",
     "Working group reports a Noted the report of the footpaths group from 4 March",
     "a list item opening 'noted'"),
    ("a planning response after a colon",
     "Planning application 25/0112, rear extension at 3 Mill Lane: no objection.",
     "Planning application 25/0112, rear extension at 3 Mill Lane: no objection.",
     "ends with the outcome 'no objection'"),
    ("accepted by all",
     "The playground inspection report was received and its recommendations were accepted by "
     "all.",
     "The playground inspection report was received and its recommendations were accepted by "
     "all.",
     "reads as a decision ('accepted')"),
]  # fmt: skip

TRAPS = [
    ("attendance", "Present: Cllr A Hill (Chair), Cllr B Dean"),
    ("a heading", "6. APPROVAL OF THE MINUTES"),
    ("an agenda 'To ...' line", "To approve the minutes of the meeting held on 3 March."),
    ("a report of another body's decision",
     "Cllr Dean said the County Council had approved the new bus timetable."),
    ("a future", "The Clerk will ask the Council to approve the budget at the next meeting."),
    ("page furniture", "Page 3 of 5"),
    ("a question", "Did the Council agree the hall budget?"),
    ("a report with 'confirmed that'", "Cllr Ford confirmed that the grass had been cut."),
    ("draft minutes", "These minutes remain in draft until approved at the next meeting."),
    ("a hope", "The Clerk hoped the grant would be approved by May."),
    ("notes circulated", "Notes of the last working group meeting were circulated."),
]  # fmt: skip


def _read(text: str) -> Extraction:
    return parse_minutes(_HEAD + text + "\n" + _TAIL)


@pytest.mark.parametrize(("what", "text", "listed", "says"), LISTED, ids=[v[0] for v in LISTED])
def test_a_decision_no_rule_takes_is_listed_with_its_line_item_and_reason(
    what: str, text: str, listed: str, says: str
) -> None:
    ex = _read(text)
    lines = range(_LINE, _LINE + text.count("\n") + 1)
    assert [r.text for r in ex.resolutions if r.line in lines] == []  # nothing more is taken
    shown = [u for u in ex.unsure if u.line in lines]
    assert len(shown) == 1, [(u.line, u.text, u.reason) for u in ex.unsure]
    (u,) = shown
    assert (u.line, u.item, u.text) == (_LINE, "4", listed)
    assert u.reason.startswith(f"unsure: {says}") and "; not taken: " in u.reason


@pytest.mark.parametrize(("what", "text"), TRAPS, ids=[v[0] for v in TRAPS])
def test_what_is_no_decision_of_the_meeting_is_not_listed(what: str, text: str) -> None:
    ex = _read(text)
    # the task net may offer "The Clerk will ask ..." as a follow-up; never as a decision
    assert [u for u in ex.unsure if u.line == _LINE and "as a task" not in u.reason] == []
    assert [r for r in ex.resolutions if r.line == _LINE] == []


def test_what_the_reader_takes_is_not_listed_again() -> None:
    text = "The Council APPROVED the quote of £950 for the boiler's repair."
    ex = _read(text)
    assert [r.text for r in ex.resolutions if r.line == _LINE] == [text]
    assert [u for u in ex.unsure if u.line == _LINE] == []


def test_the_same_decision_twice_on_a_line_is_one_entry() -> None:
    text = (
        "Correspondence from the bus company - noted. Correspondence from the bus company - noted."
    )
    ex = _read(text)
    assert [u.text for u in ex.unsure if u.line == _LINE] == [
        "Correspondence from the bus company - noted."
    ]


def test_a_page_lists_no_more_than_its_budget() -> None:
    """max(6, lines / 10) unsure lines on a page, the best first: a short page of twenty
    outcomes lists six."""
    text = "\n".join(f"Letter {k} from the bus company - noted." for k in range(20))
    ex = _read(text)
    assert len(ex.unsure) == 6
    assert all(u.reason.startswith("unsure: ends with the outcome 'noted'") for u in ex.unsure)


def test_an_agenda_lists_nothing() -> None:
    """A page that records no meeting (an agenda) has no decision of its own to list."""
    agenda = (
        "AGENDA\nLittle Hampden Parish Council\nMeeting to be held on 9 April 2025\n\n"
        "1. Apologies\n2. Correspondence from the Rural Community Council - noted.\n"
        "3. To approve the minutes of the meeting held on 12 March 2025.\n"
    )
    ex = parse_minutes(agenda)
    assert not [u for u in ex.unsure if "not taken:" in u.reason and "noted" in u.text]
