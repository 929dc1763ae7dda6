"""Layout variants of principal authorities' and boards' decision pages (issue 17, branch
minutesmodgov), around their decisions: page titles and navigation text of decision pages, item
numbers beside page labels and dates, a resolution's list split over page furniture, and a
numbered item with unnumbered headings under it. None of these texts is taken from a page; each
kind is written in several wordings, with guards that must not be taken. The decisions' own
layouts are in test_layout_variants_modgov.py."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes


def _res(text: str) -> list[tuple[str, str]]:
    return [(r.item, r.text) for r in parse_minutes(text).resolutions]


def _texts(text: str) -> list[str]:
    return [r.text for r in parse_minutes(text).resolutions]


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
