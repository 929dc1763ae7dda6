"""An action log's owner cell printed apart from its task (issue 17, branch ownercol): at the
point the page wrapped the task, on a line of its own between the task's lines, at the row's end
after a task wrapped over two lines, every owner after every task, and the same rows on a page
flattened onto one line. Invented pages in wordings of no corpus page, each shape with guards
(bracketed movers, initials as a sentence's subject, a date on its own line, a list of members,
a table set out in columns of spaces); and a floor on the generated sample
(`tests/minutes/owner_columns.py`)."""

from __future__ import annotations

import pytest

from tracker.minutes import parse_minutes
from tracker.minutes.learnt.layouts import flatten

from . import owner_columns
from .layout_kit import PREAMBLE

_HEAD = (
    "Minutes of the Larchfield Allotment Society committee held on 2 May 2026\n\n"
    "Present: Tamsin Kerr (TK), Bilal Nadeem (BN), Orrin Vale (OV), the Secretary and the "
    "Treasurer.\n\n"
    "1. Apologies\nNone were received.\n\n"
)
_TAIL = "\n\n4. Date of next meeting\nThe next meeting will be on 6 June 2026.\n"


def _actions(text: str) -> list[tuple[str, str]]:
    return [(f.owner, f.text) for f in parse_minutes(text).followups if f.source != "resolution"]


def _has(text: str, owner: str, *words: str) -> bool:
    """An action of `owner` whose task holds each of `words` (the task whole, not a piece)."""
    return any(o == owner and all(w in t for w in words) for o, t in _actions(text))


# --- as printed, line by line ------------------------------------------------------------------


def test_initials_at_the_point_the_page_wrapped_the_task():
    page = (
        _HEAD
        + (
            "2. Actions\n"
            "Order a second water butt for the TK\n"
            "plots nearest the gate.\n"
            "Repair the padlock on the tool shed BN\n"
            "before the summer show.\n"
        )
        + _TAIL
    )
    assert _has(page, "TK", "water butt", "nearest the gate")
    assert _has(page, "BN", "padlock", "summer show")


def test_a_role_and_a_due_date_after_a_run_of_spaces_where_the_task_wrapped():
    page = (
        _HEAD
        + (
            "2. Actions\n"
            "Ask the water board to read the meter at      Treasurer      12/06/2026\n"
            "the lower field again.\n"
            "Print the rules for new tenants in      Secretary      June 2026\n"
            "a larger type.\n"
        )
        + _TAIL
    )
    assert _has(page, "Treasurer", "meter", "lower field")
    assert _has(page, "Secretary", "rules for new tenants", "larger type")


def test_a_role_after_one_space_where_the_page_wrapped_the_task():
    page = (
        _HEAD
        + (
            "2. Actions\n"
            "Mow the paths between the raised Secretary\n"
            "beds each fortnight.\n"
            "Fit a new hinge to the gate Treasurer\n"
            "by the car park.\n"
        )
        + _TAIL
    )
    assert _has(page, "Secretary", "Mow the paths", "each fortnight")
    assert _has(page, "Treasurer", "new hinge", "car park")


def test_a_role_the_sentence_speaks_to_at_a_lines_end_is_no_cell():
    page = (
        _HEAD
        + (
            "2. Correspondence\n"
            "A letter about the boundary was passed to the Secretary\n"
            "who will keep it on file. The invoice was sent to the Treasurer\n"
            "and paid in April.\n"
        )
        + _TAIL
    )
    assert _actions(page) == []


def test_the_owner_cell_on_a_line_of_its_own_between_the_tasks_lines():
    page = (
        _HEAD
        + (
            "2. Actions\n"
            "1. Find a contractor to clear the\n"
            "OV/TK\n"
            "brambles along the north fence.\n"
            "2. Put up a notice about\n"
            "BN\n"
            "bonfires on the site.\n"
        )
        + _TAIL
    )
    assert _has(page, "OV/TK", "contractor", "north fence")
    assert _has(page, "BN", "notice", "bonfires")


def test_the_owner_cell_ending_the_rows_last_line_after_its_discussion():
    page = (
        _HEAD
        + (
            "2. Matters arising\n"
            "2.1 The compost bays are full. Members agreed to hire a shredder\n"
            "for one weekend in the autumn.      Secretary\n"
            "2.2 Rents rose last year. Write to every tenant with the\n"
            "new rent and the date it is due.      Treasurer\n"
        )
        + _TAIL
    )
    assert _has(page, "Secretary", "shredder", "autumn")
    assert _has(page, "Treasurer", "every tenant", "date it is due")
    # the discussion before the task is no part of it
    assert not any("compost bays are full" in t for _, t in _actions(page))


def test_every_owner_printed_after_every_task():
    page = (
        _HEAD
        + (
            "2. Action points\n"
            "Send the seed order to the wholesaler by Friday.\n"
            "Check the rainwater tanks for leaks after the frost.\n"
            "Collect the key from the parish office.\n"
            "BN\n"
            "OV\n"
            "TK\n"
        )
        + _TAIL
    )
    assert _has(page, "BN", "seed order")
    assert _has(page, "OV", "rainwater tanks")
    assert _has(page, "TK", "key from the parish office")


# --- the same rows on a page flattened onto one line -------------------------------------------


@pytest.mark.xfail(
    strict=True,
    reason="flat_cells.flattened_cells is not run: it lowered the dev pages read flattened (test_corpus_layouts)",
)
def test_flattened_a_cell_after_each_task():
    page = flatten(
        PREAMBLE + _HEAD + "2. Action points\n"
        "1. Send the seed order to the wholesaler by Friday. BN/OV\n"
        "2. Check the rainwater tanks for leaks after the frost. TK\n"
        "3. Collect the key from the parish office. BN/OV" + _TAIL
    )
    assert _has(page, "BN/OV", "seed order")
    assert _has(page, "TK", "rainwater tanks")
    assert _has(page, "BN/OV", "key from the parish office")


@pytest.mark.xfail(
    strict=True,
    reason="flat_cells.flattened_cells is not run: it lowered the dev pages read flattened (test_corpus_layouts)",
)
def test_flattened_every_owner_after_every_task():
    page = flatten(
        PREAMBLE + _HEAD + "2. Action points\n"
        "1. Send the seed order to the wholesaler by Friday.\n"
        "2. Check the rainwater tanks for leaks after the frost.\n"
        "3. Collect the key from the parish office.\n"
        "OV Secretary BN/TK" + _TAIL
    )
    assert _has(page, "OV", "seed order")
    assert _has(page, "Secretary", "rainwater tanks")
    assert _has(page, "BN/TK", "key from the parish office")


@pytest.mark.xfail(
    strict=True,
    reason="flat_cells.flattened_cells is not run: it lowered the dev pages read flattened (test_corpus_layouts)",
)
def test_flattened_initials_inside_the_task_where_its_cell_wrapped():
    page = flatten(
        PREAMBLE + _HEAD + "2. Actions\n"
        "Order a second water butt for the TK\n"
        "plots nearest the gate.\n"
        "Repair the padlock on the tool shed BN\n"
        "before the summer show." + _TAIL
    )
    assert _has(page, "TK", "water butt", "nearest the gate")
    assert _has(page, "BN", "padlock", "summer show")


@pytest.mark.xfail(
    strict=True,
    reason="flat_cells.flattened_cells is not run: it lowered the dev pages read flattened (test_corpus_layouts)",
)
def test_flattened_a_role_and_its_date_inside_the_task():
    page = flatten(
        PREAMBLE + _HEAD + "2. Actions\n"
        "1. Ask the water board to read the Treasurer 12/06/2026 meter on the lower field.\n"
        "2. Print the rules for new Secretary 30 June 2026 tenants in a larger type." + _TAIL
    )
    assert _has(page, "Treasurer", "water board", "lower field")
    assert _has(page, "Secretary", "rules for new", "larger type")


def test_numbered_rows_run_into_one_paragraph_each_with_its_cell_inside():
    page = (
        _HEAD
        + (
            "2. Summary of actions\n"
            "Item Subject Action 5. Hedges Ask the farmer to cut the hedge along BN the "
            "lane before nesting starts 7. Open day Book a marquee and tables for the TK/OV "
            "open day in September\n\n"
            "3. Reports\nThe chair thanked everyone for their work.\n"
        )
        + _TAIL
    )
    assert _has(page, "BN", "cut the hedge", "before nesting")
    assert _has(page, "TK/OV", "marquee", "open day in September")


def test_numbered_rows_in_one_paragraph_with_a_dated_role_inside():
    page = (
        _HEAD
        + (
            "2. Summary of actions\n"
            "Item Action 5. Ask the farmer to cut the Secretary 30/06/2026 hedge along the lane "
            "6. Book a marquee and tables for Treasurer August 2026 the open day\n"
        )
        + _TAIL
    )
    assert _has(page, "Secretary", "cut the", "hedge along the lane")
    assert _has(page, "Treasurer", "marquee", "open day")


def test_numbered_rows_in_one_paragraph_with_a_row_holding_no_cell_are_no_log():
    page = (
        _HEAD
        + (
            "2. Summary of actions\n"
            "Item Action 5. Ask the farmer to cut the hedge along BN the lane before nesting "
            "starts 6. The open day raised more than last year and was enjoyed by all\n"
        )
        + _TAIL
    )
    assert not any(o == "BN" for o, _ in _actions(page))


def test_numbered_rows_restating_the_last_meetings_actions_are_no_new_actions():
    page = (
        _HEAD
        + (
            "2. Actions from the last meeting\n"
            "Item Action 5. Ask the farmer to cut the hedge along BN the lane before nesting "
            "starts 6. Book a marquee and tables for the TK/OV open day in September\n"
        )
        + _TAIL
    )
    assert _actions(page) == []


# --- guards ------------------------------------------------------------------------------------


def test_bracketed_movers_where_the_page_wrapped_are_no_owner():
    page = (
        _HEAD
        + (
            "2. Accounts\n"
            "The accounts for the year were received (TK/BN)\n"
            "and adopted without amendment.\n"
            "The budget for next year was approved (OV/TK)\n"
            "and will be sent to the tenants.\n"
        )
        + _TAIL
    )
    assert _actions(page) == []


def test_initials_as_each_sentences_subject_are_no_owner_cell():
    page = (
        _HEAD
        + (
            "2. Reports\n"
            "TK reported that the hedge along the\n"
            "lane had been laid. BN reported on the\n"
            "budget. OV said the gate had been\n"
            "mended by volunteers.\n"
        )
        + _TAIL
    )
    assert _actions(page) == []
    assert _actions(flatten(page)) == []


def test_a_date_on_its_own_line_is_no_owner_cell():
    page = (
        _HEAD
        + (
            "2. Inspections\n"
            "The site was inspected by the council on\n"
            "14/04/2026\n"
            "and found tidy. The trees were checked on\n"
            "21/04/2026\n"
            "and two were felled.\n"
        )
        + _TAIL
    )
    assert _actions(page) == []


def test_a_list_of_members_over_their_names_is_no_log():
    page = (
        _HEAD
        + (
            "2. Elections\n"
            "Cllr Rhoda Fenn, Larchfield Parish Council\n"
            "Mr Ivo Stannard, the Larchfield Trust\n"
            "Priya Holm\n"
            "Gus Farrant\n"
        )
        + _TAIL
    )
    assert _actions(page) == []


def test_flattened_a_name_opening_a_sentence_or_initials_after_by_are_no_cells():
    page = flatten(
        PREAMBLE + _HEAD + "2. Reports\n"
        "The police reported two thefts from sheds.\n"
        "PCSO Dunmore advised members to mark their tools.\n"
        "The programme suggested by TK covers the spring and summer.\n"
        "The rota drawn up by BN suits everyone." + _TAIL
    )
    assert _actions(page) == []


def test_a_table_set_out_in_columns_of_spaces_is_still_read_row_by_row():
    page = (
        _HEAD
        + (
            "2. Action points\n"
            "No   Due          Action                                  Owner\n"
            "1.   June 2026    Send the seed order to the wholesaler    BN\n"
            "                  before the end of the month\n"
            "2.   June 2026    Check the rainwater tanks for leaks      OV\n"
        )
        + _TAIL
    )
    assert _has(page, "BN", "seed order", "end of the month")
    assert _has(page, "OV", "rainwater tanks")


# --- the generated sample ----------------------------------------------------------------------


def test_generated_owner_columns_floor():
    """120 pages of the generator on a seed the rules were not written on (the rules were
    written on seed 1): actions F1 by layout, as this branch reads them less a margin."""
    result = owner_columns.table(owner_columns.samples(120, 29))
    f1 = {v: owner_columns.f1(*c) for v, c in result["layout"].items()}
    assert f1["as written"] >= 0.85, result["layout"]
    # flattened pages: flat_cells.flattened_cells is not run (it lowered the dev pages read
    # flattened), so only the numbered rows in one unit are read there
    assert f1["flattened"] >= 0.05, result["layout"]
    right, false, _ = result["all"]["all"]
    assert false <= max(2, right // 50), result["all"]
