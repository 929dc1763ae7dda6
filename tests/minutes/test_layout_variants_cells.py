"""Pages whose table layout was lost when they were published (issue 17, point 1): a decision
record laid out one cell a line ("1." / "Agreed" / the decision), a table's "Item" / "Decision"
header cells then its values one a line, an item code glued to its title ("A5Audit Committee
report"), a bare "That ..." after a flattened "Minutes:" label, a ModernGov "Decision:" label
and its text on lines of their own with blank lines between, and a page flattened onto a few
long lines. None of these texts is taken from a page; each kind is written in several wordings,
with guards: agenda titles one a line are not decisions, and an attendance list one name a line
stays attendance."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes


def _res(text: str) -> list[tuple[str, str]]:
    return [(r.item, r.text) for r in parse_minutes(text).resolutions]


def _actions(text: str) -> list[tuple[str, str]]:
    return [(f.owner, f.text) for f in parse_minutes(text).followups if f.source != "resolution"]


# A decision record, one cell a line ---------------------------------------------------------


@pytest.mark.parametrize("word", ["Agreed", "AGREED", "Resolved", "RESOLVED", "Decision"])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_decision_record_one_cell_a_line_gives_each_decision_under_its_number(word, gap):
    rows = [
        ("1.", "the revised Integration Scheme for submission to Ministers."),
        ("2.", "the appointment of the Chief Finance Officer from 1 April."),
        ("3.", "the draft budget for consultation with partners."),
    ]
    text = "DECISIONS OF THE MEETING\n\n" + gap.join(
        f"{no}{gap}{word}{gap}{what}" for no, what in rows
    )
    assert _res(text) == [(no.rstrip("."), what) for no, what in rows]


@pytest.mark.parametrize("header", [("Item", "Decision"), ("Agenda Item", "Decision Made"),
                                    ("No.", "Item", "Decision")])  # fmt: skip
def test_item_and_decision_header_cells_then_values_one_a_line(header):
    rows = [
        ("4", "Budget Monitoring", "That the report be noted."),
        ("5", "Capital Programme", "That the revised programme be approved."),
    ]
    cells: list[str] = list(header)
    for no, title, decision in rows:
        cells += [no, title, decision] if len(header) == 3 else [f"{no}. {title}", decision]
    text = "Record of Decisions\nCabinet, 3 May 2023\n\n" + "\n".join(cells) + "\n"
    assert _res(text) == [(no, decision) for no, _, decision in rows]


# An item code glued to its title ------------------------------------------------------------


@pytest.mark.parametrize("code", ["A5", "B12", "C3"])
@pytest.mark.parametrize(
    "title", ["Audit Committee report for 2022/23", "Risk Register", "INTERNAL AUDIT PLAN"]
)
def test_an_item_code_glued_to_its_title_is_the_item_of_its_bare_decision(code, title):
    text = f"{code}{title}\nThe Head of Audit presented the report.\nThat the report be noted.\n"
    assert _res(text) == [(code, "That the report be noted.")]


def test_a_glued_code_is_not_read_in_an_ordinary_word():
    text = "5. Risk Register\nThe Head of Audit presented the report.\nThat the report be noted.\n"
    assert _res(text) == [("5", "That the report be noted.")]


# A bare "That ..." after a flattened "Minutes:" label --------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "That the Motion be referred to the Strategic Policy and Resources Committee.",
        "That the report be noted.",
        "That the recommendations of the Licensing Sub-Committee be adopted.",
    ],
)
@pytest.mark.parametrize("same_line", [True, False])
def test_a_bare_that_clause_under_a_flattened_minutes_label_is_the_items_decision(
    clause, same_line
):
    label = f"Minutes: {clause}" if same_line else f"Minutes:\n\n{clause}"
    text = (
        "7.\n\nNotice of Motion - Climate Emergency\n\nAdditional documents:\n\n"
        f"{label}\n\n8.\n\nAny Other Business\n\nMinutes:\n\nThere was none.\n"
    )
    assert _res(text) == [("7", clause)]


def test_a_that_comment_after_a_minutes_label_with_discussion_is_not_taken():
    text = (
        "7.\n\nBudget Update\n\nMinutes:\n\nThe Director presented the update.\n\n"
        "That, said Councillor Smith, was a matter for the Cabinet.\n"
    )
    assert _res(text) == []


# ModernGov "Decision:" and its text on lines of their own ------------------------------------


@pytest.mark.parametrize("blanks", ["\n\n", "\n\n\n", "\n \n\n"])
@pytest.mark.parametrize("label", ["Decision:", "Decisions:", "DECISION:", "Decision Made:"])
def test_a_decision_label_and_its_text_apart_with_blank_lines_between(blanks, label):
    text = (
        f"12.{blanks}Treasury Management Mid-Year Review{blanks}{label}{blanks}"
        f"That the report be noted.{blanks}"
        f"13.{blanks}Fees and Charges 2024/25{blanks}{label}{blanks}"
        f"That the fees and charges set out in Appendix A be approved.{blanks}"
    )
    assert _res(text) == [
        ("12", "That the report be noted."),
        ("13", "That the fees and charges set out in Appendix A be approved."),
    ]


# A page flattened onto a few long lines ------------------------------------------------------


_TALK = (
    "The officer explained the background and members asked questions about the figures, "
    "which were answered in full. "
)


@pytest.mark.parametrize("dash", [" - ", ": ", " \u2013 "])
def test_a_page_flattened_onto_a_few_long_lines_gives_each_items_decision(dash):
    first = (
        "MINUTES of the meeting of the Audit Committee held on 4 May 2023 Present: Councillors "
        "Ahmed, Brown and Clarke 1. Apologies for Absence Apologies were received from "
        f"Councillor Davies. 2. Minutes RESOLVED{dash}That the minutes of the meeting held on "
        "2 March 2023 be approved as a correct record. 3. Internal Audit Annual Report The Head "
        f"of Audit presented the report. {_TALK * 3}RESOLVED{dash}That the annual report be noted."
    )
    second = (
        f"4. Risk Register The Risk Manager presented the register. {_TALK * 4}RESOLVED{dash}That "
        f"the revised register be approved. 5. Date of Next Meeting RESOLVED{dash}That the next "
        "meeting be held on 6 July 2023."
    )
    assert min(len(first), len(second)) > 600  # longer than any line of a page laid out
    assert _res(f"{first}\n{second}\n") == [
        ("2", "That the minutes of the meeting held on 2 March 2023 be approved as a correct "
              "record."),
        ("3", "That the annual report be noted."),
        ("4", "That the revised register be approved."),
        ("5", "That the next meeting be held on 6 July 2023."),
    ]  # fmt: skip


# Guards ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_agenda_titles_one_a_line_are_not_decisions(gap):
    cells = [
        "Item", "Title", "1.", "Apologies for Absence", "2.", "Minutes of the last meeting",
        "3.", "Agreed Syllabus for Religious Education", "4.", "Approved Premises Update",
        "5.", "Noted Items",
    ]  # fmt: skip
    text = "AGENDA\nSchools Forum\n\n" + gap.join(cells) + "\n"
    assert _res(text) == []
    assert _actions(text) == []


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_an_attendance_list_one_name_a_line_stays_attendance(gap):
    cells = [
        "Present:", "Councillor A Smith (Chair)", "Councillor B Jones", "Councillor C Brown",
        "Apologies:", "Councillor D Green", "Also in attendance:", "J Bloggs (Clerk)",
        "1.", "Budget", "Resolved", "That the budget be approved.",
    ]  # fmt: skip
    text = gap.join(cells) + "\n"
    assert _res(text) == [("1", "That the budget be approved.")]
    assert _actions(text) == []


def test_a_record_title_in_capitals_is_not_a_decision_but_a_decision_of_a_panel_is_read():
    text = "DECISIONS OF THE CABINET\n\n1.\nRESOLVED\nThat the budget be approved.\n"
    assert _res(text) == [("1", "That the budget be approved.")]


def test_a_number_after_a_word_of_the_sentence_stays_in_its_sentence():
    talk = "Members discussed the options for the play area at some length. " * 8
    text = (
        f"4. Play Area {talk}Cllr Smith said that he supported option 5. It was agreed that "
        f"the equipment be repaired. {talk}5. Date of Next Meeting The next meeting will be "
        "held on 3 June.\n"
    )
    assert _res(text) == [("4", "that the equipment be repaired.")]


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
@pytest.mark.parametrize("label", ["Decision", "DECISION", "Decisions:"])
def test_verb_first_decisions_one_cell_a_line_under_a_decision_label(gap, label):
    text = gap.join(
        [
            "The Committee considered a report on the revised Scheme of Delegation.",
            label,
            "1.",
            "Agreed the revised Scheme of Delegation (Appendix 1).",
            "2.",
            "Noted that a similar report will go to the Health Board in March.",
            "3.",
            "Approved the timetable for consultation.",
        ]
    )
    assert [t for _, t in _res(text + "\n")] == [
        "Agreed the revised Scheme of Delegation (Appendix 1).",
        "Noted that a similar report will go to the Health Board in March.",
        "Approved the timetable for consultation.",
    ]


@pytest.mark.parametrize("word", ["Agreed", "Resolved"])
def test_a_decision_labels_rows_in_three_cells_and_wrapped_are_each_read(word):
    text = (
        "The Committee considered a report on the revised Scheme of Delegation.\nDecision\n"
        f"1.\n{word}\nthe revised Scheme of Delegation (Appendix 1), which has been updated to\n"
        "reflect comments from the working group.\n2.\nNoted that a similar\n"
        "report will go to the Health Board in March.\n"
        "3. Agreed that the Chief Executive submit the revised Scheme to Ministers.\n"
        "(Ref: Report by Head of Legal dated 3 May 2023, submitted)\n"
    )
    found = [t for _, t in _res(text)]
    assert len(found) == 3
    assert found[0].endswith(
        "the revised Scheme of Delegation (Appendix 1), which has been updated to reflect "
        "comments from the working group."
    )
    assert found[1:] == [
        "Noted that a similar report will go to the Health Board in March.",
        "that the Chief Executive submit the revised Scheme to Ministers.",
    ]
