"""A service's refusal in the app's words. Services name domain fields and, where something else
has to happen first, a remedy; forms put a problem beside the field of the same name
(FormScreen.ERROR_FIELDS), and everything else is said here."""

from __future__ import annotations

from dataclasses import replace

from tracker.errors import InvalidInput, NotPermitted, Problem, Remedy, TrackerError

# Where the app's words for a domain field differ from the domain's.
LABELS: dict[str, str] = {"rag": "RAG", "expected version": "version"}

# What puts a refusal right, and where in the app (or, where the app has no screen for it, the
# command a colleague runs in a terminal).
REMEDIES: dict[Remedy, str] = {
    "schedule the meeting": "it has to be scheduled first (n on the Boards screen)",
    "review the meeting": "more verdicts are recorded with `tracker meetings review`",
    "create the database": "create it with `tracker init`",
    "upgrade the database": "upgrade it with `tracker db upgrade`",
    "confirm another meeting": "y records them as another meeting; Esc, then Esc again, goes "
    "back to change the date",
}


def problem_text(problem: Problem) -> str:
    return str(replace(problem, field=LABELS.get(problem.field, problem.field)))


def remedy_text(exc: BaseException) -> str:
    remedy = exc.remedy if isinstance(exc, TrackerError) else None
    return f"; {REMEDIES[remedy]}" if remedy else ""


def said(exc: BaseException) -> str:
    """The refusal as one line: each problem with its field, then what would put it right. Any
    other error (a worker that catches everything) is logged with its traceback, and said as
    what went wrong, that nothing was changed, and where the details are."""
    if isinstance(exc, InvalidInput):
        return "; ".join(problem_text(p) for p in exc.problems) + remedy_text(exc)
    if isinstance(exc, NotPermitted):
        return f"Not permitted: {exc}. Nothing was changed."
    if not isinstance(exc, TrackerError):  # nobody foresaw it: logged, and said plainly
        from tracker.ui.failures import unexpected

        return unexpected(exc)
    return f"{exc}{remedy_text(exc)}"
