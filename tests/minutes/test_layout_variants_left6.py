"""Kinds this session's branches noticed and left open (branch minutesleft6). None of these texts
is taken from a corpus page; each kind is written in several wordings and layouts, with guards for
the traps beside it:

- an owner-only label ("Action RG/GP", "Action: Clerk") under a paragraph whose decision is
  followed by a sentence saying what someone will do takes that sentence, not the decision;
- "Outcome: Approved" (a status field) between a decision and its "Lead:" line leaves the lead
  to the decision;
- "Minutes: That the Minutes of the meeting held on ... were approved as a correct record" (the
  clause in the past tense after the title's colon) is the item's decision; without "That" it
  stays rule 6's reported outcome;
- a nomination ("Cllr Ann Smith was proposed as Chair ...", "Cllr Hale nominated Cllr Smith as
  Chairman ...") and the RESOLVED after it naming the person differently ("the Mayor",
  "Councillor Ann Smith") fill the same office: one decision, under the keyword;
- a decision whose line has no full stop ("RESOLVED – Members ... would be attending ... Mr T
  Law") ends where the next line opens a sentence reporting what someone said ("The Chairman
  advised that ..."); a line ending on a connecting word still runs on;
- a numbered point under an item of a record, a whole sentence naming who acts ("2. Clerk to
  circulate the draft policy to members.", "1. Cllr Shaw to inspect the bridge."), is an action;
  an agenda's "6. Cllr Shaw to report on the footpath", and a running order's "1. Jo Smith to
  give a presentation ..." (what is done at the meeting itself), are not;
- "19/7 Minutes" (a minute numbered within its year, one figure after the slash) is an item
  heading, not a day and month.
"""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import OWNER_LABEL, TRAP, V, score

STATUS = "status field before a lead"
PAST = "minutes clause in the past tense"
NOMINATION = "nomination and its RESOLVED"
RUN_ON = "decision running into a report"
POINT = "numbered point naming who acts"

# fmt: off
LEFT6 = [
    # ---- an owner-only label after a decision and a sentence of what will be done -----------
    V(OWNER_LABEL, "motion, then 'would be signed ... by the Clerk', then 'Action RG/GP'",
      "09/20 Accounts\nS. Farrow proposed acceptance of the accounts, seconded by C. Cuckson and "
      "unanimously agreed. The certificate would be signed by the Chairman and posted by the "
      "Clerk.\n\nAction RG/GP\n\n10/20 Close\n",
      res=["S. Farrow proposed acceptance of the accounts, seconded by C. Cuckson and "
           "unanimously agreed."],
      act=[("RG/GP", "The certificate would be signed by the Chairman and posted by the "
            "Clerk.")]),
    V(OWNER_LABEL, "'It was agreed to ...' then 'The Clerk would order ...', label after a blank",
      "5. Hedges\nIt was agreed to buy a new bench. The Clerk would order it from the "
      "supplier.\n\nAction: Clerk\n",
      res=["to buy a new bench."],
      act=[("Clerk", "The Clerk would order it from the supplier.")]),
    V(OWNER_LABEL, "a motion with '; all agreed', then 'The Clerk will ...', label on the next line",
      "5. Hedges\nCllr Smith proposed that a new bench be bought, seconded by Cllr Jones; all "
      "agreed. The Clerk will order it from the supplier.\nAction: Clerk\n",
      res=["that a new bench be bought"],
      act=[("Clerk", "The Clerk will order it from the supplier.")]),
    V(OWNER_LABEL, "'It was agreed ...', then 'Quotes are to be sought ...', label 'Action JS'",
      "5. Hedges\nIt was agreed to replace the bench. Quotes are to be sought from "
      "three suppliers.\n\nAction JS\n",
      res=["to replace the bench."],
      act=[("JS", "Quotes are to be sought from three suppliers.")]),
    V(OWNER_LABEL, "'The Council resolved to ...' (a keyword) then 'The Clerk would ...', 'Action JS'",
      "5. Hedges\nThe Council resolved to replace the bench. The Clerk would seek quotes from "
      "three suppliers.\n\nAction JS\n",
      res=["to replace the bench."],
      act=[("JS", "The Clerk would seek quotes from three suppliers.")]),
    V(TRAP, "'The Council resolved to ...' then a remark: the label keeps the decision",
      "5. Hedges\nThe Council resolved to replace the bench. Members thanked the volunteers.\n"
      "Action: Clerk\n",
      res=["to replace the bench."],
      act=[("Clerk", "to replace the bench.")]),
    V(TRAP, "a decision, then a remark with no task: the label keeps the decision",
      "5. Hedges\nIt was agreed to buy a new bench. Members thanked the volunteers.\n\n"
      "Action: Clerk\n",
      res=["to buy a new bench."],
      act=[("Clerk", "It was agreed to buy a new bench.")]),
    V(TRAP, "'... will ...' then 'All agreed.': the label takes the sentence with the task",
      "5. Hedges\nJL will provide copies of the minutes to the library. All agreed.\n"
      "Action JL\n",
      act=[("JL", "JL will provide copies of the minutes to the library.")]),
    # ---- a status field between the decision and its lead --------------------------------------
    V(STATUS, "'RESOLVED that ...' / 'Outcome: Approved' / 'Lead: Clerk'",
      "5. Playground\nRESOLVED that the new swings be bought.\nOutcome: Approved\nLead: Clerk\n",
      res=["that the new swings be bought."],
      act=[("Clerk", "that the new swings be bought.")]),
    V(STATUS, "'Decision: To ...' / 'Outcome: Agreed' / 'Lead: Parks Officer'",
      "5. Playground\nDecision: To buy new swings.\nOutcome: Agreed\nLead: Parks Officer\n",
      res=["To buy new swings."],
      act=[("Parks Officer", "To buy new swings.")]),
    V(STATUS, "'RESOLVED that ...' / 'Status: Carried unanimously' / 'Responsible: ...'",
      "5. Workforce\nRESOLVED that the training plan be adopted.\nStatus: Carried "
      "unanimously\nResponsible: Head of Early Help\n",
      res=["that the training plan be adopted."],
      act=[("Head of Early Help", "that the training plan be adopted.")]),
    V(TRAP, "an agenda item's presenter under its title: no lead on a decision",
      "AGENDA\n5. Playground\nOutcome: Approved\nLead: Clerk\n"),
    # ---- a nomination and its RESOLVED naming the person differently -------------------------
    V(NOMINATION, "'was proposed as Chair ...' then 'RESOLVED that the Mayor be elected Chair'",
      "5. Election of Chair\nCllr Ann Smith was proposed as Chair by Cllr Hale, seconded by "
      "Cllr Dean and unanimously agreed.\nRESOLVED that the Mayor be elected Chair for the "
      "year.\n",
      res=["that the Mayor be elected Chair for the year."]),
    V(NOMINATION, "'nominated Cllr Smith as Chairman' then 'That Councillor Ann Smith be ...'",
      "5. Election of Chairman\nCllr Hale nominated Cllr Smith as Chairman, seconded by Cllr "
      "Dean; carried.\nRESOLVED: That Councillor Ann Smith be elected Chairman of the "
      "Council.\n",
      res=["That Councillor Ann Smith be elected Chairman of the Council."]),
    V(NOMINATION, "'was nominated to be Vice-Chairman' then 'RESOLVED that Cllr Dean be ...'",
      "6. Vice-Chairman\nCllr P Dean was nominated to be Vice-Chairman by Cllr Hale, seconded "
      "by Cllr Smith and agreed.\nRESOLVED that Councillor Dean be elected Vice Chairman.\n",
      res=["that Councillor Dean be elected Vice Chairman."]),
    V(TRAP, "a nomination then a RESOLVED on another matter: two decisions",
      "5. Chair\nCllr Ann Smith was proposed as Chair by Cllr Hale, seconded by Cllr Dean and "
      "unanimously agreed.\nRESOLVED that the hall hire fee be raised.\n",
      res=["Cllr Ann Smith was proposed as Chair by Cllr Hale, seconded by Cllr Dean and "
           "unanimously agreed.", "that the hall hire fee be raised."]),
    # ---- a numbered point under an item naming who acts ----------------------------------------
    V(POINT, "'1. Clerk to circulate ...' / '2. Cllr Shaw to inspect ...' under an item",
      "Minutes\n5. Hedges\n1. Clerk to circulate the draft policy to members.\n2. Cllr Shaw to "
      "inspect the stile on the footpath.\n",
      act=[("Clerk", "circulate the draft policy to members."),
           ("Cllr Shaw", "inspect the stile on the footpath.")]),
    V(POINT, "'1. The Clerk to ...' / '2. RFO to pay ...' under an 'Actions' item",
      "5. Actions\n1. The Clerk to circulate the draft policy.\n2. RFO to pay the invoice.\n",
      act=[("Clerk", "circulate the draft policy."), ("RFO", "pay the invoice.")]),
    V(POINT, "points after a sentence of discussion on a page with 'Present:'",
      "Minutes of the meeting of the Parish Council\nPresent: Cllrs Shaw, Hale.\n5. Footpaths\n"
      "The footpath report was discussed.\n1. The Clerk to write to the county about the "
      "stile.\n2. Cllr Shaw to inspect the bridge.\n6. Close\n",
      act=[("Clerk", "write to the county about the stile."),
           ("Cllr Shaw", "inspect the bridge.")]),
    V(TRAP, "an agenda's '6. Cllr Shaw to report on the footpath'",
      "AGENDA\n5. Apologies\n6. Cllr Shaw to report on the footpath\n7. Close\n"),
    V(TRAP, "an agenda's points with full stops ('Agenda' in the title)",
      "Agenda\n5. Footpaths\n1. Cllr Shaw to report on the stile.\n2. Clerk to report on the "
      "bridge.\n"),
    V(TRAP, "'1. Cllr Shaw to present the highways report.' (at the meeting itself)",
      "Minutes\nPresent: Cllr Hale.\n5. Highways\n1. Cllr Shaw to present the highways "
      "report.\n2. Jo Smith to give a presentation on the plan.\n"),
    # ---- a decision with no full stop, then a reported sentence -------------------------------
    V(RUN_ON, "'RESOLVED – Members ... Mr T Law' / 'The Chairman advised that ...'",
      "5. Hearing\nRESOLVED – Members of the sub-committee would attend the hearing with Mr T "
      "Law\nThe Chairman advised that the Clerk should attend at all times.\n6. Close\n",
      res=["Members of the sub-committee would attend the hearing with Mr T Law"]),
    V(RUN_ON, "'RESOLVED that ... Mill Lane' / 'The Chairman reported that ...'",
      "5. Roads\nRESOLVED that the Clerk write to the county about the hedge on Mill Lane\n"
      "The Chairman reported that the footpath sign was missing.\n6. Close\n",
      res=["that the Clerk write to the county about the hedge on Mill Lane"],
      act=[]),
    V(RUN_ON, "'Agreed: ...' / 'Cllr Hale also asked ...' (a member named, 'also')",
      "5. Roads\nAgreed: to buy two new grit bins for the village\nCllr Hale also asked about "
      "the state of the verges.\n",
      res=["to buy two new grit bins for the village"]),
    V(TRAP, "a line ending on 'the' runs on into 'Chief Executive ...'",
      "5. Report\nRESOLVED that the report of the\nChief Executive be noted\n6. Close\n",
      res=["that the report of the Chief Executive be noted"]),
    # ---- the minutes clause in the past tense ---------------------------------------------------
    V(PAST, "'5. Minutes: That the Minutes ... were approved as a true record.'",
      "5. Minutes: That the Minutes of the meeting held on 3 May 2023 were approved as a true "
      "record.\n6. Finance\n",
      res=["That the Minutes of the meeting held on 3 May 2023 were approved as a true record."]),
    V(PAST, "'Minutes: That the minutes ... were agreed as a correct record' with no number",
      "Minutes: That the minutes of the meeting held on 3 May were agreed as a correct "
      "record.\n",
      res=["That the minutes of the meeting held on 3 May were agreed as a correct record."]),
    V(PAST, "the clause on its own line under the title",
      "5. Minutes\nThat the minutes of the meeting held on 3 May were approved and signed by "
      "the Chairman.\n6. Finance\n",
      res=["That the minutes of the meeting held on 3 May were approved and signed by the "
           "Chairman."]),
    V(TRAP, "'The minutes ... were approved ...' with no 'That': rule 6",
      "5. Minutes\nThe minutes of the meeting held on 3 May were approved as a correct record.\n"),
    V(TRAP, "a member's remark that the minutes were approved too hastily",
      "5. Minutes\nCllr Hale said that the minutes were approved too hastily last time.\n"),
]
# fmt: on


@pytest.mark.parametrize("v", LEFT6, ids=[f"{v.kind}: {v.name}" for v in LEFT6])
def test_left6_variant(v):
    problems, notes = score(v)
    assert not problems, "\n".join(problems + notes)


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "19/7 Minutes\nRESOLVED that the minutes be approved.\n19/8 Finance\n"
            "RESOLVED that the accounts be approved.\n",
            ["19/7", "19/8"],
        ),
        (
            "19/7. Minutes of the last meeting\nRESOLVED that the minutes be approved.\n"
            "19/8: Planning\nRESOLVED that no objection be raised.\n",
            ["19/7", "19/8"],
        ),
        ("24/3 Finance\nRESOLVED that the accounts be approved.\n", ["24/3"]),
        # a sentence after the number is no heading
        (
            "5. Dates\n19/7 The fete will be held on the green\nRESOLVED that the fete be held.\n",
            ["5"],
        ),
        ("5. Dates\n19/7 July fete\nRESOLVED that the fete be held.\n", ["5"]),
    ],
)
def test_a_minute_with_one_figure_after_the_slash_is_an_item(text, items):
    assert [r.item for r in parse_minutes(text).resolutions] == items


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        (
            "5. Hearing\nRESOLVED – Members of the sub-committee would attend the hearing with "
            "Mr T Law\nThe Chairman advised that the Clerk should attend.\n6. Close\n",
            "with Mr T Law",
        ),
        (
            "5. Roads\nRESOLVED that the Clerk write to the county about the hedge\nThe "
            "Chairman reported that the sign was missing.\n",
            "about the hedge",
        ),
        (
            "5. Roads\nAgreed: to buy two grit bins for the village\nCllr Hale also asked "
            "about the verges.\n",
            "for the village",
        ),
        # a line ending on a connecting word runs on; so does a line wrapped mid-clause
        (
            "5. Report\nRESOLVED that the report of the\nChief Executive be noted\n",
            "Chief Executive be noted",
        ),
        (
            "5. Roads\nRESOLVED that the Clerk write to the county and\nThe Chairman be thanked.\n",
            "The Chairman be thanked.",
        ),
    ],
)
def test_a_decision_ends_where_a_reported_sentence_begins(text, ends):
    (r,) = parse_minutes(text).resolutions
    assert r.text.endswith(ends)
