"""What the app does with an error nobody foresaw in its database work: logged with its
traceback (to the app's log file), said in the user's words, and the app kept running.

A service's refusal (a `TrackerError`) is a message the screen already shows; anything else
that escapes a thread worker used to close the whole app (Textual's `exit_on_error`), and the
user lost the screen they were on. The app's workers are made with `tracker.ui.widgets.work`
(`work`), which sends such an error here; a worker that catches everything itself words it with
`tracker.ui.refusals.said`, which sends it here too. Nothing here imports SQLAlchemy: a lost
connection is recognised by the driver's own codes (`tracker.storage.unreachable_problem`).
"""

from __future__ import annotations

import logging
import os
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path

from tracker.storage import unreachable_problem

LOG_NAME = "tracker.app"
LOG_BYTES = 1_000_000  # then app.log.1, app.log.2 (three files at most)

_lock = threading.Lock()
_handler: RotatingFileHandler | None = None
_database_url = ""  # the app's, for recognising a lost connection (set by the app)


def log_path() -> Path:
    """$XDG_STATE_HOME/tracker/app.log (else ~/.local/state/tracker/app.log): the app's log,
    where it writes what went wrong (the database's folder may be the thing that is read-only)."""
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(
        os.path.expanduser("~"), ".local", "state"
    )
    return Path(base) / "tracker" / "app.log"


def use_database(url: str) -> None:
    """The database the app works on (its URL tells a lost server from a busy file)."""
    global _database_url
    _database_url = url


def _logger() -> logging.Logger:
    """The app's logger, writing to `log_path()` (made private: a traceback may quote data)."""
    global _handler
    log = logging.getLogger(LOG_NAME)
    with _lock:
        path = log_path()
        if _handler is None or _handler.baseFilename != str(path.absolute()):
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
            handler = RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=2, encoding="utf-8")
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
            if _handler is not None:
                log.removeHandler(_handler)
                _handler.close()
            log.addHandler(handler)
            log.setLevel(logging.INFO)
            log.propagate = False  # never onto the terminal the app draws on
            _handler = handler
    return log


def logged(what: str, exc: BaseException) -> str:
    """Log the error with its traceback; where it was logged, in words for the message."""
    try:
        _logger().error("could not %s", what, exc_info=(type(exc), exc, exc.__traceback__))
    except OSError as why:
        return f"the details could not be logged ({why.strerror or why})"
    return f"the details are in {log_path()}"


def database_away(exc: BaseException) -> bool:
    """The error is the database unreachable or busy (not a fault of the app's)."""
    return _lost_connection(exc) is not None


def _lost_connection(exc: BaseException) -> str | None:
    """The words for a database that could not be reached or is busy, from the error or what
    it wraps (SQLAlchemy's `orig`, a `raise ... from`)."""
    seen: set[int] = set()
    error: BaseException | None = exc
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        lost = bool(getattr(error, "connection_invalidated", False))
        words = unreachable_problem(_database_url, getattr(error, "orig", None) or error, lost=lost)
        if words is not None:
            return words
        error = error.__cause__ or error.__context__
    return None


def unexpected(exc: BaseException, what: str | None = None, *, saves: bool = False) -> str:
    """An error no screen expected, logged with its traceback, as one line for the screen: what
    failed ("Could not <what>: ..."; without `what`, the screen says it), that nothing was saved
    (each service call is one transaction, rolled back on the error), and where the details
    are. A service's refusal is not for this: `tracker.ui.refusals.said` words it."""
    where = logged(what or "finish a task in the background", exc)
    unchanged = "Nothing was saved" if saves else "Nothing was changed"
    gone = _lost_connection(exc)
    if gone is not None:
        said = f"{gone} ({where})."
    else:
        reason = (str(exc).strip().splitlines() or [""])[0]
        reason = f"{type(exc).__name__}: {reason}" if reason else type(exc).__name__
        if len(reason) > 160:
            reason = reason[:159] + "…"
        said = (
            f"something went wrong that tracker did not expect ({reason}). "
            f"{unchanged}; the app carries on, and {where}."
        )
    return f"Could not {what}: {said}" if what else said[0].upper() + said[1:]
