"""The app's screens, so each area adds its own without editing the app.

Each entry: (key binding, title, "module:ClassName"). The class is a textual Screen whose
constructor takes the app's `services: tracker.ui.widgets.handle.Services` and nothing else. The app binds the key,
lists the screen in the command palette and the help screen, and imports it only when opened.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

if TYPE_CHECKING:
    from tracker.ui.widgets.handle import Services

REGISTER = "register"  # the app's two built-in modes; each registered screen is its own mode
DASHBOARD = "dashboard"

SCREENS: list[tuple[str, str, str]] = [
    ("b", "Boards", "tracker.ui.boards.screen:BoardsScreen"),
    ("r", "Resolutions", "tracker.ui.resolutions.screen:ResolutionsScreen"),
    ("o", "Outcomes", "tracker.ui.indicators.screen:IndicatorsScreen"),
    ("p", "Papers", "tracker.ui.papers.screen:PapersScreen"),
    ("R", "Returns", "tracker.ui.returns.screen:ReturnsScreen"),
    ("E", "Exceptions", "tracker.ui.exceptions.screen:ExceptionsScreen"),
]


def _named(path: str) -> Any:  # whatever the module holds under that name
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


def import_screen(path: str) -> type[Screen[Any]]:
    """The screen class a "module:ClassName" entry names, imported when first opened."""
    screen: type[Screen[Any]] = _named(path)
    return screen


def build_screen(path: str, services: Services) -> Screen[Any]:
    """The screen an entry names, imported now and built on the app's services."""
    make: Callable[[Services], Screen[Any]] = _named(path)
    return make(services)
