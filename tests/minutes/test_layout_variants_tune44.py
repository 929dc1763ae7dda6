"""Kinds of the dev pages of batch 44 (and the residual 33-43 misses) as general rules, in
wordings of no corpus page, each with a guard (issue 17, branch tune44): a numbered minute whose
title in capitals runs straight into its text; minutes flattened onto one line with their running
numbers and no full stop before each; lettered items ending in their outcome after a dash; a
motion carried with its resolution quoted; nominations and ballots written as sentences; an
impersonal proposal with its movers after it; a minute numbered on its first paragraph under a
title in capitals; minutes coded "YY/MM-N"; a bracketed list entry above a decision; a short
heading holding its keyword; lone bare clauses; an outcome after a full stop typed after a space."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

_HEAD = (
    "MINUTES of a meeting of the Licensing Committee held on 3 May 2025.\n\n"
    "PRESENT: Councillors A Pike, B Rowe and C Shaw.\n\n"
)


def _items(text: str) -> list[tuple[str, str]]:
    return [(r.item, r.text) for r in parse_minutes(text).resolutions]


@pytest.mark.parametrize(
    "first, second",
    [
        ("7 HIGHWAYS The verge by the school had been cut.", "8 ALLOTMENTS Two plots are vacant."),
        ("7 STREET LIGHTING The lamp in Mill Row is out.", "8 BURIAL GROUND The wall is unsafe."),
        ("07. WAR MEMORIAL Cleaning is overdue.", "08. VILLAGE HALL (a) The boiler failed."),
    ],
)
def test_a_number_and_a_title_in_capitals_running_into_its_text_opens_the_item(first, second):
    page = (
        "6 FINANCE The balance at the bank was reported.\n\n"
        "RESOLVED that the accounts be approved.\n\n"
        f"{first}\n\nRESOLVED that the Clerk writes to the county council.\n\n"
        f"{second}\n\nRESOLVED that quotes be obtained.\n"
    )
    assert [i.lstrip("0") for i, _ in _items(page)] == ["6", "7", "8"]


def test_an_acronym_opening_a_numbered_sentence_is_no_title():
    # the guard: "2. PCSO Ann Lee reported ..." is a numbered point of the item, not item 2
    page = (
        "5. Police report\n\n"
        "1. PCSO Ann Lee reported two thefts from sheds.\n\n"
        "2. NHS Wales said the surgery will reopen.\n\n"
        "RESOLVED that the report be noted.\n"
    )
    assert _items(page) == [("5", "that the report be noted.")]


@pytest.mark.parametrize(
    "line",
    [
        "611 Apologies were given for Cllr Roe 612 Interests – none declared 613 Minutes of the last "
        "meeting: It was RESOLVED to sign the minutes of 3 March as correct. The Chair then read a "
        "letter from the bowls club about its lease of the green and the cost of mowing it over "
        "the summer, which the members discussed at some length without reaching a view on it. "
        "614 Play Area: It was RESOLVED to buy a new swing seat.",
        "4410. Chair's welcome 4411. Apologies from Cllr Wood 4412. Previous minutes – It was "
        "RESOLVED to approve the minutes of 9 May. Members then discussed the state of the bus "
        "shelter at the crossroads, the glass of which has been broken twice this spring and the "
        "bench of which is loose, and the Clerk read out the insurer's reply at some length. "
        "4413. Bus shelter – It was RESOLVED to repair the shelter.",
    ],
)
def test_running_minute_numbers_on_one_flattened_line_open_their_items(line):
    page = "Minutes of the meeting of the community council\n\n" + line.replace("\n", " ") + "\n"
    found = _items(page)
    assert len(found) == 2, found
    assert found[0][0].rstrip(".") in {"613", "4412"}
    assert found[1][0].rstrip(".") in {"614", "4413"}


def test_amounts_and_cited_minutes_on_one_line_are_no_run():
    # the guard: a sum and an earlier minute cited after "Min" do not run on from the heading
    line = (
        "212 Finance: the balance stood at 213 pounds after Min 214 Grants was closed. The members "
        "asked the Clerk to write again to the bank about the interest on the deposit account and "
        "to the auditor about the date of the internal audit, which had been put back twice this "
        "year already because of the illness of the auditor and of the previous Clerk. It was "
        "RESOLVED to accept the accounts."
    )
    found = _items("Minutes\n\n" + line + "\n")
    assert [t for _, t in found] == ["to accept the accounts."]
    assert found[0][0] not in {"213", "214"}


@pytest.mark.parametrize(
    "first, second",
    [
        (
            "Village fete – invitation from the school PTA – Noted.",
            "Speed watch – email from PCSO – Noted.",
        ),
        (
            "Hedge cutting – quote from R Bell- Agreed.",
            "Grit bin – request from Church Lane – Approved.",
        ),
        (
            "Annual return - letter from the auditor - noted",
            "Defibrillator - offer of training - Accepted.",
        ),
    ],
)
def test_lettered_items_ending_in_their_outcome_after_a_dash_are_decisions(first, second):
    page = (
        "5. Correspondence:\n\n"
        f"(a) {first}\n\n(b) {second}\n\n"
        "(c) Bus service\n\nMembers discussed the timetable at length.\n\n"
        "6. Date of next meeting\n\nTuesday 4 June.\n"
    )
    found = _items(page)
    assert [t for _, t in found] == [first, second]
    assert {i for i, _ in found} == {"5"}


@pytest.mark.parametrize(
    "first, second",
    [
        (
            "Footpath 12 – letter from a resident – Not agreed.",
            "Bench – quote from J Hay – deferred.",
        ),
        ("Precept – email from the Clerk", "Website – note from the host – noted that it is down."),
    ],
)
def test_lettered_items_without_an_outcome_word_closing_them_stay_in_review(first, second):
    # the guards: a refusal, a deferral, a bare title and "noted that ..." are no outcome
    page = (
        "5. Correspondence:\n\n"
        f"(a) {first}\n\n(b) {second}\n\n"
        "6. Date of next meeting\n\nTuesday 4 June.\n"
    )
    assert _items(page) == []


@pytest.mark.parametrize(
    "sentence, clause",
    [
        (
            "On the motion of Cllr Hale, seconded by Cllr Dunn, the motion was put to the vote, "
            "declared CARRIED and \u201cRESOLVED that the Panel adopt the revised work programme\u201d.",
            "that the Panel adopt the revised work programme",
        ),
        (
            "It was proposed by Cllr Ford and seconded by Cllr Ives, and on being put to the meeting "
            "it was carried and 'RESOLVED that the grant of \u00a3400 to the scouts be paid'.",
            "that the grant of \u00a3400 to the scouts be paid",
        ),
        (
            "Moved by Cllr Shaw, seconded by Cllr Pike, the motion was carried and it was resolved "
            "that the hall hire charges stay the same.",
            "that the hall hire charges stay the same",
        ),
    ],
)
def test_a_motion_carried_with_its_resolution_quoted_gives_the_quoted_clause(sentence, clause):
    page = "MINUTES\n\nPL 41/24\n\nWork programme\n\n" + sentence + "\n"
    assert [(i, t.rstrip(".")) for i, t in _items(page)] == [("PL 41/24", clause)]


def test_a_motion_carried_with_no_resolution_quoted_stays_whole():
    # the guard: no "RESOLVED that" in the outcome, so the motion is read as before
    sentence = (
        "It was proposed by Cllr Ford, seconded by Cllr Ives and carried that the scouts be "
        "given a grant of \u00a3400."
    )
    found = _items("MINUTES\n\n3. Grants\n\n" + sentence + "\n")
    assert len(found) == 1
    assert "RESOLVED" not in found[0][1] and "scouts" in found[0][1]


def test_a_ballot_gives_the_winners_nomination_with_its_outcome_and_leaves_the_rival():
    page = (
        "4 Election of officers\n"
        "a) Treasurer\n"
        "Mary Oduya was proposed by Ken Bright, seconded by Jan Pole.\n"
        "Peter Lund was proposed by Ann Cole, seconded by Rob Tate.\n"
        "Following a show of hands, Peter Lund was appointed Treasurer by 5 votes to 2\n"
        "b) Secretary\n"
        "Ann Cole was proposed by Jan Pole, seconded by Peter Lund.\n"
        "Ken Bright was proposed by Rob Tate, seconded by Mary Oduya.\n"
        "After a secret ballot Ann Cole was declared elected.\n"
    )
    texts = [t for _, t in _items(page)]
    assert texts == [
        "Peter Lund was proposed by Ann Cole, seconded by Rob Tate. Following a show of hands, "
        "Peter Lund was appointed Treasurer by 5 votes to 2",
        "Ann Cole was proposed by Jan Pole, seconded by Peter Lund.",
    ]
    unsure = " ".join(u.text for u in parse_minutes(page).unsure)
    assert "Mary Oduya was proposed" in unsure and "Ken Bright was proposed" in unsure


@pytest.mark.parametrize(
    "nomination",
    [
        "Cllr Joan Ward put her name forward as Vice-Chair, seconded by Cllr Eli Hart.",
        "Cllr Eli Hart nominated Cllr Joan Ward, seconded by Cllr Sam Kerr.",
    ],
)
def test_a_nomination_then_its_nominee_elected_is_the_decision(nomination):
    page = (
        "6. Vice-Chair\n"
        f"{nomination} As nobody else stood, Cllr Joan Ward was duly elected.\n\n"
        "7. Footpaths\nThe stile on path 4 is broken.\n"
    )
    texts = [t for _, t in _items(page)]
    assert len(texts) == 1 and texts[0].startswith(nomination.split(",")[0])
    assert texts[0].endswith("was duly elected.")


@pytest.mark.parametrize(
    "outcome",
    [
        "No decision was reached and the post stays vacant.",
        "Cllr Sam Kerr was elected as Vice-Chair instead.",
        "The vote will be taken at the next meeting.",
    ],
)
def test_a_nomination_whose_nominee_is_not_declared_stays_in_review(outcome):
    # the guards: no outcome, a rival declared, a vote put off
    page = (
        "6. Vice-Chair\n"
        f"Cllr Joan Ward was nominated by Cllr Eli Hart, seconded by Cllr Ray Tull. {outcome}\n\n"
        "7. Footpaths\nThe stile on path 4 is broken.\n"
    )
    assert not any("Joan Ward was nominated" in t for _, t in _items(page))


@pytest.mark.parametrize(
    "motion, clause",
    [
        (
            "It was proposed the hall's hire charge be raised to \u00a312 an hour. The treasurer "
            "will tell the regular users. This was agreed by Cllr Moss and seconded by Cllr Gray.",
            "It was proposed the hall's hire charge be raised to \u00a312 an hour.",
        ),
        (
            "It was further proposed the newsletter go out quarterly. Printing costs are "
            "to be checked. Proposed by Ann Lowe, seconded by Tom Ash and carried.",
            "It was further proposed the newsletter go out quarterly.",
        ),
    ],
)
def test_an_impersonal_proposal_then_its_movers_and_outcome_gives_the_proposal(motion, clause):
    page = f"5. Hall\n{motion}\n\n6. Close\nThe meeting closed at 9pm.\n"
    assert [t for _, t in _items(page)] == [clause]


def test_a_proposal_with_its_outcome_in_its_own_sentence_is_read_as_before():
    # the guard: "It was proposed and agreed that ..." carries its own outcome
    page = (
        "5. Hall\nIt was proposed and agreed that the hall be repainted. The clerk is to get "
        "quotes. Seconded by Cllr Gray.\n\n6. Close\nThe meeting closed at 9pm.\n"
    )
    assert all("clerk is to get" not in t or "repainted" in t for _, t in _items(page))
    assert any("the hall be repainted" in t for _, t in _items(page))


@pytest.mark.parametrize("start", [1, 7])
def test_a_minute_numbered_on_its_first_paragraph_under_a_title_in_capitals(start):
    first = "" if start == 1 else f"{start - 1}. Apologies\n\nNone were given.\n\n"
    page = (
        "Minute of Meeting of the Ferries Joint Panel\n\n"
        f"{first}HARBOUR DUES\n\n"
        f"{start}. The Panel had before it a note by the Treasurer on the dues for 2025.\n\n"
        "The Panel resolved:- to hold the dues at their present level.\n\n"
        "WINTER TIMETABLE 2025/26\n\n"
        f"{start + 1}. The Panel had before it the operator's draft winter timetable.\n\n"
        "The Panel resolved:- to welcome the timetable.\n"
    )
    assert [i for i, _ in _items(page)] == [str(start), str(start + 1)]


def test_a_list_numbered_afresh_under_a_title_in_capitals_is_no_item():
    # the guard: "1." under item 6's title in capitals is a list, not item 1 again
    page = (
        "5. Accounts\nThe Panel resolved:- to note the accounts.\n\n"
        "6. Ferry fares\nThe Panel had before it the fares review.\n\n"
        "RECOMMENDATIONS\n\n"
        "1. The Panel resolved:- to freeze fares for islanders.\n"
    )
    assert {i for i, _ in _items(page)} <= {"5", "6"}


@pytest.mark.parametrize("code", ["24/11", "19/03", "23/10"])
def test_a_minute_coded_by_year_meeting_month_and_number_is_the_item(code):
    talk = "The members talked about the verges, the bins and the bus shelter at some length. "
    page = (
        "HOLTBY PARISH COUNCIL Minutes of the meeting held on Monday. "
        f"{code}-1 Apologies Cllr Rye sent apologies. {talk * 4}"
        f"{code}-2 Interests None were declared. {talk * 3}"
        f"{code}-3 Minutes of the last meeting It was RESOLVED that the minutes be signed. "
        f"{code}-4 Footpaths The stile is broken.\n"
    )
    assert _items(page) == [(f"{code}-3", "that the minutes be signed.")]


def test_a_day_range_before_a_month_is_no_minute_code():
    # the guard: "10/11-12 March" is a range of days, not a minute
    page = (
        "4. Dates\n10/11-12 March The hall is booked for the show.\n\n"
        "RESOLVED that the booking be confirmed.\n"
    )
    assert [i for i, _ in _items(page)] == ["4"]


@pytest.mark.parametrize("top, last", [(3, 4), (6, 7), (2, 3)])
def test_a_bracketed_list_entry_above_a_decision_is_not_its_item(top, last):
    # "5) Bowel Cancer UK - £100.00", the last entry of item 4.2's list, is not item 5
    rows = " ".join(
        f"{n}) Supplier {n} - \u00a3{n}0.00 (hedge and verge work)." for n in range(1, last + 1)
    )
    earlier = " ".join(f"{n}.0. Item {n} – noted." for n in range(1, top))
    page = (
        f"Minutes of the Community Council. {earlier} "
        f"{top}.0. Accounts {top}.1. Balances: The bank statement shows \u00a3612.16 and the cash "
        "book agrees with it after the reconciliation was checked by the chairman. "
        + "The members talked about the verges, the bins and the bus shelter at some length. "
        * 5
        + f"{top}.2. To consider invoices for payment. {rows} IT WAS RESOLVED that the Clerk pays "
        f"the above invoices. {top + 1}.0. Date of next meeting – 9 March.\n"
    )
    assert [i for i, t in _items(page) if "pays the above" in t] == [f"{top}.2"]


def test_items_numbered_with_a_bracket_keep_their_numbers():
    # the guard: "3) Planning" after "2) Minutes" is the page's item 3, not a list's entry
    page = (
        "1) Apologies\nCllr Wren sent apologies.\n\n"
        "2) Minutes\nRESOLVED that the minutes be signed.\n\n"
        "3) Planning\nRESOLVED that no objection be raised to the porch at 4 Mill Lane.\n"
    )
    assert [i for i, _ in _items(page)] == ["2", "3"]


@pytest.mark.parametrize(
    "heading",
    [
        "14/25 INTERESTS RESOLVED to record the following interests:-",
        "C.88 GIFTS AND HOSPITALITY RESOLVED to note the following entries in the register:",
        "207/24 APOLOGIES AGREED to accept the following apologies:-",
    ],
)
def test_a_short_heading_holding_its_keyword_over_data_is_the_decision(heading):
    page = (
        f"{_HEAD}{heading}\n\n"
        "Cllr Ann Pike declared an interest in item 9 as a trustee of the village hall.\n\n"
        "15/25 ACCOUNTS RESOLVED that the accounts for May be approved and signed.\n"
    )
    texts = [t for _, t in _items(page)]
    assert texts[0] == heading.split(" RESOLVED ")[-1].split(" AGREED ")[-1]
    assert len(texts) == 2


def test_a_short_heading_over_its_lettered_clauses_gives_the_clauses():
    # the guard: "RESOLVED that:-" over (a), (b) is a lead-in, its clauses the decisions
    page = (
        f"{_HEAD}16/25 PRECEPT RESOLVED that:-\n\n"
        "(a) the precept for 2026/27 be set at \u00a312,000; and\n\n"
        "(b) the Clerk informs the district council.\n"
    )
    assert [t for _, t in _items(page)] == [
        "the precept for 2026/27 be set at \u00a312,000",
        "the Clerk informs the district council.",
    ]


_LOST_LABELS = (
    "Meeting of the Town Council held in the Guildhall at 7pm on 2 June 2025\n\n"
    "PRESENT Councillors A Rowe (Mayor), B Lake, C Ness and D Orme.\n\n"
    "The Mayor welcomed everyone.\n\n\n"
    "{lone}\n\n\n"
    "The Clerk read a letter from the bowls club about the lease of the green.\n\n"
)


def test_a_lone_bare_clause_on_a_page_of_bare_clauses_is_a_decision():
    lone = "That the absence of Councillor Mrs E Vane be approved."
    page = _LOST_LABELS.format(lone=lone) + (
        "(i) That the lease of the green be renewed for five years.\n\n"
        "(ii) That the rent be reviewed in 2027.\n"
    )
    assert lone in [t for _, t in _items(page)]


@pytest.mark.parametrize(
    "lone",
    [
        "That the absence of Councillor Mrs E Vane be approved.",
        "That, in his view, the hedge should be cut back.",
    ],
)
def test_a_lone_bare_clause_stays_in_review_without_others_like_it(lone):
    # the guards: no other bare clause on the page; a member's "That, ..." comment
    page = _LOST_LABELS.format(lone=lone) + "RESOLVED: the lease of the green is renewed.\n"
    assert lone not in [t for _, t in _items(page)]


@pytest.mark.parametrize(
    "first, second",
    [
        (
            "That the notes of the meeting on 3rd May be agreed as an accurate record.",
            "That the notes of the meeting on 3rd May 2025 be agreed as an accurate record.",
        ),
        (
            "That the revised terms of reference be adopted.",
            "That the revised terms of reference be adopted.",
        ),
    ],
)
def test_a_bare_clause_printed_again_just_below_is_taken_both_times(first, second):
    page = (
        "Agenda, decisions and minutes\n\nVenue: Room 2\n\nNo. Item\n\n\n"
        "Welcome\n\n\nThe Chair welcomed members.\n\n\n"
        "Notes of the Previous Meeting pdf icon PDF 90 KB\n\n\n"
        f"{first}\n\n\n\n\n{second}\n\n\n"
        "Declarations of Interest pdf icon PDF 70 KB\n\n\nNone were made.\n"
    )
    assert [t for _, t in _items(page)] == [first, second]


def test_a_bare_clause_followed_by_a_different_one_stays_in_review():
    # the guard: the clause below says something else, so nothing vouches for this one
    page = (
        "Agenda, decisions and minutes\n\nVenue: Room 2\n\nNo. Item\n\n\n"
        "Notes of the Previous Meeting pdf icon PDF 90 KB\n\n\n"
        "That the bus shelter be moved nearer the school.\n\n\n\n\n"
        "That the notes of the meeting on 3rd May 2025 be agreed as an accurate record.\n\n\n"
        "Declarations of Interest pdf icon PDF 70 KB\n\n\nNone were made.\n"
    )
    assert "That the bus shelter be moved nearer the school." not in [t for _, t in _items(page)]


@pytest.mark.parametrize("outcome", ["Agreed.", "AGREED.", "Resolved."])
def test_an_outcome_after_a_full_stop_typed_after_a_space_is_read(outcome):
    page = (
        "5. Projects:\n"
        "  1. Planters. Ann : the tubs on the green need new compost . "
        f"Bob asked for \u00a340 for compost and bulbs . {outcome}\n"
        "6. Close\n"
    )
    assert [t for _, t in _items(page)] == [outcome]


def test_a_spaced_full_stop_before_lower_case_is_no_sentence_end():
    # the guard: "... 2.5 . agreed by ..." is no keyword standing alone as an outcome
    page = "5. Projects:\n  1. Planters. The tubs cost about \u00a340 . agreed by all to wait.\n6. Close\n"
    assert "agreed" not in [t.lower().rstrip(".") for _, t in _items(page)]
