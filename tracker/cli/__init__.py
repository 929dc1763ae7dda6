"""The command line: `tracker COMMAND ...`. Without a command it opens the app.

Command groups live in their own modules and are imported only when used, so a command pays
start-up time for what it needs and nothing else.
"""

from __future__ import annotations

import gc
import importlib
import signal
import sys
from typing import Any

import click

from tracker import ending
from tracker.cli.common import WIDE, CliState, fail_on_errors

# name -> (module, attribute, one-line help shown by `tracker --help`)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "init": ("tracker.cli.setup", "init", "Create the database and load the plans (first run)."),
    "db": ("tracker.cli.setup", "db", "Database schema: upgrade, downgrade, current version."),
    "plan": ("tracker.cli.plan", "plan", "Validate, import and export plan files (YAML)."),
    "actions": ("tracker.cli.actions", "actions", "List, show and update the plan's actions."),
    "indicators": ("tracker.cli.indicators", "indicators", "Outcome measures and their readings."),
    "minutes": ("tracker.cli.minutes", "minutes", "Read committee minutes into follow-ups."),
    "resolutions": ("tracker.cli.committees", "resolutions", "What committees resolved."),
    "followups": ("tracker.cli.followups", "followups", "Chase follow-ups; matters arising."),
    "calendar": ("tracker.cli.committees", "calendar", "Meetings and due dates as iCalendar."),
    "boards": ("tracker.cli.boards", "boards", "The board tree; add and edit boards."),
    "board": ("tracker.cli.position", "board", "A board's rolled-up position."),
    "meetings": ("tracker.cli.meetings", "meetings", "Schedule and hold board meetings."),
    "escalations": ("tracker.cli.escalations", "escalations", "Raise and decide escalations."),
    "returns": (
        "tracker.cli.returns",
        "returns",
        "Returns owed to a board: status, sheets, chasers.",
    ),
    "exceptions": (
        "tracker.cli.reporting",
        "exceptions",
        "Actions outside their board's tolerances.",
    ),
    "challenges": ("tracker.cli.challenges", "challenges", "Challenged updates to answer."),
    "paper": ("tracker.cli.papers", "paper", "Board papers from templates (Markdown, HTML, Word)."),
    "opendata": ("tracker.cli.opendata", "opendata", "Governance as Popolo JSON; actions as CSV."),
    "exempt": ("tracker.cli.exempt", "exempt", "Withhold an item from publication (Schedule 12A)."),
    "users": ("tracker.cli.users", "users", "Accounts: who signs in, and their roles."),
    "app": ("tracker.cli.setup", "app", "Open the terminal app (the default)."),
    "serve": ("tracker.cli.serve", "serve", "Serve the app to web browsers, behind sign-in."),
    "demo": ("tracker.cli.setup", "demo", "Open a fictional, fully populated demo plan."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[name]
        command = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command), f"{module}.{attr} is no click command"
        from tracker.cli.common import wide_option

        return wide_option(command)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_) for name, (_, _, help_) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="""\b
Examples:
  tracker                              open the app
  tracker init                         create the database from the plans in tracker.toml
  tracker actions list --overdue       what is late
  tracker actions update P1-03 --status "in progress" --rag amber --progress 40 \\
      --note "Roadmap drafted; partner sign-off slipping"
Settings come from tracker.toml (or --config / TRACKER_CONFIG); TRACKER_DB_URL overrides the
database. Exit codes: 0 done, 2 bad input or not found, 3 conflict with another change,
4 not permitted (your account's roles do not allow it).""",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    envvar="TRACKER_CONFIG",
    help="Settings file (default: tracker.toml here or in a parent folder).",
)
@click.option(
    "--wide",
    is_flag=True,
    envvar="TRACKER_WIDE",
    help="Tables show every cell whole, however wide (default: cut with … to the terminal).",
)
@click.version_option(package_name="tracker")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None, wide: bool) -> None:
    """tracker: a strategy's delivery plan and its governance."""
    WIDE["on"] = wide  # (TRACKER_WIDE=1 sets it too)
    ctx.obj = CliState(config_path=config_path)
    if ctx.invoked_subcommand is None:
        from tracker.cli.setup import open_app

        ctx.invoke(open_app)


class _Stopped(SystemExit):
    def __init__(self, signum: int) -> None:
        super().__init__(128 + signum)
        self.signum = signum


def _stop(signum: int, _frame: Any) -> None:
    """SIGTERM / SIGHUP unwind like an error: the open transaction rolls back and temporary
    files are removed on the way out. A second signal during that clean-up is ignored."""
    import logging

    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_IGN)
    # landing inside SQLAlchemy's pool as it closes a connection, the stop is logged there
    # with a traceback ("Exception closing connection"), then re-raised: the stop is ours
    logging.getLogger("sqlalchemy").setLevel(logging.CRITICAL + 1)
    _stopping.append(signum)
    _remind(_REMIND_EVERY)  # in case this raise is lost (see _deliver)
    raise _Stopped(signum)


def _swallowed(info: Any) -> None:
    """The signal landed where Python cannot raise (a weakref callback, a __del__). Deliver it
    again a moment later, from a timer, so that it stops the command instead of being printed
    and forgotten."""
    try:
        if not isinstance(info.exc_value, _Stopped):
            sys.__unraisablehook__(info)
            return
        if not _stopping:
            _stopping.append(info.exc_value.signum)
    except _Stopped as again:  # a signal landed inside this hook
        if not _stopping:
            _stopping.append(again.signum)
    _remind(0.001)


_stopping: list[int] = []  # the signal that asked this command to stop
_REMIND_EVERY = 0.25  # seconds between checks that an asked-for stop is under way


def _remind(after: float) -> None:
    if not _reminding:  # no reminder may outlive the program: at exit Python's handler is gone
        import atexit  # and SIGALRM's default would end the process with it

        atexit.register(signal.setitimer, signal.ITIMER_REAL, 0)
        _reminding.append(True)
    signal.signal(signal.SIGALRM, _deliver)
    signal.setitimer(signal.ITIMER_REAL, after, _REMIND_EVERY)


_reminding: list[bool] = []


def _deliver(_signum: int, _frame: Any) -> None:
    """Every quarter of a second while a stop was asked for: if it is not unwinding, its raise
    was lost, and is raised again. A raise can be lost without a trace: CPython's constant
    folding (ast_opt.c make_const) clears any error but KeyboardInterrupt raised while it
    computes a constant such as `2**63`, and a long power checks for signals, so a signal
    handled while a module is compiled from source (no .pyc yet) was dropped and the command
    ran on. A stop that is unwinding (its clean-up running) is left alone."""
    if sys.is_finalizing() or not _stopping:
        return
    if _stopped_within(sys.exc_info()[1]) is None:
        raise _Stopped(_stopping[-1])


def _stopped_within(exc: BaseException | None) -> _Stopped | None:
    """The stop a signal raised, if Python wrapped it in another error on the way out (a
    signal inside a class body's __set_name__ comes out as RuntimeError from _Stopped)."""
    seen: set[int] = set()
    cause = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, _Stopped):
            return cause
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return None


def main(argv: list[str] | None = None) -> Any:
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _stop)
    sys.unraisablehook = _swallowed
    try:
        with fail_on_errors():
            return cli.main(args=argv, prog_name="tracker")
    except SystemExit:
        raise
    except BaseException as exc:
        stopped = _stopped_within(exc)
        if stopped is None:
            raise
        raise _Stopped(stopped.signum) from None
    finally:
        if _stopping:
            signal.setitimer(signal.ITIMER_REAL, 0)  # the stop's reminders (_deliver)
        # The command is done and the process ends: Python's shutdown would run full garbage
        # collections over every object the imports made (psycopg's alone: about 50 ms of CPU,
        # a fifth of `actions show` on PostgreSQL). Frozen objects are skipped; exit handlers
        # still run, and everything is freed with the process.
        gc.freeze()


def run() -> Any:
    """The `tracker` command (and `python -m tracker`): `main` in a process of its own, which
    ends with it. A plan import's data is left to the end of the process (`tracker.ending`):
    once the command has succeeded, the process ends without freeing it object by object."""
    ending.turn_on()
    try:
        return main()
    except SystemExit as done:
        ending.end_now(done.code)
        raise


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
