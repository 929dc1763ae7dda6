"""Layout variants of principal authorities' and public bodies' decisions seen failing on batch 27
(issue 17, branch minutesprose2): lead-ins and their lists. A decision "subject to:" listed
conditions, a report's recommendations before the RESOLVED, numbered paragraphs of discussion, and
lead-ins that end the discussion ("The Committee agreed:", "It was agreed:", "Cabinet RESOLVED
to:"). None of these texts is taken from a page; each kind is written in several wordings, with
guards."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes


def _texts(text: str) -> list[str]:
    return [r.text for r in parse_minutes(text).resolutions]


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
