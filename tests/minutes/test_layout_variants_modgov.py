"""Layout variants of principal authorities' and boards' decision pages (issue 17, branch
minutesmodgov): ModernGov decision-details and issue-decisions pages whose "Decision:" label was
lost, a "Decision:" field opening on what was considered, a list after a carried motion, letters
set off by a tab, and the chair announcing what the committee did. None of these texts is taken
from a page; each kind is written in several wordings, with guards that must not be taken. The
same pages' titles, navigation and item numbers are in test_layout_variants_modgov_pages.py, the
untuned rounds' kinds in test_layout_variants_modgov_untuned.py."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes


def _res(text: str) -> list[tuple[str, str]]:
    return [(r.item, r.text) for r in parse_minutes(text).resolutions]


def _texts(text: str) -> list[str]:
    return [r.text for r in parse_minutes(text).resolutions]


# ---------------------------------------------------------------------------------------------
# A decision-details page whose "Decision:" label was lost: the clauses after its fields and
# its purpose are the decision


_FIELDS = (
    "Decision Maker: Cabinet\nDecision status: Recommendations Approved\n"
    "Is Key decision?: No\nIs subject to call in?: Yes\n"
)


@pytest.mark.parametrize(
    ("purpose", "items", "expected"),
    [
        (
            "To consider the review group's final report.",
            "1. That the recommendations set out in the review group's report are approved.\n"
            "2. That a working group be set up to oversee the delivery of the recommendations;\n",
            [
                "That the recommendations set out in the review group's report are approved.",
                "That a working group be set up to oversee the delivery of the recommendations",
            ],
        ),
        (
            "To agree the charging policy for garden waste.",
            "(a) To approve the charging policy at Appendix A.\n"
            "(b) To delegate the setting of the charge to the Director of Environment.\n",
            [
                "To approve the charging policy at Appendix A.",
                "To delegate the setting of the charge to the Director of Environment.",
            ],
        ),
    ],
)
def test_the_clauses_of_a_decision_page_are_its_decision(purpose, items, expected):
    text = (
        f"{_FIELDS}{purpose}\n{items}"
        "To ensure the recommendations are delivered on time.\n"
        "Do nothing \u2013 the recommendations would not be delivered.\n"
        "Publication date: 07/06/2022\nDate of decision: 07/06/2022\n"
    )
    assert _texts(text) == expected


# "Issue - decisions": each decision under its dated title, its label lost
@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (
            "(1) To NOTE the responses to the consultation;\n\n"
            "(2) To AGREE the revised charges set out in Appendix 1;\n\n"
            "(3) To ASK officers to report back in six months.\n",
            [
                "To NOTE the responses to the consultation",
                "To AGREE the revised charges set out in Appendix 1",
                "To ASK officers to report back in six months.",
            ],
        ),
        (
            "1) That the report be noted.\n2) That the revised charges be agreed.\n",
            ["That the report be noted.", "That the revised charges be agreed."],
        ),
    ],
)
def test_a_list_under_a_dated_decision_title_is_the_decision(items, expected):
    text = (
        "Issue - decisions\n\nReview of Parking Charges\n\n"
        f"12/03/2019 - Review of Parking Charges\n\n{items}"
    )
    assert _texts(text) == expected


def test_reasons_and_options_of_a_decision_page_are_not_its_decision():
    text = (
        f"{_FIELDS}Reasons for the decision:\n"
        "1. The current charges do not cover the cost of the service.\n"
        "2. The consultation showed support for a flat charge.\n"
        "Publication date: 07/06/2022\n"
    )
    assert _texts(text) == []


# ---------------------------------------------------------------------------------------------
# A "Decision:" field that opens on what was considered, then its RESOLVED


@pytest.mark.parametrize(
    "considered",
    [
        "The Committee considered a report of the Director of Finance on the budget position.",
        "The Cabinet received a report of the Chief Executive which set out the budget position.",
        "Consideration was given to the report of the Director of Finance.",
        "The Board considered the report (previously circulated) on the budget position.",
    ],
)
def test_what_was_considered_under_a_decision_label_is_not_the_decision(considered):
    text = (
        "Agenda item\n\nBudget Monitoring 2023/24 Quarter 2\n\nDecision:\n\n"
        f"{considered}\n\nRESOLVED \u2013 That the report be noted.\n\n"
        "Minutes:\n\nThe Director of Finance introduced the report.\n"
    )
    assert _texts(text) == ["That the report be noted."]


def test_what_was_considered_alone_under_a_decision_label_stays_its_decision():
    # with no decision word after it, the text under the label is the decision (rule 1)
    text = (
        "Agenda item\n\nBudget Monitoring\n\nDecision:\n\n"
        "The Committee considered the report and noted its contents.\n\n"
        "Minutes:\n\nThe Director introduced the report.\n"
    )
    assert _texts(text) == ["The Committee considered the report and noted its contents."]


@pytest.mark.parametrize("label", ["Decision taken", "Decision Taken:", "DECISION TAKEN"])
def test_decision_taken_labels_the_decision(label):
    text = (
        "Decision details\n\nDecision Maker: Cabinet\n\nDecision status: Recommendations Approved\n\n"
        f"{label}\nCabinet agreed the recommendations set out in the report.\n"
        "Reason for decision\nThe Scrutiny Committee recommended the changes.\n"
        "Publication date: 06/12/2024\n"
    )
    assert _texts(text) == ["Cabinet agreed the recommendations set out in the report."]


# ---------------------------------------------------------------------------------------------
# The recommendation moved, seconded and carried, its clauses listed below (the "RESOLVED" lost)


@pytest.mark.parametrize(
    "motion",
    [
        "The recommendation as set out in the report was moved, seconded, voted on and carried.",
        "The recommendations were moved, seconded and carried unanimously.",
        "The recommendations in the report were duly moved and seconded, and on being put to the "
        "vote were carried.",
    ],
)
@pytest.mark.parametrize("marker", ["- ", "\u2022 ", "1. "])
def test_the_clauses_under_a_carried_recommendation_are_the_decision(motion, marker):
    m2 = "2. " if marker == "1. " else marker
    text = (
        "Agenda item\nReview of the Management Plan\n"
        "The Head of Policy presented the report on the review of the management plan.\n"
        f"{motion}\n{marker}To note the update on the review of the management plan.\n"
        f"{m2}To approve the revised terms of reference for the task group.\n"
        "Supporting documents:\n"
    )
    assert _texts(text) == [
        "To note the update on the review of the management plan.",
        "To approve the revised terms of reference for the task group.",
    ]


def test_a_carried_recommendation_with_no_list_after_it_stays_the_decision():
    text = (
        "Agenda item\nReview of the Management Plan\n"
        "The Head of Policy presented the report on the review of the management plan.\n"
        "The recommendation as set out in the report was moved, seconded, voted on and carried.\n"
        "Supporting documents:\n"
    )
    assert len(_texts(text)) == 1


def test_bullets_after_a_discussion_are_not_a_decision():
    text = (
        "Agenda item\nReview of the Management Plan\n"
        "The Head of Policy presented the report and Members raised the following points:\n"
        "- To note that the plan was late.\n- To approve of the new format.\n"
        "Supporting documents:\n"
    )
    assert _texts(text) == []


# ---------------------------------------------------------------------------------------------
# A lettered item set off from its letter by a tab or a run of spaces (its bracket lost)


@pytest.mark.parametrize(
    ("lead", "item"),
    [
        ("It was resolved to:", "A    Note the contents of the report."),
        ("RESOLVED:", "A\tNote the contents of the report."),
        ("The Board agreed to:", "A      Note the contents of the report."),
    ],
)
def test_a_single_letter_item_under_a_lead_in_is_its_decision(lead, item):
    text = (
        "10 Highlights Report\n\nDecision:\n\n"
        f"{lead}\n\n{item}\n\nMinutes:\n\nThe Chief Executive introduced the report.\n"
    )
    assert _res(text) == [("10", "Note the contents of the report.")]


def test_an_article_after_a_sentence_is_not_a_letter():
    text = (
        "10 Highlights Report\n\nThe Chief Executive introduced the report.\n\n"
        "A    Member asked whether the timetable could be met.\n"
    )
    assert _texts(text) == []


# ---------------------------------------------------------------------------------------------
# The chair announcing what the committee did: "the Chair advised that the committee noted ...
# and agreed to ..."


@pytest.mark.parametrize(
    ("sentence", "clause"),
    [
        (
            "With the consent of members, the Chair advised that the committee noted Part A of "
            "the report and agreed to discuss it further under Part B.",
            "to discuss it further under Part B.",
        ),
        (
            "The Chair confirmed that the Committee noted the update and agreed that a workshop "
            "be held in March.",
            "that a workshop be held in March.",
        ),
        (
            "The Chairman announced that the Panel considered the call-in and agreed to refer the "
            "decision back to Cabinet.",
            "to refer the decision back to Cabinet.",
        ),
    ],
)
def test_the_chair_announcing_the_bodys_decision_is_the_decision(sentence, clause):
    text = f"5. Call-in\n\nThe Chief Executive presented the report.\n\n{sentence}\n"
    assert _texts(text) == [clause]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Clerk advised that the Council had noted the letter and had agreed to reply last year.",
        "The Chair advised that the Committee noted the update and Members agreed to visit the site.",
        "The Chair advised that he noted the report and agreed to write to the Minister.",
    ],
)
def test_an_earlier_decision_or_another_subject_announced_is_not_the_decision(sentence):
    text = f"5. Call-in\n\nThe Chief Executive presented the report.\n\n{sentence}\n"
    assert _texts(text) == []
