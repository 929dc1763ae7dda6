"""The tracker app. Heavy work happens after the first paint, in thread workers."""

from __future__ import annotations

from textual import work
from textual.app import App, ComposeResult
from textual.message import Message
from textual.widgets import Footer, Header, Static

from tracker.config import Settings


class PlanLoaded(Message):
    def __init__(self, overview: tuple) -> None:  # type: ignore[type-arg]
        self.overview = overview
        super().__init__()


class TrackerApp(App[None]):
    TITLE = "tracker"
    CSS_PATH = "app.tcss"
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading the plan…", id="overview")
        yield Footer()

    def on_mount(self) -> None:
        self.load_overview()

    @work(thread=True, exclusive=True)
    def load_overview(self) -> None:
        from tracker.services.context import open_tracker
        from tracker.services.overview import plan_overview

        t = open_tracker(self.settings)
        try:
            self.post_message(PlanLoaded(plan_overview(t)))
        finally:
            t.close()

    def on_plan_loaded(self, message: PlanLoaded) -> None:
        lines: list[str] = []
        for s in message.overview:
            lines.append(f"[b]{s.title}[/b]  {s.start_year}-{s.end_year}  ({s.actions} actions)")
            lines.append("")
            for p in s.phases:
                name = p.name or "to be confirmed"
                years = f"{p.start_year}-{p.end_year}" if p.start_year else "dates to be confirmed"
                counts = ", ".join(f"{n} {st}" for st, n in p.by_status if n)
                lines.append(f"Phase {p.number}  {name:<24} {years:<22} {counts or 'no actions'}")
        self.query_one("#overview", Static).update("\n".join(lines))


def run_app(settings: Settings) -> None:
    TrackerApp(settings).run()
