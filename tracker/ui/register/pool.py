"""The register's status-update and action windows, made once and reused.

Making a window (composing and styling its widgets: about a hundred in the action window) costs
several times what filling one in does, so the register makes each window in idle time after
its first page is painted, keeps it (an installed screen: closing it does not destroy it) and
fills it in again on each opening (`FormScreen.open_on`). A window still on the screen (a status
update opened from the command palette over an open one) is never taken twice: a fresh one is
made instead, as it is before the idle build is done."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tracker.ui.registry import DASHBOARD

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from tracker.ui.register.form import FormScreen
    from tracker.ui.widgets.handle import Services

UPDATE, ACTION = "status-update", "action"
BUILD_GAP = 0.3  # seconds between two windows made in idle time: keys are answered between
CALM = 1.0  # seconds the register or the dashboard has been showing before a window is made
LOOK = 0.25  # seconds between two looks at which screen shows, until it has been calm


def load_styles(app: App[Any], screen: Screen[Any]) -> None:
    """The screen's style sheets (CSS_PATH) in the app's, as push_screen adds them, before it is
    mounted (its widgets are styled as they mount), through the style sheet's public methods."""
    sheet = app.stylesheet
    added = False
    for path in screen.css_path:
        if not sheet.has_source(str(path)):
            sheet.read(path)
            added = True
    if added:
        sheet.reparse()
        sheet.update(app)


def _make(kind: str, services: Services, current: Any, opened: bool) -> FormScreen:
    if kind == UPDATE:
        from tracker.ui.register.modals import StatusUpdateScreen

        return StatusUpdateScreen(services, current, opened=opened)
    from tracker.ui.register.edit import ActionFormScreen

    return ActionFormScreen(services, current, opened=opened)


class FormPool:
    def __init__(self, app: App[Any], services: Services, home: Screen[Any]) -> None:
        self.app = app
        self.services = services
        self.home = home  # the register whose windows these are
        self.kept: dict[str, FormScreen] = {}
        self._seen: Screen[Any] | None = None  # the screen showing at the last look
        self._looks = 0  # how many looks in a row have seen it

    async def prepare(self) -> None:
        """Make the next window not made yet, then the one after it, each in idle time."""
        missing = [kind for kind in (UPDATE, ACTION) if kind not in self.kept]
        if not missing or not self.app.is_running:
            return
        if not self._calm():
            self.app.set_timer(LOOK, self.prepare)  # look again later
            return
        kind = missing[0]
        screen = _make(kind, self.services, None, opened=False)
        try:
            self.app.install_screen(screen, f"form:{kind}")
            load_styles(self.app, screen)
            # Textual has no public way to compose, lay out and draw a screen without showing
            # it: these three internals are push_screen's own first steps (tests/ui/
            # test_app_forms_reused.py fails by name if one goes; the window is then made when
            # opened, as before the pool)
            _, mounted = self.app._get_screen(screen)
            await mounted
            warm = getattr(screen, "warm", None)
            if warm is not None:  # its lists read ahead, and in before it is laid out: the
                await warm().wait()  # first opening then lays it out once, as later ones do
            screen._refresh_layout(self.app.size)
            screen._compositor.render_update(full=True, screen_stack=[screen])  # and drawing it
        except Exception:  # noqa: BLE001 - a textual change: windows are then made when opened
            return
        self.kept[kind] = screen
        if len(missing) > 1:
            self.app.set_timer(BUILD_GAP, self.prepare)

    def _calm(self) -> bool:
        """The register or the dashboard has been showing at every look for CALM seconds.
        Making a window takes 50-150 ms on the app's thread: while another screen (Boards,
        Returns...) paints its first frame, or just after a key switched screens, it would
        hold that frame up."""
        screen = self.app.screen
        dashboard = getattr(self.app, "made", {}).get(DASHBOARD)
        self._looks = self._looks + 1 if screen is self._seen else 0
        self._seen = screen
        home = screen is self.home or screen is dashboard
        return home and self._looks * LOOK >= CALM

    def open(self, kind: str, current: Any, done: Callable[[Any], None]) -> None:
        """Push the window of `kind` for `current` (an action, a ref, or None: a new action)."""
        screen = self.kept.get(kind)
        if screen is None or screen.shown or screen in self.app.screen_stack:
            self.app.push_screen(_make(kind, self.services, current, opened=True), done)
            return
        screen.open_on(current)
        self.app.push_screen(screen, done)
