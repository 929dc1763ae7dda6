"""The learnt proposer (issue 17, branch learntres): trained on the development split only,
shipped current, proposing what no rule reads on layouts the rules were not written for, and
saying why."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.minutes.learnt import train
from tracker.minutes.learnt.proposer import WEIGHTS, Model, shipped, using
from tracker.minutes.parser import parse_minutes

CORPUS = Path(__file__).resolve().parents[1] / "data" / "minutes"

# Pages flattened onto one line, as some councils publish them: an item's number, its title, a
# sentence of discussion and the decision as a bare "That ... be ..." clause, with no keyword.
# Written for this test, not taken from the corpus.
FLATTENED = [
    (
        "5. Budget monitoring The Treasurer presented the figures. That the quarterly budget "
        "report be noted and the virement of funds be approved. 6. Correspondence The Clerk "
        "read two letters.",
        "That the quarterly budget report be noted and the virement of funds be approved.",
    ),
    (
        "4. Play area Members discussed the quotes for the swings. That the quote from Smith "
        "Play Ltd be accepted and the work be commissioned. 5. Any other business None.",
        "That the quote from Smith Play Ltd be accepted and the work be commissioned.",
    ),
]


def test_the_shipped_weights_were_trained_on_the_current_development_split():
    doc = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert doc["trained_on"]["digest"] == train.digest(CORPUS), (
        "the development split changed: python -m tracker.minutes.learnt.train tests/data/minutes"
    )
    assert doc["trained_on"]["pages"] == len(train.dev_pages(CORPUS))


@pytest.mark.parametrize(("text", "decision"), FLATTENED)
def test_the_shipped_model_lists_a_bare_decision_on_a_flattened_page_for_review(text, decision):
    with using(None):  # the rules alone do not read it; only the review net lists it
        rules = parse_minutes(text)
    assert rules.resolutions == ()
    assert [u.reason[:32] for u in rules.unsure if u.text == decision] == [
        "unsure: a bare 'that ... be ...'"
    ]
    e = parse_minutes(text)
    assert e.resolutions == ()  # shipped review-only: taking it did not pass the check (README)
    notes = [u for u in e.unsure if u.text == decision]
    assert len(notes) == 1
    assert notes[0].reason.startswith("unsure: learnt; model ")
    assert "starts 'that'" in notes[0].reason
    assert notes[0].reason.endswith("not taken")


@pytest.mark.parametrize(("text", "decision"), FLATTENED)
def test_taken_above_its_threshold_a_proposal_is_a_resolution_that_says_why(text, decision):
    model = shipped()
    assert model is not None
    with using(Model(model.weights, 0.9, 0.7, flat_only=True)):  # as the check tried it
        found = parse_minutes(text).resolutions
    assert [r.text for r in found] == [decision]
    assert found[0].why.startswith("learnt; model ")
    assert "starts 'that'" in found[0].why
    assert found[0].item == text.split(".")[0]  # the item it sits in


def test_on_a_page_of_many_lines_the_shipped_model_is_silent():
    decision = "That the reserves be increased by two thousand pounds and the budget be approved."
    text = (
        "5. Budget monitoring\n\nThe Treasurer presented the figures and answered questions. "
        f"{decision}\n\n6. Correspondence\n\nThe Clerk read two letters.\n"
    )
    with using(None):
        rules = parse_minutes(text)
    assert rules.resolutions == ()
    # the review net (decision_net) lists the bare clause; nothing else is listed
    assert [u.text for u in rules.unsure] == [decision]
    # used on flattened pages only: elsewhere its proposals were wrong on the check (README)
    assert parse_minutes(text) == rules
    model = shipped()
    assert model is not None and model.flat_only
    with using(Model(model.weights, 0.9, 0.7, flat_only=False)):  # were it used everywhere
        assert [r.text for r in parse_minutes(text).resolutions] == [decision]


def test_the_model_adds_nothing_where_a_rule_has_read_the_decision():
    text = "3. Grants\n\nRESOLVED: That a grant of 500 pounds be awarded to the youth club.\n"
    with using(None):
        rules = parse_minutes(text)
    assert parse_minutes(text) == rules


def _synthetic_corpus(
    folder: Path, held_out_text: str | None, held_split: str, batch: int | None = None
) -> Path:
    (folder / "pages").mkdir(parents=True)
    files = {}
    for k in range(6):  # six bodies: features seen on fewer than five are not kept
        name = f"dev{k}.txt"
        (folder / "pages" / name).write_text(
            f"{k + 1}. Item {k}\n\nMembers discussed the matter.\n\n"
            f"RESOLVED: That the report number {k} be noted.\n\n"
            f"The Clerk said the hall was booked.\n",
            encoding="utf-8",
        )
        files[name] = {
            "body": f"Body {k}",
            "split": "dev",
            "layouts": [],
            "resolutions": [{"text": f"That the report number {k} be noted.", "item": f"{k + 1}"}],
            "actions": [],
        }
    if held_out_text is not None:
        (folder / "pages" / "held.txt").write_text(held_out_text, encoding="utf-8")
    files["held.txt"] = {
        "batch": batch,
        "body": "Held Body",
        "split": held_split,
        "layouts": [],
        "resolutions": [
            {"text": "That the hall be painted blue and the doors be repaired.", "item": "1"}
        ],
        "actions": [],
    }
    (folder / "expected.json").write_text(json.dumps({"files": files}), encoding="utf-8")
    return folder


def _weights(folder: Path) -> dict[str, float]:
    return train.fit(train.sentences_of(folder, train.dev_pages(folder), tuple(train.LAYOUTS)))


def test_training_never_reads_a_held_out_page(tmp_path):
    page = (
        "1. Hall\n\nThe hall was discussed.\n\nThat the hall be painted blue and the doors be "
        "repaired.\n\nThe Clerk said the hall was booked.\n"
    )
    without = _synthetic_corpus(tmp_path / "a", None, "held-out")
    held = _synthetic_corpus(tmp_path / "b", page, "held-out")
    assert _weights(held) == _weights(without)
    assert train.digest(held) == train.digest(without)
    # the same page judged as development would change them: the check above can fail
    as_dev = _synthetic_corpus(tmp_path / "c", page, "dev")
    assert _weights(as_dev) != _weights(without)
    assert train.digest(as_dev) != train.digest(without)


def test_training_never_reads_an_untuned_sample(tmp_path):
    page = "1. Hall\n\nThat the hall be painted blue and the doors be repaired.\n"
    without = _synthetic_corpus(tmp_path / "a", None, "held-out")
    untuned = _synthetic_corpus(tmp_path / "b", page, "dev", batch=33)  # kept untuned on main
    assert _weights(untuned) == _weights(without)
    assert train.digest(untuned) == train.digest(without)


def test_training_is_deterministic(tmp_path):
    folder = _synthetic_corpus(tmp_path, None, "held-out")
    assert _weights(folder) == _weights(folder)


def test_starting_the_tracker_does_not_load_the_model():
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tracker", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "tracker.minutes.learnt" not in out.stderr


def test_a_large_flattened_page_gets_the_models_proposals_as_a_short_one_does():
    # its speed is measured in benchmarks/bench_minutes.py (a 5 MB flattened page), not here
    blocks = [
        f"{k}. Finance The Treasurer reported on the accounts. That the accounts for month {k} "
        "be approved and the budget be noted. Members asked about the bank charges and the "
        "Clerk said they had risen. "
        for k in range(1, 20_000)
    ]
    text = "".join(blocks)[:1_000_000]
    e = parse_minutes(text)
    assert len([u for u in e.unsure if "learnt" in u.reason]) > 1000  # as on a short page
