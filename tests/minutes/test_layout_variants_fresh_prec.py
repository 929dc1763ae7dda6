"""Precision and item numbers on pages nobody had tuned on (batches 33-36, issue 17): lists of
forecasts or needs ("A Project Plan needs to be drafted ...", "Meetings will be monthly ...")
and calendars ("1 February - Tobacco Control Workshop") read as a lost-label list of decisions,
and item headings the segmenter did not know ("5. To RESOLVE to ...", "179 To Receive ...: ..."
printed with no full stop, "2020/01/05 MINUTES", "2. a) Minutes", a list "1." under a coded
minute "15/145"). None of these texts is taken from a page. Each page is read as written,
hard-wrapped at 60 columns and (where its layout survives it) flattened onto one line."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from tracker.minutes import parse_minutes
from tracker.minutes.evaluate import RESOLUTION_MATCH, dice, words

from .layout_kit import TRAP, V, layouts, score

GUARD = "guard"


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# fmt: off
TRAPS = [
    V(TRAP, "numbered next steps that say what needs to be done and what will happen",
      "3. Next steps\n"
      "1. A communications plan needs to be drafted to give the work some structure. This will "
      "be a working document, open to change.\n"
      "2. The group needs to agree how records will be stored and shared during the project. "
      "AB will look into it.\n"
      "3. Meetings will be monthly to begin with; the pattern will be reviewed in the autumn.\n\n"
      "4. Date of next meeting\n12 May.\n"),
    V(TRAP, "a summary of the meeting's main points, forecasts and musts",
      "Summary of main points from the meeting\n\n"
      "1. Town councils need to be represented through the district. The county will be "
      "approached again.\n"
      "2. The river survey does not cover the upper valley but there are shared interests.\n"
      "3. The agency must present its options in June. A draft plan will then be produced "
      "and circulated.\n\n"
      "Next meeting\nSeptember.\n"),
    V(TRAP, "lettered points that report what has to be or can be done",
      "6. Website\n"
      "a) The pages have to be updated before the summer fair and can be edited by any "
      "member.\n"
      "b) Photographs would be welcomed from residents.\n"
      "c) The domain may be renewed for two years at a lower price.\n\n"
      "7. Close\n"),
    V(TRAP, "a calendar of engagements under the Chief Executive's update",
      "12/10 Chief Executive's Report\n"
      "The Chief Executive gave an update of engagements since the last board meeting "
      "(21/01/10), with the dates below.\n"
      "1 February - Tobacco Control Workshop\n"
      "10 February - Drugs and Alcohol Forum\n"
      "13/10 Minutes of the last meeting\nThe minutes were agreed.\n"),
    V(TRAP, "a calendar written with ordinals after the Chair's report",
      "5. Chair's report\n"
      "The Chair reported on the civic events she had attended on behalf of the council since "
      "the last meeting, listed here.\n"
      "2nd June - Civic Service at St Mary's\n"
      "12th June - Carnival Parade\n"
      "6. Close\n"),
]

GUARDS = [
    V(GUARD, "a lost-label list of 'be ...ed' clauses ending the item is still taken",
      "5. Play area\nThe Council discussed the inspection report on the play area.\n"
      "1. The report be noted.\n"
      "2. The repairs to the swings be approved at a cost of £400.\n\n"
      "6. Close\n",
      res=["The report be noted.", "The repairs to the swings be approved at a cost of £400."]),
    V(GUARD, "'That ... will ...' clauses under 'It was agreed:' are still the decision",
      "5. Grants\nIt was agreed:\n"
      "(a) that the hall will receive £500;\n"
      "(b) that the scouts be given £250.\n\n"
      "6. Close\n",
      res=["that the hall will receive £500", "that the scouts be given £250."]),
]
# fmt: on


@pytest.mark.parametrize("v", TRAPS, ids=[v.name for v in TRAPS])
@pytest.mark.parametrize("layout", ["as written", "wrapped at 60", "flattened"])
def test_forecasts_and_calendars_are_not_decisions(v, layout):
    problems, notes = score(replace(v, text=layouts(v.text)[layout]))
    assert not problems, (problems, notes)


# a lost-label list flattened onto one line is not read at all (left open)
@pytest.mark.parametrize("v", GUARDS, ids=[v.name for v in GUARDS])
@pytest.mark.parametrize("layout", ["as written", "wrapped at 60"])
def test_clauses_saying_what_is_to_be_are_still_taken(v, layout):
    problems, notes = score(replace(v, text=layouts(v.text)[layout]))
    assert not problems, (problems, notes)


def test_a_forecast_list_is_left_for_review_not_dropped():
    ex = parse_minutes(TRAPS[0].text)
    assert not ex.resolutions
    assert any("needs to be drafted" in u.text for u in ex.unsure), [u.text for u in ex.unsure]


# (page, the decision's words, the item a judge gives it)
# fmt: off
ITEM_PAGES = [
    ("an agenda title in capitals, 'To RESOLVE', over the decision",
     "MINUTES OF THE TOWN COUNCIL\n\n3. Apologies\nNone.\n\n"
     "4. To receive any declarations of interest.\nNone.\n\n"
     "5. To RESOLVE to approve the draft minutes of the last meeting.\n\n"
     "It was RESOLVED to approve the draft minutes of the last meeting as a correct record.\n\n"
     "6. To RECEIVE the Clerk's report.\nThe Clerk reported on the new noticeboard.\n",
     "to approve the draft minutes of the last meeting as a correct record.", "5"),
    ("minutes numbered with no full stop, each title and its minute on one line",
     "Minutes of Eastwick Parish Council\n\n"
     "212 Apologies for absence: None\n\n"
     "213 To Receive Declarations of Interest: The Chairman reminded members that interests "
     "should be declared as soon as they arise, and that each should be minuted.\n\n"
     "214 Minutes of the Meeting held on 6th January 2021: Resolved to approve the minutes as a "
     "true and accurate record.\n\n"
     "215 Correspondence: A letter from the County Council about gritting routes was read.\n",
     "to approve the minutes as a true and accurate record.", "214"),
    ("a community council's year, meeting and minute numbers",
     "MINUTES OF NORTHMAVINE COMMUNITY COUNCIL\n\n"
     "2021/03/04 APOLOGIES\n\nApologies were intimated on behalf of Mr A Brown.\n\n"
     "2021/03/05 MINUTES OF THE LAST MEETING\n\n"
     "RESOLVED that the minutes of the meeting held on 3 February 2021 be approved.\n\n"
     "2021/03/06 DECLARATIONS OF INTEREST\n\nThere were none.\n",
     "that the minutes of the meeting held on 3 February 2021 be approved.", "2021/03/05"),
    ("a numbered minute whose first lettered part carries the title",
     "Governing Board minutes\n\n"
     "Governors were asked to declare any interests; none were declared.\n\n"
     "  3. a) Previous Governing Board Minutes\n\n"
     "It was RESOLVED that the minutes of the meeting held on 10 March be approved and "
     "signed.\n",
     "that the minutes of the meeting held on 10 March be approved and signed.", "3"),
    ("a numbered list under a coded minute keeps the minute's number",
     "Minutes of Brampton Parish Council\n\n"
     "21/044 Declarations of Interest. None.\n\n"
     "21/045 Matters of Urgency. The Council received one matter which arrived too late for "
     "the agenda.\n\n"
     "1. Planning Application 21/0528 - Erection of a garden room at Low Farm, Brampton.\n\n"
     "RESOLVED that the Council has no objection to Planning Application 21/0528.\n\n"
     "21/046 Date of Next Meeting. 4 May.\n",
     "that the Council has no objection to Planning Application 21/0528.", "21/045"),
    ("sub-items with short titles listed under 'Reports from:'",
     "Minutes of Birch Hill Parish Council\n\n3. Apologies\nNone.\n\n"
     "4. To Receive Brief Reports from:\n"
     "4.1 County Councillor (Cllr M Cooper)\n"
     "Cllr Cooper reported on the transport consultation, which runs until 20th March.\n"
     "Resolved: Report noted and Cllr Cooper thanked.\n\n"
     "4.2 Common Management Association (Cllr Mrs Stokes)\n"
     "Cllr Stokes reported that the common is resting until April.\n\n"
     "5. Planning\nNone.\n",
     "Report noted and Cllr Cooper thanked.", "4.1"),
    ("minutes numbered with the municipal year after the number",
     "The minutes of the meeting of Seaford Parish Council held on 12th July 2023\n\n"
     "50. 23-24 Apologies\n\nApologies were received from Cllr Wood.\n\n"
     "51. 23-24 Members' declarations of interest\n\nNone declared.\n\n"
     "52. 23-24 Finance\n\nThe clerk gave details of 9 payments due.\n\n"
     "Resolved: payments approved\n\n53. 23-24 Date of next meeting\n\n13th September.\n",
     "payments approved", "52"),
    ("a sub-item's number after the item's title on the same line",
     "Minutes of St Erme Parish Council\n\nOne member of the public left the meeting.\n\n"
     "3. Approval of the Minutes of the meeting held on 17th August 2020 3.1 The minutes of the "
     "meeting held on 17th August 2020 were approved for signing by the Chairman. (Proposed by "
     "Councillor Lee, Seconded by Councillor Ward, carried unanimously.)\n\n"
     "4. Planning\nNone.\n",
     "The minutes of the meeting held on 17th August 2020 were approved for signing by the "
     "Chairman. (Proposed by Councillor Lee, Seconded by Councillor Ward, carried unanimously.)",
     "3.1"),
    ("the next item's title glued to its minute's first word",
     "Steering Group Meeting held on 22 June 2016\n\n"
     "1. Update on the formal application to the district\nNot submitted yet, RB to send "
     "additional input to FJ, then JG to sign and send it.\n"
     "2. Formalise Group and choose chairThis will be a steering group, not a forum.\n\n"
     "There will be formal terms of reference from the parish council at the next public "
     "meeting.\n\nThe following positions were agreed:\n\nChair JG Co-ordination of the "
     "project\n\nFinance EL Accounting and budgeting\n\n"
     "Agreed that the Chair will be elected at the next meeting.\n\n"
     "  1. Next steps\n    1. A plan is to be drafted.\n",
     "that the Chair will be elected at the next meeting.", "2"),
    ("minutes numbered on through the years, no full stop after the number",
     "Present: Councillors Corfield (Chair), Hughes and Bates.\n\n"
     "1517 Apologies Rex Turner was not in attendance.\n\n"
     "1518 Minutes of the Meeting from 16th July 2019 for approval Minutes from the meeting "
     "held on 16th July 2019 were signed by GC and approved. Proposed by SH, seconded by PH\n\n"
     "1519 Declarations of Interest None.\n",
     "Minutes from the meeting held on 16th July 2019 were signed by GC and approved. Proposed "
     "by SH, seconded by PH", "1518"),
]
# fmt: on
FLAT_OK = {ITEM_PAGES[0][0], ITEM_PAGES[2][0]}
# hard-wrapped pages whose decision is not read at all (recall gaps, left open); the motion
# glued to its title is read since the fresh-resolution rules (branch freshres) joined
WRAP_OPEN: set[str] = set()


@pytest.mark.parametrize("page", ITEM_PAGES, ids=[p[0] for p in ITEM_PAGES])
@pytest.mark.parametrize("layout", ["as written", "wrapped at 60", "flattened"])
def test_the_decision_takes_its_minutes_item_number(page, layout, request):
    name, text, decision, item = page
    # known gaps must still fail, so that closing one moves it out of FLAT_OK / WRAP_OPEN
    if layout == "flattened" and name not in FLAT_OK:
        request.applymarker(pytest.mark.xfail(
            reason="this heading is not found on a flattened page (left open)", strict=True))  # fmt: skip
    if layout == "wrapped at 60" and name in WRAP_OPEN:
        request.applymarker(pytest.mark.xfail(
            reason="not read when this page is hard-wrapped (left open)", strict=True))  # fmt: skip
    ex = parse_minutes(layouts(text)[layout])
    found = [(r.item, _words(r.text)) for r in ex.resolutions]
    # matched as the corpus scorer matches (a flattened page's text may run on a little)
    hits = [i for i, t in found if dice(words(t), words(decision)) >= RESOLUTION_MATCH]
    assert hits == [item], found


def test_the_items_around_still_number_as_printed():
    ex = parse_minutes(ITEM_PAGES[1][1])
    assert [r.item for r in ex.resolutions] == ["214"]
    ex = parse_minutes(ITEM_PAGES[4][1] + "\n21/047 Finance\nRESOLVED that the accounts be paid.\n")
    assert [r.item for r in ex.resolutions] == ["21/045", "21/047"]


# a page flattened onto one line, cut into sentences: (page, decision, item)
# fmt: off
FLAT_PAGES = [
    ("the next item's number left at the end of the sentence before its decision",
     "Minutes of the Joint Burial Committee Present: Cllrs Taylor (Chairman), Coombs and "
     "Tedder; Miss C Wright (Clerk) PART I 1. APOLOGIES FOR ABSENCE Cllr Mancini for family "
     "reasons. 2. DECLARATIONS OF INTEREST None received 3. It was RESOLVED to approve the "
     "Minutes of the 15th July 2015. 4. INTERMENTS Members noted the interments since July. "
     "5. FINANCE Members noted the bank reconciliations for July to October. 6. GROUNDS "
     "MAINTENANCE Cllr Coombs said that the new contract had been in place since 1st October "
     "and that the weekly job sheets were being sent to the Clerk. 7. CORRESPONDENCE A letter "
     "from the diocese about the closed churchyard was read. 8. DATE OF NEXT MEETING Wednesday "
     "3rd February 2016 at 8pm in the Parish Pavilion.",
     "to approve the Minutes of the 15th July 2015.", "3"),
    ("a coded minute and its title inside the sentence before the decision",
     "Crowan Parish Council MINUTES OF THE MEETING HELD ON THURSDAY, 13 JANUARY 2011 Present: "
     "Cllr Roberts (Chairman), Cllr Blewett, Cllr Butcher and Mrs Thompson (Clerk). Prayers "
     "were led by the Chairman. 01/2011 Chairman's Welcome and Public Forum - the Chairman "
     "welcomed those present. It was RESOLVED to adjourn the Meeting for Mr Wickham to address "
     "Members. He spoke about a planning application. The Meeting then reconvened. 02/2011 "
     "Apologies for Absence - Cllrs Cooke and Jenkin. 03/2011 Minutes - It was RESOLVED that the "
     "minutes of the meeting held on 9 December 2010 be approved. 04/2011 Police - PC Vaughan "
     "spoke to his written report, a copy of which is on file. 05/2011 Date of next meeting - "
     "Thursday 10 February 2011 at 7.15pm in the Parish Rooms.",
     "to adjourn the Meeting for Mr Wickham to address Members.", "01/2011"),
]
# fmt: on


@pytest.mark.parametrize("page", FLAT_PAGES, ids=[p[0] for p in FLAT_PAGES])
def test_a_flattened_pages_number_inside_a_sentence_numbers_the_decision_after_it(page):
    _name, text, decision, item = page
    ex = parse_minutes(text)
    found = [(r.item, _words(r.text)) for r in ex.resolutions]
    hits = [i for i, t in found if dice(words(t), words(decision)) >= RESOLUTION_MATCH]
    assert hits == [item], found


def test_a_number_that_ends_its_sentence_does_not_open_an_item():
    # "supported option 5." / "options 2, 3 and 4.": the sentence's own number
    text = (
        "Minutes of the Parish Council PRESENT: Councillors Davies, Brine and Claxton. 1. Play "
        "area Cllr Brine had circulated a list of options. Each option was discussed in detail. "
        "Cllr Claxton said that he supported option 2. It was agreed that this should be for the "
        "new Parish Council in May. Members agreed that options 1, 3 and 2. 2. Finance The "
        "accounts were noted and the Clerk reported that the bank balance stood at £4,120 at the "
        "end of the month, with the precept still to be received from the district council. 3. "
        "Correspondence A letter from the county council about winter gritting routes was read "
        "and noted by members. 4. Date of next meeting The next meeting will be on 4 May at "
        "7.30pm in the village hall."
    )
    ex = parse_minutes(text)
    found = [(r.item, _words(r.text)) for r in ex.resolutions]
    assert ("1", "that this should be for the new Parish Council in May.") in found, found
