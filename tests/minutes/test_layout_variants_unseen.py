"""Layouts a recall sweep over real minutes the reader had not seen showed it missing (none of
these texts is taken from a page; each kind is written in several wordings, with a guard that
must not be taken): motions labelled "Proposal (AB)" or "Motion (AB)", a proposer and seconder
in brackets after the outcome, a passive outcome "being proposed by ... and seconded by ...",
"all those present were in favour", a trailing decision word ("... elected as Chair
Resolved"), "agreed not to", a short upper-case outcome ("RESOLVED to OBJECT"), a vote count
"by a vote of 5 in favour and 1 abstention", and a body's decision after a leading phrase
("Following the talk, the Council ... and resolved to")"""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import MOTION, PROSE, TRAP, V, score

# fmt: off
UNSEEN = [
    # ---- motions whose proposer is written "Proposal (AB)" / "Motion (AB)" ----------------------
    V(MOTION, "'Proposal (AB), seconded (CD) that ... Agreed unanimously.'",
      "4   Minutes of the last meeting\n\n4.1   Monthly meeting 12/3/2024 - Proposal (RT), "
      "seconded (JM) that the minutes be accepted as a true record. Agreed unanimously.\n",
      res=["that the minutes be accepted as a true record"]),
    V(MOTION, "'Motion (AB) & seconded (CD) that ... Unanimously agreed and signed.'",
      "6   Minutes\n\nMeeting of 2/4/2024 - Motion (LP) & seconded (KW) that the minutes be "
      "approved as correct. Unanimously agreed and signed by the Chair.\n",
      res=["that the minutes be approved as correct"]),
    V(MOTION, "'Proposal: Cllr A, seconded: Cllr B, that ... Carried.'",
      "7. Bus shelter\n\nProposal: Cllr Dale, seconded: Cllr Frost, that the shelter be "
      "repainted green. Carried.\n",
      res=["that the shelter be repainted green"]),
    V(TRAP, "a 'Proposal (AB)' with no outcome written is not a decision",
      "8. Speed watch\n\nProposal (RT), seconded (JM) that the council buys a second speed "
      "sign. To be discussed at the next meeting.\n"),
    V(MOTION, "'Prop: Cllr A Sec: Cllr B. All agreed.' after the outcome",
      "5. Minutes\nThe minutes of the May meeting were approved. Prop: Cllr Hale Sec: Cllr "
      "Udall. All agreed.\n",
      res=["The minutes of the May meeting were approved. Prop: Cllr Hale Sec: Cllr Udall. All "
           "agreed."]),
    V(MOTION, "'... were approved as a true record (Prop AB, Sec CD).'",
      "5. Minutes\nThe minutes of the May meeting were approved as a true record (Prop RT, "
      "Sec JM).\n",
      res=["The minutes of the May meeting were approved as a true record (Prop RT, Sec JM)."]),
    V(TRAP, "'Prop: Cllr A Sec: Cllr B.' with no outcome is not a decision",
      "5. Grass cutting\nThe new contract was discussed. Prop: Cllr Hale Sec: Cllr Udall. To "
      "be decided next month.\n"),
    V(MOTION, "'Proposed: A' / 'Seconded: B' / 'That ...' / 'All agreed.' on lines apart",
      "5. Minutes\nProposed: Cllr Hale\nSeconded: Cllr Udall\nThat the minutes of the May "
      "meeting be approved.\nAll agreed.\n6. Finance\n",
      res=["That the minutes of the May meeting be approved."]),
    V(MOTION, "'Proposed by A, seconded by B, that ... . Vote: 6 for, 0 against.'",
      "5. Minutes\nProposed by Cllr Hale, seconded by Cllr Udall, that the minutes be "
      "approved. Vote: 6 for, 0 against.\n",
      res=["that the minutes be approved"]),
    V(TRAP, "'... Vote: 2 for, 5 against.' is a motion lost",
      "5. Benches\nProposed by Cllr Hale, seconded by Cllr Udall, that two benches be "
      "bought. Vote: 2 for, 5 against.\n"),
    V(MOTION, "'Resolved (proposed Cllr A, seconded Cllr B) that ...'",
      "5. Minutes\nResolved (proposed Cllr Hale, seconded Cllr Udall) that the minutes be "
      "approved.\n",
      res=["that the minutes be approved."]),
    V(MOTION, "'Motion: that ... . Proposed A, seconded B. Motion carried.'",
      "5. Minutes\nMotion: that the minutes be approved. Proposed Cllr Hale, seconded Cllr "
      "Udall. Motion carried.\n",
      res=["that the minutes be approved"]),
    V(MOTION, "'A moved that ...; B seconded. The motion was carried unanimously.'",
      "5. Minutes\nCllr Hale moved that the minutes be approved; Cllr Udall seconded. The "
      "motion was carried unanimously.\n",
      res=["that the minutes be approved"]),
    V(MOTION, "'Resolution 23/45: That ...' (the resolution's own number)",
      "5. Hall\nThe state of the hall was discussed.\nResolution 24/118: That the hall be "
      "repainted.\n6. Next meeting\n",
      res=["That the hall be repainted."]),
    V(TRAP, "'Resolution 24/45 that ... was rescinded' reports an earlier decision",
      "5. Hall\nResolution 24/45 that the hall be sold was rescinded at the last meeting and "
      "the matter is closed.\n"),
    V(MOTION, "'RESOLVED (7 for, 1 against): to ...' and 'RESOLVED (unanimous): to ...'",
      "5. Hall\nRESOLVED (7 for, 1 against): to repaint the hall.\n6. Gate\nRESOLVED "
      "(unanimous): to mend the gate.\n",
      res=["to repaint the hall.", "to mend the gate."]),
    # ---- the outcome first, the proposer and seconder after it ----------------------------------
    V(MOTION, "'X was unanimously elected Chair (Proposer: A, seconder: B).'",
      "2.   Election of Chair.\n\nCllr. Moss was unanimously elected Chair of the Parish "
      "Council (Proposer: Cllr. Hale, seconder: Cllr. Udall).\n",
      res=["Cllr. Moss was unanimously elected Chair of the Parish Council (Proposer: Cllr. "
           "Hale, seconder: Cllr. Udall)."]),
    V(MOTION, "'The minutes ... were agreed ..., being proposed by A and seconded by B.'",
      "3. Minutes of the meeting of 4th June - The minutes of this meeting were agreed as a "
      "true record and were adopted, being proposed by Ann Ross and seconded by Tom Kerr.\n",
      res=["The minutes of this meeting were agreed as a true record and were adopted, being "
           "proposed by Ann Ross and seconded by Tom Kerr."]),
    V(MOTION, "'... proposed by A, seconded by B and all those present were in favour.'",
      "21/14 Minutes of the meeting of 3rd May\nThe minutes were then proposed by Cllr Webb, "
      "seconded by Cllr Lowe and all those present were in favour.\n",
      res=["The minutes were then proposed by Cllr Webb, seconded by Cllr Lowe and all those "
           "present were in favour."]),
    V(MOTION, "'... proposed by A, seconded by B and all members at the meeting were in favour.'",
      "9. Grit bins\nIt was proposed by Cllr Webb that two grit bins be bought, seconded by Cllr "
      "Lowe and all members at the meeting were in favour.\n",
      res=["that two grit bins be bought"]),
    V(TRAP, "'... proposed by A, seconded by B' and a vote against: lost",
      "10. Benches\nThe bench quote was proposed by Cllr Webb, seconded by Cllr Lowe, and the "
      "motion was lost.\n"),
    # ---- the motion's clause, where it is not right after "proposed" ----------------------------
    V(MOTION, "'A proposed, seconded by Cllr. B, that ...' (a dot in 'Cllr.')",
      "4.   Election of Vice Chair.\n\nCllr. Hale proposed, seconded by Cllr. Udall, that Cllr. "
      "Moss be elected Vice Chair for the year. Cllr. Moss was duly elected unanimously.\n",
      res=["that Cllr. Moss be elected Vice Chair for the year"]),
    V(MOTION, "'It was proposed by Cllr. A that ..., seconded by Cllr B. All in favour.'",
      "12.24 Co-option\nIt was proposed by Cllr. Dale that we co-opt Mrs. Hart, seconded by "
      "Cllr Frost. All in favour. The Clerk will send her the forms.\n",
      res=["that we co-opt Mrs. Hart"]),
    # ---- a decision word ending the line or the point ------------------------------------------
    V(MOTION, "'<name> was elected as Chair Resolved' (the word last, no full stop)",
      "1, To elect a Chair\n\nCllr B Nolan was elected as Chair Resolved\n\n"
      "2, To elect a Vice Chair\n\nMr K Shah was elected as Vice Chair Resolved\n",
      res=["Cllr B Nolan was elected as Chair Resolved", "Mr K Shah was elected as Vice Chair "
                                                          "Resolved"]),
    V(MOTION, "'... for the cost. Agreed. ACTION AB.' (the word between two sentences)",
      "Footpath\nAB asked CD if he could price the new stile. Agreed. ACTION CD.\n",
      res=["Agreed."],  # and the owner-only label acts on the sentence that holds the task
      act=[("CD", "AB asked CD if he could price the new stile.")]),
    V(TRAP, "'the matter was resolved' at the end of a line is a report, not a decision",
      "3. Street light\nThe fault on Mill Lane was reported to the county and has been "
      "resolved\n\n4. Litter\nThe bins were emptied late and this has now been agreed\n"),
    V(TRAP, "'... and the Forum agreed.' in lower case is the sentence's own verb",
      "2. Notes of the last meeting\nThe notes of the last meeting were read and the Forum "
      "agreed.\n"),
    # ---- prose decisions -----------------------------------------------------------------------
    V(PROSE, "'It was agreed not to ...'",
      "8, To discuss the appeal decision\n\nThe letter was read. It was agreed not to write to "
      "the MP about it. The Clerk will file the letter.\n",
      res=["not to write to the MP about it."]),
    V(PROSE, "'The Council resolved not to ...'",
      "9. Fireworks\nThe Council resolved not to hold a display this year.\n",
      res=["not to hold a display this year."]),
    V(PROSE, "'... it was RESOLVED unanimously to OBJECT' (a short upper-case outcome)",
      "4. Planning\n24/0101 Land at Hill Farm\nThe views of each member were heard and it was "
      "RESOLVED unanimously to OBJECT\nCllr Dale offered to draft the letter.\n\n5. Finance\n",
      res=["to OBJECT"]),
    V(PROSE, "'It was agreed by those present that ...'",
      "5. Hall\nThe state of the hall was discussed. It was agreed by those present that the "
      "hall be repainted.\n",
      res=["that the hall be repainted."]),
    V(PROSE, "'The Board, having considered the report, agreed to ...'",
      "5. Hall\nThe state of the hall was discussed. The Board, having considered the report, "
      "agreed to repaint the hall.\n",
      res=["to repaint the hall."]),
    V(PROSE, "'The Committee, by 5 votes to 2, agreed that ...'",
      "5. Hall\nThe Committee, by 5 votes to 2, agreed that the hall be repainted.\n",
      res=["that the hall be repainted."]),
    V(PROSE, "'The Council agreed unanimously, on the recommendation of the Clerk, to ...'",
      "5. Hall\nThe Council agreed unanimously, on the recommendation of the Clerk, to repaint "
      "the hall.\n",
      res=["to repaint the hall."]),
    V(TRAP, "'The Board, having heard Cllr Hale, noted that officers had agreed to ...'",
      "5. Hall\nThe Board, having heard Cllr Hale, noted that officers had agreed to repaint "
      "the hall.\n"),
    V(PROSE, "'It was RESOLVED by a vote of 5 in favour and 2 abstentions to ...'",
      "6. Planning\nIt was RESOLVED by a vote of 5 in favour and 2 abstentions to support the "
      "application for a garage.\n",
      res=["to support the application for a garage."]),
    V(PROSE, "'It was agreed by a vote of 4 for, 2 against to ...'",
      "6. Planning\nIt was agreed by a vote of 4 for, 2 against to object to the application "
      "for a barn.\n",
      res=["to object to the application for a barn."]),
    V(PROSE, "'Following the talk, the Council ... and unanimously resolved to ...'",
      "150. PLAQUE\n\nFollowing Mrs Lee's talk, the Council took a few moments to consider the "
      "request and unanimously resolved to allow the plaque on the hall.\n",
      res=["to allow the plaque on the hall."]),
    V(PROSE, "a page break inside the sentence: '... Mrs Lee's' / '12' / 'talk, the Council'",
      "150. PLAQUE\n\nMrs Lee spoke in support of the request. Following Mrs Lee's\n\n12\n\n"
      "talk, the Council considered the request and resolved to allow the plaque on the hall.\n",
      res=["to allow the plaque on the hall."]),
    V(PROSE, "'In making ..., the Committee agreed, in terms of section 12 ...:-' over a list",
      "Statement on duties\n\nIn making decisions on the items below, the Committee agreed, in "
      "terms of section 12 of the Housing Act 1996:-\n\n(1)   To keep a register of the "
      "requests received;\n\n(2)   to publish the register each quarter.\n",
      res=["To keep a register of the requests received;", "to publish the register each "
                                                           "quarter."]),
    V(PROSE, "the same lead-in over '(1) ...:-' with '(a)' '(b)' under it, then '(2)'",
      "In making decisions on the items below, the Committee agreed, in terms of section 12 of "
      "the Housing Act 1996:-\n\n(1)   To have regard to the need to:-\n\n(a)  keep a register "
      "of the requests received;\n\n(b)  publish the register each quarter; and\n\n(2)   where "
      "a review has been made, to take it into account.\n",
      res=["keep a register of the requests received;", "publish the register each quarter;",
           "where a review has been made, to take it into account."]),
    V(PROSE, "'Having heard the officer, the Board resolved, by a majority:' over a list",
      "7. Budget\nHaving heard the officer, the Board resolved, by a majority:\n(a) to approve "
      "the budget;\n(b) to set the charges for 2025.\n",
      res=["to approve the budget;", "to set the charges for 2025."]),
    V(TRAP, "'... the Chair said, in terms of the rules:-' is no decision",
      "7. Budget\nBefore the vote, the Chair said, in terms of the standing orders:-\n(a) each "
      "member may speak once;\n(b) the vote is by a show of hands.\n"),
    V(TRAP, "'Following the talk, Cllr Lee ... and agreed to ...' (a member, not the body)",
      "150. PLAQUE\n\nFollowing the talk, Cllr Lee thanked the speaker and agreed to write to "
      "her.\n"),
]
# fmt: on


@pytest.mark.parametrize("v", UNSEEN, ids=[f"{v.kind}: {v.name}" for v in UNSEEN])
def test_each_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], notes


def test_a_decision_word_ending_a_line_is_shown_why():
    e = parse_minutes("1. To elect a Chair\n\nCllr B Nolan was elected as Chair Resolved\n")
    assert [r.why for r in e.resolutions] == [
        "a decision word ending the line, with nothing after it (score 0.60)"
    ]


def test_each_part_of_an_item_in_the_summons_words_has_its_own_decision():
    e = parse_minutes(
        "2024-110 Allotments working group\n"
        "i) To consider quotations for the gate and resolve which quotation to accept.\n"
        "RESOLVED to accept quote A as recommended by the working group.\n"
        "ii) To consider quotations for the fence and resolve which quotation to accept.\n"
        "RESOLVED to accept supplier B as recommended by the working group\n"
        "iii) To consider the budget for the project and resolve accordingly.\n"
        "The budget was noted.\n"
    )
    assert [(r.text, r.item) for r in e.resolutions] == [
        ("to accept quote A as recommended by the working group.", "2024-110"),
        ("to accept supplier B as recommended by the working group", "2024-110"),
    ]


def test_to_consider_under_a_lead_in_is_an_item_of_the_decision():
    # the guard: under "RESOLVED that the Committee:" the marked "To consider ..." is decided
    e = parse_minutes(
        "5. Parking\nRESOLVED that the Committee:\n(i) notes the survey results;\n"
        "(ii) To consider the results again in March.\n6. Date of next meeting\n"
    )
    assert [r.text for r in e.resolutions] == [
        "notes the survey results;",
        "To consider the results again in March.",
    ]


@pytest.mark.parametrize(
    "second",
    [
        "\nB) Resolved that the minutes of the May meeting be confirmed.",
        " 11. B) Resolved that the minutes of the May meeting be confirmed.",
        "\n(b) RESOLVED that the minutes of the May meeting be confirmed.",
        "\nb) It was resolved that the minutes of the May meeting be confirmed.",
    ],
    ids=["on its own line", "glued after a page number", "'(b) RESOLVED'", "'b) It was resolved'"],
)
def test_a_lettered_part_of_an_item_led_by_its_decision_word(second):
    e = parse_minutes(
        "29. MINUTES\nA) Minutes of April – the Chair moved that the minute stand as written.\n"
        "Resolved that the minutes of April be confirmed as an accurate record." + second + "\n"
        "30. PARK\nThe park was discussed.\n"
    )
    # a page's number glued between the two stays at the end of the first (page furniture)
    page = " 11." if " 11. " in second else ""
    assert [(r.text, r.item) for r in e.resolutions] == [
        ("that the minutes of April be confirmed as an accurate record." + page, "29"),
        ("that the minutes of the May meeting be confirmed.", "29"),
    ]


def test_a_lettered_line_that_only_mentions_the_word_is_not_a_decision():
    # the guard: "c) Resolved issues ..." and "d) Agreed actions ..." are headings of notes
    e = parse_minutes(
        "12. Matters arising\nc) Resolved issues: the bench and the gate.\nd) Agreed actions from "
        "the last meeting were reviewed.\n"
    )
    assert [r.text for r in e.resolutions] == []


def test_a_lettered_prose_decision_over_a_table_of_payments_stays_one_decision():
    # the guard: "b) It was resolved that the payments listed below be authorised:" leads data
    e = parse_minutes(
        "7. Accounts\na) Councillors received the statements of account.\nb) It was resolved that "
        "the payments listed below be authorised:\nInvoice Date Description £ Authority\n"
        "Green Ltd (grass 276.00 Highways Act 1980, s96\n03/07/2023 cutting)\n8. Planning\n"
    )
    assert [r.text for r in e.resolutions] == ["that the payments listed below be authorised:"]
