"""The learnt proposer's reasons reach the user: a dry run of `tracker minutes import` on a
flattened page lists what the model proposed under "Not read with confidence", with its score
and the features that weighed most (issue 17, branch learntres)."""

from __future__ import annotations

from pathlib import Path

from committee_helpers import Runner, counts

from tracker.services.context import Tracker


def test_a_decision_only_the_model_proposed_is_listed_for_review_saying_why(
    committees: Tracker, run: Runner, tmp_path: Path
) -> None:
    page = tmp_path / "flat.txt"
    page.write_text(  # a parish page flattened onto one line; the decision has no keyword
        "5. Budget monitoring The Treasurer presented the figures. That the quarterly budget "
        "report be noted and the virement of funds be approved. 6. Correspondence The Clerk "
        "read two letters.",
        encoding="utf-8",
    )
    before = counts(committees)
    result = run("minutes", "import", page, "--committee", "cabinet", "--date", "2026-02-10",
                 "--dry-run")  # fmt: skip
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    # shipped review-only: the user is shown the proposal and why, and decides
    assert "Resolutions: none found" in out
    assert "line 1: unsure: learnt; model " in out
    assert "starts 'that'" in out
    assert "That the quarterly budget report be noted" in out
    assert counts(committees) == before
