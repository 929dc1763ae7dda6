"""The app's typed handle on its services, one per app, given to every screen it builds.

Opening a database (engine, schema check) costs more than the query a keystroke needs, so the
app keeps one open; the engine is thread-safe and each service call still takes its own short
transaction. It is opened on first use, in a screen's thread worker, so the first paint never
waits for SQLAlchemy.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from tracker.config import Settings

if TYPE_CHECKING:
    from tracker.services.accounts.capabilities import Capabilities
    from tracker.services.context import Tracker


class Services:
    """The settings, and the Tracker they open. Given a Tracker (tests, a caller that opened
    one), the app uses it as it is and leaves closing it to its owner, unless `owned` (a
    browser session's, opened for its signed-in account by `create_app`)."""

    def __init__(
        self, settings: Settings, tracker: Tracker | None = None, *, owned: bool = False
    ) -> None:
        self.settings = settings
        self._tracker = tracker
        self._owned = tracker is None or owned
        self._lock = threading.Lock()
        # a signed-in account's app acts as it on any Tracker it (re)opens, never as the local
        # user or the database login
        self._account = tracker.acting if tracker is not None and owned else None
        self._signed_in = self._account is not None
        # what the acting account may do, read once (read_powers, in a worker): tracker/ui/powers.py
        self.powers: Capabilities | None = None
        # called (from any thread) when a service refuses: the rights shown are out of date
        self.on_refusal: Callable[[], object] | None = None
        if tracker is not None:
            tracker.on_refusal = self._refused

    def tracker(self) -> Tracker:
        """The open Tracker (opened, its schema checked, on first use; for thread workers)."""
        with self._lock:
            if self._tracker is None:
                from tracker.services.context import open_tracker

                self._tracker = open_tracker(self.settings)
                if self._account is not None:
                    self._tracker.act_as(self._account)
                # on the Tracker, not its `db`: that would import SQLAlchemy before the
                # dashboard's plain-SQL read
                self._tracker.on_refusal = self._refused
            return self._tracker

    def _refused(self, _refusal: object) -> None:
        if self.on_refusal is not None:
            self.on_refusal()

    def surely_unrestricted(self) -> bool:
        """Nothing can be refused here, known without reading the database: a SQLite file's
        local user (no sign-in ticket, no `[auth] required`)."""
        if self._tracker is not None and not self._owned:
            return self._tracker.unrestricted
        s = self.settings
        return not self._signed_in and s.is_sqlite and not s.auth_required

    def read_powers(self) -> Capabilities:
        """What the acting account may do (for a thread worker); kept as `powers`."""
        from tracker.services.accounts.capabilities import Capabilities, what_i_may_do

        try:
            found = what_i_may_do(self.tracker())
        except Exception as refused:  # noqa: BLE001 - a refused ticket, no database: nothing
            found = Capabilities(everything=False, refused=str(refused))
        self.powers = found
        return found

    def warm_up(self) -> None:
        """SQLAlchemy and the database pool made ready, then the paper machinery loaded
        (Jinja2 and the papers' types: about 0.1 s of CPU that the Papers screen's first visit
        would otherwise pay before it lists the templates). For a thread worker, in idle time."""
        from tracker.services.context import warm_up

        warm_up(self.tracker())
        import tracker.services.papers.render  # noqa: F401 - loaded now, used by Papers

    def acting(self) -> str | None:
        """Who the app acts as, once known: the signed-in account's name."""
        account = self._tracker.acting if self._tracker is not None else None
        return account.display_name if account is not None else None

    def close(self) -> None:
        with self._lock:
            if self._owned and self._tracker is not None:
                self._tracker.close()
                self._tracker = None
