"""Layouts a second recall sweep over real minutes the reader had not seen showed it missing
(none of these texts is taken from a page; each kind in several wordings, with a guard that must
not be taken): minute numbers coded with a body's letters and the year ("RP157/17",
"23-24/FRA/1"), with the title and a colon before the decision on the same line; a decision
after words quoted from earlier minutes; a decision ending before the next numbered item; a
motion with its outcome and no seconder written; and decisions lettered without brackets
("It was resolved to: A Note ... B Note ...")."""

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


@pytest.mark.parametrize(
    "number,word",
    [("RP157/17", "Resolved to"), ("12/24", "RESOLVED to"), ("PC23/045", "It was resolved to")],
)
def test_a_decision_after_a_coded_items_title_and_colon_on_one_line(number, word):
    e = parse_minutes(
        f"{number}        APOLOGIES FOR ABSENCE: {word} accept apologies from Cllr Hale.\n\n"
        "NEXT        DECLARATIONS OF INTEREST: None.\n"
    )
    assert [(r.text, r.item) for r in e.resolutions] == [
        ("to accept apologies from Cllr Hale.", number)
    ]


def test_a_coded_items_title_with_a_verb_is_not_cut_at_its_colon():
    # the guard: "12/24 The Clerk reported: ..." is a sentence, not a title and its minute
    e = parse_minutes(
        "12/24 The Clerk reported the following: Resolved to accept the apologies from Cllr Hale.\n"
    )
    assert [(r.text, r.item) for r in e.resolutions] == [
        ("to accept the apologies from Cllr Hale.", "12/24")
    ]


@pytest.mark.parametrize(
    "quoted",
    [
        "\u201cAfter discussion it was agreed that bins be bought\u201d to \u201cAfter discussion "
        "it was agreed that bins be considered\u201d",
        '"After a vote it was agreed that the hedge be cut" to "After a vote it was agreed that '
        'the hedge be inspected"',
        "\u201cIn May the Council resolved to buy a bench\u201d to \u201cIn May the Council "
        "resolved to price a bench\u201d",
    ],
    ids=["curly quotes", "straight quotes", "the Council resolved"],
)
def test_a_decision_after_words_quoted_from_earlier_minutes(quoted):
    e = parse_minutes(
        f"5. Minutes\nWith the amendment under minute 150 from {quoted} it was resolved "
        "unanimously to approve the minutes as a true record.\n6. Finance\n"
    )
    assert [r.text for r in e.resolutions] == ["to approve the minutes as a true record."]


def test_a_decision_only_quoted_is_not_taken_but_is_offered_for_review():
    # the guard: the quoted words are the earlier minutes' decision, not this meeting's
    e = parse_minutes(
        "5. Minutes\nCllr Hale asked that \u201cAfter discussion it was agreed that the bins be "
        "bought\u201d be read as a proposal only.\n6. Finance\n"
    )
    assert e.resolutions == ()
    assert any("quotation marks" in u.reason for u in e.unsure if u.line == 2)


@pytest.mark.parametrize(
    "decision,next_item,text",
    [
        (
            "It was Resolved: Cllr Jackson to chair the meeting",
            "31. To note apologies",
            "Cllr Jackson to chair the meeting",
        ),
        (
            "RESOLVED to accept the quote from A Smith",
            "14. To approve the payments list",
            "to accept the quote from A Smith",
        ),
        (
            "Agreed: that the hall be let to the choir",
            "7. Cllr Hale to report on the path",
            "that the hall be let to the choir",
        ),
    ],
    ids=["'31. To note'", "'14. To approve'", "'7. Cllr Hale to report'"],
)
def test_a_decision_ends_before_the_next_numbered_item(decision, next_item, text):
    e = parse_minutes(f"Present: Cllrs Hale and Udall.\n{decision}\n{next_item}\n")
    assert [r.text for r in e.resolutions] == [text]


def test_a_decisions_own_list_starting_at_one_is_still_its_items():
    # the guard: "RESOLVED to note the report" then "1. To note ..." is no next item (a list
    # under a decision starts at 1)
    e = parse_minutes(
        "5. Budget\nRESOLVED to note the report\n1. To note the spend to date\n"
        "2. To note the forecast\n6. Trees\n"
    )
    assert len(e.resolutions) >= 2
    assert all(r.item == "5" for r in e.resolutions)


@pytest.mark.parametrize(
    "motion",
    [
        "Cllr Burgess proposed above payments were made, all in favour.",
        "Cllr Hale proposed the grass contract be renewed, all present in favour.",
        "The Chair moved the accounts be signed off, all in favour.",
    ],
)
def test_a_motion_with_its_outcome_and_no_seconder_written(motion):
    e = parse_minutes(f"5. Finance\nThe payments list was read.\n{motion}\n6. Trees\n")
    assert [(r.text, r.item) for r in e.resolutions] == [(motion, "5")]


def test_a_proposal_with_no_outcome_is_not_taken():
    # the guard: proposed, then deferred; nobody voted
    e = parse_minutes(
        "5. Finance\nCllr Hale proposed the grass contract be renewed, all to consider it "
        "before next month.\n6. Trees\n"
    )
    assert e.resolutions == ()


@pytest.mark.parametrize(
    "sep",
    [" ", "\n"],
    ids=["on one line", "each on its own line"],
)
@pytest.mark.parametrize(
    "lead",
    [
        "It was resolved to:",
        "The Board received the report. It was resolved to:",
        "RESOLVED that:",
    ],
)
def test_decisions_lettered_without_brackets(lead, sep):
    e = parse_minutes(
        f"5. Membership\n{lead} A Note the change in substitute member.{sep}B Approve the "
        f"appointment of Cllr Hale as chair.{sep}C Agree the dates of meetings.\n6. Budget\n"
    )
    assert [(r.text, r.number, r.item) for r in e.resolutions] == [
        ("Note the change in substitute member.", "A", "5"),
        ("Approve the appointment of Cllr Hale as chair.", "B", "5"),
        ("Agree the dates of meetings.", "C", "5"),
    ]


def test_a_sentence_starting_with_the_article_a_is_not_a_lettered_item():
    # the guard: "A New bench ..." after the lead-in, with no "B" after it, is one clause
    e = parse_minutes(
        "5. Benches\nRESOLVED that: A New bench be bought for the green.\n6. Budget\n"
    )
    assert [r.number for r in e.resolutions] == [""]


@pytest.mark.parametrize(
    "decision,text",
    [
        ("Resolved to elect Cllr Francis", "to elect Cllr Francis"),
        ("RESOLVED to accept the quote from Green Ltd", "to accept the quote from Green Ltd"),
        ("Agreed that the hall be let to the choir", "that the hall be let to the choir"),
    ],
)
def test_a_short_decision_with_no_full_stop_ends_before_a_longer_sentence(decision, text):
    e = parse_minutes(
        f"39/20 To confirm the election of the Chair\n{decision}\n"
        "In line with Government regulations to confirm the delegation of powers to the Clerk, "
        "Chair and Vice Chair for emergency decisions.\n"
        "Resolved to approve the powers previously delegated by email.\n"
    )
    assert [r.text for r in e.resolutions] == [
        text,
        "to approve the powers previously delegated by email.",
    ]


def test_a_decision_wrapped_at_a_word_still_goes_on():
    # the guard: "... be let to the" / "Choir of St Mary ..." wraps on a connecting word
    e = parse_minutes(
        "5. Hall\nAgreed that the hall be let to the\nChoir of St Mary for its rehearsals on "
        "each Tuesday evening for the rest of the year at the usual rate.\n6. Trees\n"
    )
    assert [r.text for r in e.resolutions] == [
        "that the hall be let to the Choir of St Mary for its rehearsals on each Tuesday evening "
        "for the rest of the year at the usual rate."
    ]
