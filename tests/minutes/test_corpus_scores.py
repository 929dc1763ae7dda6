"""The importer's figures on the judged corpus may not drop below what was reached.

The floors are the figures recorded in README.md ("Reading minutes: figures"), rounded down to
two places. Raise them when the importer gets better; never lower them to make a change pass.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tracker.minutes.evaluate import evaluate, total

CORPUS = Path(__file__).resolve().parents[1] / "data" / "minutes"

FLOORS = {
    # split: (resolutions F1, actions F1, item numbers right)
    # dev item numbers 0.99 -> 0.97 (batch 13, 181 of 185): the Moray IJB page lost the heading
    # of the item after "2. Declaration of Member's Interests" when it was published, so its four
    # decisions are judged item "" and the reader keeps item "2" in force; nothing on the page
    # says where the new item starts except its wording ("A report by ..."), and a phrase rule
    # for that was not added
    "dev": (0.99, 0.99, 0.97),
    # the held-out quarter of batches 1 to 14 (51 pages), as measured once after the batch 14
    # changes: resolutions 0.8163 (0.8054 before them), actions 0.625 (8 judged, 3 false, see
    # below; batches 13 and 14 brought no held-out action), items 58 of 60. Batches 7, 8 and 12
    # brought it down from 0.93 (batch 12's five held-out pages score 0.27 for resolutions).
    # Measured once after the layout-variant changes (branch minutesread, no page read):
    # resolutions 0.8591 (64 found, 6 false, 15 missed; 0.8163 on main f451cab in the same
    # minutes), actions 0.625 (unchanged), items 62 of 64
    "held-out": (0.85, 0.62, 0.96),
}
# the held-out pages of batches 1 to 6 alone. Was 0.93 (50 of 53 found); the batch 12 changes
# (commit c3fd165: coded numbers with a letter, keywords standing as outcomes, a keyword after a
# dash, cut-off clauses) lost one of them, found by the one final held-out measurement and left
# as measured: finding which rule did it would mean reading the held-out page's misses.
# Measured again after the batch 14 changes: 0.9333 (49 of 53 found, one false find fewer),
# so the floor is back at 0.93. After the layout-variant changes: 0.9623 (51 of 53 found, 2
# false), against 0.9333 on main in the same minutes.
EARLIER_HELD_OUT_FLOOR = (0.96, 1.00, 1.00)
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["files"]


@pytest.fixture(scope="module")
def results():
    return evaluate(CORPUS)


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_figures_do_not_drop(results, split):
    s = total(r for r in results if r.split == split)
    res_f1, act_f1, items = FLOORS[split]
    assert round(s.resolutions.f1, 4) >= res_f1, s.resolutions.to_json_dict()
    assert round(s.actions.f1, 4) >= act_f1, s.actions.to_json_dict()
    assert round(s.item_accuracy, 4) >= items, (s.items_right, s.items_checked)


def test_figures_on_the_earlier_held_out_pages_do_not_drop(results):
    earlier = [r for r in results if r.split == "held-out" and EXPECTED[r.name].get("batch", 1) < 7]
    assert len(earlier) == 29
    s = total(earlier)
    res_f1, act_f1, items = EARLIER_HELD_OUT_FLOOR
    assert round(s.resolutions.f1, 4) >= res_f1, s.resolutions.to_json_dict()
    assert round(s.actions.f1, 4) >= act_f1, s.actions.to_json_dict()
    assert round(s.item_accuracy, 4) >= items, (s.items_right, s.items_checked)


# Held-out pages with false actions, as first measured (never tuned on): the updates of earlier
# actions under "review of actions" ("- Partners to forward ideas ... - Rona has only ...") are
# read as new directives.
KNOWN_HELD_OUT_FALSE_ACTIONS = {
    "sc_argyll_bute_cpp_management_2021.txt": 2,
    "en_wellesbourne_hee_committee_2019.txt": 1,  # batch 12, as measured once at the end
}


def test_no_dev_page_gives_a_false_action_and_held_out_ones_are_the_known_ones(results):
    assert len(results) >= 40
    assert [r.name for r in results if r.split == "dev" and r.score.actions.fp] == []
    held = {r.name: r.score.actions.fp for r in results if r.split == "held-out"}
    assert {n: fp for n, fp in held.items() if fp} == KNOWN_HELD_OUT_FALSE_ACTIONS
