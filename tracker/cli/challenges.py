"""`tracker challenges list|answer`: challenged updates, the owner's open questions."""

from __future__ import annotations

import click

from tracker.cli.common import Number, TrackerGroup, emit, state
from tracker.vocabulary import counted

FORMATS = click.Choice(["table", "csv", "json"])
RAGS = click.Choice(["green", "amber", "red", "none"])
STATUSES = click.Choice(["not started", "in progress", "complete", "cancelled"])


@click.group(cls=TrackerGroup)
def challenges() -> None:
    """Challenged updates: what each owner must answer, and the answers."""


@challenges.command(
    "list",
    epilog="""\b
Examples:
  tracker challenges list                          every challenge still to answer
  tracker challenges list --owner north-rep        one owner's
  tracker challenges list --board lpb-north --all  answered ones too""",
)
@click.option("--board", help="Challenged at this board (code or name).")
@click.option("--owner", help="Actions owned by this person (code).")
@click.option("--ref", help="One action's challenges.")
@click.option("--all", "show_all", is_flag=True, help="Answered challenges too.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def list_cmd(board: str | None, owner: str | None, ref: str | None, show_all: bool,
             fmt: str) -> None:  # fmt: skip
    """Challenges to answer: the update challenged, the board and what it asked for."""
    from tracker.services.governance.challenges import list_challenges

    found = list_challenges(state().tracker(), board=board, owner=owner, ref=ref,
                            open_only=not show_all)  # fmt: skip
    rows = []
    for c in found:
        row = c.as_dict()
        if fmt == "table":
            row["board"] = c.board_name
            row["open"] = "to answer" if c.is_open else f"answered {c.answered_on}"
        rows.append(row)
    emit(rows, ("id", "ref", "board", "meeting", "comment", "owner", "open"), fmt)
    if fmt == "table":
        click.echo(f"{counted(len(rows), 'challenges')}"
                   + ("" if show_all else " to answer"), err=True)  # fmt: skip


@challenges.command(
    "answer",
    epilog="""\b
Examples:
  tracker challenges answer 4 --note "Milestones: design by May, pilot by September"
  tracker challenges answer 4 --note "Recovery plan agreed" --rag amber --progress 45
The answer is a new update on the action that cites the challenge; the challenge closes and
the answer waits for the board's next meeting.""",
)
@click.argument("challenge_id", metavar="ID", type=Number())
@click.option("--note", required=True, help="The answer (the update's commentary).")
@click.option("--status", type=STATUSES, help="New status.")
@click.option("--rag", type=RAGS, help="New RAG ('none': not assessed).")
@click.option("--progress", type=Number(allowed="0-100"), help="Per cent complete, 0-100.")
@click.option("--by", help="Who answers (default: user.name from tracker.toml).")
def answer(challenge_id: int, note: str, status: str | None, rag: str | None,
           progress: int | None, by: str | None) -> None:  # fmt: skip
    """Answer a challenge with a new update on its action."""
    from tracker.services.governance.challenges import answer_challenge
    from tracker.services.unset import UNSET

    result = answer_challenge(
        state().tracker(), challenge_id, note, status=status, progress=progress, by=by,
        rag=UNSET if rag is None else None if rag == "none" else rag,
    )  # fmt: skip
    c, u = result.challenge, result.update
    click.echo(f"challenge #{c.id} on {c.ref} answered: {u.status}, {u.rag or 'RAG not assessed'}, "
               f"{u.progress}% (recorded by {u.recorded_by})")  # fmt: skip
    click.echo(f"the answer waits for {c.board_name}'s next meeting")
