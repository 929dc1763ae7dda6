"""Layouts a second recall sweep over real minutes the reader had not seen showed it missing
(none of these texts is taken from a page; each kind in several wordings, with a guard that must
not be taken): minute numbers coded with a body's letters and the year after the number
("RP157/17", "23-24/FRA/1"), numbered paragraphs that are the page's items ("4. It was proposed
..."), lettered decisions flattened onto one line ("It was resolved to: A Note ... B Note ..."),
and a decision word after text quoted from earlier minutes."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes


@pytest.mark.parametrize(
    "first,second",
    [("RP157/17", "RP158/17"), ("FC1203/24", "FC1204/24"), ("P12/23", "P13/23")],
    ids=["'RP157/17'", "'FC1203/24'", "'P12/23'"],
)
def test_minute_numbers_coded_with_letters_then_the_year(first, second):
    e = parse_minutes(
        f"{first}        APOLOGIES FOR ABSENCE\nResolved to accept apologies from Cllr Hale.\n\n"
        f"{second}        MINUTES\nRESOLVED: that the minutes be approved.\n"
    )
    assert [(r.text, r.item) for r in e.resolutions] == [
        ("to accept apologies from Cllr Hale.", first),
        ("that the minutes be approved.", second),
    ]


@pytest.mark.parametrize(
    "first,second", [("23-24/FRA/1", "23-24/FRA/2"), ("24-25/PC/12", "24-25/PC/13")]
)
def test_minute_numbers_coded_with_the_years_first_on_lines_of_their_own(first, second):
    e = parse_minutes(
        f"{first}\n\nElection of Chair\n\nMinutes:\n\nRESOLVED:\n\nThat Cllr Hale be elected "
        f"Chair.\n\n{second}\n\nApologies\n\nMinutes:\n\nRESOLVED:\n\nThat the apologies be "
        "accepted.\n"
    )
    assert [(r.text, r.item) for r in e.resolutions] == [
        ("That Cllr Hale be elected Chair.", first),
        ("That the apologies be accepted.", second),
    ]


def test_a_reference_to_an_earlier_coded_minute_is_not_an_item():
    # the guard: "RP150/17" inside a sentence refers to an earlier minute
    e = parse_minutes(
        "RP159/17        MINUTES\nThe amendment under RP150/17 was noted. Resolved to approve "
        "the minutes.\n"
    )
    assert [(r.text, r.item) for r in e.resolutions] == [("to approve the minutes.", "RP159/17")]
