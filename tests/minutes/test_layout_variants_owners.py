"""Owners of actions on real minutes pages the reader had not seen (branch minutesowner; none of
these texts is taken from a page, each kind in several wordings with a guard that must not be
taken): a table's header row "ITEM ACTION" is no owner-only label; an attendance list printed on
one long line under its own "Present" heading names the first names in use; a paragraph of
inline-numbered points ("1) ... 2) ..., SV to chase. 3) ...") ends each point's directive at
the point; a listed first name's directive after capitalised words ("... the Hare and Hounds
Roger to arrange."); and a directive whose task is one word ("JL to organise.") after a
decision in the same paragraph. Where the owner is printed (a label's colon, brackets, a
flattened owner column, capitals after the marker) and words that are not an owner:
test_layout_variants_owners_labels.py."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes


def _actions(text: str) -> list[tuple[str, str]]:
    return [(f.owner, f.text) for f in parse_minutes(text).followups if f.source != "resolution"]


# --- a table's header row is not an owner-only label -------------------------------------------


@pytest.mark.parametrize("header", ["ITEM ACTION", "Item Action", "ITEM  ACTION", "REF ACTION"])
def test_a_tables_header_row_is_not_an_owner_label(header):
    text = (
        f"Minutes of the meeting\n{header}\n12 - Minutes of the Last Meeting\n"
        "The minutes of the meeting held on 23 January were agreed as a correct record.\n"
    )
    assert [o for o, _ in _actions(text)] == []


@pytest.mark.parametrize("label", ["GF Action.", "RS/MG Action", "MT ACTION"])
def test_initials_before_the_word_action_still_label_the_sentence_before(label):
    # the guard: a person's initials before "Action" are the owner-only label it always was
    text = f"3. Roads\nThe Council should chase the contractor to repair the verge.\n{label}\n"
    acts = _actions(text)
    assert [o for o, _ in acts] == [label.split()[0]]
    assert "chase the contractor" in acts[0][1]


# --- an attendance list on one long line under its own heading ---------------------------------

_LONG_LIST = (
    "Jill Street (Chairman), Keith Jones (Vice Chairman), Debra Pastel-Tullah (Treasurer), "
    "Elizabeth Hassall (Secretary), Alan Seddon, Tony Horton, Antony Jude"
)


@pytest.mark.parametrize(
    "heading",
    ["1.  Present\n\n", "1. Present\n", "Present\n\n", "Members present:\n"],
)
def test_an_attendance_list_on_one_long_line_under_its_heading(heading):
    text = (
        f"Committee Meeting\n\n{heading}{_LONG_LIST}\n\n2. Matters arising\n\n"
        "We still have issues with the water bill. Debra to speak to the water company about "
        "the meter.\n\nJill to purchase refreshments\n"
    )
    assert _actions(text) == [
        ("Debra", "speak to the water company about the meter."),
        ("Jill", "purchase refreshments"),
    ]


def test_a_first_name_the_long_list_does_not_give_is_not_taken():
    # the guard: "Liz" is not among the names listed (Elizabeth is), and a sentence under the
    # heading is not a list of names
    text = (
        f"1.  Present\n\n{_LONG_LIST}\n\n5. Rents\n\nLiz to send rent reminders to all "
        "plotholders\n"
    )
    assert _actions(text) == []
    text = (
        "Present\n\nSeveral residents were present at the meeting, and Bob Smith, who lives on "
        "the estate, raised concerns about parking, lighting, litter and the state of the "
        "roads.\n\n3. Roads\nBob to collect the keys.\n"
    )
    assert _actions(text) == []


# --- inline-numbered points in one paragraph ------------------------------------------------------


@pytest.mark.parametrize("sep", ["  ", " "])
def test_inline_numbered_points_end_each_directive_at_its_point(sep):
    text = (
        "Maintenance  1) SV had spoken to the electrician about the lighting. 2) The gravel "
        f"promised for the front has not arrived, SV to chase.{sep}3) Still no contact about "
        f"the pylon resting on the gutter.{sep}4) The light switch is still faulty, SV to "
        f"investigate.{sep}5) The side doors need painting.\n"
    )
    assert _actions(text) == [("SV", "chase."), ("SV", "investigate.")]


def test_inline_numbered_points_bracketed_both_sides():
    text = (
        "Maintenance (1) The gate is broken, Clerk to order a new latch. (2) The bench is "
        "rotten, RB to get quotes. (3) The hedge has been cut.\n"
    )
    assert _actions(text) == [("Clerk", "order a new latch."), ("RB", "get quotes.")]


def test_inline_numbered_points_with_no_directive_give_none():
    # the guard: the points report what happened; nobody is to act
    text = (
        "Maintenance  1) The gate was repaired, 2) the bench was painted by volunteers, "
        "3) The hedge has been cut, 4) The lights are working.\n"
    )
    assert _actions(text) == []


# --- a listed first name's directive after capitalised words -------------------------------------

_PRESENT = "1 Present: Roger Morton, Shirley Anderson, Pam Johnson and Eric Thurston.\n\n"


@pytest.mark.parametrize(
    "sentence,task",
    [
        ("Suggested venue the Hare and Hounds Roger to arrange.", "arrange."),
        ("Next social at the Red Lion Pam to book a table.", "book a table."),
        ("Quiz night in the Village Hall Eric to find a quizmaster.", "find a quizmaster."),
    ],
)
def test_a_listed_first_names_directive_after_capitalised_words(sentence, task):
    text = f"{_PRESENT}8 Any other business: Another evening was suggested. {sentence}\n"
    owner = sentence.split(" to ")[0].split()[-1]
    assert _actions(text) == [(owner, task)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Chairman asked Roger to arrange the venue.",  # Roger is asked: the object
        "Suggested venue the Hare and Hounds Bob to arrange.",  # nobody listed is called Bob
        "Thanks were given to Pam to mark her retirement.",  # "to Pam": the object
    ],
)
def test_a_first_name_that_is_the_object_or_unlisted_is_not_taken(sentence):
    text = f"{_PRESENT}8 Any other business: Another evening was suggested. {sentence}\n"
    assert _actions(text) == []


# --- a one-word task after a decision in the same paragraph --------------------------------------


@pytest.mark.parametrize(
    "owner,task", [("JL", "organise."), ("Clerk", "arrange."), ("GB", "confirm.")]
)
def test_a_one_word_directive_after_a_decision_in_its_paragraph(owner, task):
    text = (
        "5. Cloth\nResolved to buy cotton cloth. GB to confirm the length. JL to order.\n\n"
        f"6. Housekeeping\nResolved to organise extra hall cleaning every six weeks. {owner} "
        f"to {task} JC has obtained wipes for the shutters.\n"
    )
    ex = parse_minutes(text)
    assert [r.text for r in ex.resolutions] == [
        "to buy cotton cloth.",
        "to organise extra hall cleaning every six weeks.",
    ]
    assert _actions(text)[-1] == (owner, task)


def test_to_action_after_a_decision_stays_the_owner_only_label():
    # the guard: "Clerk to action." names who acts on the decision before it
    text = (
        "6. Housekeeping\nThe hall is dirty.\nIt was agreed that the Clerk would arrange extra "
        "cleaning every six weeks. Clerk to action.\n"
    )
    acts = _actions(text)
    assert [o for o, _ in acts] == ["Clerk"]
    assert "extra cleaning" in acts[0][1]
