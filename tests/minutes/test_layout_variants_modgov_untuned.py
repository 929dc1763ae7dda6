"""Layout variants of the kinds the untuned rounds of branch minutesmodgov (issue 17) brought:
a "Decision:" field opening on the item's purpose, the attendance reported as an item's decision,
a motion's lead-in before its RESOLVED, "Decision:" cells of a flattened table, and an agenda's
motions. None of these texts is taken from a page; each kind is written in several wordings,
with guards that must not be taken. The sweep's kinds are in test_layout_variants_modgov.py and
test_layout_variants_modgov_pages.py."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes


def _res(text: str) -> list[tuple[str, str]]:
    return [(r.item, r.text) for r in parse_minutes(text).resolutions]


def _texts(text: str) -> list[str]:
    return [r.text for r in parse_minutes(text).resolutions]


# ---------------------------------------------------------------------------------------------
# Untuned round 1's kinds: a "Decision:" field opening on the item's purpose, the attendance
# reported as an item's decision, and a motion's lead-in before its RESOLVED


@pytest.mark.parametrize(
    "opening",
    [
        "The purpose of this item was to consider the minutes of the meeting of Cabinet on 5 "
        "September 2024.\n\n \n\nThere were no amendments to the minutes.",
        "The purpose of the report was to present the budget position at quarter 2.",
    ],
)
def test_the_items_purpose_under_a_decision_label_is_not_the_decision(opening):
    text = (
        "3.\n\nMinutes\n\nTo approve the minutes of the previous meeting.\n\nDecision:\n\n"
        f"{opening}\n\n \n\nRESOLVED that the minutes of the meeting be approved as a correct "
        "record.\n\nMinutes:\n\nThe minutes were considered as part of the pack.\n"
    )
    assert _texts(text) == ["that the minutes of the meeting be approved as a correct record."]


@pytest.mark.parametrize(
    "report",
    [
        "Apologies were received from Councillors Lisa Smith and Tony Jones.",
        "Apologies for absence were received from Councillor Smith.",
    ],
)
def test_the_attendance_under_a_decision_label_is_its_decision(report):
    # rule 1 reads the text under a "Decision:" label as the decision, passive or not
    text = (
        "1.\n\nApologies\n\nTo receive any apologies for absence.\n\nAdditional documents:\n\n"
        f"Decision:\n\n{report}\n\nMinutes:\n\n{report}\n"
    )
    assert _res(text) == [("1", report)]


def test_the_attendance_under_a_minutes_label_is_not_a_decision():
    text = (
        "1.\n\nApologies\n\nMinutes:\n\nApologies were received from Councillor Smith.\n\n"
        "2.\n\nMinutes\n\nMinutes:\n\nRESOLVED \u2013 That the minutes be approved.\n"
    )
    assert _res(text) == [("2", "That the minutes be approved.")]


@pytest.mark.parametrize(
    "lead",
    [
        "Under the motion of Mrs Sally Marks, seconded by Mr Chris Townsend, it was unanimously:",
        "On the motion of Councillor A Smith, seconded by Councillor B Jones, it was:",
    ],
)
def test_a_motions_lead_in_before_its_resolved_is_not_a_decision_of_its_own(lead):
    text = (
        "24/14\n\nCHAIRMAN\n\nMinutes:\n\n"
        f"{lead}\n\nRESOLVED:\n\n"
        "That Mr David Munro be elected Chairman of the Council for the council year 2014/15.\n"
    )
    assert _texts(text) == [
        "That Mr David Munro be elected Chairman of the Council for the council year 2014/15."
    ]


# ---------------------------------------------------------------------------------------------
# Untuned round 2's kinds: "Decision:" cells of a flattened table, and an agenda's motions


def test_a_keyword_alone_in_a_flattened_decision_cell_is_the_decision():
    text = (
        "No. | Item |\nLICENSING PROCEDURE PDF 183 KB To note the procedure for the hearing. "
        "Decision: Noted. |\nURGENT BUSINESS To consider urgent business. Decision: None. |\n"
    )
    # "Decision: None." says nothing was decided (the corpus README: not scored, batch 12)
    assert _texts(text) == ["Noted."]


@pytest.mark.parametrize(
    "title",
    ["APOLOGIES FOR ABSENCE AND DECLARATIONS OF INTEREST", "APOLOGIES FOR ABSENCE"],
)
def test_a_decision_cell_after_a_title_in_capitals_is_split_from_it(title):
    text = (
        "No. | Item |\n"
        f"{title} Decision: Apologies for absence were submitted on behalf of Councillor Smith.\n"
        "MINUTES To approve the minutes. Decision: RESOLVED that the minutes be approved. |\n"
    )
    assert _texts(text) == [
        "Apologies for absence were submitted on behalf of Councillor Smith.",
        "that the minutes be approved.",
    ]


@pytest.mark.parametrize(
    "received",
    [
        "The Committee received an application for a new Premises Licence for Station Shop.",
        "The Sub-Committee considered an application for the grant of a licence for Unit 1.",
    ],
)
def test_an_application_received_above_the_decision_in_its_cell_is_not_the_decision(received):
    text = (
        "No. | Item |\nTo determine an application for a new Premises Licence. Additional "
        f"documents: Decision: {received}\nThe Committee having considered the matter carefully, "
        "RESOLVED that the application be refused on the basis of public safety.\n"
        "The Applicant was advised of the right of appeal.\n"
    )
    assert _texts(text) == ["that the application be refused on the basis of public safety."]


def test_the_agendas_motions_to_consider_are_not_decisions():
    text = (
        "No. | Item |\nEXCLUSION OF PUBLIC AND PRESS To consider the following motions \u2013\n"
        "1. That under Section 100(A) of the Local Government Act 1972, the press and public be "
        "excluded from the meeting for the following items of business.\n"
        "2. That Members consider the reasons for the exemption of the reports.\n"
    )
    assert _texts(text) == []


def test_an_agendas_resolution_to_pass_in_a_later_item_is_not_a_decision():
    text = (
        "1.\n\nElection of the Chair\n\nMinutes:\n\nRESOLVED \u2013 That Councillor J Lennox be "
        "elected as Chair for the meeting.\n\n3.\n\nExempt Information\n\n"
        "c)  If so, to formally pass the following resolution:-\n\n"
        "  RESOLVED \u2013 That the press and public be excluded from the meeting during "
        "consideration of the exempt parts of the agenda.\n\n"
        "Minutes:\n\nThere were no exempt items.\n"
    )
    assert _texts(text) == ["That Councillor J Lennox be elected as Chair for the meeting."]
