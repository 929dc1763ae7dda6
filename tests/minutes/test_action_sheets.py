"""Layouts from corpus batch 9 (dev pages): a numbered action sheet flattened with " / " cells
and an owner column, parish motions carried "all in favour", a directive ending a short
paragraph, and "Approved and signed." alone as an item's outcome."""

from __future__ import annotations

from tracker.minutes import parse_minutes

SHEET = (
    "Partnership Board\n\nAction Sheet\n\n"
    "1. / Colleagues had requested training for trustees\n"
    "Nancy to produce a proposed training specification / Nancy\n"
    "2. / Circulate the Chief Executive's announcement / Carol\n"
    "3. / Carol will send each sub group the relevant parts of the audit report. / Carol\n"
    "4. / Jo to send Carol the cases. Lorraine to investigate and report back. / Jo/Lorraine\n"
    "5. / Discussion on community intelligence\n"
    "This item to be deferred to the next meeting in March / Tom Preest and Mark Hazelton\n"
)


def test_each_row_of_a_numbered_action_sheet_gives_its_actions_and_owners():
    e = parse_minutes(SHEET)
    assert e.resolutions == ()
    assert [(f.owner, f.text) for f in e.followups] == [
        ("Nancy", "produce a proposed training specification"),
        ("Carol", "Circulate the Chief Executive's announcement"),
        ("Carol", "send each sub group the relevant parts of the audit report."),
        ("Jo", "send Carol the cases."),
        ("Lorraine", "investigate and report back."),
        ("Tom Preest and Mark Hazelton", "This item to be deferred to the next meeting in March"),
    ]
    assert all("numbered action sheet" in f.why for f in e.followups)


def test_without_an_owner_column_a_numbered_list_is_not_read_as_a_sheet():
    plain = "\n".join(
        line.rsplit(" / ", 1)[0] if line[:1].isdigit() or " / " in line else line
        for line in SHEET.splitlines()
    )
    owners = [f.owner for f in parse_minutes(plain).followups]
    assert "Tom Preest and Mark Hazelton" not in owners


def test_parish_motions_carried_all_in_favour_and_the_clerks_task_after_them():
    text = (
        "6. Precept 2012/2013:\n"
        "It was agreed that we ask for a precept figure of \u00a312,000 for the next financial "
        "year. Proposed Cllr Donoyou, seconded Cllr Kirk, all in favour. Parish Clerk to send off "
        "appropriate claim form.\n\n"
        "7. Cooper's Hospital:\n"
        "We need two representatives. Cllr Kirk proposed that Cllr Burgess be the second "
        "representative for the Parish Council. Proposed Cllr Kirk, seconded Cllr Hidderley, all "
        "in favour.\n"
    )
    e = parse_minutes(text)
    assert [(r.item, r.text) for r in e.resolutions] == [
        ("6", "that we ask for a precept figure of \u00a312,000 for the next financial year."),
        ("7", "that Cllr Burgess be the second representative for the Parish Council"),
    ]
    assert [(f.owner, f.text) for f in e.followups] == [
        ("Parish Clerk", "send off appropriate claim form.")
    ]


def test_approved_and_signed_alone_under_the_item_is_its_outcome():
    text = "4. MINUTES OF THE LAST MEETING HELD 30th January 2014\n\nApproved and signed.\n"
    assert [(r.item, r.text) for r in parse_minutes(text).resolutions] == [
        ("4", "Approved and signed.")
    ]
    assert parse_minutes("Approved and signed.\n").resolutions == ()


def test_a_numbered_news_item_naming_a_group_is_not_an_action():
    text = "AOB\n1. The road end is breaking up again\n2. The Buyout Group is to hold an open day\n"
    assert parse_minutes(text).followups == ()


LOG = (
    "COMMUNITY PARTNERSHIP MEETING\nACTION LOG\nAttendees:\nFraser Nixon (FN) \u2013 Chair\n"
    "No / Date / Action / Owner / Completed1 / 7/11/16 / FN to set dates for future meetings.\n"
    "Councillors unable to attend during the election period. / FN / \u221a\n"
    "2 / 7/11/16 / Partnership members to email FN with details of meeting venues.\n"
    "/ All / Ongoing\n"
    "3 / 7/11/16 / KR will share the documents. KR to scan and email documents. / KR / \u221a\n"
    "4 / 7/11/16 / Enquire with the Senior Officer to find out about a budget. / FN / \u221a\n"
    "5 / 24/01/17 / Planning meeting to be held in Kingussie on 26th January. LC and KD will "
    "be in attendance\n"
)


def test_an_action_log_under_a_header_row_is_read_by_its_columns():
    e = parse_minutes(LOG)
    assert e.resolutions == ()
    assert [(f.owner, f.text) for f in e.followups] == [
        ("FN", "set dates for future meetings."),
        ("Partnership members", "email FN with details of meeting venues."),
        ("KR", "share the documents."),
        ("KR", "scan and email documents."),
        ("FN", "Enquire with the Senior Officer to find out about a budget."),
        ("", "Planning meeting to be held in Kingussie on 26th January."),
    ]


def test_a_minute_number_with_a_dash_glued_to_its_title_is_the_item():
    text = (
        "304-1.To receive apologies from Members:\n\nApologies received from Cllr Spragg.\n\n"
        "IT WAS resolved:\n\nTo accept the apologies from Cllr Spragg.\n"
    )
    assert [(r.item, r.text) for r in parse_minutes(text).resolutions] == [
        ("304-1", "To accept the apologies from Cllr Spragg.")
    ]
