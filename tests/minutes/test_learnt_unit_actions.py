"""The action labeller over all units (issue 17, branch seqact), an experiment not wired into the
reader: what it sees of a piece's neighbours, how its readings join the reader's actions, and
that its training and checks never open a held-out page nor train on the untuned batches."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tracker.minutes.learnt.action_features import spans
from tracker.minutes.learnt.unit_actions import Found, Reading, Setting, combine, sequence_features
from tracker.minutes.learnt.unit_actions_train import extra_pages, main, pages, segmented

PAGE = """MINUTES OF THE PARISH COUNCIL

3. Footpaths
The hedge on Mill Lane is overgrown and blocks the footpath.
Action: JS

4. Any other business
The Chair thanked everyone for attending.
"""


def _features(text: str) -> dict[str, frozenset[str]]:
    seg = segmented(text)
    sps = spans(seg, list(range(len(seg.lines))))
    return {sp.text: f for sp, f in zip(sps, sequence_features(seg, sps), strict=True)}


def test_a_piece_sees_the_owner_label_after_it_and_the_end_of_its_item():
    f = _features(PAGE)
    hedge = f["The hedge on Mill Lane is overgrown and blocks the footpath."]
    assert {"after: label: action", "after: ends with initials"} <= hedge
    assert "label: action" not in hedge  # its own text has no label
    label = next(v for k, v in f.items() if k.startswith("Action: JS"))
    assert "the last unit of its item" in label
    assert any(n.startswith("before: ") for n in label)


@pytest.mark.parametrize(
    "line",
    [
        "JS to circulate the plan to members.",
        "The Clerk to write to the highways authority.",
        "AB will email the contractor about the hedge.",
    ],
)
def test_which_task_verb_it_is_is_no_feature(line):
    f = _features(f"3. Footpaths\n{line}\n")
    names = next(v for k, v in f.items() if k.startswith(line[:10]))
    assert "leading phrase, then 'to' or 'will'" in names
    assert not [n for n in names if "task verb: " in n]
    assert not [n for n in names if n.split(": ")[-1] in line.lower().split()]


def _reading(text: str, p: float, owner: str = "JS", task: str = "", und: float = 0.0) -> Reading:
    return Reading(0, 4, text, p, und, owner, task or text, "lead", frozenset())


READER = [Found("Clerk", "write to the highways authority about the hedge", 3)]


def test_a_confident_reading_the_reader_has_nothing_for_is_added_with_its_owner():
    new = _reading(
        "JS to book the village hall for May.", 0.97, task="book the village hall for May."
    )
    found, added, vetoed = combine(READER, [], [new], Setting(0.95))
    assert [(f.owner, f.text) for f in added] == [("JS", "book the village hall for May.")]
    assert found == [*READER, *added] and not vetoed
    assert "action labeller 0.97" in added[0].why and "owner 'JS'" in added[0].why


@pytest.mark.parametrize(
    ("reading", "resolutions"),
    [
        # the reader has this piece already
        (_reading("Clerk to write to the highways authority about the hedge.", 0.99), []),
        # under the setting's bound
        (_reading("JS to book the village hall for May.", 0.9), []),
        # likelier a reported undertaking than an action
        (_reading("JS would book the village hall for May.", 0.96, und=0.98), []),
        # inside a resolution the reader took: what a resolution asks for is part of it
        (
            _reading("JS to cut back the hedge on Mill Lane", 0.99),
            ["That JS cut back the hedge on Mill Lane before May"],
        ),
    ],
)
def test_what_is_not_added(reading, resolutions):
    _, added, _ = combine(READER, resolutions, [reading], Setting(0.95))
    assert added == []


def test_a_veto_drops_a_reader_action_only_when_its_piece_reads_unlikely():
    low = _reading("Clerk to write to the highways authority about the hedge.", 0.01)
    high = _reading("Clerk to write to the highways authority about the hedge.", 0.5)
    assert combine(READER, [], [low], Setting(0.95, 0.05))[2] == READER
    assert combine(READER, [], [high], Setting(0.95, 0.05))[2] == []
    assert combine(READER, [], [low], Setting(0.95))[2] == []
    assert combine(READER, [], [], Setting(0.95, 0.05))[0] == READER  # nothing read there


def _corpus(folder: Path) -> None:
    files = {
        "a.txt": {"split": "dev", "batch": 12, "body": "A", "actions": []},
        "b.txt": {"split": "dev", "batch": 33, "body": "B", "actions": []},
        "c.txt": {"split": "held-out", "batch": 12, "body": "C", "actions": []},
        "d.txt": {"split": "dev", "batch": 42, "body": "D", "actions": []},
    }
    (folder / "pages").mkdir()
    (folder / "expected.json").write_text(json.dumps({"files": files}), encoding="utf-8")
    for name in ("a.txt", "b.txt", "d.txt"):  # the held-out page is absent: opening it would fail
        (folder / "pages" / name).write_text("3. Footpaths\nJS to cut the hedge.\n", "utf-8")


def test_training_takes_dev_pages_outside_batches_33_to_42_and_never_opens_a_held_out_page(
    tmp_path,
):
    _corpus(tmp_path)
    assert [p.name for p in pages(tmp_path)] == ["a.txt"]
    assert [p.name for p in pages(tmp_path, frozenset({33}))] == ["b.txt"]
    assert [p.name for p in pages(tmp_path, frozenset({12}))] == ["a.txt"]
    assert [p.name for p in pages(tmp_path, frozenset({42}))] == ["d.txt"]


def test_extra_training_pages_are_every_entry_each_a_body_of_its_own(tmp_path):
    folder = tmp_path / "synthetic"
    (folder / "pages").mkdir(parents=True)
    files = {
        "s1.txt": {"split": "train", "body": "Same Parish", "actions": []},
        "s2.txt": {"split": "train", "body": "Same Parish", "actions": []},
    }
    (folder / "expected.json").write_text(json.dumps({"files": files}), encoding="utf-8")
    for name in files:
        (folder / "pages" / name).write_text("3. Footpaths\nJS to cut the hedge.\n", "utf-8")
    got = extra_pages(folder)
    assert [p.name for p in got] == ["s1.txt", "s2.txt"]
    assert len({p.body for p in got}) == 2
    assert got[0].text.startswith("3. Footpaths")


def test_the_check_needs_its_settings_written_down_and_reads_only_untrained_batches(
    tmp_path, capsys
):
    _corpus(tmp_path)
    settings = tmp_path / "s.json"
    settings.write_text(json.dumps({"alone": 0.4, "settings": []}), encoding="utf-8")
    assert main([str(tmp_path), "--check", "33"]) == 2
    assert "written down" in capsys.readouterr().err
    assert main([str(tmp_path), "--check", "12", "--settings", str(settings)]) == 2
    assert "kept out of training" in capsys.readouterr().err
