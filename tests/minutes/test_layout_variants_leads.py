"""A body's lead-in over its decisions, and minute numbers in a municipal year, that batch 18
showed (none of these texts is taken from a corpus page): "The Governing Body:" over bulleted
decision words, an authority's own lead-in ("The Combined Authority:"), "The Governing Body
APPROVED the following:" over one decision a line (each line's own bullets its data), and item
numbers "18/19-75" (the year pair and the minute's number); and the owner kinds batch 18's untuned
rounds left open: an owner cell ending a prose row of a " / " table ("... . / Chairman/"), an
owner-only label right under an item's title, and "Lead:" on its own line under a decision."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import LOST, OWNER_COL, OWNER_LABEL, TRAP, V, score

# fmt: off
LEADS = [
    V(LOST, "'The Governing Body:' over '- APPROVED' / '- DELEGATED' / '- RATIFIED' bullets",
      "Item 4: Scheme of delegation\nThe Governing Body:\n"
      "- APPROVED the revised scheme of delegation for the winter period.\n"
      "- DELEGATED to the Chief Finance Officer the signing of the lease.\n"
      "- RATIFIED the decision of the Audit Committee on the external auditor.\n"
      "Action: Complete\n",
      res=["APPROVED the revised scheme of delegation for the winter period.",
           "DELEGATED to the Chief Finance Officer the signing of the lease.",
           "RATIFIED the decision of the Audit Committee on the external auditor."]),
    V(LOST, "'The CCG Governing Body:' over '• NOTED' / '• RECEIVED' bullets",
      "7. Quality and performance\nThe CCG Governing Body:\n"
      "• NOTED the quality report for the second quarter;\n"
      "• RECEIVED the minutes of the Primary Care Committee.\n8. Close\n",
      res=["NOTED the quality report for the second quarter",
           "RECEIVED the minutes of the Primary Care Committee."]),
    V(LOST, "'The Combined Authority:' over '(a) Approved' / '(b) Noted'",
      "6. Transport budget\nThe Combined Authority:\n"
      "(a) Approved the transport revenue budget for the coming year;\n"
      "(b) Noted the risks to the bus franchising timetable.\n7. Any other business\n",
      res=["Approved the transport revenue budget for the coming year",
           "Noted the risks to the bus franchising timetable."]),
    V(LOST, "'The Fire Authority:' over '- agreed' / '- noted' in lower case",
      "FA/21/09 Estates strategy\nThe Fire Authority:\n"
      "- agreed the disposal of the old training ground;\n"
      "- noted the timetable for the new station.\nFA/21/10 Close\n",
      res=["agreed the disposal of the old training ground",
           "noted the timetable for the new station."]),
]

FOLLOWING = [
    V(LOST, "'The Governing Body APPROVED the following:' over one decision a line, each "
      "line's bullets its data, ending at 'Action:'",
      "Item discussed: Interim meeting arrangements\n"
      "The Governing Body APPROVED the following:\n"
      "Governing Body to meet fortnightly by video call for one hour.\n"
      "To amend the quorum for the period to include:\n- the Chair or Vice Chair\n"
      "- two Lay Members\n- one Executive Director\n"
      "The Standing Orders will be amended accordingly.\n"
      "To reduce the Remuneration Committee to three Lay Members.\n"
      "Action: Complete\nDate: 3 May 2021\n",
      res=["Governing Body to meet fortnightly by video call for one hour.",
           "To amend the quorum for the period to include:",
           "The Standing Orders will be amended accordingly.",
           "To reduce the Remuneration Committee to three Lay Members."]),
    V(LOST, "'The Board APPROVED the following:' in capitals, the keyword reader's word, over "
      "unmarked lines",
      "5. Governance\nThe Board APPROVED the following:\n"
      "To meet monthly until the end of March.\n"
      "The Finance Committee to report to every meeting.\n6. Close\n",
      res=["To meet monthly until the end of March.",
           "The Finance Committee to report to every meeting."]),
    V(LOST, "'The Committee agreed the following recommendations:' over paragraphs spaced by "
      "blank lines; the Chair's thanks after them are no decision",
      "9. Housing review\n\nThe Committee agreed the following recommendations:\n\n"
      "That the review's findings be shared with the tenants' forum.\n\n"
      "That a progress report be brought to the July meeting.\n\n"
      "The Chair thanked the officers for the review.\n\n10. Close\n",
      res=["That the review's findings be shared with the tenants' forum.",
           "That a progress report be brought to the July meeting."]),
    V(TRAP, "a blank line ends a run written line after line: the discussion after it is not "
      "a decision",
      "4. Meetings\nThe Panel agreed the following:\nTo meet quarterly from April.\n"
      "To hold the June meeting in Newtown.\n\n"
      "Members discussed the cost of the room at length and the venue is to be reviewed.\n",
      res=["To meet quarterly from April.", "To hold the June meeting in Newtown."]),
]
# fmt: on


@pytest.mark.parametrize("v", LEADS + FOLLOWING, ids=lambda v: v.name)
def test_lead_in_variants(v):
    problems, notes = score(v)
    assert problems == [], notes


def test_lines_under_the_following_say_why_they_were_taken():
    e = parse_minutes(FOLLOWING[0].text)
    assert len(e.resolutions) == 4
    assert all("'the following:'" in r.why for r in e.resolutions)


def test_the_chairs_thanks_under_the_following_go_to_review():
    e = parse_minutes(FOLLOWING[2].text)
    assert [u for u in e.unsure if "reports the discussion" in u.reason]


# fmt: off
YEAR_ITEMS = [
    ("18/19-74: Police matters\nNothing to report.\n18/19-75: SID\n"
     "It was agreed that a new battery should be purchased.\n18/19-76: Bonfires\n",
     "18/19-75"),
    ("2023/24-12 Playground\nIt was agreed that the swings be repaired.\n2023/24-13 Close\n",
     "2023/24-12"),
    ("19/20-3. Apologies\nNone.\n19/20-4. Bus shelter\nIt was agreed that the shelter be "
     "painted.\n", "19/20-4"),
]
# fmt: on


@pytest.mark.parametrize(("text", "item"), YEAR_ITEMS, ids=lambda x: x[:12])
def test_minute_numbers_in_a_municipal_year(text, item):
    e = parse_minutes(text)
    assert [r.item for r in e.resolutions] == [item]


def test_days_of_a_month_or_years_apart_are_no_minute_number():
    e = parse_minutes(
        "10/11-12 March visit to the twin town\nIt was agreed that the swings be repaired.\n"
    )
    assert [r.item for r in e.resolutions] == [""]
    e = parse_minutes("18/21-4 Plan period\nIt was agreed that the plan be adopted.\n")
    assert [r.item for r in e.resolutions] == [""]


# fmt: off
OWNER_CELLS = [
    V(OWNER_COL, "'1. / Welcome / Action' (the header's last cell on the first row's line) and a "
      "row ending '. / Chairman/': the row names who does it",
      "1. / Welcome / Action\n2. / Minutes / The minutes of the last meeting were approved.\n"
      "3. / Police report / No report was received. The Chairman will contact the local officer "
      "for recent figures. / Chairman/\n4. / Planning / There were no applications.\n",
      act=[("Chairman", "contact the local officer for recent figures.")]),
    V(OWNER_COL, "'Item / Discussion / Action' header; a passive row ending '. / Secretary'",
      "Item / Discussion / Action\n1. / Apologies / None.\n"
      "2. / Roads / The pothole on Main Street to be reported to the council roads team. / "
      "Secretary\n3. / AOB / Nothing raised.\n",
      act=[("Secretary", "The pothole on Main Street to be reported to the council roads team.")]),
    V(TRAP, "a ' / ' row with no action header: its last cell is no owner column",
      "1. Apologies / None received.\n2. Hall / The roof was repaired last month. / Treasurer\n",
      act=[]),
]

OWNER_LABELS = [
    V(OWNER_LABEL, "'Action: Clerk' right under an item's title taken as the page's title",
      "7. Defibrillator\nAction: Clerk\n8. Close\n", act=[("Clerk", "Defibrillator")]),
    V(OWNER_LABEL, "'Action: ongoing (Clerk)' under a title: the status aside, the owner in brackets",
      "Minutes of the meeting\n5. Noticeboard\nAction: ongoing (Clerk)\n6. Close\n",
      act=[("Clerk", "Noticeboard")]),
    V(OWNER_LABEL, "'Lead: Director of Operations' on its own line under a decision",
      "5. Winter plan\nRESOLVED that the winter plan be approved.\nLead: Director of Operations\n"
      "6. Close\n",
      res=["that the winter plan be approved."],
      act=[("Director of Operations", "that the winter plan be approved.")]),
    V(OWNER_LABEL, "'Lead Officer: Chief Finance Officer' after a blank line under 'RESOLVED –'",
      "4. Budget\nRESOLVED – That the budget be approved.\n\nLead Officer: Chief Finance Officer\n",
      res=["That the budget be approved."],
      act=[("Chief Finance Officer", "That the budget be approved.")]),
    V(TRAP, "'Lead:' over an agenda item's presenter, before any decision, is no action",
      "5. Winter plan\nLead: Director of Operations\nThe Director presented the plan.\n"
      "RESOLVED that the plan be noted.\n",
      res=["that the plan be noted."], act=[]),
]
# fmt: on


@pytest.mark.parametrize("v", OWNER_CELLS + OWNER_LABELS, ids=lambda v: v.name)
def test_owner_cell_and_owner_label_variants(v):
    problems, notes = score(v)
    assert problems == [], notes
