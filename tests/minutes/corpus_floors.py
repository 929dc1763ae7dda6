"""What the corpus score floors share: the judged corpus read once, each page's batch, the check.

The floors are in test_corpus_scores.py (the held-out quarters, and batches 1 to 17 and the whole
corpus up to batch 17), test_corpus_scores_branch_batches.py (the development pages of batches 18
to 32, each gathered by a branch that tuned on it) and test_corpus_scores_sweeps.py (the
development pages of batches 33 to 42, fresh samples). Reading the corpus takes seconds, so it is
read once per test process, whichever of them runs first.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from tracker.minutes.evaluate import evaluate, total

CORPUS = Path(__file__).resolve().parents[1] / "data" / "minutes"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["files"]


@functools.cache
def corpus_results():
    """Every judged page's scores with today's reader (read once; callers only filter it)."""
    return evaluate(CORPUS)


def batch(name: str) -> int:
    return int(EXPECTED[name].get("batch", 1))


def assert_floors(pages, floors):
    """The pages' resolutions F1, actions F1 and item numbers right are at least the floors."""
    s = total(pages)
    res_f1, act_f1, items = floors
    assert round(s.resolutions.f1, 4) >= res_f1, s.resolutions.to_json_dict()
    assert round(s.actions.f1, 4) >= act_f1, s.actions.to_json_dict()
    assert round(s.item_accuracy, 4) >= items, (s.items_right, s.items_checked)
