"""Action-bearing prose the generator (`action_logs.py`) still found the reader failing on after
branch logstress (issue 17, "Action logs flattened to text"): a bare "ACTION" marker after its
sentence naming an owner in words (a role it did not know, a person, a team), cut or not by the
page's width, and an owner column flattened into trailing initials whose first row is glued to
the sentence before it or whose initials the page's width put alone on the next line. None of
these texts is taken from a page; each case fails on main, each guard passes on both. The
generated sample's floor is in `test_layout_variants_logstress.py`."""

from __future__ import annotations

import textwrap

import pytest

from tracker.minutes import parse_minutes


def _actions(text: str) -> list[tuple[str, str]]:
    return [(f.owner, f.text) for f in parse_minutes(text).followups if f.source != "resolution"]


TOP = (
    "Brackenhurst Village Hall Trustees\n"
    "Minutes of the meeting held on Tuesday 9 November 2027\n\n"
    "1. Lettings\n"
    "The bookings secretary reported that the winter lettings were full on weekday evenings.\n\n"
)
END = "\n\n3. Date of next meeting\nTuesday 11 January 2028.\n"
SENTENCE = "Replace the noticeboard hinges before the carol service."


# ---- a bare marker after its sentence, then an owner in words -------------------------------
@pytest.mark.parametrize(
    "owner",
    ["Hall Manager", "Grounds Maintenance Team", "Tamsin Wheelock", "The Lettings Officer"],
)
@pytest.mark.parametrize("marker", ["ACTION", "Action"])
def test_a_bare_marker_after_its_sentence_names_an_owner_in_words(marker: str, owner: str) -> None:
    text = f"{TOP}2. Fabric\n{SENTENCE} {marker} {owner}{END}"
    assert _actions(text) == [(owner, SENTENCE)]


@pytest.mark.parametrize("owner", ["Hall Manager", "Tamsin Wheelock"])
def test_a_mixed_case_marker_alone_under_its_sentence_names_an_owner_in_words(owner: str) -> None:
    text = f"{TOP}2. Fabric\n{SENTENCE}\nAction {owner}{END}"
    assert _actions(text) == [(owner, SENTENCE)]


@pytest.mark.parametrize(
    ("label_line", "owner_line", "owner"),
    [
        ("ACTION Tamsin", "Wheelock", "Tamsin Wheelock"),
        ("Action Grounds", "Maintenance Team", "Grounds Maintenance Team"),
        ("Action", "- Tamsin Wheelock", "Tamsin Wheelock"),
        ("ACTION Hall", "Manager", "Hall Manager"),
    ],
)
def test_a_bare_marker_whose_owner_the_line_end_cut_names_the_whole_owner(
    label_line: str, owner_line: str, owner: str
) -> None:
    text = f"{TOP}2. Fabric\n{SENTENCE} {label_line}\n{owner_line}{END}"
    assert _actions(text) == [(owner, SENTENCE)]


@pytest.mark.parametrize("tail", ["Action Plan", "ACTION Plan", "Action Risk Register"])
def test_a_heading_after_a_sentence_is_no_owner(tail: str) -> None:
    # guard: "... . Action Plan" names a document, nobody to act
    text = f"{TOP}2. Fabric\nThe trustees noted the architect's report. {tail}{END}"
    assert _actions(text) == []


@pytest.mark.parametrize("header", ["Action    Due       Owner", "Action    Owner     When"])
def test_a_header_row_in_columns_of_spaces_names_no_owner(header: str) -> None:
    # guard: "Action  Due  Owner" over a table in columns is its header, not "ACTION Due Owner"
    rows = "\n".join(f"{t:<48}{o}" for t, o in ROWS)
    text = f"{TOP}2. Actions agreed\n{header}\n{rows}{END}"
    assert all(o in {"GH", "PLW/RT"} for o, _ in _actions(text))


def test_a_body_named_action_inside_a_sentence_is_no_label() -> None:
    # guard: no sentence ends before the marker: "Hexley Community Action" is a body's name
    text = f"{TOP}2. Grants\nThe trustees thanked Hexley Community Action Network{END}"
    assert _actions(text) == []


# ---- trailing initials: the first row glued to the sentence before it ------------------------
ROWS = [
    ("Book the chimney sweep for the autumn", "GH"),
    ("Order a replacement tap for the kitchen sink", "PLW/RT"),
    ("Reprint the hire conditions in larger type", "GH"),
]
SAID = "The trustees discussed the leak under the kitchen at some length."


@pytest.mark.parametrize("n", [2, 3])
def test_trailing_initials_whose_first_row_is_glued_to_a_sentence_are_each_an_action(
    n: int,
) -> None:
    rows = "\n".join(f"{t} {o}" for t, o in ROWS[:n])
    text = f"{TOP}2. Fabric\n{SAID} {rows}{END}"
    assert _actions(text) == [(o, f"{t}.") for t, o in ROWS[:n]]


def test_a_decision_before_a_glued_row_stays_the_decision() -> None:
    # guard: "RESOLVED ... . Book ... GH": the row is not cut from a decision's line
    rows = "\n".join(f"{t} {o}" for t, o in ROWS[1:])
    text = f"{TOP}2. Fabric\nRESOLVED to accept the plumber's quote. {ROWS[0][0]} GH\n{rows}{END}"
    got = parse_minutes(text)
    assert any("plumber's quote" in r.text for r in got.resolutions)


# ---- trailing initials cut alone onto the next line by the page's width ----------------------
@pytest.mark.parametrize("width", [44, 50])
def test_initials_put_alone_on_the_next_line_by_the_pages_width_stay_on_their_row(
    width: int,
) -> None:
    rows = [
        ("Book the chimney sweep for the autumn session", "GH"),
        ("Order a replacement tap for the kitchen sink", "PLW/RT"),
        ("Ask the brewery for the new bar lease", "GH"),
    ]
    body = "\n".join(textwrap.fill(f"{t} {o}", width) for t, o in rows)
    said = textwrap.fill(SAID + " " + SAID, width)
    text = f"{TOP}2. Fabric\n{said}\n{body}{END}"
    assert "\nPLW/RT\n" in text or "\nGH\n" in text  # the layout under test
    assert _actions(text) == [(o, f"{t}.") for t, o in rows]


# ---- tab rows of a hard-wrapped page ---------------------------------------------------------
TAB_ROWS = [
    ("Book the chimney sweep for the autumn before the first frost", "Hall Manager", "October"),
    ("Order a replacement tap for the kitchen sink and the urn", "Tamsin Wheelock", "ASAP"),
    ("Ask the brewery whether the bar lease can run another year", "Treasurer", "TBC"),
]
LONG_SAID = (
    "The trustees discussed the leak under the kitchen at some length and heard that the "
    "plumber could not come until after the half term holiday. The treasurer said the repairs "
    "fund would cover the cost of a new tap and of the sweep. The bookings secretary asked that "
    "hirers be told in good time about any closure of the kitchen over the winter months."
)


def _wrapped(line: str, width: int) -> str:
    return "\n".join(
        textwrap.wrap(
            line, width, break_on_hyphens=False, expand_tabs=False, replace_whitespace=False
        )
    )


@pytest.mark.parametrize("width", [48, 56, 64])
@pytest.mark.parametrize("numbered", [True, False])
def test_tab_rows_cut_by_the_pages_width_are_one_action_each(width: int, numbered: bool) -> None:
    head = "No\tTask\tBy whom\tWhen" if numbered else "Task\tBy whom\tWhen"
    rows = [
        f"{k}.\t{t}\t{o}\t{d}" if numbered else f"{t}\t{o}\t{d}"
        for k, (t, o, d) in enumerate(TAB_ROWS, 1)
    ]
    page = f"{TOP}2. Fabric\n{LONG_SAID}\n\n3. Actions agreed\n" + "\n".join([head, *rows]) + END
    text = "\n".join(_wrapped(ln, width) if ln else ln for ln in page.split("\n"))
    assert len(text.split("\n")) >= len(page.split("\n")) + len(rows)  # the layout: rows cut
    assert sorted(_actions(text)) == sorted((o, f"{t} (due: {d})") for t, o, d in TAB_ROWS)


# ---- a header-less table pasted one cell a line, its rows opening on references in turn -------
@pytest.mark.parametrize("refs", [("A1", "A2", "A3"), ("7.01", "7.02", "7.03"), ("4", "5", "6")])
@pytest.mark.parametrize("due", [True, False])
def test_a_headerless_table_one_cell_a_line_is_read_by_its_references(
    refs: tuple[str, str, str], due: bool
) -> None:
    cells = [
        [r, t, o, "Before Christmas"] if due else [r, t, o]
        for r, (t, o, _d) in zip(refs, TAB_ROWS, strict=True)
    ]
    table = "\n".join(c for row in cells for c in row)
    text = f"{TOP}2. Actions agreed\n{table}{END}"
    got = sorted((o, t.split(" (due")[0]) for o, t in _actions(text))
    assert got == sorted((o, t) for t, o, _d in TAB_ROWS)


def test_numbered_paragraphs_one_a_line_are_no_table() -> None:
    # guard: "4" / a title / a sentence / "5" ...: numbered items, no owner at one place in each
    text = (
        f"{TOP}4\nBus shelter\nThe trustees noted that the shelter glass was cracked again.\n"
        "5\nCar park\nThe lining of the bays will be repainted by volunteers in spring.\n"
        "6\nBins\nThe new recycling bins have been delivered and are in use.\n" + END
    )
    assert _actions(text) == []
