"""Directive, action and item-number kinds left open by branches minutesdirect and
minutesnations (issue 17, branch minutesleft2), each seen failing on real pages and written here
in several wordings with guards (none of these texts is taken from a page): two directives
joined in one clause ("RB to send ..., then JG to sign ..."; "Clerk to chase ... and Cllr X to
follow up ..."), an upper-case owner label glued to a flattened "|" row ("... improvements ACTION
CLERK."), a role written "Head of <service>", a numbered "Action 1.1:" naming nobody, a
capitalised verb ("Clerk to Chase."), a directive after "but" or run on after a sentence with no
stop ("... is out Cllr. McTernan to investigate."), "It has been agreed that ...", item forms
"5/", "1a)" and "17.6.5.", office-bearer nominations run together under "The following were
elected:", a minutes list on the lead-in's line with single spaces, and another body's plan
("Perth & Kinross Council is to provide ...", no action of this meeting)."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import DIRECTIVE, MOTION, OWNER_LABEL, PROSE, TRAP, V, score

# fmt: off
LEFT = [
    # ---- two directives joined in one clause --------------------------------------------
    V(DIRECTIVE, "'RB to send ... to FJ, then JG to sign and send ...'",
      "5. Plan\nRB to send additional input to FJ, then JG to sign and send the plan to the "
      "county.\n\n6. Close\n",
      act=[("RB", "send additional input to FJ"),
           ("JG", "sign and send the plan to the county.")]),
    V(DIRECTIVE, "'Clerk to chase the contractor and Cllr Hale to follow up ...'",
      "5. Verges\nClerk to chase the contractor and Cllr Hale to follow up with the county.\n\n"
      "6. Close\n",
      act=[("Clerk", "chase the contractor"), ("Cllr Hale", "follow up with the county.")]),
    V(DIRECTIVE, "'AB to draft the letter; CD to check it before it is sent.'",
      "5. Letter\nAB to draft the letter; CD to check it before it is sent.\n\n6. Close\n",
      act=[("AB", "draft the letter"), ("CD", "check it before it is sent.")]),
    V(TRAP, "guard: 'Clerk to ask Cllr Hale and Cllr Jones to attend.' (they are its object)",
      "5. Verges\nClerk to ask Cllr Hale and Cllr Jones to attend the site meeting.\n\n"
      "6. Close\n",
      act=[("Clerk", "ask Cllr Hale and Cllr Jones to attend the site meeting.")]),
    V(TRAP, "guard: 'Clerk to write to the owner and to the county.' is one task",
      "5. Hedge\nClerk to write to the owner and to the county.\n\n6. Close\n",
      act=[("Clerk", "write to the owner and to the county.")]),
    # ---- an upper-case owner label glued to a flattened '|' row -------------------------
    V(OWNER_LABEL, "'|Car park |... improvements ACTION CLERK. |'",
      "3. Matters arising\n|Item |Notes |\n|Car park |Quotes were discussed for the car park "
      "improvements ACTION CLERK. |\n|Bench |To be discussed next meeting ACTION NM/RW |\n\n"
      "4. Close\n",
      act=[("CLERK", "Quotes were discussed for the car park improvements"),
           ("NM/RW", "To be discussed next meeting")]),
    V(OWNER_LABEL, "'... – next meeting ACTION RW' in a row with no stop",
      "3. Matters arising\n|Footpath |The stile is broken – next meeting ACTION RW |\n\n"
      "4. Close\n",
      act=[("RW", "The stile is broken – next meeting")]),
    V(TRAP, "guard: '|Climate |CLIMATE ACTION PLAN adopted |' names no owner",
      "3. Reports\n|Climate |The group met on the CLIMATE ACTION PLAN |\n\n4. Close\n"),
    # ---- a role written 'Head of <service>' ---------------------------------------------
    V(DIRECTIVE, "'Head of highways to do a site visit.'",
      "6. Roads\nThe potholes on the hill were reported. Head of highways to do a site visit.\n\n"
      "7. Close\n",
      act=[("Head of highways", "do a site visit.")]),
    V(DIRECTIVE, "'Head of Planning to report back ...'",
      "6. Planning\nHead of Planning to report back to the next meeting.\n\n7. Close\n",
      act=[("Head of Planning", "report back to the next meeting.")]),
    V(TRAP, "guard: 'The Head of highways to attend' on an agenda",
      "AGENDA\n6. Roads\nThe Head of highways to attend.\n"),
    # ---- 'Action 1.1:' naming nobody -----------------------------------------------------
    V(OWNER_LABEL, "'Action 1.1: review documents and sign ...' names nobody",
      "1. Governance\nThe terms were read. Action 1.1: review documents and sign the "
      "declaration.\n\n2. Close\n",
      act=[("", "review documents and sign the declaration.")]),
    V(OWNER_LABEL, "'Action 2.3: JB to circulate ...' names JB",
      "2. Survey\nAction 2.3: JB to circulate the survey results.\n\n3. Close\n",
      act=[("JB", "circulate the survey results.")]),
    # ---- capitalised verb, 'but Clerk to ...', run on with no stop ------------------------
    V(DIRECTIVE, "'Clerk to Chase.' (a capitalised verb)",
      "4. Culvert\nNo reply from the county. Clerk to Chase.\n\n5. Close\n",
      act=[("Clerk", "Chase.")]),
    V(DIRECTIVE, "'... replied but Clerk to ask again ...'",
      "4. Actions\n- Hedge: the owner has not replied but Clerk to ask again in writing.\n\n"
      "5. Close\n",
      act=[("Clerk", "ask again in writing.")]),
    V(DIRECTIVE, "'... is out Cllr. McTernan to investigate.' run on",
      "4. Lights\nThe street light on Main Street is out Cllr. McTernan to investigate.\n\n"
      "5. Close\n",
      act=[("Cllr. McTernan", "investigate.")]),
    V(DIRECTIVE, "'... is out Cllr McTernan to investigate.' without the title's stop",
      "4. Lights\nThe lamp by the school is out Cllr McTernan to investigate.\n\n5. Close\n",
      act=[("Cllr McTernan", "investigate.")]),
    V(TRAP, "guard: 'The clerk wrote to Mr Smith to ask for access.' (Mr Smith is the object)",
      "4. Access\nThe clerk wrote to Mr Smith to ask for access.\n\n5. Close\n"),
    V(TRAP, "guard: 'reported by Cllr Smith to the county' (no verb after 'to')",
      "4. Lights\nThe light was reported by Cllr Smith to the county.\n\n5. Close\n"),
    V(TRAP, "guard: 'but the decision to close' is no directive",
      "4. Hall\nThe hall is open but the decision to close it was noted.\n\n5. Close\n"),
    # ---- another body's plan -------------------------------------------------------------
    V(TRAP, "'Perth & Kinross Council is to provide training ...' is another body's plan",
      "4. Training\nAt the Convention's request, Perth & Kinross Council is to provide a series "
      "of training sessions.\n\n5. Close\n"),
    V(TRAP, "'Scottish Water is to replace the main ...' is another body's plan",
      "4. Water\nScottish Water is to replace the main in the spring.\n\n5. Close\n"),
    V(DIRECTIVE, "control: 'The Clerk is to seek further guidance.' stays an action",
      "4. Guidance\nThe Clerk is to seek further guidance.\n\n5. Close\n",
      act=[("The Clerk", "seek further guidance.")]),
    # ---- prose decisions --------------------------------------------------------------------
    V(PROSE, "'It has been agreed that the equipment be sited ...'",
      "6. Play area\nIt has been agreed that the equipment be sited near the gate.\n\n7. Close\n",
      res=["that the equipment be sited near the gate."]),
    V(TRAP, "guard: 'It has been agreed that the county will ...' (an undertaking)",
      "6. Play area\nIt has been agreed that the county will cut the verge.\n\n7. Close\n"),
    # ---- office-bearer nominations run together -------------------------------------------
    V(MOTION, "'The following were elected: Chair: A proposed by B; seconded by C Vice chair: ...'",
      "3. Office bearers\nThe following were elected: Chair: Ann Smith proposed by Bob Jones; "
      "seconded by Cath Brown Vice chair: Dan White proposed by Eve Black; seconded by Fay Green "
      "Secretary: Gus Grey proposed by Hal Reid; seconded by Ian Lamb\n\n4. Close\n",
      res=["Chair: Ann Smith proposed by Bob Jones; seconded by Cath Brown",
           "Vice chair: Dan White proposed by Eve Black; seconded by Fay Green",
           "Secretary: Gus Grey proposed by Hal Reid; seconded by Ian Lamb"]),
    # ---- a minutes list on the lead-in's line --------------------------------------------
    V(PROSE, "'... be confirmed:- Full Council 4th December ...' with single spaces",
      "3. Minutes\nIt was RESOLVED that the following minutes be confirmed:- Full Council 4th "
      "December 2012 General Purposes 11th December 2012\n\n4. Close\n",
      res=["that the following minutes be confirmed:-"]),
]
# fmt: on


@pytest.mark.parametrize("v", LEFT, ids=[f"{v.kind}: {v.name}" for v in LEFT])
def test_each_left_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], (problems, notes)


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("4/ Matters arising\nNone.\n5/ Parish Property\nRESOLVED that the shed be sold.\n", "5"),
        ("1a) Footpath at the mill\nRESOLVED that the stile be mended.\n1b) Bridge\n", "1a"),
        (
            "17.6 Planning\n17.6.5. Barn at Home Farm\nRESOLVED that there be no objection.\n",
            "17.6.5",
        ),
    ],
    ids=["5/", "1a)", "17.6.5."],
)
def test_the_item_forms_are_read(text, item):
    e = parse_minutes(text)
    assert [r.item for r in e.resolutions] == [item]


def test_the_minutes_list_reads_the_same_with_single_or_double_spaces():
    single = parse_minutes(
        "3. Minutes\nIt was RESOLVED that the following minutes be confirmed:- Full Council 4th "
        "December 2012 General Purposes 11th December 2012\n\n4. Close\n"
    )
    double = parse_minutes(
        "3. Minutes\nIt was RESOLVED that the following minutes be confirmed:-  Full Council 4th "
        "December 2012  General Purposes 11th December 2012\n\n4. Close\n"
    )
    assert [r.text.split() for r in single.resolutions] == [
        r.text.split() for r in double.resolutions
    ]


def test_an_election_list_without_nominations_is_not_split():
    e = parse_minutes(
        "3. Office bearers\nThe following were elected: Chair: Ann Smith Secretary: Gus Grey "
        "Treasurer: Ian Lamb\n\n4. Close\n"
    )
    assert len(e.resolutions) <= 1
