"""Kinds batch 24's development pages (parish, town and community councils; branch minutesparish3)
showed the reader missing. None of these texts is taken from a page; each kind is written in
several wordings, with guards:

- "Action by <owner>" ending a sentence or glued to the words before it ("... down to the meadow
  Action by Footpath Officer", "... . Action by Cllr Hale."): an owner-only label, its task the
  sentence before it (the README's batch 12 and 17 readings of "<owner> Action");
- a motion whose "that" clause is followed by its outcome after a dash ("Cllr A proposed; Cllr B
  seconded that these be paid – all agreed"): the outcome is not part of the clause, so the motion
  is carried, not "a proposal with no outcome written";
- "All were in agreement that ... – Proposed by A, Seconded by B.": the meeting's agreement with its
  mover and seconder, a motion carried (rule 4, its "that" clause);
- a numbered item's title and its outcome after a colon on one line ("5. Precept: Agreed this be
  deferred ...", "16/226 Draft minutes of the meeting held on 6 July:Agreed.").
"""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import DIRECTIVE, MOTION, OWNER_LABEL, TRAP, V, score

# fmt: off
VARIANTS = [
    # ---- "Action by <owner>" -----------------------------------------------------------------
    V(OWNER_LABEL, "'Action by Footpath Officer' glued to a sentence with no full stop",
      "3. Public Session\nA resident raised the state of the footpath that runs down to Ham Meadow "
      "Action by Footpath Officer\n4. Close\n",
      act=[("Footpath Officer", "A resident raised the state of the footpath that runs down to Ham "
                                "Meadow")]),
    V(OWNER_LABEL, "'Action by Cllr Hale.' after the sentence that names him",
      "5. Website\nThe contact details were missing. Cllr Hale said he would ensure that they were "
      "added. Action by Cllr Hale.\n6. Close\n",
      act=[("Cllr Hale", "Cllr Hale said he would ensure that they were added.")]),
    V(OWNER_LABEL, "'ACTION BY CLERK' in capitals after a sentence",
      "7. Bus shelter\nThe roof of the bus shelter is leaking and needs repair. ACTION BY CLERK\n"
      "8. Close\n",
      act=[("CLERK", "The roof of the bus shelter is leaking and needs repair.")]),
    V(OWNER_LABEL, "'Action by: the Clerk' after a sentence in the same paragraph",
      "6. Trees\nThe oak on the green has a dead limb over the road. Action by: the Clerk\n"
      "7. Close\n",
      act=[("the Clerk", "The oak on the green has a dead limb over the road.")]),
    V(OWNER_LABEL, "'Action by JS/RT' with initials",
      "4. Verges\nThe verges on Mill Lane are to be cut before the show. Action by JS/RT\n5. Close\n",
      act=[("JS/RT", "The verges on Mill Lane are to be cut before the show.")]),
    V(TRAP, "'Action by the County Council was still awaited.': a report, no label",
      "6. Drains\nThe drain had been reported in March. Action by the County Council was still "
      "awaited.\n7. Close\n"),
    V(TRAP, "'No action by the Parish Council is needed.': no label",
      "6. Hedge\nThe hedge belongs to the school. No action by the Parish Council is needed.\n"
      "7. Close\n"),
    # ---- a motion's clause, then its outcome after a dash --------------------------------------
    V(MOTION, "'A proposed; B seconded that these be paid – all agreed'",
      "4. Finance: a) Green Grass – cemetery cut £ 93.36\nb) Zoom subscription £ 60.00\n"
      "Cllr Mrs A Hanson proposed; Cllr Mrs T Firth seconded that these be paid – all agreed\n"
      "Bank balance at 21st September £7,948.77\n5. Precept\n",
      res=["that these be paid"]),
    V(MOTION, "'A proposed, seconded by B, that ... - carried unanimously'",
      "6. Grass cutting\nCllr Jones proposed, seconded by Cllr Hale, that the quote from Greens be "
      "accepted - carried unanimously\nThe Clerk reported on the verges.\n7. Close\n",
      res=["that the quote from Greens be accepted"]),
    V(MOTION, "'Proposed by A and seconded by B that ... – agreed by all.'",
      "8. Hall hire\nProposed by Cllr Dale and seconded by Cllr Frost that the hire charge be raised "
      "to £12 an hour – agreed by all.\nThe Clerk will tell the bookings secretary.\n9. Close\n",
      res=["that the hire charge be raised to £12 an hour"]),
    V(TRAP, "'... seconded that the fence be replaced – 2 for, 4 against': lost",
      "6. Fence\nCllr Jones proposed; Cllr Hale seconded that the fence be replaced – 2 for, 4 "
      "against\nThe Clerk reported on the verges.\n7. Close\n"),
    V(TRAP, "'... seconded that ... – the Chairman will get quotes': no outcome after the dash",
      "6. Roof\nCllr Jones proposed; Cllr Hale seconded that the roof be repaired – the Chairman "
      "will get quotes first\nThe Clerk reported on the verges.\n7. Close\n"),
    # ---- "All were in agreement that ... – Proposed by A, Seconded by B." ----------------------
    V(MOTION, "'All were in agreement that ... – Proposed by A, Seconded by B.'",
      "239/04/08 Approval of the Minutes\nCopies of the minutes had been circulated. All were in "
      "agreement that they be signed as a correct record – Proposed by M Warburton, Seconded by K "
      "Alexander.\n240/04/08 Public Participation\n",
      res=["that they be signed as a correct record"]),
    V(MOTION, "'All present were in agreement that ... . Proposed A, seconded B.'",
      "5. Defibrillator\nAll present were in agreement that the defibrillator be moved to the hall. "
      "Proposed Cllr Lowe, seconded Cllr Wood.\n6. Close\n",
      res=["that the defibrillator be moved to the hall."]),
    V(TRAP, "'All were in agreement that the road was dangerous.' with no mover",
      "5. Speeding\nResidents spoke about speeding. All were in agreement that the road was "
      "dangerous.\n6. Close\n"),
    V(TRAP, "'All were in agreement that ... would ... – Proposed by A': an undertaking",
      "5. Hedges\nAll were in agreement that the Clerk would write to the landowner – Proposed by "
      "Cllr Lowe, Seconded by Cllr Wood.\n6. Close\n"),
]
# fmt: on


@pytest.mark.parametrize("v", VARIANTS, ids=[f"{v.kind}: {v.name}" for v in VARIANTS])
def test_each_batch24_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], (problems, notes)


@pytest.mark.parametrize(
    ("page", "text", "item"),
    [
        # the keyword after the title's colon, then the decision
        (
            "4. Finance\nPayments were approved.\n5. Precept to include election costs: Agreed "
            "this be deferred until next meeting as the budget has not been approved.\n6. Close\n",
            "this be deferred until next meeting as the budget has not been approved.",
            "5",
        ),
        (
            "6. Bus shelter: Resolved that the shelter be repainted in green.\n7. Close\n",
            "that the shelter be repainted in green.",
            "6",
        ),
        # the minutes item's title with "Agreed" glued after its colon: the whole line (batch 7)
        (
            "16/225 Apologies: None.\n16/226 Draft Minutes of the meeting held on 6th July 2016:"
            "Agreed.\n16/227 Matters Arising: None.\n",
            "Draft Minutes of the meeting held on 6th July 2016:Agreed.",
            "16/226",
        ),
        (
            "3. Apologies: None.\n4. Minutes of the meeting held on 6th July - Agreed\n5. Matters "
            "Arising: None.\n",
            "Minutes of the meeting held on 6th July - Agreed",
            "4",
        ),
    ],
)
def test_an_items_title_and_its_outcome_after_a_colon_on_one_line(page, text, item):
    e = parse_minutes(page)
    assert [(r.item, r.text) for r in e.resolutions] == [(item, text)], e.resolutions


def test_an_agenda_items_title_with_a_colon_is_no_decision():
    # the guard: "5. To agree the precept: see paper B" is agenda text, no keyword after the colon
    e = parse_minutes("5. To agree the precept: see paper B.\n6. Agreement of dates: to follow.\n")
    assert list(e.resolutions) == []


@pytest.mark.parametrize(
    ("page", "item"),
    [
        # a minute's number glued to its title ("16/226Draft Minutes ...")
        (
            "16/225Declarations of Interest: None.\n16/226Budget: It was agreed that the precept "
            "be set at £9,000.\n16/227Matters Arising: None.\n",
            "16/226",
        ),
        (
            "Minutes\n21/04Apologies: None.\n21/05Grass cutting\nIt was resolved to accept the "
            "quote from Greens.\n21/06Close\n",
            "21/05",
        ),
        # a committee's letter and a full stop before the number ("F.196 CONFIRMATION OF ...")
        (
            "F.195 APOLOGIES FOR ABSENCE: None Received.\nF.196 BUDGET:\nIt was resolved that the "
            "budget be recommended to Council.\nF.197 CLOSE\n",
            "F.196",
        ),
        (
            "P.12 APOLOGIES: None.\nP.13 PLANNING APPLICATIONS\nIt was agreed to make no objection "
            "to 23/0456/FUL.\nP.14 CLOSE\n",
            "P.13",
        ),
    ],
)
def test_minute_numbers_glued_to_the_title_or_after_a_committees_letter(page, item):
    e = parse_minutes(page)
    assert [r.item for r in e.resolutions] == [item], e.resolutions


def test_a_glued_item_number_is_no_part_of_the_minutes_items_outcome():
    e = parse_minutes(
        "16/225Apologies: None.\n16/226Draft Minutes of the meeting held on the 6th July 2016:"
        "Agreed.\n16/227Matters Arising: None.\n"
    )
    assert [(r.item, r.text) for r in e.resolutions] == [
        ("16/226", "Draft Minutes of the meeting held on the 6th July 2016:Agreed.")
    ]


def test_a_date_or_reference_opening_a_sentence_is_no_item_number():
    # the guards: "12/05 was ..." and "A.1 road ..." are no minute numbers
    e = parse_minutes(
        "4. Highways\nThe A.1 road works were discussed. It was agreed to write to the county.\n"
    )
    assert [r.item for r in e.resolutions] == ["4"]


# Kinds the brief named for parish minutes and earlier branches left open (minutesleft2,
# minutesparish2), written here in other wordings than the pages they were seen on:
# owners in brackets ending a row, a minutes item's outcome after its amendment, "was decided"
# with its "it" lost after the discussion, and paragraphs numbered "N)".
BRACKETS = "owner in brackets ending the row"
# fmt: off
LEFT_OPEN = [
    V(BRACKETS, "'(DK)', '(Clerk)', '(RS/DK)' ending bullets that say what is to be done",
      "5. Reports\n- The hedge on Mill Lane needs cutting back (DK)\n- New dog bin to be ordered "
      "for the green (Clerk)\n- Grit bin to be refilled (RS/DK)\n- The fete went well.\n6. Close\n",
      act=[("DK", "The hedge on Mill Lane needs cutting back"),
           ("Clerk", "New dog bin to be ordered for the green"),
           ("RS/DK", "Grit bin to be refilled")]),
    V(BRACKETS, "'(JH)' ending a sentence of a paragraph, the next sentence after it",
      "7. Play area\nThe swing seat is worn and is to be replaced before Easter (JH). The slide "
      "was inspected.\n8. Close\n",
      act=[("JH", "The swing seat is worn and is to be replaced before Easter")]),
    V(TRAP, "a proposer's and seconder's initials in brackets are no owners",
      "4. Minutes\nProposed (AH) & Seconded (SB) that the minutes be approved as correct. "
      "Unanimously agreed and signed by the Chair.\n5. Fence\nIt was agreed that the fence be "
      "painted (Prop JH, Sec AU).\n6. Bench\nRESOLVED (JH/AU) to accept the quote for the bench.\n"
      "7. Close\n",
      res=["that the minutes be approved as correct", "that the fence be painted",
           "to accept the quote for the bench."]),
    V(TRAP, "'(ES)' after a name in the attendance is no owner",
      "Present: Councillors E. Simpson (ES), J Green (JG), who is to stand down (JG).\n"
      "1. Apologies\nNone.\n"),
    # ---- the minutes item's outcome after its amendment ----------------------------------------
    V(MOTION, "'With the amendment unanimously approved and signed by the Chair as a true record.'",
      "2. Minutes of the last meeting\nWith the amendment unanimously approved and signed by the "
      "Chair as a true record.\n3. Matters arising\nNone.\n",
      res=["With the amendment unanimously approved and signed by the Chair as a true record."]),
    V(MOTION, "'Subject to two amendments, approved and signed.'",
      "3. Minutes of the meeting held on 4 May\nSubject to two amendments, approved and signed.\n"
      "4. Finance\nThe balance was noted.\n",
      res=["Subject to two amendments, approved and signed."]),
    # ---- "was decided/agreed" with its "it" lost -------------------------------------------------
    V("prose decision", "'After discussion was decided to leave.'",
      "6. Bench\nThe bench by the church is rotten. After discussion was decided to leave.\n"
      "7. Close\n",
      res=["to leave."]),
    V("prose decision", "'After some discussion, was agreed to ask ...'",
      "6. Hedge\nAfter some discussion, was agreed to ask the owner to cut the hedge.\n7. Close\n",
      res=["to ask the owner to cut the hedge."]),
    V(TRAP, "'After discussion was reported ...': no decision word",
      "6. Hedge\nAfter discussion was reported to the county.\n7. Close\n"),
]
# fmt: on


@pytest.mark.parametrize("v", LEFT_OPEN, ids=[f"{v.kind}: {v.name}" for v in LEFT_OPEN])
def test_each_left_open_parish_kind_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], (problems, notes)


def test_paragraphs_numbered_n_bracket_after_such_an_item_are_the_next_items():
    e = parse_minutes(
        "Planning meeting\n3) - Notice of appeal received for the barn.\n4) - Mention was made of "
        "the new ramp at the chemist.\n5) The Chairman mentioned that residents wish to put "
        "notices on the pillars and the meeting decided that this was a matter for the county.\n"
        "6) Cllr Hale mentioned that the garage application was withdrawn.\n"
    )
    assert [r.item for r in e.resolutions] == ["5"], e.resolutions


def test_a_numbered_list_under_an_item_stays_the_items():
    # the guard: "1) ... 2) ..." under item "5." are that item's points, not items 1 and 2
    e = parse_minutes(
        "5. Finance\nThe following was noted:\n1) The bank balance was £4,000.\n2) The Chairman "
        "said the council agreed that the audit be done in May.\n6. Close\n"
    )
    assert {r.item for r in e.resolutions} <= {"5"}, e.resolutions


# The minutes' own motion with its outcome "signed as true" and its seconder written "sec" or
# "2nd" (minutesparish2's untuned round: "Signed as true by Chair (GR) Proposed by all sec all"):
# rule 4, the whole motion (batch 8's reading)
# fmt: off
SIGNED = [
    V(MOTION, "'Signed as true by Chair (GR) Proposed by GB sec all'",
      "4/ Minutes of June 18 meeting & matters arising\nSigned as true by Chair (GR) Proposed by GB "
      "sec all\n5/ Parish Property\nGrass ok.\n",
      res=["Signed as true by Chair (GR) Proposed by GB sec all"]),
    V(MOTION, "'Signed as a true record by the Chairman. Proposed by A, sec by B.'",
      "3. Minutes\nSigned as a true record by the Chairman. Proposed by Cllr Lowe, sec by Cllr "
      "Wood.\n4. Close\n",
      res=["Signed as a true record by the Chairman. Proposed by Cllr Lowe, sec by Cllr Wood."]),
    V(MOTION, "'Minutes signed as correct. Prop JS, 2nd AP.'",
      "3. Minutes\nMinutes signed as correct. Prop JS, 2nd AP.\n4. Close\n",
      res=["Minutes signed as correct. Prop JS, 2nd AP."]),
    V(TRAP, "'Proposed by JS sec AP.' with no outcome written",
      "3. Minutes\nProposed by JS sec AP.\n4. Close\n"),
    V(TRAP, "'The cheques were signed by the Chairman.': no motion",
      "5. Finance\nThe cheques were signed by the Chairman and the Clerk.\n6. Close\n"),
]
# fmt: on


@pytest.mark.parametrize("v", SIGNED, ids=[f"{v.kind}: {v.name}" for v in SIGNED])
def test_the_minutes_signed_as_true_with_their_mover_and_seconder(v):
    problems, notes = score(v)
    assert problems == [], (problems, notes)


# Owner-only labels and directives in other short forms parish clerks use (each seen failing on
# the reader before its rule): "Action Clerk" with no colon after a sentence, "(Action Clerk)"
# in brackets, and "<role> to <verb>" after a semicolon
# fmt: off
SHORT_FORMS = [
    V(OWNER_LABEL, "'... needs cutting. Action Clerk' (a role, no colon)",
      "6. Verges\nThe verge by the school needs cutting. Action Clerk\n7. Close\n",
      act=[("Clerk", "The verge by the school needs cutting.")]),
    V(OWNER_LABEL, "'... . Action Chairman.'",
      "6. Bench\nThe bench by the pond is to be repainted in spring. Action Chairman.\n7. Close\n",
      act=[("Chairman", "The bench by the pond is to be repainted in spring.")]),
    V(OWNER_LABEL, "'(Action Clerk)' in brackets ending the sentence",
      "6. Verges\nThe verge by the school needs cutting (Action Clerk).\n7. Close\n",
      act=[("Clerk", "The verge by the school needs cutting")]),
    V(OWNER_LABEL, "'(Action JS)' with initials",
      "4. Signs\nA new sign for the car park is to be ordered (Action JS).\n5. Close\n",
      act=[("JS", "A new sign for the car park is to be ordered")]),
    V(DIRECTIVE, "'...; Clerk to report it to Highways.' after a semicolon",
      "6. Verges\nThe verge by the school needs cutting; Clerk to report it to Highways.\n7. Close\n",
      act=[("Clerk", "report it to Highways.")]),
    V(TRAP, "'Action Plan to follow.' is no owner",
      "6. Plans\nThe village plan was discussed. Action Plan to follow.\n7. Close\n"),
    V(TRAP, "'(Action Plan 2020)' in brackets is no owner",
      "6. Plans\nThe priorities were agreed by members (Action Plan 2020).\n7. Close\n"),
]
# fmt: on


@pytest.mark.parametrize("v", SHORT_FORMS, ids=[f"{v.kind}: {v.name}" for v in SHORT_FORMS])
def test_short_owner_labels_and_directives_after_a_semicolon(v):
    problems, notes = score(v)
    assert problems == [], (problems, notes)


# Decisions in three more parish forms (each seen failing before its rule): the council named by
# its initials, a planning response under a label, and a co-option with its mover and seconder
# fmt: off
MORE_DECISIONS = [
    V("prose decision", "'The PC agreed to write ...': the parish council by its initials",
      "6. Hedge\nThe PC agreed to write to the landowner about the hedge.\n7. Close\n",
      res=["to write to the landowner about the hedge."]),
    V("prose decision", "'The TC resolved that ...'",
      "6. Lights\nThe TC resolved that the lights be switched on at 6pm.\n7. Close\n",
      res=["that the lights be switched on at 6pm."]),
    V(TRAP, "'The CC agreed to resurface the road.': the county council's plan, not this meeting's",
      "6. Roads\nThe CC agreed to resurface the road next year.\n7. Close\n"),
    V("planning response", "'Comments: No objection' and 'Parish Council response: Support'",
      "7. Planning\n23/00123/FUL 1 High Street, rear extension\nComments: No objection\n"
      "23/00456/HOU 3 Mill Lane, garage\nParish Council response: Support\n8. Close\n",
      res=["Comments: No objection", "Parish Council response: Support"]),
    V(TRAP, "'Comments: the hall needs painting' under a heading with no application",
      "7. Hall\nComments: the hall needs painting before the fete.\n8. Close\n"),
    V(MOTION, "'Mr Smith was co-opted onto the council, proposed by A and seconded by B.'",
      "5. Co-option\nMr Smith was co-opted onto the council, proposed by Cllr Lowe and seconded by "
      "Cllr Wood.\n6. Close\n",
      res=["Mr Smith was co-opted onto the council, proposed by Cllr Lowe and seconded by Cllr "
           "Wood."]),
]
# fmt: on


@pytest.mark.parametrize("v", MORE_DECISIONS, ids=[f"{v.kind}: {v.name}" for v in MORE_DECISIONS])
def test_more_parish_decision_forms(v):
    problems, notes = score(v)
    assert problems == [], (problems, notes)
