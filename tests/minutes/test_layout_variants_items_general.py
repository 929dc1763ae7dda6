"""Item numbers that went wrong on fresh pages nobody had tuned on (batches 33-43), as general
kinds, in wordings of no corpus page, each with a guard: a sub-item under its parent's title
colon and an "Item N.N:" label under a lead-in; a decision's own numbered parts taken for
sub-items; minute numbers a body codes with letters and a hyphen ("CAB-37") or with its year and
a part glued to the title ("2016/32/02Invoices"); a table's paragraph numbers running on through
its coded minutes, and the chair's signature at the foot of a sheet; an "(agenda item 5)"
reference in the attendance list; a noun-phrase agenda title ending in a full stop; and a title
whose decision follows its full stop with no space."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes


def _items(text: str) -> list[tuple[str, str]]:
    return [(r.item, r.text) for r in parse_minutes(text).resolutions]


@pytest.mark.parametrize("colon", [":", ":-", " :"])
def test_the_first_sub_item_under_its_parents_title_colon_is_an_item(colon):
    page = (
        "1. WELCOME\nThe chair opened the meeting.\n\n"
        f"2. PREVIOUS MINUTES{colon}\n\n"
        "2.1. Minutes of the Annual Meeting of 4 th May 2015 It was proposed by Cllr. Dane, "
        "seconded by Cllr. Oakes and AGREED unanimously to sign the minutes as a true record.\n\n"
        "2.2. Minutes of the Planning Meeting of 18 th May 2015 It was proposed by Cllr. Oakes, "
        "seconded by Cllr. Dane and AGREED to sign the minutes as a true record.\n\n"
        "3. FOOTPATHS\nNothing to report.\n"
    )
    assert [i for i, _ in _items(page)] == ["2.1", "2.2"]


def test_a_lead_in_over_numbered_payments_keeps_its_item():
    # the guard: "It was RESOLVED to make the following payments:" over "7.1 ..." is a list
    page = (
        "6. Minutes\nRESOLVED that the minutes be signed.\n\n"
        "7. Accounts – It was RESOLVED to approve the following invoices:\n"
        "7.1 Hedge trimming £120.00.\n7.2 Hall hire £30.00.\n7.3 Clerk's expenses £12.40.\n\n"
        "8. Correspondence\nNone.\n"
    )
    found = _items(page)
    assert found[0] == ("6", "that the minutes be signed.")
    assert all(i == "7" for i, t in found[1:]), found


@pytest.mark.parametrize("label", ["Item 3.2:", "Agenda item 3.2 -", "ITEM 3.2:"])
def test_a_labelled_item_under_a_lead_in_is_an_item(label):
    page = (
        "Board meeting, 3 March 2022\n\n"
        "These decisions were reached by the board:\n\n"
        f"{label} Notes of the Meeting Held on 9 February 2022\n"
        "Decision: The notes were agreed as a correct record of that meeting\n\n"
        "Item 3.3: Estates Strategy Refresh\n"
        "Decision: The board approved the refreshed estates strategy for consultation\n"
    )
    assert [i for i, _ in _items(page)] == ["3.2", "3.3"]


def test_a_decisions_lower_case_numbered_parts_are_not_sub_items():
    page = (
        "4 COMMUNITY FUND - REPORT BY THE WARD OFFICER\n\nDecision\n\nThe Committee\n\nNOTED\n\n"
        "4.1 the eleven applications received in the second round;\n\n"
        "4.2 the scoring of each against the fund's criteria; and\n\n"
        "4.3 AGREED to award the grants listed in the Appendix.\n\n"
        "5 OPEN FORUM\n\nDecision\n\nNOTED\n\n"
        "5.1 that the library hours would change in the spring;\n\n"
        "5.2 AGREED to ask the roads team to review the crossing at Mill Street.\n\n"
        "6 ANY OTHER BUSINESS\nNone.\n"
    )
    found = dict((t, i) for i, t in _items(page))
    assert found["to award the grants listed in the Appendix."] == "4"
    assert found["to ask the roads team to review the crossing at Mill Street."] == "5"


def test_a_sub_item_with_its_own_title_keeps_its_number():
    # the guard: "4.2 Grants to Clubs" in capitals is a sub-item, and its decision sits under it
    page = (
        "4 FINANCE\n\n4.1 Bank Reconciliation\nThe clerk reported the balances.\n\n"
        "4.2 Grants to Clubs\nRESOLVED to award £200 to the bowls club.\n\n5 PLANNING\nNone.\n"
    )
    assert _items(page) == [("4.2", "to award £200 to the bowls club.")]


@pytest.mark.parametrize("code", ["LIC-12", "EXE-305", "PL-7"])
def test_a_minute_coded_with_letters_and_a_hyphen_alone_over_its_title(code):
    page = (
        "Agenda and minutes\n\nLicensing Panel - Monday 2 March 2026 10.00 am\n\n"
        f"{code}\n\nMinutes of the last meeting\n\nAdditional documents:\n\nMinutes:\n\n"
        "RESOLVED that the minutes of the meeting on 2 February 2026 be signed as correct.\n"
    )
    assert _items(page) == [
        (code, "that the minutes of the meeting on 2 February 2026 be signed as correct.")
    ]


def test_an_epidemics_name_alone_on_its_line_is_no_minute():
    # the guard: "COVID-19" alone over a paragraph is a heading of the text, not a minute
    page = (
        "1. Apologies\nNone.\n\nCOVID-19\n\n"
        "It was RESOLVED that the hall stay closed until further notice.\n"
    )
    assert _items(page) == [("1", "that the hall stay closed until further notice.")]


@pytest.mark.parametrize("code", ["2019/14/03", "2021/7/02"])
def test_a_minutes_part_glued_to_its_title(code):
    year, minute, _part = code.split("/")
    page = (
        f"{year}/{minute} Finance\n\n{year}/{minute}/01Bank Balances\n\nCurrent account £980.12\n\n"
        f"{code}Payments Due\n\n"
        "  • Village hall hire – £45.00 – it was agreed to pay this at once.\n\n"
        f"{year}/{int(minute) + 1} Planning\nNone.\n"
    )
    assert [i for i, _ in _items(page)] == [code]


def test_paragraph_numbers_running_through_coded_minutes_are_no_items():
    page = (
        "Minutes of the Trustees' Meeting held on Tuesday, 4th October 2022 1. "
        "The meeting opened with a welcome from the Chair. 41/22 Apologies 2. "
        "Apologies were received from Mrs J Platt. 42/22 Election of Officers 3. "
        "The Clerk had received one nomination for Chair. 4. "
        "It was proposed by Mr T Dale, seconded by Ms R Khan, and unanimously agreed to elect "
        "Mrs P Orme as Chair for the year. 5. "
        "Minutes of the Trustees' Meeting held on the 4th October 2022 Signed by Chair "
        "........................ 6. "
        "It was proposed by Ms R Khan, seconded by Mr T Dale, and unanimously agreed to elect "
        "Mr T Dale as Vice Chair for the year. 43/22 Declarations of interest 7. "
        "There were no declarations of interest.\n"
    )
    assert [i for i, _ in _items(page)] == ["42/22", "42/22"]


def test_an_agenda_item_named_in_the_attendance_list_sets_no_style():
    page = (
        "Finance Committee\n\nPresent:\nA Baker (Chair)\nIn Attendance:\n"
        "C Dunn, Treasury Adviser (agenda item 4)\n\n"
        "1. Apologies\nNone.\n\n2. Draft Minutes\n"
        "Agreed: The Committee agreed the minutes of the meeting held on 2 May 2024.\n\n"
        "3. Matters arising\n"
        "Agreed: The Committee agreed to write to the Treasury about the late returns.\n\n"
        "4. Treasury briefing\nAgreed: The Committee agreed to publish the briefing.\n"
    )
    assert [i for i, _ in _items(page)] == ["2", "3", "4"]


@pytest.mark.parametrize(
    "title",
    [
        "Consideration and signing of the Notes of the meeting held on 12th March 2021.",
        "Approval of the Minutes of the meeting of 12th March 2021.",
        "Confirmation of the Notes of the extraordinary meeting of 12th March 2021.",
    ],
)
def test_a_noun_phrase_agenda_title_ending_in_a_full_stop_is_the_next_item(title):
    page = (
        "Minutes of the meeting held on Tuesday, 20th April 2021.\n\n"
        "1. Welcome and apologies.\n\nApologies were received from Mrs Hart.\n\n"
        f"2. {title}\n\nThe notes were read.\n\n"
        "It was RESOLVED that the notes be signed as a true record.\n\n"
        "3. Correspondence.\n\nNone.\n"
    )
    assert [i for i, _ in _items(page)] == ["2"]


def test_noun_phrase_entries_of_a_decisions_list_stay_its_list():
    # the guard: "1. Receipt of ..." / "2. Approval of ..." under "RESOLVED to note the
    # following:" in item 5 are the decision's list, not items 1 and 2
    page = (
        "4. Welcome and apologies.\n\nApologies were received from Mrs Hart.\n\n"
        "5. Finance.\n\nIt was RESOLVED to note the following:\n\n"
        "1. Receipt of the precept of £5,000 from the district council.\n\n"
        "2. Approval of the internal audit report by the auditor.\n"
    )
    assert [i for i, _ in _items(page)] == ["5", "5"]


@pytest.mark.parametrize("keyword", ["It was RESOLVED", "It was AGREED"])
def test_a_decision_glued_to_its_titles_full_stop_without_a_space(keyword):
    page = (
        "1. Open Forum. No member of the public spoke.\n\n"
        "2. Apologies:\nNone received.\n\n3. Interests: none declared.\n\n"
        f"4. Minutes of the meeting held on Monday 6th February 2023.{keyword} to approve "
        "and sign the minutes of that meeting.\n\n5. Matters Arising: none.\n"
    )
    assert _items(page) == [("4", "to approve and sign the minutes of that meeting.")]


@pytest.mark.parametrize(
    "cited", ["Item 2019/30 Paragraph 2 should read:", "Minute 2019/30 (b) to read:"]
)
def test_an_earlier_minute_of_the_years_series_cited_is_not_the_item(cited):
    page = (
        "2019/41 APOLOGIES\nResolved to accept the apologies of Councillor Shaw.\n\n"
        "2019/42 TO APPROVE THE MINUTES OF THE MEETING HELD ON 3RD JUNE\n\n"
        f"{cited} the footpath officer attended.\n\nSubject to the above\n\n"
        "Resolved to approve the minutes of the meeting held on 3rd June as a true record.\n\n"
        "2019/43 PLANNING\nResolved to support application 19/0045.\n"
    )
    assert [i for i, _ in _items(page)] == ["2019/41", "2019/42", "2019/43"]


@pytest.mark.parametrize("stop", [".", ""])
def test_minutes_numbered_on_past_9999_are_items(stop):
    page = (
        f"20417{stop} Present: Cllrs Amis, Bryce and Cole.\n\n"
        f"20418{stop} Apologies for Absence – Cllr Dunn, on holiday.\n\n"
        f"20419{stop} Confirmation of the Minutes of 4th May – It was resolved that the minutes "
        "be signed as a true record.\n\n"
        f"20420{stop} Playing Field – It was resolved to renew the mowing contract.\n"
    )
    assert [i for i, _ in _items(page)] == ["20419", "20420"]


def test_a_lone_five_figure_number_opening_a_line_is_no_item():
    # the guard: "25000 Leaflets ..." once, not in a run, is a count, not a minute
    page = (
        "3. Newsletter\n\n25000 Leaflets were printed for the spring edition.\n\n"
        "It was resolved to thank the volunteers who delivered them.\n"
    )
    assert [i for i, _ in _items(page)] == ["3"]
