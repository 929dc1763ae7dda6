"""Item numbers that went wrong on the first reads of batches 33-45, as general kinds, in
wordings and numberings of no corpus page, each with a guard. A page's own minute codes, of a
shape no rule knows ("HWB-24-07", "AC.112", "17/24/25."), read when three or more run on."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes


def _items(text: str) -> list[tuple[str, str]]:
    return [(r.item, r.text) for r in parse_minutes(text).resolutions]


_TITLES = (
    "Apologies for absence",
    "Notes of the last meeting",
    "Bus shelter on Kestrel Way",
    "Letters received",
)
_BODIES = (
    "Apologies came from Cllr Pennock.",
    "RESOLVED that the notes of the meeting on 2 October be signed as a true record.",
    "RESOLVED to accept the quotation from Hollins Joinery to repair the bus shelter.",
    "The clerk summarised the letters.",
)


def _page(code, sep: str) -> str:
    page = "Minutes of the meeting of Thornbury Green Parish Council held on 5 November 2024\n\n"
    for n, (title, body) in enumerate(zip(_TITLES, _BODIES, strict=True), start=1):
        page += f"{code(n)}{sep}{title}\n{body}\n\n"
    return page


_CODES = {
    "letters, year and minute hyphened": lambda n: f"HWB-24-{6 + n:02d}",
    "letters, a full stop and the minute": lambda n: f"AC.{110 + n}",
    "a letter and the year, a hyphen, the minute": lambda n: f"G25-{12 + n:03d}",
    "the minute over the municipal year": lambda n: f"{16 + n}/24/25",
    "a letter, the minute and the municipal year": lambda n: f"R/{16 + n}/24-25",
}


@pytest.mark.parametrize("sep", [" ", ". ", ": ", " \u2013 "])
@pytest.mark.parametrize("shape", list(_CODES))
def test_a_pages_own_run_of_minute_codes_numbers_its_items(shape, sep):
    code = _CODES[shape]
    assert [i for i, _ in _items(_page(code, sep))] == [code(2), code(3)]


def test_a_run_that_skips_a_minute_is_still_the_pages_numbering():
    # a minute taken in private is left out of the published run: "HWB-24-09" follows "-07"
    numbers = iter(["HWB-24-06", "HWB-24-07", "HWB-24-09", "HWB-24-10"])
    page = _page(lambda n: next(numbers), " ")
    assert [i for i, _ in _items(page)] == ["HWB-24-07", "HWB-24-09"]


def test_a_code_alone_on_its_line_over_the_title():
    page = "Meeting of 4 March 2024\n\n"
    for n, (title, body) in enumerate(zip(_TITLES, _BODIES, strict=True), start=1):
        page += f"11-03-{n}\n{title}\n{body}\n\n"
    assert [i for i, _ in _items(page)] == ["11-03-2", "11-03-3"]


def test_two_codes_of_a_shape_are_no_run():
    # the guard: one or two such codes may be references; the plain numbers stay the items
    page = (
        "1. Apologies\nNone.\n\n"
        "2. Planning\nRESOLVED to support application KW-24-118 for a garage.\n\n"
        "KW-24-119 Rear extension, 4 Mill Row\nRESOLVED to raise no objection.\n\n"
        "3. Footpaths\nNothing to report.\n"
    )
    assert [i for i, _ in _items(page)] == ["2", "2"]


def test_payments_numbered_in_turn_are_no_minutes():
    # the guard: invoices or cheques run on too, but each carries its sum
    page = (
        "5. Accounts\nRESOLVED to pay the following invoices.\n\n"
        "INV-2041 Hedge cutting, Greenway Ltd \u00a3140.00\n\n"
        "INV-2042 Hall hire \u00a330.00\n\n"
        "INV-2043 Clerk's expenses \u00a312.40\n\n"
        "INV-2044 Printer ink \u00a322.99\n\n"
        "6. Correspondence\nNone.\n"
    )
    assert {i for i, _ in _items(page)} == {"5"}


def test_a_list_numbered_in_brackets_stays_its_items():
    # the guard: "(1)", "(2)" ... and "1)", "2)" ... are how lists number their entries
    page = (
        "7. Playing field\nThe council RESOLVED:\n\n"
        "(1) to renew the lease for five years;\n\n"
        "(2) to ask the tenant club to cut the grass;\n\n"
        "(3) to review the rent in 2027.\n\n"
        "8. Close\nThe meeting closed at 9pm.\n"
    )
    assert {i for i, _ in _items(page)} == {"7"}


def test_an_item_titled_minutes_leaves_the_last_items_follow_ups():
    # the guard: "06-11-4" / "Minutes: The minutes ..." is an item titled "Minutes", not the
    # "Minutes:" label that ends an agenda's description; the last item's directive is minuted
    page = (
        "Minutes of the meeting held on 6 November 2024\n\n"
        "06-11-1  Present: Cllrs Dunmore (Chair), Pennock and Okafor\n\n"
        "06-11-2  Apologies: Cllr Whitlow\n\n"
        "06-11-3  Declarations of Interest: None\n\n"
        "06-11-4  Minutes:  The minutes of the meeting held on 2 October were approved.\n\n"
        "06-11-5  Correspondence:\n\n"
        "a) Boundary review \u2013 Clerk to reply to the commission by the end of the month.\n"
    )
    followups = parse_minutes(page).followups
    assert [(f.owner, f.text[:8]) for f in followups] == [("Clerk", "reply to")]


def _run_page(third: str) -> str:
    return (
        "Minutes of the meeting of Ashcombe Parish Council held on 2 June 2023\n\n"
        "1. Apologies\nNone were received.\n\n"
        "2. Declarations of interest\nNone.\n\n"
        f"{third}\n\n"
        "4. Date of next meeting\nThe next meeting will be on 7 July.\n"
    )


@pytest.mark.parametrize(
    "third",
    [
        "3. It was RESOLVED to renew the grass cutting contract with Fenwick Ltd.",
        "3. The Council RESOLVED to renew the grass cutting contract with Fenwick Ltd.",
        "3. Notes of the meeting of 4 May 2023 (proposed JB, seconded KL) agreed and signed.",
        "3. Cllr Hale proposed renewing the grass cutting contract with Fenwick Ltd, seconded by "
        "Cllr Dee; this was agreed by all.",
    ],
)
def test_a_numbered_minute_that_reads_as_a_sentence_is_the_next_item(third):
    # "3." sits in the page's run of dotted items (2. before, 4. after): it is item 3 whatever
    # its words, not a paragraph of item 2
    assert [i for i, _ in _items(_run_page(third))] == ["3"]


@pytest.mark.parametrize(
    "between",
    [
        "Following discussion the council decided as follows:\n\n"
        "3. It was RESOLVED to give \u00a3200 to the Scouts.\n\n"
        "4. It was RESOLVED to give \u00a3150 to the bowls club.",
        "Members considered the draft budget.\n\n"
        "3. That the budget be approved.\n\n4. That the precept be set at \u00a312,000.",
    ],
)
def test_numbered_decisions_under_a_lead_in_or_as_clauses_stay_the_items(between):
    # the guard: a list after a lead-in's colon, or of "That ..." clauses, is the item's own
    page = (
        "1. Apologies\nNone.\n\n2. Grants and budget\n"
        f"{between}\n\n5. Date of next meeting\n7 July.\n"
    )
    found = _items(page)
    assert len(found) == 2 and {i for i, _ in found} == {"2"}


@pytest.mark.parametrize("dash", ["\u2013", "-", ":"])
def test_a_bulleted_topic_straight_under_a_numbered_heading_keeps_its_item(dash):
    # "5. REPORTS FROM WORKING GROUPS" / "- Allotments – ...": the item's first topic, not an
    # item whose number was lost
    page = (
        "Minutes of the meeting of Linford Parish Council, 3 April 2024\n\n"
        "4. Apologies\nNone.\n\n"
        "5. REPORTS FROM WORKING GROUPS\n"
        f"- Allotments {dash} Mrs Ives gave a short report on the waiting list.\n"
        "Two plots are vacant since the spring.\n"
        "It was RESOLVED to let plot 7 to the next applicant.\n\n"
        "Mrs Ives then left the meeting.\n\n"
        f"- Footpaths {dash} nothing to report\n\n"
        "6. Close\nThe meeting closed at 9pm.\n"
    )
    assert _items(page) == [("5", "to let plot 7 to the next applicant.")]


def test_bulleted_titles_after_a_minute_are_items_whose_numbers_were_lost():
    # the guard: a bullet after the item's minute, not straight under its heading, is a title
    page = (
        "Minutes of the meeting of Linford Parish Council, 3 April 2024\n\n"
        "1. Welcome\nThe chair welcomed everyone.\n\n"
        "- To approve the minutes of the meeting of 6 March\n"
        "RESOLVED that the minutes be signed.\n\n"
        "- To consider the allotment waiting list\n"
        "RESOLVED to let plot 7 to the next applicant.\n"
    )
    assert [i for i, _ in _items(page)] == ["", ""]


@pytest.mark.parametrize(
    "codes",
    [("41/23", "42/23", "43/23", "44/23", "12/23"), ("7-41", "7-42", "7-43", "7-44", "7-12")],
)
def test_an_earlier_minute_of_the_series_cited_is_no_item(codes):
    # "12/23 The contractor's letter ..." under minute 43/23: minute 12 of the same series,
    # cited; the decision stays minute 43's, and the next minute in turn is still an item
    a, b, c, d, cited = codes
    page = (
        "Minutes of the meeting of Ashcombe Parish Council held on 2 June 2023\n\n"
        f"{a} Apologies\nNone were received.\n\n{b} Declarations of interest\nNone.\n\n"
        f"{c} Grass cutting\n"
        f"{cited} The contractor's letter referred to at that minute was read again.\n"
        "RESOLVED to renew the grass cutting contract with Fenwick Ltd.\n\n"
        f"{d} Benches\nRESOLVED to buy two benches for the green.\n"
    )
    assert [i for i, _ in _items(page)] == [c, d]


_FLAT_ITEMS = (
    ("Apologies for absence", "Apologies were received from Cllr Whitlow, who was away."),
    ("Declarations of interest", "There were no declarations of interest on any item."),
    (
        "Notes of the last meeting",
        "It was RESOLVED that the notes of the meeting held on 5 May be signed as a true record.",
    ),
    ("Matters arising", "The clerk had written to the highways team about the drain on Mill Row."),
    (
        "Bus shelter",
        "The clerk reported on the three quotes received for the repair. It was RESOLVED to "
        "accept the quote from Hollins Joinery.",
    ),
    ("Letters received", "The clerk read a letter from the county council about the review."),
    ("Date of next meeting", "The next meeting will be held on 7 July in the village hall."),
)


def _flat_page(code) -> str:
    # the whole page on one line, as a web page or a PDF saved as text gives it
    page = (
        "MINUTES OF THE MEETING OF THORNBURY GREEN PARISH COUNCIL HELD ON 5 NOVEMBER 2024 IN THE "
        "VILLAGE HALL AT 7PM. Present: Cllrs Dunmore (Chair), Pennock, Okafor and Whitlow, the "
        "clerk and two members of the public. "
    )
    for n, (title, body) in enumerate(_FLAT_ITEMS, start=1):
        page += f"{code(n)} {title} {body} "
    return page


@pytest.mark.parametrize(
    "code", [lambda n: f"{n})", lambda n: f"HWB-24-{40 + n}"], ids=["bracket", "code"]
)
def test_item_numbers_inside_a_page_flattened_onto_one_line(code):
    assert [i for i, _ in _items(_flat_page(code))] == [code(3).rstrip(")"), code(5).rstrip(")")]


def test_a_bracketed_list_inside_a_flattened_dotted_item_is_no_run_of_items():
    # the guard: "7) Wolds food bank" under "6. Donations" is the list's seventh entry, not
    # item 7 (which the page prints "7."); the decision after the list stays item 6's
    page = _flat_page(lambda n: f"{n}.").replace(
        "6. Letters received The clerk read a letter from the county council about the review.",
        "6. Donations The following gifts were approved: 1) Air ambulance \u00a3100.00 2) Village "
        "show \u00a350.00 3) Scouts \u00a375.00 4) Church clock fund \u00a360.00 5) Youth club "
        "\u00a345.00 6) Guides \u00a330.00 7) Wolds food bank \u00a340.00 It was RESOLVED to "
        "publish the list of gifts on the website.",
    )
    found = _items(page)
    assert ("6", "to publish the list of gifts on the website.") in found, found


def test_a_bracketed_list_reaching_the_next_items_number_stays_the_items():
    # laid out line by line: "8)" under "7." is the list's, the decision after it item 7's
    names = ["Cubs", "Bowls club", "Choir", "Youth club", "Guides", "Lunch club", "Band", "Scouts"]
    page = (
        "6. Apologies\nNone.\n\n7. Grants\nThe following grants were approved:\n"
        + "".join(f"{n}) {who} \u00a3{n}0.00\n" for n, who in enumerate(names, start=1))
        + "RESOLVED to publish the list of grants in the newsletter.\n\n"
        "8. Date of next meeting\n7 July.\n"
    )
    found = _items(page)
    assert ("7", "to publish the list of grants in the newsletter.") in found, found
    assert {i for i, _ in found} == {"7"}, found


def test_days_running_on_are_no_minute_codes():
    # the guard: a diary of dates, a day apart, each over its event, under item 5
    page = (
        "4. Apologies\nNone.\n\n5. Summer events\nRESOLVED to publish the diary below.\n\n"
        "14/06/24\n\nLitter pick on the green\n\n15/06/24\n\nFete in the school field\n\n"
        "16/06/24\n\nOpen gardens\n\n17/06/24\n\nQuiz night in the hall\n\n"
        "RESOLVED to buy gazebos for the fete.\n\n6. Close\nThe meeting closed at 9pm.\n"
    )
    assert {i for i, _ in _items(page)} == {"5"}


def test_a_contents_list_of_codes_before_the_minutes_is_no_run():
    # the guard: "HWB-24-41" ... listed at the top with blank lines only between, then the
    # minutes under the same codes: the minutes' codes are the items
    contents = "".join(f"HWB-24-{40 + n} {t}\n\n" for n, t in enumerate(_TITLES, start=1))
    page = "Agenda items\n\n" + contents + _page(lambda n: f"HWB-24-{40 + n}", " ")
    assert [i for i, _ in _items(page)] == ["HWB-24-42", "HWB-24-43"]
