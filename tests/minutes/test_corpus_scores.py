"""The importer's figures on the judged corpus may not drop below what was reached.

The floors are the figures recorded in README.md ("Reading minutes: figures"), rounded down to
two places. Raise them when the importer gets better; never lower them to make a change pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.minutes.evaluate import evaluate, total

CORPUS = Path(__file__).resolve().parents[1] / "data" / "minutes"

FLOORS = {
    # split: (resolutions F1, actions F1, item numbers right)
    "dev": (0.99, 0.99, 0.99),
    "held-out": (0.93, 1.00, 1.00),
}


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


def test_no_page_of_the_corpus_gives_a_false_action_or_crashes(results):
    assert len(results) >= 40
    assert [r.name for r in results if r.score.actions.fp] == []
