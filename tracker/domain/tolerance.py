"""A board's tolerances, and when an action is outside them (an exception).

Set per board in the plan file (`tolerances:`); a key left out takes its default, and `null`
(or `false`) switches a test off:

  slippage_days: 28       at this pace, finishing more than this many days after due
  red: true               the owner reports red
  below_suggestion: true  progress below the suggested RAG's red line (a suggested red)
  overdue_days: 0         open and more than this many days past due
  challenged: 2           the action's updates challenged at the board this many times

Pure functions: the services read the facts and ask here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

DEFAULTS: dict[str, int | bool | None] = {
    "slippage_days": 28,
    "red": True,
    "below_suggestion": True,
    "overdue_days": 0,
    "challenged": 2,
}
KEYS = tuple(DEFAULTS)
DAYS_KEYS = ("slippage_days", "overdue_days")
SWITCH_KEYS = ("red", "below_suggestion")


@dataclass(frozen=True)
class Tolerances:
    slippage_days: int | None = 28
    red: bool = True
    below_suggestion: bool = True
    overdue_days: int | None = 0
    challenged: int | None = 2

    @classmethod
    def stored(cls, value: Mapping[str, object] | None) -> Tolerances:
        """From a board's stored `tolerances` (None: all defaults)."""
        merged: dict[str, object] = dict(DEFAULTS)
        merged.update(value or {})

        def days(key: str) -> int | None:
            v = merged.get(key)
            return v if isinstance(v, int) and not isinstance(v, bool) else None

        return cls(
            slippage_days=days("slippage_days"), red=merged.get("red") is True,
            below_suggestion=merged.get("below_suggestion") is True,
            overdue_days=days("overdue_days"), challenged=days("challenged"),
        )  # fmt: skip

    def describe(self) -> str:
        parts = []
        if self.slippage_days is not None:
            parts.append(f"forecast more than {self.slippage_days} days after due")
        if self.red:
            parts.append("reported red")
        if self.below_suggestion:
            parts.append("progress suggests red")
        if self.overdue_days is not None:
            parts.append(f"more than {self.overdue_days} days overdue")
        if self.challenged is not None:
            parts.append(f"challenged {self.challenged} times or more")
        return "; ".join(parts) if parts else "none set"


@dataclass(frozen=True)
class Facts:
    """What the tolerances are tested against, for one open action."""

    rag: str | None
    suggested: str | None
    slip_days: int | None
    days_overdue: int | None  # None: not overdue
    challenges: int


# cause -> the decision proposed to the parent board
DECISIONS = {
    "overdue": "agree a new due date, or close the action",
    "slippage": "agree a recovery plan, or re-baseline the due date",
    "red": "agree the owner's recovery actions, or accept the risk",
    "below suggestion": "ask the owner to confirm the position and the plan to recover",
    "challenged": "ask the owner to attend and account for the action",
}


def breaches(tol: Tolerances, f: Facts) -> tuple[str, ...]:
    """The causes (words for the reader), worst first; empty: within tolerance."""
    out = []
    overdue, slip = tol.overdue_days, tol.slippage_days
    if overdue is not None and f.days_overdue is not None and f.days_overdue > overdue:
        out.append(f"overdue: {f.days_overdue} days past due")
    if slip is not None and f.slip_days is not None and f.slip_days > slip:
        out.append(f"slippage: forecast {f.slip_days} days after due")
    if tol.red and f.rag == "red":
        out.append("red: the owner reports red")
    if tol.below_suggestion and f.suggested == "red":
        out.append("below suggestion: progress suggests red")
    if tol.challenged is not None and f.challenges >= tol.challenged:
        out.append(f"challenged: {f.challenges} times at the board")
    return tuple(out)


def proposed_decision(causes: tuple[str, ...]) -> str:
    """The decision proposed for the worst cause."""
    if not causes:
        return ""
    return DECISIONS[causes[0].split(":", 1)[0]]
