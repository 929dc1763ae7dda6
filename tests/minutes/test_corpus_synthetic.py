"""The synthetic training pages (tests/data/minutes_synthetic): training data for the learnt
labellers only, never scored. Their judgements follow the corpus's judging rules, so every judged
text, owner and task must be verbatim in its page, as the real corpus's are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .judged import not_on_the_page

SYNTHETIC = Path(__file__).resolve().parents[1] / "data" / "minutes_synthetic"
EXPECTED = json.loads((SYNTHETIC / "expected.json").read_text(encoding="utf-8"))["files"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_judged_text_is_a_verbatim_substring_of_its_page(name):
    page = (SYNTHETIC / "pages" / name).read_text(encoding="utf-8")
    judged = EXPECTED[name]
    assert not_on_the_page(page, judged) == []
    assert all(r["text"] for r in judged["resolutions"])
    assert all(a["task"] for a in judged["actions"])


def test_every_page_is_judged_and_is_training_data_only():
    pages = {p.name for p in (SYNTHETIC / "pages").glob("*.txt")}
    assert pages == set(EXPECTED)
    assert {e["split"] for e in EXPECTED.values()} == {"train"}


def test_no_synthetic_page_shares_a_name_with_a_corpus_page():
    corpus = json.loads(
        (SYNTHETIC.parent / "minutes" / "expected.json").read_text(encoding="utf-8")
    )["files"]
    assert not set(EXPECTED) & set(corpus)
