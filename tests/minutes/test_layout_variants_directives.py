"""Directives and owners written into the text (issue 17, branch minutesdirect): the kinds the
batch 21 sweep saw the reader miss or mistake on real pages, each written here in several
wordings with guards (none of these texts is taken from a page): an owner-only label with no
colon naming a person by initial and surname or title ("... before final approval.  Action I
Wroth"), an "Action:" label glued to the words before it with no full stop ("... location of the
Bridle Path Action: MA to e-mail ..."), a title "<Noun> to <noun> – ..." that is no directive,
a directive after a sentence ending in two capitals and a full stop ("... by the PC. Councillor
Stapley to contact ..."), a passive directive naming a person by title or initial ("PC Smith to be
invited ...", "... ivy T Bishton to be asked to trim."), a directive opening a numbered paragraph
("6.2 Cllr Shaw to investigate ...") or naming all members ("5. All members to review ..."), the
agenda formula "Cllr X to declare an interest", a directive inside the meeting's decision ("It
was agreed for the Clerk to write ...": the decision, its follow-up part of it), a role's
directive run on with no boundary ("Tree report required Clerk to chase"), "To be pursued by
Cllr. Fleming, ..." and a title's full stop ("Cllr. Brown to chase ..."); then, from the
first untuned round, "ACTION Clerk to speak to ..." after a sentence (the marker is no part of
the owner), and from the second, directives in a heading that holds its minute ("7. Planning
Issues - verbal report ... correspondence received ... .  Cllr McLaughlin to email reply.")."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import DIRECTIVE, OWNER_LABEL, TRAP, V, score

# fmt: off
DIRECTIVES = [
    # ---- "Action <initial> <surname>" / "Action Cllr <name>" ending the sentence it labels ----
    V(OWNER_LABEL, "'... before final approval.  Action I Wroth' takes the sentence naming him",
      "27. Clerk's report\n- Notice board - Three quotations were sought.  It was resolved to buy the board "
      "for £710.  Cllr I Wroth agreed to "
      "check the posts were sound before final approval.  Action I Wroth\n\n28. Close\n",
      res=["to buy the board for £710."],
      act=[("I Wroth", "Cllr I Wroth agreed to check the posts were sound before final "
            "approval.")]),
    V(OWNER_LABEL, "'It was agreed to ask ... .  Action S Mills' takes the decision",
      "28. Copse\n- It was agreed to ask Jane Pearson if she would join the working group.  "
      "Action S Mills\n\n29. Close\n",
      res=["to ask Jane Pearson if she would join the working group."],
      act=[("S Mills", "to ask Jane Pearson if she would join the working group.")]),
    V(OWNER_LABEL, "'... repainted. Action Cllr Hale'",
      "6. Shelter\nThe bus shelter needs to be repainted before the summer. Action Cllr Hale\n\n"
      "7. Close\n",
      act=[("Cllr Hale", "The bus shelter needs to be repainted before the summer.")]),
    V(OWNER_LABEL, "'... Action J. Brown.' with a full stop",
      "6. Drains\nThe gully on Church Lane is blocked again. Action J. Brown.\n\n7. Close\n",
      act=[("J. Brown", "The gully on Church Lane is blocked again.")]),
    V(TRAP, "guard: '. Action Plan' is a heading word, not an owner",
      "6. Climate\nThe emergency was discussed. Action Plan\n\n7. Close\n"),
    V(TRAP, "guard: '. Action Points to follow.' names nobody",
      "6. Climate\nThe emergency was discussed. Action Points to follow.\n\n7. Close\n"),
    # ---- "ACTION <owner> to <verb>" after a sentence, the marker with no colon --------------
    V(OWNER_LABEL, "'... accepted. ACTION Clerk to speak to the Contractor ...'",
      "4.2 Fence\nThe quote was accepted unanimously. ACTION Clerk to speak to the Contractor "
      "and do a Purchase Order.\n\n5. Close\n",
      res=[], act=[("Clerk", "speak to the Contractor and do a Purchase Order.")]),
    V(OWNER_LABEL, "'... twice a year. Action JB to seek a quote ...'",
      "4.3 Hedges\nThe hedges need trimming twice a year. Action JB to seek a quote from the "
      "contractor\n\n5. Close\n",
      act=[("JB", "seek a quote from the contractor")]),
    # ---- "Action:" glued to the words before it, no full stop, then a directive -------------
    V(OWNER_LABEL, "'... of the Bridle Path Action: MA to e-mail the information'",
      "5. Matters arising\n- Bridleway – Nick Green needed further clarification regarding the "
      "location of the path Action: MA to e-mail the required information\n\n6. Close\n",
      act=[("MA", "e-mail the required information")]),
    V(OWNER_LABEL, "'Discussed next action re: this issue Action: TB to ask ...'",
      "5. Matters arising\n- Overgrown hedge – Discussed next action re: this issue Action: TB to "
      "ask the steward if he can clear it\n\n6. Close\n",
      act=[("TB", "ask the steward if he can clear it")]),
    V(OWNER_LABEL, "'... was reported Action: Clerk to inform the police'",
      "5. Matters arising\nFly tipping in Mill Lane was reported Action: Clerk to inform the "
      "police\n\n6. Close\n",
      act=[("Clerk", "inform the police")]),
    V(TRAP, "guard: '... the Climate Action: no update' is no directive",
      "5. Reports\nThere was nothing new from the Climate Action: no update this month\n\n"
      "6. Close\n"),
    # ---- "<Noun> to <noun> – ...": a row's title, not a directive ---------------------------
    V(TRAP, "guard: '- Bridle Path to hospital – ...' is a title",
      "5. Matters arising\n- Bridle Path to hospital – the county needed further details\n"
      "- Village sign – repainting has been completed\n\n6. Close\n"),
    V(TRAP, "guard: '- Footpath to school – ...' is a title",
      "5. Matters arising\n- Footpath to school – resurfacing has been completed\n\n6. Close\n"),
    V(DIRECTIVE, "guard: '- Drains – TB to inspect ...' after a title and a dash stays one",
      "5. Matters arising\n- Drains – TB to inspect the gullies before winter\n"
      "- Footpath to school – resurfacing has been completed\n\n6. Close\n",
      act=[("TB", "inspect the gullies before winter")]),
    # ---- a sentence ending in two capitals and a full stop, then a directive ----------------
    V(DIRECTIVE, "'... at a cost to the PC. Councillor Stapley to contact ...'",
      "4/ Matters arising\nIt was agreed that First Aid training be offered to the village at a "
      "subsidised cost by the PC. Councillor Stapley to contact the local first responder for a "
      "quote.\n\n5/ Close\n",
      res=["that First Aid training be offered to the village at a subsidised cost by the PC."],
      act=[("Councillor Stapley", "contact the local first responder for a quote.")]),
    V(DIRECTIVE, "'... reported to the EA. Cllr Brown to chase ...'",
      "4. Flooding\nThe blocked culvert has been reported to the EA. Cllr Brown to chase a reply "
      "before the next meeting.\n\n5. Close\n",
      act=[("Cllr Brown", "chase a reply before the next meeting.")]),
    # ---- passive directives naming a person by title or initial -----------------------------
    V(DIRECTIVE, "'PC Smith to be invited to the next meeting.'",
      "5. Police\nPC Smith to be invited to the next meeting.\n\n6. Close\n",
      act=[("", "PC Smith to be invited to the next meeting.")]),
    V(DIRECTIVE, "'Cllr Jones to be asked to attend ...'",
      "5. Police\nCllr Jones to be asked to attend the police liaison meeting.\n\n6. Close\n",
      act=[("", "Cllr Jones to be asked to attend the police liaison meeting.")]),
    V(DIRECTIVE, "'Seat ... invaded by ivy T Bishton to be asked to trim.'",
      "5. Property\nSeat by the church invaded by ivy T Bishton to be asked to trim.\n\n"
      "6. Close\n",
      act=[("", "Seat by the church invaded by ivy T Bishton to be asked to trim.")]),
    V(TRAP, "guard: 'The hedge to be cut in March.' names nobody",
      "5. Property\nThe hedge to be cut in March.\n\n6. Close\n"),
    # ---- a directive opening a numbered paragraph or naming all members ---------------------
    V(DIRECTIVE, "'6.2 Cllr Shaw to investigate ...' opening a numbered paragraph",
      "6. Highways\n6.1 The drain on Mill Lane is blocked again.\n6.2 Cllr Shaw to investigate "
      "the drain and report back.\n\n7. Close\n",
      act=[("Cllr Shaw", "investigate the drain and report back.")]),
    V(DIRECTIVE, "'4.3 Clerk to write to the landowner about the hedge.'",
      "4. Hedges\n4.1 The hedge on Back Lane was discussed.\n4.3 Clerk to write to the "
      "landowner about the hedge.\n\n5. Close\n",
      act=[("Clerk", "write to the landowner about the hedge.")]),
    V(DIRECTIVE, "'5. All members to review ...' in a numbered list of minutes",
      "3. Terms of reference\nThe terms of reference were reviewed. The main points were:\n"
      "1. The community must be involved from the start\n"
      "2. All members to review the terms of reference before the next meeting\n\n4. Close\n",
      act=[("All members", "review the terms of reference before the next meeting")]),
    V(TRAP, "guard: an agenda's '6.2 Chairman to report' stays an agenda line",
      "AGENDA\n6. Reports\n6.1 To receive the Clerk's report\n6.2 Chairman to report\n"),
    V(TRAP, "guard: an agenda's '5. All members to note the report' is its business",
      "AGENDA\n5. All members to note the report of the auditor\n6. Close\n"),
    # ---- a directive inside the meeting's decision: "agreed for the Clerk to write ..." -----
    V(TRAP, "'It was, unanimously, agreed for the Clerk to write ...' is the decision",
      "63.15 Boundary\nIt was, unanimously, agreed for the Clerk to write to the purchasers to "
      "request a meeting.\n64.15 Next meeting\n",
      res=["for the Clerk to write to the purchasers to request a meeting."]),
    V(TRAP, "'The Council agreed for Cllr Hale to order the bench.' is the decision",
      "6. Bench\nThe Council agreed for Cllr Hale to order the bench.\n\n7. Close\n",
      res=["for Cllr Hale to order the bench."]),
    V(TRAP, "guard: 'Cllr Smith agreed for the Clerk to write ...' is a member's word",
      "5. Boundary\nCllr Smith agreed for the Clerk to write to the owner.\n\n6. Close\n"),
    # ---- a role's directive run on after words with no boundary ----------------------------
    V(DIRECTIVE, "'Tree report required Clerk to chase'",
      "5. Trees\nTree report required Clerk to chase\nThe grass was cut.\n\n6. Close\n",
      act=[("Clerk", "chase")]),
    V(DIRECTIVE, "'Hedge overgrown on Back Lane Parish Clerk to write to the owner'",
      "5. Hedges\nHedge overgrown on Back Lane Parish Clerk to write to the owner\n\n6. Close\n",
      act=[("Parish Clerk", "write to the owner")]),
    V(TRAP, "guard: 'The report asked the Clerk to chase it.' (the Clerk is the object)",
      "5. Trees\nThe report asked the Clerk to chase it.\n\n6. Close\n"),
    V(TRAP, "guard: 'A letter from the Clerk to all residents was read.'",
      "5. Letters\nA letter from the Clerk to all residents was read.\n\n6. Close\n"),
    # ---- "To be <done> by <person>" and a title's full stop --------------------------------
    V(DIRECTIVE, "'Weed Spraying:' / 'To be pursued by Cllr. Fleming, who intends ...'",
      "5. Weed Spraying:\nTo be pursued by Cllr. Fleming, who intends to draw up a "
      "specification.\n\n6. Close\n",
      act=[("", "To be pursued by Cllr. Fleming, who intends to draw up a specification.")]),
    V(TRAP, "guard: an agenda's 'To be considered by the Finance Committee.'",
      "AGENDA\n5. Budget\nTo be considered by the Finance Committee.\n"),
    V(TRAP, "guard: 'To be cut by the contractor in March.' names no person",
      "5. Hedge\nTo be cut by the contractor in March.\n\n6. Close\n"),
    V(DIRECTIVE, "'... blocked again. Cllr. Brown to chase ...' (a title's full stop)",
      "4. Culvert\nThe culvert is blocked again. Cllr. Brown to chase the county council.\n\n"
      "5. Close\n",
      act=[("Cllr. Brown", "chase the county council.")]),
    # ---- directives in a heading that holds its minute (untuned round 2) ---------------------
    V(DIRECTIVE, "'7. Planning Issues - verbal report ...' run on with its minute, then directives",
      "6. Land\nThe transfer was discussed.\n7. Planning Issues - verbal report from the Planning "
      "Working Group\n correspondence received about planning advice needed for improvements.  "
      "Cllr McLaughlin to email reply.  Cllr McLaughlin to draft letter to the owner of the "
      "barn.\n8. Close\n",
      act=[("Cllr McLaughlin", "email reply."),
           ("Cllr McLaughlin", "draft letter to the owner of the barn.")]),
    V(TRAP, "guard: a long numbered heading opening with a directive stays for review",
      "AGENDA\n3. Jane Doe to contact the school about the summer fete and the use of the playing "
      "field for the day\n4. Close\n"),
    # ---- the agenda formula "Cllr X to declare an interest" --------------------------------
    V(TRAP, "'Cllr X to declare an interest.' is the agenda's formula",
      "5. Open\nThe Chair to open the meeting.\n6. Interests\nCllr X to declare an interest.\n"),
    V(TRAP, "'Members to declare any interests' is the agenda's formula",
      "2. Interests\nMembers to declare any interests in items on the agenda.\n\n3. Close\n"),
]
# fmt: on


@pytest.mark.parametrize("v", DIRECTIVES, ids=[f"{v.kind}: {v.name}" for v in DIRECTIVES])
def test_each_directive_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], (problems, notes)


def test_a_numbered_directive_keeps_its_paragraphs_item():
    e = parse_minutes(
        "6. Highways\n6.1 The drain on Mill Lane is blocked again.\n6.2 Cllr Shaw to investigate "
        "the drain and report back.\n\n7. Close\n"
    )
    assert [(f.owner, f.item) for f in e.followups] == [("Cllr Shaw", "6.2")]
