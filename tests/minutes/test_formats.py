"""Resolution headings and numbering, on realistic (invented) minute text. Block boundaries,
several blocks, titles and messy input: test_formats_blocks.py."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes


def res(text: str) -> list[tuple[str, str, str]]:
    return [(r.number, r.kind, r.text) for r in parse_minutes(text).resolutions]


# --------------------------------------------------------------------------------- headings


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Resolved:", "resolved"),
        ("RESOLVED:", "resolved"),
        ("RESOLVED that:", "resolved"),
        ("Resolved that:", "resolved"),
        ("Resolved \u2013 That the Committee:", "resolved"),
        ("RESOLVED \u2014", "resolved"),
        ("RESOLVED -", "resolved"),
        ("It was RESOLVED that", "resolved"),
        ("RESOLVED (unanimously) that:", "resolved"),
        ("AGREED", "agreed"),
        ("Agreed:", "agreed"),
        ("RECOMMENDED to Cabinet", "recommended"),
        ("Recommended:", "recommended"),
        ("RECOMMENDATION", "recommended"),
        ("Recommendations:", "recommended"),
        ("Noted", "noted"),
        ("Noted:", "noted"),
        ("DECISION:", "resolved"),
        ("Decision(s):", "resolved"),
        ("Decisions", "resolved"),
    ],
)
def test_heading_words_and_kinds(heading, kind):
    text = (
        "Early Help Strategy\n\nThe Director presented the report.\n\n"
        f"{heading}\n\n1) That the report be noted.\n\n2) That the strategy be endorsed.\n"
    )
    assert res(text) == [
        ("1", kind, "That the report be noted."),
        ("2", kind, "That the strategy be endorsed."),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("RESOLVED: That the report be noted.", ("", "resolved", "That the report be noted.")),
        (
            "Resolved \u2013 That the report be noted.",
            ("", "resolved", "That the report be noted."),
        ),
        ("RESOLVED:- That the report be noted.", ("", "resolved", "That the report be noted.")),
        (
            "It was RESOLVED that the report be noted.",
            ("", "resolved", "that the report be noted."),
        ),
        ("AGREED: That the minutes be signed.", ("", "agreed", "That the minutes be signed.")),
        ("Agreed that the minutes be signed.", ("", "agreed", "that the minutes be signed.")),
        ("The Committee NOTED the report.", ("", "noted", "The Committee NOTED the report.")),
        (
            "DECISION: Cabinet approved the strategy.",
            ("", "resolved", "Cabinet approved the strategy."),
        ),
        (
            "RECOMMENDED to Council that the strategy be adopted.",
            ("", "recommended", "to Council that the strategy be adopted."),
        ),
    ],
)
def test_inline_resolution_on_the_heading_line(line, expected):
    assert res(f"Family Hubs update\n\n{line}\n\nSupporting documents:\n") == [expected]


def test_paragraph_numbered_inline_resolution_keeps_its_number():
    text = (
        "23.4\tMembers asked about waiting times.\n\n"
        "23.5\tRESOLVED \u2013 That the Committee notes the report.\n\n"
        "23.6\tThe Chair thanked the officers.\n"
    )
    assert res(text) == [("23.5", "resolved", "That the Committee notes the report.")]


@pytest.mark.parametrize(
    "prose",
    [
        "Members noted that 26% of children did not reach the expected level.",
        "Members noted the importance of face-to-face meetings.",
        "Initial challenges with recruitment had been resolved, and morale was good.",
        "The Strategy would show the agreed direction of travel.",
        "Recommendations in the report were discussed at length.",
    ],
)
def test_prose_with_decision_words_is_not_a_heading(prose):
    e = parse_minutes(f"Early Help\n\n{prose}\n")
    assert e.resolutions == ()
    assert e.unsure == ()


# ---------------------------------------------------------------------------------- numbering


def test_lettered_resolved_that_items():
    text = (
        "Resolved that:\n\n"
        "(a)\tthe Early Help Strategy 2024-2029 be approved;\n\n"
        "(b)\tthe Director of Children's Services be authorised to finalise the delivery plan; "
        "and\n\n"
        "(c)\tthe Cabinet Member be briefed quarterly.\n"
    )
    assert [(n, t) for n, _, t in res(text)] == [
        ("a", "the Early Help Strategy 2024-2029 be approved;"),
        (
            "b",
            "the Director of Children's Services be authorised to finalise the delivery plan; and",
        ),
        ("c", "the Cabinet Member be briefed quarterly."),
    ]


@pytest.mark.parametrize(
    "markers",
    [
        ("1)", "2)"),
        ("(1)", "(2)"),
        ("1.", "2."),
        ("1", "2"),
        ("a)", "b)"),
        ("a.", "b."),
        ("A)", "B)"),
    ],
)
def test_item_marker_styles(markers):
    first, second = markers
    text = f"RESOLVED:\n{first} That the report be noted.\n{second} That the plan be approved.\n"
    n1 = first.strip("().")
    n2 = second.strip("().")
    assert res(text) == [
        (n1, "resolved", "That the report be noted."),
        (n2, "resolved", "That the plan be approved."),
    ]


def test_numbered_paragraph_items():
    text = (
        "RESOLVED:\n\n8.18 That the report be noted.\n\n8.19 That the Committee receives an "
        "update in March.\n\nSupporting documents:\n"
    )
    assert [r[0] for r in res(text)] == ["8.18", "8.19"]


def test_nested_numbers_with_lettered_sub_items():
    text = (
        "RESOLVED:\n\n"
        "1) That the report be noted.\n"
        "2) That the Cabinet:\n"
        "   a) approves the Early Help Strategy; and\n"
        "   b) notes the delivery plan.\n"
        "3) That the Chair writes to partner agencies.\n"
    )
    # the corpus's rule 2: the lead-in "That the Cabinet:" is not a resolution; its items are
    assert res(text) == [
        ("1", "resolved", "That the report be noted."),
        ("2.a", "resolved", "approves the Early Help Strategy; and"),
        ("2.b", "resolved", "notes the delivery plan."),
        ("3", "resolved", "That the Chair writes to partner agencies."),
    ]


def test_roman_numerals_top_level_and_nested():
    top = "RESOLVED:\n(i) That the report be noted.\n(ii) That the plan be approved.\n(iii) That it be published.\n"
    assert [r[0] for r in res(top)] == ["i", "ii", "iii"]
    nested = (
        "RESOLVED that:\n(a) the Committee notes:\n(i) the risks; and\n(ii) the costs;\n"
        "(b) the plan be approved.\n"
    )
    assert [r[0] for r in res(nested)] == ["a", "a.i", "a.ii", "b"]


def test_i_after_h_is_a_letter():
    text = "RESOLVED that:\n" + "".join(f"({c}) item {c} be noted;\n" for c in "abcdefghij")
    assert [r[0] for r in res(text)] == list("abcdefghij")


def test_items_written_on_one_line_are_split():
    text = "Resolved: 1) That the presentation be noted. 2) That officers circulate the slides."
    assert res(text) == [
        ("1", "resolved", "That the presentation be noted."),
        ("2", "resolved", "That officers circulate the slides."),
    ]


def test_bullets_get_positions_and_an_uncertainty():
    text = (
        "Agreed:\n\n\u00b7\u00a0\u00a0 That the update be noted.\n\n"
        "?\u00a0\u00a0 That officers review the referral pathway.\n"
    )
    e = parse_minutes(text)
    # the mis-encoded "?" bullet is a different bullet character: nested under item 1
    assert [r.number for r in e.resolutions] == ["1", "1.1"]
    assert any("assigned by position" in u.reason for u in e.unsure)
    same = "RESOLVED:\n\u2022 That the update be noted.\n\u2022 That the plan be approved.\n"
    e = parse_minutes(same)
    assert [r.number for r in e.resolutions] == ["1", "2"]
    assert [u.line for u in e.unsure] == [1]


def test_several_unnumbered_paragraphs():
    text = (
        "RESOLVED:\n\nThat the report be noted.\n\nThat the Committee's thanks be recorded.\n\n"
        "Members then discussed the work programme.\n"
    )
    e = parse_minutes(text)
    assert [(r.number, r.text) for r in e.resolutions] == [
        ("1", "That the report be noted."),
        ("2", "That the Committee's thanks be recorded."),
    ]
    assert len(e.unsure) == 1


def test_intro_line_is_not_a_resolution():
    text = (
        "Resolved \u2013 That the Committee:\n\n1.   Welcomes the progress made.\n\n"
        "2.   Asks the service to report back in six months.\n\nSupporting documents:\n"
    )
    assert res(text) == [
        ("1", "resolved", "Welcomes the progress made."),
        ("2", "resolved", "Asks the service to report back in six months."),
    ]


def test_wrapped_continuation_lines_join_the_item():
    text = (
        "RESOLVED:\n"
        "1) That the Committee requests that the Director of\n"
        "Public Health provides a report on the health visiting service to the\n"
        "next meeting.\n"
        "2) That the report be noted.\n"
    )
    assert res(text)[0] == (
        "1",
        "resolved",
        "That the Committee requests that the Director of Public Health provides a report on "
        "the health visiting service to the next meeting.",
    )
    assert res(text)[1][0] == "2"
