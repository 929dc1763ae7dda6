"""The judged corpus in tests/data/minutes: every judged text is really on its page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .judged import not_on_the_page

CORPUS = Path(__file__).resolve().parents[1] / "data" / "minutes"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["files"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_judged_text_is_a_verbatim_substring_of_its_page(name):
    page = (CORPUS / "pages" / name).read_text(encoding="utf-8")
    judged = EXPECTED[name]
    assert not_on_the_page(page, judged) == []
    assert judged["url"].startswith(("http://", "https://"))
    assert judged["licence"]


def test_every_page_is_judged_and_every_judgement_has_a_page():
    pages = {p.name for p in (CORPUS / "pages").glob("*.txt")}
    assert pages == set(EXPECTED)


def test_the_corpus_is_as_wide_as_the_issue_asks():
    assert len(EXPECTED) >= 40
    assert len({e["body"] for e in EXPECTED.values()}) >= 25
    assert {e["nation"] for e in EXPECTED.values()} == {
        "England",
        "Wales",
        "Scotland",
        "Northern Ireland",
    }
    no_decision = [n for n, e in EXPECTED.items() if not e["resolutions"] and not e["actions"]]
    assert len(no_decision) >= 5


def test_the_held_out_quarter_is_listed_in_the_readme():
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    held = sorted(n for n, e in EXPECTED.items() if e["split"] == "held-out")
    assert len(held) * 4 >= len(EXPECTED)
    section = readme.split("## Hold-out quarter")[1].split("## Pages")[0]
    assert sorted(line[3:-1] for line in section.splitlines() if line.startswith("- `")) == held


def swept_lines():
    text = (CORPUS / "swept_urls.txt").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def test_every_page_is_in_the_swept_urls_with_its_url_and_split():
    rows = swept_lines()
    assert all(len(row) == 4 for row in rows)
    assert all(row[3] in {"dev", "held-out", "skipped"} for row in rows)
    listed = {row[2]: (row[0], row[3]) for row in rows if row[3] != "skipped"}
    assert listed == {name: (e["url"], e["split"]) for name, e in EXPECTED.items()}


def test_a_swept_url_is_listed_once():
    urls = [row[0] for row in swept_lines()]
    assert len(urls) == len(set(urls))
