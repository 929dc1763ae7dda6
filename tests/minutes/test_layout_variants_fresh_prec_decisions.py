"""Precision on pages nobody had tuned on (batches 33-36, issue 17), in and around a decision's
own sentence: a motion's outcome read once however its movers are printed, a numbered lead-in
over paragraph numbers, a table's header row, another meeting's decision reported, a numbered
recommendation, a contested election (the winner's nomination). None of these texts is taken from
a page. Each page is read as written and hard-wrapped at 60 columns. The forecasts, calendars
and item numbers of the same pages are in test_layout_variants_fresh_prec.py."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import TRAP, V, layouts, score

GUARD = "guard"

MOTION = "a motion's outcome read once"
# fmt: off
MOTIONS = [
    V(MOTION, "'Resolved to ...' in the minute, then 'Agreed by all. (Proposed ...)'",
      "Minutes of Eastwick Parish Council\n\n212 Apologies for absence: None\n\n"
      "213 Minutes of the Meeting held on 6th January 2021: Resolved to approve the minutes as a "
      "true and accurate record. Agreed by all. (Proposed by Mr. Dale and seconded by Mrs. "
      "Hart)\n\n214 Correspondence: none.\n",
      res=["to approve the minutes as a true and accurate record."]),
    V(MOTION, "'RESOLVED that ...', then 'All in favour.' and the movers in brackets",
      "5. Precept\nThe Clerk presented the budget. RESOLVED that the precept for 2024/25 be set "
      "at £12,000. All in favour. (Proposed Cllr Ward, seconded Cllr Lee)\n\n6. Close\n",
      res=["that the precept for 2024/25 be set at £12,000."]),
    V(MOTION, "'it was AGREED (proposed A, seconded B) to ...'",
      "20/6/52 Standing Orders\n\nThe Chair referred to a draft addition to Standing Orders for "
      "remote meetings. After discussion it was AGREED (proposed Dr Vickers, seconded Mr Parker) "
      "to insert the circulated section 18 in Standing Orders.\n\n20/6/53 Finance\n\n"
      "Nothing to report.\n",
      res=["to insert the circulated section 18 in Standing Orders."]),
    V(MOTION, "'it was RESOLVED (proposed A, seconded B) that ...'",
      "7. Grants\nThe council considered two applications. It was RESOLVED (proposed Cllr Hale, "
      "seconded Cllr Udall) that a grant of £200 be paid to the village show.\n\n8. Close\n",
      res=["that a grant of £200 be paid to the village show."]),
    V(MOTION, "'Approved on the motion of A ... where it was agreed to remit ...'",
      "Licensing Panel - 19 December 2002\n\n"
      "Approved on the motion of Councillor Grant seconded by Councillor Mair with the exception "
      "of paragraph 1003 (Application for Street Trader's Licence) where it was agreed to remit "
      "the application to the Licensing Panel for further consideration.\n\n"
      "Planning Board - 8 January 2003\n\nNo business.\n",
      res=["Approved on the motion of Councillor Grant seconded by Councillor Mair with the "
           "exception of paragraph 1003 (Application for Street Trader's Licence) where it was "
           "agreed to remit the application to the Licensing Panel for further consideration."]),
    V(MOTION, "'Approved on the motion of A, seconded by B, except ..., where it was agreed to'",
      "Minutes of the Regeneration Sub-Committee\n\n"
      "Approved on the motion of Councillor Bell, seconded by Councillor Shaw, except paragraph "
      "4, where it was agreed to defer the application to the next meeting.\n\n"
      "Housing Committee\n\nNo business.\n",
      res=["Approved on the motion of Councillor Bell, seconded by Councillor Shaw, except "
           "paragraph 4, where it was agreed to defer the application to the next meeting."]),
    V(TRAP, "'to become a co-opted Member' before a motion with no outcome",
      "2020/01/07 CO-OPTING A NEW MEMBER\n\nThe Chairman welcomed Mr Andrew Hall having invited "
      "him to become a co-opted Member. In accordance with procedure, the Chairman moved that he "
      "be appointed and this was seconded by Mr E Smith. Mr Hall was happy to accept and the "
      "Members welcomed his attendance.\n\n2020/01/08 MATTERS ARISING\n\nNone.\n"),
    V(TRAP, "'the agreed timetable' before a proposal with no outcome",
      "6. Play area\nThe Clerk reminded members of the agreed timetable for the works. Cllr Ross "
      "moved that the contractor be asked to start in May and this was seconded by Cllr Kay. "
      "Members then discussed the fencing at length.\n\n7. Close\n"),
    V(GUARD, "'X was co-opted onto the council, proposed by A and seconded by B' is taken",
      "4. Co-option\nMrs Jane Peel was co-opted onto the council, proposed by Cllr Ward and "
      "seconded by Cllr Lee.\n\n5. Close\n",
      res=["Mrs Jane Peel was co-opted onto the council, proposed by Cllr Ward and seconded by "
           "Cllr Lee."]),
    V(GUARD, "'The minutes were approved. Proposed by A, seconded by B.' is taken",
      "3. Minutes\nThe minutes of the meeting held on 4 May were approved as a true record. "
      "Proposed by Cllr Ward, seconded by Cllr Lee.\n\n4. Close\n",
      res=["The minutes of the meeting held on 4 May were approved as a true record. Proposed "
           "by Cllr Ward, seconded by Cllr Lee."]),
]
# fmt: on


@pytest.mark.parametrize("v", MOTIONS, ids=[f"{v.kind}: {v.name}" for v in MOTIONS])
@pytest.mark.parametrize("layout", ["as written", "wrapped at 60"])
def test_a_motions_outcome_is_read_once(v, layout, request):
    if layout != "as written" and v.name.startswith("'it was RESOLVED (proposed"):
        # wrapped between "RESOLVED" and "(proposed ...": the lines are not rejoined (left open)
        request.applymarker(pytest.mark.xfail(
            reason="a keyword wrapped before its bracketed movers is not rejoined", strict=True))  # fmt: skip
    problems, notes = score(replace(v, text=layouts(v.text)[layout]))
    assert not problems, (problems, notes)


def test_the_clause_inside_a_motions_sentence_is_left_for_review_with_its_reason():
    ex = parse_minutes(MOTIONS[4].text)
    assert any("a clause of the motion's sentence" in u.reason for u in ex.unsure), ex.unsure


def test_a_motion_with_no_outcome_is_left_for_review():
    ex = parse_minutes(MOTIONS[6].text)
    assert not ex.resolutions
    assert any("he be appointed" in u.text for u in ex.unsure), ex.unsure


LEAD = "a numbered lead-in over paragraph numbers"
# fmt: off
LEADS = [
    V(LEAD, "'4. Upon the establishment of the Board:' over '4.1', '4.2'",
      "Issue - decisions\n\n15/02/2024 - County Region Board\n\nRESOLVED THAT:\n"
      "1. the establishment of the County Region Board is agreed;\n"
      "2. authority is delegated to the Chief Executive to complete the agreement;\n"
      "3. Upon the establishment of the Board:\n"
      "3.1 this Council's functions are delegated to the Board as set out in Appendix 2;\n"
      "3.2 the appointment of the County Council as the Administering Authority is "
      "confirmed.\n",
      res=["the establishment of the County Region Board is agreed;",
           "authority is delegated to the Chief Executive to complete the agreement;",
           "this Council's functions are delegated to the Board as set out in Appendix 2;",
           "the appointment of the County Council as the Administering Authority is "
           "confirmed."]),
    V(LEAD, "'2. With effect from 1 April:' over '2.1', '2.2', '2.3'",
      "Minutes of the Cabinet\n\n7. Fees and charges\n\nRESOLVED:\n"
      "1. the report is noted;\n"
      "2. With effect from 1 April:\n"
      "2.1 the charges in Appendix A are approved;\n"
      "2.2 the garden waste charge is increased to £45;\n"
      "2.3 the Director is authorised to publish the new charges.\n\n"
      "8. Close\n",
      res=["the report is noted;", "the charges in Appendix A are approved;",
           "the garden waste charge is increased to £45;",
           "the Director is authorised to publish the new charges."]),
    V(GUARD, "a numbered item ending ':' over data, not clauses, stays the decision",
      "Minutes of the Cabinet\n\n7. Appointments\n\nRESOLVED:\n"
      "1. the report is noted;\n"
      "2. the following members be appointed to the Panel:\n"
      "2.1 Councillor Reid\n"
      "2.2 Councillor Shah\n\n"
      "8. Close\n",
      res=["the report is noted;", "the following members be appointed to the Panel:"]),
]
# fmt: on


@pytest.mark.parametrize("v", LEADS, ids=[f"{v.kind}: {v.name}" for v in LEADS])
@pytest.mark.parametrize("layout", ["as written", "wrapped at 60"])
def test_a_lead_in_over_its_paragraph_numbers_is_not_a_resolution(v, layout):
    problems, notes = score(replace(v, text=layouts(v.text)[layout]))
    assert not problems, (problems, notes)


def test_the_lead_in_is_left_for_review_with_its_reason():
    ex = parse_minutes(LEADS[0].text)
    assert any(
        u.text.startswith("Upon the establishment") and "lead-in" in u.reason for u in ex.unsure
    ), ex.unsure


HEADER = "a table's header row"
# fmt: off
HEADERS = [
    V(HEADER, "'Item | Description | Background Information | Decision |' over the rows",
      "Item | Description | Background Information | Decision |\n"
      "| APOLOGIES FOR ABSENCE | APOLOGIES FOR ABSENCE\n"
      "Councillors Barlow, Birch and Wallace | |\n"
      "22/37 | MINUTES OF THE LAST MEETING | MINUTES OF THE LAST MEETING\n"
      "Minutes | RESOLVED - That the minutes of the meeting held on 8 March 2022 be confirmed "
      "as a correct record. |\n",
      res=["That the minutes of the meeting held on 8 March 2022 be confirmed as a correct "
           "record."]),
    V(HEADER, "'No | Subject | Discussion | Agreed' over the rows",
      "No | Subject | Discussion | Agreed\n"
      "| Welcome | The Chair welcomed members to the meeting\n"
      "1 | Minutes | RESOLVED - That the minutes be approved. |\n",
      res=["That the minutes be approved."]),
    V(GUARD, "'Decision:' as a label over its decision is still read",
      "5. Grants\nThe Board discussed the applications.\nDecision:\n"
      "That a grant of £300 be made to the youth club.\n\n6. Close\n",
      res=["That a grant of £300 be made to the youth club."]),
]
# fmt: on


@pytest.mark.parametrize("v", HEADERS, ids=[f"{v.kind}: {v.name}" for v in HEADERS])
def test_a_keyword_naming_a_column_is_not_a_decision(v):
    problems, notes = score(v)
    assert not problems, (problems, notes)


EARLIER = "another meeting's decision, reported"
# fmt: off
EARLIERS = [
    V(EARLIER, "'At the meeting on 13th February it was agreed to ...' in a member's report",
      "4.2 Common Management Association (Cllr Mrs Stokes)\n"
      "Cllr Stokes written report: The AGM set for 12th December was cancelled because of the "
      "weather. At the meeting on 13th February it was agreed to hold the AGM in April\n\n"
      "4.3 Village Hall\nNo report.\n"),
    V(EARLIER, "'at its last meeting the Board agreed that ...' in an update",
      "6. Partnership update\nThe Chair said that at its last meeting the Partnership Board "
      "agreed that the strategy be refreshed by March.\n\n7. Close\n"),
    V(EARLIER, "'Agreed to discuss this ... at today's meeting' under matters arising",
      "3. / Matters Arising\nBudget underspend\nIdentified at the last meeting there was an "
      "underspend in this year's budget of about £70k. Agreed to discuss this in more detail "
      "at today's meeting under agenda Item 7 Budget.\n\n4. / Close\n"),
    V(EARLIER, "'It was agreed that the plan be considered at today's meeting' as arising",
      "Matters arising\nThe draft plan had been circulated in May. It was agreed that the plan "
      "be considered at today's meeting once members had read it.\n\nClose\n"),
    V(GUARD, "this meeting's 'It was agreed to hold the AGM in April' is still taken",
      "4. AGM\nMembers discussed the date. It was agreed to hold the AGM in April.\n\n"
      "5. Close\n",
      res=["to hold the AGM in April."]),
    V(GUARD, "a later meeting named before 'RESOLVED:' does not make it another meeting's",
      "6. Grounds contract\nThe contract would be presented for approval at the meeting on 4th "
      "February. RESOLVED: That a provisional appointment be made.\n\n7. Close\n",
      res=["That a provisional appointment be made."]),
    V(GUARD, "'It was agreed to consider item 9 before item 8' is still taken",
      "7. Order of business\nIt was agreed to consider item 9 before item 8 at this meeting.\n\n"
      "8. Close\n",
      res=["to consider item 9 before item 8 at this meeting."]),
]
# fmt: on


@pytest.mark.parametrize("v", EARLIERS, ids=[f"{v.kind}: {v.name}" for v in EARLIERS])
@pytest.mark.parametrize("layout", ["as written", "wrapped at 60"])
def test_another_meetings_decision_is_not_this_ones(v, layout):
    problems, notes = score(replace(v, text=layouts(v.text)[layout]))
    assert not problems, (problems, notes)


def test_another_meetings_decision_is_left_for_review_with_its_reason():
    ex = parse_minutes(EARLIERS[0].text)
    assert any("another meeting" in u.reason for u in ex.unsure), ex.unsure


RECOMMENDATION = "a numbered recommendation"
# fmt: off
RECOMMENDATIONS = [
    V(RECOMMENDATION, "'Recommendation 1: That ...' after a group's update",
      "2. Matters arising\nThe Board heard the topic groups' updates.\n\n"
      "Recommendation 1: That the wasteland action plan is put back into next year's round of "
      "plan production.\n\n3. Recommendations from Topic Groups\nNone.\n"),
    V(RECOMMENDATION, "'Recommendation 2 - that ...' in a review's findings",
      "5. Scrutiny review of allotments\nThe review group presented its findings.\n"
      "Recommendation 2 - that a waiting list be published on the website.\n"
      "Recommendation 3 - that rents be reviewed every two years.\n\n6. Close\n"),
    V(GUARD, "'RESOLVED: That ...' beside them is still read",
      "5. Budget\nThe Treasurer presented the draft budget.\n"
      "RESOLVED: That the budget for 2025/26 be approved.\n\n6. Close\n",
      res=["That the budget for 2025/26 be approved."]),
]
# fmt: on


@pytest.mark.parametrize("v", RECOMMENDATIONS, ids=[f"{v.kind}: {v.name}" for v in RECOMMENDATIONS])
@pytest.mark.parametrize("layout", ["as written", "wrapped at 60"])
def test_a_numbered_recommendation_is_not_a_decision(v, layout):
    problems, notes = score(replace(v, text=layouts(v.text)[layout]))
    assert not problems, (problems, notes)


ELECTION = "a contested election"
# fmt: off
ELECTIONS = [
    V(ELECTION, "two nominations, a ballot, the winner declared",
      "19/62 Election of Chairman: The Chairman invited nominations for the coming year. Cllr "
      "Tuson nominated Cllr Barraclough which was seconded by Cllr Elliott. Cllr Adams "
      "nominated Cllr Gibbs which was seconded by Cllr Ward. Two Councillors asked for a signed "
      "ballot. Ballot Result: Cllr Barraclough, 7 votes; Cllr Gibbs, 3 votes. Cllr Barraclough "
      "was declared Chairman and duly signed the Declaration of Acceptance of Office.\n\n"
      "19/63 Chairman's Address: The Chairman thanked the members.\n",
      res=["Cllr Tuson nominated Cllr Barraclough which was seconded by Cllr Elliott."]),
    V(ELECTION, "two nominations, a show of hands, the second nominee elected",
      "5. Election of Vice-Chairman\nCouncillor Ross nominated Councillor Kay, seconded by "
      "Councillor Hunt. Councillor Bell nominated Councillor Shaw, seconded by Councillor Dunn. "
      "On a show of hands Councillor Shaw received five votes and Councillor Kay three. "
      "Councillor Shaw was duly elected Vice-Chairman for the year.\n\n6. Close\n",
      res=["Councillor Bell nominated Councillor Shaw, seconded by Councillor Dunn."]),
    V(GUARD, "one nomination, elected, is read whole as before",
      "5. Election of Vice-Chairman\nCouncillor Ross nominated Councillor Kay, seconded by "
      "Councillor Hunt. There being no other nominations, Councillor Kay was duly elected.\n\n"
      "6. Close\n",
      res=["Councillor Ross nominated Councillor Kay, seconded by Councillor Hunt. There being "
           "no other nominations, Councillor Kay was duly elected."]),
]
# fmt: on


@pytest.mark.parametrize("v", ELECTIONS, ids=[f"{v.kind}: {v.name}" for v in ELECTIONS])
@pytest.mark.parametrize("layout", ["as written", "wrapped at 60"])
def test_a_contested_election_is_the_winners_nomination(v, layout, request):
    if layout != "as written" and v is ELECTIONS[2]:
        # wrapped before "Councillor Kay was duly elected." after a comma: the segmenter does
        # not rejoin a line that opens with a title (left open); the contested election wrapped
        # so is read since branch tune44 (`ballots`: the nominee declared in a later unit)
        request.applymarker(pytest.mark.xfail(
            reason="a wrapped line opening with 'Councillor' is not rejoined", strict=True))  # fmt: skip
    problems, notes = score(replace(v, text=layouts(v.text)[layout]))
    assert not problems, (problems, notes)


def test_a_page_of_repeated_header_rows_reads_every_rows_decision():
    # "Item | Description | Decision |" over each row; its speed (once quadratic in
    # `columns.inferred_tables`) is measured in benchmarks/bench_minutes.py, not here
    text = "Item | Description | Decision |\n| A | B | RESOLVED - That it be noted. |\n" * 1500
    e = parse_minutes(text)
    assert len(e.resolutions) == 1500
