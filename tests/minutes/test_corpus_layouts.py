"""The development split read again in other layouts (issue 17, point 1): every dev page
hard-wrapped at 60 and 120 columns, wrapped with a printed page's number and signature line
every 25 lines (as text taken out of a PDF), and flattened onto one line. The judgements are
the same minutes; what the reader still finds is the segmenter's robustness to layout, the
kinds the held-out split is weakest on (flattened and hard-wrapped pages).

Floors: what branch minutesflat measured (README, "Layouts the segmenter repairs"), less a
margin for pages other branches add; main before it (0729a09) read 0.86 / 0.91 / 0.78 / 0.65 for
resolutions and 0.89 / 0.91 / 0.87 / 0.60 for actions, in the order of FLOORS, on the same pages.
With batches 24 and 26 merged beside it (more dev pages, more parish motions and action logs)
the dev split read 0.9238 / 0.9417 / 0.917 / 0.6675 and 0.9289 / 0.9355 / 0.9171 / 0.705: the
floors at 60 columns and flattened were lowered to those, less the margin. Batch 30 (branch
minutesleft3) added a dev page whose owner-only label both readers misread (Kexby's "Action
RG/GP", 1 false and 1 missed, main's reader and the branch's alike): at 60 columns actions read
0.9234 with it (0.9276 without), and that floor was lowered to 0.92.
Batch 31's untuned final round (branch minutesleft4) added a
Reed parish page flattened onto one line, which wrapped at 60 loses its "Resolved." and its
"Action:" / "Clerk/Webmaster" label split over two lines, on main's reader (11ca82b) and the
branch's alike; not tuned on, as that round is untuned. With batches 30 and 31 both readers read
actions 0.9200 at 60 columns (0.9220 without the Reed page): the floor stays at 0.92.
Batch 34 (branch sweep34: 21 dev pages from bodies new to the corpus, scored untuned, actions F1
0.67 in their own layout) is left out here, as batch 15 was left out of the first floors. Measured
before batch 33 was merged, main's reader (548a7e8) read with it 0.9158 / 0.9339 / 0.9198 / 0.6957
for resolutions and 0.8835 / 0.8971 / 0.8766 / 0.6734 for actions; without it 0.9304 / 0.9495 /
0.9303 / 0.6957 and 0.9265 / 0.9394 / 0.9197 / 0.7109. It has its own floor in
test_corpus_scores_sweeps.py.
Branch flat17 cut lists run together on a flattened page at their markers in sequence and read
a decision printed twice on one line twice: flattened, main's reader (12b4f72) read 0.7047 /
0.7269 on these pages, the branch 0.7443 / 0.7414; with a ModernGov item's number and title cut from the text before its label, resolutions read
0.7512: the floors were raised to 0.74 / 0.73.
Branch flat18 cut a flattened page where the published page started a line the sentence
splitter did not see (ModernGov cells read as sentences, lists marked "1." / "i." / "A." in
turn, coded minute numbers, bullets, ModernGov links' titles; tracker/minutes/flat_splits.py)
and ended a decision at a line carrying a ModernGov file link: flattened, main's reader
(9dbbf98) read 0.7512 / 0.7414 on these pages, the branch 0.8300 / 0.7443: the floors were
raised to 0.82 / 0.74.
Branch wrap18 (the second round on hard-wrapped and PDF pages) made a flattened page hard-wrapped
one long line again before it is cut into sentences, let a bullet's wrapped item, a numbered
table row wrapped into its last cells and a sentence ending on a short lower-case word go on,
and dropped a page's foot between two lines of text with the blank lines around it. On these
pages main's reader (9dbbf98) read 0.9291 / 0.9497 / 0.9332 for resolutions and 0.9265 / 0.9351
/ 0.9067 for actions (wrapped at 60, at 120, PDF pages); the branch read 0.9537 / 0.9714 /
0.9599 and 0.9676 / 0.9744 / 0.9510, as published unchanged (0.9814 / 0.9893). The floors were
raised to those, less a margin of about 0.005 for pages other branches add."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tracker.minutes.evaluate import evaluate, total
from tracker.minutes.learnt import UNTUNED_BATCHES
from tracker.minutes.learnt.layouts import wrap

CORPUS = Path(__file__).resolve().parents[1] / "data" / "minutes"


def _pdf(text: str) -> str:
    out: list[str] = []
    for k, line in enumerate(wrap(text, 80).split("\n"), 1):
        out.append(line)
        if k % 25 == 0:
            out += ["", f"- {k // 25} -", "Signed .................... Chair", ""]
    return "\n".join(out)


LAYOUTS = {
    "wrapped at 60": lambda t: wrap(t, 60),
    "wrapped at 120": lambda t: wrap(t, 120),
    "PDF pages": _pdf,
    "flattened": lambda t: re.sub(r"\s+", " ", t).strip(),
}
# Batches 33 to 36 (branches sweep33, sweep34, sweep35 and sweep36) are fresh samples kept untuned,
# the honest check of whether the reader generalises; their untuned figures have their own floors
# in test_corpus_scores_sweeps.py, and these floors stay on the pages the reader was tuned on.
UNTUNED_SAMPLES = UNTUNED_BATCHES
# layout: (resolutions F1, actions F1)
FLOORS = {
    "wrapped at 60": (0.948, 0.962),
    "wrapped at 120": (0.966, 0.969),
    "PDF pages": (0.954, 0.945),
    "flattened": (0.82, 0.74),
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_the_dev_split_reads_nearly_as_well_in_other_layouts(layout, tmp_path):
    files = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["files"]
    dev = {
        k: v
        for k, v in files.items()
        if v["split"] == "dev" and v.get("batch") not in UNTUNED_SAMPLES
    }
    (tmp_path / "pages").mkdir()
    for name in dev:
        text = (CORPUS / "pages" / name).read_text(encoding="utf-8")
        (tmp_path / "pages" / name).write_text(LAYOUTS[layout](text), encoding="utf-8")
    (tmp_path / "expected.json").write_text(json.dumps({"files": dev}), encoding="utf-8")
    score = total(evaluate(tmp_path, "dev"))
    res_floor, act_floor = FLOORS[layout]
    assert score.resolutions.f1 >= res_floor
    assert score.actions.f1 >= act_floor
