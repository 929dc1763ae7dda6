"""The app's style sheet, parsed once per source.

Textual (8.2) parses every style sheet of the app again, from its text, each time one is added:
a screen's first showing (its .tcss), a mode's first showing and the switch to it
(`App.refresh_css`, twice more), a window made in idle time. `Stylesheet.reparse` parses into a
fresh sheet with an empty parse cache, and `Stylesheet.set_variables`, which `refresh_css` calls
each time with the same theme's variables, empties the sheet's own cache. So each of those
steps cost a full parse of every source (40-45 ms of CPU each on this machine once the register
is loaded, and more under load), where only the added source is new.

`KeptParses` keeps the parsed rules of each source while the variables they were parsed with
stand: `reparse` parses what is new, and a change of variables (another theme) still parses
everything again. The rules are the same objects Textual's own `parse` shares from its cache."""

from __future__ import annotations

from textual.cache import LRUCache
from textual.css.stylesheet import Stylesheet

KEPT = 512  # sources whose parsed rules are kept: the app has about 40 (Textual keeps 64)


class KeptParses(Stylesheet):
    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self._parse_cache = LRUCache(KEPT)

    def set_variables(self, variables: dict[str, str]) -> None:
        if variables == self._variables:
            return  # the same theme: what was parsed with them stands
        super().set_variables(variables)

    def reparse(self) -> None:
        """Textual's reparse (a fresh sheet, so that an error leaves this one as it was), with
        this sheet's parse cache: a source parsed before with these variables is not parsed
        again."""
        fresh = Stylesheet(variables=self._variables)
        fresh._parse_cache = self._parse_cache
        for read_from, (css, is_defaults, tie_breaker, scope) in self.source.items():
            fresh.add_source(
                css,
                read_from=read_from,
                is_default_css=is_defaults,
                tie_breaker=tie_breaker,
                scope=scope,
            )
        try:
            fresh.parse()
        except Exception:
            self._invalid_css.update(fresh._invalid_css)
            raise
        self._rules = fresh.rules
        self._rules_map = None
        self.source = fresh.source
        self._require_parse = False
