"""One browser tab's app process: textual-serve's AppService, started without a shell, with the
session's one-time ticket in its environment, ended for certain (killed if it does not quit),
telling the server when the person types (so that an idle session can be timed out) and when
it has answered (its first output, which follows its ticket's redemption; or its end)."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from typing import Any

from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

QUIT_SECONDS = 5.0  # an app asked to quit has this long before it is killed


class TicketedApp(AppService):
    def __init__(
        self,
        argv: list[str],
        ticket: str,
        *,
        write_bytes: Callable[[bytes], Awaitable[None]],
        write_str: Callable[[str], Awaitable[None]],
        close: Callable[[], Awaitable[Any]],
        download_manager: DownloadManager,
        on_activity: Callable[[], None],
        on_answer: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(
            " ".join(argv), write_bytes=write_bytes, write_str=write_str, close=close,
            download_manager=download_manager,
        )  # fmt: skip
        self.argv = argv
        self._ticket = ticket
        self._on_activity = on_activity
        self._on_answer: Callable[[], None] | None = on_answer
        self.started_at = 0.0  # time.monotonic() when the process was started
        self.answered_after: float | None = None  # seconds from then to its first output

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width, height)
        environment["TRACKER_TICKET"] = self._ticket
        return environment

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
        environment = self._build_environment(width=width, height=height)
        self.started_at = time.monotonic()
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
        )
        self._ticket = ""  # spent: the process has it
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    def _answered(self) -> None:
        told, self._on_answer = self._on_answer, None
        if told is not None:
            self.answered_after = time.monotonic() - self.started_at
            told()

    async def on_data(self, payload: bytes) -> None:
        self._answered()  # it has redeemed its ticket and is running
        await super().on_data(payload)

    async def send_bytes(self, data: bytes) -> bool:
        self._on_activity()  # a keystroke or a paste
        return await super().send_bytes(data)

    async def set_terminal_size(self, width: int, height: int) -> None:
        self._on_activity()
        await super().set_terminal_size(width, height)

    async def run(self) -> None:
        try:
            await super().run()
        finally:
            self._answered()  # ended before any output (a refused ticket, say)
        # the process has ended (quit, refused its ticket, or stopped): the browser's page says
        # "Session ended" rather than showing a screen that no longer answers
        with contextlib.suppress(Exception):
            await self.remote_close()

    async def end(self) -> None:
        """Ask the app to quit; kill it if it has not within QUIT_SECONDS. Idempotent."""
        task = self._task
        process = self._process
        if task is None or process is None:
            return
        self._task = None
        await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        if process.returncode is None:
            await self.send_meta({"type": "quit"})
        try:
            await asyncio.wait_for(asyncio.shield(task), QUIT_SECONDS)
        except TimeoutError:
            if process.returncode is None:
                process.kill()
            await task
        await process.wait()

    async def stop(self) -> None:
        await self.end()
