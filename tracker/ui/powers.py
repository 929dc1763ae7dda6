"""What the acting account may do, as the app's screens show it: keys it may not use are left
out of the footer (or dimmed, when only the selected item is not its to change), the command
palette marks them "not permitted" with the reason, and a job window it may not do does not
open. The rights are read in a worker (tracker.services.accounts.capabilities) when the app
starts, again whenever a screen is shown again, and on any refusal from the services (a role
granted or revoked shows without signing in again); until first read, where a check could
refuse, the keys that change something wait. Help (?) lists every key, marking those refused
"(not permitted: why)". The services still refuse (and audit) whatever gets through: this only
spares people a refusal.

A screen says which of its actions need which right (`GUARDED`, a key of the services' RULES)
and, for a right tied to a board, committee or action, which one is selected (`guard_scope`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.message import Message

if TYPE_CHECKING:
    from textual import events
    from textual.dom import DOMNode

    from tracker.services.accounts.capabilities import Capabilities

PENDING = "your account's roles are still being read"

# each job window (tracker/ui/tasks/) and the right it needs; a job not here only reads
TASK_RIGHTS: dict[str, str] = {
    "schedule-meeting": "run meetings", "schedule-series": "run meetings",
    "cancel-meeting": "run meetings", "review-meeting": "record verdicts",
    "add-board": "change boards", "edit-board": "change boards",
    "raise-escalation": "raise escalations", "decide-escalation": "decide escalations",
    "record-reading": "manage indicators", "add-indicator": "manage indicators",
    "set-indicator": "manage indicators", "correct-reading": "manage indicators",
    "import-sheet": "import updates", "import-plan": "import plans",
    "answer-challenge": "answer challenges", "chase-returns": "chase returns",
    "import-returns": "chase returns", "issue-paper": "issue papers",
    "mark-exempt": "mark exempt", "import-plan-sheet": "edit actions",
    "add-account": "manage accounts", "account-roles": "manage accounts",
    "disable-account": "manage accounts", "link-account": "manage accounts",
    "list-accounts": "see accounts",
}  # fmt: skip
# jobs that change nothing in the database (they read it, or write a file): open to everyone
READ_TASKS = frozenset({
    "export-sheet", "export-calendar", "validate-plan", "export-plan", "issued-papers",
    "show-issued", "export-opendata", "export-plan-sheet", "list-batches", "plan-from-sheet",
    "set-password",  # anyone may set their own; an admin anybody's (refused by the service)
})  # fmt: skip


class PowersRead(Message):
    """The acting account's rights are known (posted to the app from its worker)."""


class RightsChanged(Message):
    """A service refused: the rights the app shows are out of date (posted from any thread)."""


def powers(node: DOMNode) -> Capabilities | None:
    services = getattr(node.app, "services", None)
    return getattr(services, "powers", None)


def refusal(node: DOMNode, what: str, **scope: str | None) -> str | None:
    """None if the acting account may do `what` (to the board, committee or action given);
    else why not (PENDING while the rights are being read)."""
    known = powers(node)
    if known is None:
        return None if _surely_unrestricted(node) else PENDING
    return known.may(what, **scope) if scope else known.may_somewhere(what)


def task_refusal(node: DOMNode, key: str) -> str | None:
    what = TASK_RIGHTS.get(key)
    return None if what is None else refusal(node, what)


def reread(node: DOMNode) -> None:
    """Ask the app to read the acting account's rights again (tracker/ui/app.py)."""
    again = getattr(node.app, "reread_powers", None)
    if again is not None:
        again()


def _surely_unrestricted(node: DOMNode) -> bool:
    services = getattr(node.app, "services", None)
    return bool(services is not None and services.surely_unrestricted())


class Guarded:
    """For a Screen: its actions named in GUARDED are hidden when the account may not do them
    anywhere, and dimmed when it may not for the selected item (see `guard_scope`). Call
    `refresh_bindings()` when the selection changes."""

    GUARDED: ClassVar[dict[str, str]] = {}

    def on_screen_resume(self) -> None:
        """Shown again: read the rights again (a role granted or revoked meanwhile shows; the
        keys follow when they are read). Textual also calls the screen's own handler."""
        reread(self)  # type: ignore[arg-type]

    def guard_scope(self, action: str) -> dict[str, str | None] | None:
        """The board, committee or action the action would change; None: not tied to one."""
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        what = self.GUARDED.get(action)
        node: Any = self
        if what is not None:
            if refusal(node, what) is not None:
                return False
            scope = self.guard_scope(action)
            if scope and any(scope.values()) and refusal(node, what, **scope) is not None:
                return None
        allowed: bool | None = super().check_action(action, parameters)  # type: ignore[misc]
        return allowed

    def on_key(self, event: events.Key) -> None:
        """A dimmed key pressed: say why it does nothing here (a hidden key just does nothing)."""
        screen: Any = self
        focused = screen.focused
        if focused is not None and event.key in focused._bindings.key_to_bindings:
            return  # the focused widget's own key
        for binding in screen._bindings.key_to_bindings.get(event.key, ()):
            action = binding.action.partition("(")[0]
            if action in self.GUARDED and self.check_action(action, ()) is None:
                why = self.action_refusal(action)
                if why is not None:
                    screen.notify(f"Not permitted: {why}.", severity="warning", timeout=8)
                    event.stop()
                return

    def action_refusal(self, action: str) -> str | None:
        """Why the action is not offered here, or None (for the command palette)."""
        what = self.GUARDED.get(action.partition("(")[0])
        if what is None:
            return None
        node: Any = self
        scope = self.guard_scope(action.partition("(")[0])
        why = refusal(node, what)
        if why is None and scope and any(scope.values()):
            why = refusal(node, what, **scope)
        return why


def guarded_refusal(cls: type, node: DOMNode, action: str) -> str | None:
    """Why a screen class's action is not offered to the acting account anywhere, or None."""
    what = getattr(cls, "GUARDED", {}).get(action.partition("(")[0])
    return None if what is None else refusal(node, what)
