"""The whole page as the reader cut it (`parser.read_page`), which the import review shows so an
officer can take anything from it: every unit in order with its printed line, its item and what
the reader made of it; a page flattened onto one line comes as its sentences, never whole."""

from __future__ import annotations

import textwrap

from minutes_pages import PARISH

from tracker.minutes.parser import parse_minutes, read_page


def test_every_unit_of_the_page_comes_in_order_with_what_the_reader_made_of_it() -> None:
    ex, page = read_page(PARISH)
    assert ex == parse_minutes(PARISH)  # the same reading
    got = [(u.line, u.item, u.state, u.text) for u in page]
    assert got == [
        (1, "", "left", "Minutes of the Parish Council"),
        (3, "5", "heading", "5. Allotments"),
        (4, "5", "resolution", "RESOLVED that the rents rise by 5% from April."),
        (5, "5", "followup", "ACTION: Clerk to write to the allotment holders."),
        (7, "6", "heading", "6. Village hall"),
        (8, "6", "unsure", "It was agreed that the Clerk would book the hall for the fete."),
        (9, "6", "left", "Following a show of hands the hall be booked for the fete."),
    ]
    notes = {u.line: u.note for u in page}
    assert notes[5] == "a follow-up for Clerk"
    assert notes[8] == next(u.reason for u in ex.unsure if u.line == 8)
    assert notes[7] == "an item heading"


SENTENCES = [
    s
    for n in range(1, 9)
    for s in (
        f"{n}. ITEM {n} Members heard a report on the village matters of item {n} and "
        f"discussed it at length with the residents.",
        f"RESOLVED that the report on item {n} be noted.",
    )
]


def test_a_page_flattened_onto_one_line_comes_as_its_sentences() -> None:
    flat = " ".join(SENTENCES)
    assert len(flat) > 1000
    _ex, page = read_page(flat)
    assert len(page) == len(SENTENCES)
    assert {u.line for u in page} == {1}
    assert max(len(u.text) for u in page) < 200
    assert [u.state for u in page[:2]] == ["left", "resolution"]


def test_a_flattened_page_hard_wrapped_gives_each_unit_the_line_it_is_printed_on() -> None:
    text = "Minutes of the Parish Council\n\n" + "\n".join(textwrap.wrap(" ".join(SENTENCES), 72))
    lines = text.split("\n")
    _ex, page = read_page(text)
    noted = [u for u in page if u.state == "resolution"]
    assert len(noted) == 8
    for u in noted:  # the printed line holds the unit's opening words
        assert u.text[:20] in " ".join(lines[u.line - 1 : u.line + 1]), u
    assert [u.line for u in page] == sorted(u.line for u in page)


WRAPPED = """3. Playing field
Members discussed the state of the goalposts at
length. Following a show of hands the goalposts be
replaced before the summer season. Obtain three quotes
for the goalposts. GH
"""


def test_a_unit_of_several_sentences_is_a_row_each_on_the_line_it_starts_on() -> None:
    _ex, page = read_page(WRAPPED)
    assert [(u.line, u.text) for u in page[1:]] == [
        (2, "Members discussed the state of the goalposts at length."),
        (3, "Following a show of hands the goalposts be replaced before the summer season."),
        (4, "Obtain three quotes for the goalposts. GH"),  # the owner's initials stay with it
    ]


def test_a_sentence_taken_with_another_before_it_gives_the_owner_of_the_second() -> None:
    from tracker.minutes.taking import read_taken_line

    two = "Members discussed the bins. The Clerk to contact the county council about the bins."
    reading = read_taken_line(two, 4)
    assert (reading.owner, reading.task) == (
        "The Clerk",
        "contact the county council about the bins.",
    )
    one = read_taken_line("Obtain three quotes for the bench. KW", 4)
    assert (one.owner, one.task) == ("KW", "Obtain three quotes for the bench.")
