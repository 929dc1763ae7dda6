"""Layout variants of principal authorities' decision pages left open by branch minutesmodgov
(issue 17, branch minutestwice): a decision printed twice (under "Decision:" and again under
"Minutes:"), a numbered lead-in ending in ":" over its own "(i)" items, an attendance line under
"Decision:" followed by more paragraphs, an agenda's model resolution on a page cut before its
"Minutes:", and "X moved to a vote on ... . ... were in favour." None of these texts is taken
from a page; each kind is written in several wordings, with guards that must not be taken."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes


def _res(text: str) -> list[tuple[str, str]]:
    return [(r.item, r.text) for r in parse_minutes(text).resolutions]


def _texts(text: str) -> list[str]:
    return [r.text for r in parse_minutes(text).resolutions]


# ---------------------------------------------------------------------------------------------
# A decision printed twice, under "Decision:" and again under "Minutes:" (or at the top of its
# item and at its end): the judging rules judge both copies (rule 1; the Lewisham, Flintshire
# and batch 20 readings), so both are resolutions, each with its item number


@pytest.mark.parametrize(
    ("lead", "items", "expected"),
    [
        (
            "It was resolved to:",
            "A    Note the contents of the report.\n",
            ["Note the contents of the report."],
        ),
        (
            "RESOLVED that:",
            "A Subject to the views of the Scrutiny Panel, the revised protocol be adopted.\n"
            "B The terms of reference of the working group be amended as set out in Appendix B.\n",
            [
                "Subject to the views of the Scrutiny Panel, the revised protocol be adopted.",
                "The terms of reference of the working group be amended as set out in Appendix B.",
            ],
        ),
        (
            "RESOLVED:",
            "(1) That the quarterly performance report be noted.\n"
            "(2) That the Director of Place be asked to report back in March.\n",
            [
                "That the quarterly performance report be noted.",
                "That the Director of Place be asked to report back in March.",
            ],
        ),
    ],
)
def test_a_decision_printed_under_decision_and_minutes_is_counted_twice(lead, items, expected):
    text = (
        "12 Chief Executive's Update Report PDF 120 KB\n\n"
        "Report giving an update on the work of the authority since the last meeting.\n\n"
        f"Decision:\n\n{lead}\n\n{items}\nMinutes:\n\n"
        "The Chief Executive introduced the report and answered questions from members.\n\n"
        f"{lead}\n\n{items}"
    )
    assert _res(text) == [("12", t) for t in expected] * 2


def test_a_single_decision_printed_twice_with_its_reason_is_counted_twice():
    decision = "RESOLVED \u2013 That the Council be recommended to adopt the Community Safety Plan."
    text = (
        "88 Community Safety Plan PDF 90 KB\n\nTo consider the recommendations of the report.\n\n"
        f"Additional documents:\n\nDecision:\n\n{decision}\n\n"
        "REASON FOR DECISION: To agree the partnership's priorities.\n\nMinutes:\n\n"
        "The Cabinet Member introduced the plan.\n\n- Members welcomed the joint approach.\n"
        "- Road safety remained a concern.\n\n"
        f"{decision}\n\nREASON FOR DECISION: To agree the partnership's priorities.\n"
    )
    e = parse_minutes(text)
    assert [(r.item, r.text) for r in e.resolutions] == [
        ("88", "That the Council be recommended to adopt the Community Safety Plan.")
    ] * 2
    assert any("prints the decision twice" in u.reason for u in e.unsure)


def test_a_decision_printed_twice_asks_for_its_work_once():
    decision = "RESOLVED \u2013 That the Director of Housing be asked to report back in June."
    text = (
        "7 Housing Allocations\n\nDecision:\n\n"
        f"{decision}\n\nMinutes:\n\nThe Cabinet Member introduced the report.\n\n{decision}\n"
    )
    e = parse_minutes(text)
    assert len(e.resolutions) == 2
    assert [(f.owner, f.text) for f in e.followups] == [
        ("Director of Housing", "report back in June.")
    ]


def test_the_same_decision_in_two_items_is_two_decisions():
    # a guard: the same words under two items were always two decisions
    text = (
        "4. Quarter 1 Performance\n\nRESOLVED \u2013 That the report be noted.\n\n"
        "5. Quarter 1 Finance\n\nRESOLVED \u2013 That the report be noted.\n"
    )
    assert _res(text) == [("4", "That the report be noted."), ("5", "That the report be noted.")]


def test_a_keyword_outcome_repeated_on_each_point_is_read_once_a_point():
    # a guard: "Agreed." ending each point stays one resolution a line
    text = (
        "5. Correspondence\n\nThe letter from the school was read. Agreed.\n\n"
        "The letter from the library was read. Agreed.\n"
    )
    assert _texts(text).count("Agreed.") == 2


# ---------------------------------------------------------------------------------------------
# A numbered lead-in ending in ":" over its own "(i)" items (rule 2: the lead-in is not a
# resolution; its items are), its items keeping it as their lead-in


@pytest.mark.parametrize(
    ("lead", "kids", "expected"),
    [
        (
            "(2) That, subject to the following amendments, the Annual Report of the Committee be "
            "presented to Annual Council:",
            "(i) That a section be added on the work of the task groups; and\n\n"
            "(ii) That the foreword be updated to thank officers.\n",
            [
                ("2.i", "That a section be added on the work of the task groups; and"),
                ("2.ii", "That the foreword be updated to thank officers."),
            ],
        ),
        (
            "2. That the Cabinet:",
            "(a) approves the Local Plan timetable; and\n(b) notes the consultation responses.\n",
            [
                ("2.a", "approves the Local Plan timetable; and"),
                ("2.b", "notes the consultation responses."),
            ],
        ),
        (
            "(2) That the Committee agrees the following:-",
            "(a) To endorse the revised risk register.\n(b) To approve the audit plan.\n",
            [
                ("2.a", "To endorse the revised risk register."),
                ("2.b", "To approve the audit plan."),
            ],
        ),
    ],
)
def test_a_numbered_lead_in_over_its_own_clauses_is_not_a_resolution(lead, kids, expected):
    text = (
        "6.\n\nAnnual Report\n\nMinutes:\n\nThe Chair presented the draft report.\n\nRESOLVED:\n\n"
        f"(1) That the work of the Committee during the year be noted.\n\n{lead}\n\n{kids}\n"
        "(3) That the Chair be thanked.\n"
    )
    got = [(r.number, r.text) for r in parse_minutes(text).resolutions]
    assert got == [
        ("1", "That the work of the Committee during the year be noted."),
        *expected,
        ("3", "That the Chair be thanked."),
    ]


def test_the_items_under_a_numbered_lead_in_name_who_is_asked():
    text = (
        "RESOLVED:\n\n1. That the report be noted.\n\n2. That the Director of Finance be asked "
        "to:\n\n(a) report on the budget in June; and\n\n(b) consult the Leader on the fees.\n"
    )
    e = parse_minutes(text)
    assert [r.number for r in e.resolutions] == ["1", "2.a", "2.b"]
    assert [(f.owner, f.text) for f in e.followups] == [
        ("Director of Finance", "report on the budget in June"),
        ("Director of Finance", "consult the Leader on the fees."),
    ]


@pytest.mark.parametrize(
    ("lead", "kids"),
    [
        # a guard: a lead-in over its data stays the decision (batch 7, batch 15)
        (
            "(2) That the Member Panel be requested to approve appointments on the following "
            "basis:-",
            "(i) Three Elected Members;\n(ii) the Lead Executive Member.\n",
        ),
        # a guard: a lead-in over what it notes, not clauses, is left whole
        ("(2) That the Committee notes:", "(i) the risks; and\n(ii) the costs.\n"),
    ],
)
def test_a_numbered_lead_in_over_data_keeps_its_lead_in(lead, kids):
    text = f"RESOLVED:\n\n(1) That the report be noted.\n\n{lead}\n{kids}"
    assert "2" in [r.number for r in parse_minutes(text).resolutions]


# ---------------------------------------------------------------------------------------------
# "Decision:" over an attendance line followed by more paragraphs of the same item (not its
# "Minutes:"): rule 1 reads the text under the label as the decision


@pytest.mark.parametrize(
    "after",
    [
        "Having given due notice, Councillor Brown advised that she would be substituting for "
        "Councillor Jones.\n\n",
        "Audio recording \u2013 1 minute 20 seconds\n\nThe Chair welcomed the new members.\n\n",
    ],
)
@pytest.mark.parametrize(
    "nxt",
    [
        "2\n\nMINUTES - 4 MARCH 2024\n\nDecision:\n\nRESOLVED: That the minutes of the meeting "
        "held on 4 March 2024 be approved as a true record.\n",
        "",  # the page cut after the first item
    ],
)
def test_the_attendance_under_a_decision_label_with_paragraphs_after_it(after, nxt):
    report = "Apologies for absence were received from Councillors Smith and Jones."
    text = f"1\n\nAPOLOGIES FOR ABSENCE\n\nDecision:\n\n{report}\n\n{after}{nxt}"
    got = _res(text)
    assert got[0] == ("1", report)
    assert len(got) == (2 if nxt else 1)


def test_each_attendance_field_with_a_paragraph_after_it_is_its_items_decision():
    text = (
        "1.\n\nApologies for Absence\n\nDecision:\n\nApologies for absence were received from "
        "Councillor Smith.\n\nThere were no substitutes.\n\n2.\n\nDeclarations of Interest\n\n"
        "Decision:\n\nThere were no declarations of interest.\n\nThe Chair reminded members of "
        "the code of conduct.\n\n3.\n\nMinutes\n\nDecision:\n\nRESOLVED: That the minutes be "
        "approved.\n"
    )
    assert _res(text) == [
        ("1", "Apologies for absence were received from Councillor Smith."),
        ("2", "There were no declarations of interest."),
        ("3", "That the minutes be approved."),
    ]


def test_an_attendance_line_above_the_decision_in_its_field_is_not_the_decision():
    # a guard: the field's decision is under the RESOLVED that follows
    text = (
        "3\n\nMINUTES\n\nDecision:\n\nApologies for absence were received from Councillor Smith."
        "\n\nThe Committee considered the minutes of the last meeting.\n\n"
        "RESOLVED: That the minutes be approved as a true record.\n"
    )
    assert _texts(text) == ["That the minutes be approved as a true record."]


# ---------------------------------------------------------------------------------------------
# An agenda's model resolution ("If so, to formally pass the following resolution:-" over
# "RESOLVED - That ...") on a page cut before that item's "Minutes:"


@pytest.mark.parametrize(
    "lead",
    [
        "c)  If so, to formally pass the following resolution:-",
        "To consider passing the following resolution:",
        "(2) Consider and, if so decided, adopt the following resolution:",
        "If so, to pass the following resolution:-",
    ],
)
@pytest.mark.parametrize("cut", ["", " during consideration of the exempt parts of the agenda.\n"])
def test_an_agendas_model_resolution_on_a_page_cut_before_its_minutes(lead, cut):
    text = (
        "1.\n\nElection of the Chair\n\nMinutes:\n\nRESOLVED \u2013 That Councillor J Lennox be "
        "elected as Chair for the meeting.\n\n3.\n\nExempt Information - Possible Exclusion of the "
        "Press and Public\n\na)  To highlight reports which contain exempt information.\n\n"
        f"{lead}\n\n  RESOLVED \u2013 That the press and public be excluded from the meeting{cut}"
    )
    assert _texts(text) == ["That Councillor J Lennox be elected as Chair for the meeting."]


def test_a_motion_to_pass_the_resolution_in_the_minutes_is_the_decision():
    # a guard: minutes that record the motion, not the agenda's model wording
    text = (
        "9.\n\nExclusion of the Press and Public\n\nMinutes:\n\nIt was moved and seconded that "
        "the Committee pass the following resolution:\n\nRESOLVED \u2013 That the press and "
        "public be excluded from the meeting for the following item.\n"
    )
    assert _texts(text) == [
        "That the press and public be excluded from the meeting for the following item."
    ]


# ---------------------------------------------------------------------------------------------
# "The Legal Officer moved to a vote on ... . ... were in favour.": a motion with its outcome
# (rule 4), the whole motion as its text


@pytest.mark.parametrize(
    "motion",
    [
        "The Legal Officer moved to a vote on the minutes of the meeting held on 21 July. "
        "Councillors Smith, Jones and Brown were in favour.",
        "The Chair moved to a vote on the 4 August minutes. All Members present were in favour.",
        "The Democratic Services Officer moved to a vote on the recommendation. Councillor Green "
        "abstained. Three Members were in favour.",
        "The Legal Officer then moved to a vote on the minutes of 9 September, and Councillors "
        "Smith and Jones were in favour.",
    ],
)
def test_a_vote_moved_with_members_in_favour_is_a_motion_carried(motion):
    text = f"5.\n\nMinutes\n\nMinutes:\n\nMembers considered the draft minutes.\n\n{motion}\n"
    assert _res(text) == [("5", motion)]


@pytest.mark.parametrize(
    "motion",
    [
        # guards: a vote lost, or moved with no outcome written, is no decision
        "The Legal Officer moved to a vote on the application. Two Members were in favour and "
        "three against.",
        "The Legal Officer moved to a vote on the minutes of the meeting held on 21 July.",
        "The Chair moved to a vote on the application. The vote was lost.",
    ],
)
def test_a_vote_moved_and_lost_or_without_its_outcome_is_not_a_decision(motion):
    text = f"5.\n\nMinutes\n\nMinutes:\n\nMembers considered the draft minutes.\n\n{motion}\n"
    assert _texts(text) == []


def test_a_vote_with_members_against_goes_to_review_with_its_reason():
    text = (
        "5.\n\nPlanning Application\n\nMinutes:\n\nThe Legal Officer moved to a vote on the "
        "application. Two Members were in favour and three against.\n"
    )
    e = parse_minutes(text)
    assert e.resolutions == ()
    assert any("may have been lost" in u.reason for u in e.unsure)
