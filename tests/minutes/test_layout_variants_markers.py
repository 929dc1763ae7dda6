"""Action markers and action logs that batch 18 showed (none of these texts is taken from a corpus
page): an "ACTIONS AGREED" label in capitals over numbered rows that each hold several sentences
("X and Y to ...", "X will ...", a passive row, a row reporting what was done), an owner followed by
when they will act ("Action: Angela /Mike on his return to ..."), and a marker whose clause the
stored copy cut before it said what was to be done."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import LOG, OWNER_LABEL, TRAP, V, score

MARKER = "action marker"

# fmt: off
AGREED_LISTS = [
    V(LOG, "'ACTIONS AGREED :' over rows of several sentences: 'and', 'will', passive, report",
      "HALL STEERING GROUP\nMEETING : 3rd March 2011\nITEMS DISCUSSED :\n1. Officers\n"
      "2. Fete\n3. Survey\nACTIONS AGREED :\n"
      "1. Chair – Peter Grant. Treasurer – Ann Lowe.\n"
      "2. Fete stall to be booked. Mary and Ann to ask the school for the marquee. "
      "For now to be known as the Hall Group.\n"
      "3. Design of the survey by a small group. Peter will ask the printers for a price. "
      "Volunteers to be asked to deliver it.\n"
      "4. Officers to agree a budget for the year.\n",
      act=[("", "Fete stall to be booked."),
           ("Mary and Ann", "ask the school for the marquee."),
           ("Peter", "ask the printers for a price."),
           ("", "Volunteers to be asked to deliver it."),
           ("Officers", "agree a budget for the year.")]),
    V(LOG, "'ACTIONS AGREED:' over titled rows; a lead before who acts, a directive after a "
      "comma, a wrapped last row",
      "ACTIONS AGREED:\n1. APOLOGIES: Received from Joan Hill. Before replying to her letter "
      "Sam will speak to Joan.\n2. MINUTES: Agreed\n"
      "3. LEAFLET: The draft was discussed. Kim will print the final copies.\n"
      "4. Kim had a price for the leaflet, JB & TR to find two more quotes for it\n"
      "5. Delivery: Kim looked at the cost of post.\nSue offered to store the leaflets.\n"
      "Meeting to be arranged for June to share out the rounds\n",
      act=[("Sam", "speak to Joan."),
           ("Kim", "print the final copies."),
           ("JB & TR", "find two more quotes for it"),
           ("", "Meeting to be arranged for June to share out the rounds")]),
    V(LOG, "'Actions Agreed :' in title case, rows with 'is to' and a bare role",
      "Actions Agreed :\n\n1) The Secretary is to write to the bus company.\n\n"
      "2) Treasurer to pay the room hire.\n\n3) The grant was received last week.\n",
      act=[("The Secretary", "write to the bus company."),
           ("Treasurer", "pay the room hire.")]),
]

OWNERS = [
    V(OWNER_LABEL, "'Action: Angela /Mike on his return to ...': when they act is no part of "
      "the owner",
      "4. Speaker\nThe Chair proposed that we invite the new chief inspector.\n"
      "Action: Angela /Mike on his return to send a formal invitation to the inspector.\n",
      act=[("Angela /Mike", "send a formal invitation to the inspector.")]),
    V(OWNER_LABEL, "'ACTION: JB on her return from leave to ...'",
      "Footpaths\nThe stile at Mill Lane is broken.\n"
      "ACTION: JB on her return from leave to report the stile to the county.\n",
      act=[("JB", "report the stile to the county.")]),
    V(OWNER_LABEL, "guard: 'Action: Chair of the Parish Council to ...' keeps its whole owner",
      "Bus shelter\nThe shelter glass is cracked.\n"
      "Action: Chair of the Parish Council to write to the bus company.\n",
      act=[("Chair of the Parish Council", "write to the bus company.")]),
]

TRAPS = [
    V(TRAP, "'ACTIONS AGREED :' is a label, not the owner 'AGREED :' of the line before it",
      "ITEMS DISCUSSED :\n1. Officers\n2. Next meeting date\nACTIONS AGREED :\n"
      "1. Chair – Peter Grant. Treasurer – Ann Lowe.\n"),
    V(TRAP, "a marker cut by the page before its clause says what is to be done",
      "2 MATTERS ARISING The board thanked the outgoing chief executive for his work. "
      "Action – It was agreed that the secretariat"),
    V(TRAP, "a marker cut after 'agreed that' on a line of its own at the page's end",
      "Matters arising\nThe new member was welcomed.\nACTION: It was agreed that the Clerk"),
    V(MARKER, "guard: a marker whose clause says what is to be done stays an action",
      "Matters arising\nThe new member was welcomed.\n"
      "Action – The secretariat to send the member an induction pack.\n",
      act=[("The secretariat", "send the member an induction pack.")]),
]
# fmt: on

# what an action marker says when nobody is to act, and records of what was done
NO_TASK = [
    V(
        TRAP,
        "'Action: Noted.' after a report: the item was noted, nobody is to act",
        "5. Highways\nThe potholes on Mill Lane were reported to the county.\nAction: Noted.\n"
        "6. Finance\nThe accounts were approved.\n",
    ),
    V(
        TRAP,
        "'ACTION: For information' and 'Action: Information only'",
        "5. Highways\nThe county has resurfaced Mill Lane.\nACTION: For information\n"
        "6. Police\nThe report was received.\nAction: Information only\n",
    ),
    V(
        TRAP,
        "'Action: None required.' and 'Action: To note'",
        "5. Highways\nThe county has resurfaced Mill Lane.\nAction: None required.\n"
        "6. Police\nThe report was received.\nAction: To note\n",
    ),
    V(
        TRAP,
        "'Actions: there were no new actions.'",
        "7. Review\nActions: there were no new actions.\n",
    ),
    V(
        TRAP,
        "a marker over a record of what was done ('It was noted that ... had been ...')",
        "Hall\nAction: It was noted that the hall roof had been repaired.\n",
    ),
    V(
        TRAP,
        "a marker over a record of what was done ('The Clerk wrote to ...')",
        "Verges\nAction: The Clerk wrote to the county on 3 May.\n",
    ),
    V(
        TRAP,
        "a marker over a record of what was done ('The bench has been repaired.')",
        "Benches\nACTION: The bench has been repaired.\n",
    ),
    V(TRAP, "'Action: Chair noted.'", "Highways\nThe verge is overgrown.\nAction: Chair noted.\n"),
    V(
        TRAP,
        "'Action 12: bins ordered. Closed.': an earlier action's number and its status",
        "4. Actions\nAction 12: bins ordered. Closed.\n",
    ),
    V(
        OWNER_LABEL,
        "'Action: Clerk - Complete': the status is no part of the owner",
        "5. Highways\nThe pothole on Mill Lane is to be reported.\nAction: Clerk - Complete\n",
        act=[("Clerk", "The pothole on Mill Lane is to be reported.")],
    ),
    V(
        OWNER_LABEL,
        "'Action: Ongoing - Clerk': nor before it",
        "Highways\nThe verge is still overgrown and the county must be told.\n"
        "Action: Ongoing - Clerk\n",
        act=[("Clerk", "The verge is still overgrown and the county must be told.")],
    ),
    V(
        OWNER_LABEL,
        "guard: 'Action: All' names everyone as the owner",
        "5. Litter pick\nThe spring litter pick will be on 3 April.\nAction: All\n",
        act=[("All", "The spring litter pick will be on 3 April.")],
    ),
    V(
        MARKER,
        "guard: 'Action: The Clerk to write to ...' stays an action",
        "Verges\nAction: The Clerk to write to the county about the verge.\n",
        act=[("The Clerk", "write to the county about the verge.")],
    ),
    V(
        MARKER,
        "guard: an owner-less task that says what is to be done stays an action",
        "Hall\nAction: The hall roof to be inspected before the winter.\n",
        act=[("", "The hall roof to be inspected before the winter.")],
    ),
]


@pytest.mark.parametrize("v", NO_TASK, ids=lambda v: v.name)
def test_markers_with_no_task(v):
    problems, notes = score(v)
    assert problems == [], notes


def test_a_marker_over_a_record_goes_to_review_with_its_reason():
    e = parse_minutes(NO_TASK[5].text)
    assert [u.reason for u in e.unsure if "record" in u.reason]


# an owner-only label with when it is due, and a label that says where the matter goes next
DUE_AND_AGENDA = [
    V(
        OWNER_LABEL,
        "'Action: MB by 30 June 2024': the owner and the due date, the task before",
        "6. Footpaths\nThe stile on FP12 needs replacing.\nAction: MB by 30 June 2024\n",
        act=[("MB", "The stile on FP12 needs replacing.")],
    ),
    V(
        OWNER_LABEL,
        "'ACTION: Clerk - 14/03/2025' after the sentence it labels",
        "Grit bins\nThe grit bin at the school is empty and must be refilled.\n"
        "ACTION: Clerk - 14/03/2025\n",
        act=[("Clerk", "The grit bin at the school is empty and must be refilled.")],
    ),
    V(
        TRAP,
        "'Action: Next agenda' names nobody: not an owner 'Next agenda'",
        "8. AOB\nThe fete was raised.\nAction: Next agenda\n",
        act=[("", "Next agenda")],
    ),
    V(
        TRAP,
        "'Action: Agenda item' names nobody: not an owner 'Agenda item'",
        "8. AOB\nThe village fete will be discussed at the next meeting.\nAction: Agenda item\n",
        act=[("", "Agenda item")],
    ),
]


@pytest.mark.parametrize("v", DUE_AND_AGENDA, ids=lambda v: v.name)
def test_labels_with_a_due_date_or_the_next_agenda(v):
    problems, notes = score(v)
    assert problems == [], notes


def test_an_owner_label_keeps_its_due_date():
    e = parse_minutes(DUE_AND_AGENDA[0].text)
    assert [f.due for f in e.followups] == ["2024-06-30"]


# an action record with its fields one a line, and an earlier action's number with its status
FIELDS = [
    V(
        LOG,
        "'Action 3' over the task, then 'Owner:', 'Due:' and 'Status:' lines",
        "Action 3\nReview the safeguarding policy.\nOwner: Business Manager\n"
        "Due: 31 March 2024\nStatus: Open\n",
        act=[("Business Manager", "Review the safeguarding policy.")],
    ),
    V(
        LOG,
        "'Action Point 2' over a passive task, 'Lead:' and 'Status:' lines",
        "Action Point 2\nMinutes to be circulated to members.\nLead: Jo Bloggs\nStatus: Complete\n",
        act=[("Jo Bloggs", "Minutes to be circulated to members.")],
    ),
    V(
        TRAP,
        "'Action 4 (Clerk to write ...) – complete.': an earlier action's update",
        "2. Matters arising\nAction 4 (Clerk to write to the county about gritting) – complete.\n"
        "Action 5 (JB to order two benches) – ongoing.\n3. Finance\nThe accounts were noted.\n",
    ),
]


@pytest.mark.parametrize("v", FIELDS, ids=lambda v: v.name)
def test_action_records_with_fields(v):
    problems, notes = score(v)
    assert problems == [], notes


def test_an_action_record_keeps_its_due_date():
    e = parse_minutes(FIELDS[0].text)
    assert [f.due for f in e.followups] == ["2024-03-31"]


# what stands after the marker where an owner would: a reference, a status, "for information",
# an imperative with nobody named; and "It was agreed that the Clerk would ..." under a marker
NOT_OWNERS = [
    V(
        TRAP,
        "'Action: As above' and 'Action: see item 4.2': the action is written elsewhere",
        "Bins\nThe bins overflow.\nAction: As above\nLitter\nThe verge is strewn.\n"
        "Action: see item 4.2\n",
    ),
    V(
        TRAP,
        "'Action: Withdrawn' and 'Action: Cancelled': statuses, not owners",
        "Bins\nThe bins overflow.\nAction: Withdrawn\nLitter\nThe verge is strewn.\n"
        "Action: Cancelled\n",
    ),
    V(
        TRAP,
        "'Action: All – for information': nobody is to act",
        "Bench\nThe bench needs painting.\nAction: All – for information\n",
    ),
    V(
        MARKER,
        "'Action: Discuss at next meeting' names nobody: owner '', not 'Discuss at ...'",
        "Fete\nThe fete date was discussed.\nAction: Discuss at next meeting\n",
        act=[("", "Discuss at next meeting")],
    ),
    V(
        MARKER,
        "'Action – It was agreed that the Clerk would write ...': the Clerk's action",
        "Bins\nThe bins overflow.\nAction – It was agreed that the Clerk would write to the "
        "district council about collections.\n",
        act=[("the Clerk", "write to the district council about collections.")],
    ),
]


@pytest.mark.parametrize("v", NOT_OWNERS, ids=lambda v: v.name)
def test_words_after_the_marker_that_are_no_owner(v):
    problems, notes = score(v)
    assert problems == [], notes


# "Action to be done next:" / "Actions to be taken:" over bullets that say what, naming nobody
NEXT_STEPS = [
    V(
        LOG,
        "'Action to be done next:' over bulleted tasks with nobody named",
        "4. Vision\nThe group discussed the vision for the plan.\n\nAction to be done next:\n\n"
        "  \u2022 Agree the aims and set a lead for each\n  \u2022 Draft the introduction to the plan\n"
        "  \u2022 Start the research for the housing policy\n\n5. Next meeting\n",
        act=[
            ("", "Agree the aims and set a lead for each"),
            ("", "Draft the introduction to the plan"),
            ("", "Start the research for the housing policy"),
        ],
    ),
    V(
        LOG,
        "'Actions to be taken:' over bullets, one naming who does it",
        "Footpaths\nThe stiles were discussed.\nActions to be taken:\n- Order two new stiles\n"
        "- JB to tell the landowner\n",
        act=[("", "Order two new stiles"), ("JB", "tell the landowner")],
    ),
]


@pytest.mark.parametrize("v", NEXT_STEPS, ids=lambda v: v.name)
def test_next_steps_labels(v):
    problems, notes = score(v)
    assert problems == [], notes


@pytest.mark.parametrize("v", AGREED_LISTS + OWNERS + TRAPS, ids=lambda v: v.name)
def test_action_marker_variants(v):
    problems, notes = score(v)
    assert problems == [], notes


def test_rows_under_an_actions_agreed_label_say_why_they_were_taken():
    e = parse_minutes(AGREED_LISTS[0].text)
    why = {f.text: f.why for f in e.followups}
    assert "under an 'Actions agreed' label" in why["ask the school for the marquee."]


def test_a_cut_marker_goes_to_review_with_its_reason():
    e = parse_minutes(TRAPS[1].text)
    assert [u.reason for u in e.unsure if "cut" in u.reason]
