"""Robustness to variation within each layout kind of issue 17.

For every kind the issue lists, small synthetic pages vary what a council might vary: the
wording, the wrapping, the separators, the list markers, how an owner is written (initials,
role, full name). Each is scored as the corpus scorer scores a page (resolutions by their words,
actions by owner and task), so a variant passes only when the reader finds exactly what a judge
would. None of these texts is taken from a corpus page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from tracker.minutes import parse_minutes
from tracker.minutes.evaluate import RESOLUTION_MATCH, TASK_MATCH, dice, same_owner, words


@dataclass(frozen=True)
class Variant:
    kind: str
    name: str
    text: str
    resolutions: tuple[str, ...] = ()
    actions: tuple[tuple[str, str], ...] = ()


def V(kind: str, name: str, text: str, res=(), act=()) -> Variant:  # noqa: N802
    return Variant(kind, name, text, tuple(res), tuple(act))


PROSE = "prose decision"
UNANIMOUS = "unanimously resolved"
MOTION = "parish motion"
LOST = "lost-label list"
RECOMMENDED = "recommended to a body"
NOTICE = "decision notice"
GLUED = "glued marker"
LOG = "flattened action log"
OWNER_COL = "trailing owner column"
ACTION_REF = "glued action reference"
DIRECTIVE = "unlabelled directive"
OWNER_LABEL = "owner-only label"
TRAP = "trap"

# one variant to a few lines: a table of cases, read down the page
# fmt: off
VARIANTS = [
    # ---- decisions without a keyword at the start of a line --------------------------------
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
    # ---- action logs flattened to text -----------------------------------------------------
    V(LOG, "' / ' cells with a header",
      "Action log\nNo / Action / Owner / Due\n1 / Circulate the revised plan to members / JS"
      " / March\n2 / Book the room for the away day / Clerk / April\n",
      act=[("JS", "Circulate the revised plan to members"),
           ("Clerk", "Book the room for the away day")]),
    V(LOG, "'|' cells with a header",
      "Actions\n| Action | Owner | Due |\n| Send the budget figures to the panel | Finance "
      "Manager | June |\n| Update the risk register | Head of Audit | July |\n",
      act=[("Finance Manager", "Send the budget figures to the panel"),
           ("Head of Audit", "Update the risk register")]),
    V(LOG, "' / ' cells without a header",
      "Actions arising\n1 / Write to the highways team about the verge / AB / 30 June\n"
      "2 / Chase the play area inspection report / CD / 31 July\n",
      act=[("AB", "Write to the highways team about the verge"),
           ("CD", "Chase the play area inspection report")]),
    V(OWNER_COL, "trailing initials",
      "5. Communications\n\nCirculate the newsletter draft to all partners AB\n"
      "Arrange a workshop on the new framework CD/EF\n",
      act=[("AB", "Circulate the newsletter draft to all partners"),
           ("CD/EF", "Arrange a workshop on the new framework")]),
    V(ACTION_REF, "'....Action 3.02: AB'",
      "3. Finance\n\nThe members asked for the quarterly figures to be shared before the next "
      "meeting....Action 3.02: AB\n",
      act=[("AB", "The members asked for the quarterly figures to be shared before the next "
                  "meeting")]),
    # ---- unlabelled directives ---------------------------------------------------------------
    V(DIRECTIVE, "initials to <verb>",
      "4. Website\n\nThe group discussed the website. JS to update the contact page.\n",
      act=[("JS", "update the contact page.")]),
    V(DIRECTIVE, "role to <verb>",
      "5. Trees\n\nThe overhanging trees were discussed. The Clerk to write to the landowner "
      "about the hedge.\n",
      act=[("The Clerk", "write to the landowner about the hedge.")]),
    V(DIRECTIVE, "councillor to <verb>",
      "6. Footpaths\n\nCllr Harris to inspect the footpath at Mill Lane and report back.\n",
      act=[("Cllr Harris", "inspect the footpath at Mill Lane and report back.")]),
    V(DIRECTIVE, "full name to <verb>, own line",
      "7. Training\n\nMembers asked about safeguarding training.\nSarah Jones to circulate the "
      "training dates.\n",
      act=[("Sarah Jones", "circulate the training dates.")]),
    V(DIRECTIVE, "is to <verb>",
      "8. Site visit\n\nAB is to organise a site visit in May.\n",
      act=[("AB", "organise a site visit in May.")]),
    V(DIRECTIVE, "passive: <Name> to be invited",
      "9. Speakers\n\nJane Doe to be invited to the next meeting to present the audit.\n",
      act=[("", "Jane Doe to be invited to the next meeting to present the audit.")]),
    # ---- owner-only labels ------------------------------------------------------------------
    V(OWNER_LABEL, "'Actions: <owner>' on its own line",
      "4. Grit bins\n\nThe grit bins need refilling before winter.\nActions: Clerk\n",
      act=[("Clerk", "The grit bins need refilling before winter.")]),
    V(OWNER_LABEL, "'Action: <initials>' after the sentence",
      "5. Signs\n\nThe broken sign at the green should be reported to the county. Action: MT\n",
      act=[("MT", "The broken sign at the green should be reported to the county.")]),
    # ---- traps -------------------------------------------------------------------------------
    V(TRAP, "agenda 'X to <verb>'",
      "AGENDA\n1. The Vice-Chair to open the meeting.\n2. The Clerk to read the apologies.\n"),
    V(TRAP, "Proposal: bullets",
      "5. Parking\n\nProposal:\n- That the car park be resurfaced.\n- That charges be "
      "introduced.\n"),
    V(TRAP, "member's comment 'That, ...'",
      "6. Highways\n\nCllr Watts said: That, in his view, the junction was dangerous and the "
      "county should act.\n"),
    V(TRAP, "bracketed proposer and seconder",
      "7. Accounts\n\nThe accounts were approved (JT/RB).\n"),
    V(TRAP, "approval be given",
      "8. Planning\n\nIt was noted that approval be given by the county in due course.\n"),
    V(TRAP, "consideration be given",
      "9. Hall\n\nMembers felt that consideration be given to new lighting.\n"),
    V(TRAP, "it was agreed that ... would",
      "10. Newsletter\n\nIt was agreed that the Chair would write the spring newsletter.\n"),
    # ---- round two: more wording, wrapping and markers for each kind -------------------------
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
    V(LOG, "tab-separated rows, no header",
      "Action log\nUpdate the asset register\tClerk\tMay\nRepair the noticeboard\tCllr Hill"
      "\tJune\n",
      act=[("Clerk", "Update the asset register"), ("Cllr Hill", "Repair the noticeboard")]),
    V(LOG, "'|' rows, no header, owner first",
      "5. Actions\n| JS | Send the audit plan to members | March |\n| Clerk | Book the hall "
      "for the AGM | April |\n",
      act=[("JS", "Send the audit plan to members"), ("Clerk", "Book the hall for the AGM")]),
    V(LOG, "' / ' rows with a cell wrapped onto its own line",
      "Actions arising\n1 / Write to the county about the speed limit on / AB / June\nthe "
      "High Street\n2 / Chase the quote for the bus shelter roof / CD / July\n",
      act=[("AB", "Write to the county about the speed limit on the High Street"),
           ("CD", "Chase the quote for the bus shelter roof")]),
    V(LOG, "runs of spaces, no header",
      "Actions\nCirculate the draft policy to members      JS      31 May\n"
      "Seek three quotes for the fencing           Clerk   30 June\n",
      act=[("JS", "Circulate the draft policy to members"),
           ("Clerk", "Seek three quotes for the fencing")]),
    V(OWNER_COL, "trailing initials after a full stop",
      "Matters arising\nCirculate the minutes to partners. JS\nUpdate the website with the "
      "new dates. AB/KL\n",
      act=[("JS", "Circulate the minutes to partners."),
           ("AB/KL", "Update the website with the new dates.")]),
    V(ACTION_REF, "'Action 4.1: JS' after a full stop",
      "4. Budget\n\nFigures for the second quarter to be sent to members. Action 4.1: JS\n",
      act=[("JS", "Figures for the second quarter to be sent to members.")]),
    V(DIRECTIVE, "role of several words",
      "5. Costs\n\nHead of Finance to provide a breakdown of the costs.\n",
      act=[("Head of Finance", "provide a breakdown of the costs.")]),
    V(DIRECTIVE, "two owners",
      "6. Contract\n\nChair and Clerk to meet the contractor on site.\n",
      act=[("Chair and Clerk", "meet the contractor on site.")]),
    V(DIRECTIVE, "plural role",
      "7. Review\n\nOfficers to bring a report to the next meeting.\n",
      act=[("Officers", "bring a report to the next meeting.")]),
    V(DIRECTIVE, "initials after a sentence on the same line",
      "8. Drains\n\nThe blocked drain at School Lane was reported again. DM to email the "
      "county highways officer.\n",
      act=[("DM", "email the county highways officer.")]),
    V(DIRECTIVE, "passive with a title: Councillor X to be invited",
      "9. Youth club\n\nCouncillor Patel to be invited to the youth club open evening.\n",
      act=[("", "Councillor Patel to be invited to the youth club open evening.")]),
    V(OWNER_LABEL, "'(Action: Clerk)' at the end of the sentence",
      "6. Bins\n\nThe dog bin at the park needs emptying more often (Action: Clerk).\n",
      act=[("Clerk", "The dog bin at the park needs emptying more often")]),
    V(OWNER_LABEL, "'ACTION: JS' on its own line",
      "7. Website\n\nThe accessibility statement needs to be updated.\nACTION: JS\n",
      act=[("JS", "The accessibility statement needs to be updated.")]),
    V(TRAP, "agenda page: item MINUTES with 'Recommended - That ...'",
      "AGENDA\n\n3. MINUTES\nRecommended \u2013 That the minutes of the meeting held on 1 May "
      "be approved as a correct record.\n\n4. FINANCE REPORT\nTo receive the report.\n"),
    V(TRAP, "'The Chairman to sign the minutes' on an agenda",
      "AGENDA\n2. Minutes of the last meeting. The Chairman to sign the minutes.\n"),
    V(TRAP, "'Councillor X to move:' before a motion",
      "10. Motion\n\nCouncillor Cuddy to move:\n"),
    V(TRAP, "'It was agreed that a letter would be sent'",
      "11. Speeding\n\nIt was agreed that a letter would be sent to the police.\n"),
    V(TRAP, "reported passive outcome",
      "2. Minutes\n\nThe minutes of the last meeting were approved as a correct record.\n"),
    V(TRAP, "Members noted that",
      "12. Update\n\nMembers noted that the survey would close in May.\n"),
    # ---- round three ---------------------------------------------------------------------------
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
    V(LOG, "' / ' rows with dotted numbers and two owners",
      "Action log\n1. / Send the revised budget to members / JS/AB / May\n2. / Arrange the "
      "audit committee training / Clerk / June\n",
      act=[("JS/AB", "Send the revised budget to members"),
           ("Clerk", "Arrange the audit committee training")]),
    V(LOG, "header with runs of spaces and a wrapped action cell",
      "Action            Owner    Due\nCirculate the consultation response\n"
      "to all partners   JS       June\nBook the venue for the conference   Clerk    July\n",
      act=[("JS", "Circulate the consultation response to all partners"),
           ("Clerk", "Book the venue for the conference")]),
    V(OWNER_LABEL, "'ACTION \u2013 Clerk' after the sentence on the same line",
      "4. Hedges\n\nThe hedge by the church needs cutting back. ACTION \u2013 Clerk\n",
      act=[("Clerk", "The hedge by the church needs cutting back.")]),
    V(OWNER_LABEL, "'Action by: JS' on its own line",
      "5. Survey\n\nThe parking survey results will be shared with residents.\nAction by: JS\n",
      act=[("JS", "The parking survey results will be shared with residents.")]),
    V(DIRECTIVE, "a directive after a resolution in the same paragraph",
      "6. Bench\n\nAgreed that the memorial bench be replaced. Clerk to order it from the "
      "supplier.\n",
      ["that the memorial bench be replaced."],
      [("Clerk", "order it from the supplier.")]),
    V(DIRECTIVE, "two owners written 'JS/AB'",
      "7. Response\n\nJS/AB to draft the response to the consultation.\n",
      act=[("JS/AB", "draft the response to the consultation.")]),
    V(DIRECTIVE, "a bulleted directive",
      "8. Schools\n\n\u2022 AB to contact the school about the crossing patrol.\n",
      act=[("AB", "contact the school about the crossing patrol.")]),
    V(TRAP, "'X will ...' is an undertaking, not an action",
      "9. Slides\n\nJS will circulate the slides after the meeting.\n"),
    V(TRAP, "'Cllr X agreed to ...' is an undertaking",
      "10. Speeding\n\nCllr Smith agreed to write to the county about speeding.\n"),
    V(TRAP, "a proposal with no outcome",
      "11. Minutes\n\nProposed by Cllr Lee, seconded by Cllr Roy.\n"),
    V(TRAP, "an amendment that was lost",
      "12. Budget\n\nCllr Ray moved an amendment that the grant be halved. On being put to the "
      "vote the amendment was lost.\n"),
    V(TRAP, "'asked that consideration be given'",
      "13. Toilets\n\nCllr Watts asked that consideration be given to opening the toilets in "
      "winter.\n"),
    V(TRAP, "'Chair to welcome members' in an item title line",
      "1. Welcome \u2013 the Chair to welcome members.\n"),
    V(RECOMMENDED, "a minutes page titled 'Agenda item' still takes 'RECOMMENDED - That'",
      "Council Agenda\nPresent: Cllrs A, B and C\n\n4. Budget\nRECOMMENDED \u2013 That the "
      "budget for 2026/27 be approved.\n",
      ["That the budget for 2026/27 be approved."]),
    # ---- round four: wrapping, markers and owners --------------------------------------------
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
    V(OWNER_COL, "'Task \u2013 Owner' lines under an Actions heading",
      "Actions\nSend the minutes to partners \u2013 JS\nBook the room for the next meeting "
      "\u2013 Clerk\n",
      act=[("JS", "Send the minutes to partners"),
           ("Clerk", "Book the room for the next meeting")]),
    V(DIRECTIVE, "title and surname",
      "6. Newsletter\n\nMrs Jones to circulate the newsletter to residents.\n",
      act=[("Mrs Jones", "circulate the newsletter to residents.")]),
    V(DIRECTIVE, "two councillors",
      "7. Development\n\nCllrs Smith and Jones to meet the developer.\n",
      act=[("Cllrs Smith and Jones", "meet the developer.")]),
    V(DIRECTIVE, "a team",
      "8. Papers\n\nDemocratic Services to circulate the papers a week early.\n",
      act=[("Democratic Services", "circulate the papers a week early.")]),
    V(DIRECTIVE, "'The Town Clerk to liaise'",
      "9. Market\n\nThe Town Clerk to liaise with the market traders.\n",
      act=[("The Town Clerk", "liaise with the market traders.")]),
    V(DIRECTIVE, "'Clerk to:' with a list of tasks",
      "10. Footway\n\nClerk to:\n- write to the county about the footway;\n- order a new "
      "grit bin.\n",
      act=[("Clerk", "write to the county about the footway"),
           ("Clerk", "order a new grit bin.")]),
    V(TRAP, "a report's recommendations before the real decision",
      "11. Plan\n\nRecommendations\n1. That the Board approves the plan.\n\nThe Board discussed "
      "the plan at length.\n\nRESOLVED: That the plan be approved with amendments.\n",
      ["That the plan be approved with amendments."]),
    V(TRAP, "'The Chairman to sign the minutes as a correct record' on an agenda",
      "AGENDA\n3. Minutes\nThe Chairman to sign the minutes as a correct record.\n"),
    V(TRAP, "'Apologies were received'",
      "2. Apologies\n\nApologies were received from Cllr Khan.\n"),
    # ---- round five -------------------------------------------------------------------------
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
    V(OWNER_LABEL, "'ACTION POINT: JS to ...'",
      "11. Grants\n\nACTION POINT: JS to publish the grant criteria on the website.\n",
      act=[("JS", "publish the grant criteria on the website.")]),
    V(OWNER_LABEL, "'Action (JS): circulate ...'",
      "12. Report\n\nAction (JS): circulate the annual report to partners.\n",
      act=[("JS", "circulate the annual report to partners.")]),
    V(TRAP, "an update on an earlier action",
      "2. Matters arising\n\nAction 3 from the last meeting \u2013 JS had circulated the slides."
      " Complete.\n"),
    V(TRAP, "'Action 5.2 \u2013 complete' in a review of actions",
      "3. Review of actions\n\nAction 5.2 \u2013 complete.\nAction 5.3 \u2013 ongoing.\n"),
]
# fmt: on


def _score(v: Variant) -> tuple[list[str], list[str]]:
    e = parse_minutes(v.text)
    problems: list[str] = []
    found = [r.text for r in e.resolutions]
    left = list(found)
    for want in v.resolutions:
        best = max(left, key=lambda f: dice(words(f), words(want)), default=None)
        if best is None or dice(words(best), words(want)) < RESOLUTION_MATCH:
            problems.append(f"missed resolution {want!r}")
        else:
            left.remove(best)
    problems += [f"false resolution {f!r}" for f in left]
    acts = [(f.owner, f.text) for f in e.followups if f.source != "resolution"]
    for owner, task in v.actions:
        hit = next(
            (
                a
                for a in acts
                if same_owner(a[0], owner) and dice(words(a[1]), words(task)) >= TASK_MATCH
            ),
            None,
        )
        if hit is None:
            problems.append(f"missed action {owner!r}: {task!r}")
        else:
            acts.remove(hit)
    problems += [f"false action {a!r}" for a in acts]
    notes = [f"{u.line}: {u.reason}" for u in e.unsure]
    return problems, notes


@pytest.mark.parametrize("v", VARIANTS, ids=[f"{v.kind}: {v.name}" for v in VARIANTS])
def test_each_variant_of_each_layout_kind_is_read_as_a_judge_would(v):
    problems, notes = _score(v)
    assert problems == [], notes


_DECISION_WORD_RE = re.compile(r"\b(?:agreed|resolved|decided|carried)\b|^\W*actions?\b", re.I)


_LOG_TITLE_RE = re.compile(
    r"^\W*actions?(?:\s+(?:log|arising|plan|points?|sheet|tracker))?\s*$", re.I
)


def _placed(text: str) -> list[str]:
    """Lines with a decision word that nothing in the result points at: not a resolution, a
    follow-up or a review note on that line or on an earlier line of the same paragraph (a
    hard-wrapped sentence is one unit, numbered by its first line). A lead-in (ending ":", or
    just above a resolution taken: "... put to the vote and carried.") is the structure of the
    list under it."""
    e = parse_minutes(text)
    told = {r.line for r in e.resolutions} | {f.line for f in e.followups}
    told |= {u.line for u in e.unsure}
    lines = text.splitlines()
    texts = [k for k, line in enumerate(lines, 1) if line.strip()]
    leads = {a for a, b in zip(texts, texts[1:], strict=False) if b in told}
    lost, paragraph = [], []
    for no, line in enumerate(lines, 1):
        paragraph = [*paragraph, no] if line.strip() else []
        if not _DECISION_WORD_RE.search(line) or line.rstrip().endswith((":", ":-")):
            continue
        if _LOG_TITLE_RE.match(line):
            continue  # "Action log", "Actions arising": the title of what follows
        if not told & set(paragraph) and no not in leads:
            lost.append(f"{no}: {line}")
    return lost


def test_every_line_with_a_decision_word_is_placed_or_listed_for_review():
    texts = [v.text for v in VARIANTS] + [
        "4. Minutes\n\nThe minutes of the last meeting were agreed as a correct record.\n",
        "5. Budget\n\nThe budget was unanimously agreed.\n",
        "6. Bins\n\nA motion on bins was carried.\n",
        "7. Review\n\nAction (7) closed as the report went to Cabinet.\n",
    ]
    assert [lost for t in texts if (lost := _placed(t))] == []


def test_a_reported_passive_outcome_is_listed_with_its_line_not_taken():
    e = parse_minutes("3. Accounts\n\nAfter questions the accounts were agreed.\n")
    assert e.resolutions == ()
    assert [(u.line, u.text) for u in e.unsure] == [
        (3, "After questions the accounts were agreed.")
    ]


# ---- generated variants: every combination of the ways a kind varies --------------------------
# fmt: off


def _wrap(sentence: str, at: int) -> str:
    """The sentence hard-wrapped after its `at`-th word (0: not wrapped)."""
    w = sentence.split(" ")
    return sentence if not 0 < at < len(w) else " ".join(w[:at]) + "\n" + " ".join(w[at:])


def _prose_variants() -> list[Variant]:
    subjects = ["It was", "The Board", "The Health and Wellbeing Board", "The Committee",
                "Council", "The Sub-Committee", "The Police and Crime Panel", "The Partnership"]
    out = []
    for subject in subjects:
        for adverb in ("", "unanimously ", "therefore "):
            for verb in ("agreed", "resolved", "decided"):
                for clause in ("that the revised policy be adopted.", "to adopt the revised policy."):
                    sentence = f"{subject} {adverb}{verb} {clause}"
                    for at in range(len(sentence.split(" "))):  # wrapped after every word
                        text = f"5. Policy\n\nMembers discussed the draft. {_wrap(sentence, at)}\n"
                        out.append(V(PROSE, sentence, text, [clause]))
    return out


def _list_variants() -> list[Variant]:
    leads = ["That the Committee:", "It is recommended that Cabinet:", "The Board agreed:",
             "RESOLVED:", "RESOLVED that:", "The Committee resolved:-",
             "That the Health and Wellbeing Board:"]
    markers = ["({a})", "{a})", "{a}.", "({i})", "{n}.", "{n})", "({n})", "\u2022", "-"]
    items = ["notes the report", "approves the revised budget",
             "asks officers to report back in June"]
    out = []
    for lead in leads:
        for marker in markers:
            body = "\n".join(
                marker.format(a="abc"[k], i=("i", "ii", "iii")[k], n=k + 1)
                + f" {t}{';' if k < 2 else '.'}"
                for k, t in enumerate(items)
            )
            text = f"7. Budget\n\nThe Director introduced the report.\n\n{lead}\n{body}\n"
            out.append(V(LOST, f"{lead} {marker}", text, items))
    return out


def _directive_variants() -> list[Variant]:
    owners = ["JS", "The Clerk", "Cllr Harris", "Sarah Jones", "Head of Finance",
              "Democratic Services", "JS/AB", "The Chair", "Officers", "Mrs Jones"]
    tasks = ["circulate the slides to members.", "write to the county about the verge.",
             "contact the school about parking."]
    out = []
    for owner in owners:
        for task in tasks:
            line = f"{owner} to {task}"
            for text in (f"4. Item\n\nMembers discussed it.\n{line}\n",
                         f"4. Item\n\nMembers discussed it. {line}\n",
                         f"4. Item\n\n\u2022 {line}\n"):
                out.append(V(DIRECTIVE, line, text, act=[(owner, task)]))
    return out


def _table_variants() -> list[Variant]:
    rows = [("Circulate the revised plan to members", "JS", "March"),
            ("Book the room for the away day", "Clerk", "April"),
            ("Chase the audit report", "AB/CD", "May")]
    out = []
    for sep in (" / ", " | ", "\t", "     "):
        for order in ("task owner due", "owner task due", "number task owner"):
            for title in ("Actions", "Action log", "5. Actions arising"):
                lines = []
                for n, (task, owner, due) in enumerate(rows, 1):
                    cells = {"task": task, "owner": owner, "due": due, "number": str(n)}
                    lines.append(sep.join(cells[c] for c in order.split()))
                text = f"{title}\n" + "\n".join(lines) + "\n"
                out.append(V(LOG, f"{sep!r} {order} under {title}", text,
                             act=[(o, t) for t, o, _ in rows]))
    return out


def _owner_label_variants() -> list[Variant]:
    sentence = "The noticeboard at the green needs repairing."
    out = []
    for label in ("Action: {o}", "ACTION: {o}", "Action - {o}", "(Action: {o})", "Actions: {o}",
                  "ACTION \u2013 {o}", "Action by: {o}"):
        for owner in ("JS", "Clerk", "Head of Finance"):
            mark = label.format(o=owner)
            for text in (f"4. Noticeboard\n\n{sentence} {mark}\n",
                         f"4. Noticeboard\n\n{sentence}\n{mark}\n"):
                out.append(V(OWNER_LABEL, mark, text, act=[(owner, sentence)]))
    return out


def _motion_variants() -> list[Variant]:
    clause = "that the precept be set at \u00a35,000."
    out = []
    for motion in ("Proposed by Cllr A, seconded by Cllr B, {c} {o}",
                   "Proposed (AB) & Seconded (CD) {c} {o}",
                   "Cllr A proposed and Cllr B seconded {c} {o}",
                   "It was proposed by Cllr A and seconded by Cllr B {c} {o}"):
        for outcome in ("Carried.", "Unanimously agreed.", "All in favour.",
                        "Carried unanimously.", "Agreed by all."):
            text = "6. Precept\n\n" + motion.format(c=clause, o=outcome) + "\n"
            out.append(V(MOTION, text, text, [clause]))
    return out

def _action_reference_variants() -> list[Variant]:
    sentence = "The members asked for the quarterly figures to be shared before the next meeting"
    out = []
    for ref in ("Action 3.02", "Action 3", "Action 12", "ACTION 4.1", "Action No. 5"):
        for owner in ("AB", "AB/CD", "Clerk", "Head of Finance"):
            for glue in ("....", ". ", " - "):
                text = f"3. Finance\n\n{sentence}{glue}{ref}: {owner}\n"
                out.append(V(ACTION_REF, text, text, act=[(owner, sentence)]))
    return out


def _owner_column_variants() -> list[Variant]:
    tasks = ["Circulate the newsletter draft to all partners",
             "Arrange a workshop on the new framework", "Update the risk register"]
    out = []
    for owners in (("AB", "CD", "EF"), ("AB/CD", "EF", "GH/IJ"), ("JS", "JS", "KL")):
        for sep in (" ", " - ", " \u2013 ", ". "):
            for title in ("5. Communications", "Actions", "Matters arising"):
                lines = "\n".join(f"{t}{sep}{o}" for t, o in zip(tasks, owners, strict=True))
                text = f"{title}\n\n{lines}\n"
                out.append(V(OWNER_COL, text, text,
                             act=list(zip(owners, tasks, strict=True))))
    return out


def _passive_variants() -> list[Variant]:
    out = []
    for who in ("Jane Doe", "Stephen Lawrence-Orumwense", "Cllr Harris", "Councillor Patel",
                "Dr Amir Khan", "Mr Brown"):
        for done in ("invited to the next meeting", "asked to present the audit",
                     "contacted about the grant"):
            sentence = f"{who} to be {done}."
            for text in (f"9. Speakers\n\nMembers discussed the programme. {sentence}\n",
                         f"9. Speakers\n\n{sentence}\n"):
                out.append(V(DIRECTIVE, text, text, act=[("", sentence)]))
    return out


def _trap_variants() -> list[Variant]:
    agenda = ["The Chair to welcome members.", "The Vice-Chair to open the meeting.",
              "Chairman to report apologies.", "Chair to sign and date.",
              "Councillor Cuddy to move:", "The Clerk to read the minutes."]
    prose = ["It was agreed that the Chair would write to the county.",
             "It was agreed that officers will report back.",
             "JS will circulate the slides.", "Cllr Smith agreed to write to the MP.",
             "The Chair undertook to contact the police.",
             "Members noted that the survey closes in May.",
             "Cllr Morton said that he agreed that the plan was good.",
             "The minutes were approved as a correct record (JT/RB).",
             "Proposed by Cllr Lee, seconded by Cllr Roy.",
             "It was noted that approval be given by the county.",
             "The Board asked that consideration be given to new lighting."]
    return [V(TRAP, t, f"AGENDA\n1. {t}\n") for t in agenda] + [
        V(TRAP, t, f"5. Item\n\n{t}\n") for t in prose
    ]

def _notice_variants() -> list[Variant]:
    items = ["To approve the traffic calming scheme.",
             "To delegate the detailed design to the Director of Place."]
    out = []
    for label in ("Decision Made (Ref: 1234)", "Decision (Ref. 77)", "DECISION (Ref: 12/34)",
                  "Record of Decision (Ref 45)", "Decision taken"):
        for lead in ("The Cabinet Member for Highways made the following decision:",
                     "Having considered the report, the Leader decided:",
                     "The Portfolio Holder for Housing RESOLVED:",
                     "The Executive Director agreed:",
                     "The Cabinet Member for Highways has decided:"):
            for marker in ("({})", "{}.", "{})"):
                for labels in (("i", "ii"), ("1", "2"), ("a", "b")):
                    body = "\n".join(
                        f"{marker.format(k)} {t}" for k, t in zip(labels, items, strict=True)
                    )
                    text = f"{label}\n\n{lead}\n{body}\n"
                    out.append(V(NOTICE, text, text, items))
    return out


def _glued_variants() -> list[Variant]:
    out = []
    for keyword in ("RESOLVED:", "RESOLVED that:", "The Committee RESOLVED:"):
        for marker in ("({})", "{})", "{}."):
            for labels in (("1", "2"), ("a", "b"), ("i", "ii")):
                for first in ("that", "the", "That"):
                    want = [f"{first} report be noted", f"{first} plan be approved."]
                    text = (f"4. Plan\n\n{keyword}\n{marker.format(labels[0])}{want[0]};\n"
                            f"{marker.format(labels[1])}{want[1]}\n")
                    out.append(V(GLUED, text, text, want))
    return out


def _proposal_variants() -> list[Variant]:
    out = []
    for label in ("Proposal:", "Proposals:", "Comments:"):
        for markers in (("-", "-"), ("\u2022", "\u2022"), ("1.", "2."), ("(a)", "(b)")):
            text = (f"5. Parking\n\n{label}\n{markers[0]} That the car park be resurfaced.\n"
                    f"{markers[1]} That charges be introduced.\n")
            out.append(V(TRAP, text, text))
    return out


def _keyword_variants() -> list[Variant]:
    out = []
    for keyword in ("RESOLVED:", "RESOLVED -", "RESOLVED \u2013", "Resolved:", "RESOLVED that",
                    "UNANIMOUSLY RESOLVED:", "RESOLVED UNANIMOUSLY:", "It was RESOLVED that",
                    "AGREED:", "Agreed \u2013", "DECISION:", "Decision:",
                    "RESOLVED (unanimously):", "The Committee RESOLVED:", "RESOVLED:"):
        for clause in ("That the report be noted.", "that the report be noted.",
                       "the report be noted."):
            for text in (f"6. Report\n\n{keyword} {clause}\n", f"6. Report\n\n{keyword}\n{clause}\n"):
                out.append(V(UNANIMOUS, text, text, [clause]))
    return out


# how items are numbered: (heading of item 4 and of item 5, the number judged for item 5)
ITEM_STYLES = [("{}.", "5"), ("{}", "5"), ("Item {}:", "5"), ("Minute 12{}", "125"),
               ("4{}/23", "45/23"), ("8.1{}", "8.15"), ("AGENDA ITEM {} -", "5"),
               ("Item {}.", "5"), ("Minute No. 4{}/23", "45/23"), ("{}/23", "5/23"),
               ("F0{}:04/24", "F05:04/24")]


def _item_pages() -> list[tuple[str, str]]:
    out = []
    for style, number in ITEM_STYLES:
        for title in ("Budget Monitoring", "BUDGET MONITORING"):
            for body in ("RESOLVED: That the report be noted.",
                         "It was agreed that the report be noted.",
                         "Resolved - that the report be noted."):
                for gap in ("\n\n", "\n"):
                    out.append((f"{style.format(4)} Apologies\n\nNone.\n\n{style.format(5)} {title}"
                                f"{gap}The Director introduced the report.\n{body}\n", number))
    return out
# fmt: on


def test_every_style_of_item_number_is_given_to_the_resolution_under_it():
    wrong = []
    for text, number in _item_pages():
        items = [r.item for r in parse_minutes(text).resolutions]
        if items != [number]:
            wrong.append((text, items))
    assert wrong == []


GENERATED = {
    "prose decisions, wrapped after every word": _prose_variants,
    "lead-ins over lists in every marker style": _list_variants,
    "directives of every owner, on their own line, after a sentence, bulleted": _directive_variants,
    "action tables with no header: every separator and column order": _table_variants,
    "owner-only labels, on the same line or the next": _owner_label_variants,
    "motions with every outcome wording": _motion_variants,
    "numbered action references glued to the sentence, every owner": _action_reference_variants,
    "owner columns flattened onto each item, every separator": _owner_column_variants,
    "'<person> to be ...': every way of naming the person": _passive_variants,
    "traps: agenda descriptions, undertakings, views, proposers": _trap_variants,
    "decision keywords in every form, the clause on the same line or the next": _keyword_variants,
    "decision notices: every label, lead-in and marker": _notice_variants,
    "list markers glued to their text, every marker": _glued_variants,
    "traps: clauses under a 'Proposal:' or 'Comments:' label, every marker": _proposal_variants,
}


@pytest.mark.parametrize("kind", list(GENERATED))
def test_every_generated_variant_of_a_kind_is_read(kind):
    failed = [v.text for v in GENERATED[kind]() if _score(v)[0]]
    assert failed == []


# ---- whole pages: several kinds on one page, read together --------------------------------------

TOWN_COUNCIL = """MINUTES OF THE MEETING OF NEWTOWN TOWN COUNCIL
held on Tuesday 3 March 2026 at 7pm in the Town Hall

Present: Cllrs Adams (Chair), Bell, Cole, Dee and Fay
In attendance: Mrs J Smith (Town Clerk)

1. Apologies
Apologies were received from Cllr Gray.

2. Minutes of the last meeting
Proposed (AB) & Seconded (CD) that the minutes of the meeting held on 4 February be signed as a
true record. Unanimously agreed.

3. Play area
The Clerk reported that the inspection had found two worn swings. After discussion it was
agreed that the swings be replaced before Easter. Clerk to order the swings from the
supplier.

4. Planning
The Council considered application 26/00123/FUL and agreed to make no objection.

5. Actions
Circulate the budget papers to all members / JS / 10 March
Book the hall for the annual meeting / Clerk / April

The meeting closed at 8.40pm.
"""
HEALTH_BOARD = """Anytown Health and Wellbeing Board
Minutes of the meeting held on 12 May 2026

Item 4: Joint Strategic Needs Assessment

The Director of Public Health presented the refreshed assessment. Members asked about the
figures for childhood obesity.

That the Board:
(a) notes the refreshed assessment;
(b) agrees the three priorities set out in section 5; and
(c) asks the Director of Public Health to report progress in November.

ACTION: DPH to circulate the ward profiles to members.

Item 5: Better Care Fund

The Board agreed that the Better Care Fund plan be submitted to NHS England.
Sarah Jones to be invited to the next meeting to present the evaluation.
"""


def test_a_town_council_page_mixing_a_motion_prose_a_directive_and_an_action_table():
    e = parse_minutes(TOWN_COUNCIL)
    assert [(r.item, r.text) for r in e.resolutions] == [
        ("2", "that the minutes of the meeting held on 4 February be signed as a true record"),
        ("3", "that the swings be replaced before Easter."),
        ("4", "to make no objection."),
    ]
    assert [(f.owner, f.text) for f in e.followups] == [
        ("Clerk", "order the swings from the supplier."),
        ("JS", "Circulate the budget papers to all members"),
        ("Clerk", "Book the hall for the annual meeting"),
    ]


def test_a_health_board_page_mixing_a_lost_label_list_an_action_and_a_passive_directive():
    e = parse_minutes(HEALTH_BOARD)
    assert [(r.item, r.number, r.text) for r in e.resolutions] == [
        ("4", "a", "notes the refreshed assessment"),
        ("4", "b", "agrees the three priorities set out in section 5"),
        ("4", "c", "asks the Director of Public Health to report progress in November."),
        ("5", "", "that the Better Care Fund plan be submitted to NHS England."),
    ]
    actions = [(f.owner, f.text) for f in e.followups if f.source != "resolution"]
    assert actions == [
        ("DPH", "circulate the ward profiles to members."),
        ("", "Sarah Jones to be invited to the next meeting to present the evaluation."),
    ]
