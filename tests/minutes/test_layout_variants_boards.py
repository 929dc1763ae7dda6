"""Layouts of health board, integration joint board, Scottish and Northern Irish council, fire
authority and combined authority minutes that a sweep over real pages showed the reader missing
(none of these texts is taken from a page; each kind in several wordings, with guards that must
not be taken): runs of decisions in capitals ("The Board NOTED ... / The Board APPROVED ..."),
such capitals as the items of the body's lead-in, a committee's "RECOMMENDS TO THE BOARD:", a
motion's "Moved by A, Seconded by B and Resolved - That ..." within its line, and an "Action by:"
list of officers under a decision."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes


def _res(text: str) -> list[tuple[str, str]]:
    return [(r.item, r.text) for r in parse_minutes(text).resolutions]


def _actions(text: str) -> list[tuple[str, str]]:
    return [(f.owner, f.text) for f in parse_minutes(text).followups if f.source != "resolution"]


_ITEM = "5. Financial Performance\nThe Director of Finance presented the report on month 6.\n\n"


@pytest.mark.parametrize("body", ["The Board", "The Integration Joint Board", "The Fire Authority",
                                  "The Audit and Risk Committee", "The IJB"])  # fmt: skip
@pytest.mark.parametrize(
    "verbs", [("NOTED", "APPROVED", "ENDORSED"), ("AGREED", "SUPPORTED", "RATIFIED")]
)
def test_a_run_of_decisions_in_capitals_is_one_resolution_each(body, verbs):
    lines = [
        f"{body} {verbs[0]} the financial position at month 6.",
        f"{body} {verbs[1]} the revised savings plan.",
        f"{body} {verbs[2]} the recovery actions set out in section 4.",
    ]
    text = _ITEM + "\n".join(lines) + "\n\n6. Workforce Report\nThe report was deferred.\n"
    assert _res(text) == [("5", line) for line in lines]


@pytest.mark.parametrize("bullet", ["\u2022", "-", "\u00b7"])
@pytest.mark.parametrize("lead", ["The Integration Joint Board:", "The Board:", "The Committee;"])
def test_capitals_opening_the_bullets_of_the_bodys_lead_in_are_its_items(bullet, lead):
    text = (
        f"{_ITEM}{lead}\n{bullet} NOTED the progress made in the first year;\n"
        f"{bullet} APPROVED the revised plan for 2023/24; and\n"
        f"{bullet} INSTRUCTED the Chief Officer to report back in six months.\n\n"
        "6. Audit Scotland Report\nThe report was deferred.\n"
    )
    assert [t for _, t in _res(text)] == [
        "NOTED the progress made in the first year",
        "APPROVED the revised plan for 2023/24",
        "INSTRUCTED the Chief Officer to report back in six months.",
    ]


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("RECOMMENDS TO THE BOARD: that the annual accounts be approved.",
         "that the annual accounts be approved."),
        ("The Committee RECOMMENDS TO THE INTEGRATION JOINT BOARD that the audit plan be "
         "approved.", "that the audit plan be approved."),
        ("The Audit and Risk Committee RECOMMENDS TO COUNCIL - That the strategy be adopted.",
         "That the strategy be adopted."),
    ],
)  # fmt: skip
def test_a_recommendation_to_the_parent_body_is_this_meetings_decision(line, want):
    text = f"3. Annual Accounts\nThe Committee considered the draft accounts.\n\n{line}\n"
    assert _res(text) == [("3", want)]


def test_a_recommendation_to_the_board_over_a_list_gives_each_item():
    text = (
        "3. Annual Accounts\nThe Committee considered the draft accounts.\n\n"
        "The Audit and Risk Committee RECOMMENDS TO THE BOARD:\n"
        "(a) that the annual accounts be approved; and\n"
        "(b) that the letter of representation be signed.\n"
    )
    assert [t.removesuffix("; and") for _, t in _res(text)] == [
        "that the annual accounts be approved",
        "that the letter of representation be signed.",
    ]


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Moved by the Mayor, Seconded by the Deputy Mayor and Resolved \u2013 That the minutes "
         "of the meeting of 7th January be taken as read.",
         "That the minutes of the meeting of 7th January be taken as read."),
        ("It was moved by Councillor A, seconded by Councillor B and RESOLVED, that - the name "
         "Oak Lane be approved.", "that - the name Oak Lane be approved."),
        ("Moved by Alderman Smith, Seconded by Councillor Jones and Agreed - that the planning "
         "applications be approved.", "that the planning applications be approved."),
    ],
)  # fmt: skip
def test_a_motion_moved_seconded_and_resolved_within_its_line(line, want):
    text = f"8. Minutes\nThe minutes were considered.\n\n{line}\n\n9. Planning\nNone.\n"
    assert _res(text) == [("8", want)]


def test_a_motion_flattened_after_its_title_on_one_line():
    text = (
        "Apologies Apologies were reported from Councillors A and B. Minutes Moved by the Lord "
        "Mayor, Seconded by the Deputy Lord Mayor and Resolved \u2013 That the minutes of the "
        "Monthly Meeting of the Council of 7th January be taken as read and signed as correct.\n"
    )
    assert [t for _, t in _res(text)] == [
        "That the minutes of the Monthly Meeting of the Council of 7th January be taken as read "
        "and signed as correct."
    ]


@pytest.mark.parametrize("label", ["Action by:", "Action By :", "Action Owner:", "Action Lead -"])
def test_an_action_by_list_names_who_acts_on_the_decision(label):
    decision = "That the budget monitoring report be noted and the overspend be reported."
    text = (
        f"6. Budget Monitoring\n\nRESOLVED: {decision}\n\n{label}\n"
        "Corporate Director, Resources\nHead of Finance\n\n7. Waste Strategy\nDeferred.\n"
    )
    assert _actions(text) == [
        ("Corporate Director, Resources", decision),
        ("Head of Finance", decision),
    ]


def test_an_action_by_list_of_tasks_keeps_their_owners():
    text = (
        "6. Budget Monitoring\n\nRESOLVED: That the budget monitoring report be noted.\n\n"
        "Action by:\nClerk to write to the auditors by 30 June.\n"
    )
    assert _actions(text) == [("Clerk", "write to the auditors by 30 June.")]


# ---------------------------------------------------------------------------------------------
# Guards


@pytest.mark.parametrize(
    "line",
    [
        "The Cabinet approved the strategy last year.",  # another verb in prose (rule 6)
        "The Board approved the plan and endorsed the milestones.",
        "The Board previously APPROVED the plan in 2021.",  # an earlier meeting's decision
        "The Board is asked to APPROVE the revised plan.",  # a report's request
        "The report RECOMMENDS TO THE BOARD that the plan be approved.",  # the report's, not ours
        "The Committee recommends to the Board that the plan be approved.",  # lower case: prose
        "APPROVED",  # a status cell
        "ACCEPTED the revisions to the schedule",  # a word opening a line of a table
        "Status: ACCEPTED",
    ],
)
def test_other_verbs_and_capitals_outside_the_bodys_decision_are_not_taken(line):
    text = f"4. Performance Report\nThe Chief Officer presented the report.\n{line}\n"
    assert _res(text) == []


def test_a_motion_declared_lost_is_not_a_decision():
    text = (
        "12. Notice of Motion - Car Parking\n\nProposed by Alderman Smith\n"
        "Seconded by Councillor Jones\n\nThat this Council abolishes car parking charges.\n\n"
        "On a recorded vote, 10 Members voted For and 24 Against, and the Mayor declared the "
        "motion lost.\n"
    )
    assert _res(text) == []


def test_a_motion_declared_carried_is_a_decision():
    text = (
        "12. Notice of Motion - Climate Emergency\n\nProposed by Alderman Smith\n"
        "Seconded by Councillor Jones\n\nThat this Council declares a climate emergency.\n\n"
        "On a recorded vote, 24 Members voted For and 10 Against, and the Mayor declared the "
        "motion carried.\n"
    )
    assert _res(text) == [("12", "That this Council declares a climate emergency.")]


def test_capitals_under_a_members_comment_lead_in_are_not_the_bodys_items():
    text = (
        f"{_ITEM}Comments from the Committee:\n\u2022 NOTED the delay was regrettable;\n"
        "\u2022 QUERIED the timing of the audit.\n"
    )
    assert [t for _, t in _res(text)] != [
        "NOTED the delay was regrettable",
        "QUERIED the timing of the audit.",
    ]


@pytest.mark.parametrize(
    "owner",
    [
        "CORPORATE DIRECTOR DEVELOPMENT AND RENEWAL (A. DALVI)",
        "ASSISTANT CHIEF EXECUTIVE (LEGAL SERVICES) (I. FREEMAN) (Committee Services Manager, "
        "M. Mannion)",
        "Head of Democratic Services",
    ],
)
def test_an_action_by_label_names_the_officer_however_long_the_title(owner):
    decision = "That Councillor D. Jones be elected Chair of the Cabinet for the year."
    text = (
        "1. ELECTION OF CHAIR\nTo elect a Chair of the Cabinet.\n\nDecision:\n\nResolved\n\n"
        f"{decision}\n\nAction by: {owner}\n\nMinutes:\n\nThe clerk sought nominations.\n"
    )
    assert _actions(text) == [(owner, decision)]


def test_an_action_by_list_spaced_by_blank_lines_ends_at_the_next_sentence():
    decision = "That Councillor D. Jones be elected Chair of the Cabinet for the year."
    text = (
        "1. ELECTION OF CHAIR\nTo elect a Chair of the Cabinet.\n\nDecision:\n\nResolved\n\n"
        f"{decision}\n\nAction by:\n\nASSISTANT CHIEF EXECUTIVE (S. WILLIAMS)\n\n"
        "Acting Team Leader (Executive Team), Democratic Services (A. Taylor)\n\n"
        "COUNCILLOR D. JONES IN THE CHAIR\n\nMinutes:\n\nThe clerk sought nominations.\n"
    )
    assert _actions(text) == [
        ("ASSISTANT CHIEF EXECUTIVE (S. WILLIAMS)", decision),
        ("Acting Team Leader (Executive Team), Democratic Services (A. Taylor)", decision),
    ]


def test_an_action_by_label_under_a_decision_wrapped_over_a_blank_line_takes_all_of_it():
    text = (
        "1. ELECTION OF CHAIR\nTo elect a Chair of the Cabinet.\n\nDecision:\n\nResolved\n\n"
        "That Councillor D. Jones be elected Chair of the Cabinet for the Municipal\n\n"
        "Year 2007 - 2008.\n\nAction by:\n\nASSISTANT CHIEF EXECUTIVE (S. WILLIAMS)\n\n"
        "Minutes:\n\nThe clerk sought nominations.\n"
    )
    assert _actions(text) == [
        (
            "ASSISTANT CHIEF EXECUTIVE (S. WILLIAMS)",
            "That Councillor D. Jones be elected Chair of the Cabinet for the Municipal Year "
            "2007 - 2008.",
        )
    ]
