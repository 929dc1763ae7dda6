"""Follow-ups: ACTION lines, action tables, and resolutions that ask somebody for something."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes


def fus(text: str) -> list[tuple[str, str, str | None, str]]:
    return [(f.owner, f.text, f.resolution, f.source) for f in parse_minutes(text).followups]


# ----------------------------------------------------------------------------- ACTION lines


@pytest.mark.parametrize(
    "prefix",
    [
        "ACTION \u2013 ",
        "ACTION - ",
        "ACTION: ",
        "Action: ",
        "action \u2014 ",
        "ACTION:\t",
        "ACTION ",
    ],
)
def test_action_line_separators(prefix):
    text = (
        "4.6 It was suggested that a review of Family Hubs come back to Committee.\n\n"
        f"{prefix}DSU to add a Family Hub Review to the long-term work plan.\n"
    )
    assert fus(text) == [
        ("DSU", "add a Family Hub Review to the long-term work plan.", None, "action-line")
    ]


def test_action_owner_is_kept_as_written():
    e = parse_minutes("ACTION: the Director of Children's Services to write to all schools.\n")
    assert [(f.owner, f.text) for f in e.followups] == [
        ("the Director of Children's Services", "write to all schools.")
    ]


def test_action_without_owner_is_uncertain():
    e = parse_minutes("ACTION: The minutes to be circulated with the agenda.\n")
    assert [(f.owner, f.text) for f in e.followups] == [
        ("", "The minutes to be circulated with the agenda.")
    ]
    assert [u.line for u in e.unsure] == [1]


def test_action_with_trailing_owner_and_due_date():
    e = parse_minutes(
        "ACTION: Circulate the draft terms of reference \u2013 Democratic Services\n"
        "ACTION: Head of Early Help to provide referral figures by 31 March 2025.\n"
        "Action point 3: DSU to update the tracker by 01/06/2025\n"
    )
    assert [(f.owner, f.text, f.due) for f in e.followups] == [
        ("Democratic Services", "Circulate the draft terms of reference", None),
        ("Head of Early Help", "provide referral figures by 31 March 2025.", "2025-03-31"),
        ("DSU", "update the tracker by 01/06/2025", "2025-06-01"),
    ]


def test_actions_list():
    text = (
        "ACTIONS:\n"
        "\u2022 Clerk to circulate the presentation slides.\n"
        "\u2022 Performance Manager to share the dashboard with partners.\n\n"
        "The meeting ended at 4pm.\n"
    )
    assert [(o, t) for o, t, _, _ in fus(text)] == [
        ("Clerk", "circulate the presentation slides."),
        ("Performance Manager", "share the dashboard with partners."),
    ]


def test_action_note_in_prose():
    e = parse_minutes(
        "The Board asked for the attendance data to be shared with schools. (Action: JS)\n"
    )
    assert [(f.owner, f.text) for f in e.followups] == [
        ("JS", "The Board asked for the attendance data to be shared with schools.")
    ]


# ------------------------------------------------------------------------------ action tables


def test_tab_separated_action_table():
    text = (
        "Early Help Partnership Board \u2013 action log\n\n"
        "No.\tAction\tBy whom\tBy when\n"
        "1\tCirculate the draft strategy to partners\tJane Smith\t31 March 2025\n"
        "2\tArrange a development session\tClerk\tMarch 2025\n"
        "3\tUpdate the risk register\tHead of Early Help\t15/04/2025\n"
    )
    e = parse_minutes(text)
    assert [(f.owner, f.text, f.due, f.source, f.line) for f in e.followups] == [
        ("Jane Smith", "Circulate the draft strategy to partners", "2025-03-31", "action-table", 4),
        ("Clerk", "Arrange a development session (due: March 2025)", None, "action-table", 5),
        ("Head of Early Help", "Update the risk register", "2025-04-15", "action-table", 6),
    ]


def test_pipe_and_space_separated_action_tables():
    pipes = (
        "Actions from the last meeting\n\n"
        "| Action | Owner | Due |\n|---|---|---|\n"
        "| Share the family hub dashboard | Performance Manager | 30/06/2025 |\n"
        "| Review the referral pathway | Assistant Director |  |\n"
    )
    assert [(f.owner, f.text, f.due) for f in parse_minutes(pipes).followups] == [
        ("Performance Manager", "Share the family hub dashboard", "2025-06-30"),
        ("Assistant Director", "Review the referral pathway", None),
    ]
    spaces = "Action    Owner    Due\nBook the June workshop    Clerk    2 June 2025\n"
    assert [(f.owner, f.text, f.due) for f in parse_minutes(spaces).followups] == [
        ("Clerk", "Book the June workshop", "2025-06-02")
    ]


# ------------------------------------------------------------------ follow-ups from resolutions


@pytest.mark.parametrize(
    ("resolution", "owner", "what"),
    [
        (
            "That the Assistant Director for Early Help provides members with attendance data.",
            "Assistant Director for Early Help",
            "provides members with attendance data.",
        ),
        (
            "That the Director of Children's Services be asked to report back in March.",
            "Director of Children's Services",
            "report back in March.",
        ),
        (
            "That the Head of Service be requested to circulate the dashboard.",
            "Head of Service",
            "circulate the dashboard.",
        ),
        (
            "That officers circulate the slides to all Members.",
            "Officers",
            "circulate the slides to all Members.",
        ),
        (
            "That the Committee requests that the Director reviews the waiting list.",
            "Director",
            "reviews the waiting list.",
        ),
        (
            "That the Board asks the Cabinet Member to lobby the Department for Education.",
            "Cabinet Member",
            "lobby the Department for Education.",
        ),
        (
            "That the report be noted and that the Chair write to the Minister.",
            "Chair",
            "write to the Minister.",
        ),
        (
            "That Councillor Patel arranges a visit to the Family Hub.",
            "Councillor Patel",
            "arranges a visit to the Family Hub.",
        ),
    ],
)
def test_resolution_asking_somebody(resolution, owner, what):
    text = f"RESOLVED:\n1) That the update be noted.\n2) {resolution}\n"
    assert fus(text) == [(owner, what, "2", "resolution")]


@pytest.mark.parametrize(
    "resolution",
    [
        "That the report be noted.",
        "That the Early Help Strategy be approved.",
        "That the strategy be endorsed and the Committee's feedback help inform it.",
        "That the Committee welcomes the report and supports the approach.",
        "That the presentation on the introduction to Early Help be noted.",
        "That the Committee update be received.",
    ],
)
def test_noting_and_approving_are_not_followups(resolution):
    e = parse_minutes(f"RESOLVED: {resolution}\n")
    assert e.followups == ()
    assert e.unsure == ()


def test_request_without_owner_gives_an_ownerless_followup_and_an_uncertainty():
    e = parse_minutes(
        "RESOLVED that:\n(a) the report be noted; and\n"
        "(b) a progress report be brought back to the Committee by 31 March 2025.\n"
    )
    assert [(f.owner, f.text, f.resolution, f.due) for f in e.followups] == [
        (
            "",
            "a progress report be brought back to the Committee by 31 March 2025.",
            "b",
            "2025-03-31",
        )
    ]
    assert [(u.line, u.text) for u in e.unsure] == [(3, e.resolutions[1].text)]


def test_intro_naming_the_owner():
    text = (
        "RESOLVED that the Director of Public Health be asked to:\n"
        "(a) circulate the health visiting figures; and\n"
        "(b) report back to the next meeting.\n"
    )
    assert fus(text) == [
        ("Director of Public Health", "circulate the health visiting figures", "a", "resolution"),
        ("Director of Public Health", "report back to the next meeting.", "b", "resolution"),
    ]


def test_noted_resolutions_give_no_followups():
    assert fus("NOTED: That officers will circulate the slides.\n") == []


def test_followup_numbers_follow_renumbered_blocks():
    # no item printed: the second (1) is numbered in the page's order
    text = (
        "RESOLVED:\n1. That the report be noted.\n\nThe Board moved to the budget.\n\n"
        "AGREED:\n1. That officers circulate the budget monitoring report.\n"
    )
    e = parse_minutes(text)
    assert [r.number for r in e.resolutions] == ["1", "2"]
    assert [f.resolution for f in e.followups] == ["2"]


def test_partnership_board_notes_with_action_log():
    text = (
        "Early Help Partnership Board\n\n"
        "2. Family Hubs update\n"
        "JS gave an update. The Board agreed to receive a dashboard at each meeting. "
        "(Action: JS)\n"
        "Action: KM to share the workforce plan with partners by 28 February 2025.\n\n"
        "Action log\n"
        "Ref | Action | Owner | Due date | Status\n"
        "1 | Share workforce plan | KM | 28/02/2025 | Open\n"
        "2 | Add Family Hubs to forward plan | Clerk | | Complete\n"
    )
    e = parse_minutes(text)
    assert [(f.owner, f.text, f.source, f.due) for f in e.followups] == [
        ("JS", "The Board agreed to receive a dashboard at each meeting.", "action-line", None),
        (
            "KM",
            "share the workforce plan with partners by 28 February 2025.",
            "action-line",
            "2025-02-28",
        ),
        ("KM", "Share workforce plan", "action-table", "2025-02-28"),
        ("Clerk", "Add Family Hubs to forward plan", "action-table", None),
    ]
    assert [u.line for u in e.unsure] == [4]  # the owner-only "(Action: JS)"


def test_action_table_stops_at_prose_after_a_gap():
    text = (
        "ACTION LOG\n"
        "Action\tOwner\tDue\n"
        "Circulate the minutes\tClerk\t1 May 2025\n\n"
        "The Chair thanked everyone.  The meeting closed at 6pm.\n"
    )
    e = parse_minutes(text)
    assert [(f.owner, f.text, f.due) for f in e.followups] == [
        ("Clerk", "Circulate the minutes", "2025-05-01")
    ]
    assert e.unsure == ()


@pytest.mark.parametrize(
    ("line", "owner", "what"),
    [
        (
            "ACTION: Report Author to circulate the slides.",
            "Report Author",
            "circulate the slides.",
        ),
        ("ACTION: Circulate the slides (Clerk)", "Clerk", "Circulate the slides"),
        ("Action \u2013 Officers will confirm the venue.", "Officers", "confirm the venue."),
        ("ACTION: Circulate the slides to Members", "", "Circulate the slides to Members"),
    ],
)
def test_action_owner_forms(line, owner, what):
    e = parse_minutes(line + "\n")
    assert [(f.owner, f.text) for f in e.followups] == [(owner, what)]
    assert len(e.unsure) == (0 if owner else 1)


def test_actions_none_is_nothing():
    e = parse_minutes("ACTIONS:\nNone.\n\nThe meeting ended at 5pm.\n")
    assert e.followups == () and e.unsure == ()


def test_people_invited_to_a_meeting_are_not_owners_but_people_invited_to_act_are():
    invited = "RESOLVED: to invite the relevant Cabinet Lead Members to future meetings.\n"
    assert fus(invited) == []
    asked = "RESOLVED: to invite the Director to attend the next meeting.\n"
    assert fus(asked) == [("Director", "attend the next meeting.", "", "resolution")]


def test_a_resolution_whose_work_its_action_label_gives_is_one_follow_up_under_it():
    # the resolution asks the Clerk for the work its ACTION label gives the Clerk: one follow-up,
    # the label's, standing under the resolution (the review showed the same work twice)
    text = (
        "1. Village green\n"
        "RESOLVED: (1) That the bench on the green be repainted in May.\n"
        "(2) That the Clerk obtain quotes for two new litter bins. ACTION: Clerk\n"
    )
    fus = parse_minutes(text).followups
    assert [(f.owner, f.resolution) for f in fus] == [("Clerk", "2")]
    assert "obtain quotes for two new litter bins" in fus[0].text


def test_a_resolution_asking_one_person_keeps_its_follow_up_beside_another_owners_label():
    text = (
        "1. Village green\n"
        "RESOLVED: That the Clerk obtain quotes for two new litter bins. ACTION: Chair\n"
    )
    owners = sorted(f.owner for f in parse_minutes(text).followups)
    assert owners == ["Chair", "Clerk"]
