"""The line browser tabs wait in for their app process to start (tracker.web.starting): at most
`slots` start at once, the rest are served first come first served, each told how many are
ahead of it whenever that changes; a tab that leaves gives up its place, and a turn given back
twice counts once."""

from __future__ import annotations

import asyncio

from tracker.web.starting import Slot, StartQueue


class Tab:
    """A browser tab in the line: what its terminal was told, and its turn once it came."""

    def __init__(self, queue: StartQueue) -> None:
        self.told: list[int] = []
        self.task = asyncio.ensure_future(queue.turn(self.tell))

    async def tell(self, ahead: int) -> None:
        self.told.append(ahead)

    @property
    def slot(self) -> Slot | None:
        return self.task.result() if self.task.done() and not self.task.cancelled() else None


async def settle() -> None:
    for _ in range(10):
        await asyncio.sleep(0)


def test_one_slot_three_tabs_start_in_turn_each_told_how_many_are_ahead() -> None:
    async def run() -> None:
        queue = StartQueue(1)
        first, second, third = Tab(queue), Tab(queue), Tab(queue)
        await settle()
        assert first.slot is not None and first.told == []  # started at once, told nothing
        assert second.slot is None and second.told == [0]  # next
        assert third.slot is None and third.told == [1]  # one ahead of it
        assert (queue.starting, queue.waiting) == (1, 2)

        first.slot.release()  # the first app has answered
        await settle()
        assert second.slot is not None
        assert third.slot is None and third.told == [1, 0]  # now next
        first.slot.release()  # given back again (its app ended too): counts once
        await settle()
        assert third.slot is None and (queue.starting, queue.waiting) == (1, 1)

        second.slot.release()
        await settle()
        assert third.slot is not None
        third.slot.release()
        assert (queue.starting, queue.waiting) == (0, 0)
        assert (await queue.turn(Tab(queue).tell)).held  # free again: at once

    asyncio.run(run())


def test_a_tab_that_leaves_the_line_gives_up_its_place() -> None:
    async def run() -> None:
        queue = StartQueue(2)
        tabs = [Tab(queue) for _ in range(5)]
        await settle()
        assert [t.slot is not None for t in tabs] == [True, True, False, False, False]
        assert [t.told for t in tabs[2:]] == [[0], [1], [2]]

        tabs[2].task.cancel()  # the browser closed while waiting
        await settle()
        assert [t.told[-1] for t in tabs[3:]] == [0, 1]  # both moved up
        assert (queue.starting, queue.waiting) == (2, 2)

        slot = tabs[0].slot
        assert slot is not None
        slot.release()
        await settle()
        assert tabs[3].slot is not None and tabs[4].slot is None
        assert tabs[4].told == [2, 1, 0]
        for t in (tabs[1], tabs[3]):
            assert t.slot is not None
            t.slot.release()
        await settle()
        assert tabs[4].slot is not None and (queue.starting, queue.waiting) == (1, 0)

    asyncio.run(run())


def test_a_turn_handed_to_a_tab_that_is_leaving_goes_to_the_next() -> None:
    async def run() -> None:
        queue = StartQueue(1)
        first, second, third = Tab(queue), Tab(queue), Tab(queue)
        await settle()
        assert first.slot is not None
        first.slot.release()  # the turn passes to the second...
        second.task.cancel()  # ...which leaves before it has run again
        await settle()
        assert second.task.cancelled()
        assert third.slot is not None and (queue.starting, queue.waiting) == (1, 0)

    asyncio.run(run())
