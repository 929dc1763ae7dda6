"""A clock time opening an agenda line ("7:00 Welcome", "7:05 Minutes of the last meeting") is
the time the item was taken, not its number; items numbered "1:00", "2:00", ... (a community
council's, batch 40) stay items."""

from __future__ import annotations

from tracker.minutes.items import clock_times
from tracker.minutes.parser import parse_minutes, read_page

TIMED = """Minutes of the Village Hall Committee meeting held on 5 May 2024

7:00 Welcome and apologies
Apologies were received from Cllr Smith.

7:05 Minutes of the last meeting
RESOLVED: That the minutes of the meeting held on 7 April 2024 be approved.

7:15 Hall hire charges
RESOLVED: That the hall hire charges rise by 5% from June.

8:00 Close
"""

ONE_TIME = """Village Hall Committee

7:00 Welcome
The Chair welcomed everyone.

RESOLVED: That the minutes of the meeting held on 7 April 2024 be approved.
"""

NUMBERED = (
    "Community Council minutes\n\n1:00 Apologies: none.\n2:00 Approval of the minutes of "
    "the last meeting: The minutes were approved by Cllr Reid and seconded by Cllr Dale.\n"
    "3:00 Planning: no applications.\n"
)


def test_clock_times_are_no_items() -> None:
    for text in (TIMED, ONE_TIME):
        ex, page = read_page(text)
        assert [r.item for r in ex.resolutions] == [""] * len(ex.resolutions)
        assert ex.resolutions
        assert not [p for p in page if p.state == "heading"]
        assert {p.item for p in page} == {""}


def test_items_numbered_one_colon_nought_nought_stay_items() -> None:
    assert [r.item for r in parse_minutes(NUMBERED).resolutions] == ["2:00"]


def test_what_makes_a_page_print_clock_times() -> None:
    assert clock_times(["7:00 Welcome", "7:05 Minutes"])
    assert clock_times(["7:00 Welcome", "8:00 Close"])  # not counted from 1:00
    assert clock_times(["10:00 Safeguarding Board - Quarterly Update"])
    assert not clock_times(["1:00 Apologies: none.", "2:00 Approval of the minutes"])
    assert not clock_times(["The meeting opened at 7:00 pm."])
