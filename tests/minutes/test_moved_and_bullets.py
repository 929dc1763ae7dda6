"""Layouts from corpus batch 7 (dev pages): a motion whose "RESOLVED" was lost after "moved
..., seconded ... and", a decision that is one bullet of a list, the time an item was taken,
agenda lines "<group> to report", and an indented table under a lettered item."""

from __future__ import annotations

from tracker.minutes import parse_minutes


def res(text):
    return [(r.item, r.number, r.text) for r in parse_minutes(text).resolutions]


def acts(text):
    return [(f.owner, f.text) for f in parse_minutes(text).followups if f.source != "resolution"]


MOVED = (
    "Consideration was given to the minutes of the meeting held on 4 April 2024.\n\n"
    "It was moved by Councillor A Smith, seconded by Councillor B Jones and\n\n\n\n"
    "The minutes of the meeting held on 4 April 2024 be approved as an accurate record.\n\n"
    "Annual Report\n\n"
    "Members discussed the report at length and asked for plainer words in it.\n\n"
    "It was moved by Councillor C Brown, seconded by Councillor A Smith, and\n\n"
    "1)    The report be received ahead of its submission to Council\n\n"
    "2)    Authority be delegated to the Chair to make final changes\n"
)


def test_a_motion_whose_resolved_was_lost_gives_its_clauses_as_resolutions():
    e = parse_minutes(MOVED)
    assert [(r.number, r.text) for r in e.resolutions] == [
        ("", "The minutes of the meeting held on 4 April 2024 be approved as an accurate record."),
        ("1", "The report be received ahead of its submission to Council"),
        ("2", "Authority be delegated to the Chair to make final changes"),
    ]
    assert "seconded ... and" in e.resolutions[0].why


def test_without_the_motion_a_bare_be_clause_is_left_for_review():
    text = MOVED.replace(
        "It was moved by Councillor A Smith, seconded by Councillor B Jones and", ""
    )
    found = [r.text for r in parse_minutes(text).resolutions]
    assert not any(t.startswith("The minutes of the meeting") for t in found)


BULLETS = (
    "Work programme\n\n"
    "During the ensuing discussion \u2013\n\n"
    "\u00b7         in response to suggestions the Coordinator explained the current process\n\n"
    "\u00b7         agreed to invite the Cabinet Lead Members to future meetings of the committee\n\n"
    "\u00b7         considered and discussed nominations for appointment to the Challenge Groups.\n\n"
    "11.30 a.m.\n\n"
    "(a)       the work programme as detailed in Appendix 1 to the report be approved;\n\n"
    "(b)       the following members be appointed as representatives on the Groups \u2013\n\n"
    "            Education \u2013 Councillor Rhys Thomas\n\n"
    "            Planning \u2013 Councillor Christine Marston, and\n\n"
    "(c)       the Coordinator email all members and the matter be given further consideration.\n"
)


def test_a_decision_that_is_one_bullet_does_not_take_the_bullets_after_it():
    found = res(BULLETS)
    assert (
        "",
        "",
        "to invite the Cabinet Lead Members to future meetings of the committee",
    ) in found
    assert not any(t.startswith("considered and discussed") for _, _, t in found)


def test_a_lettered_list_of_be_clauses_goes_on_past_an_indented_table():
    found = [(n, t) for _, n, t in res(BULLETS) if n]
    assert [n for n, _ in found] == ["a", "b", "c"]
    assert found[2][1].startswith("the Coordinator email all members")


def test_the_time_an_item_was_taken_is_not_its_number():
    assert {item for item, _, _ in res(BULLETS)} == {""}


def test_a_group_to_report_under_an_item_title_is_agenda_text_not_an_action():
    text = (
        "Issues to Report from Scrutiny Committees\n\n"
        "Scrutiny Committee Chairs to report\n\n"
        "The Chairs updated the Committee on their work.\n\n"
        "RESOLVED: That the Committee notes the information now reported.\n"
    )
    e = parse_minutes(text)
    assert acts(text) == []
    assert any(u.line == 3 and "agenda description" in u.reason for u in e.unsure)
    sentence = "Potholes\n\nThe road is poor near the school.\n\nClerk to report.\n"
    assert acts(sentence) == [("Clerk", "report.")]  # a sentence: still an action
