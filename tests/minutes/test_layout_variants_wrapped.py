"""The same minutes read the same whatever their layout (issue 17, point 1): hard-wrapped at
60, 80 or 120 columns as text taken out of a PDF is, with a printed page's number, signature
line or running header in the middle of a sentence, or flattened onto one line. None of these
texts is taken from a page. Guards: lines a page ended on purpose (titles, list items, rows of
columns) are not joined, and a page whose lines are not wrapped is not read as if it were."""

from __future__ import annotations

import re

import pytest

from tracker.minutes import parse_minutes
from tracker.minutes.learnt.layouts import wrap


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _read(text: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    ex = parse_minutes(text)
    res = [(r.item, _words(r.text)) for r in ex.resolutions]
    acts = [(f.owner, _words(f.text)) for f in ex.followups if f.source != "resolution"]
    return res, acts


# Each page is written one paragraph a line, as a web page gives it; the tests wrap it.
PARISH = """MINUTES OF THE MEETING OF ASHCOMBE PARISH COUNCIL HELD ON 12 MARCH 2024

Present: Councillors Peters (Chairman), Okafor, Lindqvist and Hughes; the Clerk.

24/031 Apologies
Apologies were received from Councillor Brennan, who was attending a meeting of the District Council Planning Committee on the same evening.

24/032 Minutes of the previous meeting
It was resolved that the minutes of the meeting held on 13 February 2024 be approved as a correct record and signed by the Chairman.

24/033 Village Hall grant
The Council considered a request from the Village Hall Management Committee for help towards replacing the kitchen. It was resolved that a grant of £750 be made to the Village Hall Management Committee towards the cost of the new kitchen in the 2024/25 financial year.

24/034 Footpaths
RESOLVED that Councillor Lindqvist be appointed as the Council's representative on the Ashcombe and Westerleigh Footpaths Working Group until the Annual Meeting in May 2025.
ACTION: Clerk to write to the Highways Authority about the flooding of the footway on Mill Lane near the junction with Church Street.
Councillor Okafor to obtain three quotations for clearing the overgrown hedge along the path from Church Street to the recreation ground.
"""

BOARD = """MINUTES OF THE HEALTH AND WELLBEING BOARD, 4 JUNE 2024

5. Better Care Fund Plan 2024/25
The Board received a report from the Director of Adult Social Care setting out the proposed Better Care Fund plan and the national conditions that the plan had to meet before submission.
RESOLVED:
(1) That the Better Care Fund plan for 2024/25 be approved for submission to NHS England by the national deadline of 10 June 2024.
(2) That authority be delegated to the Director of Adult Social Care, in consultation with the Chair, to agree any minor changes required by the regional assurance panel.

6. Joint Strategic Needs Assessment
The Board agreed that the refreshed Joint Strategic Needs Assessment chapter on children's oral health be published on the council's website once the data tables had been checked.
Action: the Director of Public Health to bring a summary of the oral health findings to the Board meeting in September with proposals for the schools programme.
"""

PAGES = {"parish": PARISH, "board": BOARD}


@pytest.mark.parametrize("page", sorted(PAGES))
def test_the_pages_read_as_written(page):
    res, acts = _read(PAGES[page])
    assert len(res) >= 3 and len(acts) >= 1  # the baseline the variants are held to


@pytest.mark.parametrize("width", [60, 72, 80, 100, 120])
@pytest.mark.parametrize("page", sorted(PAGES))
def test_minutes_hard_wrapped_at_any_width_read_as_written(page, width):
    text = PAGES[page]
    assert _read(wrap(text, width)) == _read(text)


_FURNITURE = [
    "Page 2 of 3",
    "- 2 -",
    "2",
    "Signed ................................ Chairman",
    "Chairman's initials ..........",
    "Ashcombe Parish Council 12 March 2024",
]


@pytest.mark.parametrize("furniture", _FURNITURE)
@pytest.mark.parametrize("page", sorted(PAGES))
def test_a_sentence_carried_over_a_printed_page_break_reads_as_one(page, furniture):
    text = PAGES[page]
    wrapped = wrap(text, 72).split("\n")
    # a page break in the middle of every sentence wrapped over more than one line
    out: list[str] = []
    for k, line in enumerate(wrapped):
        out.append(line)
        nxt = wrapped[k + 1] if k + 1 < len(wrapped) else ""
        if len(line) > 60 and nxt and not line.endswith((".", ":")):
            out += ["", furniture, ""]
    assert _read("\n".join(out)) == _read(text)


# Guards ---------------------------------------------------------------------------------------


def test_lines_a_page_ended_on_purpose_are_not_joined_when_it_is_wrapped():
    # a wrapped page whose decision is followed by a list, a title and a row of columns
    text = wrap(PARISH, 72) + (
        "\n\n24/035 Payments\n"
        "RESOLVED that the following payments be approved for the month of March 2024:\n"
        "Clerk's salary and expenses for March 2024          £612.40\n"
        "Ashcombe Village Hall, room hire for two meetings   £36.00\n"
        "\n24/036 Date of next meeting\n"
        "The next meeting will be held on Tuesday 9 April 2024 at the Village Hall\n"
    )
    res, _ = _read(text)
    assert ("24/035", "that the following payments be approved for the month of March 2024:") in res
    assert not any("Village Hall, room hire" in t or "next meeting" in t for _, t in res)


def test_a_page_of_unwrapped_paragraphs_is_not_read_as_wrapped():
    # paragraphs of every length, one a line: a long line not ending a sentence is a title
    text = (
        "8. Community Infrastructure Levy receipts and the draft spending priorities for 2024\n"
        "Members noted that the Council had received £4,210 in the second half of the year.\n"
        "Councillors discussed at length the options for spending it on the play area, the "
        "car park resurfacing and the bus shelter on Station Road, and asked for costings.\n"
        "9. Correspondence\n"
        "RESOLVED that the correspondence be noted.\n"
    )
    res, _ = _read(text)
    assert res == [("9", "that the correspondence be noted.")]


# Flattened onto one line ----------------------------------------------------------------------


FLAT_ITEMS = (
    "5. Open Public Session 5.1. Views of residents 5.1.1. A resident asked about the "
    "closure of the footpath by the church. Clerk to action 5.2. Report from the Police "
    "5.2.1. The PCSO sent a written report. Clerk to circulate the report to all Councillors. "
    "5.3. Report from the Locality Steward 5.3.1. Mr Evans agreed to arrange for the fly "
    "tipping at the lay-by to be collected. Mr Evans to action 6. Lengthsman Scheme 6.1. The "
    "Council RESOLVED to sign the new Lengthsman contract for 2024/25. Clerk to return the "
    "signed contract to the County Council. 6.2. The Lengthsman reported that he had cleared "
    "the drains on Back Lane and cut the verges at the entrance to the village."
)


def test_a_page_flattened_onto_one_line_keeps_its_labels_with_their_sentences():
    assert len(FLAT_ITEMS) > 600  # a page's worth of text on one line
    res, acts = _read(FLAT_ITEMS)
    assert ("6.1", "to sign the new Lengthsman contract for 2024/25.") in res
    assert (
        "Clerk",
        "A resident asked about the closure of the footpath by the church.",
    ) in acts
    assert (
        "Mr Evans",
        "Mr Evans agreed to arrange for the fly tipping at the lay-by to be collected.",
    ) in acts
    assert ("Clerk", "return the signed contract to the County Council.") in acts
    assert not any(t.endswith(("5.2.", "6.", "5.3.")) for _, t in acts)


def test_bullets_flattened_after_a_sentence_are_decisions_of_their_own():
    text = (
        "3. Office bearers\n"
        + (
            "The meeting considered nominations for the office bearers of the Community "
            "Council for the coming year and the arrangements for the annual general meeting. "
        )
        * 4
        + "- It was agreed to appoint Morag Sinclair as Convener of the Community Council. "
        "- It was agreed to defer the appointment of a Vice Convener to the next meeting. "
        "- It was agreed to appoint Euan Grant as Treasurer.\n"
    )
    res, _ = _read(text)
    assert [t for _, t in res] == [
        "to appoint Morag Sinclair as Convener of the Community Council.",
        "to defer the appointment of a Vice Convener to the next meeting.",
        "to appoint Euan Grant as Treasurer.",
    ]


# A keyword after the movers, a directive after a year -----------------------------------------


@pytest.mark.parametrize(
    "motion",
    [
        "Cllr Ahmed proposed and Cllr Brown seconded and it was unanimously approved",
        "It was proposed by Cllr Ahmed and seconded by Cllr Brown and unanimously approved",
        "Proposed by Cllr Ahmed, seconded by Cllr Brown, all in favour,",
    ],
)
@pytest.mark.parametrize("kw", ["RESOLVED", "AGREED"])
def test_a_keyword_in_capitals_after_the_movers_starts_the_decision(motion, kw):
    text = f"4. Payments\n{motion} {kw} to approve the payments listed in the schedule.\n"
    res, _ = _read(text)
    assert res == [("4", "to approve the payments listed in the schedule.")]


@pytest.mark.parametrize("year", ["2024/25", "2025"])
@pytest.mark.parametrize("who", ["Clerk", "The Clerk", "JP"])
def test_a_directive_after_a_decision_ending_in_a_year_is_an_action(year, who):
    text = (
        f"7. Grass cutting\nRESOLVED to accept the quotation from Vale Gardens for {year}. "
        f"{who} to notify the contractor and the two unsuccessful firms.\n"
    )
    res, acts = _read(text)
    assert res == [("7", f"to accept the quotation from Vale Gardens for {year}.")]
    assert acts == [(who, "notify the contractor and the two unsuccessful firms.")]


# Action logs and lists flattened onto one line ------------------------------------------------


_ROWS = [
    ("HM", "HM to book the community centre for the autumn workshop."),
    ("Partner agencies", "Partner agencies to send HM their training dates for the next quarter."),
    ("RT", "RT to circulate the revised terms of reference to all members."),
    ("All", "Members to review the draft risk register before the next meeting."),
]


@pytest.mark.parametrize("sep", [" / ", " | "])
@pytest.mark.parametrize("dated", [True, False])
def test_an_action_log_flattened_onto_one_line_gives_each_row(sep, dated):
    header = sep.join(
        ["No", "Date", "Action", "Owner", "Status"] if dated else ["No", "Action", "Owner"]
    )
    rows = " ".join(
        sep.join([f"{n}", "14/03/24", task, owner, "Open"] if dated else [f"{n}.", task, owner])
        for n, (owner, task) in enumerate(_ROWS, 1)
    )
    text = (
        "LOCAL PARTNERSHIP GROUP MEETING 14 MARCH 2024 Present: Helen Marr (HM), Rob Toms (RT), "
        "Sam Iqbal (SI) and representatives of the partner agencies. " + header + " " + rows
    )
    _, acts = _read(text)
    tasks = [t for _, t in acts]
    for _, task in _ROWS:
        assert any(task.split(" to ", 1)[1].rstrip(".") in t for t in tasks), task
    assert not any(sep.strip() + " 2" in t or "14/03/24 /" in t for t in tasks)


@pytest.mark.parametrize("marker", ["{n})", "({n})", "{n}."])
def test_a_numbered_list_of_actions_flattened_after_its_label_gives_each_item(marker):
    items = [
        "A planning application for the new shelter is to be submitted.",
        "The Clerk is to obtain two further quotations for the shelter.",
        "JB to ask the landowner about access across the field.",
    ]
    text = (
        "BUS SHELTER. The Council discussed the state of the bus shelter on Station Road at length, "
        "including the cost of repairs against a replacement, and the grants that might be available "
        "from the County Council and the wind farm community fund for either option. Actions agreed; "
        + " ".join(f"{marker.format(n=n)} {t}" for n, t in enumerate(items, 1))
        + " PLANNING. No applications had been received."
        + " The Chairman closed the meeting at 9.10pm." * 6
    )
    assert len(text) > 600  # a page's worth of text on one line
    _, acts = _read(text)
    owners = [o for o, _ in acts]
    assert "The Clerk" in owners and "JB" in owners
    assert not any("2)" in t or "(3)" in t for _, t in acts)


@pytest.mark.parametrize("furniture", ["Page 2 of 3", "- 2 -", "Signed .............. Chairman"])
@pytest.mark.parametrize("where", ["between", "before"])
def test_a_list_of_decisions_across_a_printed_page_break_keeps_its_items(furniture, where):
    lines = BOARD.split("\n")
    at = next(k for k, line in enumerate(lines) if line.startswith("(2)"))
    if where == "before":
        at = next(k for k, line in enumerate(lines) if line.startswith("(1)"))
    text = "\n".join(lines[:at] + ["", furniture, ""] + lines[at:])
    assert _read(text) == _read(BOARD)


# An action sheet whose cells are joined with " | " instead of " / " ----------------------------

_SHEET = """Local Safeguarding Partnership

Action Sheet, 3 October 2024

1.{s}The training group had asked for a course for new trustees
Priya to draft a specification for the course{s}Priya
2.{s}Circulate the updated escalation policy to all partners{s}Tom
3.{s}Tom to set up a task group on transitions to adult services.{s}Tom
4.{s}Priya will send each partner the audit findings that concern them.{s}Priya
"""


@pytest.mark.parametrize("sep", [" | ", " / "])
def test_an_action_sheet_with_its_cells_joined_by_pipes_reads_as_one_joined_by_slashes(sep):
    _, acts = _read(_SHEET.format(s=sep))
    owners = sorted(o for o, _ in acts)
    assert owners == ["Priya", "Priya", "Tom", "Tom"]
    assert not any("|" in t or " / " in t for _, t in acts)


def test_a_contact_line_with_pipes_is_not_a_table():
    text = (
        "Clerk: Mrs J Hart | Email: clerk@example.org | Tel: 01234 567890\n\n"
        "1. Minutes\nRESOLVED that the minutes of the meeting held on 4 June be approved.\n"
    )
    res, acts = _read(text)
    assert res == [("1", "that the minutes of the meeting held on 4 June be approved.")]
    assert acts == []


@pytest.mark.parametrize(
    "line",
    [
        "Signed as true by Chair (GR) Proposed by GB sec all",
        "Signed as true by Chair (JS) Proposed by AB sec CD",
        "Signed as a true record by the Chair. Proposed by AB sec all",
    ],
)
def test_the_minutes_signed_as_a_true_record_are_not_a_signature_line(line):
    # a signature line ("Signed ...... Chairman") is the page's furniture; a line saying the
    # last minutes were signed as a true record is the item's outcome
    page = (
        "MINUTES OF THE MEETING OF ASHCOMBE PARISH COUNCIL HELD ON 12 MARCH 2024\n\n"
        "3/ Apologies\nN Allen - work\n\n"
        f"4/ Minutes of the February meeting\n{line}\n\n"
        "5/ Parish Property\nThe Council agreed to repair the bus shelter roof.\n"
    )
    res, _ = _read(page)
    assert ("4", _words(line)) in res
