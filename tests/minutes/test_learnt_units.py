"""The labeller over all units (issue 17, branch seqres): an experiment, not wired into the
reader (its check on the pages nobody tuned on did not beat the readers of before the tuning;
tests/data/minutes/README.md). These tests hold what it reads from a sentence and how its
combination with a reader counts, on pages written for the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tracker.minutes.learnt import unit_train
from tracker.minutes.learnt.unit_labels import clause, label, page_sentences
from tracker.minutes.parser import prepared
from tracker.minutes.segment import segment

PAGE = """MINUTES OF THE PARISH COUNCIL

5. Planning applications

The Clerk reported on the application for the barn.

RESOLVED:
1) That the application be supported.
2) That the Clerk write to the planning authority.

6. Finance

It was agreed that the accounts be approved. Cllr Smith said the bank was slow.
"""


def _sentences(text: str = PAGE):
    return page_sentences(segment(prepared(text)))


def _one(text: str, starts: str):
    return next(s for s in _sentences(text) if s.text.startswith(starts))


@pytest.mark.parametrize(
    ("sentence", "decided"),
    [
        ("RESOLVED: That the report be noted.", "That the report be noted."),
        ("Resolved - that the hall be booked.", "that the hall be booked."),
        ("AGREED \u2013 to approve the accounts", "to approve the accounts"),
        ("It was agreed that the bench be repaired.", "that the bench be repaired."),
        ("The Board agreed to defer the item.", "to defer the item."),
        ("Members resolved unanimously that the grant be paid.", "that the grant be paid."),
        ("3) That the minutes be signed.", "That the minutes be signed."),
        ("The Clerk reported on the barn.", "The Clerk reported on the barn."),
    ],
)
def test_what_is_taken_from_a_sentence_is_the_clause_decided(sentence, decided):
    assert clause(sentence) == decided


def test_every_item_of_a_list_knows_the_lead_in_that_opened_it():
    second = _one(PAGE, "2) That the Clerk")
    assert "under a lead-in saying 'resolved'" in second.names
    assert "right under its lead-in" not in second.names  # the first item is
    assert "right under its lead-in" in _one(PAGE, "1) That the application").names
    # the prose of another item has no lead-in
    assert not any(n.startswith("under a lead-in") for n in _one(PAGE, "It was agreed").names)


def test_a_sentence_carries_its_neighbours_shape_and_its_item():
    first = _one(PAGE, "1) That the application")
    assert "prev: says 'resolved'" in first.names
    assert "next: starts 'that'" in first.names
    assert "item heading says 'planning'" in first.names
    later = _one(PAGE, "Cllr Smith said")
    assert "prev: in the same unit" in later.names
    assert "prev: 'it was <decided>'" in later.names
    assert "next: none" in later.names


def test_a_sentence_is_labelled_by_the_judged_resolutions_as_the_scorer_matches():
    s = _sentences()
    judged = [["that", "the", "accounts", "be", "approved"]]
    agreed = next(x for x in s if x.text.startswith("It was agreed"))
    said = next(x for x in s if x.text.startswith("Cllr Smith"))
    assert label(agreed, judged) is True
    assert label(said, judged) is False
    # a sentence that shares some of a resolution's words without holding it is left out
    assert (
        label(agreed, [["that", "the", "accounts", "for", "march", "be", "signed", "today"]])
        is None
    )


def _page(sentences_text: str, resolutions: list[str]) -> unit_train.Page:
    seg = segment(prepared(sentences_text))
    sents = page_sentences(seg)
    judged = {"split": "dev", "body": "x", "layouts": [], "actions": []}
    judged["resolutions"] = [{"text": t, "item": ""} for t in resolutions]
    return unit_train.Page("x.txt", judged, sents, seg.items)


def test_an_addition_is_taken_only_where_no_resolution_of_the_reader_holds_it():
    page = _page(PAGE, ["That the application be supported.", "that the accounts be approved."])
    reader = [{"text": "That the application be supported.", "line": 8, "item": "5"}]
    ps = [0.99 if s.text.startswith(("1)", "It was")) else 0.0 for s in page.sents]
    got = unit_train.combine(page, ps, reader, add=0.9, veto=0.0, hold=0.7)
    assert [r.text for r in got] == [
        "That the application be supported.",
        "that the accounts be approved.",
    ]
    assert got[1].item == "6"
    score = unit_train.score(page, got).resolutions
    assert (score.tp, score.fp, score.fn) == (2, 0, 0)
    # with additions off, the reader alone
    alone = unit_train.combine(page, ps, reader, add=1.01, veto=0.0, hold=0.7)
    assert [r.text for r in alone] == ["That the application be supported."]


def test_the_rule_written_before_the_check_holds_short_clauses_of_one_form_as_the_same():
    # Dice 0.5 (the setting scored on batches 33-39) takes "that the accounts be approved" for
    # "That the application be supported" (Dice 0.6): the addition is lost
    page = _page(PAGE, ["That the application be supported.", "that the accounts be approved."])
    reader = [{"text": "That the application be supported.", "line": 8, "item": "5"}]
    ps = [0.99 if s.text.startswith(("1)", "It was")) else 0.0 for s in page.sents]
    got = unit_train.combine(page, ps, reader, add=0.9, veto=0.0)
    assert [r.text for r in got] == ["That the application be supported."]


def test_a_veto_drops_a_reader_resolution_the_model_scores_low_and_keeps_one_it_cannot_place():
    page = _page(PAGE, [])
    reader = [
        {"text": "The Clerk reported on the application for the barn.", "line": 5, "item": "5"},
        {"text": "a decision printed nowhere on this page", "line": 1, "item": ""},
    ]
    ps = [0.01] * len(page.sents)
    got = unit_train.combine(page, ps, reader, add=1.01, veto=0.05)
    assert [r.text for r in got] == ["a decision printed nowhere on this page"]


def test_the_experiment_never_opens_a_held_out_page(tmp_path: Path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "h.txt").write_text(PAGE, encoding="utf-8")
    files = {"h.txt": {"split": "held-out", "batch": 1, "body": "x", "resolutions": []}}
    (tmp_path / "expected.json").write_text(json.dumps({"files": files}), encoding="utf-8")
    assert unit_train.dev_names(tmp_path, None) == []
    with pytest.raises(ValueError, match="not a development page"):
        unit_train.load(tmp_path, ["h.txt"])


def test_extra_training_pages_are_every_entry_labelled_as_dev_pages_each_a_body_of_its_own(
    tmp_path: Path,
):
    (tmp_path / "pages").mkdir()
    files = {}
    for name in ("s1.txt", "s2.txt"):
        (tmp_path / "pages" / name).write_text(PAGE, encoding="utf-8")
        files[name] = {
            "split": "train",
            "body": "Same Parish",
            "resolutions": [{"text": "that the accounts be approved.", "item": "6"}],
        }
    (tmp_path / "expected.json").write_text(json.dumps({"files": files}), encoding="utf-8")
    got = unit_train.load_extra(tmp_path)
    assert [p.name for p in got] == ["s1.txt", "s2.txt"]
    assert len({p.judged["body"] for p in got}) == 2  # MIN_BODIES counts each page
    agreed = [s.text for s, y in zip(got[0].sents, got[0].labels, strict=True) if y]
    assert agreed == ["It was agreed that the accounts be approved."]
