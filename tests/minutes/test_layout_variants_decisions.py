"""Decisions without a keyword at the start of a line (issue 17's first group of layout kinds):
each kind written the ways a council might write it, wording, wrapping and list markers varied.
A variant passes only when the reader finds exactly what a judge would (see layout_kit)."""

from __future__ import annotations

import pytest

from .layout_kit import (
    GLUED,
    LOST,
    MOTION,
    NOTICE,
    PROSE,
    RECOMMENDED,
    UNANIMOUS,
    V,
    score,
)

# one variant to a few lines: a table of cases, read down the page
# fmt: off
DECISIONS = [
    V(PROSE, "it was agreed that, mid paragraph",
      "5. Bus shelter\n\nMembers discussed the quotes received. It was agreed that the quote "
      "from Smith Ltd be accepted. The Clerk thanked members.\n",
      ["that the quote from Smith Ltd be accepted."]),
    V(PROSE, "it was unanimously agreed to",
      "7. Grants\n\nAfter a short debate it was unanimously agreed to award a grant of "
      "\u00a3500 to the village hall.\n",
      ["to award a grant of \u00a3500 to the village hall."]),
    V(PROSE, "the Board agreed that, hard-wrapped",
      "3. Strategy refresh\n\nThe Board considered the draft strategy and\nagreed that "
      "the draft be published for\nconsultation in the spring.\n",
      ["that the draft be published for consultation in the spring."]),
    V(PROSE, "the Panel agreed with",
      "4. Precept proposal\n\nThe Panel agreed with the recommendations set out in the "
      "report.\n",
      ["with the recommendations set out in the report."]),
    V(PROSE, "following discussion the Partnership agreed",
      "6. Action plan\n\nFollowing discussion, the Partnership agreed that the action plan "
      "be approved.\n",
      ["that the action plan be approved."]),
    V(PROSE, "it was RESOLVED for, inside a paragraph",
      "9. Licence review\n\nThe Sub-Committee heard from the applicant. It was RESOLVED for "
      "the reasons given in the report to grant the licence.\n",
      ["for the reasons given in the report to grant the licence."]),
    V(PROSE, "the Committee decided that ... should",
      "2. Car parking\n\nThe Committee decided that the charges should remain unchanged.\n",
      ["that the charges should remain unchanged."]),
    V(PROSE, "it was decided to defer",
      "8. Play area\n\nIt was decided to defer the item to the next meeting.\n",
      ["to defer the item to the next meeting."]),
    V(UNANIMOUS, "UNANIMOUSLY RESOLVED that",
      "10. Accounts\n\nUNANIMOUSLY RESOLVED that the annual accounts be approved.\n",
      ["that the annual accounts be approved."]),
    V(UNANIMOUS, "Unanimously RESOLVED: That",
      "11. Insurance\n\nUnanimously RESOLVED: That the insurance be renewed with Zurich.\n",
      ["That the insurance be renewed with Zurich."]),
    V(UNANIMOUS, "It was UNANIMOUSLY RESOLVED that",
      "12. Standing orders\n\nIt was UNANIMOUSLY RESOLVED that standing orders be "
      "suspended.\n",
      ["that standing orders be suspended."]),
    V(MOTION, "Proposed (XX) & Seconded (YY) ... Unanimously agreed",
      "4. Hedge cutting\n\nProposed (JT) & Seconded (RB) that the contract be renewed for two "
      "years. Unanimously agreed.\n",
      ["that the contract be renewed for two years."]),
    V(MOTION, "proposed by, seconded by, carried",
      "5. Precept\n\nProposed by Cllr Brown, seconded by Cllr Green, that the precept be set "
      "at \u00a312,000. Carried unanimously.\n",
      ["that the precept be set at \u00a312,000."]),
    V(MOTION, "proposed/seconded/all in favour",
      "6. Minutes\n\nProposed Cllr Ellis, seconded Cllr Ward, that the minutes be signed as "
      "a true record; all in favour.\n",
      ["that the minutes be signed as a true record"]),
    V(LOST, "bare 'That the Committee:' with (a)-(c)",
      "7. Budget monitoring\n\nThe Director introduced the report.\n\nThat the Committee:\n"
      "(a) notes the forecast position;\n(b) approves the virements; and\n"
      "(c) asks officers to report again in June.\n",
      ["notes the forecast position", "approves the virements",
       "asks officers to report again in June."]),
    V(LOST, "numbered 'That ... be noted' clauses after the vote",
      "8. Annual report\n\nThe recommendations were put to the vote and carried.\n\n"
      "1. That the annual report be noted.\n2. That the work programme be agreed.\n",
      ["That the annual report be noted.", "That the work programme be agreed."]),
    V(LOST, "lead-in with nested (i)-(iii)",
      "9. Housing strategy\n\nThat the Committee:\n1. notes the consultation responses;\n"
      "2. agrees the priorities, namely:\n(i) more social housing;\n(ii) fewer empty homes; "
      "and\n(iii) better standards in private renting.\n",
      ["notes the consultation responses", "more social housing", "fewer empty homes",
       "better standards in private renting."]),
    V(LOST, "verb-first items under 'Decision'",
      "10. Risk register\n\nDecision\nNoted the contents of the risk register.\n"
      "Agreed the revised scoring method.\n",
      ["Noted the contents of the risk register.", "Agreed the revised scoring method."]),
    V(RECOMMENDED, "It is recommended that Cabinet:",
      "11. Capital programme\n\nIt is recommended that Cabinet:\n1. approves the capital "
      "programme for 2025/26;\n2. notes the funding gap.\n",
      ["approves the capital programme for 2025/26", "notes the funding gap."]),
    V(GLUED, "'(2)the' glued markers",
      "12. Waste contract\n\nRESOLVED:\n(1)that the contract be extended;\n"
      "(2)the Director be asked to re-tender in 2026.\n",
      ["that the contract be extended", "the Director be asked to re-tender in 2026."]),
    V(GLUED, "'a)that' glued lettered markers",
      "13. Parking\n\nRESOLVED that:\na)the order be made;\nb)objectors be told.\n",
      ["the order be made", "objectors be told."]),
    V(PROSE, "agreed unanimously to, the verb's manner after it",
      "3. Planning\n\nThe Sub-Committee agreed unanimously to refuse the application.\n",
      ["to refuse the application."]),
    V(PROSE, "a body of several words",
      "4. Joint strategy\n\nThe Health and Wellbeing Board agreed that the joint strategy be "
      "published.\n",
      ["that the joint strategy be published."]),
    V(PROSE, "the Joint Committee agreed to",
      "5. Budget\n\nThe Joint Committee agreed to set the levy at \u00a32.1m.\n",
      ["to set the levy at \u00a32.1m."]),
    V(PROSE, "it was therefore agreed that",
      "6. Risks\n\nIt was therefore agreed that the risk register be updated quarterly.\n",
      ["that the risk register be updated quarterly."]),
    V(PROSE, "it was resolved that, lower case",
      "7. Defibrillator\n\nIt was resolved that the Clerk be authorised to buy a "
      "defibrillator.\n",
      ["that the Clerk be authorised to buy a defibrillator."]),
    V(PROSE, "it was proposed, seconded and agreed that",
      "8. Bank\n\nIt was proposed, seconded and agreed that the bank mandate be updated.\n",
      ["that the bank mandate be updated."]),
    V(PROSE, "wrapped between 'It was' and 'agreed'",
      "9. Allotments\n\nAfter a long discussion it was\nagreed that allotment rents be frozen "
      "for a year.\n",
      ["that allotment rents be frozen for a year."]),
    V(UNANIMOUS, "RESOLVED UNANIMOUSLY: that",
      "13. Budget\n\nRESOLVED UNANIMOUSLY: that the budget be approved.\n",
      ["that the budget be approved."]),
    V(UNANIMOUS, "It was unanimously RESOLVED that",
      "14. Scheme\n\nIt was unanimously RESOLVED that the scheme be adopted.\n",
      ["that the scheme be adopted."]),
    V(UNANIMOUS, "RESOLVED (unanimously) that",
      "15. Grant\n\nRESOLVED (unanimously) that the grant be paid.\n",
      ["that the grant be paid."]),
    V(MOTION, "A proposed and B seconded that ... All agreed",
      "7. Hedges\n\nCllr Adams proposed and Cllr Bell seconded that the hedge be cut in "
      "March. All agreed.\n",
      ["that the hedge be cut in March."]),
    V(MOTION, "proposed, seconded and unanimously agreed that",
      "8. Minutes\n\nProposed by JS, seconded by AB and unanimously agreed that the minutes be "
      "signed.\n",
      ["that the minutes be signed."]),
    V(MOTION, "mover, seconder, clause and outcome on lines apart",
      "9. Precept\n\nProposed: Cllr Avery\nSeconded: Cllr Blake\nThat the precept be set at "
      "\u00a330,000.\nCarried unanimously.\n",
      ["That the precept be set at \u00a330,000."]),
    V(LOST, "'That the Cabinet:' with a. b. markers",
      "10. Leisure\n\nThat the Cabinet:\na. notes the usage figures;\nb. approves the new "
      "opening hours.\n",
      ["notes the usage figures", "approves the new opening hours."]),
    V(LOST, "'That the Sub-Committee:' with roman items",
      "11. Licence\n\nThat the Sub-Committee:\n(i) grants the licence;\n(ii) attaches the "
      "conditions in Appendix B.\n",
      ["grants the licence", "attaches the conditions in Appendix B."]),
    V(LOST, "a hard-wrapped lead-in",
      "12. Strategy\n\nThat the Health and Wellbeing\nBoard:\n1. endorses the strategy;\n"
      "2. asks partners to sign the pledge.\n",
      ["endorses the strategy", "asks partners to sign the pledge."]),
    V(LOST, "bullets under 'That the Board:'",
      "13. Plan\n\nThat the Board:\n\u2022 notes the plan;\n\u2022 agrees the milestones.\n",
      ["notes the plan", "agrees the milestones."]),
    V(RECOMMENDED, "It is RECOMMENDED that the Council:",
      "14. Budget\n\nIt is RECOMMENDED that the Council:\n(a) sets the council tax;\n"
      "(b) approves the capital strategy.\n",
      ["sets the council tax", "approves the capital strategy."]),
    V(NOTICE, "label with a bracketed reference, lead-in, roman 'To ...' items",
      "Decision Made (Ref: 1234)\n\nThe Cabinet Member for Highways made the following "
      "decision:\n(i) To approve the traffic calming scheme.\n(ii) To delegate the detailed "
      "design to the Director of Place.\n",
      ["To approve the traffic calming scheme.",
       "To delegate the detailed design to the Director of Place."]),
    V(NOTICE, "'Decision (Ref. 77)' with a lead-in and roman items",
      "Decision (Ref. 77)\nHaving considered the report, the Leader decided:\ni. To accept the "
      "tender from Acme Ltd.\nii. To fund it from reserves.\n",
      ["To accept the tender from Acme Ltd.", "To fund it from reserves."]),
    V(GLUED, "'1.That' glued numbers",
      "16. Trees\n\nRESOLVED:\n1.That the tree preservation order be confirmed.\n2.That the "
      "objector be told.\n",
      ["That the tree preservation order be confirmed.", "That the objector be told."]),
    V(PROSE, "'Council agreed that' with no article",
      "5. Precept\n\nCouncil agreed that the precept be increased by 2%.\n",
      ["that the precept be increased by 2%."]),
    V(PROSE, "'it was agreed by the Board that'",
      "6. Charter\n\nIt was agreed by the Board that the charter be signed.\n",
      ["that the charter be signed."]),
    V(PROSE, "'it was agreed unanimously that'",
      "7. Flags\n\nIt was agreed unanimously that the flag be flown on Armistice Day.\n",
      ["that the flag be flown on Armistice Day."]),
    V(PROSE, "after a semicolon",
      "8. Lighting\n\nThe quotes were compared; it was agreed that the cheapest be accepted.\n",
      ["that the cheapest be accepted."]),
    V(LOST, "'That the update be noted.' alone ending the item",
      "9. Police report\n\nPC Green gave an update on local crime.\n\nThat the update be noted.\n"
      "\n10. Planning\n",
      ["That the update be noted."]),
    V(MOTION, "'Proposed ... seconded ... and carried' in one sentence",
      "11. Grant\n\nIt was proposed by Cllr Hale, seconded by Cllr Moss and carried that a grant "
      "of \u00a3300 be made to the scouts.\n",
      ["that a grant of \u00a3300 be made to the scouts."]),
    V(RECOMMENDED, "a minutes page titled 'Agenda item' still takes 'RECOMMENDED - That'",
      "Council Agenda\nPresent: Cllrs A, B and C\n\n4. Budget\nRECOMMENDED \u2013 That the "
      "budget for 2026/27 be approved.\n",
      ["That the budget for 2026/27 be approved."]),
    V(GLUED, "keyword block with hard-wrapped lettered items",
      "3. Audit\n\nRESOLVED:\n(a) that the report\nbe noted; and\n(b) that officers\nreport "
      "back in June.\n",
      ["that the report be noted", "that officers report back in June."]),
    V(GLUED, "dashes under RESOLVED",
      "4. Plan\n\nRESOLVED:\n- that the report be noted;\n- that the plan be approved.\n",
      ["that the report be noted", "that the plan be approved."]),
    V(GLUED, "'i)' 'ii)' under RESOLVED",
      "5. Fees\n\nRESOLVED that\ni) the fees be increased by 3%;\nii) the increase take "
      "effect in April.\n",
      ["the fees be increased by 3%", "the increase take effect in April."]),
    V(PROSE, "a page flattened onto one line",
      "1. Apologies None were received. 2. Minutes RESOLVED that the minutes of the last "
      "meeting be approved. 3. Grants It was agreed that a grant of \u00a3200 be paid to the "
      "WI. JS to send the cheque.\n",
      ["that the minutes of the last meeting be approved.",
       "that a grant of \u00a3200 be paid to the WI."],
      [("JS", "send the cheque.")]),
    V(LOST, "'The Committee agreed:-' over '(i) to note ...' items",
      "6. Revenue monitoring\n\nThe Committee agreed:-\n(i) to note the projected "
      "overspend;\n(ii) to instruct the Chief Officer to report in March.\n",
      ["to note the projected overspend",
       "to instruct the Chief Officer to report in March."]),
    V(LOST, "'Decision' label over 'The Board agreed:-' and lettered items",
      "7. Workforce plan\n\nDecision\nThe Board agreed:-\n(a) to approve the workforce plan;\n"
      "(b) to receive an update in six months.\n",
      ["to approve the workforce plan", "to receive an update in six months."]),
    V(UNANIMOUS, "'Resolved (unanimously): That'",
      "8. Standing orders\n\nResolved (unanimously): That the revised standing orders be "
      "adopted.\n",
      ["That the revised standing orders be adopted."]),
    V(UNANIMOUS, "'Agreed \u2013 that the Council'",
      "9. Twinning\n\nAgreed \u2013 that the Council renews its twinning link with Caen.\n",
      ["that the Council renews its twinning link with Caen."]),
    V(MOTION, "moved and seconded that ..., then 'The motion was carried.'",
      "10. Lighting\n\nIt was moved by Cllr Dee and seconded by Cllr Fay that the street lights "
      "be converted to LED. The motion was carried.\n",
      ["that the street lights be converted to LED."]),
]
# fmt: on


@pytest.mark.parametrize("v", DECISIONS, ids=[f"{v.kind}: {v.name}" for v in DECISIONS])
def test_each_variant_of_a_decision_layout_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], notes
