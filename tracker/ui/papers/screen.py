"""The Papers screen: choose a template, a board and (optionally) one of its meetings; the paper
is previewed as Markdown as the choice changes; `m` writes it as Markdown, `t` as a printable
HTML page, to the output folder from tracker.toml (the path is shown).

A first visit shows the boards as soon as they are read, then the templates (listing them
loads the paper machinery: Jinja2 and the paper types, about 0.12 s of CPU); Textual's Markdown
widget (markdown-it, about 0.06 s) is imported in the first preview's worker and mounted then."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Select, Static
from textual.worker import get_current_worker

from tracker.ui.refusals import said
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.keybar import KeyBar
from tracker.ui.widgets.progress import TaskProgressed, progress_reporter
from tracker.ui.widgets.work import work

if TYPE_CHECKING:
    from tracker.services.governance.board_read import BoardInfo
    from tracker.services.governance.meetings import MeetingView
    from tracker.services.papers.render import RenderedPaper, TemplateInfo

NO_MEETING = ""  # the meeting choice meaning "no meeting: the position as of today"
# The Markdown widget takes seconds per 10,000 characters of tables: a long paper is previewed
# up to here (at a paragraph break) and written whole.
PREVIEW_LIMIT = 12_000


def preview_text(text: str, limit: int = PREVIEW_LIMIT) -> str:
    """The paper, or its beginning with a note saying how much is left out."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n\n", 0, limit)
    head = text[: cut if cut > 0 else limit]
    shown, total = head.count("\n") + 1, text.count("\n")
    return (
        f"{head}\n\n---\n\n*The preview stops here ({shown:,} of {total:,} lines): "
        "m writes the whole paper.*\n"
    )


class BoardsLoaded(Message):
    def __init__(self, boards: tuple[BoardInfo, ...]) -> None:
        self.boards = boards
        super().__init__()


class TemplatesLoaded(Message):
    def __init__(self, templates: tuple[TemplateInfo, ...]) -> None:
        self.templates = templates
        super().__init__()


class MeetingsLoaded(Message):
    def __init__(self, board: str, meetings: tuple[MeetingView, ...]) -> None:
        self.board = board
        self.meetings = meetings
        super().__init__()


class PreviewReady(Message):
    def __init__(self, key: tuple[str, str, str], paper: RenderedPaper) -> None:
        self.key = key
        self.paper = paper
        super().__init__()


class PaperWritten(Message):
    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__()


class PapersFailed(Message):
    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__()


def refusal(exc: Exception) -> str:
    from tracker.errors import InvalidInput

    if isinstance(exc, InvalidInput):
        return "Cannot render: " + said(exc)
    return said(exc)


def meeting_label(m: Any) -> str:
    when = m.date.strftime("%d %b %Y") if m.date else "undated"
    text = f"{when}, {m.status}"
    return text + (" (next)" if m.is_next else "")


class PapersScreen(Screen[None]):
    TITLE = "Papers"
    CSS_PATH = "papers.tcss"
    BINDINGS = [
        Binding(
            "m",
            "write('md')",
            "Write Markdown",
            tooltip="Write the paper as Markdown to the output folder",
        ),
        Binding(
            "t",
            "write('html')",
            "Write HTML",
            tooltip="Write the paper as a printable HTML page to the output folder",
        ),
        Binding(
            "I",
            "issue",
            "Issue to the meeting",
            tooltip="Issue the previewed paper to the chosen meeting: a window with the "
            "paper, board and meeting filled in; it is frozen as the board saw it",
        ),
        Binding("ctrl+r", "reload", "Reload", tooltip="Read the templates and boards again"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.paper: Any = None  # the paper previewed last
        self.shown: tuple[str, str, str] | None = None  # its (template, board, meeting)
        self.working = 0  # renders under way: their progress is shown in the status line
        self.board_codes: list[str] = []  # the boards read last

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="papers-pick"):
            yield Select([], prompt="Template", id="paper-template")
            yield Select([], prompt="Board", id="paper-board")
            yield Select([("No meeting: today", NO_MEETING)], prompt="Meeting",
                         allow_blank=False, value=NO_MEETING, id="paper-meeting")  # fmt: skip
        yield Static("Loading the templates and boards…", id="papers-status")
        yield VerticalScroll(
            id="papers-preview"
        )  # the Markdown widget comes with the first preview
        yield KeyBar()  # cut with … at the right, help and the palette kept in sight

    def on_mount(self) -> None:
        self.call_after_refresh(self.load_choices)

    def action_reload(self) -> None:
        self.load_choices()
        self.refresh_preview()

    # ---- the choice -------------------------------------------------------------------------

    def choice(self) -> tuple[str, str, str] | None:
        template = self.query_one("#paper-template", Select).value
        board = self.query_one("#paper-board", Select).value
        meeting = self.query_one("#paper-meeting", Select).value
        if not isinstance(template, str) or not isinstance(board, str):
            return None
        return template, board, meeting if isinstance(meeting, str) else NO_MEETING

    def say(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#papers-status", Static)
        status.update(text)
        status.set_class(error, "-error")

    @work("read the boards and templates", exclusive=True, group="papers-choices")
    def load_choices(self) -> None:
        """The boards (a quick read), then the templates (the paper machinery's first import)."""
        try:
            from tracker.services.governance.boards import list_boards

            t = self.services.tracker()
            self.post_message(BoardsLoaded(list_boards(t)))
            from tracker.services.papers.render import list_templates

            self.post_message(TemplatesLoaded(list_templates(t)))
        except Exception as exc:  # noqa: BLE001 - shown on screen, not a traceback
            self.post_message(PapersFailed(refusal(exc)))

    def on_boards_loaded(self, message: BoardsLoaded) -> None:
        boards = self.query_one("#paper-board", Select)
        keep_b = boards.value
        boards.set_options(("  " * b.depth + b.name, b.code) for b in message.boards)
        codes = self.board_codes = [b.code for b in message.boards]
        if keep_b in codes:
            boards.value = keep_b
        if not codes:
            self.say('No boards yet: import a plan or add a board (ctrl+p, "add board").')
        else:
            self.say("Reading the templates…")

    def on_templates_loaded(self, message: TemplatesLoaded) -> None:
        templates = self.query_one("#paper-template", Select)
        keep_t = templates.value
        templates.set_options(
            (f"{t.title} ({t.name}{', yours' if t.source == 'user' else ''})", t.name)
            for t in message.templates if t.kind
        )  # fmt: skip
        names = [t.name for t in message.templates if t.kind]
        if keep_t in names:
            templates.value = keep_t
        elif names:
            templates.value = "highlight" if "highlight" in names else names[0]
        if self.board_codes and self.choice() is None:
            self.say("Pick a board to preview its paper.")

    @on(Select.Changed, "#paper-board")
    def board_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.load_meetings(event.value)

    @work("read the board's meetings", exclusive=True, group="papers-meetings")
    def load_meetings(self, board: str) -> None:
        try:
            from tracker.services.governance.meetings import list_meetings

            meetings = list_meetings(self.services.tracker(), board)
            self.post_message(MeetingsLoaded(board, meetings))
        except Exception as exc:  # noqa: BLE001
            self.post_message(PapersFailed(refusal(exc)))

    def on_meetings_loaded(self, message: MeetingsLoaded) -> None:
        select = self.query_one("#paper-meeting", Select)
        dated = [
            (m, m.date) for m in message.meetings if m.date is not None and m.status != "cancelled"
        ]
        select.set_options(
            [("No meeting: today", NO_MEETING)]
            + [(meeting_label(m), day.isoformat()) for m, day in dated]
        )
        upcoming = [day for m, day in dated if m.is_next]
        select.value = upcoming[0].isoformat() if upcoming else NO_MEETING
        self.refresh_preview()

    @on(Select.Changed, "#paper-template")
    @on(Select.Changed, "#paper-meeting")
    def choice_changed(self) -> None:
        self.refresh_preview()

    # ---- preview and write ------------------------------------------------------------------

    def refresh_preview(self) -> None:
        key = self.choice()
        if key is not None and key != self.shown:
            self.say("Rendering the preview…")
            self.working += 1
            self.preview(key)

    @work("preview the paper", exclusive=True, group="papers-preview")
    def preview(self, key: tuple[str, str, str]) -> None:
        try:
            from textual.widgets import Markdown  # noqa: F401 - imported here, off the UI thread

            from tracker.services.papers.render import preview_paper

            template, board, meeting = key
            on = dt.date.fromisoformat(meeting) if meeting else None
            paper = preview_paper(self.services.tracker(), template, board, on,
                                  progress=self._reporter())  # fmt: skip
            self.post_message(PreviewReady(key, paper))
        except Exception as exc:  # noqa: BLE001
            self.post_message(PapersFailed(refusal(exc)))

    def _reporter(self) -> Callable[[str, int, int | None], None]:
        """The render's progress, posted to this screen until its worker is replaced by a newer
        choice's (a superseded render runs on in its thread, unseen)."""
        worker = get_current_worker()
        return progress_reporter(lambda m: None if worker.is_cancelled else self.post_message(m))

    def on_task_progressed(self, message: TaskProgressed) -> None:
        """A render's phase and count while it runs (the screen keeps taking keys)."""
        if self.working > 0:
            self.say(message.describe())

    async def on_preview_ready(self, message: PreviewReady) -> None:
        self.working = max(0, self.working - 1)
        if message.key != self.choice():
            return  # the choice moved on while this one rendered
        from textual.widgets import Markdown  # imported by the preview's worker already

        if not self.query("#papers-markdown"):  # the first preview: the widget comes now
            await self.query_one("#papers-preview", VerticalScroll).mount(
                Markdown("", id="papers-markdown")
            )
            if message.key != self.choice():
                return
        self.paper, self.shown = message.paper, message.key
        p = message.paper
        when = f"meeting of {p.meeting:%d %b %Y}" if p.meeting else f"as of {p.as_of:%d %b %Y}"
        self.say(f"{p.board_name}, {when}: m writes {p.filename}, t writes it as HTML.")
        await self.query_one("#papers-markdown", Markdown).update(preview_text(p.text))
        self.query_one("#papers-preview", VerticalScroll).scroll_home(animate=False)

    def on_papers_failed(self, message: PapersFailed) -> None:
        self.working = max(0, self.working - 1)
        self.shown = None
        self.say(message.text, error=True)

    def action_issue(self) -> None:
        from tracker.ui.tasks.catalogue import open_task

        key = self.choice()
        if key is None:
            self.say("Pick a template and a board first.", error=True)
            return
        template, board, meeting = key
        if not meeting:
            self.say("Pick the meeting to issue the paper to (a paper is issued to a meeting).",
                     error=True)  # fmt: skip
            return
        open_task(self.app, self.services, "issue-paper", template=template, board=board,
                  meeting=dt.date.fromisoformat(meeting))  # fmt: skip

    def action_write(self, fmt: str) -> None:
        key = self.choice()
        if key is None:
            self.say("Pick a template and a board first.", error=True)
            return
        self.working += 1
        self.write_paper(key, fmt)

    @work("write the paper", exclusive=True, group="papers-write", saves=True)
    def write_paper(self, key: tuple[str, str, str], fmt: str) -> None:
        try:
            from tracker.services.papers.render import render_paper

            template, board, meeting = key
            on = dt.date.fromisoformat(meeting) if meeting else None
            done = render_paper(self.services.tracker(), template, board, on, None, fmt,
                                progress=self._reporter())  # fmt: skip
            self.post_message(PaperWritten(done.path or ""))
        except Exception as exc:  # noqa: BLE001
            self.post_message(PapersFailed(refusal(exc)))

    def on_paper_written(self, message: PaperWritten) -> None:
        self.working = max(0, self.working - 1)
        self.say(f"Written: {message.path}")
        self.notify(f"Written: {message.path}", title="Paper")
