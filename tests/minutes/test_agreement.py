"""The agreement between judges: figures, the majority judgement, and refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tracker.minutes.agreement import main

PAGE = """MINUTES OF THE PARISH COUNCIL
5. Allotments
RESOLVED that the rents rise by 5% from April.
6. Footpaths
It was agreed to write to the county council about the stile.
JS to obtain three quotes for the bench.
Clerk to book the hall for the fete.
"""
RENTS = "that the rents rise by 5% from April."
STILE = "to write to the county council about the stile."


def _corpus(tmp_path: Path, judged: dict[str, object]) -> Path:
    folder = tmp_path / "corpus"
    (folder / "pages").mkdir(parents=True)
    (folder / "pages" / "p.txt").write_text(PAGE, encoding="utf-8")
    entry = {"split": "dev", "layouts": [], "undertakings": [], **judged}
    (folder / "expected.json").write_text(json.dumps({"files": {"p.txt": entry}}), "utf-8")
    return folder


def _judge(tmp_path: Path, name: str, judged: dict[str, object]) -> Path:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps({"files": {"p.txt": judged}}), encoding="utf-8")
    return path


def _res(text: str, item: str) -> dict[str, str]:
    return {"text": text, "item": item, "number": ""}


def _act(owner: str, task: str) -> dict[str, str | None]:
    return {"owner": owner, "task": task, "due": None}


def test_two_judges_who_differ_on_one_action_agree_on_the_rest(tmp_path, capsys):
    both = {"resolutions": [_res(RENTS, "5")], "actions": [_act("JS", "obtain three quotes")]}
    folder = _corpus(tmp_path, both)
    second = _judge(tmp_path, "second", {"resolutions": [_res(RENTS, "5")], "actions": []})
    assert main([str(folder), str(second), "--list"]) == 0
    out = capsys.readouterr().out
    assert "1 pages judged by corpus, second" in out
    pair = next(line for line in out.splitlines() if line.startswith("corpus ~ second"))
    assert "res F1 1.000" in pair and "act F1 0.000" in pair and "items 1/1" in pair
    assert "only the first: action: 'JS' / 'obtain three quotes'" in out


def test_the_majority_keeps_what_two_of_three_judges_wrote_with_their_item(tmp_path, capsys):
    folder = _corpus(
        tmp_path,
        {
            "resolutions": [_res(RENTS, "5"), _res(STILE, "5")],
            "actions": [_act("JS", "obtain three quotes")],
        },
    )
    one = _judge(tmp_path, "one", {"resolutions": [_res(RENTS, "5")], "actions": []})
    two = _judge(
        tmp_path,
        "two",
        {
            "resolutions": [_res(STILE, "6")],
            "actions": [
                _act("JS", "obtain three quotes"),
                _act("Clerk", "book the hall for the fete."),
            ],
        },
    )
    three = _judge(tmp_path, "three", {"resolutions": [_res(STILE, "6")], "actions": []})
    out_file = tmp_path / "majority.json"
    args = [str(folder), str(one), str(two), str(three), "--majority", str(out_file), "--json"]
    assert main(args) == 0
    figures = json.loads(capsys.readouterr().out)
    got = json.loads(out_file.read_text(encoding="utf-8"))["files"]["p.txt"]
    # rents: corpus and one (2 of 4, not more than half); stile: corpus, two, three (3 of 4)
    assert got["resolutions"] == [_res(STILE, "6")]
    assert got["actions"] == []  # JS by two judges of four, the Clerk by one
    assert figures["pairs"]["two ~ three"]["resolutions"]["f1"] == 1.0
    assert figures["reader"]["majority"]["resolutions"]["tp"] == 1


def test_a_judgement_not_copied_from_its_page_is_refused(tmp_path, capsys):
    folder = _corpus(tmp_path, {"resolutions": [_res(RENTS, "5")], "actions": []})
    bad = _judge(
        tmp_path, "bad", {"resolutions": [], "actions": [_act("JS", "obtain four quotes")]}
    )
    assert main([str(folder), str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.json: p.txt: action 1: task is not text copied from the page" in err


def test_a_majority_of_two_judges_is_refused(tmp_path, capsys):
    folder = _corpus(tmp_path, {"resolutions": [], "actions": []})
    other = _judge(tmp_path, "other", {"resolutions": [], "actions": []})
    assert main([str(folder), str(other), "--majority", str(tmp_path / "m.json")]) == 2
    assert "three judges or more" in capsys.readouterr().err
    assert not (tmp_path / "m.json").exists()


@pytest.mark.parametrize("content", ["not json", '{"pages": {}}'])
def test_a_file_that_is_not_judgements_is_refused(tmp_path, capsys, content):
    folder = _corpus(tmp_path, {"resolutions": [], "actions": []})
    path = tmp_path / "junk.json"
    path.write_text(content, encoding="utf-8")
    assert main([str(folder), str(path)]) == 2
    assert "junk.json: not a judgement file" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["../expected.json", "missing.txt"])
def test_a_judgement_of_a_page_not_in_the_corpus_is_refused(tmp_path, capsys, name):
    folder = _corpus(tmp_path, {"resolutions": [], "actions": []})
    path = tmp_path / "odd.json"
    path.write_text(json.dumps({"files": {name: {"resolutions": []}}}), encoding="utf-8")
    assert main([str(folder), str(path)]) == 2
    assert f"odd.json: {name}: no such page" in capsys.readouterr().err
