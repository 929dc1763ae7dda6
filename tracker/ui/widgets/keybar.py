"""The keys a screen offers, on one line at the bottom: a light stand-in for textual's Footer.

Footer builds a widget per key and rebuilds them all whenever the screen changes; with the
dozen keys these screens offer that costs about 0.2 s of CPU per screen switch, most of the
register's "first page under 0.2 s" budget. This draws the same keys as one line of text;
clicking a key presses it."""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget):
    COMPONENT_CLASSES = {"keybar--key", "keybar--description"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        link-style: none;
        link-style-hover: reverse;
        & > .keybar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .keybar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._changed)

    def _changed(self, screen: Screen[Any]) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def render(self) -> Text:
        key_style = self.get_component_rich_style("keybar--key")
        text_style = self.get_component_rich_style("keybar--description")
        keys: list[Text] = []
        pinned: list[Any] = []  # help and the palette stay in sight at the right
        seen: set[str] = set()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.key == self.app.COMMAND_PALETTE_BINDING or binding.action == "help":
                if binding.action not in seen:
                    pinned.append(binding)
                    seen.add(binding.action)
                continue
            if not binding.show or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            click = Style(meta={"@click": f"app.simulate_key({binding.key!r})"})
            dim = Style(dim=not enabled)
            key = Text(end="")
            key.append(f" {self.app.get_key_display(binding)} ", key_style + click + dim)
            key.append(f"{binding.description} ", text_style + click + dim)
            keys.append(key)
        label = Text(end="")
        for binding in sorted(pinned, key=lambda b: b.action != "help"):
            click = Style(meta={"@click": f"app.simulate_key({binding.key!r})"})
            label.append(f" {self.app.get_key_display(binding)} ", key_style + click)
            label.append(f"{binding.description or 'palette'} ", text_style + click)
        room = max(0, self.size.width - label.cell_len)
        line = Text(no_wrap=True, end="")
        for n, key in enumerate(keys):  # whole keys only ("r Reso…" said nothing): … for more
            more = 1 if n + 1 < len(keys) else 0
            if line.cell_len + key.cell_len + more > room:
                line.append("…", text_style)
                break
            line.append_text(key)
        line.truncate(room, pad=True)
        line.append_text(label)
        return line
