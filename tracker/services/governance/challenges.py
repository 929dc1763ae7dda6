"""Challenges: an update challenged at its board's meeting is an open question to the action's
owner until the owner answers it with a new update that cites it. The answer closes the
challenge and, like any update, waits for the board's next meeting."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.errors import InvalidInput, NotFound, Problem, invalid
from tracker.models import Action, Person, StatusUpdate, UpdateReview
from tracker.services import audit
from tracker.services.accounts.permissions import require
from tracker.services.actions.updates import (
    AUTHOR_MAX,
    Raced,
    UpdateResult,
    changed_meanwhile,
    record_in,
)
from tracker.services.context import Tracker
from tracker.services.governance.challenge_views import WORDS, ChallengeView, challenges_read
from tracker.services.governance.common import day, find_board
from tracker.services.plain_sql import SessionReader, fits_integer
from tracker.services.reading import withhold_actions
from tracker.services.unset import UNSET, Unset
from tracker.text import ALLOWED as TEXT_ALLOWED
from tracker.text import control_problem


@dataclass(frozen=True)
class AnswerResult:
    challenge: ChallengeView  # now closed
    update: UpdateResult  # the answering update (waits for the board's next meeting)


def list_challenges(
    t: Tracker, *, board: str | None = None, owner: str | None = None, ref: str | None = None,
    open_only: bool = True,
) -> tuple[ChallengeView, ...]:  # fmt: skip
    """Challenges (default: those still to answer), oldest meeting first; of one board, one
    owner (person code) or one action."""
    with t.db.reading() as s:
        found = challenges_in(s, board=board, owner=owner, ref=ref, open_only=open_only)
        return withhold_actions(t, SessionReader(s), found, WORDS)


def challenges_in(
    s: Session, *, board: str | None = None, owner: str | None = None, ref: str | None = None,
    open_only: bool = True,
) -> tuple[ChallengeView, ...]:  # fmt: skip
    """`list_challenges` inside an open session (the dashboard and the action's detail)."""
    board_id = find_board(s, board).id if board else None
    owner_id = None
    if owner:
        person = s.scalars(select(Person).where(Person.code == owner.strip())).one_or_none()
        if person is None:
            raise invalid("owner", f"no person with code {owner!r}")
        owner_id = person.id
    return challenges_read(
        SessionReader(s), board_id=board_id, owner_id=owner_id, ref=ref, open_only=open_only
    )


def answer_challenge(
    t: Tracker, challenge_id: int, note: str, *, status: str | None = None,
    rag: str | None | Unset = UNSET, progress: int | None = None, by: str | None = None,
) -> AnswerResult:  # fmt: skip
    """The owner's answer: a new update on the action, citing the challenge, which closes it.
    The answer waits for the board's next meeting. `note` (the answer) is required."""
    problems: list[Problem] = []
    if not (note or "").strip():
        problems.append(Problem("note", "say how the update answers the challenge"))
    author = ((by or t.user).strip() or t.user) if by is not None else t.user
    if len(author) > AUTHOR_MAX:
        problems.append(Problem("by", f"a name of {len(author)} characters",
                                f"at most {AUTHOR_MAX}"))  # fmt: skip
    elif wrong := control_problem(author):
        problems.append(Problem("by", wrong, TEXT_ALLOWED))
    if problems:
        raise InvalidInput(problems)
    try:
        with t.db.writing() as s:
            review = s.get(UpdateReview, challenge_id) if fits_integer(challenge_id) else None
            if review is None or review.outcome != "challenged":
                raise NotFound(f"no challenge #{challenge_id}")
            if review.answered_by_id is not None:
                answered = s.get(StatusUpdate, review.answered_by_id)
                when = f" on {day(answered.recorded_at)}" if answered else ""
                raise invalid("challenge", f"challenge #{challenge_id} was already answered"
                                           f"{when}: it is closed")  # fmt: skip
            challenged = s.get(StatusUpdate, review.update_id)
            assert challenged is not None
            action = s.get(Action, challenged.action_id)
            assert action is not None
            require(t, s, "answer challenges", action=action.ref)
            author = author if by is not None else t.user  # the acting account's, once known
            result = record_in(s, t, action.ref, author, status, rag, progress, note, None)
            answer = s.scalars(
                select(StatusUpdate)
                .where(StatusUpdate.action_id == action.id)
                .order_by(StatusUpdate.recorded_at.desc(), StatusUpdate.id.desc())
                .limit(1)
            ).one()
            review.answered_by_id = answer.id
            audit.record(s, author, "answer", "action", action.ref, {
                "governance": (None, f"challenge #{review.id} (update of "
                               f"{challenged.recorded_at:%Y-%m-%d %H:%M}) answered: "
                               f"{note.strip()}"),
            })  # fmt: skip
            s.flush()
            view = challenges_read(SessionReader(s), review_id=review.id, open_only=False)[0]
            return AnswerResult(challenge=view, update=result)
    except Raced as raced:
        raise changed_meanwhile(t, raced) from None
