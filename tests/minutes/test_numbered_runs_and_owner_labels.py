"""Layouts from corpus batch 8 (dev pages): a motion moved and seconded on lines apart, "Item 3.
Title. Text" on one line, an owner's initials before "Action" at the end of a paragraph, numbered
paragraphs flattened onto one line, and item "2." after items "1a", "1b"."""

from __future__ import annotations

from tracker.minutes import parse_minutes


def test_a_motion_moved_and_seconded_on_separate_lines_is_read_with_its_outcome():
    text = (
        "2.\n\nCore Cities\n\nMinutes:\n\nFollowing discussion, it was\n\n"
        "Moved by Councillor McCausland,\n\nSeconded by Councillor Campbell,\n\n"
        "      That the Committee agrees to defer consideration of the minute for one month.\n\n"
        "On a vote by show of hands, eight Members voted for the proposal and four against "
        "and it was accordingly declared carried.\n"
    )
    e = parse_minutes(text)
    assert [(r.item, r.text) for r in e.resolutions] == [
        ("2", "That the Committee agrees to defer consideration of the minute for one month.")
    ]
    lost = text.replace("declared carried", "declared lost")
    assert parse_minutes(lost).resolutions == ()


def test_item_number_and_title_glued_to_the_text_give_the_item():
    text = (
        "Item 3. Approval of August minutes. The minutes of the August meeting were approved as "
        "a true and accurate record. Proposed: Bill Knott, seconded: Andy Wright.\n"
    )
    e = parse_minutes(text)
    assert [r.item for r in e.resolutions] == ["3"]
    assert e.resolutions[0].text.startswith("The minutes of the August meeting were approved")


def test_initials_before_action_take_the_decision_they_follow():
    text = (
        "Item 8. Jubilee trees. The case for each action was strongly made. After much debate it "
        "was agreed that the Secretary would write to the Ombudsman about the consultation. "
        "Further discussion can take place once that opinion has been received. "
        "MT Action/agenda item.\n"
    )
    found = [(f.owner, f.text) for f in parse_minutes(text).followups]
    assert len(found) == 1
    owner, task = found[0]
    assert owner == "MT"
    assert "the Secretary would write to the Ombudsman" in task


def test_numbered_paragraphs_on_one_line_are_split_and_a_directive_after_a_reference_read():
    text = (
        "4 Matters arising from the minutes (for information purposes)\n\n"
        "4.1 Item 4.1 - Iwan Ellis is meant to come and monitor the traffic but he postponed the "
        "visit because of the snow. He will re-arrange. 4.2 Item 4.2.3 \u2013EW to contact One "
        "Voice to ask for advice\n"
    )
    e = parse_minutes(text)
    assert e.resolutions == ()  # notes on earlier minutes, not decisions
    assert [(f.owner, f.text) for f in e.followups] == [
        ("EW", "contact One Voice to ask for advice")
    ]


def test_an_item_number_after_1a_and_1b_is_the_next_item():
    text = (
        "1a\n\nApologies\n\nMinutes:\n\nApologies were reported.\n\n"
        "1b\n\nMinutes\n\nMinutes:\n\nThe minutes were taken as read.\n\n"
        "2.\n\nCore Cities\n\nMinutes:\n\nRESOLVED \u2013 That the report be noted.\n"
    )
    assert [(r.item, r.text) for r in parse_minutes(text).resolutions] == [
        ("2", "That the report be noted.")
    ]
