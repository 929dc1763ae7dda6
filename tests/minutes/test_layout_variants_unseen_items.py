"""Item numbers printed in ways a recall sweep over real minutes the reader had not seen showed
it missing (none of these texts is taken from a page; each kind with a guard): "39) Apologies",
"4, Apologies", "4: Apologies", "5.<tab>Apologies", "Min. 12", year-coded and body-coded
minutes ("2022-107", "2023/45", "PC23/045", "P/23/045"), an item label with its title and a long
minute on one line, agenda titles in the summons' words taken as the next item in turn, a page
number printed inside a sentence, and a bilingual page's English title under its Welsh
heading's number."""

from __future__ import annotations

import re

import pytest

from tracker.minutes import parse_minutes


@pytest.mark.parametrize(
    "numbers",
    [("4)", "5)", "6)"), ("39)", "40)", "41)"), ("4,", "5,", "6,")],
    ids=["'4) Apologies'", "'39) Apologies'", "'4, Apologies'"],
)
def test_item_numbers_closed_by_a_bracket_or_a_comma(numbers):
    a, b, c = numbers
    e = parse_minutes(
        f"Minutes of the Parish Council\n{a} Apologies\nCllr Rees sent apologies. Resolved that "
        f"the apologies be accepted.\n{b} Minutes of the last meeting\nRESOLVED: the minutes "
        f"were approved and signed.\n{c} Play area\nThe swings were discussed.\nAgreed – that "
        "the swings be repaired by the contractor\n"
    )
    assert [(r.text, r.item) for r in e.resolutions] == [
        ("that the apologies be accepted.", a.rstrip(",)")),
        ("the minutes were approved and signed.", b.rstrip(",)")),
        ("that the swings be repaired by the contractor", c.rstrip(",)")),
    ]


def test_a_numbered_list_under_a_decision_is_not_taken_for_items():
    # the guard: "1) That ..." clauses under a keyword are the decision's items, not headings
    e = parse_minutes(
        "7) Budget\nRESOLVED:\n1) That the budget be approved.\n2) That the precept be set at "
        "£9,000.\n8) Correspondence\nNone.\n"
    )
    assert [(r.text, r.item, r.number) for r in e.resolutions] == [
        ("That the budget be approved.", "7", "1"),
        ("That the precept be set at £9,000.", "7", "2"),
    ]


def test_minute_numbers_coded_by_the_year():
    e = parse_minutes(
        "2024-031 To agree a minute taker. RESOLVED to ask Cllr Ross, who agreed.\n"
        "2024-032 Apologies\nCllr Hay – RESOLVED unanimously to accept the apology.\n"
    )
    assert [(r.text, r.item) for r in e.resolutions] == [
        ("to ask Cllr Ross, who agreed.", "2024-031"),
        ("to accept the apology.", "2024-032"),
    ]


def test_an_item_label_with_its_title_and_a_long_minute_on_one_line():
    e = parse_minutes(
        "Item 01/09 Apologies: none\n"
        "Item 02.01/09 - To accept the Minutes of the Meeting held on 4th May 2024 RESOLVED – "
        "Approved once two spellings are corrected, as a correct record of the minutes of the "
        "meeting held on 4th May 2024, and signed by the Chair.\n"
        "Item 03/09 Planning\nRESOLVED – No objection to the extension at Mill Cottage.\n"
    )
    assert [r.item for r in e.resolutions] == ["02.01/09", "03/09"]


def test_a_page_number_inside_a_sentence_is_not_an_item():
    e = parse_minutes(
        "150. PLAQUE\n\nMrs Lee spoke in support of the request. Following her\n\n12\n\n"
        "talk, the Council considered the request and resolved to allow the plaque on the hall."
        "\n\n151. MINUTES\n\nResolved that the minutes be signed.\n"
    )
    assert [(r.text, r.item) for r in e.resolutions] == [
        ("to allow the plaque on the hall.", "150"),
        ("that the minutes be signed.", "151"),
    ]


def test_a_number_alone_between_sentences_is_still_an_item():
    # the guard: the line before ends its sentence and the next starts a new one
    e = parse_minutes(
        "11\n\nPlay area.\n\nResolved that the swings be repaired.\n\n12\n\nFootpaths.\n\n"
        "Resolved that the stile be replaced.\n"
    )
    assert [(r.text, r.item) for r in e.resolutions] == [
        ("that the swings be repaired.", "11"),
        ("that the stile be replaced.", "12"),
    ]


def test_a_bilingual_item_keeps_its_number_under_its_english_title():
    e = parse_minutes(
        "COFNODION / MINUTES\n\n"
        "210 Cofnodion o Gyfarfod y Cyngor Llawn a gynhaliwyd nos Lun 4 Mawrth i gadarnhau "
        "cywirdeb\n\nPENDERFYNWYD cymeradwyo'r cofnodion.\n\n"
        "Minutes of the Meeting of Full Council held on Monday 4 March to confirm accuracy.\n\n"
        "It was RESOLVED to approve the minutes.\n\n"
        "211 Datgan Diddordeb\n\nDim\n\nDeclaration of Interest\n\nNone\n"
    )
    assert [(r.text, r.item) for r in e.resolutions] == [("to approve the minutes.", "210")]


def test_an_english_standing_item_with_its_number_lost_still_ends_the_item():
    # the guard: on an English page an unnumbered "Minutes of ..." title after a numbered item
    # is the next item, its number lost
    e = parse_minutes(
        "305 DECLARATIONS OF INTEREST - None.\n\n"
        "Minutes of the Meeting held on 1 March 2024\n\n"
        "RESOLVED that the minutes be approved.\n"
    )
    assert [(r.text, r.item) for r in e.resolutions] == [("that the minutes be approved.", "")]


@pytest.mark.parametrize("mark", [".", ",", ")"])
def test_agenda_titles_in_the_summons_words_are_items_in_turn(mark):
    e = parse_minutes(
        f"1{mark} To receive apologies\nNone.\n"
        f"2{mark} To elect a Chair\nCllr B Nolan was elected as Chair Resolved\n"
        f"3{mark} Apologies, welcomes and attendance, including to accept the reasons given.\n"
        "All present.\n"
        f"4{mark} To review the dates of meetings\nAgreed – All in favour\n"
        f"5{mark} Reports from County Councillors\nNone present\n"
        f"6{mark} To approve the minutes of the last meeting\nResolved to approve them as a true "
        "record.\n"
    )
    assert [(r.text, r.item) for r in e.resolutions] == [
        ("Cllr B Nolan was elected as Chair Resolved", "2"),
        ("All in favour", "4"),
        ("to approve them as a true record.", "6"),
    ]


def test_a_list_of_to_clauses_under_a_decision_stays_a_list():
    # the guard: "1. To note" then "2. To agree" under item 1's decision are its items
    e = parse_minutes(
        "1. Budget\nThe report was presented. RESOLVED:\n1. To note the report.\n"
        "2. To agree the budget for 2025.\n3. To set the precept at £9,000.\n"
    )
    assert [(r.text, r.item, r.number) for r in e.resolutions] == [
        ("To note the report.", "1", "1"),
        ("To agree the budget for 2025.", "1", "2"),
        ("To set the precept at £9,000.", "1", "3"),
    ]


def test_a_title_with_its_minute_reference_then_a_dash_and_the_minute():
    e = parse_minutes(
        "3. Declarations of interest: 003/24: None\n\n"
        "4. Play equipment: 004/24 – Mr Hale was given leave to speak about the joint project. "
        "Unanimously agreed to buy the frame.\n\n"
        "5. Allotments: 005/24 – 2 applications have been received. Proposed by BD and seconded "
        "by JH that plot 4 be let to Mr Cole. Carried 4 for and 1 against.\n"
    )
    assert [(r.text, r.item) for r in e.resolutions] == [("that plot 4 be let to Mr Cole", "5")]


@pytest.mark.parametrize(
    "style",
    [
        "Min. {n} Play area",
        "Min {n}: Play area",
        "Min. 23/{n} Play area",
        "{n}: Play area",
        "{n}.\tPlay area",
        "PC23/0{n} Play area",
        "M23/{n} Play area",
        "2023/{n} Play area",
        "P/23/0{n} Play area",
    ],
)
def test_more_ways_of_printing_an_item_number(style):
    e = parse_minutes(
        f"{style.format(n=4)}\nNone.\n{style.format(n=5)}\nThe swings were discussed.\n"
        "RESOLVED that the swings be repaired.\n"
    )
    number = re.split(r"\s*Play", style)[0].replace("Min. ", "").replace("Min ", "")
    want = number.format(n=5).rstrip(".:\t").replace(" ", "")
    assert [(r.text, r.item) for r in e.resolutions] == [("that the swings be repaired.", want)]


def test_a_row_of_a_tab_separated_table_is_not_an_item():
    # the guard: "5.\tGrass cutting\t£250\tPaid" is a row of a table, not item 5
    e = parse_minutes(
        "8. Finance\nRESOLVED that the payments below be made:\n5.\tGrass cutting\t£250\tPaid\n"
        "6.\tHall hire\t£25\tPaid\n"
    )
    assert {r.item for r in e.resolutions} == {"8"}
