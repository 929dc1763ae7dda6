"""The embedding labeller experiment (issue 17, branch embed): its pure parts (`embed_model`),
run without torch. What each sentence's neighbours and heading are, how the folds leave bodies
out, and that the regression learns what a small data set teaches it."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from tracker.minutes.learnt import embed_model as el
from tracker.minutes.learnt import unit_train as ut
from tracker.minutes.learnt.unit_labels import page_sentences
from tracker.minutes.parser import prepared
from tracker.minutes.segment import segment

PAGE = """MINUTES OF THE HARBOUR BOARD

4. Moorings and pontoons

The Harbour Master reported on the winter storms.

Members were content to approve the new tariff.

5. Any other business

None.
"""


def _page() -> tuple[list[str], list[int], list[str]]:
    seg = segment(prepared(PAGE))
    sents = page_sentences(seg)
    return [s.text for s in sents], [s.index for s in sents], el.headings_of(seg)


def test_each_sentence_knows_its_neighbours_and_the_heading_it_sits_under() -> None:
    texts, units, heads = _page()
    ctx = el.context_texts(texts, units, heads)
    tariff = next(c for c in ctx if c["sentence"].startswith("Members were content"))
    assert tariff["prev"].startswith("The Harbour Master reported")
    # the next sentence is the next item's number (the splitter's cut), not the heading above
    assert tariff["next"] in ("5.", "5. Any other business")
    assert "Moorings and pontoons" in tariff["heading"]
    assert ctx[0]["prev"] == "" and ctx[-1]["next"] == ""


def test_a_heading_is_not_its_own_heading_and_nothing_before_the_first() -> None:
    texts, units, heads = _page()
    ctx = dict(zip(texts, el.context_texts(texts, units, heads), strict=True))
    assert ctx["MINUTES OF THE HARBOUR BOARD"]["heading"] == ""
    other = next(t for t in texts if "Any other business" in t)
    assert ctx[other]["heading"] == ""
    none = next(t for t in texts if t.startswith("None"))
    assert "Any other business" in ctx[none]["heading"]


def _fake(name: str, body: str) -> ut.Page:
    return ut.Page(name, {"body": body, "resolutions": []}, [], [])


def test_folds_leave_whole_bodies_out() -> None:
    pages = [_fake(f"p{i}.txt", f"Body {i % 7}") for i in range(40)]
    folds = el.folds_of(pages)
    assert sorted(i for f in folds for i in f) == list(range(40))
    for f in folds:
        inside = {pages[i].judged["body"] for i in f}
        outside = {p.judged["body"] for j, p in enumerate(pages) if j not in f}
        assert not inside & outside


def test_the_regression_learns_a_direction_and_reads_unseen_points_by_it() -> None:
    rng = np.random.default_rng(7)
    x = rng.normal(size=(400, 20)).astype(np.float32)
    y = (x[:, 3] - 0.5 * x[:, 11] > 0).astype(float)
    model = el.fit_dense(x, y, l2=1e-3)
    new = rng.normal(size=(200, 20)).astype(np.float32)
    truth = new[:, 3] - 0.5 * new[:, 11] > 0
    assert ((model.predict(new) >= 0.5) == truth).mean() > 0.9
    # the same data give the same weights
    assert np.array_equal(el.fit_dense(x, y, l2=1e-3).w, model.w)


def test_the_cache_keeps_vectors_by_text_and_the_empty_text_is_zero(tmp_path: Path) -> None:
    cache = el.Cache(tmp_path / "c.npz")
    assert cache.missing(["a", "b", "a", ""]) == ["a", "b"]
    cache.add(["a", "b"], np.ones((2, el.DIM), np.float32))
    cache.save()
    again = el.Cache(tmp_path / "c.npz")
    assert again.missing(["a", "c"]) == ["c"]
    assert again.get("a").sum() == el.DIM
    assert not again.get("").any()


def test_the_best_model_alone_row_is_the_best_f1() -> None:
    rows = {
        "model alone 0.40": {"resolutions": {"tp": 10, "fp": 10, "fn": 0}},
        "model alone 0.60": {"resolutions": {"tp": 9, "fp": 2, "fn": 1}},
        "reader": {"resolutions": {"tp": 10, "fp": 0, "fn": 0}},
    }
    assert el.best_alone(rows) == ("model alone 0.60", 18 / 21)


def test_the_action_probe_reads_each_threshold_and_keeps_the_best_f1() -> None:
    from tracker.minutes.learnt.embed_actions import best_f1

    y = np.array([1.0, 1.0, 0.0, 0.0, 0.0])
    pred = np.array([0.95, 0.55, 0.65, 0.2, 0.1])
    # at 0.7 one right and nothing wrong (F1 0.667); at 0.5 both right and one wrong (0.8)
    best = best_f1(pred, y)
    assert (best["tp"], best["fp"], best["fn"]) == (2, 1, 0)
    assert best["f1"] == 0.8
