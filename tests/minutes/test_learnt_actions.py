"""The learnt action model (issue 17, branch learntact): its weights are the dev split's, a
held-out page never changes them, it reads actions the rules leave in layouts they were not
written for, and the review says why."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tracker.minutes.learnt import UNTUNED_BATCHES
from tracker.minutes.learnt import actions as learnt
from tracker.minutes.learnt.train_actions import dev_pages, digest, write_weights
from tracker.minutes.parser import parse_minutes

CORPUS = Path(__file__).resolve().parents[1] / "data" / "minutes"


def test_the_shipped_weights_were_trained_on_the_dev_split_as_it_is():
    shipped = json.loads(learnt.WEIGHTS.read_text(encoding="utf-8"))
    assert shipped["digest"] == digest(dev_pages(CORPUS)), (
        "the dev split changed since the action model was trained: retrain with "
        "`python -m tracker.minutes.learnt.train_actions tests/data/minutes`"
    )


def _small_corpus(folder: Path, held_out_text: str) -> None:
    files = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["files"]
    dev = sorted(
        k
        for k, v in files.items()
        if v["split"] == "dev" and v["actions"] and v.get("batch") not in UNTUNED_BATCHES
    )[:4]
    (folder / "pages").mkdir(parents=True)
    chosen = {k: files[k] for k in dev}
    for name in dev:
        shutil.copy(CORPUS / "pages" / name, folder / "pages" / name)
    (folder / "pages" / "zz_made_up.txt").write_text(held_out_text, encoding="utf-8")
    chosen["zz_made_up.txt"] = {
        **files[dev[0]],
        "split": "held-out",
        "body": "A made-up parish council",
        "actions": [{"owner": "QX", "task": "mend the gate", "due": None}],
    }
    (folder / "expected.json").write_text(json.dumps({"files": chosen}), encoding="utf-8")


def test_a_held_out_page_in_the_corpus_folder_never_changes_the_weights(tmp_path):
    _small_corpus(tmp_path / "a", "1. Gate\nQX to mend the gate.\n")
    _small_corpus(tmp_path / "b", "Something else entirely: RT to paint the fence. / RT\n")
    a = write_weights(tmp_path / "a", tmp_path / "a.json")
    write_weights(tmp_path / "b", tmp_path / "b.json")
    assert a["pages"] == 4
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


# Pages printed as long runs of text (a page flattened when it was published), where an owner's
# initials and their task run on inside the notes with no dash, no "Action:" and no line break.
_HALL = (
    "Minutes of the meeting of the Upper Ditchley Village Association held on 3 March 2026 in "
    "the village hall. Present: A Reeve (Chair), P Quinn, T Walsh, M Ng. 1. Apologies were "
    "received from R Dunn. 2. Village hall The roof was inspected last week and the gutters are "
    "blocked again PQ to obtain two quotes for clearing the gutters before winter. The committee "
    "thanked the volunteers. 3. Footpaths The stile on the north path is broken and walkers have "
    "complained TW to contact the landowner about replacing the stile. Nothing else was raised. "
    "4. Date of next meeting 7 April 2026.\n"
)
_HARBOUR = (
    "Notes of the Harbour Users Forum, 12 May 2026. Attendees: Harbour Master (HM), K Oduya (KO), "
    "S Bell (SB). 1. Moorings The waiting list has grown to forty boats and the fees were last "
    "reviewed in 2022 KO to draft a revised fee schedule for the autumn meeting. 2. Slipway "
    "Members reported weed on the lower slipway again. 3. Any other business Nothing further was "
    "raised and the meeting closed at 8.40pm. The next meeting is on 14 July 2026 at the harbour "
    "office.\n"
)
UNSEEN = [
    (_HALL, "PQ", "obtain two quotes"),
    (_HALL, "TW", "contact the landowner"),
    (_HARBOUR, "KO", "draft a revised fee schedule"),
]


@pytest.mark.parametrize(("text", "owner", "task"), UNSEEN)
def test_the_model_reads_an_action_the_rules_leave(text, owner, task):
    with learnt.model_in_use(None):  # the rules alone miss it
        before = parse_minutes(text)
    assert not any(f.owner == owner for f in before.followups)
    after = parse_minutes(text)
    found = [f for f in after.followups if f.owner == owner and task in f.text]
    assert found, after.followups
    assert found[0].why.startswith("learnt; model 0.")  # the review says what the model saw
    assert f"owner '{owner}'" in found[0].why


def test_on_a_page_laid_out_line_by_line_the_model_only_proposes_for_review():
    text = _HALL.replace(". ", ".\n")  # the same minutes, a sentence a line
    ex = parse_minutes(text)
    assert not any(f.owner == "PQ" for f in ex.followups)
    notes = [u for u in ex.unsure if "PQ to obtain" in u.text]
    assert notes, ex.unsure
    assert "model 0." in notes[0].reason and "owner 'PQ'" in notes[0].reason
    assert "taken only on a page printed as long runs of text" in notes[0].reason


def test_a_weak_reading_goes_to_review_with_the_model_s_reasons():
    model = learnt.current()
    assert model is not None
    strict = learnt.Model(model.unit, model.owner, 0.999, 0.05, True, model.take_on)
    with learnt.model_in_use(strict):
        ex = parse_minutes(_HALL)
    assert not any(f.owner == "PQ" for f in ex.followups)
    notes = [u for u in ex.unsure if "PQ to obtain" in u.text]
    assert notes and "model 0." in notes[0].reason and "not taken" in notes[0].reason


def test_on_the_dev_split_flattened_the_model_adds_actions_and_keeps_the_floor():
    """Leave-bodies-out CV gave 157 found, 40 false (F1 0.727) against the rules' 150 and 37
    (0.711); the shipped weights read the same. The split as published reads as the rules."""
    from tracker.minutes.learnt.train_actions import read_actions

    pages = dev_pages(CORPUS)
    rules = read_actions(pages, "flattened", None)
    both = read_actions(pages, "flattened", learnt.current())
    assert both.tp >= rules.tp + 5
    assert round(both.f1, 4) >= 0.72
    assert read_actions(pages, "as published", learnt.current()).fp <= 1
