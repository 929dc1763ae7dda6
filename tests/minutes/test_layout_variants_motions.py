"""Parish, town and community council motions and decisions that batch 19's development pages
(branch minutesmotion) showed the reader missing or taking wrongly. None of these texts is taken
from a page; each kind is written in several wordings, with guards that must not be taken:

- a motion laid out one part a line, its outcome on a line of its own ("Proposed by A" /
  "Seconded by B" / "Vote unanimous to accept"), the whole motion, or its "that" clause when the
  mover's line has one ("Proposal by A that ..." / "Seconded by B" / "Voting unanimous in
  acceptance"); "Approved: A" / "Seconded: B" under the minutes item (the approval is the outcome);
- the same motion printed after the meeting's prose decision it carried ("After consideration the
  meeting agreed to support the application." / "Acceptance proposed by A" / ...) is that decision,
  not a second one;
- a member's "that" clause carried by the sentence after it ("Cllr A said that the Council should
  ... . This was agreed to.");
- "The decision was (unanimously) taken to ..." and "After consideration meeting agreed to ...";
- "Various motions were proposed, seconded and passed unanimously." names no motion: review.

The kinds the branch's untuned rounds showed missed: test_layout_variants_motions_untuned.py."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import MOTION, PROSE, TRAP, V, score

# fmt: off
MOTIONS = [
    # ---- a motion one part a line, its outcome on a line of its own ----------------------------
    V(MOTION, "'Proposed by A' / 'Seconded by B' / 'Vote unanimous to accept.': the whole motion",
      "1. Minute taker\nThe chair asked for a member to take the minutes. Councillor Hale agreed "
      "to do so.\n"
      "Proposed by Councillor Frost\nSeconded by Councillor Dale\nVote unanimous to accept.\n"
      "2. Apologies\nNone.\n",
      res=["Proposed by Councillor Frost\nSeconded by Councillor Dale\nVote unanimous to accept."]),
    V(MOTION, "'Proposed by Cllr A' / 'Seconded by Cllr B' / 'Voting unanimous in favour'",
      "5. Grit bins\nTwo new grit bins were discussed.\nProposed by Cllr Hale\n"
      "Seconded by Cllr Udall\nVoting unanimous in favour\n\n6. Correspondence\nNone.\n",
      res=["Proposed by Cllr Hale Seconded by Cllr Udall Voting unanimous in favour"]),
    V(MOTION, "'Proposed: A' / 'Seconded: B' / 'Vote: 6 for, 0 against': carried by its count",
      "7. Noticeboard\nA new noticeboard was discussed.\nProposed: Cllr Frost\nSeconded: Cllr Dale\n"
      "Vote: 6 for, 0 against\n8. Close\n",
      res=["Proposed: Cllr Frost Seconded: Cllr Dale Vote: 6 for, 0 against"]),
    V(MOTION, "'Acceptance of the quote, proposed by A.' / 'Seconded by B' / 'Vote unanimous to "
              "accept': the motion's first line is its own",
      "5. Security contract\n   The new contract with Acme Security was considered.\n"
      "   Acceptance of their quote, proposed by Councillor Frost.\n"
      "   Seconded by Councillor Dale\n   Vote unanimous to accept\n6. Hall\nNone.\n",
      res=["Acceptance of their quote, proposed by Councillor Frost. Seconded by Councillor Dale "
           "Vote unanimous to accept"]),
    V(MOTION, "'Proposal by A that ...' / 'Seconded by B' / 'Voting unanimous in acceptance': "
              "the clause",
      "4. Approval of minutes\nA point was raised on item 9.\n"
      "Proposal by Councillor Hale that the recording of the meeting should be deleted\n"
      "Seconded by Councillor Udall\nVoting unanimous in acceptance\n5. Footpaths\nNone.\n",
      res=["that the recording of the meeting should be deleted"]),
    V(MOTION, "'Approved: A' / 'Seconded: B' under the minutes item: the approval is its outcome",
      "2. Approval of minutes of meeting of 10th May\n\nApproved: Jim Hale\nSeconded: Ann Udall\n\n"
      "3. Matters arising\n\nNone.\n",
      res=["Approved: Jim Hale Seconded: Ann Udall"]),
    V(TRAP, "'Proposed: A' / 'Seconded: B' with no outcome written",
      "- Approval of minutes of AGM 17 June\nProposed: James Frost\nSeconded: John Dale\n"
      "- Chairperson's Annual Report\nReport appended.\n"),
    V(TRAP, "'Proposed as a true record ... CC A' / 'Seconded CC B' with no outcome written",
      "3. Approval of AGM Minute:\nProposed as a true record of the meeting CC Penny Frost\n"
      "Seconded CC Andrew Dale\n\n4. Chairperson's Report:\nThe year was busy.\n"),
    V(TRAP, "'Proposed by A' / 'Seconded by B' / 'Vote: 2 for, 5 against': lost",
      "6. Car park\nProposed by Cllr Hale\nSeconded by Cllr Udall\nVote: 2 for, 5 against\n"
      "7. Close\n"),
    # ---- the motion of a prose decision printed after it ---------------------------------------
    V(PROSE, "'After consideration meeting agreed to support application.' then its motion: once",
      "6. Use of the hall car park\nAfter consideration meeting agreed to support application.\n"
      "Acceptance proposed by Councillor Frost\nSeconded by Councillor Dale\n"
      "Vote Unanimous to accept.\nDate of next meeting\n   23 August\n",
      res=["to support application."]),
    V(PROSE, "'After discussion the meeting agreed to ...' then 'Proposed by A' / 'Seconded by B' / "
             "'Vote unanimous to accept': once",
      "3. Planters\nAfter discussion the meeting agreed to buy two planters for the green.\n"
      "Proposed by Cllr Hale\nSeconded by Cllr Udall\nVote unanimous to accept\n4. Close\n",
      res=["to buy two planters for the green."]),
    # ---- a member's clause carried by the sentence after it ------------------------------------
    V(MOTION, "'He said that the Council should ... . This was agreed to.'",
      "1. Parish Plan:\n\nCllr Frost said that the grant shows a larger sum than the budget. He said "
      "that the Council should agree to the budgeted figure and carry the balance into next year. "
      "This was agreed to.\n\n2. Grass cutting\n\nNone.\n",
      res=["that the Council should agree to the budgeted figure and carry the balance into next "
           "year."]),
    V(MOTION, "'Cllr A suggested that ... . This was unanimously agreed.'",
      "4. Verges\nCllr Hale suggested that the verges be cut twice this summer. This was "
      "unanimously agreed.\n5. Close\n",
      res=["that the verges be cut twice this summer."]),
    V(TRAP, "'Cllr A suggested that ... . This was not agreed.'",
      "4. Verges\nCllr Hale suggested that the verges be cut twice this summer. This was not "
      "agreed.\n5. Close\n"),
    V(TRAP, "'Cllr A said that ... . The Clerk agreed to write.' (the Clerk's undertaking)",
      "4. Verges\nCllr Hale said that the verges were overgrown. The Clerk agreed to write to the "
      "county.\n5. Close\n"),
    # ---- "The decision was taken to ..." ---------------------------------------------------------
    V(PROSE, "'The decision was unanimously taken to change ...'",
      "4. Treasurer's report\n\nThe balance stands at £12,465.\nThe decision was unanimously taken "
      "to change our bank from the Unity Bank to the Bank of Scotland.\n\n5. Police report\n\nNone.\n",
      res=["to change our bank from the Unity Bank to the Bank of Scotland."]),
    V(PROSE, "'The decision was taken to defer ...'",
      "7. Play area\nThe decision was taken to defer the repairs until the spring.\n8. Close\n",
      res=["to defer the repairs until the spring."]),
    V(TRAP, "'The decision was taken by the county council to close ...' (another body's)",
      "7. Roads\nThe decision was taken by the county council to close the lane in May.\n8. Close\n"),
    V(TRAP, "'The decision to do so had been made just before the deadline' (no clause, earlier)",
      "8. Feedback\nA bid had been made to the wind farm fund. The decision to do so had been made "
      "just before the deadline, so there had not been time to consult.\n"),
    # ---- a motion that names nothing ------------------------------------------------------------
    V(TRAP, "'Various motions were proposed, seconded and passed unanimously.'",
      "5. Staffing Matter – CONFIDENTIAL\nThere was a discussion on a staffing matter. Various "
      "motions were proposed, seconded and passed unanimously. The detail of the motions has been "
      "kept confidential.\n"),
    V(TRAP, "'Several motions were proposed and seconded and all were carried.'",
      "6. Staffing\nSeveral motions were proposed and seconded and all were carried.\n7. Close\n"),
    V(MOTION, "guard: 'Motion to exclude ... was proposed by A, seconded by B and agreed "
              "unanimously. Motion carried.' stays",
      "4. Motion to exclude press and public\n• Motion to exclude the public and press was "
      "proposed by Cllr. Frost, seconded by Cllr. Dale and agreed unanimously. Motion carried.\n",
      res=["Motion to exclude the public and press was proposed by Cllr. Frost, seconded by Cllr. "
           "Dale and agreed unanimously. Motion carried."]),
]
# fmt: on


@pytest.mark.parametrize("v", MOTIONS, ids=[f"{v.kind}: {v.name}" for v in MOTIONS])
def test_each_motion_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], notes


def test_a_motion_that_names_nothing_goes_to_review_saying_so():
    e = parse_minutes(
        "5. Staffing\nVarious motions were proposed, seconded and passed unanimously.\n"
    )
    assert e.resolutions == ()
    assert any("names no motion" in u.reason for u in e.unsure)


def test_the_motion_of_a_prose_decision_goes_to_review_as_that_decisions_motion():
    e = parse_minutes(
        "3. Planters\nAfter discussion the meeting agreed to buy two planters.\n"
        "Proposed by Cllr Hale\nSeconded by Cllr Udall\nVote unanimous to accept\n"
    )
    assert [r.text for r in e.resolutions] == ["to buy two planters."]
    assert any("the motion of the decision before it" in u.reason for u in e.unsure)


# fmt: off
RESPONSES = [
    V(MOTION, "'The Parish Council decision was B' under an application (B from the page's key)",
      "23/212 – TO CONSIDER THE FOLLOWING PLANNING APPLICATIONS\nRef: 23/01476/FUL – Single-storey "
      "rear extension at 40 Mill Lane.\nThe Parish Council decision was B\n\n23/213 – CLOSE\nNone.\n",
      res=["The Parish Council decision was B"]),
    V(MOTION, "'The Council's response was: no objection' under an application",
      "7. Planning\n24/00311/HOUS – 3 Church Row, porch\nThe Council's response was: no objection.\n"
      "8. Close\n",
      res=["The Council's response was: no objection."]),
    V(TRAP, "guard: 'The Council's response was sent ...' far from any application",
      "9. Hall lease\nThe hall committee met in May.\nThe lease was discussed at length.\nThe "
      "treasurer reported on the reserves.\nThe Council's response was sent to the trustees.\n"),
]
# fmt: on


@pytest.mark.parametrize("v", RESPONSES, ids=[f"{v.kind}: {v.name}" for v in RESPONSES])
def test_each_planning_response_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], notes


# ---- who moved it, printed beside the decision, is not the decision's text ----------------------
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "RESOLVED: (proposed Cllr Hale, seconded Cllr Udall) that the swings be replaced.",
            "that the swings be replaced.",
        ),
        ("RESOLVED (JH/AU) to replace the swings.", "to replace the swings."),
        ("It was resolved to replace the swings (Prop JH, Sec AU).", "to replace the swings."),
        (
            "RESOLVED: to accept the quote from Greens Ltd for £1,200. Proposed Cllr Hale, "
            "seconded Cllr Udall, all in favour.",
            "to accept the quote from Greens Ltd for £1,200.",
        ),
        (
            "It was resolved to buy a new bench. Proposed by Cllr Frost and seconded by Cllr Dale.",
            "to buy a new bench.",
        ),
        (  # guard: a passive outcome with its mover is the whole motion (batch 8)
            "The minutes of the last meeting were agreed as a true record. Proposed Cllr Hale, "
            "seconded Cllr Udall, all in favour.",
            "The minutes of the last meeting were agreed as a true record. Proposed Cllr Hale, "
            "seconded Cllr Udall, all in favour.",
        ),
    ],
)
def test_the_proposer_and_seconder_beside_a_decision_are_left_off_its_text(text, want):
    e = parse_minutes(f"5. Playground\n{text}\n6. Close\nNone.\n")
    assert [r.text for r in e.resolutions] == [want]


# fmt: off
PAYMENTS = [
    V(MOTION, "'Resolved to approve the following payments:' over rows of sums, one a line",
      "8. Finance\nResolved to approve the following payments:\nClerk salary £400\nHMRC £90.60\n"
      "SSE £35.00\n9. Close\nNone.\n",
      res=["to approve the following payments:"]),
    V(MOTION, "'It was RESOLVED to approve the following payments:' over rows of sums",
      "8. Finance\nIt was RESOLVED to approve the following payments:\nClerk's salary £400.00\n"
      "Village hall hire £25.00\nGrass cutting £476.28\n\n9. Close\nNone.\n",
      res=["to approve the following payments:"]),
    V(MOTION, "guard: '- ' rows of sums under the same lead-in",
      "8. Finance\nIt was resolved to approve the following payments:\n- Clerk's salary - £400.00\n"
      "- HMRC - £90.60\n9. Close\nNone.\n",
      res=["to approve the following payments:"]),
    V(MOTION, "guard: a decision naming two sums is not a list of rows",
      "8. Grants\nRESOLVED: to give £200 to the fete and £100 to the band.\n9. Close\nNone.\n",
      res=["to give £200 to the fete and £100 to the band."]),
]
# fmt: on


@pytest.mark.parametrize("v", PAYMENTS, ids=[f"{v.kind}: {v.name}" for v in PAYMENTS])
def test_each_payments_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], notes


# fmt: off
CLOSED = [
    V(MOTION, "'It was RESOLVED to move into Closed Session ... in relation to:' over lettered "
              "topics that hold their own RESOLVED",
      "12. Closed session\nIt was RESOLVED to move into Closed Session under the Public Bodies "
      "(Admission to Meetings) Act 1960 in relation to:\na) Clerk's contract. RESOLVED to extend "
      "the contract by a year.\nb) The grass cutting tender. RESOLVED to accept the lowest quote.\n"
      "13. Close\nNone.\n",
      res=["to move into Closed Session under the Public Bodies (Admission to Meetings) Act 1960 "
           "in relation to:", "to extend the contract by a year.", "to accept the lowest quote."]),
    V(MOTION, "'RESOLVED: to exclude the press and public for the following items:' over topics",
      "14. Exclusion of the public\nRESOLVED: to exclude the press and public for the following "
      "items:\n(a) Staffing matters\n(b) Legal advice on the lease\n15. Staffing\nNone.\n",
      res=["to exclude the press and public for the following items:"]),
    V(MOTION, "guard: 'RESOLVED in relation to the lease:' over '(a) That ...' clauses",
      "9. Lease\nRESOLVED in relation to the lease:\n(a) That the lease be renewed for five years.\n"
      "(b) That the rent be reviewed in 2027.\n10. Close\nNone.\n",
      res=["That the lease be renewed for five years.", "That the rent be reviewed in 2027."]),
]
# fmt: on


@pytest.mark.parametrize("v", CLOSED, ids=[f"{v.kind}: {v.name}" for v in CLOSED])
def test_each_closed_session_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], notes


# fmt: off
FLAT_PLANNING = [
    V(MOTION, "a flattened planning table: 'ref - description at address No objections, ...'",
      "7. Planning\na. 19/01337/FUL - Erection of a garage at 131 Colne Way Point Clear Bay No "
      "objections, however, the council asks for a condition on hours of work.\n8. Close\nNone.\n",
      res=["No objections, however, the council asks for a condition on hours of work."]),
    V(MOTION, "'ref Description Address Objection - reason' glued in one row",
      "Planning applications\n24/00410/HOUS Two storey side extension 12 Mill Lane Objection - "
      "overdevelopment of the plot.\n24/00415/FUL New dwelling Land at Church Road No objection.\n",
      res=["Objection - overdevelopment of the plot.", "No objection."]),
    V(TRAP, "guard: 'no objections from neighbours' inside the description",
      "7. Planning\n19/01337/FUL - Erection of a garage; the agent says there were no objections "
      "from neighbours.\n8. Close\nNone.\n"),
]
# fmt: on


@pytest.mark.parametrize("v", FLAT_PLANNING, ids=[f"{v.kind}: {v.name}" for v in FLAT_PLANNING])
def test_each_flattened_planning_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], notes


# fmt: off
TRUE_RECORD = [
    V(MOTION, "'Agreed as a true record' then '- ' bullets of what was reported: not its items",
      "3. Minutes of the last meeting\nAgreed as a true record\n- The bench has been repaired.\n"
      "- The clerk has written to the county about potholes.\n4. Finance\n- The balance is £4,000.\n",
      res=["Agreed as a true record"]),
    V(MOTION, "'Agreed as a true record' then a heading in capitals, then bullets",
      "MINUTES OF THE LAST MEETING\nAgreed as a true record\nMATTERS ARISING\n- The bench has been "
      "repaired.\n- The clerk has written to the county about potholes.\nFINANCE\n- The balance is "
      "£4,000.\n",
      res=["Agreed as a true record"]),
    V(MOTION, "'Resolved to accept the minutes as a correct record' then '• ' reports",
      "2. Minutes\nResolved to accept the minutes as a correct record\n• Cllr Hale reported on the "
      "footpath.\n• The noticeboard has been replaced.\n3. Close\nNone.\n",
      res=["to accept the minutes as a correct record"]),
    V(MOTION, "guard: 'RESOLVED:' alone over '- ' clauses keeps them",
      "5. Budget\nRESOLVED:\n- That the precept be set at £10,000.\n- That the reserves be kept at "
      "£5,000.\n6. Close\nNone.\n",
      res=["That the precept be set at £10,000.", "That the reserves be kept at £5,000."]),
    V(MOTION, "guard: 'AGREED to:' over '- ' verb-first items keeps them",
      "5. Hall\nAGREED to:\n- Repaint the hall in May.\n- Replace the boiler.\n6. Close\nNone.\n",
      res=["Repaint the hall in May.", "Replace the boiler."]),
]
# fmt: on


@pytest.mark.parametrize("v", TRUE_RECORD, ids=[f"{v.kind}: {v.name}" for v in TRUE_RECORD])
def test_each_true_record_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], notes


@pytest.mark.parametrize(
    "text",
    [
        "Cllr Hale proposed that the car park be closed at night, seconded by Cllr Udall. After "
        "discussion the motion was withdrawn.",
        "Proposed by Cllr Hale, seconded by Cllr Udall, that the car park be closed at night.\n"
        "The motion was withdrawn.",
        "It was proposed by Cllr Hale and seconded by Cllr Udall that the car park be closed at "
        "night. Following discussion the proposer withdrew the motion.",
        "Proposed by Cllr Hale\nSeconded by Cllr Udall\nMotion withdrawn",
    ],
)
def test_a_withdrawn_motion_goes_to_review_saying_it_was_withdrawn(text):
    e = parse_minutes(f"7. Car park\n{text}\n8. Close\nNone.\n")
    assert e.resolutions == ()
    assert any("the motion was withdrawn" in u.reason for u in e.unsure), e.unsure
