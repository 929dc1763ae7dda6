"""Pages that record no decision at all, which the sweep over unseen published pages found read
as if they did (none of these texts is taken from a page): an officer's report whose
"It is recommended that the Committee:" list read as decisions, terms of reference whose "There
will be a proposer, a seconder and then a vote" read as a motion, a strategy's action plan whose
columns read as forty actions, an agenda whose "The Clerk to report ..." read as an action. On
such a page every candidate goes to the review list with the page's reason ("page reads as a
report, not minutes: 'Background', ..."), never dropped. The guards are minutes that quote a
report's recommendations, minutes with an action plan's columns, minutes of an item on terms
of reference: a record of a meeting keeps its decisions and actions."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import TRAP, V, score

GUARD = "guard"

# fmt: off
VARIANTS = [
    V(TRAP, "an officer's report: 'It is recommended that the Committee:' over lettered items",
      "Housing Committee\n12 March 2019\nAllotment Rents Review\nReport by the Director of "
      "Place\n\n1. Purpose of Report\n1.1 This report sets out proposed rents for 2019/20.\n\n"
      "2. Recommendations\nIt is recommended that the Committee:\n(a) approve the rents set out "
      "in Appendix 1;\n(b) note that tenants will be given three months' notice.\n\n"
      "3. Background\n3.1 Rents were last reviewed in 2015.\n\n4. Financial Implications\n"
      "4.1 The increase will raise about \u00a32,000 a year.\n"),
    V(TRAP, "a report flattened onto one line: '1. RECOMMENDATION ... 2. BACKGROUND ...'",
      "REPORT NO. 77/18 WESTSHIRE COUNCIL POLICY COMMITTEE 4 JUNE 2018 PARKING STRATEGY Report "
      "by the Head of Roads ABSTRACT This report presents the parking strategy. 1. "
      "RECOMMENDATION It is recommended that the Committee: (a) approve the parking strategy; "
      "(b) note that charges will be reviewed in 2019. 2. BACKGROUND The strategy was last "
      "revised in 2012 and members asked for a review.\n"),
    V(TRAP, "a report's 'Recommendation: That the Board ...' under 'Purpose of report'",
      "Agenda Item 6\nSafeguarding Partnership Board\nAnnual Report 2020/21\n\nPurpose of the "
      "report\nTo present the partnership's annual report.\n\nRecommendation:\nThat the Board "
      "notes the annual report and that the report be published on the website.\n\n"
      "Contact officer: Jane Doe, Business Manager\nBackground papers: none\n"),
    V(TRAP, "terms of reference: a voting rule in the future tense",
      "Riverside Residents' Forum\nTerms of Reference\n\n1. Purpose\nTo give residents a say "
      "in local services.\n\n2. Membership\nAny resident of the estate may join.\n\n3. Quorum\n"
      "Five members.\n\n4. Decisions\nThere will be a proposer, a seconder and then a vote, "
      "carried by a simple majority.\n\n5. Meetings\nThe Secretary to circulate papers five "
      "days before each meeting.\n"),
    V(TRAP, "an agenda with no 'Agenda' title: business to be transacted, 'X to report'",
      "Northfield Town Council\nPlanning Committee, Tuesday 6 April 2021, 7pm\nBusiness to be "
      "transacted\n1. To receive apologies for absence.\n2. To receive declarations of "
      "interest.\n3. To approve the minutes of the meeting of 2 March 2021.\n4. Bus shelter, "
      "High Street. The Clerk to report on the insurance claim.\n5. To consider planning "
      "applications received.\n"),
    V(TRAP, "a strategy's action plan table: 'Objective / Action / Lead officer / Timescale'",
      "Community Safety Action Plan 2022-23\n\nObjective | Action | Lead officer | Timescale | "
      "Outcomes\nReduce anti-social behaviour | Parks team to review lighting in play areas | "
      "Parks Manager | March 2023 | Fewer reports\nSupport victims | Housing officers to refer "
      "victims to the support service | Housing Manager | Ongoing | More referrals\n"),
    V(TRAP, "an action plan whose columns are lines of their own",
      "Health Improvement Delivery Plan\nObjective\nAction\nLed by\nTimescale\nTargets\n"
      "1.1\nIncrease physical activity\nAction\nLeisure team to run walking groups in each "
      "ward\nLeisure Manager\nApril 2020\nSix groups\n"),
    V(TRAP, "a forward plan of key decisions, its officer 'to report'",
      "Forward Plan of Key Decisions\nPublished 1 May 2022\n\nMatter for decision: Waste "
      "collection contract\nDecision maker: Cabinet\nKey decision: Yes\nDate of decision: June "
      "2022\nThe Director of Environment to report on the tender results.\n"),
    V(TRAP, "an item's purpose under its title: 'The Board to understand ...'",
      "Agenda item\n\nWinter Pressures\n\nThe Board to understand the plans for the winter "
      "months.\n\nThe Director of Operations gave an update on bed numbers and staffing.\n"),
    V(GUARD, "a person's directive under an item's title is still taken",
      "Minutes of the Board, 2 May 2021\nPresent: AB, CD\n\nWinter Pressures\n\nCD to "
      "circulate the winter plan to partners.\n\nThe Director gave an update.\n",
      act=[("CD", "circulate the winter plan to partners.")]),
    V(GUARD, "minutes that quote a report's recommendations, then resolve",
      "Minutes of the meeting of the Housing Committee held on 12 March 2019\n\nPresent: "
      "Councillors Ames (Chair), Bell and Cole\n\n5. Allotment Rents Review\nThe Committee "
      "considered a report by the Director of Place. Purpose of report: to set rents for "
      "2019/20.\nRecommendations: that the rents in Appendix 1 be approved.\nRESOLVED: That the "
      "rents in Appendix 1 be approved, with the rent for half plots held at \u00a320.\n",
      res=["That the rents in Appendix 1 be approved, with the rent for half plots held at "
           "\u00a320."]),
    V(GUARD, "minutes of an item on the action plan, with its columns and an action",
      "Notes of the Community Safety Partnership meeting, 3 May 2022\nPresent: AB, CD, EF\n\n"
      "4. Action plan\nThe partnership reviewed the action plan.\nObjective | Action | Lead "
      "officer | Timescale | Outcomes\nThe columns were agreed.\nAB to circulate the revised "
      "plan to partners.\n",
      act=[("AB", "circulate the revised plan to partners.")]),
    V(GUARD, "an agenda-and-minutes page: 'is asked to note' in the agenda text, then decided",
      "Agenda item\n\nDates of meetings 2020/21\n\nThe Committee is asked to note the dates "
      "reserved for its meetings.\n\nMinutes:\n\nRESOLVED that the dates reserved for the "
      "Committee's meetings in 2020/21 be noted.\n",
      res=["that the dates reserved for the Committee's meetings in 2020/21 be noted."]),
    V(GUARD, "an item's minutes with only the discussion: 'is asked to note', 'this report'",
      "Agenda item\n\nSchool Transport\n\nThe Committee is asked to note the report.\n\n"
      "3.1 The Head of Transport presented this report on routes for the new term.\n3.2 A "
      "member asked how many pupils would be affected. The officer explained that about forty "
      "would be.\n\nACTION \u2013 PK to send members the list of changed routes.\n",
      act=[("PK", "send members the list of changed routes.")]),
    V(GUARD, "minutes of an item on terms of reference keep the action",
      "Minutes of the Partnership Board, 9 June 2021\nApologies were received from Cllr Dunn.\n"
      "\n3. Terms of reference\nThe Board considered its draft terms of reference, including "
      "membership and quorum.\nMembership\nQuorum\nJK to circulate the final version to "
      "partners.\n",
      act=[("JK", "circulate the final version to partners.")]),
    V(GUARD, "decisions under an item titled 'Recommendations from the report' keep",
      "Cabinet Minutes, 4 April 2022\n\n7. Budget monitoring\nBackground\nThe Cabinet Member "
      "introduced the report.\nIt is recommended that Cabinet:\n1. notes the forecast "
      "outturn;\n2. approves the virements in Appendix B.\nThe Cabinet agreed the "
      "recommendations.\n",
      res=["notes the forecast outturn;", "approves the virements in Appendix B."]),
]
# fmt: on


@pytest.mark.parametrize("v", VARIANTS, ids=[f"{v.kind}: {v.name}" for v in VARIANTS])
def test_variant(v):
    problems, notes = score(v)
    assert problems == [], notes


@pytest.mark.parametrize(
    "v",
    [t for t in VARIANTS if t.kind == TRAP and "purpose" not in t.name],
    ids=[t.name for t in VARIANTS if t.kind == TRAP and "purpose" not in t.name],
)
def test_what_a_page_with_no_decision_proposes_is_left_for_review_with_its_reason(v):
    """Nothing is dropped: what read as a decision or action is on the review list, with the
    line it sits on and the page's reason a user can read."""
    e = parse_minutes(v.text)
    assert not e.resolutions and not [f for f in e.followups if f.source != "resolution"]
    reasons = [u.reason for u in e.unsure if "not minutes" in u.reason]
    assert reasons, e.unsure
    assert all(u.line >= 1 for u in e.unsure)


def test_the_report_reason_names_what_the_page_shows():
    e = parse_minutes(VARIANTS[0].text)
    why = [u for u in e.unsure if "recommended" not in u.text and "approve the rents" in u.text]
    assert why and "page reads as a report, not minutes" in why[0].reason, e.unsure
    assert "'Purpose of report'" in why[0].reason or "'Recommendation'" in why[0].reason


def test_an_items_purpose_under_its_title_is_left_for_review_with_its_reason():
    v = next(t for t in VARIANTS if "purpose under its title" in t.name)
    e = parse_minutes(v.text)
    assert any("right under its item's title" in u.reason and u.line == 5 for u in e.unsure)
