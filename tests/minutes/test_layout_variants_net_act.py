"""The review net for tasks (`action_like`, issue 17 points 2 and 6): a piece that reads as a
task somebody was given and that no rule took is listed as unsure with its line, the item it sits
under and a reason an officer can follow, never dropped; and `A` in review reads its owner and
task (`taking.read_taken_line`). Each variant was seen dropped (not taken, not listed) before the
net; none of these texts is taken from a corpus page. Traps: what is no task is not listed."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes
from tracker.minutes.taking import read_taken_line

# (name, text, the listed text, its line, its item, the owner and task `A` reads)
# fmt: off
LISTED = [
    ("'X will <verb>' in prose",
     "5. Play area\nThe swings are worn and the bark needs topping up. The Chairman will obtain "
     "three quotes for new swings.\n6. Any other business\nNone.\n",
     "The Chairman will obtain three quotes for new swings.", 2, "5",
     "The Chairman", "obtain three quotes for new swings."),
    ("'<initials> would <verb>' in prose",
     "8. Hall\nThe hall roof leaks again. JB would speak to the roofer about a repair.\n9. Close\n",
     "JB would speak to the roofer about a repair.", 2, "8",
     "JB", "speak to the roofer about a repair."),
    ("'<initials>: <Verb> ...' inside a sentence",
     "3. Website\nThe pages are out of date and the fete is not listed. KT: Update the events "
     "page before the fete.\n4. Any other business\nNone.\n",
     "KT: Update the events page before the fete.", 2, "3",
     "KT", "Update the events page before the fete."),
    ("a row closed by its owners' initials",
     "3. Website\nThe pages are out of date.\nUpdate the events page before the fete KT/RB\n"
     "4. Any other business\nNone.\n",
     "Update the events page before the fete KT/RB", 3, "3",
     "KT/RB", "Update the events page before the fete"),
    # "... to be circulated by the Clerk." is taken now (rule 3's passive naming who acts,
    # branch actgen); a firm after "by" is no officer of the meeting and stays for review
    ("a passive task naming a firm after 'by'",
     "5. Play area\nThe swings are worn. Inspection report to be circulated by the contractor.\n"
     "6. Any other business\nNone.\n",
     "Inspection report to be circulated by the contractor.", 2, "5",
     "", "Inspection report to be circulated by the contractor."),
    ("a passive task naming nobody (the officer gives the owner)",
     "6. Caretaker\nThe caretaker retires in June after twenty years. Letter of thanks to be "
     "sent to the caretaker.\n7. Any other business\nNone.\n",
     "Letter of thanks to be sent to the caretaker.", 2, "6",
     "", "Letter of thanks to be sent to the caretaker."),
]
# fmt: on


@pytest.mark.parametrize("v", LISTED, ids=[v[0] for v in LISTED])
def test_a_task_no_rule_took_is_listed_with_its_reason_line_and_item(v) -> None:
    _name, text, listed, line, item, owner, task = v
    e = parse_minutes(text)
    assert not e.followups and not e.resolutions  # nothing taken changes
    got = [u for u in e.unsure if u.text == listed]
    assert got, [(u.line, u.text, u.reason) for u in e.unsure]
    u = got[0]
    assert (u.line, u.item) == (line, item)
    assert u.reason.startswith("unsure: reads as a task") and "not taken" in u.reason
    reading = read_taken_line(u.text, u.line)
    assert (reading.owner, reading.task) == (owner, task)


# fmt: off
TRAPS = [
    ("an attendance list with initials",
     "Present: Jane Doe (JD), Robert Brown (RB), Kelly White (KW)\n1. Apologies\nNone.\n"),
    ("an agenda's 'To ...' lines",
     "AGENDA\n1. To receive apologies for absence\n2. To approve the minutes of the last "
     "meeting\n"),
    ("a body named after a preposition at the end of a sentence",
     "4. Health\nThe report was sent to the NHS\n5. Close\n"),
    ("what needs to be done is no task given",
     "4. Plan\nThe vision still needs to be refined before the consultation.\n5. Close\n"),
    ("'will be' is a state, not a task",
     "4. Chair\nThe Vice Chair will be away in April and May this year.\n5. Close\n"),
    ("the meeting's body's plan reported with 'will'",
     "4. Roads\nThe County Council will resurface the lane in the spring.\n5. Close\n"),
]
# fmt: on


@pytest.mark.parametrize("v", TRAPS, ids=[v[0] for v in TRAPS])
def test_what_is_no_task_is_not_listed(v) -> None:
    e = parse_minutes(v[1])
    assert not [u for u in e.unsure if u.reason.startswith("unsure: reads as a task")], e.unsure


def test_a_page_lists_at_most_its_budget() -> None:
    """max(6, lines / 10) unsure lines a page: a long run of tasks gives the first six."""
    text = "4. Jobs\n" + "".join(f"AB will mend fence number {k} by Friday.\n" for k in range(40))
    e = parse_minutes(text)
    assert len(e.unsure) <= 6


def test_near_duplicates_are_listed_once() -> None:
    text = ("4. Hedge\nJB would speak to the farmer about the hedge. The hedge is overgrown.\n"
            "JB would speak to the farmer about the hedge.\n5. Close\n")  # fmt: skip
    e = parse_minutes(text)
    assert len([u for u in e.unsure if "farmer" in u.text]) == 1, e.unsure
