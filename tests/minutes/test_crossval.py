"""The leave-bodies-out check reads development pages only and labels candidates by the
judged corpus."""

from __future__ import annotations

import json

from tracker.minutes.crossval import crossval, examples


def _corpus(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "dev.txt").write_text(
        "4. Membership\n\nThe Board agreed to note the report.\n\n"
        "It was agreed that the Chair would write.\n\nIJ to contact SL about the venue.\n\n"
        "KD to book the hall.\n",
        encoding="utf-8",
    )
    judged = {
        "dev.txt": {
            "body": "A Board",
            "split": "dev",
            "resolutions": [{"text": "to note the report.", "item": "4", "number": ""}],
            "actions": [{"owner": "IJ", "task": "contact SL about the venue.", "due": None}],
        },
        # no page on disk: reading a held-out page would fail the test
        "held.txt": {"body": "B Board", "split": "held-out", "resolutions": [], "actions": []},
    }
    (tmp_path / "expected.json").write_text(json.dumps({"files": judged}), encoding="utf-8")
    return tmp_path


def test_candidates_of_development_pages_are_labelled_and_held_out_pages_never_read(tmp_path):
    data = examples(_corpus(tmp_path))
    assert {ex.page for ex in data} == {"dev.txt"}
    labelled = sorted((ex.kind, ex.right, ex.rule_taken) for ex in data)
    # the undertaking is listed for review, never scored; KD's booking was not judged
    assert labelled == [("action", False, True), ("action", True, True), ("resolution", True, True)]
    assert any("generator: prose decision" in ex.names for ex in data)
    result = crossval(data, folds=2)
    assert result["candidates"] == 3
    assert result["rules"]["tp"] == 2 and result["rules"]["fp"] == 1
