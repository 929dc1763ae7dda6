"""Layout variants of principal authorities' and public bodies' decisions seen failing on batch 27
(issue 17, branch minutesprose2): who decides. An authority as the meeting's body, a body by its
full name before "and agreed to", a named decision maker's label over verb-first items, a decision
notice's lead-in naming its decision maker, a dated decision title over infinitive clauses, and an
item that asks someone (its follow-up's owner). None of these texts is taken from a page; each kind
is written in several wordings, with guards."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes


def _texts(text: str) -> list[str]:
    return [r.text for r in parse_minutes(text).resolutions]


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
