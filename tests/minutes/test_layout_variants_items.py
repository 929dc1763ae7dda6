"""Item numbers printed in ways an item-number sweep over real minutes (and the development
pages' item misses) showed the reader missing. None of these texts is taken from a page; each
kind has several wordings and a guard:

- a numbered title ending in a full stop ("2. Declarations of interest."), the next item in turn;
- a bracketed number before a title and its ":-" ("(5) Points raised at the Annual Meeting:-");
- a numbered title, its full stop and the decision on the same line ("3. Minutes of the last
  meeting. It was RESOLVED to ...");
- on a page flattened onto one line, a dotted number before an upper-case title ("... declared.
  2.1 DRAFT MINUTES OF ...") and a sub-item after a title ending in a year ("... HELD ON 10
  NOVEMBER 2016 3.1 Police Briefing ...").
"""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes


@pytest.mark.parametrize(
    "titles",
    [
        ("Apologies for absence.", "Declarations of interest.", "Village Green."),
        ("Apologies.", "Minutes of the last meeting.", "Footpaths and Bridleways."),
        ("Welcome and apologies.", "Matters Arising.", "Play Area Inspection."),
    ],
    ids=["apologies/declarations", "minutes/footpaths", "matters-arising/play-area"],
)
def test_numbered_titles_ending_in_a_full_stop_are_items_in_turn(titles):
    a, b, c = titles
    e = parse_minutes(
        "Minutes of the Parish Council\nPresent: Cllr Ames, Cllr Bell.\n\n"
        f"1. {a}\nNone were received.\n\n2. {b}\nCllr Ames proposed, Cllr Bell seconded, the "
        "Parish Council unanimously approved the minutes.\n\n"
        f"3. {c}\nIt was resolved that the grass be cut monthly.\n"
    )
    assert [(r.text, r.item) for r in e.resolutions] == [
        ("Cllr Ames proposed, Cllr Bell seconded, the Parish Council unanimously approved the "
         "minutes.", "2"),
        ("that the grass be cut monthly.", "3"),
    ]  # fmt: skip


def test_a_short_numbered_decision_list_is_not_taken_for_items():
    # the guard: "1. Approve ..." / "2. Note ..." under the item's decision are its items
    e = parse_minutes(
        "4. Budget.\nThe treasurer presented the budget.\nRESOLVED:\n1. Approve the budget.\n"
        "2. Set the precept.\n\n5. Correspondence.\nNone.\n"
    )
    assert [(r.text, r.item, r.number) for r in e.resolutions] == [
        ("Approve the budget.", "4", "1"),
        ("Set the precept.", "4", "2"),
    ]


@pytest.mark.parametrize("tail", [":-", ";-", ":"], ids=["':-'", "';-'", "':'"])
def test_bracketed_numbers_before_a_title_are_items_in_turn(tail):
    e = parse_minutes(
        f"(1) Present{tail} Mrs Lee (Chair), Mr Hurst, Mr Bown (Clerk).\n"
        f"(2) Apologies{tail} Apologies received from Mr Jones.\n"
        f"(3) Minutes of Meeting Held on 13th February{tail}\n"
        "These had been circulated and were signed by the Chairman.\n"
        f"(4) Points raised at the Annual Parish Meeting{tail}\n"
        "it was agreed to buy a new noticeboard for Parish Council notices.\n"
        f"(5) Signing Cheques{tail}\nNo 398 Clerk's salary.\n"
    )
    assert [(r.text, r.item) for r in e.resolutions] == [
        ("to buy a new noticeboard for Parish Council notices.", "4"),
    ]


def test_bracketed_clauses_under_a_decision_are_not_taken_for_items():
    # the guard: "(1) that ..." clauses after the keyword stay the decision's items
    e = parse_minutes(
        "(4) Planning:-\nThe application was considered.\nRESOLVED:\n(1) that the Council "
        "objects to the application;\n(2) that the Clerk writes to the planning officer.\n"
        "(5) Finance:-\nNone.\n"
    )
    assert [(r.item, r.number) for r in e.resolutions] == [("4", "1"), ("4", "2")]


@pytest.mark.parametrize(
    "decision",
    [
        "It was RESOLVED to agree and sign the minutes as a true record.",
        "RESOLVED that the minutes be signed as a true record.",
        "It was agreed that the minutes be signed as a true record.",
    ],
    ids=["It was RESOLVED to", "RESOLVED that", "It was agreed that"],
)
def test_a_numbered_title_and_its_decision_on_one_line(decision):
    e = parse_minutes(
        "1. Apologies for absence: None\n2. Declarations of interest:\nCllr Watts declared an "
        "interest in item 10.\n"
        f"3. Minutes of the Parish Council meeting on 13th March 2017. {decision}\n"
        "4. Clerk's report\nNothing to report.\n"
    )
    assert [r.item for r in e.resolutions] == ["3"]


def test_a_numbered_sentence_with_a_decision_keeps_the_item():
    # the guard: "3. The Council discussed ... . It was RESOLVED ..." is a numbered paragraph
    # of item 2's minute whose first sentence is prose, not a title
    e = parse_minutes(
        "2. Playing field\n3. The Council discussed the state of the field at some length "
        "with the groundsman. It was RESOLVED to ask for quotes.\n"
    )
    assert [r.item for r in e.resolutions] == ["2"]


@pytest.mark.parametrize(
    "title", ["DRAFT MINUTES OF THE MEETING HELD ON 10 MAY", "MINUTES OF THE LAST MEETING"]
)
def test_a_dotted_number_before_an_upper_case_title_on_a_flattened_page(title):
    filler = "The Chair asked Members to declare any conflicts of interest. " * 12
    e = parse_minutes(
        "POLICING BOARD MINUTES OF THE COMMITTEE MEETING HELD ON 8 JUNE 2016 PRESENT: Mr A "
        f"Black (Chair) Ms B White 1. APOLOGIES, ETC Apologies were received from Dr Grey. "
        f"{filler}No conflicts of interest were declared. 2.1 {title} It was: AGREED: To "
        "approve the draft minutes of the meeting. 3. MATTERS ARISING FROM THE MINUTES OF THE "
        "MEETING HELD ON 10 MAY 2016 3.1 Police Briefing on Legacy Cases (Item 3.1 of minutes "
        "refers) The Committee noted the documents had been forwarded to Members. NOTED. 3.2 "
        "Correspondence (Item 4.1 of minutes refers) The Committee noted correspondence.\n"
    )
    assert [r.item for r in e.resolutions] == ["2.1", "3.1"]


def test_an_amount_after_a_year_on_a_flattened_page_is_not_an_item():
    # the guard: "in 2016 3.5 Million" is a sum, not item 3.5 after a title ending in a year
    filler = "The Chair asked Members to declare any conflicts of interest. " * 12
    e = parse_minutes(
        f"BOARD MINUTES 4. BUDGET {filler}The budget for 2016 3.5 Million pounds was set out "
        "in the report. AGREED: To approve the budget.\n"
    )
    assert [r.item for r in e.resolutions] == ["4"]


@pytest.mark.parametrize("close", [")", "."], ids=["'2)'", "'2.'"])
def test_a_bracket_closed_title_and_its_minute_on_one_line(close):
    # "2) To elect the Chair: Cllr A proposed ..." after "1) Apologies for absence: None": each
    # line is the item's title, its colon and the minute, the items in turn
    e = parse_minutes(
        "Minutes of the Parish Council Annual Meeting\nPresent: Cllrs Hale, Tovey, Marsh.\n\n"
        f"1{close} Apologies for absence: None\n\n"
        f"2{close} To elect the Chair: Cllr Tovey proposed Cllr Hale as Chairman, Cllr Marsh "
        "seconded this and all agreed.\n\n"
        f"3{close} To consider the internal audit report for 2017/18\nThe Clerk reported that "
        "no issues had been raised.\n\n"
        f"4{close} To certify exemption from external audit:\nThe committee agreed that the "
        "Council met the criteria to certify itself as exempt.\n"
    )
    assert [r.item for r in e.resolutions] == ["2", "4"]


def test_to_clauses_listed_after_a_decision_are_not_taken_for_items():
    # the guard: "1) To note ..." / "2) To agree ..." under "RESOLVED" (no colon) stay its list
    e = parse_minutes(
        "5) Budget\nThe treasurer reported.\nRESOLVED\n1) To note the report.\n"
        "2) To agree the budget.\n6) Correspondence\nNone.\n"
    )
    assert [(r.item, r.number) for r in e.resolutions] == [("5", "1"), ("5", "2")]


@pytest.mark.parametrize("verb", ["Elect", "Appoint", "Receive"])
def test_agenda_titles_in_the_summons_words_with_a_capital_verb(verb):
    e = parse_minutes(
        "Minutes of the Annual Meeting of the Parish Council\n\n"
        f"1. To {verb} a Chairperson\nResolved: to elect Ann Lee as Chair\n\n"
        f"2. To {verb} a Vice-chair\nResolved: to elect Bob Hill as Vice-chair\n\n"
        "3. Apologies for Absence\nNone.\n"
    )
    assert [(r.text, r.item) for r in e.resolutions] == [
        ("to elect Ann Lee as Chair", "1"),
        ("to elect Bob Hill as Vice-chair", "2"),
    ]


@pytest.mark.parametrize(
    "cited",
    [
        "Minute 31 – July 2017 – Resolutions Report for July 2017",
        "Minute 111 - March 2017 - Task and Finish Groups",
        "Min. 12 of 3rd May 2023: Play Area Fencing",
    ],
)
def test_an_earlier_minute_cited_by_its_date_and_title_does_not_take_the_item(cited):
    e = parse_minutes(
        "27 RESOLUTIONS OF THE COMMITTEE\nThe officer presented the report.\n"
        f"{cited}\nA workshop was still in progress.\n"
        "RESOLVED: That the actions resulting from the resolutions be noted.\n"
    )
    assert [r.item for r in e.resolutions] == ["27"]


def test_the_minutes_an_item_receives_are_not_items_whose_numbers_were_lost():
    # "152 Overview and Scrutiny Board" receives the minutes of two meetings, each under a
    # sub-heading naming the meeting the item already named (or opening as the item's first such
    # sub-heading did, whatever its date): both decisions are item 152's
    e = parse_minutes(
        "151 Cabinet\nThe report was received.\n"
        "152 Overview and Scrutiny Board\n(a) To receive and note the minutes\n"
        "The minutes of the meetings of the Board held on 1st February 2011 and 1st March "
        "2011 were submitted.\nMinutes of the meeting held on 1st February 2011\n"
        "RESOLVED that the minutes of the meeting held on 1st February 2011 be noted.\n"
        "Minutes of the meeting held on 2nd March 2011\n"
        "RESOLVED that the remainder of the minutes be noted.\n"
    )
    assert [r.item for r in e.resolutions] == ["152", "152"]


def test_a_standing_title_whose_number_was_lost_still_clears_the_item():
    # the guard: "Minutes of a ... Meeting held on ..." after item 306, with no number and a
    # date the item did not name, is item 307 whose number was lost
    e = parse_minutes(
        "306 DECLARATIONS OF INTEREST - None were declared.\n"
        "Minutes of a Community Council Meeting held on 1 March 2017.\n"
        "RESOLVED - The minutes were approved as a true record.\n"
    )
    assert [r.item for r in e.resolutions] == [""]


@pytest.mark.parametrize(
    "cited",
    [
        "Their co-option would be discussed at minute ref: 68.a. page 23-2020, in Closed Session.",
        "Cllr Riley declared an interest in minute ref: 61.b. as her husband is a recipient.",
    ],
)
def test_a_minute_reference_cited_before_the_items_is_not_the_item(cited):
    e = parse_minutes(
        "Minutes of the ordinary meeting of the Parish Council\n"
        f"{cited}\n"
        "1. To receive apologies for absence and reasons given.\nAll Councillors were present.\n"
        "2. Notes of the last meeting to be approved as Minutes.\n"
        "The Council RESOLVED to approve the notes of the last meeting as Minutes.\n"
    )
    assert [r.item for r in e.resolutions] == ["2"]


def test_a_decision_notices_reference_still_gives_the_item():
    # the guard: "ref: 709" heading a decision notice is its reference (README item rules)
    e = parse_minutes(
        "Decision details ref: 709\nDecision:\nRESOLVED that the scheme be approved.\n"
    )
    assert [r.item for r in e.resolutions] == ["709"]


@pytest.mark.parametrize("year", ["2021/22", "2019/20"])
def test_a_municipal_year_wrapped_onto_its_own_line_is_not_an_item(year):
    e = parse_minutes(
        "APPOINTMENT OF VICE-CHAIR Decision: It was moved, seconded and RESOLVED that Cllr Ross "
        "be elected Vice\nChair of the Committee for the Municipal year\n"
        f"{year}. |\n"
        "APPLICATIONS Decision: The Committee RESOLVED that the application be refused.\n"
    )
    assert [r.item for r in e.resolutions if "refused" in r.text] == [""]


def test_a_minute_coded_by_its_year_on_its_own_line_is_still_an_item():
    # the guard: "2021/22" alone after a finished sentence is minute 22 of 2021
    e = parse_minutes(
        "2021/21\nApologies were received.\n2021/22\nRESOLVED that the accounts be paid.\n"
    )
    assert [r.item for r in e.resolutions] == ["2021/22"]


def test_a_long_agenda_title_closed_by_a_full_stop_is_the_next_item():
    # "3. Notes of the ordinary meeting ... held on Monday 13 August 2020 to be approved as
    # Minutes." after item "2. To receive ... ." (every title on the page ends in a full stop)
    e = parse_minutes(
        "1. To receive apologies for absence and reasons given i.a.w. the Act 1972, para 40.\n"
        "All Councillors were present.\n"
        "2. To receive declarations of interest and to consider applications for dispensations.\n"
        "None were received.\n"
        "3. Notes of the ordinary meeting of the Parish Council held at the Village Hall on "
        "Monday 13 August 2020 to be approved as Minutes.\n"
        "It was RESOLVED to approve the notes as Minutes.\n"
    )
    assert [r.item for r in e.resolutions] == ["3"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "3. Flooding on Mill Lane was reported by several residents at length.",
        "3. Members discussed the state of the playing field with the groundsman.",
    ],
)
def test_a_numbered_sentence_of_the_minute_is_not_the_next_item(paragraph):
    # the guard: a numbered sentence with a finite verb, or opened by the members, is a
    # paragraph of item 2's minute
    e = parse_minutes(
        "1. To receive apologies for absence.\nNone.\n"
        "2. To consider the state of the roads in the parish.\n"
        f"{paragraph}\nIt was RESOLVED to write to the highways authority.\n"
    )
    assert [r.item for r in e.resolutions] == ["2"]
