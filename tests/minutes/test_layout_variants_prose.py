"""Layouts a sweep over real principal-authority, health board, partnership board and police and
crime panel minutes showed the reader missing (none of these texts is taken from a page; each
kind in several wordings, with a guard that must not be taken): the body's lead-in with its
full name ("The Audit and Scrutiny Committee;"), a numbered "That ..." clause whose own list of
data sits under it, a decision maker's "RESOLVED to:" in a decision record, and a paragraph
number glued to its sentence ("3.1The Board agreed to ...")."""

from __future__ import annotations

import re

import pytest

from tracker.minutes import parse_minutes


def _res(text: str) -> list[tuple[str, str, str]]:
    return [(r.item, r.number, r.text) for r in parse_minutes(text).resolutions]


@pytest.mark.parametrize(
    "lead",
    [
        "The Audit and Scrutiny Committee:",
        "The Audit and Scrutiny Committee;",
        "The Health and Wellbeing Board:-",
        "The Police and Crime Panel;",
        "The Joint Committee:",
    ],
)
def test_the_body_named_in_full_introduces_what_it_decided(lead):
    text = (
        "5. Development day\nThe report provided an update on the preparations for the day.\n\n"
        f"{lead}\n\na)    noted the current circumstances; and\n\n"
        "b)    considered the framework of items for discussion.\n"
    )
    assert _res(text) == [
        ("5", "a", "noted the current circumstances"),
        ("5", "b", "considered the framework of items for discussion."),
    ]


@pytest.mark.parametrize(
    "lead",
    [
        "Comments from the Committee:",  # a heading naming the body, no decision
        "Members of the Board;",
        "Questions to the Panel:",
    ],
)
def test_a_heading_that_names_the_body_is_not_its_decision(lead):
    text = (
        "5. Development day\nThe report provided an update on the preparations for the day.\n\n"
        f"{lead}\n\na)    the timing of the day was queried; and\n\n"
        "b)    the venue was discussed at length.\n"
    )
    assert _res(text) == []


@pytest.mark.parametrize(
    "data",
    [
        "\u00b7 People First\n\u00b7 Sustainability\n\u00b7 A Brighter Future Together\n",
        "- People First\n- Sustainability\n",
        "\u2022 People First\n\n\u2022 Sustainability\n\n",
    ],
)
def test_a_numbered_clause_keeps_its_own_list_of_data(data):
    text = (
        "7. Council Plan\nThe Leader introduced the plan.\n\n"
        "(1) That Cabinet recommends the Council Plan to Full Council with the three new "
        "priorities as outlined below:\n"
        f"{data}"
        "(2) That Cabinet recommend to Council to delegate any minor changes to the Managing "
        "Director.\nREASON FOR DECISION: To provide an overarching policy framework.\n"
    )
    assert _res(text) == [
        (
            "7",
            "1",
            "That Cabinet recommends the Council Plan to Full Council with the three new "
            "priorities as outlined below:",
        ),
        (
            "7",
            "2",
            "That Cabinet recommend to Council to delegate any minor changes to the Managing "
            "Director.",
        ),
    ]


def test_bullets_under_a_clause_that_does_not_lead_a_list_end_the_run():
    # the guard: a clause that does not end with a colon has no data of its own; the bullets
    # below it are discussion notes, and the run of clauses stops there
    text = (
        "7. Council Plan\nThe Leader introduced the plan.\n\n"
        "(1) That Cabinet notes the plan.\n"
        "\u00b7 Members asked about the cost of the consultation\n"
        "(2) Councillor Smith asked whether the plan had been costed.\n"
    )
    assert [t for *_, t in _res(text)] != [
        "That Cabinet notes the plan.",
        "Councillor Smith asked whether the plan had been costed.",
    ]


@pytest.mark.parametrize(
    "who",
    [
        "The Leader and Lead Member",
        "The Lead Member for Transport and Environment",
        "The Cabinet Member for Housing",
        "The Portfolio Holder",
    ],
)
def test_a_decision_makers_resolved_to_leads_a_numbered_list(who):
    text = (
        "21.         Record of Delegation of Executive Functions\n\n"
        "21.1     The Leader considered a report by the Assistant Chief Executive.\n\n"
        f"21.2     {who} RESOLVED to:\n\n"
        "(1) agree the delegation of Cabinet responsibilities;\n\n"
        "(2) agree the Officer Scheme of Delegation; and\n\n"
        "(3) agree the annual report to the County Council.\n"
    )
    got = _res(text)
    # the keyword's own items keep their "; and" as printed (a difference the scorer ignores)
    assert [(n, re.sub(r";(?: and)?$", "", t)) for _i, n, t in got] == [
        ("1", "agree the delegation of Cabinet responsibilities"),
        ("2", "agree the Officer Scheme of Delegation"),
        ("3", "agree the annual report to the County Council."),
    ]
    assert {i for i, *_ in got} == {"21.2"}


@pytest.mark.parametrize(
    "line",
    [
        "21.2     The Leader advised that the Council resolved to agree the schemes.",
        "21.2     The Cabinet Member reported that the panel had resolved to:",
    ],
)
def test_a_decision_maker_reporting_another_decision_is_not_a_heading(line):
    text = f"21. Delegation\n\n{line}\n\nThe meeting closed at 8pm.\n"
    assert _res(text) == []


@pytest.mark.parametrize(
    "sep",
    ["3.1The Board agreed", "3.1The board agreed", "3.1It was agreed"],
)
def test_a_paragraph_number_glued_to_its_sentence(sep):
    text = (
        "3.Business Plan\n\n"
        f"{sep} to continue with the current business plan until a new one is developed.\n\n"
        "4.Project Updates\n\n"
        "4.1The Board agreed to pursue closer working with the friends of the library.\n\n"
        "4.2The Board received the other project updates.\n"
    )
    assert [(i, t) for i, _n, t in _res(text)] == [
        ("3.1", "to continue with the current business plan until a new one is developed."),
        ("4.1", "to pursue closer working with the friends of the library."),
    ]


def test_a_paragraph_number_glued_to_initials_keeps_its_item():
    text = (
        "1.Minutes\n\n1.1The minutes of 5 February were agreed as a true record.\n\n"
        "1.2Matters arising - there were none.\n\n"
        "1.3LA proposed and it was agreed that we add declarations of interest to the agenda.\n"
    )
    assert [(i, t) for i, _n, t in _res(text)] == [
        ("1.3", "that we add declarations of interest to the agenda.")
    ]


def test_a_code_glued_to_a_capital_is_left_as_printed():
    # the guard: "2.4A" is a paragraph's own number, not "2.4" glued to a word
    text = "2. Finance\n\n2.4A The Board agreed to approve the budget.\n"
    assert [i for i, *_ in _res(text)] != ["2.4"]


_ITEM = "6. Performance report\nThe Director presented the quarterly report.\n\n"


@pytest.mark.parametrize(
    "lead,bullets",
    [
        (
            "It was noted:",
            "\u2022 that the targets had been met;\n\u2022 that absence remained high.",
        ),
        ("It was noted:", "\u2022 the targets had been met;\n\u2022 absence remained high."),
        ("The Panel noted:", "\u2022 the targets had been met;\n\u2022 absence remained high."),
        ("The Board further noted that:-", "(a) the targets had been met;\n(b) absence was high."),
        ("Members noted:", "- the targets had been met;\n- absence remained high."),
    ],
)
def test_what_the_meeting_noted_over_a_list_is_not_a_decision(lead, bullets):
    # "Members/The Panel noted that ..." is a note of what was heard (rule 6), in a list or not
    text = f"{_ITEM}{lead}\n{bullets}\n\n7. Any other business\n"
    assert _res(text) == []
    unsure = [u.text for u in parse_minutes(text).unsure]
    assert any("had been met" in u for u in unsure)  # offered for review, not dropped


@pytest.mark.parametrize(
    "lead",
    [
        "It was agreed:",  # the body's decision: its items are what it decided
        "The Board:",
        "RESOLVED:",
    ],
)
def test_a_decision_over_a_list_is_still_read(lead):
    text = f"{_ITEM}{lead}\n(a) to note the report;\n(b) to approve the targets.\n\n7. AOB\n"
    assert [t.rstrip(";") for *_, t in _res(text)] == [
        "to note the report",
        "to approve the targets.",
    ]


@pytest.mark.parametrize("title", ["DECISION NOTICE", "Decision Notice", "DECISIONS SHEET"])
def test_a_decision_notice_title_is_not_a_decision(title):
    text = (
        f"{title}\n\nHighways Decision (Ref: HD/23/04)\n\n"
        "The Cabinet Member for Highways made the following decision:\n\n"
        "(i) To approve the speed limit order;\n(ii) To note the consultation responses.\n\n"
        "Reasons for the decision: road safety.\n"
    )
    assert [t.rstrip(";") for *_, t in _res(text)] == [
        "To approve the speed limit order",
        "To note the consultation responses.",
    ]


def test_a_decision_word_with_its_text_is_still_a_decision():
    # the guard: "DECISION: ..." with its text on the line is the keyword, not a title
    text = f"{_ITEM}DECISION: That the notice be published.\n\n7. Any other business\n"
    assert [t for *_, t in _res(text)] == ["That the notice be published."]


_EXEMPT = (
    "In terms of Section 50(A)(4) of the Local Government (Scotland) Act 1973, to exclude the "
    "press and public from the meeting during consideration of the items of business; and to "
    "agree to move item 9 into public session."
)


@pytest.mark.parametrize(
    "keyword,items",
    [
        (
            "The Board resolved:",
            "(i)            to move the report at Item 9 into public session and\n\n"
            "(ii)          consider Items 10 and 11 with the press and public excluded",
        ),
        (
            "The Committee resolved:-",
            "(a) to move the report into public session; and\n\n(b) to consider the rest in "
            "private.",
        ),
        (
            "RESOLVED:",
            "(1) that item 9 be heard in public; and\n(2) that items 10 and 11 be heard "
            "in private.",
        ),
    ],
)
def test_a_bracketed_list_after_a_whole_first_paragraph_goes_on_with_the_decision(keyword, items):
    text = (
        "Determination of exempt business\n\nThe Chair proposed that items 10 and 11 be taken "
        f"in private.\n\n{keyword}\n\n{_EXEMPT}\n\n{items}\n\n\n\n"
        "Minute of Special Meeting of the Board of 13 November 2018 pdf icon PDF 92 KB\n\n"
        "The Board had before it the minute of its Special Meeting of 13 November 2018.\n"
    )
    texts = [t for *_, t in _res(text)]
    assert len(texts) == 3
    assert texts[0].startswith("In terms of Section 50")
    assert texts[1].startswith(("to move", "that item 9"))
    assert texts[2].startswith(("consider", "to consider", "that items 10"))


def test_a_numbered_paragraph_of_discussion_after_a_decision_is_not_its_item():
    # the guard: a list whose items open in capitals after a whole decision is the discussion
    text = (
        "5. Budget\nThe report was presented.\n\nRESOLVED: That the report be noted.\n\n"
        "(1) Councillor Smith asked about the cost of the consultation.\n\n"
        "(2) The Director said a further report would follow.\n\n6. Any other business\n"
    )
    assert [t for *_, t in _res(text)] == ["That the report be noted."]


@pytest.mark.parametrize(
    "tally",
    ["5 For, 0 Against, 1 Abstention", "7 for, 2 against", "6 in favour, 1 abstained"],
)
def test_a_vote_record_is_not_an_item_heading(tally):
    text = (
        "3.\n\nMinutes\n\nDecision:\n\nRESOLVED that the minutes of the meeting held on 5 "
        f"September be approved as a correct record.\n\nVoting Record\n\n{tally}\n\n"
        "Minutes:\n\nThe minutes were proposed by Councillor Harris.\n\n"
        "RESOLVED: That the action log be noted.\n"
    )
    assert [(i, t[:20]) for i, _n, t in _res(text)] == [
        ("3", "that the minutes of "),
        ("3", "That the action log "),
    ]


@pytest.mark.parametrize("bullet", ["\u2022", "\u00b7", "*"])
def test_an_item_number_kept_behind_its_bullet(bullet):
    text = (
        "3.\n\nMinutes\n\nRESOLVED: That the minutes be approved.\n\nCarried\n"
        f"  {bullet} View Recorded Vote for this item\n  {bullet} 4.\n\n"
        "    Leader's Announcements\n\n    RESOLVED: That the announcements be noted.\n"
    )
    assert [i for i, *_ in _res(text)] == ["3", "4"]


@pytest.mark.parametrize(
    "before",
    ["Contact: D Smith 388065 G Oliver 388604", "To receive the report.", "(Report 12/34)"],
)
def test_a_decision_cell_flattened_after_the_agenda_text(before):
    text = (
        "PERFORMANCE REPORT 2016/17 - QUARTER 2 PDF 2 MB To receive performance information. "
        f"{before} Decision: i. Considered and commented on progress against the Corporate "
        "Plan, as summarised in Appendix A;\nii. Considered and commented on the financial "
        "performance at the end of September.\n"
    )
    assert [t[:24] for *_, t in _res(text)] == [
        "Considered and commented",
        "Considered and commented",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "The Board noted the Reason for Decision: to keep the plan under review.",
        "The Chair explained the Council's Decision: the park would stay open.",
    ],
)
def test_decision_inside_a_sentence_is_not_a_label(line):
    text = f"5. Parks\n{line}\n\n6. Any other business\n"
    assert _res(text) == []


def test_a_decision_label_opening_its_line_keeps_its_list():
    # the guard: "Decision :-(a) ..." at the start of a line is the label over its own list
    text = (
        "Decision Maker :-Cabinet\nSubject of Decision :-Devolution - Progress\n"
        "Decision :-(a) the progress of the options was noted;\n\n"
        "(b) a contribution of \u00a310,000 was approved.\nReason for Decision :-To progress.\n"
    )
    assert [(n, t.rstrip(";")) for _i, n, t in _res(text)] == [
        ("a", "the progress of the options was noted"),
        ("b", "a contribution of \u00a310,000 was approved."),
    ]


@pytest.mark.parametrize(
    "title",
    [
        "DECISIONS made by the Leader and Lead Member for Strategic Management, Councillor Keith "
        "Glazier, on 9 May 2022 at a remote Meeting via Microsoft Teams",
        "DECISIONS taken by the Cabinet Member for Transport on 3rd June 2021",
    ],
)
def test_the_title_of_a_record_of_decisions_is_not_a_decision(title):
    text = (
        f"{title}\n\n17.         Decisions made by the Lead Cabinet Member on 7 March 2022\n\n"
        "17.1     The Lead Member approved as a correct record the minutes of the meeting.\n\n"
        "18.         Disclosure of Interests\n\n18.1     There were none.\n"
    )
    assert _res(text) == []


def test_a_decision_made_on_a_date_with_its_text_is_a_decision():
    # the guard: the same words with a colon and the decision after them
    text = "5. Parks\n\nDECISION made by the Cabinet Member on 3 May 2022: To approve the plan.\n"
    got = [t for *_, t in _res(text)]
    assert len(got) == 1 and got[0].endswith("To approve the plan.")
