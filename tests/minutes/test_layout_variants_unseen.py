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
      res=["Agreed."]),
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
