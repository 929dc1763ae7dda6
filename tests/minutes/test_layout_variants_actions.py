"""Action logs flattened to text, unlabelled directives, owner-only labels and the traps (issue
17's other layout kinds), each written the ways a council might write it; and every line with a
decision or action word is read or listed for review with its line (see layout_kit)."""

from __future__ import annotations

import re

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import (
    ACTION_REF,
    DIRECTIVE,
    LOG,
    OWNER_COL,
    OWNER_LABEL,
    TRAP,
    V,
    score,
)
from .test_layout_variants_decisions import DECISIONS

# fmt: off
ACTIONS_AND_TRAPS = [
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
    V(OWNER_LABEL, "'Actions: <owner>' on its own line",
      "4. Grit bins\n\nThe grit bins need refilling before winter.\nActions: Clerk\n",
      act=[("Clerk", "The grit bins need refilling before winter.")]),
    V(OWNER_LABEL, "'Action: <initials>' after the sentence",
      "5. Signs\n\nThe broken sign at the green should be reported to the county. Action: MT\n",
      act=[("MT", "The broken sign at the green should be reported to the county.")]),
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


@pytest.mark.parametrize(
    "v", ACTIONS_AND_TRAPS, ids=[f"{v.kind}: {v.name}" for v in ACTIONS_AND_TRAPS]
)
def test_each_variant_of_an_action_layout_or_trap_is_read_as_a_judge_would(v):
    problems, notes = score(v)
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
    texts = [v.text for v in DECISIONS + ACTIONS_AND_TRAPS] + [
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
