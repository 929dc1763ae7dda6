"""Owners of actions, second round (branch minutesowner): kinds an untuned round of real pages
showed missing or wrongly read after the first round's rules (none of these texts is taken from
a page; each kind in several wordings, with a guard): a singular "Action:" alone on its line
labels the one unit after it, not every line to the next blank; an action's text is its own
sentence, and a further sentence naming someone is that person's action; joined initials ("TD &
AV", "AO and RO") after a clause; "After meeting
with X" is no owner; "Action: Clerk/Webmaster" glued to the next sentence is an owner-only
label; "– AV to action" after a dash; a trailing owner cell after a run of spaces under an
"Item Action" header."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes


def _actions(text: str) -> list[tuple[str, str]]:
    return [(f.owner, f.text) for f in parse_minutes(text).followups if f.source != "resolution"]


# --- a singular "Action:" alone on its line labels the one unit after it ----------------------


@pytest.mark.parametrize("label", ["Action:", "Action -", "Action-:", "ACTION:"])
def test_a_singular_label_alone_takes_only_the_unit_after_it(label):
    text = (
        "2) Plans\nThe event is in October.\n"
        f"{label}\nCharles to ask the core group to lend us the money.\n"
        "3)\nLessons learnt\nMid month markets are not as popular.\n"
        "Traders will have their own bins.\nRecycling area to be outside the offices.\n"
        f"{label}\nEsther to inform the other groups.\n4)\nLitter group\n"
        "There was one litter pick.\n"
    )
    assert _actions(text) == [
        ("Charles", "ask the core group to lend us the money."),
        ("Esther", "inform the other groups."),
    ]


def test_a_plural_label_alone_still_reads_its_list():
    # the guard: "Actions:" over a list reads every item, passive rows included
    text = (
        "5. Hall\nActions:\n- Clerk to order the new chairs.\n- JB to book the caterers.\n"
        "- The hall to be cleaned before the fete.\n"
    )
    assert [o for o, _ in _actions(text)] == ["Clerk", "JB", ""]


# --- an action's text is its sentence; a further sentence naming someone is theirs --------------


def test_the_task_ends_with_its_sentence_and_notes_after_it_are_dropped():
    text = (
        "3) Recycling\nThe group will do it.\nAction:\nAnne to research the bottle campaign. "
        "Aim - to combine the recycling with something positive. Use the frame from Ashtons.\n"
    )
    assert _actions(text) == [("Anne", "research the bottle campaign.")]


def test_a_further_sentence_naming_someone_is_their_action():
    text = (
        "5) Give and Take\nA rota was put together.\nAction:\nEsther to keep in touch with "
        "Anne and inform all. Anne to put dates of the event on the website.\n"
    )
    assert _actions(text) == [
        ("Esther", "keep in touch with Anne and inform all."),
        ("Anne", "put dates of the event on the website."),
    ]


def test_also_between_the_owner_and_to_is_no_part_of_the_owner():
    text = (
        "3) Festival\nActions:\nJill to organise the rota. Jill also to tell the organisers. "
        "Jason to supply sacks.\n"
    )
    assert _actions(text) == [
        ("Jill", "organise the rota."),
        ("Jill", "tell the organisers."),
        ("Jason", "supply sacks."),
    ]


# --- joined initials after a clause ------------------------------------------------------------


@pytest.mark.parametrize(
    "line,owner,task",
    [
        ("8.1 Millennium Wood is in a poor state – TD & AV to inspect", "TD & AV", "inspect"),
        ("Booking Report  A new enquiry from a teacher, AO and RO to liaise with her.",
         "AO and RO", "liaise with her."),
    ],
)  # fmt: skip
def test_joined_initials_after_a_clause(line, owner, task):
    assert _actions(f"Minutes of the committee\n\n{line}\n") == [(owner, task)]


@pytest.mark.parametrize(
    "line",
    [
        "Treasurer's Report  The treasurer asked KC to transfer £1000 to deposit.",
        "Treasurer's Report  The bank will allow KC to transfer £1000 online.",
        "Treasurer's Report  Thanks were given to KC to mark his long service.",
    ],
)
def test_initials_that_are_the_object_are_not_taken(line):
    assert _actions(f"Minutes of the committee\n\n{line}\n") == []


# --- "After meeting with X to ..." names nobody --------------------------------------------------


def test_a_phrase_of_time_before_to_is_no_owner():
    text = "4) Forum\nAction -\nAfter meeting with Morrisons to put out a press release.\n"
    assert _actions(text) == [("", "After meeting with Morrisons to put out a press release.")]


# --- an owner-only label glued to the next sentence ----------------------------------------------


@pytest.mark.parametrize("owners", ["Clerk/Webmaster", "AB/CD", "Clerk/Chair"])
def test_an_owner_label_glued_to_the_next_sentence(owners):
    text = (
        "4.3.22 Minutes. It was proposed, seconded and all voted in favour to approve. Resolved. "
        f"Approved minutes to be posted on the website. Action: {owners} Standing Orders were "
        "suspended. 5.3.22 Public participation.\n"
    )
    acts = _actions(text)
    assert [o for o, _ in acts] == [owners]
    assert acts[0][1] == "Approved minutes to be posted on the website."


# --- "– AV to action" after a dash ending the sentence it acts on -------------------------------


@pytest.mark.parametrize("dash", ["\u2013", "-", "\u2014"])
def test_to_action_after_a_dash(dash):
    text = (
        "8) Reports\n 8.3 Parking is an issue and a joint letter to residents is needed "
        f"{dash} AV to action\n9) Planning\n None\n"
    )
    acts = _actions(text)
    assert [o for o, _ in acts] == ["AV"]
    assert "joint letter to residents" in acts[0][1]


# --- a trailing owner cell after a run of spaces under an action column ---------------------------


def test_a_trailing_owner_cell_after_a_run_of_spaces_under_an_action_column():
    text = (
        "Minutes of the committee\nItem Action\n4. Booking report\n\n"
        "– The emergency light is not working. AB will arrange an electrician to look at it."
        "                                   AB\n\n"
        "– PAT testing is due shortly.\n\n– The Tai Chi class has been cancelled.\n\n"
        "– A floor plan has been devised and will be displayed on the noticeboard."
        "                         MH\n\n– Elections are on May 5\n"
    )
    assert _actions(text) == [
        ("AB", "arrange an electrician to look at it."),
        ("MH", "A floor plan has been devised and will be displayed on the noticeboard."),
    ]


def test_trailing_initials_with_no_action_column_are_left():
    # the guard: no header names an action column; a run of spaces before initials is not read
    text = "4. Booking report\n– The light is not working and was reported.          AB\n"
    assert _actions(text) == []
