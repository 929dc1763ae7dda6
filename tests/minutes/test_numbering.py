"""A resolution's number is one an officer finds on the page: where each item numbers its
resolutions afresh, each is told apart by its item ("7 (2)"), never by a made-up "B2"."""

from __future__ import annotations

import re

from tracker.minutes import parse_minutes
from tracker.minutes.numbering import page_numbers, qualified, sub_number

EACH_ITEM_AFRESH = """7. Allotments

RESOLVED:

(1) That the allotment rents rise by 5% from April.

(2) That the Clerk writes to every allotment holder about the new rents.

8. Play areas

RESOLVED:

(1) That the play area report be noted.

(2) That the Clerk obtains three quotes for new swings.
"""

ONE_UNNUMBERED_EACH = """4. Minutes

RESOLVED: That the minutes of the last meeting be approved.

5. Footpaths

RESOLVED: That the hedge on Mill Lane be cut.

6. Finance

RESOLVED: That the accounts for March be approved.
"""

MADE_UP = re.compile(r"(?:^|\W)B\d")


def test_each_items_resolutions_are_told_apart_by_the_item() -> None:
    e = parse_minutes(EACH_ITEM_AFRESH)
    assert [(r.number, r.item, r.printed) for r in e.resolutions] == [
        ("7 (1)", "7", "1"),
        ("7 (2)", "7", "2"),
        ("8 (1)", "8", "1"),
        ("8 (2)", "8", "2"),
    ]
    # each follow-up names the resolution it arises from by the same number
    assert [(f.owner, f.resolution) for f in e.followups] == [
        ("Clerk", "7 (2)"),
        ("Clerk", "8 (2)"),
    ]
    # review says why the numbers carry their item
    assert [u.reason for u in e.unsure if "number" in u.reason] == [
        "this resolution block numbers its resolutions as an earlier one does: each is told "
        "apart by its item (or line), as '8 (1)'"
    ]


def test_unnumbered_resolutions_under_several_items_are_numbered_by_their_items() -> None:
    e = parse_minutes(ONE_UNNUMBERED_EACH)
    assert [r.number for r in e.resolutions] == ["4", "5", "6"]
    assert [r.printed for r in e.resolutions] == ["", "", ""]  # the page prints no number


def test_a_page_whose_numbers_never_repeat_keeps_them_as_printed() -> None:
    e = parse_minutes(
        "5. Work programme\n\nRESOLVED:\n\n1. That the work programme be agreed.\n\n"
        "2. That the Chair writes to the Cabinet Member.\n"
    )
    assert [(r.number, r.printed) for r in e.resolutions] == [("1", None), ("2", None)]


def test_two_blocks_under_one_item_are_told_apart_by_their_lines() -> None:
    e = parse_minutes(
        "9. Budget\n\nRESOLVED: That the budget report be noted.\n\n"
        "The Treasurer answered questions on reserves.\n\n"
        "RESOLVED: That the reserves policy be reviewed in June.\n"
    )
    assert [r.number for r in e.resolutions] == ["9", "9, line 7"]


def test_no_number_the_page_does_not_print_on_any_dev_page_shape() -> None:
    for text in (EACH_ITEM_AFRESH, ONE_UNNUMBERED_EACH):
        e = parse_minutes(text)
        numbers = [r.number for r in e.resolutions] + [f.resolution or "" for f in e.followups]
        assert not [n for n in numbers if MADE_UP.search(n)]
        assert len({r.number for r in e.resolutions}) == len(e.resolutions)


def test_the_number_forms() -> None:
    assert qualified("2", "7") == "7 (2)"
    assert qualified("", "7") == "7"
    assert qualified("2", "7", 40) == "7, line 40 (2)"
    assert qualified("", "", 40) == "line 40"
    # a number that names its item already ("8.18" under 8) is not qualified again
    assert page_numbers(["8.18", "", ""], ["8", "9", "10"], [3, 9, 12]) == ["8.18", "9", "10"]
    # one that would not fit the number's 40 characters is told apart by its line alone
    long = "X" * 39
    assert page_numbers(["1", "1"], [long, long], [3, 9]) == ["line 3 (1)", "line 9 (1)"]
    # a run of decisions split from one: its parts keep the form
    assert sub_number("7 (2)", "2", 1) == ("7 (2.1)", "2.1")
    assert sub_number("7", "", 2) == ("7 (2)", "2")
    assert sub_number("2", None, 1) == ("2.1", None)
    assert sub_number("", None, 3) == ("3", None)
