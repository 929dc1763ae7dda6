"""An action labeller over every unit of a page (issue 17, branch seqact).

Unlike `actions.learnt_actions`, which scores only the sentences no rule read, this labeller
reads every piece (`action_features.spans`) of every unit the segmenter makes, in page order,
and says for each whether it holds an action, a reported undertaking or neither. Each piece's
features are its own (`action_features.span_features`) plus its neighbours': the piece before
and the piece after, prefixed "before:" / "after:" (in effect a sequence labeller: a logistic
regression with neighbour features), and where it sits ("the last unit of its item", "the
unit's last piece", "under an actions heading", "in an action log").

Two logistic regressions share those features: one for "holds an action", one for "holds a
reported undertaking" (an undertaking is never taken as an action: a piece reads as an action
only when its action chance is at or above the threshold and above its undertaking chance).
The owner and task of a piece that reads as an action are chosen among `owner_candidates` by a
third regression, as `actions.best_owner` chooses them.

`combine` puts the labeller's readings beside the reader's actions: a confident reading the
reader has nothing for is added; optionally a reader's action whose piece the labeller reads
as very unlikely is vetoed. Training and the checks are in `unit_actions_train`.

This module imports only what the reader had at `088bf7e` (the checks run it inside older
readers). It is not wired into the reader: on the dev pages no rule was tuned on it did not
beat the rules (tests/data/minutes/README.md, "An action labeller over all units"), so it
ships no weights; `unit_actions_train` trains it afresh for each check.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..owners import tidy_text
from ..people import first_names
from ..segment import Segmented
from .action_features import LONG, OwnerCandidate, Span, owner_candidates, span_features, spans
from .logistic import predict

# the features carried to a neighbour ("before: ends with initials"): all of a piece's own
# but its length bucket and the page-wide ones, which the piece has itself
_PAGE_WIDE = ("words ", "the page records no meeting")
# which task verb it is ("task verb: circulate") is left out: on a few hundred actions the
# verbs' weights are noise one page's wording sets (the leave-bodies-out check read worse)
_LEXICAL = ("task verb: ",)


@dataclass(frozen=True)
class Labeller:
    """The three regressions' weights, by feature name ("" the bias)."""

    action: dict[str, float]
    undertaking: dict[str, float]
    owner: dict[str, float]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Labeller:
        return cls(dict(data["action"]), dict(data["undertaking"]), dict(data["owner"]))


@dataclass(frozen=True)
class Reading:
    """What the labeller reads in one piece."""

    index: int  # the unit
    line: int
    text: str  # the piece
    p_action: float
    p_undertaking: float
    owner: str
    task: str
    where: str  # where the owner was read (`OwnerCandidate.where`)
    names: frozenset[str]


def _carried(names: frozenset[str]) -> set[str]:
    return {n for n in names if not n.startswith(_PAGE_WIDE)}


_LAST_OF_ITEM = "the last unit of its item"


def sequence_features(seg: Segmented, sps: Sequence[Span]) -> list[frozenset[str]]:
    """Each piece's features, its neighbours' and its place in the page."""
    firsts = first_names([ln.text for ln in seg.lines])
    own = [
        frozenset(n for n in span_features(seg, sp, firsts) if not n.startswith(_LEXICAL))
        for sp in sps
    ]
    out: list[frozenset[str]] = []
    n = len(seg.lines)
    for k, sp in enumerate(sps):
        f = set(own[k])
        before = _carried(own[k - 1]) if k else {"page start"}
        after = _carried(own[k + 1]) if k + 1 < len(sps) else {"page end"}
        f |= {f"before: {x}" for x in before}
        f |= {f"after: {x}" for x in after}
        i = sp.index
        last_piece = k + 1 == len(sps) or sps[k + 1].index != i
        if last_piece:
            f.add("the unit's last piece")
        nxt = next((j for j in range(i + 1, n) if seg.lines[j].text), n)
        if nxt >= n or nxt in seg.headings:
            f.add(_LAST_OF_ITEM)
            if last_piece:
                f.add(f"{_LAST_OF_ITEM}, its last piece")
        if k and sps[k - 1].index == i:
            f.add("the same unit as the piece before")
        if re.search(r"\bwill\b", sp.text, re.I):
            f.add("'will' inside")
        if re.search(r"\b(?:agreed|undertook|offered|volunteered)\b", sp.text, re.I):
            f.add("'agreed', 'offered' or 'undertook'")
        if re.search(r"\b(?:has|have|had|was|were)\s+(?:been\s+)?\w+ed\b", sp.text, re.I):
            f.add("a past or perfect verb")
        out.append(frozenset(f))
    return out


def best_owner(w: dict[str, float], cands: Sequence[OwnerCandidate]) -> OwnerCandidate:
    scored = [(predict(w, c.names), -k, c) for k, c in enumerate(cands)]
    return max(scored, key=lambda s: (s[0], s[1]))[2]


def read_page(model: Labeller, seg: Segmented) -> list[Reading]:
    """Every piece of the page with the labeller's chances, owner and task."""
    sps = spans(seg, list(range(len(seg.lines))))
    firsts = first_names([ln.text for ln in seg.lines])
    out = []
    for sp, names in zip(sps, sequence_features(seg, sps), strict=True):
        pa = predict(model.action, names) if len(sp.text.split()) <= LONG else 0.0
        pu = predict(model.undertaking, names)
        owner, task, where = "", sp.text, "none"
        if pa >= 0.2:  # owners are read only where an action may be
            c = best_owner(model.owner, owner_candidates(seg, sp, firsts))
            owner, task, where = c.owner, c.task, c.where
        out.append(
            Reading(sp.index, seg.lines[sp.index].no, sp.text, pa, pu, owner, task, where, names)
        )
    return out


def actions_read(readings: Sequence[Reading], threshold: float) -> list[Reading]:
    """The pieces read as actions: at or above the threshold, and likelier an action than an
    undertaking; one per owner and task."""
    out: list[Reading] = []
    seen: set[tuple[str, str]] = set()
    for r in readings:
        if r.p_action < threshold or r.p_action < r.p_undertaking:
            continue
        key = (r.owner.lower(), tidy_text(r.task).lower())
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


_WORD_RE = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


def _inside(a: Sequence[str], b: Sequence[str]) -> float:
    """The share of `a`'s words that are in `b`."""
    if not a:
        return 0.0
    return sum((Counter(a) & Counter(b)).values()) / len(a)


def overlaps(a: str, b: str) -> bool:
    """Either text's words are mostly (60%) in the other's: the same piece read twice."""
    wa, wb = words(a), words(b)
    return _inside(wa, wb) >= 0.6 or _inside(wb, wa) >= 0.6


@dataclass(frozen=True)
class Setting:
    """How the labeller's readings join the reader's actions; written down before the untuned
    pages were scored (tests/data/minutes/README.md)."""

    add_from: float  # a reading at or above this, that the reader has nothing for, is added
    veto_below: float | None = None  # a reader's action on a piece read below this is dropped

    def label(self) -> str:
        veto = "no veto" if self.veto_below is None else f"veto below {self.veto_below}"
        return f"add from {self.add_from}, {veto}"


@dataclass(frozen=True)
class Found:
    """An action as the scorer sees it: owner and task (the reader's follow-up, or a reading)."""

    owner: str
    text: str
    line: int
    why: str = ""


def combine(
    reader: Sequence[Found],
    resolutions: Sequence[str],
    readings: Sequence[Reading],
    setting: Setting,
) -> tuple[list[Found], list[Found], list[Found]]:
    """The reader's actions with the labeller's confident additions and vetoes: (all, added,
    vetoed). A reading inside the text of a resolution the reader took is not added (what a
    resolution asks for is part of it, not an action)."""
    kept: list[Found] = []
    vetoed: list[Found] = []
    for f in reader:
        near = [r for r in readings if overlaps(f.text, r.text)]
        best = max((r.p_action for r in near), default=None)
        if setting.veto_below is not None and best is not None and best < setting.veto_below:
            vetoed.append(f)
        else:
            kept.append(f)
    added: list[Found] = []
    for r in actions_read(readings, setting.add_from):
        if any(overlaps(r.text, f.text) or overlaps(r.task, f.text) for f in reader):
            continue
        if any(_inside(words(r.text), words(t)) >= 0.6 for t in resolutions):
            continue
        if any(overlaps(r.task, a.text) for a in added):
            continue
        added.append(Found(r.owner, tidy_text(r.task), r.line, why_read(r)))
    return kept + added, added, vetoed


def why_read(r: Reading) -> str:
    """Why a reading was added, as a review screen would say it."""
    who = f"owner '{r.owner}' ({r.where})" if r.owner else "no owner read"
    return f"action labeller {r.p_action:.2f}; {who}"
