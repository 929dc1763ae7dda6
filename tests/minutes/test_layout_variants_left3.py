"""Kinds noticed and left open by this session's branches (issue 17, branch minutesleft3), each
written here in several wordings and layouts with guards for the traps beside it (none of these
texts is taken from a corpus page): an action marker whose own words name who is to complete it
("Action: To be completed by the Business Manager by end of April."); a partner organisation
named in one word as the owner ("Healthwatch to circulate ...", "Barnardo's to ...", one the
page names beside a person's name); an agreement a member reached with someone outside the
meeting ("MR presented the information to Tony Beckwith and it was agreed that ...", rule 6);
"Motioned" for the mover; a minute reference glued to the keyword ("19/8Resolved ..."); the
keyword's forms "Agree to ..." and "Agreed need to/for ..." opening a sentence; a
"Recommendation:" label over what someone would do (an undertaking restated); and directives
opening a numbered paragraph of three levels ("6.1.2 JB to contact ...") or a numbered point
for all the members ("5. All Councillors to review ...")."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import DIRECTIVE, GLUED, MOTION, OWNER_LABEL, PROSE, TRAP, V, score

BOARD = "Minutes of the Safeguarding Partnership Board\n12 March 2025\n"
PARISH = "Minutes of the Parish Council meeting held on 4 June 2024\n"

# fmt: off
LEFT3 = [
    # ---- "Action: To be completed by <owner> ...": the owner in the "by" phrase -------------
    V(OWNER_LABEL, "'Action: To be completed by the Business Manager by end of April.'",
      BOARD + "4. Training\nThe multi-agency training calendar for next year was agreed.\n"
      "Action: To be completed by the Business Manager by end of April.\n\n5. Close\n",
      act=[("Business Manager", "The multi-agency training calendar for next year was agreed.")]),
    V(OWNER_LABEL, "'ACTION - to be actioned by Jane Smith before the next meeting'",
      BOARD + "4. Audit\nThe section 11 audit return is to be sent to all schools.\n"
      "ACTION - to be actioned by Jane Smith before the next meeting\n\n5. Close\n",
      act=[("Jane Smith", "The section 11 audit return is to be sent to all schools.")]),
    V(OWNER_LABEL, "'Action: to be taken forward by JB/KP.' (initials joined)",
      BOARD + "6. Neglect strategy\nA task and finish group will refresh the neglect toolkit.\n"
      "Action: to be taken forward by JB/KP.\n\n7. Close\n",
      act=[("JB/KP", "A task and finish group will refresh the neglect toolkit.")]),
    V(TRAP, "guard: 'Action: To be discussed at the next meeting' names nobody by 'by'",
      BOARD + "4. Training\nThe training calendar was discussed.\n"
      "Action: To be discussed at the next meeting.\n\n5. Close\n",
      act=[("", "To be discussed at the next meeting.")]),
    # ---- one word naming a partner organisation as the owner --------------------------------
    V(DIRECTIVE, "'Healthwatch to circulate ...' on a line of its own",
      BOARD + "3. Local offer\nThe survey of parents was discussed.\nHealthwatch to circulate "
      "the survey results to members.\n\n4. Close\n",
      act=[("Healthwatch", "circulate the survey results to members.")]),
    V(DIRECTIVE, "'Barnardo's to share ...' after a sentence",
      BOARD + "3. Missing children\nThe return interview pilot has ended. Barnardo's to share "
      "the outcome of the pilot with the board.\n\n4. Close\n",
      act=[("Barnardo's", "share the outcome of the pilot with the board.")]),
    V(DIRECTIVE, "'Probation to report ...' (a service named in one word)",
      BOARD + "5. Serious incidents\nProbation to report back on the learning review in "
      "June.\n\n6. Close\n",
      act=[("Probation", "report back on the learning review in June.")]),
    V(DIRECTIVE, "an organisation the page names in brackets beside a person in prose",
      BOARD + "Ann Lee, Chair, and Tom Evans (Mencap) were welcomed. Priya Shah (Kooth) sent "
      "apologies.\n3. Easy read\nThe leaflets were discussed. Kooth to circulate the easy-read "
      "leaflet to members.\n\n4. Close\n",
      act=[("Kooth", "circulate the easy-read leaflet to members.")]),
    V(DIRECTIVE, "an organisation after a dash in a list of those attending",
      BOARD + "In attendance: Ann Lee – Chair\nTom Evans – Mencap\n3. Easy read\nMencap to "
      "circulate the easy-read leaflet to members.\n\n4. Close\n",
      act=[("Mencap", "circulate the easy-read leaflet to members.")]),
    V(TRAP, "guard: 'Growth to continue ...' (a capitalised noun, not a body)",
      BOARD + "Present: Ann Lee (Chair), Tom Evans (Mencap)\n6. Economy\nGrowth to continue in "
      "the second quarter.\n\n7. Close\n"),
    V(TRAP, "guard: 'Council to note the bank reconciliation.' (the body's business)",
      PARISH + "5. Finance\nCouncil to note the bank reconciliation.\n\n6. Close\n"),
    V(TRAP, "guard: an agenda's '4. Police to report'",
      "AGENDA\n3. Apologies\n4. Police to report\n5. Healthwatch to present its annual report\n"),
    # ---- an agreement reached with someone outside the meeting (rule 6) ---------------------
    V(TRAP, "'MR presented the information to Tony Beckwith and it was agreed that ...'",
      BOARD + "4. Data sharing\nMR presented the information to Tony Beckwith and it was agreed "
      "that it does not breach Data Protection.\n\n5. Close\n"),
    V(TRAP, "'The Chair met with the Chief Constable and it was agreed that ...'",
      BOARD + "4. Custody\nThe Chair met with the Chief Constable and it was agreed that the "
      "protocol be revised.\n\n5. Close\n"),
    V(TRAP, "'KP spoke to Cllr Jane Doe (Cabinet Member) and it was agreed ...'",
      BOARD + "4. Housing\nKP spoke to Cllr Jane Doe (Cabinet Member) and it was agreed to "
      "hold a joint workshop.\n\n5. Close\n"),
    V(PROSE, "guard: 'presented the report to the Board and it was agreed that ... be ...'",
      BOARD + "4. Data sharing\nMR presented the report to the Board and it was agreed that "
      "the protocol be adopted by all partners.\n\n5. Close\n",
      res=["that the protocol be adopted by all partners."]),
    V(PROSE, "guard: 'After discussion it was agreed that ...'",
      BOARD + "4. Data sharing\nAfter discussion with partners it was agreed that the protocol "
      "be adopted.\n\n5. Close\n",
      res=["that the protocol be adopted."]),
    # ---- "Motioned" for the mover -------------------------------------------------------------
    V(MOTION, "'Signed as true record. Motioned MWH, Seconded DJ'",
      PARISH + "3. Minutes of the last meeting\nSigned as true record. Motioned MWH, Seconded "
      "DJ\n\n4. Finance\n",
      res=["Signed as true record. Motioned MWH, Seconded DJ"]),
    V(MOTION, "a numbered point moved: '2. ... to be conducted ... . Motioned DJ Seconded CJ. "
      "Agreed'",
      PARISH + "5. Governance\n1. Councillors can apply for read only access to the bank.\n"
      "2. A review of the standing orders to be conducted in the autumn. Motioned DJ Seconded "
      "CJ. Agreed\n\n6. Close\n",
      res=["A review of the standing orders to be conducted in the autumn. Motioned DJ Seconded "
           "CJ. Agreed"]),
    V(MOTION, "'Motioned by Cllr Smith, seconded by Cllr Jones that ... . Carried.'",
      PARISH + "5. Website\nMotioned by Cllr Smith, seconded by Cllr Jones that the website "
      "contract be renewed. Carried.\n\n6. Close\n",
      res=["that the website contract be renewed"]),
    V(TRAP, "guard: 'Motioned MWH' with no seconder or outcome",
      PARISH + "5. Website\nThe website contract was discussed and motioned by MWH.\n\n6. Close\n"),
    # ---- a minute reference glued to the keyword -------------------------------------------
    V(GLUED, "'19/8Resolved to approve ...' under 'Item 4:'",
      "Minutes of the Community Council\nItem 4:To receive the minutes.\n19/8Resolved to approve "
      "the minutes of the meeting of 13th December 2018. The minutes were signed.\nItem 5:"
      "Matters arising.\n19/9No matters arising.\n",
      res=["to approve the minutes of the meeting of 13th December 2018."]),
    V(GLUED, "'21/3Agreed that ...' (another keyword)",
      "Minutes of the Community Council\nItem 6:Grants.\n21/3Agreed that a grant of £200 be "
      "made to the playgroup.\n",
      res=["that a grant of £200 be made to the playgroup."]),
    # ---- "Agree to ...", "Agreed need to/for ..." opening a sentence -----------------------
    V(GLUED, "'Agree to acquire 3 quotes ...' after the item's sentence",
      PARISH + "6. Office equipment: a new laptop is needed. Agree to acquire 3 quotes for all "
      "items and to bring to next meeting.\n\n7. Close\n",
      res=["to acquire 3 quotes for all items and to bring to next meeting."]),
    V(GLUED, "'Agree to ...' on a line of its own",
      PARISH + "7. Play area\nAgree to replace the swings before the summer.\n\n8. Close\n",
      res=["to replace the swings before the summer."]),
    V(GLUED, "'Agreed need to look at ...' after a sentence, its text to the sentence's end",
      PARISH + "8. Playing field\nThe Clerk confirmed a grant of £10,000 had been awarded.  "
      "Agreed need to look at what equipment is in situ and what needs replacing.  Cllr Hale "
      "asked members to consider a hedge.\n\n9. Close\n",
      res=["need to look at what equipment is in situ and what needs replacing."]),
    V(GLUED, "'Agreed need for a new bench ...' on a line of its own",
      PARISH + "9. Village green\nAgreed need for a new bench near the shop.\n\n10. Close\n",
      res=["need for a new bench near the shop."]),
    V(GLUED, "'Agreed this be deferred ...' after a sentence",
      PARISH + "9. Village green\nThe quotes were not yet in. Agreed this be deferred until the "
      "next meeting.\n\n10. Close\n",
      res=["this be deferred until the next meeting."]),
    V(TRAP, "guard: an item titled 'Agree to the precept ...' (its business, not a decision)",
      PARISH + "7. Agree to the precept for 2025/26\nThe budget was discussed at length.\n\n"
      "8. Close\n"),
    V(TRAP, "guard: 'Members agree to ...' and 'would agree to' inside a sentence",
      PARISH + "9. Village green\nMembers agree to differ on the colour. It was hoped the county "
      "would agree to fund the bench.\n\n10. Close\n"),
    # ---- "Recommendation:" over what someone would do ---------------------------------------
    V(TRAP, "'Recommendation: The Town Council would resend ...' (an undertaking restated)",
      "Minutes of the Finance Committee\n6. Grants\nIt was agreed that the Town Council would "
      "resend the information to the applicant.\nRecommendation: The Town Council would resend "
      "the information to the applicant.\n\n7. Close\n"),
    V(TRAP, "'Recommendation: The Clerk will write ...'",
      "Minutes of the Finance Committee\n6. Grants\nRecommendation: The Clerk will write to the "
      "bowls club about its application.\n\n7. Close\n"),
    # ---- directives opening a numbered paragraph or point ----------------------------------
    V(DIRECTIVE, "'6.1.2 JB to contact ...' (three levels)",
      PARISH + "6. HIGHWAYS\n6.1 Speeding\n6.1.1 The speed data was circulated.\n6.1.2 JB to "
      "contact the highways officer about the speed signs.\n\n7. Close\n",
      act=[("JB", "contact the highways officer about the speed signs.")]),
    V(DIRECTIVE, "'5. All Councillors to review ...' after the item's number",
      "Steering Group notes\n4. Terms of reference\n5. All Councillors to review the draft "
      "budget before the next meeting.\n",
      act=[("All Councillors", "review the draft budget before the next meeting.")]),
    V(TRAP, "guard: an agenda's '6.1.2 Chairman to report' and '5. All Councillors to note ...'",
      "AGENDA\n5. All Councillors to note the accounts\n6. Highways\n6.1.2 Chairman to report\n"),
]
# fmt: on


@pytest.mark.parametrize("v", LEFT3, ids=[f"{v.kind}: {v.name}" for v in LEFT3])
def test_each_left3_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], (problems, notes)


def test_a_completed_by_marker_takes_its_due_date():
    e = parse_minutes(
        BOARD + "4. Training\nThe training calendar was agreed.\nAction: To be completed by the "
        "Business Manager by 30 April 2025.\n\n5. Close\n"
    )
    assert [(f.owner, f.due) for f in e.followups] == [("Business Manager", "2025-04-30")]


def test_an_agreement_outside_the_meeting_is_left_for_review_with_its_reason():
    e = parse_minutes(
        BOARD + "4. Data sharing\nMR presented the information to Tony Beckwith and it was agreed "
        "that it does not breach Data Protection.\n\n5. Close\n"
    )
    assert not e.resolutions
    assert any("outside the meeting" in u.reason for u in e.unsure)


def test_a_glued_minute_reference_is_the_resolution_s_item():
    e = parse_minutes(
        "Minutes of the Community Council\nItem 4:To receive the minutes.\n19/8Resolved to "
        "approve the minutes of the last meeting.\n"
    )
    assert [r.item for r in e.resolutions] == ["19/8"]


@pytest.mark.parametrize(
    "points",
    [
        "1. Councillors can apply for read only access to the bank.\n2. A review of the standing "
        "orders to be conducted in the autumn. Motioned DJ Seconded CJ. Agreed\n",
        "1. The clerk has renewed the insurance.\n2. Resolved that the audit be accepted.\n",
        "1) The clerk has renewed the insurance.\n2) Resolved that the audit be accepted.\n",
    ],
)
def test_a_list_restarting_at_one_under_an_item_keeps_the_item_s_number(points):
    e = parse_minutes(
        PARISH
        + "4. Apologies\nNone.\n5. Accounts\n• Current account £14,739.14\n"
        + points
        + "\n6. Community benefit\nThe footpath gates were discussed.\n"
    )
    assert [r.item for r in e.resolutions] == ["5"]
