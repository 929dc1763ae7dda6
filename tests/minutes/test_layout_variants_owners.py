"""Owners of actions on real minutes pages the reader had not seen (branch minutesowner; none of
these texts is taken from a page, each kind in several wordings with a guard that must not be
taken): a table's header row "ITEM ACTION" is no owner-only label; an attendance list printed on
one long line under its own "Present" heading names the first names in use; a paragraph of
inline-numbered points ("1) ... 2) ..., SV to chase. 3) ...") ends each point's directive at
the point; a listed first name's directive after capitalised words ("... the Hare and Hounds
Roger to arrange."); and a directive whose task is one word ("JL to organise.") after a
decision in the same paragraph."""

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
