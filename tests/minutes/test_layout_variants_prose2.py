"""Layout variants of principal authorities' and public bodies' decisions seen failing on batch 27
(issue 17, branch minutesprose2): keyword lines and motions. A decision keyword followed by the vote
in brackets ("RESOLVED: (Unanimously)"), a motion or recommendation "moved, seconded, voted upon and
carried" over a bare "That ..." clause or alone, a motion printed before its RESOLVED, a motion's
outcome joined to its clause by "and", an agenda's conditional lead-in over a model resolution, and
a decision that runs on into a report of what followed. None of these texts is taken from a page;
each kind is written in several wordings, with guards. Who decides and the lead-ins are in
`test_layout_variants_prose2_bodies.py` and
`test_layout_variants_prose2_leads.py`."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes


def _texts(text: str) -> list[str]:
    return [r.text for r in parse_minutes(text).resolutions]


# ---------------------------------------------------------------------------------------------
# The vote in brackets after the keyword, the clause on its own paragraph: the clause is the
# resolution (rule 1), the bracket is how it was carried, not a decision of its own


@pytest.mark.parametrize(
    "keyword",
    [
        "RESOLVED: (Unanimously)",
        "RESOLVED - (unanimous)",
        "Resolved: (nem con)",
        "AGREED: (by 9 votes to 2)",
        "RESOLVED:  (7 for, 1 against, 2 abstentions)",
        "DECISION: (by a majority)",
        "RESOLVED (Unanimously):",
    ],
)
def test_a_vote_in_brackets_after_the_keyword_is_not_the_decision(keyword):
    text = (
        "68.\n\nMinutes of the last meeting\n\nMinutes:\n\n"
        "Members asked that the minutes be amended to include an apology.\n\n \n\n"
        f"{keyword}\n\n \n\n"
        "That the minutes of the meeting held on 25 November be approved as a correct record "
        "subject to the above amendment.\n\n69.\n\nAnnouncements\n\nMinutes:\n\n"
        "The Mayor gave an update on her engagements.\n"
    )
    assert _texts(text) == [
        "That the minutes of the meeting held on 25 November be approved as a correct record "
        "subject to the above amendment."
    ]


def test_a_vote_in_brackets_before_the_clause_on_the_same_line_is_left_off():
    text = (
        "5. Budget\n\nThe report was presented.\n\n"
        "RESOLVED: (Unanimously) That the budget for 2025/26 be approved.\n"
    )
    assert _texts(text) == ["That the budget for 2025/26 be approved."]


# ---------------------------------------------------------------------------------------------
# A motion or recommendation moved, seconded and carried, then the bare clause that was resolved
# (its "RESOLVED" lost on publication): the clause is the resolution (rule 5, batch 20's reading
# of "moved, seconded, voted on and carried"), not the motion line as well


@pytest.mark.parametrize(
    "carried",
    [
        "The amended motion was moved, seconded, voted upon and carried.",
        "The motion was moved, seconded, put to the vote and carried.",
        "The recommendation was moved, seconded, voted on and carried.",
        "The recommendations were moved, seconded and, on being put to the vote, carried.",
        "The substantive motion was moved, seconded, voted upon and CARRIED.",
    ],
)
@pytest.mark.parametrize(
    "clause",
    [
        "That the Authority will adopt a constructive approach to the proposed road scheme. "
        "Its response to consultations will be considered by Members at an Authority meeting.",
        "That the Panel supports the proposed precept of £12 for a Band D property.",
        "That the revised Local Plan timetable be approved.",
    ],
)
def test_a_carried_motion_over_a_bare_clause_gives_the_clause(carried, clause):
    text = (
        "Agenda item\n\nTo be moved by Cllr A Green and seconded by Cllr B White:\n\n"
        "“The Authority will adopt a position on the proposed road scheme.”\n\n\n"
        "The wording of the motion was amended with the agreement of the mover and seconder.\n\n\n"
        f"{carried}\n\n\n\n\n{clause}"
    )
    assert _texts(text) == [clause]


def test_a_carried_motion_with_nothing_after_it_is_still_the_decision():
    # guard: with no clause printed after it, the motion line is what the page says was decided
    text = (
        "7. Motion on litter\n\nIt was moved by Councillor Hale, seconded by Councillor Udall, "
        "that the Council write to the Secretary of State about litter on trunk roads.\n\n"
        "The motion was put to the vote and carried.\n\n8. Any other business\n\nNone.\n"
    )
    assert len(_texts(text)) == 1


def test_a_clause_after_a_lost_motion_is_not_a_decision():
    # guard: the motion fell, so the "That ..." paragraph after it was not resolved
    text = (
        "Agenda item\n\nThe amended motion was moved, seconded, voted upon and lost.\n\n\n"
        "That the Authority will adopt a constructive approach to the proposed road scheme."
    )
    assert _texts(text) == []


# ---------------------------------------------------------------------------------------------
# An agenda's conditional lead-in over the model resolution it asks the meeting to pass, on a
# page cut before the item's "Minutes:": agenda text, not a decision (branch minutestwice's
# reading, in other wordings)


@pytest.mark.parametrize(
    "lead",
    [
        "3.         If the recommendation is accepted, to formally pass the following resolution:-",
        "(c) If the recommendations are accepted, to formally pass the following resolution:",
        "3. If so, to pass the following resolution:-",
        "iii) Should the recommendation be accepted, to pass the following resolution:-",
        "3. If Members agree, to formally pass the following resolution:-",
    ],
)
def test_an_agendas_conditional_lead_in_over_a_model_resolution_is_not_a_decision(lead):
    text = (
        "36.\n\nExempt Information - Possible Exclusion of the Press and Public\n\n"
        "1.         To highlight Appendix 3 to Item 6 which officers have identified as "
        "containing exempt information.\n\n \n\n"
        "2.         To consider whether or not to accept the officers’ recommendation.\n\n \n\n"
        f"{lead}\n\n \n\n"
        "RESOLVED – That in accordance with paragraph 3 of Part 1 of Schedule 12A to the Local "
        "Government Act 1972, the public be excluded from the meeting during consideration of "
        "Appendix 3 to Agenda Item 6 on the grounds that it is likely "
    )
    assert _texts(text) == []


def test_the_minutes_moving_the_model_resolution_are_still_the_decision():
    # guard (branch minutestwice): the minutes' own motion to pass the resolution is a decision
    text = (
        "36. Exclusion of the press and public\n\nMinutes:\n\n"
        "It was moved and seconded that the Committee pass the following resolution:\n\n"
        "RESOLVED – That the public be excluded from the meeting during consideration of "
        "Appendix 3 to Agenda Item 6.\n"
    )
    assert len(_texts(text)) == 1


# ---------------------------------------------------------------------------------------------
# A motion printed with its outcome, then the RESOLVED that records it: one decision (batches 17
# and 21), the one under the keyword; a RESOLVED on another matter after a motion is a second


@pytest.mark.parametrize(
    ("motion", "resolved"),
    [
        (
            "It was proposed by Councillor Smith and seconded by Councillor Jones that Councillor "
            "White be appointed Vice-Chairman for the municipal year. On being put to the vote "
            "the motion was declared CARRIED.",
            "RESOLVED - that Councillor White be appointed Vice-Chairman of the Committee for the "
            "2021/22 municipal year.",
        ),
        (
            "It was moved by Councillor Hale and seconded by Councillor Udall that the minutes "
            "of the meeting held on 4 May be approved. The motion was carried.",
            "RESOLVED:\n\nThat the minutes of the meeting held on 4 May be approved as a correct "
            "record.",
        ),
        (
            "Proposed by Cllr Ward, seconded by Cllr Khan, that the application be refused. "
            "Carried unanimously.",
            "RESOLVED that the application be refused for the reasons set out in the report.",
        ),
    ],
)
def test_a_motion_printed_before_its_resolved_is_one_decision(motion, resolved):
    text = f"12. Item\n\nThe report was presented.\n\n{motion}\n\n{resolved}\n\n13. Next item\n"
    found = _texts(text)
    assert len(found) == 1
    assert found[0].lower().startswith("that")
    assert found[0] in resolved


def test_a_motion_then_a_resolved_on_another_matter_are_two_decisions():
    text = (
        "12. Item\n\nIt was proposed by Councillor Smith and seconded by Councillor Jones that "
        "Councillor White be appointed Vice-Chairman. The motion was declared CARRIED.\n\n"
        "RESOLVED - that the budget monitoring report for quarter 2 be noted.\n\n13. Next\n"
    )
    assert len(_texts(text)) == 2


# ---------------------------------------------------------------------------------------------
# The outcome joined to the motion's clause by "and" ("... that the report be noted and on being
# put to the vote this was carried"): the clause is what was moved (rule 4), the outcome is not
# part of it; a lost one stays out


@pytest.mark.parametrize(
    "motion",
    [
        "It was moved and seconded that the report be noted and on being put to the vote this "
        "was carried.",
        "It was moved and seconded that the report be noted and it was carried unanimously.",
        "It was moved by Councillor Hale and seconded by Councillor Udall that the report be "
        "noted and, upon being put to the vote, this was carried.",
    ],
)
def test_a_motions_outcome_joined_by_and_is_not_part_of_its_clause(motion):
    text = f"6. Item\n\nThe officer presented the report.\n\n{motion}\n\n7. Next item\n"
    assert _texts(text) == ["that the report be noted"]


def test_a_motion_lost_with_its_outcome_joined_by_and_is_not_a_decision():
    text = (
        "6. Item\n\nIt was moved by Cllr A and seconded by Cllr B that the application be refused "
        "and, on being put to the vote, this was lost.\n\n7. Next item\n"
    )
    assert _texts(text) == []


# ---------------------------------------------------------------------------------------------
# "The recommendation was put to the vote and CARRIED" ending its item with nothing listed under
# it: the report's recommendation carried (rule 4, the whole motion); with clauses under it, the
# clauses are the decision (batch 20)


@pytest.mark.parametrize(
    "line",
    [
        "The recommendation in the report was put to the vote and carried unanimously.",
        "The recommendation was put to the vote and CARRIED",
        "The recommendations were moved, seconded and, on being put to the vote, carried.",
    ],
)
def test_a_recommendation_carried_ending_its_item(line):
    text = f"6. Item\n\nThe officer presented the report.\n\n{line}\n\n7. Next item\n\nNone.\n"
    assert _texts(text) == [line]


def test_a_recommendation_carried_over_its_clauses_gives_the_clauses():
    text = (
        "6. Item\n\nThe recommendation was put to the vote and CARRIED.\n\n"
        "(1) That the report be noted.\n(2) That the plan be approved.\n\n7. Next item\n"
    )
    assert _texts(text) == ["That the report be noted.", "That the plan be approved."]


# ---------------------------------------------------------------------------------------------
# The keyword's text runs on, in the same paragraph, into a report of what someone said or did
# after the decision ("RESOLVED to co-opt X. MM noted that she would forward ...", "Resolved: That
# the report be noted. In relation to 5(a) Members supported ..."): the decision ends at its
# sentence (rule 1: the text ends at an unrelated paragraph); a decision of two sentences stays whole


@pytest.mark.parametrize(
    ("decision", "after"),
    [
        (
            "to co-opt Ann Lee onto the Council to fill the vacancy.",
            "The Clerk noted that she would send the forms.",
        ),
        (
            "That the report be noted.",
            "In relation to item 5(a) Members supported a letter to the Inspectorate.",
        ),
        (
            "That the minutes of the last meeting be confirmed as a correct record.",
            "Following the meeting Cllr Hale verbally informed the Authority that he had not been present.",
        ),
        ("that the grant of £500 be approved.", "Cllr. Smith thanked Members for their support."),
        ("That the budget be agreed.", "It was noted that the precept would be set in February."),
    ],
)
@pytest.mark.parametrize("keyword", ["RESOLVED", "Resolved:", "RESOLVED \u2013"])
def test_a_decision_ends_at_its_sentence_before_a_report_of_what_followed(keyword, decision, after):
    text = (
        "30/15 Miscellaneous Items\n\nThe report of the Director was considered.\n\n"
        f"{keyword} {decision}  {after}\n\n31/15 Applications\n"
    )
    assert _texts(text) == [decision]


def test_a_parish_motion_line_ends_at_its_sentence_too():
    text = (
        "22. Vacancies - An application had been received.  PROPOSED; SECONDED; RESOLVED to "
        "co-opt Ann Lee onto the Council to fill the vacancy.  The Clerk noted that she would "
        "send the forms.\n\n23. Next item\n"
    )
    assert _texts(text) == ["to co-opt Ann Lee onto the Council to fill the vacancy."]


def test_a_decision_of_two_sentences_stays_whole():
    text = (
        "30/15 Budget\n\nRESOLVED: That the budget be agreed. The Treasurer be authorised to "
        "set the precept accordingly.\n\n31/15 Next item\n"
    )
    assert _texts(text) == [
        "That the budget be agreed. The Treasurer be authorised to set the precept accordingly."
    ]
