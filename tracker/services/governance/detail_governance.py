"""What an action's detail shows of its governance (its challenges, and where each update has
been and waits), read in plain SQL (tracker.services.plain_sql): the register's detail reads it
as soon as a row is highlighted, which may be before the app has loaded SQLAlchemy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tracker.services.context import Tracker
from tracker.services.governance.challenge_views import WORDS, ChallengeView, challenges_read
from tracker.services.governance.trail_steps import (
    TrailStep,
    read_trails,
    read_tree,
    withhold_trails,
)
from tracker.services.reading import withhold_actions


@dataclass(frozen=True)
class ActionGovernance:
    """What an action's detail shows of its governance, read from one snapshot."""

    challenges: tuple[ChallengeView, ...]  # every challenge of its updates, open or answered
    trails: dict[int, tuple[TrailStep, ...]]  # update id -> where it has been, where it waits

    @property
    def to_answer(self) -> tuple[ChallengeView, ...]:
        return tuple(c for c in self.challenges if c.is_open)


def action_governance(t: Tracker, ref: str, update_ids: Sequence[int]) -> ActionGovernance:
    """The action's challenges and the trail of each of the given updates."""
    with t.reading_sql() as reader:
        challenges = challenges_read(reader, board_id=None, owner_id=None, ref=ref,
                                     open_only=False)  # fmt: skip
        trails = read_trails(reader, list(dict.fromkeys(update_ids)), read_tree(reader))
        return ActionGovernance(
            challenges=withhold_actions(t, reader, challenges, WORDS),
            trails=withhold_trails(t, reader, trails),
        )
