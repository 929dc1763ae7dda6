"""Layouts from corpus batch 12 (dev pages), on made-up text: owner labels after a sentence or a
paragraph, a motion's "that" clause after its seconder, a directive after a decision on one
line, restated actions of the last meeting, keywords standing as a paragraph's outcome, coded
minute numbers with a letter, and an action glued to the next numbered item."""

from __future__ import annotations

from tracker.minutes import parse_minutes


def _actions(text: str) -> list[tuple[str, str]]:
    return [(f.owner, f.text) for f in parse_minutes(text).followups if f.source != "resolution"]


def test_initials_labels_inside_a_paragraph_each_take_their_sentence():
    text = (
        "Item 4. Matters arising. (1) Bridge repairs. Much discussion of the contractor. "
        "AB will draft a letter to the roads department. AB Action. (2) Bus shelter. "
        "The Secretary will ask for a new timetable. CD Action.\n"
    )
    assert _actions(text) == [
        ("AB", "AB will draft a letter to the roads department."),
        ("CD", "The Secretary will ask for a new timetable."),
    ]


def test_a_label_over_a_directive_names_the_owner_once():
    text = (
        "Item 6. Street lighting.\nSpeeding remains a problem.\n"
        "Secretary to write to the Police about the glare.\nEF Action.\n"
    )
    assert _actions(text) == [("EF", "Secretary to write to the Police about the glare.")]


def test_an_action_label_on_its_own_line_takes_the_meetings_decision_not_a_members_offer():
    text = (
        "No 2. Matters Arising\n"
        "2.1 Drug strategy - it was agreed Jane Smith would arrange a meeting of the partners to "
        "agree a way forward. Jane agreed to report back at the next meeting.\n"
        "Action - Jane Smith\n"
    )
    assert _actions(text) == [
        (
            "Jane Smith",
            "2.1 Drug strategy - it was agreed Jane Smith would arrange a meeting of the "
            "partners to agree a way forward.",
        )
    ]


def test_a_motion_takes_its_that_clause_after_the_seconder():
    text = (
        "5         To Correct & Approve minutes of previous meetings.\n\n"
        "Full Council 21/6/2022 - Proposed (AH) & Seconded (SB) that the minutes be approved as "
        "correct. Unanimously agreed and signed by the Chair.\n"
    )
    e = parse_minutes(text)
    assert [(r.item, r.text) for r in e.resolutions] == [
        ("5", "that the minutes be approved as correct")
    ]
    assert _actions(text) == []  # the bracketed initials are the proposer and seconder


def test_a_directive_after_a_decision_on_the_same_line_is_an_action_not_part_of_it():
    text = (
        "6.3 Cemetery.\n\nAgreed that a site meeting be arranged with the Chair. Clerk to "
        "arrange a meeting during August and report back.\n"
    )
    e = parse_minutes(text)
    assert [r.text for r in e.resolutions] == ["that a site meeting be arranged with the Chair."]
    assert _actions(text) == [("Clerk", "arrange a meeting during August and report back.")]


def test_actions_of_the_last_meeting_restated_are_not_new_actions():
    text = (
        "53/19 Section 106 monies:\n\n"
        "Actions from last meeting: GH to discuss the proposals with the owner. IJ to contact "
        "the highways department about drainage. GH to work with the club on a schedule.\n"
    )
    assert _actions(text) == []
    fresh = text.replace("Actions from last meeting: ", "")
    assert ("IJ", "contact the highways department about drainage.") in _actions(fresh)


def test_keyword_standing_as_the_outcome_of_each_point():
    text = (
        "84/23 County Councillor's Report:\n"
        "- The patrol vehicle had attended the school at busy times. RESOLVED and noted. The "
        "Council thanked the councillor.\n"
        "- Tree felling will begin soon. RESOLVED and noted. Signs have been posted.\n"
        "86/23 Confirmation of the Minutes of the Meeting held on 21st September 2023\u2013 "
        "RESOLVED that the minutes be signed as a true record.\n"
    )
    e = parse_minutes(text)
    assert [(r.item, r.text) for r in e.resolutions] == [
        ("84/23", "RESOLVED and noted."),
        ("84/23", "RESOLVED and noted."),
        ("86/23", "that the minutes be signed as a true record."),
    ]


def test_agreed_ending_a_paragraph_and_a_numbered_paragraph_as_its_minute():
    text = (
        "1. The minutes of the last meeting were signed as a true record.\n"
        "3. It was agreed to donate \u00a325 to the Citizens Advice Bureau.\n"
        "4. The Clerk asked that he be allowed to claim 5p per sheet printed. Agreed.\n"
    )
    e = parse_minutes(text)
    assert [(r.item, r.text) for r in e.resolutions] == [
        ("3", "to donate \u00a325 to the Citizens Advice Bureau."),
        ("4", "Agreed."),
    ]


def test_coded_minute_numbers_with_a_letter_and_a_cut_off_clause():
    text = (
        "50d/19 Approval of minutes of meeting of 2nd July 2019: The minutes were read, approved "
        "and signed as a true record as proposed by AC, seconded by AS and agreed by all.\n\n"
        "53/19 Recreation ground:\n\nIt was agreed that the club should seek further advice. "
        "It was agreed that SS an"
    )
    e = parse_minutes(text)
    assert [r.item for r in e.resolutions] == ["50d/19", "53/19"]
    assert e.resolutions[1].text == "that the club should seek further advice."
    assert any("cut off" in u.reason for u in e.unsure)


def test_an_action_ends_before_the_next_numbered_item_of_a_flattened_page():
    text = (
        "4.Police Matters The officer will chase a response. Action: GS to update council when "
        "a reply is received. 5.Ratification of the Minutes The minutes were agreed.\n"
    )
    assert _actions(text) == [("GS", "update council when a reply is received.")]


def test_a_lost_label_list_whose_clause_mentions_was_is_still_a_decision():
    text = (
        "Agenda item\n\nFrequency of Meetings\n\n"
        "Members considered when the next meeting should be held and discussed the stakeholders "
        "to be invited at length.\n\n\n\n"
        "1)            that 2 further meetings should be held as this was a task and finish "
        "group;\n\n\n"
        "2)            that officers contact stakeholders to ascertain the best date for them.\n"
    )
    e = parse_minutes(text)
    assert [r.number for r in e.resolutions] == ["1", "2"]
    assert e.resolutions[0].why.startswith("unlabelled list")
