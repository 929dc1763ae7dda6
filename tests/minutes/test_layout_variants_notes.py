"""Layouts of small councils' minutes that batches 15 and 16 showed (none of these texts is
taken from a corpus page): a notes table whose "Action" column holds the owner, items whose
numbers were all published as "1.", owner labels on their own line or after a sentence, a task
wrapped over a table row's cells, and agenda lines and a report's recommendations that are not
decisions."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

from .layout_kit import DIRECTIVE, LOG, MOTION, OWNER_LABEL, PROSE, TRAP, V, score

# fmt: off
NOTES = [
    V(LOG, "'Item / Notes / Action' over minuted notes, an ACTION marker inside a row",
      "Item / Notes / Action\n"
      "21.23/24 / Apologies / Apologies were received from Cllr Grey.\n"
      "22.23/24 / Highways / There were two reports about the verges, namely: 1) Mill Lane:\n"
      "the verge is eroded near the bridge.\n"
      "2) Church Street: the drain is blocked again. ACTION: JT to report both to the county "
      "council. / JT\n"
      "23.23/24 / Finance / The accounts for May were noted.\n",
      act=[("JT", "report both to the county council.")]),
    V(OWNER_LABEL, "'Action AB' on its own line after a paragraph",
      "7/21 Allotments\n\nThe water trough leaks again. The clerk was asked to contact the "
      "plumber about a repair.\n\nAction AB\n\n8/21 Correspondence\n",
      act=[("AB", "The clerk was asked to contact the plumber about a repair.")]),
    V(OWNER_LABEL, "'Action; <owners>' on its own line, the owners in lower case",
      "4. Verges\n\nThe verge by the school is eroded. Councillors were asked to look at it "
      "before the next meeting.\n\nAction; all councillors, JT\n",
      act=[("all councillors, JT", "Councillors were asked to look at it before the next "
                                    "meeting.")]),
    V(OWNER_LABEL, "'Action <role>' after a numbered point that is a passive task",
      "5. Outstanding issues\n\n1. Inspection of the play area to be carried out by the "
      "chairman on Monday.\n\nAction Chairman\n",
      act=[("Chairman", "Inspection of the play area to be carried out by the chairman on "
                        "Monday.")]),
    V(OWNER_LABEL, "'Action: Clerk.' after a sentence",
      "6. Dates\n\nThe calendar of meetings would be sent to councillors. Action: Clerk.\n",
      act=[("Clerk", "The calendar of meetings would be sent to councillors.")]),
    V(OWNER_LABEL, "'<name> to action' after a sentence",
      "3.2. Sam will ask the county about the broken bollard. Sam to action\n\n"
      "3.3. Clerk to send the precept form to the district. Clerk to action\n",
      act=[("Sam", "Sam will ask the county about the broken bollard."),
           ("Clerk", "Clerk to send the precept form to the district.")]),
    V(DIRECTIVE, "'Action: Clerk to ...' inside a paragraph, a decision after it",
      "3. Councillor changes: Cllr Webb has resigned. Action: Clerk to write to Cllr Webb "
      "with thanks.  Council resolved to co-opt Mrs Hill.\n\n"
      "4. Trees: the quotes were discussed, the lowest from ABC Ltd. Action: Clerk to order "
      "the work.  Council agreed to plant a tree on the green.\n",
      res=["to co-opt Mrs Hill.", "to plant a tree on the green."],
      act=[("Clerk", "write to Cllr Webb with thanks."), ("Clerk", "order the work.")]),
    V(PROSE, "'It was also resolved that ... would ...' after an action note: an undertaking",
      "2. Minutes: the minutes were signed. Action:   Cllr Hill to put the minutes on the "
      "website. It was also resolved that draft minutes would be shown on the website.\n",
      act=[("Cllr Hill", "put the minutes on the website.")]),
    V(LOG, "a row's cells one a line: number, '(6.2) <owner> to ...', owner",
      "Matters arising\n\n2.4\n\n(6.2) Clerk to order a new grit bin for Mill Lane before the "
      "winter.\n\n \n\nSV\n\n2.5\n\n(7.1) GC to find out who owns the verge.\n\n \n\nGC\n",
      act=[("Clerk", "order a new grit bin for Mill Lane before the winter."),
           ("GC", "find out who owns the verge.")]),
    V(TRAP, "a header 'Agenda / Item / Action / Item' flattened one cell a line",
      "In attendance: Jo Bloggs (Minutes)\nAgenda\nItem\nAction\nItem\n"
      "PB(21)01 Welcome and Introductions\nThe Chair opened the meeting and welcomed all.\n"
      "PB(21)02 Apologies\nApologies were received from Dr Jones.\n"),
    V(TRAP, "a decision restated under 'Actions held over from previous meetings'",
      "Summary of Actions from the Board meeting on 3 March 2021\n\n"
      "Item / Action / Responsibility\n"
      "Actions held over from previous meeting on 2 December 2020\n"
      "BD 12/20 / Quality Report\n"
      "It was agreed to review the complaints process at the Quality Committee and report back "
      "to the Board.\nStatus: in progress / JB\n"
      "Actions from meeting on 3 March 2021\nBD 04/21 / Estates\n"
      "The Director of Estates to publish the estates strategy.\n",
      act=[("The Director of Estates", "publish the estates strategy.")]),
    V(MOTION, "a community council page flattened onto one line: 'MOTION To ...' then 'VOTE'",
      "3. Membership 3.1 Attendance 3.1.1 Members Anne Brown (AB), Colin Dunn (CD), Erin Ford "
      "(EF), Gary Hall (GH), Ian Jones (IJ), Kate Lowe (KL) and Mary Noble (MN). 3.1.2 Others "
      "The general public and the minute taker. 3.2 Treasurer 3.2.1 Appointment of Treasurer "
      "MOTION GH Nominated by AB, seconded by CD. VOTE Unanimous agreement, GH appointed with "
      "no other nomination. 3.3 Co-options 3.3.1 Co-option of Paul Quinn (PQ) AB noted that the "
      "council can co-opt 3 more members. MOTION To co-opt Paul Quinn as a member of the council. "
      "Proposed by EF, seconded by IJ. VOTE Unanimous agreement, PQ co-opted as a member. PQ "
      "joined the members around the table. 3.3.2 Co-option of Rita Shaw (RS) MOTION To co-opt "
      "Rita Shaw as a member of the council. Proposed by KL, seconded by MN. VOTE Unanimous "
      "agreement, RS co-opted as a member. RS joined the members around the table.\n",
      res=["GH Nominated by AB, seconded by CD. VOTE Unanimous agreement, GH appointed with no "
           "other nomination.",
           "To co-opt Paul Quinn as a member of the council.",
           "To co-opt Rita Shaw as a member of the council."]),
    V(MOTION, "'Proposed by A, seconded by B.' then a bare clause ending the item",
      "Election of Chair\n\nTo elect a chair of the Board for the year.\n\n"
      "Proposed by Cllr Jo Hart, seconded by Sam Lee.\n\n"
      "That Cllr Jo Hart be elected as Chair of the Board for the year.\n\n"
      "Minutes pdf icon PDF 120 KB\n\nTo confirm the minutes of the meeting held on 2 May.\n\n"
      "Proposed by Ann Bell, seconded by Tom Reid.\n\n"
      "The minutes of the meeting held on 2 May be confirmed and signed.\n\n"
      "Declarations of Interest\n\nNone were made.\n",
      res=["That Cllr Jo Hart be elected as Chair of the Board for the year.",
           "The minutes of the meeting held on 2 May be confirmed and signed."]),
    V(TRAP, "a proposal whose clause does not end the item: no outcome, not taken",
      "Play area\n\nProposed by Cllr Hart, seconded by Cllr Lee.\n\n"
      "That new swings be bought for the play area.\n\n"
      "Members discussed the cost at length and asked for more quotes.\n\n"
      "Finance\n"),
    V(TRAP, "matters arising, each led by the earlier minute it updates ('273d', '289ii')",
      "300     Matters arising from the Minutes of May 22\n\n"
      "a) 273d Bus shelter        The county has not replied about the repairs to be "
      "completed.\n\n"
      "b) 289ii Newsletter; The Council noted that the June issue carried an article supplied "
      "by the history group, and contributions to be sent to the Clerk.\n\n"
      "c) 289iii Website; The Clerk advised that the old pages would be removed and the links "
      "to be checked.\n\n301     Finance\n"),
    V(TRAP, "a motion whose own clause says 'be accepted', with no outcome written",
      "4. Notes of the previous meeting held on 2 May: These were proposed by AB and seconded "
      "by CD that the notes be accepted as a true record. To be signed by the chairman later.\n"
      "\n5. Planning: none.\n"),
    V(TRAP, "a decision listing its data 'on the following basis:-' under roman numerals",
      "RESOLVED -\n\na)    That the annual report be noted\n\n"
      "b)  That the proposals for the panel be endorsed and that the Appointments Committee be "
      "requested to approve members on the following basis:-\n\n"
      "i.  Two Elected Members including the Lead Member for Housing, and\n\n"
      "ii.  the Lead Member for Housing serve on the Tenants Panel.\n\n"
      "c)   That a further report be brought in the autumn.\n",
      res=["That the annual report be noted",
           "That the proposals for the panel be endorsed and that the Appointments Committee be "
           "requested to approve members on the following basis:-",
           "That a further report be brought in the autumn."]),
    V(MOTION, "'The minutes ... was approved by A and second by B.'",
      "2. Minute of previous meeting:\n\nThe minutes from the previous meeting held on 4th "
      "April was approved by Ann Reid and second by Tom Kerr.\n\n3. Matters Arising:\n",
      res=["The minutes from the previous meeting held on 4th April was approved by Ann Reid and "
           "second by Tom Kerr."]),
    V(TRAP, "a summons over numbered 'To receive ...' agenda lines",
      "Parish Council Meeting\nYou are summoned to attend a meeting of the Parish Council, to be "
      "held at 7pm on Tuesday 4th May in the Village Hall.\n1. To receive apologies for absence.\n"
      "2. To approve the minutes of the meeting held on 6th April.\n3. Public Participation.\n"
      "4. To consider the quotation for the play area.\nFinance\n"),
    V(TRAP, "numbered 'To consider ...' agenda lines after a paragraph",
      "Dear Councillor, the next meeting of the council will take place on Monday 3rd June at the "
      "Memorial Hall, starting at 7.30pm; the business is set out below.\n"
      "1. To receive apologies for absence.\n2. To approve the minutes of the last meeting.\n"
      "3. To consider the grass cutting contract.\n4. To discuss the speed watch scheme.\n"
      "Planning\n"),
]
# fmt: on


@pytest.mark.parametrize("v", NOTES, ids=[f"{v.kind}: {v.name}" for v in NOTES])
def test_each_variant_is_read_as_a_judge_would(v):
    problems, notes = score(v)
    assert problems == [], notes


def _numbered_page(numbers: str) -> str:
    a, b, c, d = numbers.split()
    return (
        f"Minutes of the Parish Council meeting\n\n{a}. Apologies: Cllr Brown\n\n"
        f"{b}. Minutes of the last meeting:\n\nThe minutes were signed.\n\n{c}. Play area:\n\n"
        "The inspection report was discussed. Council agreed to replace the swings.\n\n"
        f"{d}. Footpaths:\n\nThe stile was reported broken. Council agreed to repair the stile "
        "at Mill Lane.\n"
    )


@pytest.mark.parametrize(
    ("numbers", "items"), [("1 1 1 1", ["", ""]), ("1 2 3 4", ["3", "4"]), ("1 2 1 1", ["1", "1"])]
)
def test_items_all_printed_one_keep_no_number(numbers, items):
    # an ordered list published one item at a time: every item reads "1.", its number lost;
    # "1." twice after "2." is not yet a run of three and reads as printed
    e = parse_minutes(_numbered_page(numbers))
    assert [(r.text, r.item) for r in e.resolutions] == [
        ("to replace the swings.", items[0]),
        ("to repair the stile at Mill Lane.", items[1]),
    ]


def test_a_numbered_title_and_its_minute_on_one_line_give_the_item():
    e = parse_minutes(
        "11. Apologies for absence – None were received from members.\n\n"
        "12. To confirm the minutes of the meeting held on 4th May – PROPOSED; SECONDED; "
        "RESOLVED that the minutes be approved as a correct record\n\n"
        "13. To consider the grass cutting quotes – Three quotes were received.  RESOLVED to "
        "accept the quote from Green Ltd.\n\n"
        "14. Appoint a Vice-Chairman: Cllr Drummond was proposed and seconded and appointed as "
        "Vice Chairman.\n"
    )
    assert [(r.text, r.item) for r in e.resolutions] == [
        ("that the minutes be approved as a correct record", "12"),
        ("to accept the quote from Green Ltd.", "13"),
        ("Cllr Drummond was proposed and seconded and appointed as Vice Chairman.", "14"),
    ]


def test_a_flattened_page_numbers_each_motion_by_its_paragraph():
    text = next(v.text for v in NOTES if v.kind == MOTION)
    e = parse_minutes(text)
    assert [r.item for r in e.resolutions] == ["3.2.1", "3.3.1", "3.3.2"]


def test_a_town_council_committee_with_coded_minutes_and_numbered_member_items():
    e = parse_minutes(
        "TC21/3/04 To confirm the minutes of the meeting held on 12th\n"
        "January 2021.\n"
        "RESOLVED: The minutes of the meeting were approved as a true record\n"
        "TC21/3/05 Funding updates – to receive updates from past recipients:\n"
        "Funding updates were noted.\n"
        "TC21/3/07 To consider member items:\n"
        "Member items:\n"
        "7.1 Allotments – Cllr Reed Allotments update noted. RESOLVED: To repair the fence at the "
        "allotments. 7.2 Litter pick – Cllr Shaw Litter pick update noted. RESOLVED: i. To hold a "
        "litter pick in April. ii. Councillors Reed and Shaw volunteered to lead it. iii. Clerk to "
        "order bags and gloves. |\n"
        "TC21/03/09 | Mayoral update – what the Mayor has been doing\n"
        "Mayoral update was noted |\n"
    )
    # two unnumbered decisions: each told apart by its minute, never a made-up "B2"
    assert [(r.text, r.item, r.number) for r in e.resolutions] == [
        ("The minutes of the meeting were approved as a true record", "TC21/3/04", "TC21/3/04"),
        ("To repair the fence at the allotments.", "7.1", "7.1"),
        ("To hold a litter pick in April.", "7.2", "7.2 (i)"),
        ("Councillors Reed and Shaw volunteered to lead it.", "7.2", "7.2 (ii)"),
        ("Clerk to order bags and gloves.", "7.2", "7.2 (iii)"),
    ]
    # the third is a follow-up inside the decision (actions rule 5), not an action of its own
    assert [f.text for f in e.followups if f.source != "resolution"] == []


def test_an_upper_case_title_and_its_minute_on_one_line():
    e = parse_minutes(
        "3.    DECLARATIONS OF INTEREST. None were declared.\n\n"
        "4.    MINUTES OF MEETING, June 12th, 2024. It was proposed by Cllr Hart and seconded by "
        "Cllr Lee that the Notes from June 12th be accepted as Minutes. All agreed, the Chairman "
        "signed the Minutes.\n\n"
        "5.    PLAY AREA. The fence is broken. It was proposed by Cllr Lee and seconded by Cllr "
        "Hart that Cllr Hart asks for quotes. All agreed, Resolution passed.\n"
    )
    assert [(r.text, r.item) for r in e.resolutions] == [
        ("that the Notes from June 12th be accepted as Minutes", "4"),
        ("that Cllr Hart asks for quotes", "5"),
    ]
