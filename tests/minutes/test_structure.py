"""Structure the reader reads rather than phrases: a lead-in that is the body's own decision,
lists whose items start in lower case, the body as the subject of a second verb, directives
after a label or a clause, a page cut mid-sentence, dates and lost item numbers."""

from __future__ import annotations

from tracker.minutes import parse_minutes


def res(text):
    return [(r.item, r.text) for r in parse_minutes(text).resolutions]


def acts(text):
    return [(f.owner, f.text) for f in parse_minutes(text).followups if f.source != "resolution"]


def test_the_bodys_own_lead_in_introduces_its_roman_list_and_each_item_is_a_resolution():
    text = (
        "4. Membership\n\nA report set out changes to membership.\n\n"
        "Following consideration the Board agreed:\n\n"
        "i) to note the Chair and Vice-Chair were due to rotate on 1 April;\n"
        "ii) a new Chair for the Audit Committee; and\n"
        "iii) to note the progress update on voting membership.\n"
    )
    e = parse_minutes(text)
    assert [(r.number, r.text) for r in e.resolutions] == [
        ("i", "to note the Chair and Vice-Chair were due to rotate on 1 April"),
        ("ii", "a new Chair for the Audit Committee"),
        ("iii", "to note the progress update on voting membership."),
    ]
    assert "introduced by the body's decision" in e.resolutions[0].why


def test_bulleted_outcomes_under_the_body_alone_are_resolutions_and_a_data_list_is_not():
    text = (
        "6. Justine Westwood introduced the paper on the key programmes. In consideration of "
        "the report, the board agreed to consider the following at future meetings:\n\n  \u2022 The Cancer Programme;\n  \u2022 Workforce Planning.\n\n"
        "8. The Board:\n\n"
        "  \u2022 noted the progress of the programmes; and\n"
        "  \u2022 agreed the revised milestone dates.\n"
    )
    assert res(text) == [
        ("6", "to consider the following at future meetings:"),
        ("8", "noted the progress of the programmes"),
        ("8", "agreed the revised milestone dates."),
    ]


def test_the_body_as_subject_of_a_second_verb_is_a_prose_decision():
    text = (
        "7. The board was provided with an update on the plan refresh, and agreed to consider "
        "this in more detail at a future meeting.\n"
    )
    assert res(text) == [("7", "to consider this in more detail at a future meeting.")]
    # another subject in between is somebody else's agreement
    other = "7. The board heard that the Chair had met the Minister and agreed to write.\n"
    assert res(other) == []


def test_a_directive_after_a_label_or_a_clause_is_an_action_but_not_an_object_of_a_phrase():
    text = (
        "Oich Road - DM to get back in touch with Shane Manning.\n"
        "There was a CLG meeting before Christmas, DM to email Ryan Davidson about a leaflet.\n"
    )
    assert acts(text) == [
        ("DM", "get back in touch with Shane Manning."),
        ("DM", "email Ryan Davidson about a leaflet."),
    ]
    table = (
        "Actions arising\n\nNo / Action / Resp.\n\n"
        "Desired outcomes: review of the LSP to accommodate national and local change.\n"
    )
    assert acts(table) == []


def test_a_decision_cut_off_by_the_end_of_the_page_before_its_verb_is_not_taken():
    cut = "Diary dates\n\nAfter discussion it was agreed that the first Council "
    e = parse_minutes(cut)
    assert e.resolutions == ()
    assert any("cut off" in u.reason for u in e.unsure)
    said = "Training\n\nIt was agreed to make representations to the Home Office about some of "
    assert [r.text for r in parse_minutes(said).resolutions] == [
        "to make representations to the Home Office about some of"
    ]


def test_a_meetings_date_is_not_an_item_and_a_lost_number_gives_no_item():
    dated = (
        "Moray Integration Joint Board\n29 Apr 2021 - 13:00 to 14:00\n\n"
        "The Board agreed to note the report.\n"
    )
    assert res(dated) == [("", "to note the report.")]
    lost = (
        "306  DECLARATIONS OF INTEREST \u2013 Councillors A and B declared an interest.\n\n"
        "Minutes of a Community Council Meeting held at the Hall on 1 March 2017.\n\n"
        "RESOLVED \u2013 The minutes were approved and signed by the Chair.\n\n"
        "308.1  Minute Reference 289.1  Planning Application  Reported \u2013 that a meeting "
        "had been held with the developer.\n"
    )
    assert res(lost) == [("", "The minutes were approved and signed by the Chair.")]


def test_keyword_sentence_after_a_title_and_a_phrase_of_time_before_the_clause():
    text = (
        "Minute no. 5 \u2013 Signing of the Minutes \u2013 7th November 2018 Meeting of the "
        "Council. Resolved that the minutes be accepted as a true record subject to the "
        "following amendment:  Cllrs B Thomas and S Evans were in attendance.\n\n"
        "16/138 Declarations of interest\n\nNone.\n\n"
        "It was resolved at this point to suspend standing order 70\n\n"
        "16/139 Police report\n\nNo incidents.\n"
    )
    assert res(text) == [
        ("5", "that the minutes be accepted as a true record subject to the following amendment:"),
        ("16/138", "to suspend standing order 70"),
    ]
    earlier = "Reasons\n\nIt was agreed at the last review that the decision be taken annually.\n"
    assert res(earlier) == []


def test_an_upper_case_action_glued_to_a_sentence_names_who_acts_on_it():
    text = (
        "Police\n\nIt was noted that the new Neighbourhood Watch sign was insecure ACTION "
        "Constable Aldous please.\n"
    )
    assert acts(text) == [
        ("Constable Aldous", "It was noted that the new Neighbourhood Watch sign was insecure")
    ]
