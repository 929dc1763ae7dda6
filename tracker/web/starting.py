"""How many app processes one `tracker serve` starts at once.

An app process spends its first seconds on CPU (importing, redeeming its ticket, drawing its
first screen). Twenty sign-ins at once on a two-core machine would start twenty of them
together, each slowed twentyfold: on a busy machine none would redeem its one-time ticket
within the ticket's life. So at most `slots` start at once; the rest wait their turn, first
come first served, each told how many are ahead of it whenever that changes. A slot is given
back when its app has answered (drawn its first screen), or has ended, or its browser left.
No aiohttp here: tests drive it with plain asyncio."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any


class Slot:
    """One app process's turn to start. `release` gives it back (to the next in line, if any);
    once only, however often it is called."""

    def __init__(self, queue: StartQueue) -> None:
        self._queue: StartQueue | None = queue

    @property
    def held(self) -> bool:
        return self._queue is not None

    def release(self) -> None:
        queue, self._queue = self._queue, None
        if queue is not None:
            queue._given_back()


class _Waiter:
    def __init__(self, turn: asyncio.Future[Slot]) -> None:
        self.turn = turn
        self.moved = asyncio.Event()  # set when the number ahead of it has changed


class StartQueue:
    def __init__(self, slots: int) -> None:
        self.slots = max(1, slots)
        self.starting = 0  # slots held
        self._waiting: list[_Waiter] = []

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    async def turn(self, told: Callable[[int], Awaitable[object]]) -> Slot:
        """A slot, at once if one is free and nobody waits; else after those ahead. While
        waiting, `told(n)` is awaited with the number ahead (0: next), first and whenever it
        changes. Cancelled while waiting, it leaves the line (and gives back a slot it was
        handed in that moment)."""
        if self.starting < self.slots and not self._waiting:
            self.starting += 1
            return Slot(self)
        waiter = _Waiter(asyncio.get_running_loop().create_future())
        self._waiting.append(waiter)
        try:
            said = -1
            while not waiter.turn.done():
                ahead = self._waiting.index(waiter)
                if ahead != said:
                    said = ahead
                    await told(ahead)
                    continue  # the line may have moved meanwhile
                waiter.moved.clear()
                moved = asyncio.ensure_future(waiter.moved.wait())
                either: set[asyncio.Future[Any]] = {waiter.turn, moved}
                try:
                    await asyncio.wait(either, return_when=asyncio.FIRST_COMPLETED)
                finally:
                    moved.cancel()
            return waiter.turn.result()
        except BaseException:
            if waiter in self._waiting:
                self._waiting.remove(waiter)
                self._moved()
            elif waiter.turn.done() and not waiter.turn.cancelled():
                waiter.turn.result().release()
            raise

    def _given_back(self) -> None:
        if self._waiting:  # the slot passes straight to the first in line
            self._waiting.pop(0).turn.set_result(Slot(self))
            self._moved()
        else:
            self.starting -= 1

    def _moved(self) -> None:
        for waiter in self._waiting:
            waiter.moved.set()
