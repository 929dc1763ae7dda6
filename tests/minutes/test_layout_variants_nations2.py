"""Kinds a second sweep of Welsh, Scottish and Northern Irish bodies (batch 28's development
pages: community councils of Anglesey, Conwy and Denbighshire, Llanelli Rural Council, the
Aberdeen IJB) showed the reader missing, and Welsh keyword forms beside them. None of these texts
is taken from a page; each kind is written in several wordings, with guards:

- an owner-only label ("Action SH", "Action: Clerk") after a sentence in an item that reviews
  earlier meetings' actions ("5) Update on Actions arising from previous meetings"): the meeting
  labels a new action there, and its prose decision ("It was agreed that the bus shelter is to be
  cleaned ...") is this meeting's; the status rows of earlier actions ("Clerk to write ... -
  Done") and anything under "Actions carried forward" stay restatements;
- initials that spell a word ("Action BE, SH, GW", "Action: AM") name owners, not a verb;
- first names the page lists as present, joined ("Diane and Elen to draft a letter ..."), own a
  directive as one listed name does, also after a clause and when "Present:" stands inside the
  page's first line;
- a number in square brackets opening an item ("[1.2] Urdd Eisteddfod – ... it was decided to
  contribute £100."): the item's number;
- a bilingual keyword in either order and with Welsh "Cytunwyd" (agreed) or "Penderfyniad"
  (decision): "Cytunwyd / Agreed: ...", "AGREED / CYTUNWYD: ...", "PENDERFYNIAD / DECISION:
  <Welsh> / <English>": the English clause, once.
"""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import DIRECTIVE, MOTION, OWNER_LABEL, PROSE, TRAP, V, score

KEYWORD = "keyword before its text"
LEAD = "lead-in over its list"

# fmt: off
NATIONS2 = [
    # ---- owner-only labels in an item reviewing earlier actions ------------------------------
    V(OWNER_LABEL, "'Action GW' after a sentence under 'Update on Actions arising ...'",
      "5) Update on Actions arising from previous meetings\nThe noticeboard needs replacing. "
      "Quotes to be sought.\nAction GW\n6) Finance\nThe accounts were noted.\n",
      act=[("GW", "Quotes to be sought.")]),
    V(OWNER_LABEL, "'Action: Clerk' under '4. Review of actions from the last meeting'",
      "4. Review of actions from the last meeting\nThe hedge at the playing field still needs "
      "cutting. The contractor to be contacted again.\nAction: Clerk\n\n5. Planning\nNo "
      "applications.\n",
      act=[("Clerk", "The contractor to be contacted again.")]),
    V(OWNER_LABEL, "two labels, one after the meeting's decision, under 'Progress on actions ...'",
      "3. Progress on actions from the previous meeting\nJP has asked for two quotes for the "
      "bench. It was agreed that the old bench is to be removed.\nAction JP\nThe litter bins "
      "are to be emptied weekly.\nAction: Clerk, JP\n4. AOB\nNone.\n",
      res=["that the old bench is to be removed."],
      act=[("JP", "that the old bench is to be removed."),
           ("Clerk, JP", "The litter bins are to be emptied weekly.")]),
    V(TRAP, "status rows under 'Update on actions from the last meeting' stay restated",
      "5. Update on actions from the last meeting\nClerk to write to the bank - done\nBE to "
      "sign the code of conduct - in progress\n6. Finance\nThe accounts were noted.\n"),
    V(TRAP, "an owner label under 'Actions carried forward' restates an earlier action",
      "Actions carried forward\nThe gate at the cemetery is still broken.\nAction: JM\n\n"
      "7. Correspondence\nNone.\n"),
    # ---- initials that spell a word --------------------------------------------------------
    V(OWNER_LABEL, "'Action BE, SH, GW' after a sentence",
      "4. Website\nThe site will be checked every two weeks by a rota of councillors.\n"
      "Action BE, SH, GW\n5. Finance\nNone.\n",
      act=[("BE, SH, GW", "The site will be checked every two weeks by a rota of councillors.")]),
    V(OWNER_LABEL, "'Action: AM' alone",
      "6. Footpaths\nThe stile on footpath 12 to be repaired before the spring.\nAction: AM\n",
      act=[("AM", "The stile on footpath 12 to be repaired before the spring.")]),
    V(OWNER_LABEL, "'ACTION – BE/DO'",
      "7. Bins\nA new dog bin to be ordered for the park.\nACTION – BE/DO\n",
      act=[("BE/DO", "A new dog bin to be ordered for the park.")]),
    # ---- listed first names joined ----------------------------------------------------------
    V(DIRECTIVE, "'Diane and Elen to draft ...' after a clause, 'Present:' inside the first line",
      "MINUTES OF THE COMMUNITY COUNCIL MEETING 3RD MAY 2019 Present: Owain, Diane, Elen, "
      "Rhys, Sian (Chair) Before the meeting the accounts were shown. It was to be recorded "
      "that the bank had written, Diane and Elen to draft a reply to the bank.\n",
      act=[("Diane and Elen", "draft a reply to the bank.")]),
    V(DIRECTIVE, "'Owain & Rhys to meet ...' opening its line",
      "Present: Owain Jones, Rhys Evans, Sian Hughes, Diane Price\n\n4. Playground\nOwain & "
      "Rhys to meet the contractor on site.\n",
      act=[("Owain & Rhys", "meet the contractor on site.")]),
    V(DIRECTIVE, "'... was discussed, Sian and Diane to check ...' after a comma",
      "PRESENT: Sian, Diane, Owain, Rhys\n\n5. Fun day\nThe date of the fun day was discussed, "
      "Sian and Diane to check the hall is free in June.\n",
      act=[("Sian and Diane", "check the hall is free in June.")]),
    V(TRAP, "'Tea and coffee to be provided' names nobody though a name is listed",
      "Present: Owain, Diane, Elen, Rhys\n\n6. Hall\nTea and coffee to be provided at the next "
      "meeting.\n"),
    V(TRAP, "'Roads and Footpaths to inspect' are no listed people",
      "Present: Owain, Diane, Elen, Rhys\n\n6. Highways\nRoads and Footpaths to inspect the "
      "verges.\n"),
    # ---- bilingual keyword lines -----------------------------------------------------------
    V(KEYWORD, "'Cytunwyd / Agreed: that ...'",
      "5. Cofnodion / Minutes\nCytunwyd / Agreed: that the minutes be signed as a true record.\n",
      res=["that the minutes be signed as a true record."]),
    V(KEYWORD, "'CYTUNWYD / AGREED: <Welsh> / that ...'",
      "5. Minutes\nCYTUNWYD / AGREED: llofnodi'r cofnodion / that the minutes be signed as a "
      "true record.\n",
      res=["that the minutes be signed as a true record."]),
    V(KEYWORD, "'AGREED / CYTUNWYD: that ...' (English first)",
      "5. Minutes\nAGREED / CYTUNWYD: that the minutes be signed as a true record.\n",
      res=["that the minutes be signed as a true record."]),
    V(KEYWORD, "'RESOLVED / PENDERFYNWYD: to give ...'",
      "6. Grant\nRESOLVED / PENDERFYNWYD: to give £100 to the school.\n",
      res=["to give £100 to the school."]),
    V(KEYWORD, "'PENDERFYNIAD / DECISION: <Welsh> / to give ...'",
      "6. Grant\nPENDERFYNIAD / DECISION: rhoi £100 i'r ysgol / to give £100 to the school.\n",
      res=["to give £100 to the school."]),
    V(TRAP, "a Welsh-only 'Cytunwyd:' line above its English 'Agreed:' line is not read twice",
      "6. Grant\nCytunwyd: rhoi £100 i'r ysgol.\nAgreed: to give £100 to the school.\n",
      res=["to give £100 to the school."]),
    # ---- "The Integration Joint Board agreed to:" over infinitives without "to" -------------
    V(LEAD, "'The Integration Joint Board agreed to:' over 'a) note ...; b) approve ...'",
      "6. Winter Plan\nThe Integration Joint Board agreed to:\na) note the report;\nb) approve "
      "the winter plan.\n",
      res=["note the report", "approve the winter plan."]),
    V(LEAD, "'The Committee resolved to:-' over '(i)-(iii)'",
      "7. Budget\nThe Committee resolved to:-\n(i) note the report;\n(ii) approve the revised "
      "budget; and\n(iii) instruct the Chief Officer to report back in June.\n",
      res=["note the report", "approve the revised budget",
           "instruct the Chief Officer to report back in June."]),
    V(LEAD, "'The Board agreed to:' over bullets",
      "8. Strategy\nThe Board agreed to:\n\u2022 note the consultation responses\n\u2022 endorse "
      "the strategy\n",
      res=["note the consultation responses", "endorse the strategy"]),
    V(TRAP, "'The Board was asked to:' over its recommendations is no decision",
      "6. Winter Plan\nThe Board was asked to:\na) note the report;\nb) approve the plan.\n"),
    # ---- "Noted" as an item's outcome -------------------------------------------------------
    V(KEYWORD, "'... regarding bonfires. Noted.' ending a correspondence item",
      "6. Correspondence\n(a) Letter from the Department regarding bonfires. Noted.\n(b) "
      "Invitation to the Mayor's reception. Noted.\n",
      res=["Noted.", "Noted."]),
    V(KEYWORD, "'Noted' alone without a stop before the next item",
      "6. Correspondence\nLetter from the Housing Executive on the new scheme\nNoted\n\n7. "
      "Planning\nNone.\n",
      res=["Noted"]),
    V(KEYWORD, "'Agreed' alone without a stop, last on the page",
      "8. Christmas lights\nThe quote of £400 for the lights was discussed\nAgreed\n",
      res=["Agreed"]),
    V(TRAP, "'It was noted.' and 'Members noted.' are what was heard",
      "6. Update\nThe Clerk read a letter. It was noted.\nThe Chief Executive gave an update. "
      "Members noted.\n"),
    V(TRAP, "'Noted' over the paragraph below it is a label",
      "6. Correspondence\nNoted\nThe letter from the Department was read out and filed.\n"),
    # ---- a motion on its own lines, then the keyword and its clause ---------------------------
    V(MOTION, "'Proposed by ...' / 'Seconded by ...' / blank / 'AGREED to adopt ...'",
      "5. Minutes\nProposed by Councillor Adams\nSeconded by Councillor Brown\n\nAGREED to "
      "adopt the minutes of the meeting of 5 May.\n",
      res=["to adopt the minutes of the meeting of 5 May."]),
    V(MOTION, "'Proposed by Alderman ...' / 'Seconded by ...' / 'Agreed – that ...'",
      "5. Minutes\nProposed by Alderman Adams\nSeconded by Councillor Brown\nAgreed \u2013 that "
      "the minutes be adopted.\n",
      res=["that the minutes be adopted."]),
    V(MOTION, "a motion with its bare outcome keeps the motion",
      "5. Minutes\nProposed by Councillor Adams, seconded by Councillor Brown\nAgreed "
      "unanimously.\n",
      res=["Proposed by Councillor Adams, seconded by Councillor Brown"]),
    # ---- a numbered title, a dash, then the prose decision -----------------------------------
    V(PROSE, "'5. Planning – It was agreed to support ...'",
      "4. Apologies\nNone.\n5. Planning \u2013 It was agreed to support the application.\n",
      res=["to support the application."]),
    # ---- a Scottish council's "Thereafter", a prose lead-in over its list ----------------------
    V(LEAD, "'Thereafter, the Committee agreed:-' over '(a) ... (b) ...'",
      "5. Budget\nThereafter, the Committee agreed:-\n(a) to note the report; and\n(b) to "
      "approve the revised budget.\n",
      res=["to note the report", "to approve the revised budget."]),
    V(LEAD, "'Thereafter the Sub-Committee resolved:-' over '(i) ... (ii) ...'",
      "5. Licence\nThereafter the Sub-Committee resolved:-\n(i) to grant the licence;\n(ii) to "
      "attach the usual conditions.\n",
      res=["to grant the licence", "to attach the usual conditions."]),
    V(LEAD, "'After discussion it was agreed:' over bullets",
      "5. Planning\nAfter discussion it was agreed:\n\u2022 to object to the application\n"
      "\u2022 to ask the ward councillor to call it in\n",
      res=["to object to the application", "to ask the ward councillor to call it in"]),
    V(LEAD, "'Following discussion, it was unanimously agreed to:' over bullets",
      "5. Planning\nFollowing discussion, it was unanimously agreed to:\n\u2022 object to the "
      "application\n\u2022 write to the developer\n",
      res=["object to the application", "write to the developer"]),
    V(TRAP, "'Thereafter Members asked:' over their questions is no decision",
      "5. Budget\nThereafter Members asked:\n(a) about the cost of the scheme;\n(b) about its "
      "timing.\n"),
    V(TRAP, "'The Committee was asked to agree:' over the recommendations is no decision",
      "5. Budget\nThe Committee was asked to agree:\n(a) to note the report;\n(b) to approve the "
      "budget.\n"),
    # ---- "Decision made:" -------------------------------------------------------------------
    V(KEYWORD, "'Decision made: CC will object ...' (text under the keyword)",
      "5. Planning\nDecision made: CC will object to the application.\n",
      res=["CC will object to the application."]),
    V(KEYWORD, "'Decision Made' over 'That ...'",
      "5. Planning\nDecision Made\nThat the application be refused.\n",
      res=["That the application be refused."]),
    V(TRAP, "'No decision made.' and 'A decision made by the county council ...' are not",
      "5. Planning\nNo decision made.\n6. Roads\nA decision made by the county council last "
      "year was discussed.\n"),
    # ---- two directives in one action line, apart by a semicolon ----------------------------
    V(DIRECTIVE, "'Actions: Secretary to write ...; Chair to contact ...'",
      "4. Roads\nActions: Secretary to write to the council; Chair to contact the MSP.\n",
      act=[("Secretary", "write to the council"), ("Chair", "contact the MSP.")]),
    V(DIRECTIVE, "'Action: JM to write ...; AB to ask ...'",
      "4. Roads\nAction: JM to write to the council; AB to ask the school about parking.\n",
      act=[("JM", "write to the council"), ("AB", "ask the school about parking.")]),
    V(TRAP, "'Action: JM to write ...; the letter to be copied ...' is one action",
      "4. Roads\nAction: JM to write to the council; the letter to be copied to the MSP.\n",
      act=[("JM", "write to the council; the letter to be copied to the MSP.")]),
    V(DIRECTIVE, "'...; JM to write to the' / blank / 'planning officer.' (a wrap with blanks)",
      "5. Planning\n\nThe application was discussed; JM to write to the\n\nplanning officer."
      "\n\n6. Roads\n\nNone.\n",
      act=[("JM", "write to the planning officer.")]),
    V(DIRECTIVE, "'... were reported; Clerk to chase the contractor.'",
      "7. Street lights\nTwo faulty lights were reported; Clerk to chase the contractor.\n",
      act=[("Clerk", "chase the contractor.")]),
    V(TRAP, "'...; Repairs to be arranged by the county.' after a semicolon names nobody",
      "7. Street lights\nTwo faulty lights were reported; Repairs to be arranged by the county.\n"),
    V(OWNER_LABEL, "'Action: Clerk 6. AOB ...' on a page flattened onto one line",
      "4. Roads The potholes on Main Street are worse. Action: JM to report them. 5. Hall The "
      "hall roof leaks and needs a roofer. Action: Clerk 6. AOB None.\n",
      act=[("JM", "report them."), ("Clerk", "The hall roof leaks and needs a roofer.")]),
    # ---- an owner, a dash, then the task (owners in brackets ending a row: main's rule, from
    # branch minutesactions; its guards kept here) -------------------------------------------
    V(DIRECTIVE, "'Action: Director of Nursing – provide an update ...'",
      "4. Ward closures\nAction: Director of Nursing \u2013 provide an update at the next "
      "meeting.\n",
      act=[("Director of Nursing", "provide an update at the next meeting.")]),
    V(DIRECTIVE, "'ACTION: BM/JT – circulate the paper to members.'",
      "4. Strategy\nACTION: BM/JT \u2013 circulate the paper to members.\n",
      act=[("BM/JT", "circulate the paper to members.")]),
    V(TRAP, "'Action: Bench – repair needed by spring.' names nobody",
      "4. Play area\nAction: Bench \u2013 repair needed by spring.\n",
      act=[("", "Bench \u2013 repair needed by spring.")]),
    V(TRAP, "an abbreviation in brackets, 'Environmental Health (EH)', is no owner",
      "4. Health\nThe complaint was passed to Environmental Health (EH) to be investigated.\n"),
    V(TRAP, "proposer's and seconder's initials in brackets are no owners",
      "3. Minutes\nProposal (AH), seconded (GL) that the minutes be approved and signed. Agreed "
      "unanimously.\n",
      res=["that the minutes be approved and signed"]),
    V(TRAP, "initials in brackets inside another bracket ('(cost - £120 - (AH/PD).')",
      "6.1 Translation - The service is expected to be available from May (cost - \u00a3120 - "
      "(AH/PD).\n"),
    # ---- decision words in capitals opening numbered items under the body's lead-in ---------
    V(LEAD, "'Thereafter, the Committee:' over 'i. NOTED ...; and' / 'ii. AGREED ...'",
      "5. Budget\nThereafter, the Committee:\ni. NOTED the report; and\nii. AGREED the revised "
      "plan.\n",
      res=["NOTED the report", "AGREED the revised plan."]),
    V(LEAD, "'The Board:' over '(1) NOTED ...' / '(2) AGREED ...'",
      "6. Winter Plan\nThe Board:\n(1) NOTED the report; and\n(2) AGREED the winter plan.\n",
      res=["NOTED the report", "AGREED the winter plan."]),
    V(LEAD, "'After consideration, the Committee' over '(1) noted ...; and (2) instructed ...'",
      "5. Budget\nAfter consideration, the Committee\n(1) noted the report; and\n(2) instructed "
      "the Director to report back in June.\n",
      res=["noted the report", "instructed the Director to report back in June."]),
    V(TRAP, "'After consideration, the Committee noted the report.' is another verb (rule 6)",
      "5. Budget\nAfter consideration, the Committee noted the report.\n"),
    # ---- Welsh action labels and councillors' titles -----------------------------------------
    V(DIRECTIVE, "'Gweithred / Action: Clerk to write ...'",
      "4. Ffyrdd / Roads\nGweithred / Action: Clerk to write to the council about the "
      "potholes.\n",
      act=[("Clerk", "write to the council about the potholes.")]),
    V(OWNER_LABEL, "'GWEITHREDU / ACTION: Clerk' after the sentence",
      "4. Roads\nThe potholes on the B4567 to be reported to the county.\nGWEITHREDU / ACTION: "
      "Clerk\n",
      act=[("Clerk", "The potholes on the B4567 to be reported to the county.")]),
    V(DIRECTIVE, "'Cyng. Jones to contact ...' (a Welsh councillor's title)",
      "4. Roads\nCyng. Jones to contact the highways department about the verges.\n",
      act=[("Cyng. Jones", "contact the highways department about the verges.")]),
    V(DIRECTIVE, "'CCllr Smith to contact ...' (a Scottish community councillor)",
      "4. Roads\nCCllr Smith to contact the roads department about gritting.\n",
      act=[("CCllr Smith", "contact the roads department about gritting.")]),
    V(DIRECTIVE, "'CC Munro to report ...'",
      "4. Roads\nThe potholes were discussed, CC Munro to report them to the council.\n",
      act=[("CC Munro", "report them to the council.")]),
    # ---- a keyword alone over who moved it --------------------------------------------------
    V(KEYWORD, "'Agreed' / 'Proposed: John Smith' / 'Seconded: Mary Brown'",
      "3. Minute of last meeting\nAgreed\nProposed: John Smith\nSeconded: Mary Brown\n",
      res=["Agreed"]),
    V(KEYWORD, "'RESOLVED' / 'Proposed by Cllr Jones, seconded by Cllr Evans.'",
      "3. Minutes\nRESOLVED\nProposed by Cllr Jones, seconded by Cllr Evans.\n",
      res=["RESOLVED"]),
    V(KEYWORD, "a clause under the keyword, then who moved it, keeps the clause",
      "3. Minutes\nRESOLVED\nThat the minutes be signed.\nProposed by Cllr Jones, seconded by "
      "Cllr Evans.\n",
      res=["That the minutes be signed."]),
    # ---- an integration joint board by its own short name -----------------------------------
    V(LEAD, "'The IJB resolved:' over 'To note ...' / 'To approve ...', unmarked",
      "5. Directions\nThe IJB resolved:\nTo note the report.\nTo approve the directions to NHS "
      "Grampian.\n\n6. AOB\nNone.\n",
      res=["To note the report.", "To approve the directions to NHS Grampian."]),
    V(TRAP, "'The IJB noted the report.' is another verb (rule 6)",
      "5. Directions\nThe IJB noted the report.\n"),
    # ---- the body before its lettered decisions, its colon lost ------------------------------
    V(KEYWORD, "'Resolved: The Board (a) noted ...; (b) approved ...'",
      "6. Plan\nResolved: The Board (a) noted the report; (b) approved the plan.\n",
      res=["noted the report", "approved the plan."]),
    V(KEYWORD, "'RESOLVED – the Committee (i) noted ...; and (ii) agreed ...'",
      "6. Plan\nRESOLVED \u2013 the Committee (i) noted the update; and (ii) agreed the revised "
      "dates.\n",
      res=["noted the update", "agreed the revised dates."]),
    V(PROSE, "'Item 6: Grass cutting - The Council resolved to accept ...'",
      "Item 6: Grass cutting - The Council resolved to accept the quote from Greens.\n",
      res=["to accept the quote from Greens."]),
]
# fmt: on


@pytest.mark.parametrize("v", NATIONS2, ids=lambda v: v.name)
def test_each_nations2_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], (problems, notes)


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "Correspondence\n\n[1]  Red Cross – letter asking for a donation – it was decided "
            "to give £50.\n\n[1.1]  Village Show – letter asking for a prize – it was agreed to "
            "give a cup.\n",
            ["1", "1.1"],
        ),
        ("[2] Apologies\nNone.\n\n[3] Playing field\nIt was agreed to repair the gate.\n", ["3"]),
        (
            "[4.2] Grass cutting\nRESOLVED that the quote from Greens be accepted.\n\n"
            "[4.3] Bus shelter\nRESOLVED that the shelter be cleaned.\n",
            ["4.2", "4.3"],
        ),
    ],
)
def test_a_number_in_square_brackets_gives_the_item(text, items):
    assert [r.item for r in parse_minutes(text).resolutions] == items


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("Eitem 5 / Item 5: Cofnodion / Minutes\nRESOLVED that the minutes be signed.\n", ["5"]),
        ("SP/123/19 Minutes\nAGREED that the minutes be adopted.\n", ["SP/123/19"]),
        ("C/2023/05 Minutes\nRESOLVED that the minutes be signed.\n", ["C/2023/05"]),
        ("5(a) Planning\nIt was agreed to support the application.\n", ["5(a)"]),
        ("12 (b) Correspondence\nIt was agreed to reply.\n", ["12(b)"]),
        (
            "FC 12/24 Minutes of the last meeting\nAGREED that the minutes be adopted.\n",
            ["FC 12/24"],
        ),
        ("HR 05/2023: Staffing\nRESOLVED that the post be advertised.\n", ["HR 05/2023"]),
        (
            "PM(23)45 Minutes of the previous meeting\nRESOLVED that they be approved.\n",
            ["PM(23)45"],
        ),
    ],
)
def test_welsh_and_northern_irish_minute_numbers_give_the_item(text, items):
    assert [r.item for r in parse_minutes(text).resolutions] == items


def test_a_planning_reference_or_an_earlier_minute_cited_in_a_log_is_no_item():
    e = parse_minutes("4. Planning\nAPP 23/0456 Erection of a garage\nNo objection.\n")
    assert [r.item for r in e.resolutions] == ["4"]
    e = parse_minutes(
        "4. Actions\nBOD 192/17 (f) / Performance Report\nRESOLVED that it be noted.\n"
    )
    assert [r.item for r in e.resolutions] == ["4"]


def test_a_lettered_clause_of_a_decision_is_no_item():
    e = parse_minutes("4. Budget\nRESOLVED\n1(a) That the budget be approved.\n")
    assert [r.item for r in e.resolutions] == ["4"]


def test_a_reference_in_square_brackets_inside_a_sentence_is_no_item():
    e = parse_minutes(
        "4. Planning\nThe officer's letter [1] was read. It was agreed to object to the plan.\n"
    )
    assert [r.item for r in e.resolutions] == ["4"]
