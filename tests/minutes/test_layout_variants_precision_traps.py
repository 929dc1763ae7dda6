"""Precision traps this session's branches left open (none of these texts is taken from a page):
a "Decision:" field that says no decision was made, an agenda's presenter line ("<name>, <role>
to present the report"), a chair's report under a "Decisions:" heading, a nomination beside the
RESOLVED that records it, "PROPOSED; SECONDED; RESOLVED That ...", a report's recommendations or
"is asked to" lines, and an undertaking reported as agreed. Each trap sits beside a true decision
or action that must still be found."""

from __future__ import annotations

import pytest

from .layout_kit import DIRECTIVE, MOTION, TRAP, V, score

# fmt: off
NO_DECISION = [
    V(TRAP, "'Decision:' over 'None' beside a real decision",
      "5. Questions from the public\nDecision:\nNone\n\n6. Budget 2024/25\nDecision:\n"
      "That the budget be approved.\n",
      res=["That the budget be approved."]),
    V(TRAP, "'Decision: N/A' on the label's line",
      "4. Declarations of interest\nDecision: N/A\n\n5. Play area\nDecision: That the quote "
      "from Wicksteed be accepted.\n",
      res=["That the quote from Wicksteed be accepted."]),
    V(TRAP, "'Resolved: no decision' after a discussion",
      "7. Parking\nMembers discussed parking on the green at length.\nResolved: no decision.\n"
      "\n8. Grants\nResolved: That a grant of £200 be made to the Scouts.\n",
      res=["That a grant of £200 be made to the Scouts."]),
    V(TRAP, "'DECISION - Not applicable' and 'Decision: None required'",
      "Item 3 Public participation\nDECISION - Not applicable.\nItem 4 Updates\nDecision: "
      "None required.\nItem 5 Hall hire\nDECISION - That hire charges rise by 5%.\n",
      res=["That hire charges rise by 5%."]),
    V(TRAP, "'RESOLVED: No decision was taken' in a paragraph",
      "9. Speed limits\nRESOLVED: No decision was taken pending the county's survey.\n"
      "10. Accounts\nRESOLVED: That the accounts be approved for payment.\n",
      res=["That the accounts be approved for payment."]),
    V(TRAP, "'Decision: No decision required.'",
      "4. Updates\nDecision: No decision required.\n5. Grants\nDecision: That £100 be given "
      "to the Scouts.\n",
      res=["That £100 be given to the Scouts."]),
    V(TRAP, "guard: a decision that no action be taken is still a decision",
      "6. Hedge complaint\nDecision: That no further action be taken.\n",
      res=["That no further action be taken."]),
    V(TRAP, "guard: 'None of the bids be accepted' is a decision",
      "6. Tenders\nRESOLVED: That none of the three bids be accepted and the work be "
      "re-tendered.\n",
      res=["That none of the three bids be accepted and the work be re-tendered."]),
]

PRESENTERS = [
    V(TRAP, "'<name>, <role> to present the report.' under an item's title",
      "6. Code of Conduct complaints\nReport of the Head of Legal Services.\nIwan Evans, "
      "Monitoring Officer to present the report.\n",),
    V(TRAP, "'<name>, <role>, to introduce the item.'",
      "Item 7 Housing strategy\nCouncillor Mary Jones, Cabinet Member for Housing, to introduce "
      "the item.\n\nItem 8 Any other business\nNone.\n"),
    V(TRAP, "'<name> (<role>) to introduce the report for information.'",
      "4. Treasury management mid-year review\nSarah Brown (Head of Audit) to introduce the "
      "report for information.\n5. Exclusion of the press and public\n"),
    V(TRAP, "'<initials> to present this paper' on a board's agenda",
      "3.1 Quality report\nJS to present this paper for assurance.\n3.2 Finance report\n"
      "Chief Finance Officer to present the paper.\n"),
    V(DIRECTIVE, "guard: a report to be presented at a later meeting is a task",
      "6. Play area\nThe condition survey was discussed.\nJane Smith to present the final "
      "report to the next meeting.\n",
      act=[("Jane Smith", "present the final report to the next meeting.")]),
    V(DIRECTIVE, "guard: to report back on a matter is a task",
      "5. Flooding\nResidents raised the blocked culvert.\nThe Clerk to report back on the "
      "county's response in March.\n",
      act=[("The Clerk", "report back on the county's response in March.")]),
]

CHAIR_REPORTS = [
    V(TRAP, "'The Mayor referred Members to ...' heading a 'Decisions:' field",
      "7. Annual report\nDecisions:\nThe Mayor referred Members to the report set out in the "
      "agenda pack.\nRESOLVED: That the annual report be noted.\n",
      res=["That the annual report be noted."]),
    V(TRAP, "'The Chair reminded Members ...' under 'Decision:'",
      "4. Declarations of interest\nDecision:\nThe Chair reminded Members of the need to "
      "declare any interests as items arose.\n\n5. Minutes\nDecision:\nThat the minutes of "
      "the meeting held on 3 May be approved.\n",
      res=["That the minutes of the meeting held on 3 May be approved."]),
    V(TRAP, "'The Chairman welcomed ... and informed ...' under 'Decisions:' on one line",
      "2. Chairman's announcements\nDecisions: The Chairman welcomed Members and informed them "
      "that the fire drill had been moved.\n3. Budget\nDecisions: RESOLVED that the budget "
      "be approved.\n",
      res=["that the budget be approved."]),
    V(TRAP, "'The Monitoring Officer advised Members ...' under 'Decision:' over a RESOLVED",
      "7. Standards\nDecision:\nThe Monitoring Officer advised Members that two complaints "
      "had been received.\nRESOLVED: That the report be noted.\n",
      res=["That the report be noted."]),
    V(TRAP, "'<name>, <role>, explained ...' under 'Decisions:'",
      "7. Standards\nDecisions:\nJane Smith, Head of Legal, explained the new code of "
      "conduct.\n\n8. Budget\nDecisions:\nThat the budget be approved.\n",
      res=["That the budget be approved."]),
    V(TRAP, "guard: a decision to thank a member under 'Decision:' stays",
      "9. Retirement\nDecision:\nThat Councillor Smith be thanked for her twenty years of "
      "service.\n",
      res=["That Councillor Smith be thanked for her twenty years of service."]),
    V(TRAP, "guard: the body's own sentence under 'Decision:' is still the decision",
      "5. Forward plan\nDecision:\nThe Committee noted the forward plan and agreed the "
      "dates of its meetings.\n",
      res=["The Committee noted the forward plan and agreed the dates of its meetings."]),
]

NOMINATIONS = [
    V(TRAP, "a nomination and its election above the RESOLVED that records it",
      "1. Election of Chair\nCllr Adams nominated Cllr Baker as Chair for the year, seconded "
      "by Cllr Cole. There being no other nominations, Cllr Baker was duly elected.\n"
      "RESOLVED: That Cllr Baker be elected Chair of the Council for 2024/25.\n"
      "2. Apologies\nNone.\n",
      res=["That Cllr Baker be elected Chair of the Council for 2024/25."]),
    V(TRAP, "a passive nomination then 'RESOLVED that ...' on the next line",
      "3. Appointment of Vice-Chair\nCouncillor Downing was nominated as Vice-Chair by "
      "Councillor Smith and seconded by Councillor Jones and was duly elected.\nRESOLVED that "
      "Councillor Downing be elected Vice-Chair for the ensuing year.\n",
      res=["that Councillor Downing be elected Vice-Chair for the ensuing year."]),
    V(TRAP, "a nomination, blank lines of spaces, then 'RESOLVED:' over its clause",
      "Minutes:\n\nThe Clerk presided over the election.\n\n \n\nCouncillor Patel was "
      "nominated for the position of Chair by Councillor Reed and this was seconded by "
      "Councillor Hall. Councillor Patel was duly elected.\n\n \n\nRESOLVED:\n\nThat "
      "Councillor Patel be elected Chair for 2019/20.\n\nThe outgoing Chair thanked "
      "officers.\n",
      res=["That Councillor Patel be elected Chair for 2019/20."]),
    V(TRAP, "'Nominated: <name> (proposed ..., seconded ...). Carried.' then RESOLVED",
      "1. Election of Chairman\nNominated: Cllr Adams (proposed Cllr Baker, seconded Cllr "
      "Cole). Carried.\nRESOLVED: That Cllr Adams be elected Chairman for 2024/25.\n",
      res=["That Cllr Adams be elected Chairman for 2024/25."]),
    V(MOTION, "guard: a motion then a paragraph of discussion then a RESOLVED stands apart",
      "4. Vice-Chair\nCllr Reed proposed Cllr Hall as Vice-Chair, seconded Cllr Cole and "
      "carried unanimously.\n\nCllr Hall thanked members and spoke about the coming year's "
      "projects.\n\nRESOLVED: That the schedule of meetings be approved.\n",
      res=["Cllr Reed proposed Cllr Hall as Vice-Chair, seconded Cllr Cole and carried "
           "unanimously.", "That the schedule of meetings be approved."]),
    V(MOTION, "guard: a nomination with its outcome and no RESOLVED stands",
      "1. Election of Chairman\nCllr Brine proposed Cllr Davies as Chairman, seconded Cllr "
      "Claxton and carried unanimously.\n2. Apologies\nNone received.\n",
      res=["Cllr Brine proposed Cllr Davies as Chairman, seconded Cllr Claxton and carried "
           "unanimously."]),
]

CAPITAL_THAT = [
    V(MOTION, "'PROPOSED; SECONDED; RESOLVED That ...' on one line",
      "5. Minutes\nPROPOSED; SECONDED; RESOLVED That the minutes of the meeting held on 4 "
      "June be approved as a correct record.\n",
      res=["That the minutes of the meeting held on 4 June be approved as a correct record."]),
    V(MOTION, "'Proposed Cllr A; Seconded Cllr B; RESOLVED That ...'",
      "8. Accounts\nProposed Cllr Hill; Seconded Cllr Ward; RESOLVED That the accounts for "
      "April be paid.\n9. Correspondence\nNoted.\n",
      res=["That the accounts for April be paid.", "Noted."]),
    V(MOTION, "'PROPOSED: A, SECONDED: B, RESOLVED: That ...' on three lines",
      "6. Grass cutting\nPROPOSED: Cllr Hill\nSECONDED: Cllr Ward\nRESOLVED: That the "
      "contract be renewed for a further year.\n",
      res=["That the contract be renewed for a further year."]),
]

RECOMMENDATIONS = [
    V(TRAP, "a report's 'Recommendation:' above the RESOLVED of its item",
      "6. Annual governance statement\nRecommendation: That the Committee approves the "
      "annual governance statement.\nThe Head of Audit presented the report.\nRESOLVED: "
      "That the annual governance statement be approved.\n",
      res=["That the annual governance statement be approved."]),
    V(TRAP, "'The Board is asked to ...' in a report's preamble",
      "4. Performance report\nPurpose: to update the Board on performance.\nThe Board is "
      "asked to note the report and approve the revised targets.\n"),
    V(TRAP, "'Members are asked to:' over a lettered list",
      "Item 9 Risk register\nMembers are asked to:\n(a) note the risk register;\n(b) agree "
      "the new risk on recruitment.\n"),
    V(TRAP, "'Recommendations' heading over numbered report recommendations",
      "Report of the Director of Place\nRecommendations\n1. That Cabinet approves the draft "
      "local plan for consultation.\n2. That Cabinet delegates minor changes to the Director."
      "\nBackground\n1.1 The local plan was last reviewed in 2018.\n"),
]

UNDERTAKINGS = [
    V(TRAP, "'Recommendation:' restating an undertaking ('The Town Council would ...')",
      "6. Sports pitches\nAfter discussion it was agreed that the Town Council would write to "
      "the district about the bids.\nRecommendation: The Town Council would write to the "
      "district about the bids.\n7. Accounts\nRESOLVED: That the accounts be paid.\n",
      res=["That the accounts be paid."]),
    V(TRAP, "'Recommendations -' over 'The Clerk will ...'",
      "Item 5 Verges\nRecommendations - The Clerk will obtain three quotes for the verges.\n"),
    V(TRAP, "guard: 'Agreed that the Clerk would ...' under the keyword stands (batch 17)",
      "8. Footpaths\nAgreed that the Clerk would write to the county about the stile.\n",
      res=["that the Clerk would write to the county about the stile."]),
    V(TRAP, "'it was agreed that the Clerk would ...' beside a resolution",
      "7. Bus shelter\nThe shelter is damaged. It was agreed that the Clerk would write to "
      "the bus company.\nRESOLVED: That a new shelter be purchased.\n",
      res=["That a new shelter be purchased."]),
    V(TRAP, "'The Committee agreed that officers would report back ...'",
      "5. Parking review\nThe Committee agreed that officers would report back to the next "
      "meeting with costings.\n"),
    V(TRAP, "'It was resolved that the Chair will ...'",
      "3. Twinning\nIt was resolved that the Chair will contact the twinning association.\n"),
    V(TRAP, "guard: 'it was agreed that ... be ...' is a resolution",
      "7. Bus shelter\nIt was agreed that the Clerk be asked to write to the bus company.\n",
      res=["the Clerk be asked to write to the bus company."]),
]
# fmt: on

ALL = NO_DECISION + PRESENTERS + CHAIR_REPORTS + NOMINATIONS + CAPITAL_THAT + RECOMMENDATIONS
ALL += UNDERTAKINGS


@pytest.mark.parametrize("v", ALL, ids=[f"{v.kind}: {v.name}" for v in ALL])
def test_each_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], notes
