"""Kinds the session's minutes branches noticed on real pages and left open (none of these texts
is taken from a page; each kind is written in several wordings, with guards): "Actions carried
forward" over "Action – DK to ..." lines (earlier meetings' actions restated, not this meeting's),
"Resolved – ... – AV to action" (the label ends the decision and names who acts on it), "It was
discussed and agreed to ..." (the meeting's discussion reported with its decision), rows of
sums under "Council NOTED" (the list's data: the lead-in is the decision, the README's batch 7
and 17 readings), "Members NOTED that ..." (what the members heard, rule 6)."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import LOST, OWNER_LABEL, PROSE, TRAP, V, score

# fmt: off
LEFT = [
    # ---- actions carried forward from earlier meetings ----------------------------------------
    V(TRAP, "'3. Actions carried forward' / 'Action – DK to ...': restated, not taken",
      "3. Actions carried forward\nAction – DK to contact the highways team about signage\n"
      "Action – JS to obtain quotes for the fence\n\n4. New business\nThe fence was discussed.\n"),
    V(TRAP, "'Actions brought forward:' / 'Action: Clerk to ...' then the next item's own action",
      "Actions brought forward:\nAction: Clerk to chase the county council about the drain.\n"
      "Action: Cllr Hale to order the dog bin.\n\n5. Playground\nThe swings were inspected. "
      "Action: Clerk to order new chains for the swings.\n",
      act=[("Clerk", "order new chains for the swings.")]),
    V(TRAP, "'Matters carried forward' over directives: not taken",
      "6. Matters carried forward\nAction – RB to write to the landowner about the hedge.\n\n"
      "7. Correspondence\nNone.\n"),
    V(OWNER_LABEL, "guard: 'Actions' over this meeting's own action lines are taken",
      "3. Actions\nAction – DK to contact the highways team about signage\n\n4. Close\n",
      act=[("DK", "contact the highways team about signage")]),
    # ---- "<owner> to action" ending the decision's own line ----------------------------------
    V(OWNER_LABEL, "'Resolved – to accept ... – AV to action'",
      "5. Contract\nResolved – to accept the quote from Greens for the grass cutting – AV to "
      "action\n\n6. Close\n",
      res=["to accept the quote from Greens for the grass cutting"],
      act=[("AV", "to accept the quote from Greens for the grass cutting")]),
    V(OWNER_LABEL, "'RESOLVED: to renew ... . Clerk to action.'",
      "5. Insurance\nRESOLVED: to renew the insurance with Zurich for three years. Clerk to "
      "action.\n\n6. Close\n",
      res=["to renew the insurance with Zurich for three years."],
      act=[("Clerk", "to renew the insurance with Zurich for three years.")]),
    V(OWNER_LABEL, "'It was RESOLVED to renew ... – Cllr Hale to action'",
      "5. Insurance\nIt was RESOLVED to renew the insurance with Zurich for three years – Cllr "
      "Hale to action\n\n6. Close\n",
      res=["to renew the insurance with Zurich for three years"],
      act=[("Cllr Hale", "to renew the insurance with Zurich for three years")]),
    V(TRAP, "guard: a decision that mentions 'action' in its own words keeps them",
      "5. Plan\nRESOLVED that the plan be adopted and officers be asked to put it into "
      "action.\n\n6. Close\n",
      res=["that the plan be adopted and officers be asked to put it into action."]),
    # ---- the meeting's discussion reported with its decision ----------------------------------
    V(PROSE, "'It was discussed and agreed to purchase ..., the Clerk to contact ...'",
      "5. Bench\nThe state of the bench was raised. It was discussed and agreed to purchase a new "
      "bench from the supplier, the Clerk to contact the supplier for a quote.\n\n6. Close\n",
      res=["to purchase a new bench from the supplier, the Clerk to contact the supplier for a "
           "quote."],
      act=[("Clerk", "contact the supplier for a quote.")]),
    V(PROSE, "'It was considered and agreed that ... be ...'",
      "5. Bench\nThe quotes were circulated. It was considered and agreed that the bench be "
      "replaced.\n\n6. Close\n",
      res=["that the bench be replaced."]),
    V(PROSE, "'It was debated at length and resolved that ...'",
      "5. Parking\nIt was debated at length and resolved that the council write to the police "
      "about parking.\n\n6. Close\n",
      res=["that the council write to the police about parking."]),
    V(TRAP, "guard: 'It was discussed and agreed that the clerk would ...' is an undertaking",
      "5. Bench\nThe quotes were circulated. It was discussed and agreed that the clerk would "
      "write to the supplier.\n\n6. Close\n"),
    V(TRAP, "guard: a member's 'discussed and agreed to look into' is not the meeting's",
      "5. Bench\nCllr Hale discussed and agreed to look into the matter.\n\n6. Close\n"),
    # ---- rows of sums under a keyword: the list's data -----------------------------------------
    V(LOST, "'Council NOTED' / '- Payment to Greens Ltd £240' rows: the lead-in line",
      "8. Finance\nCouncil NOTED\n- Payment to Greens Ltd £240\n- Payment to clerk salary "
      "£400\n\n9. Close\n",
      res=["Council NOTED"]),
    V(LOST, "'Council NOTED the following payments:' over bulleted sums",
      "8. Finance\nCouncil NOTED the following payments:\n• Greens Ltd grass cutting £240.00\n"
      "• Clerk's salary (May) £412.50\n• HMRC £81.20\n\n9. Close\n",
      res=["Council NOTED the following payments:"]),
    V(LOST, "'RESOLVED:' over '(a) ... £...' rows with no verb: the lead-in line",
      "8. Accounts\nRESOLVED:\n(a) Greens Ltd £240\n(b) Village hall hire £30\n\n9. Close\n",
      res=["RESOLVED:"]),
    V(LOST, "guard: clauses that name sums stay the decisions",
      "8. Grants\nRESOLVED:\n(a) That £200 be given to the fete.\n(b) That £100 be given to "
      "the band.\n\n9. Close\n",
      res=["That £200 be given to the fete.", "That £100 be given to the band."]),
    V(LOST, "guard: verb-first items with sums stay the decisions",
      "8. Grants\nThe Council RESOLVED to:\n(a) approve a grant of £200 to the fete;\n(b) "
      "approve a grant of £100 to the band.\n\n9. Close\n",
      res=["approve a grant of £200 to the fete", "approve a grant of £100 to the band."]),
    # ---- what the members heard ---------------------------------------------------------------
    V(TRAP, "'Members NOTED that the bank balance was ...' is not the body's decision",
      "8. Finance\nMembers NOTED that the bank balance was £12,000.\n\n9. Close\n"),
    V(TRAP, "guard: 'The Council NOTED that ...' in capitals is the body's",
      "8. Finance\nThe Council NOTED that the bank balance was £12,000.\n\n9. Close\n",
      res=["that the bank balance was £12,000."]),
    V(TRAP, "guard: 'Members AGREED that ...' opening its line stays a decision",
      "8. Finance\nMembers AGREED that the bank mandate be updated.\n\n9. Close\n",
      res=["that the bank mandate be updated."]),
]
# fmt: on


@pytest.mark.parametrize("v", LEFT, ids=[f"{v.kind}: {v.name}" for v in LEFT])
def test_each_left_open_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], (problems, notes)


def test_carried_forward_actions_go_to_review_with_their_reason():
    e = parse_minutes(
        "3. Actions carried forward\nAction – DK to contact the highways team about signage\n"
    )
    assert e.followups == ()
    assert any("carried forward" in u.reason and u.line == 2 for u in e.unsure)


def test_the_owner_label_ending_a_decision_gives_the_decisions_item():
    e = parse_minutes(
        "5. Contract\nResolved – to accept the quote for the grass cutting – AV to action\n"
    )
    assert [(f.owner, f.item) for f in e.followups] == [("AV", "5")]
