"""A reverse proxy for the tests, with no sticky sessions: each request, and each websocket,
goes to the next `tracker serve` in turn (round robin), with X-Forwarded-For added, as a
council's proxy in front of several servers on one database would send them. aiohttp (which
textual-serve runs on) on a thread of its own."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from typing import Any

import aiohttp
from aiohttp import web

HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
       "transfer-encoding", "upgrade", "host", "content-length", "content-encoding"}  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class RoundRobinProxy:
    def __init__(self, port: int, backends: list[str]) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.backends = backends
        self.routed: list[tuple[str, str]] = []  # (path, backend) of each request, in order
        self._turn = 0
        self._loop = asyncio.new_event_loop()
        self._started = threading.Event()
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> RoundRobinProxy:
        self._thread.start()
        if not self._started.wait(20):
            raise AssertionError("the test proxy did not start")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(20)

    def backends_for(self, path: str) -> set[str]:
        return {backend for p, backend in self.routed if p == path}

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_until_complete(self._serve())

    async def _serve(self) -> None:
        self._stop = asyncio.Event()
        self._client = aiohttp.ClientSession(auto_decompress=False)
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        runner = web.AppRunner(app)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", self.port).start()
        self._started.set()
        await self._stop.wait()
        await runner.cleanup()
        await self._client.close()

    def _next(self, path: str) -> str:
        backend = self.backends[self._turn % len(self.backends)]
        self._turn += 1
        self.routed.append((path, backend))
        return backend

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        backend = self._next(request.path)
        headers = {k: v for k, v in request.headers.items()
                   if k.lower() not in HOP and not k.lower().startswith("sec-websocket")}  # fmt: skip
        headers["X-Forwarded-For"] = request.remote or "unknown"
        if request.headers.get("Upgrade", "").lower() == "websocket":
            return await self._websocket(request, backend, headers)
        async with self._client.request(
            request.method, backend + request.path_qs, headers=headers,
            data=await request.read(), allow_redirects=False,
        ) as answer:  # fmt: skip
            body = await answer.read()
            response = web.Response(status=answer.status, body=body)
            for name, value in answer.headers.items():
                if name.lower() not in HOP:
                    response.headers.add(name, value)
            if "Content-Encoding" in answer.headers:
                response.headers["Content-Encoding"] = answer.headers["Content-Encoding"]
            return response

    async def _websocket(
        self, request: web.Request, backend: str, headers: dict[str, str]
    ) -> web.StreamResponse:
        try:
            upstream = await self._client.ws_connect(
                "ws" + backend.removeprefix("http") + request.path_qs, headers=headers,
                max_msg_size=0,
            )  # fmt: skip
        except aiohttp.WSServerHandshakeError as refused:
            return web.Response(status=refused.status, text="refused by the server")
        downstream = web.WebSocketResponse(max_msg_size=0)
        await downstream.prepare(request)

        async def pump(source: Any, target: Any) -> None:
            async for message in source:
                if message.type == aiohttp.WSMsgType.TEXT:
                    await target.send_str(message.data)
                elif message.type == aiohttp.WSMsgType.BINARY:
                    await target.send_bytes(message.data)
                else:
                    break

        tasks = [asyncio.create_task(pump(upstream, downstream)),
                 asyncio.create_task(pump(downstream, upstream))]  # fmt: skip
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in tasks:
            task.cancel()
        with contextlib.suppress(Exception):
            await upstream.close()
        with contextlib.suppress(Exception):
            await downstream.close()
        return downstream
