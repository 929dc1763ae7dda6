"""Issue 17 points 2 and 6: a sentence that says the body decided something, or that someone is
to act, which no rule takes, is shown in the review's "Not read with confidence" list with its
line number and why it was left; never dropped silently. Nothing more is taken (the resolutions
and follow-ups stay as they were). None of these texts is taken from a corpus page."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

_HEAD = (
    "MINUTES OF THE MEETING OF THE AMENITIES COMMITTEE\n"
    "held on 3 March 2025 at the Village Hall\n\n"
    "Present: Cllr A Smith (Chair), Cllr B Jones, Cllr C Evans\n\n"
    "1. Apologies\nNone.\n\n"
    "2. Allotments\n"
    "The Clerk reported on the rents charged by neighbouring councils.\n"
)
_TAIL = "\n3. Any other business\nThere was none.\n"
_LINE = _HEAD.count("\n") + 1  # the sentence's line: the one after the item's first paragraph

# (what the sentence is, the sentence, what the reason says it says)
LEFT = [
    ("'Members agreed' with no 'that'",
     "Members agreed the allotment rents rise by 5% from April.", "says 'agreed' (Members)"),
    ("'The Committee agreed the ...'",
     "The Committee agreed the new tenancy terms for the allotments.",
     "says 'agreed' (The Committee)"),
    ("'Councillors approved ...'",
     "Councillors approved the purchase of two water butts for the site.",
     "says 'approved' (Councillors)"),
    ("'The Board noted ...' (a board's own prose)",
     "The Board noted the waiting list had fallen to twelve names.",
     "says 'noted' (The Board)"),
    ("'It was decided ...' after an undertaking in the same paragraph",
     "It was agreed that the Clerk would write to the tenants. "
     "It was decided the gates stay locked overnight.",
     "says 'decided' (It was)"),
    ("'Noted the ...' opening the sentence",
     "Noted the allotment inspection report for February.", "opens with 'noted'"),
]  # fmt: skip


@pytest.mark.parametrize(("what", "sentence", "says"), LEFT, ids=[v[0] for v in LEFT])
def test_a_decision_like_sentence_no_rule_takes_is_listed_unsure(
    what: str, sentence: str, says: str
) -> None:
    ex = parse_minutes(_HEAD + sentence + "\n" + _TAIL)
    assert [r.text for r in ex.resolutions] == []  # nothing more is taken
    shown = [u for u in ex.unsure if u.line == _LINE and says in u.reason]
    assert len(shown) == 1, [(u.line, u.text, u.reason) for u in ex.unsure]
    assert shown[0].text in sentence
    assert shown[0].reason.startswith("unsure: ") and "not taken: " in shown[0].reason
    assert shown[0].item == "2"  # where an officer taking it in review finds it


def test_the_reason_says_what_is_missing() -> None:
    ex = parse_minutes(_HEAD + LEFT[0][1] + "\n" + _TAIL)
    (u,) = [u for u in ex.unsure if u.line == _LINE]
    assert (
        u.reason == "unsure: says 'agreed' (Members); not taken: no 'that' or 'to' clause after it"
    )


def test_a_directive_is_taken_as_before_and_not_listed_again() -> None:
    ex = parse_minutes(_HEAD + "KD to contact the school about the hedge.\n" + _TAIL)
    assert [(f.owner, f.text) for f in ex.followups] == [
        ("KD", "contact the school about the hedge.")
    ]
    assert ex.unsure == ()


def test_a_sentence_already_taken_is_not_listed_again() -> None:
    ex = parse_minutes(
        _HEAD
        + "The Committee agreed that the allotment rents be raised by 5% from April.\n"
        + _TAIL
    )
    assert [r.text for r in ex.resolutions] == [
        "that the allotment rents be raised by 5% from April."
    ]
    assert not [u for u in ex.unsure if u.line == _LINE]


QUIET = (
    "MINUTES OF THE MEETING OF THE AMENITIES COMMITTEE\n"
    "held on 3 March 2025 at the Village Hall\n\n"
    "Present: Cllr A Smith (Chair), Cllr B Jones\n\n"
    "1. Allotments\n"
    "The Clerk reported on the rents charged by neighbouring councils.\n"
    "Several plots are overgrown and the tenants have been written to.\n\n"
    "2. Play area\n"
    "The inspection found the swings in good order. The next inspection is in June.\n"
)


def test_a_page_with_no_decision_words_gets_no_unsure_lines() -> None:
    ex = parse_minutes(QUIET)
    assert (ex.resolutions, ex.followups, ex.unsure) == ((), (), ())


def test_an_agenda_gets_no_new_unsure_lines() -> None:
    agenda = (
        "AGENDA\nAmenities Committee\nTo be held on 3 March 2025 at 7pm\n\n"
        "1. Apologies for absence\n\n"
        "2. Allotments\nMembers agreed the rents last year; to consider the rents for 2026.\n"
    )
    ex = parse_minutes(agenda)
    assert not [u for u in ex.unsure if "says 'agreed'" in u.reason], ex.unsure
