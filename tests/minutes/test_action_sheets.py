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
