"""Kinds of the dev pages of batch 46 as general rules, in wordings of no corpus page, each with a
guard (issue 17, branch tune46): minute numbers written "(2023 – 118)", "wpc 014/22" and
"118/FC/23", on laid-out and flattened pages."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes

_HEAD = "Minutes of the meeting of Kettlewick Parish Council held on 9 March 2026.\n\n"


def _items(text: str) -> list[tuple[str, str]]:
    return [(r.item, r.text) for r in parse_minutes(text).resolutions]


@pytest.mark.parametrize("no", ["2023 – 118", "2019-045", "2024 - 201"])
def test_a_year_and_minute_in_brackets_opening_the_minute_is_its_item(no):
    page = (
        _HEAD + f"({no}) Cllr Ibbot reported on the hedges by the school lane. It was resolved "
        "to ask the highway authority to cut the verges before the show. (2099 – 999) Cllr Hoy "
        "reported that the noticeboard by the shop needs a new lock."
    )
    assert _items(page) == [(no, "to ask the highway authority to cut the verges before the show.")]


def test_a_span_of_years_in_brackets_is_no_item():
    page = (
        _HEAD + "7. Budget\n(2025 - 26) The precept for the coming year was set at £18,400.\n"
        "RESOLVED that the precept of £18,400 be requested.\n"
    )
    assert [item for item, _ in _items(page)] == ["7"]


@pytest.mark.parametrize("code", ["wpc 014/22", "kpc 7/2021", "abc 102/19"])
def test_a_lower_case_bodys_code_before_a_title_in_capitals_is_the_item(code):
    page = (
        _HEAD + f"{code} CO-OPTION OF A MEMBER\n"
        "It was RESOLVED that Mr Ivo Grange be co-opted to the vacant seat.\n"
    )
    assert _items(page) == [(code, "that Mr Ivo Grange be co-opted to the vacant seat.")]


def test_lower_case_codes_cut_a_flattened_page_into_its_minutes():
    page = (
        "KETTLEWICK PARISH COUNCIL MINUTES OF THE ANNUAL MEETING HELD ON 4 MAY 2026 PRESENT: "
        "Councillors Orme, Venn, Hoy and Ibbot. There were no members of the public present. "
        "wpc 021/26 ELECTION OF CHAIR It was RESOLVED that Cllr Orme be chosen as Chair for the "
        "municipal year. Cllr Orme took the chair. wpc 022/26 ELECTION OF VICE CHAIR It was "
        "RESOLVED that Cllr Venn be chosen as Vice Chair for the municipal year. wpc 023/26 "
        "APOLOGIES Apologies were given by Cllr Tarn. wpc 024/26 DECLARATIONS OF INTEREST None "
        "were declared by any councillor present at the meeting that evening. wpc 025/26 PUBLIC "
        "FORUM A resident of Mill Road asked about the potholes near the bridge and the Clerk "
        "said she would report them to the highway authority again this week."
    )
    assert _items(page) == [
        ("wpc 021/26", "that Cllr Orme be chosen as Chair for the municipal year."),
        ("wpc 022/26", "that Cllr Venn be chosen as Vice Chair for the municipal year."),
    ]


def test_a_small_word_before_a_date_is_no_bodys_code():
    page = (
        _HEAD + "4. Grass Cutting\n\n"
        "on 12/24 THE contractor finished the last cut of the year at the playing field.\n\n"
        "RESOLVED that the contractor be paid.\n"
    )
    assert [item for item, _ in _items(page)] == ["4"]


@pytest.mark.parametrize("no", ["118/FC/23", "42/PCM/2024", "9/AM/21"])
def test_a_number_then_the_bodys_letters_and_year_is_the_item(no):
    page = (
        _HEAD + f"{no} – Minutes of the Last Meeting\n\n"
        "RESOLVED to accept the notes of the February meeting as a true record.\n"
    )
    assert _items(page) == [(no, "to accept the notes of the February meeting as a true record.")]


def test_a_planning_reference_of_that_shape_is_no_item():
    page = (
        _HEAD + "6. Planning\n"
        "21/CH/0567 Erection of a garden room at Vine Cottage, Mill Road.\n"
        "RESOLVED that the council raise no objection.\n"
    )
    assert [item for item, _ in _items(page)] == ["6"]


@pytest.mark.parametrize(
    "title",
    [
        "APPROVED minutes Kelso & Ednam Community Council",
        "APPROVED Minutes – Brackenfold Village Trust",
        "APPROVED minutes: Upper Tarn and Lowick Community Council",
    ],
)
def test_a_status_in_capitals_before_the_bodys_name_is_the_pages_title(title):
    page = (
        "February 2026 Minutes\n\nView as a printable page\n\n\n"
        f"{title}\nMeeting held Tuesday 3 February 2026 at 7pm in the hall\n\n"
        "Present\nAnn Bell, AB Carl Dunn, CD\n\n1 Welcome\n1.1 The chair opened the meeting.\n\n"
        "2 Minutes of the last meeting\n"
        "The minutes of January were agreed. Proposed AB, seconded CD.\n"
    )
    assert [text for _, text in _items(page)] == [
        "The minutes of January were agreed. Proposed AB, seconded CD."
    ]


@pytest.mark.parametrize(
    "line",
    [
        "APPROVED the minutes of the Finance Committee held on 2 February 2026.",
        "APPROVED minutes from the January meeting as a true record.",
    ],
)
def test_approved_in_capitals_before_what_was_approved_is_still_a_decision(line):
    page = _HEAD + "3. Minutes\n" + line + "\n"
    assert [text for _, text in _items(page)] == [line]


def _actions(text: str) -> list[tuple[str, str]]:
    return [(f.owner, f.text) for f in parse_minutes(text).followups]


@pytest.mark.parametrize(
    "motion",
    [
        "Mrs Ivy Lang to remain as Treasurer was nominated by Cllr Hoy and seconded by Cllr Orme. "
        "CARRIED",
        "Cllr Venn to serve as Chair for a further year was proposed by Cllr Ibbot, seconded by "
        "Cllr Tarn. Agreed unanimously.",
    ],
)
def test_a_nominee_and_office_proposed_is_no_action(motion):
    page = _HEAD + "4. Election of Officers\n" + motion + "\n"
    assert _actions(page) == []
    assert len(_items(page)) == 1


def test_a_directive_whose_object_was_proposed_is_still_an_action():
    page = (
        _HEAD + "5. Village Hall\n"
        "Clerk to write to the trustees about the lease the hall committee proposed last year.\n"
    )
    assert _actions(page) == [
        ("Clerk", "write to the trustees about the lease the hall committee proposed last year.")
    ]


@pytest.mark.parametrize(
    "row, decision, owner",
    [
        (
            "For Decision : To accept a quote for the fence. Proposer : Cllr Dunn Seconder : "
            "Cllr Bell Votes : 7 for Decision : The quote from Hale Fencing was accepted. RFO",
            "The quote from Hale Fencing was accepted.",
            "RFO",
        ),
        (
            "Proposed : Cllr Hoy Seconded : Cllr Orme Resolution : A grant of £250 to the "
            "youth club was approved. Clerk 2",
            "A grant of £250 to the youth club was approved.",
            "Clerk",
        ),
    ],
)
def test_a_flattened_decision_rows_resolution_cell_and_owner_cell(row, decision, owner):
    page = _HEAD + "6. Grants and Quotes\n\n" + row + "\n"
    assert [text for _, text in _items(page)] == [decision]
    assert _actions(page) == [(owner, decision)]


def test_a_flattened_decision_row_that_was_lost_is_no_decision():
    page = (
        _HEAD + "6. Grants and Quotes\n\n"
        "Proposed : Cllr Hoy Seconded : Cllr Orme Vote : Lost 3 to 5 Resolution : A grant of "
        "£900 to the bowls club was approved. Clerk\n"
    )
    assert _items(page) == []


@pytest.mark.parametrize(
    "label, owner", [("(KM to Act)", "KM"), ("[Treasurer to act]", "Treasurer")]
)
def test_a_bracketed_owner_to_act_label_after_its_sentence(label, owner):
    page = (
        _HEAD + "5. Footpaths\n"
        "Cllr Ibbot reported that the stile at Hob Lane is broken. She would ask the landowner "
        f"to mend it before the spring walks. {label}\n"
    )
    assert _actions(page) == [
        (owner, "She would ask the landowner to mend it before the spring walks.")
    ]


def test_a_bracketed_to_act_label_on_a_flattened_page():
    page = (
        "KETTLEWICK COMMUNITY COUNCIL Minutes of the meeting held on 9 March 2026. 1. Welcome: "
        "the chair welcomed everyone and thanked the hall committee for the heating. 2. "
        "Apologies: Ann Bell. 3. Matters arising: a. Bus shelter: Councillor Kim Dunn reported "
        "that the glass panel at the school stop has been replaced by the county. b. Dog bins: "
        "Councillor Kim Dunn said the bin by the green is full most weekends. He would ask the "
        "waste team to empty it twice a week in the summer. (KD to Act) c. Speeding: the police "
        "will bring the speed camera van to the main road again in April and report back. 4. "
        "Treasurer's report: the balance at the end of February was £2,410.17 and the grant "
        "from the wind farm fund has been received."
    )
    assert _actions(page) == [
        ("KD", "He would ask the waste team to empty it twice a week in the summer.")
    ]


def test_a_sentence_ending_on_to_act_is_no_owner_label():
    page = (
        _HEAD + "5. Planning\n"
        "The Clerk reported that the planning authority had asked the council to act.\n"
    )
    assert _actions(page) == []


@pytest.mark.parametrize(
    "motion",
    [
        "A rent of £30 a plot for the coming year",
        "No increase in the hall hire charges for local groups this winter",
    ],
)
def test_a_verbless_motion_before_its_movers_and_a_capital_outcome_in_a_bulleted_run(motion):
    page = (
        _HEAD + "4) Matters for Decision\n\n"
        f"• Allotments – {motion}. Proposed by Cllr Ann Bell, seconded by Cllr Carl Dunn. "
        "CARRIED • Footpaths – The stile at Hob Lane has been mended by the landowner.\n"
    )
    assert [text for _, text in _items(page)] == [
        f"• Allotments – {motion}. Proposed by Cllr Ann Bell, seconded by Cllr Carl Dunn. CARRIED"
    ]


def test_a_report_before_the_movers_is_not_what_they_moved():
    page = (
        _HEAD + "4) Matters for Decision\n\n"
        "• Allotments – The Clerk reported that two plots are empty. Proposed by Cllr Ann Bell, "
        "seconded by Cllr Carl Dunn. CARRIED\n"
    )
    assert all("reported" not in text for _, text in _items(page))


def test_a_flattened_decision_row_with_no_owner_cell_gives_no_action():
    page = (
        _HEAD + "6. Grants and Quotes\n\n"
        "Proposed : Cllr Hoy Seconded : Cllr Orme Vote : For: 6 Resolution : The bench quote was "
        "deferred to the May meeting.\n"
    )
    assert [text for _, text in _items(page)] == [
        "The bench quote was deferred to the May meeting."
    ]
    assert _actions(page) == []


@pytest.mark.parametrize(
    "bullet, outcome",
    [
        ("\u2022", "Resolved: That the proposal be accepted."),
        ("\u00b7", "RESOLVED \u2013 that the proposal be accepted."),
    ],
)
def test_a_bulleted_decision_after_a_bulleted_proposal_on_one_line(bullet, outcome):
    page = (
        _HEAD + f"2.0 Item 2. Hall Lease. {bullet} It was proposed by Cllr Hoy and seconded by "
        "Cllr Orme that the lease with the scout group be renewed for three years at the present "
        f"rent, the group to keep the hall in good order. {bullet} {outcome}\n"
    )
    assert [text.lower() for _, text in _items(page)] == ["that the proposal be accepted."]
