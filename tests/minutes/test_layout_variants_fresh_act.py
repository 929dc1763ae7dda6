"""Action layouts of the fresh pages (issue 17, branch freshact, batches 33-36), each kind seen
failing on main on a real dev page and written here in several wordings, as published, wrapped
and flattened, with guards (none of these texts is taken from a page):

- a "Summary of actions (decided at / from) the meeting" list, its rows saying who acts with
  "will", "should", "to", a clause between ("who have not ..., will") or the bare verb ("FWR
  circulate ...");
- the review of earlier actions: "Actions arising from the minutes" rows whose owner-only label
  is followed by a status ("Action complete", "Action ongoing - ..."), and "Overdue outstanding
  actions were highlighted:" over "Action: Board to ..." restate earlier actions (judging rule
  on restated actions in the corpus README);
- "Action: It was advised/agreed that X should ..." (X is the owner), and "Action: X will ..."
  after an item's title;
- an attendance list with the role after the name ("Patricia Finlay Chair"), so a first name's
  directive is hers; and a role's short instruction "– Clerk instructed to write to ...".
"""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes
from tracker.minutes.learnt.layouts import flatten, wrap

from .layout_kit import DIRECTIVE, LOG, OWNER_LABEL, TRAP, V, Variant, score

HEAD = "Minutes of the Upper Test Catchment Steering Group\n3 March 2025\n\n"
PARISH = "Minutes of the Parish Council meeting held on 3 March 2025\n\n"

# fmt: off
SUMMARY = [
    V(LOG, "'Summary of actions from the meeting' with 'will' rows",
      HEAD + "Summary of actions from the meeting\n\n  1. KT will revise the catchment plan and "
      "send a second draft.\n  2. PL to book the room for the June meeting.\n  3. DW will send "
      "the monitoring results to all.\n  4. The next meeting will be in June.\n\nSummary of "
      "main points\n\n  1. Farmers need to be represented on the group.\n  2. The Agency must "
      "report on the outfalls in May.\n",
      act=[("KT", "revise the catchment plan and send a second draft."),
           ("PL", "book the room for the June meeting."),
           ("DW", "send the monitoring results to all.")]),
    V(LOG, "'Summary of actions decided at the meeting.' with bare verbs and 'should'",
      HEAD + "Summary of actions decided at the meeting.\n\n  1. Notes of the workshops are on "
      "the website.\n  2. RWT circulate the draft terms of reference before the next meeting.\n"
      "  3. Members email their project lists to RWT.\n  4. The Steering Group should agree a vision "
      "for the river by the summer.\n  5. KT meet with RWT to agree the host role. Need to "
      "agree the budget first.\n  6. Next meeting 4 June 2025.\n",
      act=[("RWT", "circulate the draft terms of reference before the next meeting."),
           ("Members", "email their project lists to RWT."),
           ("The Steering Group", "agree a vision for the river by the summer."),
           ("KT", "meet with RWT to agree the host role.")]),
    V(LOG, "'Summary of the actions agreed:' with a clause between owner and verb",
      HEAD + "Summary of the actions agreed:\n1. Group members who have not yet replied, will "
      "send their lists to KT. Once collated, RWT will circulate the full list.\n2. All to "
      "report any pollution incidents to DW.\n",
      act=[("Group members", "send their lists to KT."),
           ("RWT", "circulate the full list."),
           ("All", "report any pollution incidents to DW.")]),
    V(TRAP, "guard: 'Summary of actions from the previous meeting' restates earlier ones",
      HEAD + "Summary of actions from the previous meeting\n\n  1. KT will revise the plan - "
      "done.\n  2. PL will book the room - done.\n\n2. Updates\nThe updates were noted.\n"),
    V(TRAP, "guard: report rows of an action list ('The draft was ...', 'Chair update was ...')",
      HEAD + "Summary of actions from the meeting\n\n  1. The draft was discussed at length.\n"
      "  2. Chair update was noted.\n  3. KT report back in June.\n",
      act=[("KT", "report back in June.")]),
    V(TRAP, "guard: a summary of points with 'will' rows is no action list",
      HEAD + "Summary of main points from the meeting\n\n  1. The Agency will publish its "
      "plan in May.\n  2. Farmers will be consulted.\n"),
]

RESTATED = [
    V(TRAP, "'Actions arising from the minutes.' rows, each label then its status",
      PARISH + "4. Minutes of the previous meeting were approved.\n\n5. Actions arising from the "
      "minutes.\n\n1. Write to the highways team about the verge. Action – The Clerk\n\nAction "
      "ongoing - no reply had been received.\n\n2. Order the new bench. Action – The Clerk "
      "Action complete.\n\n3. Check the play area fence. Action – Cllr Brown\n\nAction complete"
      "\n\n4. Renew the insurance. Action – The Clerk\n\nAction complete.\n\n5. Chase the grass "
      "cutting contractor. Action – The Clerk\n\nAction ongoing.\n\n6. Obtain quotes for the "
      "noticeboard. Action – The Clerk\n\nAction complete.\n\n6. Planning\nNo applications.\n"),
    V(TRAP, "'Overdue outstanding actions were highlighted:' over 'Action:' rows",
      "Healthwatch Test Board Meeting\n2. Minutes of 10 January\nThe minutes were approved."
      "\nOverdue outstanding actions were highlighted:\nAction: Board members to send their "
      "declarations to Priya.\nAction: Trustees to each write a short biography for the "
      "website.\n3. Chief Executive's update\nThe report was noted.\n"),
    V(TRAP, "'Outstanding actions:' over 'Action –' rows with their status",
      PARISH + "3. Outstanding actions:\nClean the war memorial. Action – Cllr Hale. Action "
      "complete.\nRepair the bus shelter. Action – The Clerk\nAction ongoing – awaiting a "
      "quote.\n4. Finance\nThe accounts were noted.\n"),
    V(OWNER_LABEL, "guard: a new task labelled in the review is this meeting's",
      PARISH + "5. Actions arising from the minutes.\n\n1. Write to the highways team. Action – "
      "The Clerk\n\nAction complete.\n\nThe verge is to be cut again. Action – Cllr Hale\n\n"
      "6. Planning\nNo applications.\n",
      act=[("Cllr Hale", "The verge is to be cut again.")]),
    V(DIRECTIVE, "guard: 'Actions carried forward:' before item '1.' ends at that item",
      PARISH + "Actions carried forward:\nAction – Clerk to renew the insurance – done.\n1. "
      "Highways\nThe verge was discussed. Clerk to write to the county about the verge.\n2. "
      "Planning\nNo applications.\n",
      act=[("Clerk", "write to the county about the verge.")]),
    V(DIRECTIVE, "guard: a directive after an update in the review is this meeting's",
      PARISH + "5. Actions arising from the minutes.\nThe Clerk had written to the highways "
      "team but no reply had been received. Clerk to chase the highways team.\n\n6. "
      "Planning\nNo applications.\n",
      act=[("Clerk", "chase the highways team.")]),
    V(OWNER_LABEL, "guard: labels with no status outside such an item are this meeting's",
      PARISH + "5. Highways\n\nWrite to the highways team about the verge. Action – The Clerk\n"
      "\n6. Planning\nNo applications.\n",
      act=[("The Clerk", "Write to the highways team about the verge.")]),
]

MARKERS = [
    V(OWNER_LABEL, "'Action: It was advised that the PC should meet ...'",
      HEAD + "Action: It was advised that the PC should meet the planning policy team to "
      "discuss the plan. Jo Bell will arrange this.\n",
      act=[("the PC", "meet the planning policy team to discuss the plan.")]),
    V(OWNER_LABEL, "'Action: It was suggested that the Treasurer should ...'",
      HEAD + "4. Accounts\nAction: It was suggested that the Treasurer should open a second "
      "account with the bank.\n",
      act=[("the Treasurer", "open a second account with the bank.")]),
    V(OWNER_LABEL, "an item title ending 'Action:', then 'X will ...'",
      HEAD + "Action: The Clerk will check the licence with Openplan\n1. Housing Needs Survey "
      "Action: Openplan will conduct a housing needs survey\n2. Character Areas. Action: The "
      "Steering Group will divide the village into areas.\n",
      act=[("The Clerk", "check the licence with Openplan"),
           ("Openplan", "conduct a housing needs survey"),
           ("The Steering Group", "divide the village into areas.")]),
    V(OWNER_LABEL, "'... the path Action: MA will e-mail ...' glued to the words before it",
      PARISH + "6. Footpaths\nThe surface of the path by the school was discussed Action: MA "
      "will e-mail the rights of way officer\n",
      act=[("MA", "e-mail the rights of way officer")]),
    V(TRAP, "guard: 'It was advised that ...' with no marker is no action",
      HEAD + "It was advised that the PC should meet the planning policy team.\n"),
]

PEOPLE = [
    V(DIRECTIVE, "'Those Present : Patricia Finlay Chair, ...' then 'Patricia to write ...'",
      "Minutes of the Community Council\nThose Present : Patricia Finlay Chair, Anne Forgie "
      "Treasurer, Mac Logan, Alan Webster\n\nMatters arising\n  • The white lines still need "
      "painting. Patricia to write to the roads officer\n  • The passing places are poor. "
      "Patricia to write to the roads officer again.\n",
      act=[("Patricia", "write to the roads officer"),
           ("Patricia", "write to the roads officer again.")]),
    V(DIRECTIVE, "'Present: Tom Reid Secretary, ...' then 'Tom to book ...'",
      "Minutes of the Hall Committee\nPresent: Jane Cole Chair, Tom Reid Secretary, Ian "
      "Moss\n\n3. Bookings\nThe hall is busy in May. Tom to book the cleaner for the fair.\n",
      act=[("Tom", "book the cleaner for the fair.")]),
    V(TRAP, "guard: a first name not in the list is no owner",
      "Minutes of the Hall Committee\nPresent: Jane Cole Chair, Tom Reid Secretary\n\n3. "
      "Signs\nThe car park is busy. Signage to improve the flow.\n"),
    V(DIRECTIVE, "'– Clerk instructed to write to ...'",
      PARISH + "5. Correspondence\n  1. a) Newsletter – Copies are e-mailed to all "
      "councillors\n  2. b) Courts Consultation – Clerk instructed to write in support of the "
      "local court.\n",
      act=[("Clerk", "write in support of the local court.")]),
    V(DIRECTIVE, "'The Clerk was instructed to ...' and 'Clerk directed to ...'",
      PARISH + "6. Highways\nThe Clerk was instructed to report the pothole. Verges – Clerk "
      "directed to ask the county to cut them.\n",
      act=[("The Clerk", "report the pothole."),
           ("Clerk", "ask the county to cut them.")]),
    V(TRAP, "guard: 'Cllr Brown asked to speak' is no task (he asked)",
      PARISH + "7. Open forum\nCllr Brown instructed the meeting on the new rules. Cllr Brown "
      "asked to speak on item 9.\n"),
]
# fmt: on

ALL = SUMMARY + RESTATED + MARKERS + PEOPLE


@pytest.mark.parametrize("v", ALL, ids=[f"{v.kind}: {v.name}" for v in ALL])
def test_each_fresh_action_variant_is_read_as_a_judge_would(v: Variant) -> None:
    problems, notes = score(v)
    assert problems == [], (problems, notes)


# every variant as a PDF prints it, hard-wrapped
WRAPPED = ALL


@pytest.mark.parametrize("v", WRAPPED, ids=[f"wrapped: {v.name}" for v in WRAPPED])
def test_each_variant_wrapped_at_70_columns_reads_the_same(v: Variant) -> None:
    w = Variant(v.kind, v.name, wrap(v.text, 70), v.resolutions, v.actions)
    problems, notes = score(w)
    assert problems == [], (problems, notes)


# flattened onto one line: the glued marker and the people's directives (a flattened summary
# list, review item or "Action:" line is a kind left open, see the corpus README)
FLAT = [MARKERS[3], PEOPLE[0], PEOPLE[1], PEOPLE[3]]


@pytest.mark.parametrize("v", FLAT, ids=[f"flattened: {v.name}" for v in FLAT])
def test_each_variant_flattened_onto_one_line_reads_the_same(v: Variant) -> None:
    f = Variant(v.kind, v.name, flatten(v.text), v.resolutions, v.actions)
    problems, notes = score(f)
    assert problems == [], (problems, notes)


def test_restated_rows_go_to_review_with_their_reason() -> None:
    e = parse_minutes(RESTATED[0].text)
    assert [f for f in e.followups if f.source != "resolution"] == []
    reasons = " ".join(u.reason for u in e.unsure if "highways" in u.text or "bench" in u.text)
    assert "earlier" in reasons or "restated" in reasons or "held over" in reasons, reasons


def test_a_summary_row_says_why_it_was_taken() -> None:
    e = parse_minutes(SUMMARY[1].text)
    rwt = next(f for f in e.followups if f.owner == "RWT")
    assert "row under" in rwt.why and "names who does it" in rwt.why
