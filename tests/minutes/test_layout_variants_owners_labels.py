"""Owners of actions on real minutes pages the reader had not seen (branch minutesowner; none of
these texts is taken from a page, each kind in several wordings with a guard that must not be
taken), by where the owner is printed: a directive after a label's colon or inside brackets, an
owner column whose cells were flattened onto lines of their own, owners in capitals between the
marker and a colon; and words that are not an owner, or are one: two capitalised words that are
not a person, a role's directive in lower case after a reported clause. The first kinds of the
branch are in test_layout_variants_owners.py."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes


def _actions(text: str) -> list[tuple[str, str]]:
    return [(f.owner, f.text) for f in parse_minutes(text).followups if f.source != "resolution"]


# --- a directive after a label's colon, or inside brackets ---------------------------------------

_NAMED = "Present: Julia Brown, Helen Green, Louise White and Denise Black.\n\n"


@pytest.mark.parametrize(
    "line,owner,task",
    [
        ("Plan: Louise to write an article for the village magazine.", "Louise",
         "write an article for the village magazine."),
        ("Next steps: JB to book the hall for May.", "JB", "book the hall for May."),
        ("Outcome: Clerk to write to the highways team.", "Clerk",
         "write to the highways team."),
    ],
)  # fmt: skip
def test_a_directive_after_a_labels_colon(line, owner, task):
    text = f"{_NAMED}1. Speed limit\nThe consultation went well.\n{line}\n"
    assert _actions(text) == [(owner, task)]


@pytest.mark.parametrize(
    "line",
    [
        "Proposal: Clerk to write to the highways team.",  # a proposal, not a task set
        "Motion: Cllr Smith to move the budget.",
        "Speed limit: Bob to write an article.",  # nobody listed is called Bob
    ],
)
def test_a_proposals_label_or_an_unlisted_name_after_a_colon_is_not_taken(line):
    text = f"{_NAMED}1. Speed limit\nThe consultation went well.\n{line}\n"
    assert _actions(text) == []


@pytest.mark.parametrize(
    "line,owner",
    [
        ("Louise will write an article (Julia to send her the figures).", "Julia"),
        ("An article is planned (JB to send the figures to Louise).", "JB"),
        ("An article is planned (the Clerk to send the figures to Louise).", "Clerk"),
    ],
)
def test_a_directive_inside_brackets(line, owner):
    text = f"{_NAMED}1. Speed limit\nThe consultation went well.\n{line}\n"
    acts = _actions(text)
    assert [o for o, _ in acts] == [owner]
    assert acts[0][1].startswith("send ")


def test_a_bracketed_aside_naming_an_object_is_not_taken():
    # the guard: the person in brackets is whom something is sent to, not who acts
    text = (
        f"{_NAMED}1. Speed limit\nThe consultation went well.\n"
        "The figures were sent on (thanks to Julia to whom they were given).\n"
    )
    assert _actions(text) == []


def test_a_labels_directive_and_a_bracketed_one_in_one_sentence():
    text = (
        f"{_NAMED}1. Speed limit\nThe consultation went well.\n"
        "Plan: Louise to write an article for the magazine (Julia to send her the figures).\n"
    )
    assert _actions(text) == [
        ("Louise", "write an article for the magazine"),
        ("Julia", "send her the figures."),
    ]


@pytest.mark.parametrize("quote", [("\u201c", "\u201d"), ('"', '"')])
def test_a_bracketed_directive_inside_quoted_earlier_minutes_is_not_taken(quote):
    # the guard: the amendment quotes the earlier minutes; nobody is set a task now
    o, c = quote
    text = (
        "3. Minutes of the last meeting\nItem 9.1 should read "
        f"{o}the legal papers have arrived. Legal bills to be paid (Steve Teale to pay "
        f"costs).{c}\nThe minutes were then approved.\n"
    )
    assert _actions(text) == []


# --- an owner column whose cells were flattened onto lines of their own ----------------------------


@pytest.mark.parametrize(
    "header", ["Item Action", "ITEM ACTION", "Item / Notes / Action", "Minute Owner"]
)
def test_owner_cells_on_lines_of_their_own_under_an_action_column(header):
    text = (
        f"Minutes of the meeting\n{header}\n4. Footpaths\nThe stile on path 12 is broken.\n"
        "SR to look into the cost of a new stile.\nSR\n"
        "Alan Braun to be asked to inspect the bridge.\nBR\n"
        "The hedge on Church Lane needs cutting back before the summer.\nClerk\n"
    )
    assert _actions(text) == [
        ("SR", "look into the cost of a new stile."),
        ("BR", "Alan Braun to be asked to inspect the bridge."),
        ("Clerk", "The hedge on Church Lane needs cutting back before the summer."),
    ]


def test_a_person_named_in_the_owner_cell():
    text = (
        "Minutes of the meeting\nITEM ACTION\n14 - Terms of Reference\n"
        "The revised terms of reference are to be circulated to all board members.\n"
        "Michael Barry\n15 - Any other business\nThere was none.\n"
    )
    assert _actions(text) == [
        (
            "Michael Barry",
            "The revised terms of reference are to be circulated to all board members.",
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        # no header names an action column: a name alone is an attendance row, a signature
        "Minutes of the meeting\nPresent:\nDavid Smith\nPat Jones\n4. Footpaths\n"
        "The stile is broken.\nSR\n",
        "Minutes of the meeting\n4. Footpaths\nThe hedge on Church Lane needs cutting back.\n"
        "Clerk\n",
        # under the header, the name follows a heading, not a task
        "Minutes of the meeting\nItem Action\n4. Footpaths\nSR\nThe stile is broken.\n",
        # an item's title after a sentence, not an owner cell
        "Minutes of the meeting\nItem Action\n4. Footpaths\nThe stile on path 12 is broken.\n"
        "Any Other Business\nThere was none.\n",
        "Minutes of the meeting\nItem Action\n4. Footpaths\nThe stile on path 12 is broken.\n"
        "Matters Arising\nThere were none.\n",
    ],
)
def test_a_name_alone_with_no_action_column_or_no_task_is_not_an_owner(text):
    assert _actions(text) == []


@pytest.mark.parametrize("header", ["ITEM ACTION", "Item Action"])
def test_an_owner_cell_under_a_decision_wrapped_over_lines(header):
    text = (
        f"Minutes of meeting\n{header}\n14 – Terms of Reference\n"
        "The Board discussed the draft terms of reference.\n"
        "RESOLVED:- (i) To agree the Terms of Reference and Code of\n"
        "Conduct subject to the amendments outlined above; and\nMichael Barry\n"
    )
    ex = parse_minutes(text)
    assert len(ex.resolutions) == 1
    assert ex.resolutions[0].text.startswith("To agree the Terms of Reference and Code of Conduct")
    assert "Michael Barry" not in ex.resolutions[0].text
    acts = _actions(text)
    assert [o for o, _ in acts] == ["Michael Barry"]
    assert acts[0][1].startswith("To agree the Terms of Reference")


def test_a_name_wrapped_onto_its_own_line_with_no_action_column_is_the_sentence():
    # the guard: with no header naming an owner column, the name is the sentence's next words
    text = (
        "Minutes of meeting\n14 – Terms of Reference\n"
        "RESOLVED:- (i) To agree the Terms of Reference subject to comments from\n"
        "Michael Barry\n"
    )
    ex = parse_minutes(text)
    assert [r.text for r in ex.resolutions] == [
        "To agree the Terms of Reference subject to comments from Michael Barry"
    ]
    assert _actions(text) == []


# --- owners written in capitals between the marker and a colon ----------------------------------

_HALL = "Present: John Smith, Dodie Brown, Carol White\n\n4. Hall\nThe hall needs new curtains.\n"


@pytest.mark.parametrize(
    "line,owner,task",
    [
        ("ACTION JOHN/DODIE: arrange quotes for new curtains.", "JOHN/DODIE",
         "arrange quotes for new curtains."),
        ("ACTION JOHN & DODIE: arrange quotes for new curtains.", "JOHN & DODIE",
         "arrange quotes for new curtains."),
        ("ACTION CLERK: write to the supplier.", "CLERK", "write to the supplier."),
        ("Action SV: chase the contractor.", "SV", "chase the contractor."),
    ],
)  # fmt: skip
def test_owners_in_capitals_between_the_marker_and_a_colon(line, owner, task):
    assert _actions(f"{_HALL}{line}\n") == [(owner, task)]


def test_the_marker_with_owners_in_capitals_after_a_sentence():
    text = f"{_HALL}The old ones are torn. ACTION CAROL: order the fabric.\n"
    assert _actions(text) == [("CAROL", "order the fabric.")]


@pytest.mark.parametrize(
    "line,want",
    [
        ("ACTION POINTS: JB to circulate the quotes.", [("JB", "circulate the quotes.")]),
        ("ACTION REQUIRED: none.", []),
        ("ACTION LOG:", []),
    ],
)
def test_a_labels_own_words_in_capitals_are_not_owners(line, want):
    assert _actions(f"{_HALL}{line}\n") == want


# --- two capitalised words that are not a person ---------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Ongoing Works to start in the spring.",
        "Heating Repairs to be completed by March.",
        "New Boiler to be installed next year.",
        "Further Quotes to be obtained before the next meeting.",
        "Parking Signs to be ordered for the car park.",
    ],
)
def test_capitalised_words_that_are_no_person_are_no_owner(line):
    text = f"4. Hall\nThe hall is cold and the car park is full.\n{line}\n"
    assert _actions(text) == []


@pytest.mark.parametrize(
    "line,want",
    [
        ("Jane Doe to contact the school about parking.",
         [("Jane Doe", "contact the school about parking.")]),
        ("Stephen Lawrence-Orumwense to be invited to future meetings.",
         [("", "Stephen Lawrence-Orumwense to be invited to future meetings.")]),
        ("Irving Blake to write to the owner of the field.",
         [("Irving Blake", "write to the owner of the field.")]),
    ],
)  # fmt: skip
def test_a_persons_name_still_reads_as_a_person(line, want):
    text = f"4. Hall\nThe hall is cold and the car park is full.\n{line}\n"
    assert _actions(text) == want


# --- a role's directive after a reported clause, the role in lower case -------------------------


@pytest.mark.parametrize(
    "sentence,owner,task",
    [
        ("Naming of the new development was discussed and clerk to request a formal application.",
         "clerk", "request a formal application."),
        ("The complaint was noted and the clerk to write to the landowner.", "clerk",
         "write to the landowner."),
        ("The quotes were considered and chairman to sign the order.", "chairman",
         "sign the order."),
    ],
)  # fmt: skip
def test_a_roles_directive_after_a_reported_clause(sentence, owner, task):
    text = f"9. Planning:- PL/0044/23 received. {sentence}\n"
    assert _actions(text) == [(owner, task)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The chairman was asked and clerk to attend was agreed by all.",
        "Members invited the chairman and clerk to attend the opening.",
    ],
)
def test_a_role_that_is_the_object_is_not_taken(sentence):
    assert _actions(f"9. Planning:- PL/0044/23 received. {sentence}\n") == []
