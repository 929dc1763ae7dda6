"""Layouts a third recall sweep over real minutes the reader had not seen showed it missing (none
of these texts is taken from a page; each kind in several wordings, with a guard that must not
be taken): owners written as a first name alone, known from the page's attendance list ("David
to collect keys"); an action log's status word before the owner ("ongoing MB to order ...");
"New actions:" labels, also inside a table's cell; a minute of an earlier meeting cited by its
date ("Minute 31 - July 2017") under an item; and a short coded title with its decision as the
next sentence of the same line."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes


def _actions(text: str) -> list[tuple[str, str]]:
    return [(f.owner, f.text) for f in parse_minutes(text).followups]


@pytest.mark.parametrize(
    "attendance",
    [
        "Present: David Smith, Pat Jones, Ann Lee",
        "Present: Cllr David Smith (Chair), Cllr Pat Jones and Mrs Ann Lee",
        "Present:\nDavid Smith\nPat Jones - Treasurer\n\nApologies: Ann Lee",
        "Members present: Councillors David Smith; Pat Jones.\nIn attendance: Ann Lee (Clerk)",
    ],
)
def test_an_owner_written_as_a_first_name_the_attendance_list_gives(attendance):
    text = (
        f"{attendance}\n\n4. Village hall\nThe hall roof leaks again.\n"
        "David to collect keys from the caretaker.\nPat to speak to the contractor about the "
        "gutters.\n"
    )
    assert _actions(text) == [
        ("David", "collect keys from the caretaker."),
        ("Pat", "speak to the contractor about the gutters."),
    ]


def test_a_first_name_inside_a_sentence_after_a_clause():
    text = (
        "Present: David Smith, Pat Jones\n\n4. Footpaths\n"
        "The stile on path 12 is broken, Pat to report it to the county.\n"
    )
    assert _actions(text) == [("Pat", "report it to the county.")]


@pytest.mark.parametrize(
    "line",
    [
        "Signage to improve before the summer.",  # a noun, not a first name
        "Bob to collect keys from the caretaker.",  # nobody of that name is listed
    ],
)
def test_a_single_word_the_page_does_not_list_is_not_an_owner(line):
    # the guard: a capitalised word before "to" is an owner only when the page names a person
    # of that first name
    text = f"Present: David Smith, Pat Jones\n\n4. Village hall\nThe roof leaks.\n{line}\n"
    assert _actions(text) == []


def test_without_an_attendance_list_a_first_name_alone_is_not_taken():
    assert _actions("4. Village hall\nThe roof leaks.\nDavid to collect keys.\n") == []


@pytest.mark.parametrize(
    "line,owner",
    [
        ("ongoing MB to order new signs for the footpath.", "MB"),
        ("Ongoing - Clerk to chase the county about the signs.", "Clerk"),
        ("Outstanding: MB/JT to order new signs for the footpath.", "MB/JT"),
        ("The signs are worn. On-going MB to order new signs for the footpath.", "MB"),
    ],
)
def test_a_status_word_before_the_owner_of_a_task(line, owner):
    text = f"4. Footpaths\nThe signs are worn.\n{line}\n"
    acts = _actions(text)
    assert [a[0] for a in acts] == [owner]
    assert acts[0][1].startswith(("order new signs", "chase the county"))


@pytest.mark.parametrize(
    "line",
    ["Complete MB to order new signs.", "Ongoing: Works to start in May."],
)
def test_a_finished_status_or_a_thing_after_ongoing_is_not_an_action(line):
    # the guard: "Complete" says nothing is left to do; "Works" is not somebody
    assert _actions(f"4. Footpaths\nThe signs are worn.\n{line}\n") == []


@pytest.mark.parametrize(
    "text,owner",
    [
        ("4. Grit bins\nNew actions: MB to purchase two grit bins.\n", "MB"),
        ("4. Grit bins\nFurther action: Clerk to purchase two grit bins.\n", "Clerk"),
        ("Item | Notes\n4 | Grit bins. New actions: Nick to purchase two grit bins.\n", "Nick"),
        ("4. Grit bins\nThe bins are empty. New actions: JT to purchase two grit bins.\n", "JT"),
    ],
)
def test_new_actions_labels(text, owner):
    assert _actions(text) == [(owner, "purchase two grit bins.")]


@pytest.mark.parametrize(
    "cited",
    [
        "Minute 31 \u2013 July 2017",
        "Min. 31 of 3rd July 2017",
        "Minute 31 - 12.07.2017",
        "Min 45/17 - September 2017",
    ],
)
def test_a_minute_cited_by_its_date_is_not_the_item(cited):
    e = parse_minutes(
        f"6. Minutes of the last meeting\n{cited}\nThe Clerk reported on the fence.\n"
        "RESOLVED: that the minutes be approved.\n"
    )
    assert [(r.text, r.item) for r in e.resolutions] == [("that the minutes be approved.", "6")]


def test_a_minute_heading_with_a_title_is_still_the_item():
    # the guard: "Minute 31 - July Fair" is minute 31 and its title
    e = parse_minutes("Minute 31 \u2013 July Fair\nRESOLVED: that the fair go ahead.\n")
    assert [(r.text, r.item) for r in e.resolutions] == [("that the fair go ahead.", "31")]


@pytest.mark.parametrize(
    "first,second",
    [
        ("Min. No. 23/45: Apologies.", "Min. No. 23/46: Minutes."),
        ("Minute 23/45: Apologies.", "Minute 23/46: Minutes."),
        ("23/45 Apologies.", "23/46 Minutes."),
    ],
)
def test_a_short_coded_title_then_its_decision_on_the_same_line(first, second):
    e = parse_minutes(
        f"{first} It was resolved to accept the apologies.\n"
        f"{second} The Council resolved that the minutes be approved.\n"
    )
    assert [r.text for r in e.resolutions] == [
        "to accept the apologies.",
        "that the minutes be approved.",
    ]
    assert [r.item for r in e.resolutions] == ["23/45", "23/46"]


def test_a_title_then_an_undertaking_is_not_a_resolution():
    # the guard: "It was resolved that the Clerk would write" reports an undertaking
    e = parse_minutes("Min. No. 23/45: Fence. It was resolved that the Clerk would write.\n")
    assert e.resolutions == ()
    assert any("undertaking" in u.reason for u in e.unsure)


@pytest.mark.parametrize(
    "motion",
    [
        "It was proposed and resolved that",
        "It was proposed by Cllr Mahon and seconded by Cllr Good and resolved that",
        "It was proposed, seconded and resolved that",
        "It was proposed by Cllr Mahon, seconded by Cllr Good and unanimously resolved that",
    ],
)
def test_proposed_and_resolved_in_one_sentence(motion):
    e = parse_minutes(f"3. Minutes\n{motion} the notes be accepted as minutes of the meeting.\n")
    assert [(r.text, r.item) for r in e.resolutions] == [
        ("that the notes be accepted as minutes of the meeting.", "3")
    ]


def test_proposed_and_resolved_that_something_would_happen_is_an_undertaking():
    # the guard: "resolved that the Clerk would write" reports an undertaking
    e = parse_minutes(
        "3. Fence\nIt was proposed by Cllr A and seconded by Cllr B and resolved that the Clerk "
        "would write.\n"
    )
    assert e.resolutions == ()


@pytest.mark.parametrize("marker", ["Clerk to Action", "Clerk to ACTION", "Clerk to action."])
def test_who_is_to_act_glued_after_the_sentence_in_either_case(marker):
    e = parse_minutes(
        "3. Co-option\nCllr Gebbie signed the forms for the Clerk to return to the Elections "
        f"Office. {marker}\n"
    )
    assert [(f.owner, f.text) for f in e.followups] == [
        ("Clerk", "Cllr Gebbie signed the forms for the Clerk to return to the Elections Office.")
    ]


@pytest.mark.parametrize(
    "note",
    [
        "Apologies from Cllr Bierley not detailed",
        "Declarations of Cllr Bierley not recorded in full",
    ],
)
def test_a_note_naming_an_item_already_numbered_keeps_the_item(note):
    e = parse_minutes(
        "1. To receive apologies and reasons for absence\nCllr Wilks.\n"
        "2. To receive declarations of interest\nNone.\n"
        "3. To approve the draft minutes of the meeting held on 2nd November\n"
        f"Typing error in the name of Cllr Bierley\n{note}\n"
        "RESOLVED: that the minutes be approved with the above amendments.\n"
    )
    assert [(r.text, r.item) for r in e.resolutions] == [
        ("that the minutes be approved with the above amendments.", "3")
    ]


def test_a_standing_title_not_numbered_before_still_ends_the_item():
    # the guard: "Minutes of a Community Council Meeting held on 1 March" after item 306, with
    # no earlier numbered minutes item, opens an item whose number was lost
    e = parse_minutes(
        "305 APOLOGIES\nNone.\n306 DECLARATIONS OF INTEREST\nNone.\n"
        "Minutes of a Community Council Meeting held on 1 March 2017.\n"
        "RESOLVED - The minutes were approved as a correct record.\n"
    )
    assert [r.item for r in e.resolutions] == [""]


@pytest.mark.parametrize(
    "attendance",
    [
        "1.PRESENT: Roy, Carol, Roger, Syd, Des and Sarah",
        "Attending: Roy Bell, Carol Hunt, Sarah Lee",
        "Meeting Notes Members Present: Chuck Benson, Sarah Lee Staff Present: Roy Bell, "
        "Carol McLaughlin, Ann Baker Call to order",
    ],
)
def test_first_names_from_a_list_of_names_alone_or_a_label_inside_a_flattened_line(attendance):
    text = (
        f"{attendance}\n\n4. Hall\nThe doors stick.\nRoy to discuss the doors with the "
        "electrician.\nOutstanding jobs - Carol to order new hinges.\n"
    )
    assert _actions(text) == [
        ("Roy", "discuss the doors with the electrician."),
        ("Carol", "order new hinges."),
    ]


def test_bodies_listed_as_present_give_no_first_names():
    # the guard: "Village Hall", "Sports Club" are bodies, so "Village" is not a first name
    text = (
        "Present: Parish Council, Village Hall, Sports Club\n\n4. Hall\n"
        "Village to celebrate the jubilee in June.\n"
    )
    assert _actions(text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "It was unanimously agreed upon to make the purchase.",
        "It was agreed upon to make the purchase.",
        "The Committee agreed upon to make the purchase.",
    ],
)
def test_agreed_upon_to(sentence):
    e = parse_minutes(f"5. New computer\nA laptop was found. {sentence}\n")
    assert [(r.text, r.item) for r in e.resolutions] == [("to make the purchase.", "5")]


def test_agreed_upon_a_thing_is_not_read_as_agreed_upon_to():
    # the guard: "the dates agreed upon" is no decision of this meeting
    e = parse_minutes("5. Dates\nThe dates agreed upon at the last meeting stand.\n")
    assert e.resolutions == ()


@pytest.mark.parametrize(
    "line", ["Ask Adam to clean the Hall before the play.", "Contact Jim Smith to book the hall."]
)
def test_an_imperative_naming_who_is_asked_goes_to_review(line):
    e = parse_minutes(f"6. Hall cleaning\n{line}\n")
    assert e.followups == ()
    assert any("whoever is to do it is not named" in u.reason for u in e.unsure)
