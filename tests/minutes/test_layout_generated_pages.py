"""Two whole synthetic pages that mix the layout kinds of issue 17 (a town council's: a motion,
prose, a directive and an action table; a health board's: a lost-label list, an action and a
passive directive), read together, as printed and flattened onto one line. The kinds one by one,
in every combination of the ways they vary: test_layout_generated.py."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes
from tracker.minutes.evaluate import words

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
        # the due cells ("10 March", "April") name no full date: kept in the text as written
        ("JS", "Circulate the budget papers to all members (due: 10 March)"),
        ("Clerk", "Book the hall for the annual meeting (due: April)"),
    ]
    assert [f.due for f in e.followups] == [None, None, None]


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


@pytest.mark.parametrize("page", [TOWN_COUNCIL, HEALTH_BOARD], ids=["town council", "health board"])
def test_a_whole_page_flattened_onto_one_line_gives_the_same_resolutions(page):
    flat = page.replace("\n\n", "  ").replace("\n", " ")
    lined, flattened = parse_minutes(page), parse_minutes(flat)
    assert [(r.item, words(r.text)) for r in flattened.resolutions] == [
        (r.item, words(r.text)) for r in lined.resolutions
    ]
    # an action table's rows run together once the line breaks are gone; the rest is the same
    acts = [(f.owner, f.text) for f in lined.followups if f.source == "action-line"]
    assert acts[: 2 if page is HEALTH_BOARD else 1] == [
        (f.owner, f.text) for f in flattened.followups if f.source == "action-line"
    ]
