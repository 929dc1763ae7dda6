"""The app keeps each style sheet's parsed rules (tracker/ui/styles.py) while the theme stands.
A change of theme must still recolour everything: the screens shown before it, and the windows
the register made ahead (styled under the old theme) when they are next opened."""

from __future__ import annotations

import pytest
from test_app_forms_reused import made_ahead
from textual.color import Color
from ui_helpers import register, settle

from tracker.ui.app import create_app
from tracker.ui.register.modals import StatusUpdateScreen

pytestmark = pytest.mark.asyncio


def colour(app, name: str) -> Color:
    """A colour of the app's current theme, as the style sheets' `$name` gives it."""
    return Color.parse(app.get_css_variables()[name])


def surface(app) -> Color:
    return colour(app, "surface")


async def test_a_theme_change_recolours_screens_and_windows_made_before_it(app_settings) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await made_ahead(pilot)  # the register and its two windows, styled under this theme
        dark = app.theme
        reg = register(app)
        before = reg.styles.background
        assert before == colour(app, "background")
        old_surface = surface(app)

        app.theme = "textual-light" if dark != "textual-light" else "textual-dark"
        await settle(pilot)
        assert surface(app) != old_surface  # the two themes differ here
        assert reg.styles.background == colour(app, "background") != before

        await pilot.press("u")
        await settle(pilot)
        window = app.screen
        assert isinstance(window, StatusUpdateScreen)
        assert window is reg.forms.kept["status-update"]  # the one made ahead
        assert window.query_one(".window").styles.background == surface(app)
        window.dismiss(None)
        await settle(pilot)

        app.theme = dark  # and back
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert app.screen.query_one(".window").styles.background == surface(app)
        assert reg.styles.background == before


async def test_a_source_is_parsed_once_while_the_theme_stands(app_settings, monkeypatch) -> None:
    """Once every screen has been shown, parsing the style sheet again parses no source again
    (KeptParses relies on Textual's parse taking a source parsed before from its cache, which
    keeps 64: this fails if Textual stops, or if the app outgrows it); a change of theme still
    parses everything."""
    import textual.css.stylesheet as sheets

    from tracker.ui.registry import SCREENS

    app = create_app(app_settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await made_ahead(pilot)
        for key, _title, _path in SCREENS:
            await pilot.press(key)
            await settle(pilot)
        parsed = []
        parse = sheets.parse

        def counted(*args, **kwargs):
            parsed.append(args)
            return parse(*args, **kwargs)

        monkeypatch.setattr(sheets, "parse", counted)
        app.stylesheet.reparse()
        app.refresh_css()
        assert parsed == []
        sources = len(app.stylesheet.source)
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await settle(pilot)
        assert len(parsed) >= sources
