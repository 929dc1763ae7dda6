"""More UK council minute styles (invented text, real layouts): ModernGov inline numbering,
Cabinet delegations, "RESOLVED to ...", decision notices, "Minute No. 45/23" numbering, action
logs with a lead officer column, and standing agenda items as titles."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes


def res(e) -> list[tuple[str, str, str]]:
    return [(r.number, r.kind, r.text) for r in e.resolutions]


def fus(e) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.owner, f.text, f.resolution, f.due) for f in e.followups]


# ----------------------------------------------------------------- standing items as titles


@pytest.mark.parametrize(
    "title",
    [
        "Apologies for absence",
        "Apologies",
        "Apologies for Absence and Substitutions",
        "Declarations of Interest",
        "Declarations of Interests and Dispensations",
        "Minutes of the previous meeting",
        "Urgent business",
        "Exclusion of the press and public",
        "Any Other Business",
        "Date of Next Meeting",
    ],
)
def test_standing_agenda_items_keep_their_title(title):
    text = f"Agenda item\n\n{title}\n\nMinutes:\n\nApologies were received from Councillor Smith.\n"
    e = parse_minutes(text)
    assert e.title == title
    assert e.resolutions == () and e.unsure == ()
    # and as the first line of a page without the "Agenda item" line
    assert parse_minutes(f"{title}\n\nApologies were received from Cllr Smith.\n").title == title


def test_labels_are_still_not_titles():
    for label in ("Minutes:", "Present: Councillor A Jones (Chair)", "Apologies: Cllr Smith"):
        assert parse_minutes(f"Agenda item\n\n{label}\n\nText.\n").title is None


def test_an_item_called_minutes_before_the_minutes_label():
    text = (
        "Agenda item\n\nMinutes\n\n"
        "Recommendation: That the minutes of the meeting held on 5 March 2024 be confirmed.\n\n"
        "Minutes:\n\n"
        "RESOLVED \u2013 That the minutes of the meeting held on 5 March 2024 be confirmed as a "
        "correct record.\n"
    )
    e = parse_minutes(text)
    assert e.title == "Minutes"
    assert [r.number for r in e.resolutions] == [""]
    assert [u.line for u in e.unsure] == [5]  # the report's recommendation, not a decision


# ------------------------------------------------------------------------------------ styles


def test_moderngov_inline_numbered_resolutions_in_one_paragraph():
    text = (
        "Agenda item\n\nEarly Help Strategy 2024-2027\n\nMinutes:\n\n"
        "The Director of Children's Services introduced the report.\n\n"
        "RESOLVED \u2013 (1) That the Early Help Strategy 2024-2027 be approved. (2) That the "
        "Director of Children's Services be asked to report progress to the Committee in six "
        "months. (3) That the Chair write to the Secretary of State about funding.\n\n"
        "Supporting documents:\n"
    )
    e = parse_minutes(text)
    assert e.title == "Early Help Strategy 2024-2027"
    assert res(e) == [
        ("1", "resolved", "That the Early Help Strategy 2024-2027 be approved."),
        (
            "2",
            "resolved",
            "That the Director of Children's Services be asked to report progress to the "
            "Committee in six months.",
        ),
        ("3", "resolved", "That the Chair write to the Secretary of State about funding."),
    ]
    assert fus(e) == [
        (
            "Director of Children's Services",
            "report progress to the Committee in six months.",
            "2",
            None,
        ),
        ("Chair", "write to the Secretary of State about funding.", "3", None),
    ]
    assert e.unsure == ()
    # the same with "that (a) ...; (b) ..." run on after the heading
    e = parse_minutes(
        "RESOLVED that (a) the report be noted; (b) officers circulate the data by 1 June 2025; "
        "and (c) the Chair writes to the Minister.\n"
    )
    assert [r.number for r in e.resolutions] == ["a", "b", "c"]
    assert fus(e) == [
        ("Officers", "circulate the data by 1 June 2025", "b", "2025-06-01"),
        ("Chair", "writes to the Minister.", "c", None),
    ]


def test_cabinet_delegation_is_a_followup_for_the_delegate():
    text = (
        "Agenda item\n\nFamily Hubs Programme\n\nDecision:\n\n"
        "Resolved: That Cabinet: (a) approves the Family Hubs delivery plan; (b) delegates "
        "authority to the Director of Children's Services, in consultation with the Cabinet "
        "Member, to award the contract for hub refurbishment; and (c) notes the risks set out "
        "in the report.\n\n"
        "Reasons for the decision: to meet the Department for Education's grant conditions, as "
        "agreed with the Department.\n"
    )
    e = parse_minutes(text)
    assert e.title == "Family Hubs Programme"
    assert [(n, t) for n, _, t in res(e)] == [
        ("a", "approves the Family Hubs delivery plan;"),
        (
            "b",
            "delegates authority to the Director of Children's Services, in consultation with "
            "the Cabinet Member, to award the contract for hub refurbishment; and",
        ),
        ("c", "notes the risks set out in the report."),
    ]
    assert fus(e) == [
        (
            "Director of Children's Services",
            "award the contract for hub refurbishment (in consultation with the Cabinet Member)",
            "b",
            None,
        )
    ]
    # "Decision:" over "Resolved:" is a label, and the reasons are not decisions
    assert e.unsure == ()
    passive = parse_minutes(
        "12.3 RESOLVED that:\n(1) the report be noted;\n"
        "(2) authority be delegated to the Head of Legal Services to complete the lease.\n"
    )
    assert fus(passive) == [("Head of Legal Services", "complete the lease.", "2", None)]


def test_committee_resolved_to_note_and_to_ask_officers():
    text = (
        "Agenda item\n\nSEND Sufficiency\n\nMinutes:\n\n"
        "Members asked about waiting times for assessments.\n\n"
        "The Committee RESOLVED to note the report and to ask officers to circulate the "
        "waiting times data by ward before the next meeting.\n"
    )
    e = parse_minutes(text)
    assert res(e) == [
        (
            "",
            "resolved",
            "to note the report and to ask officers to circulate the waiting times data by ward "
            "before the next meeting.",
        )
    ]
    assert fus(e) == [
        ("Officers", "circulate the waiting times data by ward before the next meeting.", "", None)
    ]
    assert e.unsure == ()


def test_decision_notice_reason_is_not_a_resolution():
    text = (
        "Decision details\n\n"
        "Home to School Transport Policy 2025/26\n\n"
        "Decision Maker: Cabinet Member for Education and Skills\n\n"
        "Decision status: Recommendations Approved\n\n"
        "Is subject to call in?: Yes\n\n"
        "Purpose:\n\nTo approve the Home to School Transport Policy for 2025/26.\n\n"
        "DECISION:\n\n"
        "The Cabinet Member approved the Home to School Transport Policy 2025/26 and asked the "
        "Head of Transport to publish it on the Council's website by 31 May 2025.\n\n"
        "REASON FOR DECISION:\n\n"
        "The Council is required to publish its policy each year. It was agreed at the last "
        "review that the DECISION would be taken annually.\n\n"
        "ALTERNATIVE OPTIONS CONSIDERED:\n\n"
        "Not to publish a policy: rejected, as this was agreed to be unlawful.\n\n"
        "Publication date: 14/04/2025\n\nEffective from: 23/04/2025\n"
    )
    e = parse_minutes(text)
    assert e.title == "Home to School Transport Policy 2025/26"
    assert res(e) == [
        (
            "",
            "resolved",
            "The Cabinet Member approved the Home to School Transport Policy 2025/26 and asked "
            "the Head of Transport to publish it on the Council's website by 31 May 2025.",
        )
    ]
    assert fus(e) == [
        (
            "Head of Transport",
            "publish it on the Council's website by 31 May 2025.",
            "",
            "2025-05-31",
        )
    ]
    assert e.unsure == ()


def test_minute_number_paragraphs():
    text = (
        "Minute No. 45/23 Early Help Annual Report\n\n"
        "Minute No. 45/23.1 The Head of Early Help presented the annual report.\n\n"
        "Minute No. 45/23.2 RESOLVED: That the annual report be noted and that the Head of "
        "Early Help provide a breakdown of referrals by locality to the next meeting.\n"
        "Minute No. 46/23 Date of Next Meeting\n\n"
        "The next meeting will be held on 5 March 2024.\n"
    )
    e = parse_minutes(text)
    assert e.title == "Early Help Annual Report"
    assert res(e) == [
        (
            "45/23.2",
            "resolved",
            "That the annual report be noted and that the Head of Early Help provide a breakdown "
            "of referrals by locality to the next meeting.",
        )
    ]
    assert fus(e) == [
        (
            "Head of Early Help",
            "provide a breakdown of referrals by locality to the next meeting.",
            "45/23.2",
            None,
        )
    ]
    assert e.unsure == ()
    assert res(parse_minutes("45/23 RESOLVED \u2013 That the report be noted.\n")) == [
        ("45/23", "resolved", "That the report be noted.")
    ]


def test_action_log_with_lead_officer_and_target_date():
    text = (
        "Action log\n\n"
        "Ref | Action | Lead officer | Target date | Status\n"
        "--- | --- | --- | --- | ---\n"
        "23/01 | Circulate the Family Hubs dashboard to Members | Performance Manager | "
        "31/03/2025 | Open\n"
        "23/02 | Arrange a site visit to the Rotherham hub | Democratic Services | May 2025 | "
        "Complete\n"
        "23/03 | Report on SEND transport costs | Head of SEND | 12 June 2025 | On track\n"
    )
    e = parse_minutes(text)
    assert [(f.owner, f.text, f.due, f.source, f.line) for f in e.followups] == [
        (
            "Performance Manager",
            "Circulate the Family Hubs dashboard to Members",
            "2025-03-31",
            "action-table",
            5,
        ),
        (
            "Democratic Services",
            "Arrange a site visit to the Rotherham hub (due: May 2025)",
            None,
            "action-table",
            6,
        ),
        ("Head of SEND", "Report on SEND transport costs", "2025-06-12", "action-table", 7),
    ]
    assert e.resolutions == () and e.unsure == ()


# ------------------------------------------------------------------------------ owner text


@pytest.mark.parametrize(
    ("resolution", "owner"),
    [
        ("That the Committee will consider the matter in June.", "Committee"),
        ("That the Committee asks the service to explore options.", "Service"),
        ("That the Director be asked to review the policy.", "Director"),
        ("That officers circulate the slides.", "Officers"),
    ],
)
def test_owners_from_resolutions_are_written_as_names(resolution, owner):
    e = parse_minutes(f"RESOLVED: {resolution}\n")
    assert [f.owner for f in e.followups] == [owner]
