"""Kinds a sweep of Welsh, Scottish and Northern Irish bodies, police and crime panels, fire
authorities and health bodies (batch 22's development pages) showed the reader missing. None of
these texts is taken from a page; each kind is written in several wordings, with guards:

- a minute number, its short title and the decision word in capitals on one line ("2145
  Appointment of Chair RESOLVED that ..."): the heading and the decision;
- "RESOLVED noted that ...": the keyword, then what was noted (not the short outcome "RESOLVED
  noted");
- a title's abbreviation ("Cllr.", "Mrs.", "Dr.") does not end the sentence of a prose decision;
- "It was RESOLVED for the matter to go back to ..." (the issue's "It was RESOLVED for ...");
- "Minute 112" alone on its line over its title, and an item code with a four-digit year
  ("C141/2015 CONGRATULATIONS"): the item's number;
- two paragraphs under one "Resolved that:", each a whole "X be ..." clause: two resolutions;
- "Minutes of last meeting: Approved" and "Approved by A and B" under the minutes item: the
  meeting's outcome (rules 5 and 4);
- a table of items with an "Action By" column whose rows open with an empty number cell ("| |CW
  to write to ... | | |"): the row's text is read (a directive), and a date alone in the "Date
  Required" cell ("16/09/19") is not an item number;
- "Article 4. COMMUNITY ASSET TRANSFER" (a Scottish council's minute) and "C.12/23 MINUTES" give
  the item's number;
- a bilingual keyword line, "PENDERFYNWYD / RESOLVED: <Welsh> / that ...": the English clause is
  the decision, judged once (the README's bilingual rule);
- a board's lead-in and its verb-first decisions run on one line, "The Board: noted ...; approved
  ...; and agreed to ...": one resolution for each (batch 13's lead-in, its list flattened);
- "Item 6<tab>Police Scotland update": the item's number before a tab;
- a bare number, a short title and a prose decision with no stop between ("5 Adoption of
  Constitution It was agreed to adopt ..."): the heading and the decision (the untuned round's
  miss, tuned on afterwards).
"""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import DIRECTIVE, LOST, MOTION, PROSE, TRAP, V, score

KEYWORD = "keyword before its text"

# fmt: off
NATIONS = [
    # ---- a minute number, its title and the decision word on one line ------------------------
    V(KEYWORD, "'2145 Appointment of Chair RESOLVED that ...' twice",
      "2144 Declarations of Interest None were declared.\n\n"
      "2145 Appointment of Chair RESOLVED that Councillor A Jones be appointed Chair for "
      "2024/25.\n\n2146 Appointment of Vice Chair RESOLVED that Councillor B Smith be appointed "
      "Vice Chair for 2024/25.\n",
      res=["that Councillor A Jones be appointed Chair for 2024/25.",
           "that Councillor B Smith be appointed Vice Chair for 2024/25."]),
    V(KEYWORD, "'12 Grass Cutting RESOLVED to accept the quote ...'",
      "11 Apologies None.\n\n12 Grass Cutting RESOLVED to accept the quote from Greens Ltd "
      "for the season.\n\n13 Close\n",
      res=["to accept the quote from Greens Ltd for the season."]),
    # ---- "RESOLVED noted that ..." ------------------------------------------------------------
    V(KEYWORD, "'RESOLVED noted that Councillor ... signed ...'",
      "3669 Declaration of Acceptance RESOLVED noted that Councillor M Owen signed the "
      "Declaration of Acceptance of Office.\n",
      res=["noted that Councillor M Owen signed the Declaration of Acceptance of Office."]),
    V(KEYWORD, "'RESOLVED – noted that the accounts ...' after the discussion",
      "7. Accounts\nThe accounts were discussed. RESOLVED - noted that the accounts had been "
      "audited.\n",
      res=["noted that the accounts had been audited."]),
    V(KEYWORD, "guard: '... RESOLVED and noted. The Council thanked ...' stays the short outcome",
      "7. Litter\nThe litter pick was reported. RESOLVED and noted. The Council thanked the "
      "volunteers.\n",
      res=["RESOLVED and noted."]),
    # ---- a page number glued before the keyword ---------------------------------------------
    V(KEYWORD, "'16 Resolved that ...' under minute 49: the page's number, then the decision",
      "48. MINUTES\n\nResolved that the Minutes be confirmed.\n\n49. MATTERS ARISING\n\n"
      "(a) Hall Roof\n\nThe roof was inspected.\n\n7 Resolved that the report be noted and "
      "that quotes be obtained.\n\n(b) Minute 34 - Funding\n\nThe grant was refused.\n",
      res=["that the Minutes be confirmed.",
           "that the report be noted and that quotes be obtained."]),
    V(KEYWORD, "guard: '50 Resolved that ...' after item 49 is the next minute's decision",
      "49. MATTERS ARISING\n\nThe roof was inspected.\n\n50 Resolved that the accounts be "
      "paid.\n",
      res=["that the accounts be paid."]),
    # ---- a title's abbreviation inside a prose decision ---------------------------------------
    V(PROSE, "'It was agreed to send a card to Cllr. A Smith to wish her well'",
      "Minute 20\nPersonal References\nIt was agreed to send a card to Cllr. Anne Smith to wish "
      "her a speedy recovery.\n",
      res=["to send a card to Cllr. Anne Smith to wish her a speedy recovery."]),
    V(PROSE, "'It was agreed that Mrs. Jones be thanked for her work'",
      "6. Hall\nIt was agreed that Mrs. Jones be thanked for her work on the hall. The meeting "
      "moved on.\n",
      res=["that Mrs. Jones be thanked for her work on the hall."]),
    V(PROSE, "'It was resolved to invite Dr. Evans to the next meeting'",
      "6. Health\nIt was resolved to invite Dr. Evans to address the next meeting.\n",
      res=["to invite Dr. Evans to address the next meeting."]),
    # ---- "It was RESOLVED for ..." -------------------------------------------------------------
    V(PROSE, "'It was RESOLVED for the matter to go back to the Planning Committee.'",
      "Minute 30\nLocal Plan\nThe letter was discussed. It was RESOLVED for the matter to go back "
      "to the Planning Committee.\n",
      res=["for the matter to go back to the Planning Committee."]),
    V(PROSE, "'it was agreed for the Clerk to write to the county council'",
      "8. Roads\nThe potholes were reported and it was agreed for the Clerk to write to the "
      "county council.\n",
      res=["for the Clerk to write to the county council."]),
    V(TRAP, "guard: 'It was agreed for now ...' is not a clause of a decision",
      "8. Roads\nThe Chairman thanked Cllr Hale for his work for the village.\n"),
    # ---- two paragraphs under one "Resolved that:" --------------------------------------------
    V(LOST, "'Resolved that:' over two 'X be re-appointed ...' paragraphs",
      "Resolved that:\n\n\nCouncillor A Jones be re-appointed as Chair of the Panel.\n\n\n"
      "Ms B Smith, Co-opted Member be re-appointed as Vice Chair of the Panel.\n\n\n"
      "Resolved that:\n\n\nThe Minutes of the Meeting held on 3 May be accepted as a correct "
      "record.\n",
      res=["Councillor A Jones be re-appointed as Chair of the Panel.",
           "Ms B Smith, Co-opted Member be re-appointed as Vice Chair of the Panel.",
           "The Minutes of the Meeting held on 3 May be accepted as a correct record."]),
    V(LOST, "guard: a paragraph of discussion after the clause is not a second resolution",
      "Resolved that:\n\n\nThe report be noted.\n\n\nThe Chair thanked the officers for the "
      "report.\n",
      res=["The report be noted."]),
    # ---- the minutes item's outcome ------------------------------------------------------------
    V(LOST, "'Minute of last meeting: Approved'",
      "Present: A Brown (chair), C Green\nMinute of last meeting: Approved\nPolice Report: "
      "There were no crimes reported.\n",
      res=["Approved"]),
    V(LOST, "'Minutes of the previous meeting: Approved.'",
      "1. Apologies: none\n2. Minutes of the previous meeting: Approved.\n3. Treasurer: the "
      "balance is £400.\n",
      res=["Approved."]),
    V(TRAP, "guard: 'Planning: Approved by the county council ...' reports another body",
      "4. Planning: Approved by the county council in March.\n5. Close\n"),
    V(MOTION, "'2. Minutes of last meeting' / 'Approved by A Masson and N Margiotta'",
      "1. Apologies\n\nJ Brown.\n2. Minutes of last meeting\n\nApproved by A Masson  and  "
      "N Margiotta\n\n3. Matters arising\n\nNone.\n",
      res=["Approved by A Masson  and  N Margiotta"]),
    V(MOTION, "'Minutes of the last meeting were approved by Cllr Reid and Cllr Shaw'",
      "2. Minutes\nApproved by Cllr Reid and Cllr Shaw.\n3. Finance\nNone.\n",
      res=["Approved by Cllr Reid and Cllr Shaw."]),
    V(TRAP, "guard: 'Approved by the Highland Council' is another body's outcome",
      "2. Planning\nApproved by the Highland Council and the Roads Department.\n3. Close\n"),
    # ---- a table of items with an "Action By" column --------------------------------------------
    V(DIRECTIVE, "'| |CW to write to the council ... | | |' in a table of items",
      "|NO |Item |Action By |Date Required |\n\n|1. |Welcome | | |\n\n| |CW welcomed all. | | |"
      "\n\n|2. |Roads | | |\n\n| |Potholes on Mill Lane were reported. | | |\n\n| |CW to write to "
      "the council about the potholes on Mill Lane| | |\n\n|3. |Close | | |\n",
      act=[("CW", "write to the council about the potholes on Mill Lane")]),
    V(DIRECTIVE, "'| |HW to order the new noticeboard. |HW |30/09/19 |'",
      "|NO |Item |Action By |Date Required |\n\n|4. |Noticeboard | | |\n\n| |HW to order the new "
      "noticeboard. |HW |30/09/19 |\n\n|5. |Close | | |\n",
      act=[("HW", "order the new noticeboard.")]),
    # ---- bilingual keyword lines ----------------------------------------------------------------
    V(KEYWORD, "'PENDERFYNWYD / RESOLVED: <Welsh> / that the accounts be paid.'",
      "6. CYLLID / FINANCE\n\nPENDERFYNWYD / RESOLVED: talu’r biliau / that the accounts be "
      "paid.\n\n7. UNRHYW FATER ARALL / ANY OTHER BUSINESS\n",
      res=["that the accounts be paid."]),
    V(KEYWORD, "'PENDERFYNWYD: <Welsh>' then 'RESOLVED: to approve ...': the English line alone",
      "5. COFNODION / MINUTES\n\nPENDERFYNWYD: cymeradwyo cofnodion y cyfarfod.\nRESOLVED: to "
      "approve the minutes of the meeting.\n",
      res=["to approve the minutes of the meeting."]),
    V(KEYWORD, "guard: 'RESOLVED: that the road / footpath be repaired' keeps its slash",
      "6. Roads\n\nRESOLVED: that the road / footpath at Mill Lane be repaired.\n",
      res=["that the road / footpath at Mill Lane be repaired."]),
    # ---- a board's lead-in and its decisions on one line ------------------------------------------
    V(LOST, "'The Board: noted ...; approved ...; and agreed to ...' on one line",
      "4. Annual Report\n\nThe Board: noted the annual report; approved its publication; and "
      "agreed to review the risk register in June.\n\n5. Close\n",
      res=["noted the annual report", "approved its publication",
           "agreed to review the risk register in June."]),
    V(LOST, "'The Integration Joint Board: approved ...; and instructed ...'",
      "7. Winter Plan\nThe Integration Joint Board: approved the winter plan; and instructed the "
      "Chief Officer to report on its delivery in March.\n",
      res=["approved the winter plan",
           "instructed the Chief Officer to report on its delivery in March."]),
    V(TRAP, "guard: 'The Board: Members discussed ...; ...' is not a list of decisions",
      "4. Annual Report\n\nThe Board: Members discussed the report; several questions were "
      "asked.\n"),
    V(PROSE, "guard: '5 members of the public attended and It was agreed ...' keeps its item",
      "3. Public\n5 members of the public attended. It was agreed to hear them first.\n",
      res=["to hear them first."]),
]
# fmt: on


@pytest.mark.parametrize("v", NATIONS, ids=[f"{v.kind}: {v.name}" for v in NATIONS])
def test_each_nations_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], (problems, notes)


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "2145 Appointment of Chair RESOLVED that Councillor A Jones be appointed Chair.\n\n"
            "2146 Appointment of Vice Chair RESOLVED that Councillor B Smith be appointed Vice "
            "Chair.\n",
            ["2145", "2146"],
        ),
        (
            "Minute 111\nDeclarations\nNone.\nMinute 112\nPersonal References\nIt was agreed to "
            "send a card to Mrs Smith.\n",
            ["112"],
        ),
        (
            "C140/2015 WELCOME\nThe Mayor welcomed members.\n\nC141/2015 CONGRATULATIONS It was\n\n"
            "RESOLVED: That a letter of congratulation be sent to the team.\n",
            ["C141/2015"],
        ),
        (
            "48. MINUTES\n\nResolved that the Minutes be confirmed.\n\n49. MATTERS ARISING\n\n"
            "(a) Hall Roof\n\nThe roof was inspected.\n\n7 Resolved that the report be noted.\n",
            ["48", "49"],
        ),
        (
            "|NO |Item |Action By |Date Required |\n\n|3. |Police Report | | |\n\n| |The report was "
            "noted. | | |\n\n| |Minutes of Previous Meeting |CW |16/09/19 |\n\n| |The minutes of the "
            "meeting on 17th June were approved. Proposed by AP and seconded by AA | | |\n\n|4. | | | |\n",
            ["3"],
        ),
        (
            "Article 4. COMMUNITY ASSET TRANSFER\n\nThe Committee had before it a report.\n\n"
            "Decision\n\nThe Committee agreed to approve the transfer of the hall.\n\nArticle 5. "
            "PETITIONS\n\nDecision\n\nThe Committee noted the petition.\n",
            ["4", "5"],
        ),
        (
            "C.12/23 MINUTES\n\nRESOLVED: That the minutes be approved.\n\nC.13/23 FINANCE\n\n"
            "RESOLVED: That the accounts be noted.\n",
            ["C.12/23", "C.13/23"],
        ),
        (
            "Item 6\tPolice Scotland update\n\nAGREED: that the update be noted.\n\nItem 7\tFire "
            "update\n\nAGREED: that the fire update be noted.\n",
            ["6", "7"],
        ),
        (
            "4 Election of Office Bearers Nominations were sought.\n\n5 Adoption of Constitution It "
            "was agreed to adopt the model constitution.\n\n6 Date of Next Meeting It was agreed to "
            "meet on 5 May.\n",
            ["5", "6"],
        ),
        (
            "SC29/16 Apologies\nNone.\n\nSC30/16 Minutes\nRESOLVED: That the minutes be adopted.\n",
            ["SC30/16"],
        ),
    ],
)
def test_minute_numbers_of_these_layouts_give_the_item(text, items):
    assert [r.item for r in parse_minutes(text).resolutions] == items


def test_a_cited_earlier_minute_does_not_take_the_item():
    e = parse_minutes(
        "Minute 115\nMatters arising\n- i) Minute 99 (7) Local Plan – update.\nThe letter was "
        "discussed. It was agreed that there was a need for further explanation.\n"
    )
    assert [r.item for r in e.resolutions] == ["115"]


def test_a_bilingual_keyword_line_gives_its_english_clause_alone():
    e = parse_minutes(
        "6. CYLLID / FINANCE\n\nPENDERFYNWYD / RESOLVED: talu’r biliau / that the accounts be "
        "paid.\n"
    )
    assert [(r.text, r.item) for r in e.resolutions] == [("that the accounts be paid.", "6")]


def test_a_count_before_a_sentence_is_not_taken_for_an_item():
    e = parse_minutes("3. Public\n5 members of the public attended. It was agreed to hear them.\n")
    assert [r.item for r in e.resolutions] == ["3"]
