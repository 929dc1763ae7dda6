"""Actions of partnership boards, youth offending boards, schools forums and health and
wellbeing boards (issue 17, branch minutesactions, batch 26), each kind seen failing on a real
page of the batch and written here in several wordings and layouts with guards (none of these
texts is taken from a page): an action log flattened with " / " under a header row whose rows
carry no number, the owner column first ("Action by / Action / Deadline") or last, with its due
dates; notes written speaker by speaker with the directive after the speaker's dash ("SK – to
clarify ..."); a lone "Action" column header over a cut cell; a first name the page has named in
full as a speaker ("Robin Crofts reported ... Robin to speak to ..."); a request reported by a
speaker ("X noted Y was requested to ..."); "Members to note ..."; "Lead:" / "Owner:" after a
sentence saying something is to be done; the owner's initials in brackets ending such a row
("... (DK)"); an officer named by role to be asked or invited; "All partners to ..."; and a
directive after a semicolon; and the minutes item's bare outcome in a flattened table's second
cell ("Minutes of previous meeting / Accepted as correct."); and a "Summary of Actions" table
flattened onto one line ("Action No. Page No. Action: To be completed by: 1 5 The Chair to
write ... 2 6 ...")."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import DIRECTIVE, LOG, LOST, OWNER_LABEL, TRAP, V, score

HEAD = "Minutes of the Youth Justice Management Board\n12 March 2025\n"
FLAT = (
    "Minutes of the Safeguarding Partnership Board 12 March 2025 Present: Ann Lee (Chair), Tom "
    "Evans, Priya Shah Minute Taker 1 "
)

# fmt: off
BOARD = [
    # ---- a " / " log under a header row, its rows not numbered ---------------------------
    V(LOG, "'Action by / Action / Deadline' (the owner column first)",
      HEAD + "Action Log\nAction by / Action / Deadline\nAB / Circulate the revised terms of "
      "reference. / 30.4.25\nCD & EF / Draft the winter plan for the partnership. / 14.5.25\n\n"
      "1. Minutes of the last meeting\nThe minutes were noted.\n",
      act=[("AB", "Circulate the revised terms of reference."),
           ("CD & EF", "Draft the winter plan for the partnership.")]),
    V(LOG, "'Lead / Action / By when' with a role and a date in words",
      HEAD + "Actions\nLead / Action / By when\nBusiness Manager / Book the venue for the "
      "development day / next meeting\nJS / Update the risk register / 31 March 2025\n\n"
      "2. Performance\nThe dashboard was discussed.\n",
      act=[("Business Manager", "Book the venue for the development day"),
           ("JS", "Update the risk register")]),
    V(LOG, "'Action / Owner / Deadline' (the owner column last), a row wrapped",
      HEAD + "Action Log\nAction / Owner / Deadline\nShare the audit findings with the "
      "schools / KP / 1.6.25\nWrite to the ICB about the\nneurodiversity waiting list / Chair / "
      "1.6.25\n\n3. Any other business\nNone.\n",
      act=[("KP", "Share the audit findings with the schools"),
           ("Chair", "Write to the ICB about the neurodiversity waiting list")]),
    V(TRAP, "guard: an attendance table 'Name / Role / Organisation' gives no action",
      HEAD + "Name / Role / Organisation\nAnn Lee / Chair / Police\nTom Evans / Manager / YOT\n\n"
      "1. Welcome\nThe Chair welcomed members.\n"),
    V(TRAP, "guard: prose after the log is not a row of it",
      HEAD + "Action Log\nAction by / Action / Deadline\nAB / Circulate the revised terms of "
      "reference. / 30.4.25\n\nMatters Arising / Accepted as correct.\nPD went through the "
      "budget papers.\n",
      act=[("AB", "Circulate the revised terms of reference.")]),
    # ---- speaker notes: the directive after the speaker's dash or colon -------------------
    V(DIRECTIVE, "'SK – to clarify ...' in notes written speaker by speaker",
      HEAD + "2. Performance\nReport presented by SK.\nSK – to clarify and update the figures "
      "for the next meeting.\nMA – asked about the funding.\n\n3. Close\n",
      act=[("SK", "clarify and update the figures for the next meeting.")]),
    V(DIRECTIVE, "'Clerk - to circulate ...' (a role, a hyphen)",
      HEAD + "4. Policy\nThe draft policy was discussed.\nClerk - to circulate the revised policy "
      "to members.\n\n5. Close\n",
      act=[("Clerk", "circulate the revised policy to members.")]),
    V(DIRECTIVE, "'JB: to book ...' (initials, a colon)",
      HEAD + "4. Events\nJB: to book the venue for the June event.\n\n5. Close\n",
      act=[("JB", "book the venue for the June event.")]),
    V(DIRECTIVE, "'Jane Doe – to send ...' (a full name)",
      HEAD + "4. Data\nJane Doe – to send the custody figures to the board.\n\n5. Close\n",
      act=[("Jane Doe", "send the custody figures to the board.")]),
    V(TRAP, "guard: 'KT – Would like to know ...' (what a speaker said)",
      HEAD + "2. Funding\nKT – Would like to know how the funding will be extended.\nCJ – A "
      "meeting has been set up with the commissioner.\n\n3. Close\n"),
    V(TRAP, "guard: an agenda's 'Annual report – to receive ...', 'Minutes – to approve ...'",
      "AGENDA\n4. Annual report – to receive the annual report of the board.\n5. Minutes – to "
      "approve the minutes of the last meeting.\n"),
    V(TRAP, "guard: 'Chair – to open the meeting' on an agenda",
      "AGENDA\n1. Chair – to open the meeting and welcome members.\n2. Apologies\n"),
    # ---- a lone 'Action' column header over a cut cell -----------------------------------
    V(TRAP, "'Action' / 'C' at the foot of a page (a column header, a cut cell)",
      HEAD + "Apologies for Absence\nJo Cook – Head of Service\nNick Dean – Chief Constable\n"
      "Action\nC"),
    V(TRAP, "'Action' / 'B' after an attendance list",
      HEAD + "Item\nMinute\n1\nApologies\nAndrea Wright – Head of Service, Adult Care\nAction\n"
      "B"),
    V(OWNER_LABEL, "guard: 'Action' over a directive is still read",
      HEAD + "3. Website\nThe page is out of date.\nAction\nClerk to update the board's page.\n\n"
      "4. Close\n",
      act=[("Clerk", "update the board's page.")]),
    # ---- a first name the page named in full as a speaker ---------------------------------
    V(DIRECTIVE, "'Priya Shah reported ... Priya to circulate ...'",
      HEAD + "3. Audit\nPriya Shah reported that the audit was complete. Priya to circulate "
      "the findings to members.\n\n4. Close\n",
      act=[("Priya", "circulate the findings to members.")]),
    V(DIRECTIVE, "'Tom Evans advised ... Tom to send ...' sentences apart",
      HEAD + "5. Budget\nTom Evans advised that the grant had been received.\nThe forum "
      "discussed the timetable. Tom to send the revised timetable to schools.\n\n6. Close\n",
      act=[("Tom", "send the revised timetable to schools.")]),
    V(TRAP, "guard: a noun before 'to' ('Growth to continue ...') is nobody",
      HEAD + "3. Budget\nPriya Shah reported on the grant. Growth to continue at the current "
      "level.\n\n4. Close\n"),
    V(TRAP, "guard: a first name the page never names ('Robin to ...') is not read as one",
      HEAD + "3. Contacts\nThe list was incomplete. Robin to speak to the authority.\n\n4. Close\n"),
    # ---- a request reported by a speaker ------------------------------------------------
    V(TRAP, "'X noted Y was requested to send ...' (reported, made before)",
      HEAD + "2. Matters arising\nRobin Crofts noted Jane Wright was requested to send the "
      "contact details for the authority. Jane has now left.\n\n3. Close\n"),
    V(TRAP, "'The Chair reported that the Clerk was asked to write ...'",
      HEAD + "2. Matters arising\nThe Chair reported that the Clerk was asked to write to the "
      "county and had done so.\n\n3. Close\n"),
    V(DIRECTIVE, "guard: 'The Clerk was asked to write ...' (a task set) is read",
      HEAD + "2. Hedges\nThe Clerk was asked to write to the county.\n\n3. Close\n",
      act=[("The Clerk", "write to the county.")]),
    # ---- 'Members to note ...': the meeting's business ----------------------------------
    V(TRAP, "'Members to note the quarter 2 dashboard.'",
      HEAD + "6. Performance\nMembers to note the quarter 2 dashboard.\n\n7. Close\n"),
    V(TRAP, "'Board members to receive the annual report.'",
      HEAD + "6. Annual report\nBoard members to receive the annual report.\n\n7. Close\n"),
    V(DIRECTIVE, "guard: 'Members to consider nominations ... before May' is a task after it",
      HEAD + "6. Vice chair\nMembers to consider nominations for the vice chair before the May "
      "meeting.\n\n7. Close\n",
      act=[("Members", "consider nominations for the vice chair before the May meeting.")]),
    V(DIRECTIVE, "guard: 'Board members to send comments ...' is a task",
      HEAD + "6. Strategy\nBoard members to send comments on the draft strategy to KP.\n\n"
      "7. Close\n",
      act=[("Board members", "send comments on the draft strategy to KP.")]),
    # ---- 'Lead:' / 'Owner:' after a sentence saying something is to be done ----------------
    V(OWNER_LABEL, "'Lead: Business Manager' after 'will be arranged'",
      HEAD + "5. Training\nA joint training day on neglect will be arranged for "
      "practitioners.\nLead: Business Manager\n\n6. Close\n",
      act=[("Business Manager",
            "A joint training day on neglect will be arranged for practitioners.")]),
    V(OWNER_LABEL, "'Owner: JT' after 'to be refreshed'",
      HEAD + "5. Induction\nThe board's induction pack is to be refreshed for new members.\n"
      "Owner: JT\n\n6. Close\n",
      act=[("JT", "The board's induction pack is to be refreshed for new members.")]),
    V(TRAP, "guard: an agenda's 'Lead:' under an item's title",
      "AGENDA\n5. Safeguarding annual report\nLead: Director of Children's Services\n"
      "6. Neglect strategy\nLead: Business Manager\n"),
    # ---- the owner's initials in brackets ending a row that says what is to be done ---------
    V(OWNER_LABEL, "'- Circulate the revised timetable to members (DK)' bullets",
      HEAD + "3. Actions agreed\n- Circulate the revised timetable to members (DK)\n- Book the "
      "hall for the summer event (AB/CD)\n\n4. Close\n",
      act=[("DK", "Circulate the revised timetable to members"),
           ("AB/CD", "Book the hall for the summer event")]),
    V(OWNER_LABEL, "'The toolkit is to be relaunched in April (KP).' (a passive sentence)",
      HEAD + "3. Training\nThe neglect toolkit is to be relaunched in April (KP).\n\n4. Close\n",
      act=[("KP", "The neglect toolkit is to be relaunched in April")]),
    V(TRAP, "guard: 'The minutes were approved (AB/CD).' (movers, not owners)",
      HEAD + "3. Minutes\nThe minutes were approved (AB/CD).\n\n4. Close\n"),
    V(TRAP, "guard: an attendance line 'Present G Rogers (GR) Chair, ... (NH)'",
      HEAD + "Present G Rogers (GR) Chair, Councillors Brown (GB) and Hignett (NH).\n\n"
      "1. Welcome\nThe Chair welcomed members.\n"),
    V(TRAP, "guard: an acronym spelt out '... Police and Crime Commissioner (PCC).'",
      HEAD + "2. Budget\nThe grant will be transferred to the Police and Crime Commissioner "
      "(PCC).\n\n3. Close\n"),
    V(TRAP, "guard: an item's title with its presenter 'Update on the audit (KP)'",
      HEAD + "3. Update on the audit (KP)\nThe audit was discussed.\n\n4. Close\n"),
    # ---- an officer named by role, to be asked or invited -------------------------------
    V(DIRECTIVE, "'The Head of Housing to be invited to the next meeting.'",
      HEAD + "6. Housing\nThe Head of Housing to be invited to the next meeting.\n\n7. Close\n",
      act=[("", "The Head of Housing to be invited to the next meeting.")]),
    V(DIRECTIVE, "'Director of Public Health to be asked to present ...'",
      HEAD + "6. JSNA\nDirector of Public Health to be asked to present the JSNA in June.\n\n"
      "7. Close\n",
      act=[("", "Director of Public Health to be asked to present the JSNA in June.")]),
    V(TRAP, "guard: 'The report to be circulated with the minutes.' names nobody",
      HEAD + "6. Housing\nThe report to be circulated with the minutes.\n\n7. Close\n"),
    V(TRAP, "guard: 'The County Council to be asked ...' names a body",
      HEAD + "6. Roads\nThe County Council to be asked to repair the verge.\n\n7. Close\n"),
    # ---- 'All partners to ...', a directive after a semicolon --------------------------------
    V(DIRECTIVE, "'All partners to send their training data ...'",
      HEAD + "4. Training\nAll partners to send their training data to the Business Unit by end "
      "of April.\n\n5. Close\n",
      act=[("All partners", "send their training data to the Business Unit by end of April.")]),
    V(DIRECTIVE, "'The dashboard was noted; Business Manager to add ...'",
      HEAD + "4. Data\nThe dashboard was noted; Business Manager to add the exclusions data.\n\n"
      "5. Close\n",
      act=[("Business Manager", "add the exclusions data.")]),
    V(TRAP, "guard: 'All agencies to note the report.' (the meeting's business)",
      HEAD + "4. Report\nAll agencies to note the report.\n\n5. Close\n"),
    # ---- owners written as a slashed pair of roles, a police rank, a list of initials -------
    V(DIRECTIVE, "'Action: Chair/Vice Chair to write to the ICB ...'",
      HEAD + "3. Letter\nAction: Chair/Vice Chair to write to the ICB about the waiting list.\n\n"
      "4. Close\n",
      act=[("Chair/Vice Chair", "write to the ICB about the waiting list.")]),
    V(OWNER_LABEL, "guard: '... website.\nAction: Clerk/Webmaster Bins were ...' (a line glued on)",
      HEAD + "3. Website\nApproved minutes to be posted on the website.\nAction: Clerk/Webmaster "
      "Bins were discussed next.\n\n4. Close\n",
      act=[("Clerk/Webmaster", "Approved minutes to be posted on the website.")]),
    V(DIRECTIVE, "'DCI Jones to provide ...' (a police rank before the name)",
      HEAD + "3. Exploitation\nDCI Jones to provide the exploitation figures.\n\n4. Close\n",
      act=[("DCI Jones", "provide the exploitation figures.")]),
    V(DIRECTIVE, "'Supt Khan to brief ...'",
      HEAD + "3. Knife crime\nThe figures were discussed. Supt Khan to brief the board in June.\n\n"
      "4. Close\n",
      act=[("Supt Khan", "brief the board in June.")]),
    V(DIRECTIVE, "'JS, KP and LM to meet ...' (initials listed)",
      HEAD + "3. Voice\nJS, KP and LM to meet to agree the survey questions.\n\n4. Close\n",
      act=[("JS, KP and LM", "meet to agree the survey questions.")]),
    # ---- the chair's conduct of the meeting, printed as an agenda's description -----------
    V(TRAP, "'The Chairman to welcome ... and Councillors and to remind all speakers ...'",
      "Meeting Details\n\nMeeting Summary\nLicensing Panel\n3 March 2024 - 18:00\nOccurred\n  • "
      "Documents\n  • Attendance\n  • Visitors\n\nDocuments\n\nAgenda\n\nPart A\n1 Welcome and "
      "Announcements\n\na) The Chairman to welcome members of the "
      "public and Councillors and to remind all speakers of the requirement for microphones.\n"
      "2 Substitutions\n"),
    V(TRAP, "'The Chairman to invite Councillors to declare ... interests ...'",
      "Meeting Details\n\nMeeting Summary\nLicensing Panel\n3 March 2024 - 18:00\nOccurred\n  • "
      "Documents\n  • Attendance\n  • Visitors\n\nDocuments\n\nAgenda\n\nPart A\n4 Declarations of "
      "Interest\n\nThe Chairman to invite Councillors to declare "
      "individually any interests they may have in the items on the agenda.\n5 Minutes\n"),
    V(TRAP, "'The Chair to invite members to declare ...' in minutes",
      HEAD + "2. Declarations\nThe Chair to invite members to declare any interests.\nNone were "
      "declared.\n\n3. Close\n"),
    V(TRAP, "'Chair to announce the date of the next meeting.'",
      HEAD + "9. Next meeting\nChair to announce the date of the next meeting.\n"),
    V(DIRECTIVE, "guard: 'Chair to invite the ICB lead to the next meeting.' is a task",
      HEAD + "5. Waiting lists\nThe figures were discussed. Chair to invite the ICB lead to the "
      "next meeting.\n\n6. Close\n",
      act=[("Chair", "invite the ICB lead to the next meeting.")]),
    # ---- a 'Summary of Actions' table flattened onto one line with the page ----------------
    V(LOG, "'Action No. Page No. Action: To be completed by: 1 3 ... 2 4 ...' run together",
      FLAT + "Summary of Actions Action No. Page No. Action: To be completed by: 1 3 The Business "
      "Manager to circulate the revised procedures to partners. 2 4 Neglect toolkit to be "
      "relaunched with schools Dr Lee 3 6 The Chair to write to the Minister\n",
      act=[("The Business Manager", "circulate the revised procedures to partners."),
           ("Dr Lee", "Neglect toolkit to be relaunched with schools"),
           ("The Chair", "write to the Minister")]),
    V(LOG, "'Action No. Action: By whom: 1 ... 2 ...' (no page column)",
      FLAT + "Summary of Actions Action No. Action: By whom: 1 Quarterly data report to be shared "
      "with the board Business Manager 2 Tom Evans to arrange a development session for members\n",
      act=[("Business Manager", "Quarterly data report to be shared with the board"),
           ("Tom Evans", "arrange a development session for members")]),
    V(TRAP, "rows holding only their owner ('1 2 Ms Shah 2 2 Ms Shah'): the tasks were lost",
      FLAT + "Summary of Actions Action No. Page No. Action: To be completed by: 1 2 Ms Shah 2 2 Ms "
      "Shah\n"),
    # ---- the minutes item's bare outcome in a flattened table's second cell ---------------
    V(LOST, "'Minutes of previous meeting / Accepted as correct.'",
      HEAD + "Agenda Item / Action\nMinutes of previous meeting / Accepted as correct.\nMatters "
      "Arising:\nNone.\n",
      res=["Accepted as correct."]),
    V(LOST, "'Minutes of last meeting – accepted as a true and accurate record.'",
      HEAD + "2. Minutes\nMinutes of last meeting – accepted as a true and accurate record.\n\n"
      "3. Close\n",
      res=["accepted as a true and accurate record."]),
    V(TRAP, "guard: 'Minutes of previous meeting / Matters arising' (no outcome)",
      HEAD + "Agenda Item / Action\nMinutes of previous meeting / Matters arising\nNone.\n"),
    V(TRAP, "guard: 'Lead:' after 'The Board is asked to note ...'",
      "AGENDA\n5. Annual report\nThe Board is asked to note the report, which will be "
      "presented.\nLead: Independent Chair\n"),
]
# fmt: on


@pytest.mark.parametrize("v", BOARD, ids=[f"{v.kind}: {v.name}" for v in BOARD])
def test_each_board_action_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], (problems, notes)


def test_a_due_column_gives_each_row_its_date():
    e = parse_minutes(
        HEAD + "Action Log\nAction by / Action / Deadline\nAB / Circulate the revised terms of "
        "reference. / 30.4.25\nCD / Draft the winter plan. / next meeting\n\n1. Minutes\n"
        "The minutes were noted.\n"
    )
    assert [(f.owner, f.due) for f in e.followups] == [("AB", "2025-04-30"), ("CD", None)]
