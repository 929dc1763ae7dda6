"""Action tables whose layout was lost (issue 17, "Action logs flattened to text"): the rows of an
action log printed one a line with their cells joined by " / ", " | ", tabs or runs of spaces,
with or without a number cell and a header row, the owner in the last cell as initials, shared
initials ("AB/CD"), a name, a role or "All". Each row is its own action with its own owner: two
rows are never read as one sentence wrapped over two lines. None of these texts is taken from a
page. Guards: prose that happens to hold a " / " stays prose, and a list of names beside their
organisations is no action log."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes


def _actions(text: str) -> list[tuple[str, str]]:
    return [(f.owner, f.text) for f in parse_minutes(text).followups if f.source != "resolution"]


_ROWS = [
    ("1", "Circulate the revised terms of reference to all members", "JS"),
    ("2", "Write to the highways authority about the junction", "Clerk"),
    ("3", "Arrange a site visit with the landowner", "AB/CD"),
    ("4", "Update the risk register before the next meeting", "All"),
]
_NAMED = [
    ("1", "Book the village hall for the open day", "Mary Jones"),
    ("2", "Ask the county council for an update on the footpath", "Chairman"),
    ("3", "Send the draft plan to the steering group", "Treasurer"),
]
_LEAD = "Minutes of the Working Group, 3 May 2023\n\n5. Actions\n\n"
_SEPS = {"slash": " / ", "pipe": " | ", "tab": "\t", "spaces": "    "}


def _table(rows, sep: str, numbered: bool, header: bool) -> str:
    lines = []
    if header:
        lines.append(sep.join((["No"] if numbered else []) + ["Action", "Owner"]))
    for no, task, owner in rows:
        lines.append(sep.join(([no] if numbered else []) + [task, owner]))
    return _LEAD + "\n".join(lines) + "\n"


@pytest.mark.parametrize("sep", list(_SEPS))
@pytest.mark.parametrize("numbered", [True, False], ids=["numbered", "no-number"])
@pytest.mark.parametrize("header", [True, False], ids=["header", "no-header"])
@pytest.mark.parametrize("rows", [_ROWS, _NAMED], ids=["initials", "names-roles"])
def test_each_row_of_a_flattened_action_table_is_an_action_with_its_owner(
    sep, numbered, header, rows
):
    got = _actions(_table(rows, _SEPS[sep], numbered, header))
    assert sorted(got) == sorted((owner, task) for _, task, owner in rows)


@pytest.mark.parametrize("sep", ["slash", "pipe"])
def test_rows_of_a_numbered_table_are_not_joined_as_one_wrapped_sentence(sep):
    # "1 / Circulate ... / JS" then "2 / Write ... / Clerk": four rows, four owners
    got = _actions(_table(_ROWS, _SEPS[sep], True, False))
    assert len(got) == 4
    assert {o for o, _ in got} == {"JS", "Clerk", "AB/CD", "All"}


@pytest.mark.parametrize("sep", list(_SEPS))
def test_a_table_that_opens_the_page_keeps_its_first_row(sep):
    text = "\n".join(_SEPS[sep].join([task, owner]) for _, task, owner in _ROWS) + "\n"
    assert sorted(_actions(text)) == sorted((owner, task) for _, task, owner in _ROWS)


@pytest.mark.parametrize("sep", list(_SEPS))
@pytest.mark.parametrize("header", [True, False], ids=["header", "no-header"])
def test_the_whole_table_run_onto_one_line_is_read_row_by_row(sep, header):
    cells = (["No", "Action", "Owner"] if header else []) + [
        c for no, task, owner in _ROWS for c in (no, task, owner)
    ]
    got = _actions("5. Actions\n" + _SEPS[sep].join(cells) + "\n")
    assert sorted(got) == sorted((owner, task) for _, task, owner in _ROWS)


def test_prose_with_a_slash_between_two_sentences_stays_prose():
    text = (
        "4. Village Hall\n"
        "The hall committee reported on the new boiler / the roof repairs were complete\n"
        "and the accounts were presented to the meeting / they were noted by members\n"
    )
    assert _actions(text) == []


@pytest.mark.parametrize("sep", ["slash", "pipe"])
def test_names_beside_their_organisations_are_no_action_log(sep):
    rows = [
        ("Jane Smith", "Parish Council"),
        ("Tom Brown", "County Council"),
        ("Ann Green", "Police"),
    ]
    text = "Present\n\n" + "\n".join(_SEPS[sep].join(r) for r in rows) + "\n"
    assert _actions(text) == []


# An owner column flattened into the row: the owner's initials after the task -----------------

_TRAILING = [
    ("Circulate the revised terms of reference to all members", "JS"),
    ("Write to the highways authority about the junction", "AB/CD"),
    ("Arrange a site visit with the landowner", "LD"),
]


@pytest.mark.parametrize("marker", ["", "{n}. ", "{n} ", "({n}) "])
def test_a_row_ending_in_its_owners_initials_is_an_action_for_them(marker):
    rows = [f"{marker.format(n=n)}{task} {owner}" for n, (task, owner) in enumerate(_TRAILING, 1)]
    got = _actions(_LEAD + "\n".join(rows) + "\n")
    assert sorted(got) == sorted((owner, f"{task}.") for task, owner in _TRAILING)


def test_initials_of_a_body_after_the_last_word_of_a_task_are_not_its_owner():
    # "Write to the NHS": the initials close the task's own words
    text = _LEAD + "Write to the NHS\nContact the CCG\nInvite the CQC\n"
    assert all(owner not in ("NHS", "CCG", "CQC") for owner, _ in _actions(text))


def test_minuted_prose_ending_in_a_bodys_initials_is_no_action():
    text = (
        "4. Health\n"
        "The group received an update on the new surgery from the CCG\n"
        "Members noted the waiting times published by the NHS\n"
        "Concern was raised about staffing levels reported by the CQC\n"
    )
    assert _actions(text) == []


def test_apologies_ending_in_initials_are_no_action():
    text = (
        "1. Apologies\n"
        "Apologies were received from Mrs Brown AB\n"
        "Apologies were received from Mr Green TG\n"
    )
    assert _actions(text) == []


# Owners written as people with an initial, and wrapped cells ---------------------------------


@pytest.mark.parametrize("sep", ["slash", "pipe", "tab"])
def test_owners_with_an_initial_or_a_title_are_read_whole(sep):
    rows = [
        ("Circulate the revised terms of reference", "Cllr Smith"),
        ("Write to the highways authority", "Cllr J. Brown"),
        ("Arrange a site visit", "Parish Clerk"),
    ]
    got = _actions(_LEAD + "\n".join(_SEPS[sep].join(r) for r in rows) + "\n")
    assert sorted(got) == sorted((owner, task) for task, owner in rows)


def test_a_cell_wrapped_onto_the_next_line_stays_with_its_row():
    text = _LEAD + (
        "1 / Circulate the revised terms of reference / JS\n"
        "2 / Write to the highways authority about\n"
        "the junction at Mill Lane / Clerk\n"
        "3 / Arrange a site visit / AB/CD\n"
    )
    assert sorted(_actions(text)) == sorted(
        [
            ("JS", "Circulate the revised terms of reference"),
            ("Clerk", "Write to the highways authority about the junction at Mill Lane"),
            ("AB/CD", "Arrange a site visit"),
        ]
    )


def test_rows_ending_in_initials_are_not_joined_as_one_hard_wrapped_paragraph():
    # rows of much the same width read like a page hard-wrapped at a column; each ends in its
    # owner's initials, so each is a row
    rows = []
    for k in (1, 2):
        rows += [
            (f"Circulate the revised terms of reference for area {k}", "JS"),
            (f"Write to the highways authority about junction {k}", "AB/CD"),
            (f"Arrange site visit number {k} with the landowner", "LD"),
        ]
    text = _LEAD + "\n".join(f"{task} {owner}" for task, owner in rows) + "\n"
    assert sorted(_actions(text)) == sorted((owner, f"{task}.") for task, owner in rows)


@pytest.mark.parametrize("sep", ["slash", "pipe", "tab"])
def test_an_owner_column_printed_first_gives_each_row_its_owner(sep):
    rows = [
        ("JS", "Circulate the revised terms of reference"),
        ("Clerk", "Write to the highways authority"),
        ("AB/CD", "Arrange a site visit with the landowner"),
    ]
    got = _actions(_LEAD + "\n".join(_SEPS[sep].join(r) for r in rows) + "\n")
    assert sorted(got) == sorted(rows)
