"""Layout variants of principal authorities' and public bodies' decisions seen failing on batch 27
(issue 17, branch minutesprose2): a decision keyword followed by the vote in brackets with the
clause on the next paragraph ("RESOLVED: (Unanimously)"), a motion or recommendation "moved,
seconded, voted upon and carried" over a bare "That ..." clause whose "RESOLVED" was lost, an
agenda's conditional lead-in over a model resolution ("If the recommendation is accepted, to
formally pass the following resolution:-"), and a named decision maker's label over its
verb-first items ("Decision of Executive Councillor for Housing" / "i. Approved ..."). None of
these texts is taken from a page; each kind is written in several wordings, with guards."""

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
# A named decision maker's label over roman-numbered, verb-first items, hard-wrapped as CMIS
# pages print it ("Decision\nof Executive Councillor for Housing\ni.\nApproved\nthe issue of
# ..."): each item is the decision (rule 6's "named decision maker", rule 5's verb-first items)


@pytest.mark.parametrize(
    "label",
    [
        "Decision\nof Executive Councillor for Housing",
        "Decision of Executive Councillor for Housing",
        "Decision of the Executive Councillor for Finance and Resources",
        "Decision of Cabinet Member for Environment",
        "Decision\nof Executive Member for Planning",
    ],
)
def test_a_decision_makers_label_over_verb_first_items(label):
    text = (
        "Structural Repairs to Council-Owned Flats PDF 344 KB Minutes: Matter for\nDecision\nI.\n"
        "The Council owned a number\nof blocks of flats built in the 1950s. The work now needed "
        "to be\ntendered. "
        f"{label}\ni.\nApproved\nthe issue of tenders and authorise the\nStrategic Director to "
        "award a contract\nfor the repairs.\nii.\nNoted\nthe programme of surveys. "
        "Reason for the Decision As set out in the Officer’s report. Any Alternative Options "
        "Considered and Rejected Not applicable. Scrutiny\nConsiderations The Committee "
        "received a report from the Asset Manager."
    )
    found = [" ".join(t.split()) for t in _texts(text)]
    assert found == [
        "Approved the issue of tenders and authorise the Strategic Director to award a contract "
        "for the repairs.",
        "Noted the programme of surveys.",
    ]


def test_a_decision_makers_label_in_an_agenda_heading_is_not_a_decision():
    # guard: "To Note Decision Taken by the Executive Councillor" is an agenda item's title
    text = (
        "To Note Decision Taken by the Executive Councillor for Housing None since last meeting. "
        "Minutes: None |\n"
    )
    assert _texts(text) == []


def test_a_decision_makers_item_wrapped_inside_its_brackets_runs_to_its_full_stop():
    text = (
        "Repairs to Flats Minutes: The Council owned a number of blocks of flats. "
        "Decision of Executive Councillor for Housing\ni.\nApproved\nthe issue of tenders and "
        "authorise the\nStrategic Director (following consultation with Executive Councillor, "
        "Chair,\nVice Chair and Spokes of the Committee) to award a contract\nfor the repairs. "
        "Reason for the Decision As set out in the Officer’s report."
    )
    found = [" ".join(t.split()) for t in _texts(text)]
    assert found == [
        "Approved the issue of tenders and authorise the Strategic Director (following "
        "consultation with Executive Councillor, Chair, Vice Chair and Spokes of the Committee) "
        "to award a contract for the repairs."
    ]


# ---------------------------------------------------------------------------------------------
# An authority meeting as the body ("The Authority agreed ...", fire and rescue, combined and
# national park authorities): rule 3's prose decision, as "The Panel agreed ..." is; a local
# authority named as a partner is not the meeting


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Authority agreed that the revised fire cover standards be adopted with effect "
            "from 1 April 2024. The Chief Fire Officer thanked Members.",
            "that the revised fire cover standards be adopted with effect from 1 April 2024.",
        ),
        (
            "The Fire Authority agreed to adopt the revised standards.",
            "to adopt the revised standards.",
        ),
        (
            "The Combined Authority agreed that the budget be approved.",
            "that the budget be approved.",
        ),
        (
            "The National Park Authority unanimously agreed to approve the plan.",
            "to approve the plan.",
        ),
        (
            "The Fire and Rescue Authority resolved that the pay policy be approved.",
            "that the pay policy be approved.",
        ),
    ],
)
def test_an_authority_meeting_as_the_body_decides_in_prose(sentence, expected):
    text = f"6. Item\n\nThe officer presented the report.\n\n{sentence}\n\n7. Next item\n"
    assert _texts(text) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The local authority agreed to fund the post for a further year.",
        "The Local Authority agreed to fund the post for a further year.",
        "The Authority agreed that the Treasurer would circulate the figures to Members.",
    ],
)
def test_a_partner_authority_or_an_undertaking_is_not_the_meetings_decision(sentence):
    text = f"6. Item\n\nThe officer presented the report.\n\n{sentence}\n\n7. Next item\n"
    assert _texts(text) == []


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
# A decision taken "subject to:" a list of noun-phrase conditions: the decision is the lead-in,
# the conditions are its data (batch 7's data list, batch 15's "on the following basis:-"), not
# decisions of their own; a lead-in over clauses of its own keeps its items (branch minutestwice)


@pytest.mark.parametrize(
    ("lead", "conditions"),
    [
        (
            "(i) to approve the Local Plan strategy, subject to:",
            "(a) the addition of a policy on self-build housing;\n"
            "(b) the amendment of the housing trajectory; and\n(c) minor editorial changes.",
        ),
        (
            "1. That planning permission be granted subject to the following conditions:",
            "(a) the completion of a Section 106 agreement;\n(b) the conditions in the report.",
        ),
        (
            "(1) That the lease be renewed, subject to the following:-",
            "(i) a rent review after five years;\n(ii) the tenant's repairing obligations.",
        ),
    ],
)
def test_a_decision_subject_to_listed_conditions_is_the_lead_in(lead, conditions):
    text = (
        "5. Local Plan\n\nThe Head of Planning introduced the report.\n\nRESOLVED:\n\n"
        f"{lead}\n\n{conditions}\n\n6. Any other business\n\nNone.\n"
    )
    found = _texts(text)
    assert len(found) == 1
    assert found[0] in lead


def test_a_subject_to_lead_in_over_clauses_keeps_its_clauses():
    text = (
        "5. Annual Report\n\nRESOLVED:\n\n(2) That, subject to the following amendments, the "
        "Annual Report be presented to Annual Council:\n\n(i) That a section be added on "
        "complaints;\n(ii) That the foreword be shortened.\n\n6. Next item\n"
    )
    assert [t.rstrip(";") for t in _texts(text)] == [
        "That a section be added on complaints",
        "That the foreword be shortened.",
    ]


# ---------------------------------------------------------------------------------------------
# An "Issue - decisions" page whose decision is written as infinitive clauses under its dated
# title, the "Decision:" label lost: each clause is a resolution (batch 20's issue-decisions
# reading); a report's purpose ("To present ...") and an agenda's "To approve ..." are not


@pytest.mark.parametrize(
    "fields",
    [
        "",
        "Decision Maker: Cabinet\n\nDecision published: 15/01/2021\n\nEffective from: 22/01/2021\n\n",
    ],
)
@pytest.mark.parametrize(
    ("clauses", "expected"),
    [
        (
            "To continue with informal virtual meetings until the end of March 2021, with "
            "decisions taken under delegated powers.\n\nTo review the arrangements at the March "
            "meeting.",
            [
                "To continue with informal virtual meetings until the end of March 2021, with "
                "decisions taken under delegated powers.",
                "To review the arrangements at the March meeting.",
            ],
        ),
        (
            "To approve the revised fees and charges for 2021/22.",
            ["To approve the revised fees and charges for 2021/22."],
        ),
        (
            "To defer a decision on the car park charges until the review is complete.",
            ["To defer a decision on the car park charges until the review is complete."],
        ),
    ],
)
def test_infinitive_clauses_under_a_dated_decision_title(fields, clauses, expected):
    text = (
        "Issue - decisions\n\nCovid-19 arrangements\n\n"
        f"14/01/2021 - Covid-19 arrangements\n\n{fields}{clauses}\n"
    )
    assert _texts(text) == expected


def test_a_reports_purpose_under_a_dated_title_is_not_a_decision():
    text = (
        "Issue - decisions\n\nTask group report\n\n12/03/2019 - Task group report\n\n"
        "To present the task group's final report to Cabinet.\n"
    )
    assert _texts(text) == []


def test_an_agendas_infinitive_items_without_a_dated_title_are_not_decisions():
    text = (
        "Agenda\n\n3. Minutes\n\nTo approve the minutes of the meeting held on 4 May.\n\n"
        "4. Fees\n\nTo approve the revised fees and charges for 2021/22.\n"
    )
    assert _texts(text) == []


# ---------------------------------------------------------------------------------------------
# A body by its full name, another verb first, then "and agreed to ..." (batch 13's "The board was
# provided with an update ..., and agreed to ..."); a local authority named as a partner is not


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Police and Crime Panel reviewed the proposed precept and agreed to support it.",
            "to support it.",
        ),
        (
            "The Fire Authority considered the draft budget and agreed that it be approved.",
            "that it be approved.",
        ),
        (
            "The Health and Wellbeing Board received the annual report and agreed to publish it.",
            "to publish it.",
        ),
    ],
)
def test_a_body_by_its_full_name_then_and_agreed(sentence, expected):
    text = f"6. Item\n\nThe officer presented the report.\n\n{sentence}\n\n7. Next item\n"
    assert _texts(text) == [expected]


def test_a_local_authority_then_and_agreed_is_a_partner():
    text = (
        "6. Item\n\nThe officer presented the report.\n\nThe local authority reviewed its "
        "policy and agreed to fund the post.\n\n7. Next item\n"
    )
    assert _texts(text) == []


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
# A report's recommendations printed before the decision ("It is recommended that Cabinet:" over
# its list, then "RESOLVED: That the recommendations be approved."): the decision is under the
# keyword, the list is the report's (the preamble trap); with no keyword below, the list
# is the decision whose label was lost (the "It is recommended that Cabinet:" kind)


@pytest.mark.parametrize(
    "lead",
    [
        "It is recommended that Cabinet:",
        "It is recommended that the Committee:",
        "It was recommended that the Executive:",
    ],
)
@pytest.mark.parametrize(
    "resolved",
    [
        "RESOLVED: That the recommendations be approved.",
        "RESOLVED –\n\nThat the recommendations set out in the report be agreed.",
        "DECISION: That the recommendations be approved, subject to a review in 2025.",
    ],
)
def test_a_reports_recommendations_before_the_resolved_are_not_decisions(lead, resolved):
    text = (
        "8. Housing Strategy\n\nThe Director introduced the report.\n\n"
        f"{lead}\n\n1. approves the Housing Strategy 2024-2029;\n2. delegates authority to the "
        f"Director of Housing to make minor amendments.\n\n{resolved}\n\n9. Next item\n\nNone.\n"
    )
    found = _texts(text)
    assert len(found) == 1
    assert "recommendations" in found[0]


def test_recommendations_with_no_keyword_below_are_the_decision():
    text = (
        "8. Housing Strategy\n\nIt is recommended that Cabinet:\n\n1. approves the Housing "
        "Strategy 2024-2029;\n2. delegates authority to the Director of Housing to make minor "
        "amendments.\n\n9. Next item\n\nNone.\n"
    )
    assert len(_texts(text)) == 2


# ---------------------------------------------------------------------------------------------
# Numbered paragraphs of the discussion ("(2) Members discussed ...", "5) The Chairman mentioned
# ..."): rule 6, not decisions, even where a paragraph says what should be; numbered clauses of a
# decision with no label stay decisions


def _numbered_minutes(paragraphs: list[str], marker: str) -> str:
    body = "\n\n \n\n".join(f"{marker.format(n=n)}    {p}" for n, p in enumerate(paragraphs, 1))
    return f"Agenda item\n\nReview of the Community Safety Partnership\n\nMinutes:\n\n{body}\n"


_DISCUSSION = [
    "Members discussed the draft strategy. It was requested that the action plan be revised "
    "before publication.",
    "The Chairman mentioned the recent consultation events, which should be repeated next year.",
    "Members asked that a summary of responses be provided for the next meeting.",
    "Regarding the budget, it was hoped that additional funding could be secured.",
]


@pytest.mark.parametrize("marker", ["({n})", "{n})", "{n}."])
@pytest.mark.parametrize(
    "paragraphs",
    [
        _DISCUSSION,
        [
            "Cllr Hale reported that the new website should be live in May.",
            "It was suggested that the code of conduct be adopted by all authorities.",
            "In response to a question, the officer explained that the figures would be updated.",
        ],
    ],
)
def test_numbered_paragraphs_of_discussion_are_not_decisions(marker, paragraphs):
    assert _texts(_numbered_minutes(paragraphs, marker)) == []


def test_numbered_clauses_of_a_decision_stay_decisions():
    text = _numbered_minutes(
        [
            "That the draft strategy be approved for consultation.",
            "That the action plan be revised before publication.",
        ],
        "({n})",
    )
    assert len(_texts(text)) == 2


# ---------------------------------------------------------------------------------------------
# The body's lead-in ending the paragraph of discussion above its list ("The Head of Service
# presented the report. The Committee agreed:"), or "agreed the following:": batch 13's lead-in,
# its items the resolutions; members' points listed after a discussion are not


@pytest.mark.parametrize(
    "lead",
    [
        "The Head of Service presented the report. Following discussion the Committee agreed as "
        "follows:",
        "The Head of Service presented the report. The Committee agreed:",
        "The Panel agreed the following:",
        "Members asked about absence levels. The Fire Authority resolved as follows:-",
    ],
)
def test_a_lead_in_ending_the_discussion_over_its_list(lead):
    text = (
        f"5. Quarterly Performance\n\n{lead}\n\n- to note the report;\n- to ask the Director to "
        "report back on sickness absence in March.\n\n6. Next item\n"
    )
    assert [t.rstrip(";") for t in _texts(text)] == [
        "to note the report",
        "to ask the Director to report back on sickness absence in March.",
    ]


@pytest.mark.parametrize(
    "lead",
    [
        "The Head of Service presented the report. Members raised the following points:",
        "Members agreed the following:",
    ],
)
def test_points_listed_after_a_discussion_are_not_decisions(lead):
    text = (
        f"5. Quarterly Performance\n\n{lead}\n\n- the sickness figures were too high;\n- the "
        "targets were not stretching enough.\n\n6. Next item\n"
    )
    assert _texts(text) == []


# ---------------------------------------------------------------------------------------------
# A decision notice: a label with a bracketed reference, a lead-in naming the decision maker with
# no verb of its own, then roman-numbered "To ..." items (the decision-notice kind): each
# item is the decision; a report's "the Cabinet Member for X is asked to:" is not


@pytest.mark.parametrize(
    "lead",
    [
        "Having considered the report and the options set out in it, the Cabinet Member for "
        "Children's Services:",
        "After consideration of the consultation responses, the Portfolio Holder for Housing:",
        "Having taken into account the advice of officers, the Leader:",
    ],
)
def test_a_decision_notices_lead_in_naming_its_decision_maker(lead):
    text = (
        "Key Decision (Ref: KD/2021/07)\n\n"
        f"{lead}\n\n(i) To approve the revised home to school transport policy.\n(ii) To "
        "authorise the Director to implement the policy from September 2021.\n\n"
        "Reasons: To ensure the policy complies with the statutory guidance.\n"
    )
    assert _texts(text) == [
        "To approve the revised home to school transport policy.",
        "To authorise the Director to implement the policy from September 2021.",
    ]


def test_a_report_asking_the_decision_maker_is_not_a_decision():
    text = (
        "Report to the Cabinet Member for Children's Services\n\nRecommendations\n\n"
        "Having considered the consultation, the Cabinet Member for Children's Services is asked "
        "to:\n\n(i) To approve the revised home to school transport policy.\n"
    )
    assert _texts(text) == []


# ---------------------------------------------------------------------------------------------
# A ModernGov row flattened onto one line: "... Having considered the report, Cabinet RESOLVED
# to: (a) note ...; and (b) approve ...": the lettered items are the decisions, "to:" is not


@pytest.mark.parametrize(
    "lead",
    [
        "Having considered the report, Cabinet RESOLVED to:",
        "After discussion the Panel RESOLVED that:",
        "Having considered the report, the Cabinet AGREED to:",
    ],
)
def test_a_midline_keyword_lead_in_over_lettered_items(lead):
    text = (
        "46 Revenue Budget Monitoring PDF 200 KB Minutes: The Cabinet considered the report of "
        f"the Director. {lead} (a) note the forecast outturn; and (b) approve the virements set "
        "out in the report. |\n47 Capital Programme PDF 100 KB Minutes: None. |\n"
    )
    found = [t.removesuffix("; and").rstrip(";") for t in _texts(text)]
    assert found == ["note the forecast outturn", "approve the virements set out in the report."]


# ---------------------------------------------------------------------------------------------
# A verb-first item that asks someone ("ask the Commissioner to provide ..."): its follow-up is the
# one asked, once; "Ask the Commissioner" is not an owner


@pytest.mark.parametrize(
    ("item", "owner"),
    [
        ("ask the Commissioner to provide a written response within 20 days.", "Commissioner"),
        ("request the Chief Constable to attend the next meeting.", "Chief Constable"),
        (
            "invite the Director of Public Health to present the annual report.",
            "Director of Public Health",
        ),
    ],
)
def test_an_item_asking_someone_gives_one_follow_up_to_the_one_asked(item, owner):
    text = f"Decision:\n\nThe Panel agreed to:\n\n1. note the update;\n\n2. {item}\n"
    owners = [f.owner for f in parse_minutes(text).followups]
    assert len(owners) == 1
    assert owners[0].endswith(owner)


# ---------------------------------------------------------------------------------------------
# "It was agreed:" as the meeting's lead-in, alone or ending the paragraph of discussion, over a
# bulleted list: its items are the decisions; "It was noted:" or "It was suggested:" are not


@pytest.mark.parametrize(
    "lead",
    [
        "The Panel considered the proposed precept. It was agreed:",
        "It was therefore agreed as follows:-",
        "Following discussion it was agreed:",
        "Members asked about the reserves. It was unanimously agreed that:",
    ],
)
def test_it_was_agreed_as_a_lead_in_over_bullets(lead):
    text = (
        f"5. Precept\n\n{lead}\n\n• that the proposed precept be supported;\n• that a letter be "
        "sent to the Commissioner setting out its views.\n\n6. Next item\n"
    )
    assert len(_texts(text)) == 2


@pytest.mark.parametrize("lead", ["It was noted:", "The Panel heard the report. It was suggested:"])
def test_it_was_noted_over_bullets_is_not_a_decision(lead):
    text = (
        f"5. Precept\n\n{lead}\n\n• that the reserves were high;\n• that the precept was lower "
        "than last year.\n\n6. Next item\n"
    )
    assert _texts(text) == []


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
