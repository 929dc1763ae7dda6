"""A page that prints no item numbers its resolutions in the page's order ("1", "2", "3"), as an
officer writing them up would, where before the second block's were told apart by their lines
("line 12 (1)"); the page's own number is kept beside it for the review. Pages with items, and
pages whose numbers never repeat, keep their numbers. The pages are worded as no corpus page."""

from __future__ import annotations

from tracker.minutes import parse_minutes
from tracker.minutes.numbering import in_page_order, page_numbers

# two "Decided:" blocks each numbered from (a), no item heading anywhere
LETTERED_TWICE = """The Trustees received the treasurer's statement.

DECIDED:
(a) That the statement be received.
(b) That the reserve be held at six months' running costs.

The Trustees turned to the hall roof.

DECIDED:
(a) That the roof survey be commissioned.
(b) That the Secretary to obtain two further quotes for the gutters.
"""

# three unnumbered decisions in prose paragraphs, no item heading
UNNUMBERED_THRICE = """The Forum heard from the warden about the moorland fires.

RESOLVED: That the warden's report be noted.

Members asked about the car park charges.

RESOLVED: That the charges stay as they are for the summer.

The Forum considered its meeting dates.

RESOLVED: That the Forum meet quarterly from September.
"""

# the same blocks under numbered items: told apart by the item, as before
WITH_ITEMS = """3. Accounts

DECIDED:
(a) That the statement be received.
(b) That the reserve be held at six months' running costs.

4. Hall roof

DECIDED:
(a) That the roof survey be commissioned.
(b) That the gutter repairs wait for the survey.
"""


def test_blocks_numbered_afresh_on_a_page_without_items_go_in_page_order() -> None:
    e = parse_minutes(LETTERED_TWICE)
    assert [(r.number, r.printed) for r in e.resolutions] == [
        ("1", "a"),
        ("2", "b"),
        ("3", "a"),
        ("4", "b"),
    ]
    assert not any("line" in r.number for r in e.resolutions)
    # a follow-up names its resolution by the same number: the Secretary's, the fourth
    arising = {f.resolution for f in e.followups if "gutters" in f.text}
    assert arising == {"4"}


def test_unnumbered_decisions_on_a_page_without_items_go_in_page_order() -> None:
    e = parse_minutes(UNNUMBERED_THRICE)
    assert [r.number for r in e.resolutions] == ["1", "2", "3"]
    assert [r.text.split()[-1] for r in e.resolutions] == ["noted.", "summer.", "September."]


def test_a_page_with_items_still_tells_them_apart_by_the_item() -> None:
    e = parse_minutes(WITH_ITEMS)
    assert [r.number for r in e.resolutions] == ["3 (a)", "3 (b)", "4 (a)", "4 (b)"]


def test_only_repeating_numbers_on_a_page_without_items_are_put_in_page_order() -> None:
    assert not in_page_order(["1", "2", "3"], ["", "", ""])  # never repeat: as printed
    assert page_numbers(["1", "2", "3"], ["", "", ""], [4, 5, 6]) == ["1", "2", "3"]
    assert in_page_order(["", ""], ["", ""])
    assert page_numbers(["", "", "i"], ["", "", ""], [4, 9, 12]) == ["1", "2", "3"]
    # one item printed anywhere: told apart by item or line, as before
    assert page_numbers(["", "", "1"], ["", "", "7"], [4, 9, 12]) == ["", "line 9", "7 (1)"]


# item 2's list reaches (2) and item 4's (4): each the list's own, not the item's number
LIST_REACHES_ITS_ITEM = """2. Slipway repairs

RESOLVED:
(1) That the slipway repairs be approved.
(2) That a second quote for the winch be sought.

4. Mooring fees

RESOLVED:
(1) That the fees rise by 3%.
(2) That the residents' discount be kept.
(3) That the visitors' rate be reviewed.
(4) That the fees be published in March.
"""


def test_a_lists_number_equal_to_its_item_is_still_told_apart_by_the_item() -> None:
    e = parse_minutes(LIST_REACHES_ITS_ITEM)
    assert [r.number for r in e.resolutions] == [
        "2 (1)", "2 (2)", "4 (1)", "4 (2)", "4 (3)", "4 (4)"
    ]  # fmt: skip
    # a resolution numbered by its item alone (one under each) keeps the item's number
    assert page_numbers(["5", "6"], ["5", "6"], [3, 9]) == ["5", "6"]
    assert page_numbers(["5", "5"], ["5", "5"], [3, 9]) == ["5", "line 9 (5)"]
