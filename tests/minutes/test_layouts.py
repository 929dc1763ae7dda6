"""Layouts the keyword reader alone missed: prose decisions, motions, lost labels, directives,
flattened action logs, item numbers, HTML pages, and what goes to the review list and why."""

from __future__ import annotations

import random

from tracker.minutes import parse_minutes, read_minutes_file


def res(text):
    return [(r.item, r.number, r.text) for r in parse_minutes(text).resolutions]


def acts(text):
    return [(f.owner, f.text) for f in parse_minutes(text).followups if f.source != "resolution"]


def test_prose_decision_of_the_board_is_taken_and_says_why():
    e = parse_minutes(
        "4. Future meetings\n\nThe Board agreed to a start time of 18:00 for future meetings.\n"
    )
    assert [(r.item, r.text) for r in e.resolutions] == [
        ("4", "to a start time of 18:00 for future meetings.")
    ]
    assert "prose decision" in e.resolutions[0].why
    assert "subject is The Board" in e.resolutions[0].why


def test_an_undertaking_is_not_a_resolution_but_is_listed_for_review():
    text = "It was agreed that a summary note would be circulated to members.\n"
    e = parse_minutes(text)
    assert e.resolutions == ()
    assert [(u.line, u.text) for u in e.unsure] == [(1, text.strip())]
    assert "undertaking" in e.unsure[0].reason


def test_it_was_agreed_that_x_be_is_a_resolution_but_would_is_not():
    text = (
        "It was agreed that the table of actions be streamlined.\n\n"
        "It was agreed that officers would report back in March.\n"
    )
    assert [t for *_, t in res(text)] == ["that the table of actions be streamlined."]


def test_a_members_view_is_not_a_decision():
    text = "Cllr Morton observed that agendas were long and also agreed that focus helped.\n"
    assert res(text) == []


def test_parish_motion_with_its_outcome():
    text = (
        "- To consider quotes for The Croft.\n"
        "Cllr Smith proposed that the option to fence the croft be accepted this was seconded "
        "by Cllr Nathan and agreed by majority vote with 9 in favour and 2 against.\n"
    )
    assert [t for *_, t in res(text)] == ["that the option to fence the croft be accepted"]


def test_the_carried_amendment_wins_over_the_proposal():
    text = (
        "Proposal\nProposed by Councillor A, Seconded by Councillor B,\n"
        "That the Committee approves the removal of asbestos.\n"
        "Amendment\nProposed by Councillor C, Seconded by Alderman D,\n"
        "That the Committee agrees to accept the extra mitigations.\n"
        "On a vote, sixteen Members voted for the amendment and two against and it was "
        "declared carried.\n"
    )
    e = parse_minutes(text)
    assert [r.text for r in e.resolutions] == [
        "That the Committee agrees to accept the extra mitigations."
    ]
    assert any("amendment was carried instead" in u.reason for u in e.unsure)


def test_a_proposal_with_no_outcome_goes_to_review_not_to_the_resolutions():
    e = parse_minutes(
        "Matt Halliday proposes Scott Baillie as Chairman and Jennifer Miller seconds .\n"
    )
    assert e.resolutions == ()
    assert e.unsure and e.unsure[0].line == 1 and e.unsure[0].reason.startswith("unsure:")


def test_list_whose_resolved_label_was_lost_after_the_vote():
    text = (
        "The proposals were put to the vote and carried unanimously.\n\n"
        "(1)   that the minutes are re-submitted to a future meeting;\n\n"
        "(2)   that an additional meeting of the Committee is held.\n"
    )
    assert res(text) == [  # the ";" joining the items is not part of the first (README rule 2)
        ("", "1", "that the minutes are re-submitted to a future meeting"),
        ("", "2", "that an additional meeting of the Committee is held."),
    ]


def test_bare_that_clause_ending_the_item():
    text = "7. Police and Crime Panel\n\nThe officer gave an update.\n\nThat the verbal update be noted.\n"
    assert res(text) == [("7", "", "That the verbal update be noted.")]


def test_directives_with_initials_and_the_agenda_trap():
    text = (
        "1.\n\nWelcome\n\nThe Chair to welcome members to the meeting.\n\nMinutes:\n\n"
        "The Chair welcomed everyone.\n\n"
        "2.\n\nMatters arising\n\nMinutes:\n\n"
        "IJ to contact SL to set up a meeting with her\nAB is to organise a site visit\n"
        "Stephen Lawrence-Orumwense to be invited to future agenda setting meetings.\n"
    )
    assert acts(text) == [
        ("IJ", "contact SL to set up a meeting with her"),
        ("AB", "organise a site visit"),
        ("", "Stephen Lawrence-Orumwense to be invited to future agenda setting meetings."),
    ]


def test_owner_only_label_takes_the_sentence_before_skipping_a_proposal_label():
    text = (
        "Minutes of last meeting\n\nProposal: Action\n\nThe Board agreed:\n\n"
        "\u00b7 That the minutes be confirmed as a correct record.\n\nActions: Chair\n"
    )
    assert acts(text) == [("Chair", "That the minutes be confirmed as a correct record.")]


def test_action_log_flattened_onto_one_line():
    row = (
        "Meeting Item Action / Progress Outcome Board 07/10/08 Commissioning Older Services - "
        "Argyll & Bute CHP to keep Board informed of progress. Board 04/11/08 Clinical "
        "Governance Committee A briefing on the neonatal threshold to be circulated to Board "
        "members. Board Dev. 10/08/09 Grants to Voluntary Organisations Director of Community "
        "Care to liaise with Argyll & Bute Council on a joint compact. "
    )
    text = row * 3  # one physical line of about 1,000 characters
    found = acts(text)
    assert found[:3] == [
        ("Argyll & Bute CHP", "keep Board informed of progress."),
        ("", "A briefing on the neonatal threshold to be circulated to Board members."),
        ("Director of Community Care", "liaise with Argyll & Bute Council on a joint compact."),
    ]
    assert {f.line for f in parse_minutes(text).followups} == {1}


def test_item_numbers_of_many_shapes():
    text = (
        "F03:04/24 To elect a Vice-Chair.\nRESOLVED: Cllr Mann elected as vice-chair.\n\n"
        "2020-06_4. CONFIRMATION OF MINUTES\nRESOLVED \u2013 The minutes were approved.\n\n"
        "19/17 / PROCEDURAL MATTERS\nRESOLVED: That the declarations were noted.\n\n"
        "5.1\n\n5TH FEBRUARY, 2018\n\nMinutes:\n\nUNANIMOUSLY RESOLVED that the minutes be "
        "signed.\n"
    )
    assert [i for i, _n, _t in res(text)] == ["F03:04/24", "2020-06_4", "19/17", "5.1"]


def test_an_item_heading_containing_resolution_is_a_title():
    text = "18/17 / RESOLUTION TO MEET IN CLOSED SESSION\nThe press were excluded.\n"
    assert res(text) == []


def test_agreed_alone_is_the_items_outcome():
    text = "2 MINUTES OF THE PREVIOUS MEETING\n\nAgreed.\n\nR:\\PCP\\MINUTES.DOC - 1\n"
    assert res(text) == [("2", "", "Agreed.")]


def test_hard_wrapped_resolution_is_rejoined():
    text = "Resolved \u2013 That the minutes of the meeting be\n\nagreed as a correct record.\n"
    assert [t for *_, t in res(text)] == [
        "That the minutes of the meeting be agreed as a correct record."
    ]


def test_html_page_saved_as_text():
    page = (
        "<!DOCTYPE html><html><head><style>p{}</style><script>var x=1;</script></head><body>"
        "<h2>5. Family Hubs</h2><p>Minutes:</p><p><strong>RESOLVED</strong> &ndash; That the "
        "report be noted.</p><table><tr><th>Action</th><th>Owner</th><th>Due</th></tr><tr>"
        "<td>Circulate the dashboard</td><td>Clerk</td><td>31/03/2025</td></tr></table>"
        "</body></html>"
    )
    e = parse_minutes(page)
    assert [(r.item, r.text) for r in e.resolutions] == [("5", "That the report be noted.")]
    assert [(f.owner, f.text, f.due) for f in e.followups] == [
        ("Clerk", "Circulate the dashboard", "2025-03-31")
    ]


def test_utf16_and_cp1252_files_read_the_same(tmp_path):
    text = (
        "3. Budget \u2013 2025\n\nIt was agreed that the Council\u2019s budget be approved.\n\n"
        "IJ to circulate the report\n"
    )
    want = parse_minutes(text)
    for encoding in ("utf-16", "cp1252", "utf-8-sig"):
        path = tmp_path / f"m-{encoding}.txt"
        path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
        got = parse_minutes(read_minutes_file(path))
        assert got.resolutions == want.resolutions
        assert got.followups == want.followups


def test_a_large_flattened_page_is_read_without_crashing():
    rng = random.Random(17)
    words = [
        "the",
        "Board",
        "agreed",
        "that",
        "to",
        "be",
        "RESOLVED",
        "IJ",
        "action",
        "|",
        "/",
        "(",
        ")",
        "1.",
        "a)",
        "Minutes:",
        "would",
    ]
    text = " ".join(rng.choice(words) for _ in range(60_000))  # one line of ~250 KB
    e = parse_minutes(text)
    assert all(u.line == 1 for u in e.unsure)


def test_low_scoring_candidates_are_listed_with_their_line_and_reason():
    text = "Report of the Director\n\nIt was agreed that the strategy be approved.\n"
    e = parse_minutes(text)
    assert e.resolutions == ()
    assert [u.line for u in e.unsure] == [3]
    assert e.unsure[0].reason.startswith("unsure: prose decision")
    assert "the page is a report" in e.unsure[0].reason


def test_list_markers_glued_to_their_text():
    text = "RESOLVED:\n(1)the report be noted;\n(2)the plan be approved.\n"
    assert res(text) == [("", "1", "the report be noted;"), ("", "2", "the plan be approved.")]


def test_numbered_action_reference_glued_to_the_sentence():
    text = (
        "Performance report\n\n"
        "The dashboard will be circulated to all partners before the next meeting....Action "
        "3.02: AB\n"
    )
    assert acts(text) == [
        ("AB", "The dashboard will be circulated to all partners before the next meeting.")
    ]


def test_owner_column_flattened_into_trailing_initials():
    text = (
        "Matters arising\n\n1. Circulate the revised plan to members AB/CD\n"
        "2. Book the venue for the March meeting JS\n3. Update the risk register KM\n"
    )
    assert acts(text) == [
        ("AB/CD", "Circulate the revised plan to members."),
        ("JS", "Book the venue for the March meeting."),
        ("KM", "Update the risk register."),
    ]


def test_names_with_post_nominals_are_not_an_owner_column():
    text = (
        "Present\n\n\u2022 Rt. Hon. Ann Jones MS\n\u2022 Bob Evans MS\n\u2022 Carys Hughes AM\n"
        "\u2022 Dai Price MP/MS\n"
    )
    assert acts(text) == []
