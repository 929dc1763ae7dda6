"""The app's style sheet, parsed once per source.

Textual (8.2) parses every style sheet of the app again, from its text, each time one is added:
a screen's first showing (its .tcss), a mode's first showing and the switch to it
(`App.refresh_css`, twice more), a window made in idle time. `Stylesheet.reparse` parses into a
fresh sheet with an empty parse cache, and `Stylesheet.set_variables`, which `refresh_css` calls
each time with the same theme's variables, empties the sheet's own cache. So each of those
steps cost a full parse of every source (40-45 ms of CPU each on this machine once the register
is loaded, and more under load), where only the added source is new.

`KeptParses` keeps the parsed rules of each source while the variables they were parsed with
stand: `reparse` is the sheet's own `parse`, which takes a source parsed before from the sheet's
parse cache, and a change of variables (another theme) empties that cache, so everything is
parsed again. Only public methods are used; that `parse` consults the cache is Textual's doing,
and tests/ui/test_app_styles.py fails if it stops (a reparse that parses again)."""

from __future__ import annotations

from textual.css.stylesheet import Stylesheet


class KeptParses(Stylesheet):
    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self.parsed_with = dict(variables or {})  # the variables the kept parses used

    def set_variables(self, variables: dict[str, str]) -> None:
        if variables == self.parsed_with:
            return  # the same theme: what was parsed with them stands
        self.parsed_with = dict(variables)
        super().set_variables(variables)

    def reparse(self) -> None:
        """Parse the sources again, taking those parsed before with these variables from the
        parse cache. As Textual's own reparse, an error leaves the rules in force as they were
        (parse sets them only once every source is parsed) and raises."""
        self.parse()
