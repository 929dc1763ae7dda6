"""Layout variants of principal authorities' and boards' decision pages (issue 17, branch
minutesmodgov): ModernGov decision-details and issue-decisions pages whose "Decision:" label was
lost, a list after a carried motion, letters set off by a tab, a "Decision:" field opening on
what was considered, page titles and navigation text of decision pages, and item numbers beside
them. None of these texts is taken from a page; each kind is written in several wordings, with
guards that must not be taken."""

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
# Page titles and navigation of decision pages


@pytest.mark.parametrize("title", ["Agenda and decisions", "Agenda", "Agenda, decisions"])
def test_an_agenda_pages_recommended_minutes_are_not_a_decision(title):
    text = (
        f"{title}\n\nExecutive\nTuesday, 7th July, 2020 10.30 am\n\nItems\nNo. Item\n\n1.\n\n"
        "DISCLOSURES OF INTEREST\n\nTo receive disclosures of interests from members.\n\n2.\n\n"
        "MINUTES\n\nRecommended \u2013\n\nThat the minutes of the meeting held on 30 April 2020 be "
        "signed as a correct record.\n\n(Jill Bell - 01274 434580)\n\n3.\n\nBUDGET\n\n"
        "To consider the report of the Director of Finance.\n"
    )
    assert _texts(text) == []


def test_an_agenda_and_decisions_page_with_its_decisions_keeps_them():
    text = (
        "Agenda and decisions\n\nExecutive\nTuesday, 7th July, 2020 10.30 am\n\nItems\nNo. Item\n\n"
        "2.\n\nMINUTES\n\nTo approve the minutes of the meeting held on 30 April 2020.\n\n"
        "Decision:\n\nThat the minutes of the meeting held on 30 April 2020 be signed as a correct "
        "record.\n"
    )
    assert _res(text) == [
        (
            "2",
            "That the minutes of the meeting held on 30 April 2020 be signed as a correct record.",
        )
    ]


@pytest.mark.parametrize(
    "navigation",
    [
        "Use the below search options at the bottom of the page to find information regarding "
        "recent decisions that have been taken by the council\u2019s decision making bodies.",
        "Use the search options below to find information on decisions taken by the "
        "Combined Authority\u2019s decision making bodies and key officers.",
    ],
)
def test_a_decisions_pages_title_and_navigation_are_not_a_decision(navigation):
    text = (
        f"Decisions\n\n{navigation}\n\nDecisions published\n\n"
        "31/07/2019 - BUDGET MONITORING ref: 626    Recommendations Approved\n\n"
        "Decision Maker: Cabinet\n\nDecision published: 02/08/2019\n\n"
        "Decision:\n\nThat Cabinet note the budget monitoring report.\n"
    )
    assert _res(text) == [("626", "That Cabinet note the budget monitoring report.")]


# ---------------------------------------------------------------------------------------------
# Item numbers beside page labels and dates


@pytest.mark.parametrize("label", ["Additional documents:", "Supporting documents:", "Minutes:"])
def test_a_paragraph_number_after_a_page_label_is_the_item(label):
    text = (
        "3.1 The Monitoring Officer reminded members to declare their interests.\n\n"
        "Confirmation of Council minutes - 18.07.19 pdf icon PDF 477 KB\n\n"
        f"{label}\n\n"
        "4.1 Council CONFIRMED the minutes of the meeting held on 18th July 2019 as a correct "
        "record.\n\n5.1 Council noted the updates listed on the action sheet.\n"
    )
    assert _res(text) == [
        ("4.1", "Council CONFIRMED the minutes of the meeting held on 18th July 2019 as a "
         "correct record."),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "heading",
    [
        "68. MINUTES OF THE AUTHORITY MEETING HELD ON 18 AUGUST 2017",
        "68. MINUTES OF THE MEETING HELD ON 18TH AUGUST 2017",
        "68. MINUTES OF THE MEETING HELD ON 18 Aug 2017",
    ],
)
def test_a_year_before_the_keyword_is_not_the_item(heading):
    # a page flattened onto one line, as a stored copy of a PDF gives it
    text = (
        "MINUTES OF THE AUTHORITY PUBLICATION: 15 SEPTEMBER 2017 At a meeting of the Authority held "
        "on Friday, 15th September, 2017 the following Members were Present: Councillor P Davies "
        "(in the Chair), Councillor B Grunewald and Councillor R Polhill. 66. APOLOGIES FOR ABSENCE "
        "Apologies for absence were received on behalf of Councillor A Moorhead and Councillor I "
        "Maher. 67. DECLARATIONS OF INTEREST It was reported that no declarations of interest had "
        f"been received. {heading} RESOLVED \u2013 That the minutes of the meeting held on 18 August "
        "2017 be approved as a correct record.\n"
    )
    assert _res(text) == [
        ("68", "That the minutes of the meeting held on 18 August 2017 be approved as a correct "
         "record.")
    ]  # fmt: skip


# ---------------------------------------------------------------------------------------------
# A resolution's list split over page furniture (a page number, the running header)


@pytest.mark.parametrize(
    "furniture",
    [
        "Page 12\n\nCabinet - 14 March 2019",
        "- 12 -",
        "Page 12 of 20",
        "Cabinet \u2013 14 March 2019\n\nPage 12",
        "12\n\nCabinet 14/03/2019",
    ],
)
def test_a_list_goes_on_over_page_furniture(furniture):
    text = (
        "8. Housing Strategy\n\nThe Cabinet considered the report of the Director of Housing.\n\n"
        "RESOLVED \u2013 That:\n\n(1) the strategy be approved;\n\n"
        f"{furniture}\n\n"
        "(2) the Director of Housing be authorised to consult on the action plan.\n\n"
        "9. Parking\n\nThe Cabinet noted the report.\n"
    )
    assert [(item, t.rstrip(";")) for item, t in _res(text)] == [
        ("8", "the strategy be approved"),
        ("8", "the Director of Housing be authorised to consult on the action plan."),
    ]


def test_a_page_number_before_prose_still_ends_the_list():
    text = (
        "8. Housing Strategy\n\nRESOLVED \u2013 That:\n\n(1) the strategy be approved;\n\n"
        "(2) the Director of Housing be authorised to consult on the action plan.\n\n"
        "Page 12\n\nThe Leader thanked the officers for their work on the strategy.\n"
    )
    assert [t.rstrip(";") for t in _texts(text)] == [
        "the strategy be approved",
        "the Director of Housing be authorised to consult on the action plan.",
    ]


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


# ---------------------------------------------------------------------------------------------
# A numbered item, then unnumbered headings with "- Resolved" bullets under them


@pytest.mark.parametrize("keyword", ["Resolved", "RESOLVED \u2013", "Agreed", "RESOLVED:"])
def test_resolved_bullets_under_unnumbered_headings_keep_the_item(keyword):
    text = (
        "12. Housing matters\n\nAllotments\n\n"
        f"- {keyword} that the allotment rents be increased by 5%.\n\nGarages\n\n"
        f"- {keyword} that the garage site at Mill Lane be sold.\n\n13. Parks\n\nThe report was noted.\n"
    )
    assert [item for item, _t in _res(text)] == ["12", "12"]


def test_a_bulleted_title_whose_number_was_lost_still_opens_its_item():
    text = (
        "12. Housing matters\n\nRESOLVED \u2013 That the report be noted.\n\n"
        "- Parks and open spaces\n\nRESOLVED \u2013 That the parks strategy be approved.\n"
    )
    assert _res(text) == [
        ("12", "That the report be noted."),
        ("", "That the parks strategy be approved."),
    ]


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
