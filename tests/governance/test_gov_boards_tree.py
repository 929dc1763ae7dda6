"""The Boards screen's tree (44 columns beside the board's detail, 100 columns and more): a
long board name ends with "…" (textual pilot, SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from governance_helpers import SFB
from test_gov_hold_passed import screen_text, settle

from tracker.config import Settings
from tracker.services.context import Tracker
from tracker.ui.app import create_app


@pytest.mark.asyncio
async def test_a_long_board_name_in_the_tree_ends_with_an_ellipsis(
    gov: Tracker, settings: Settings
) -> None:
    """The tree (44 columns beside the board's detail) cut a long name mid-word, with nothing
    to say it was cut."""
    from tracker.services.governance.boards import add_board

    name = "Kinship Care and Special Guardianship Support Panel"  # 51 characters
    add_board(gov, "kinship-panel", name, parent=SFB)
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        tree = [line for line in screen_text(app).splitlines() if "Kinship" in line]
    assert len(tree) == 1, tree
    shown = tree[0].split("── ", 1)[1].split("│")[0].strip()
    assert shown.endswith("…") and name.startswith(shown[:-1]) and len(shown) > 25, shown


@pytest.mark.asyncio
async def test_the_tree_cuts_its_names_again_when_the_terminal_is_resized(
    gov: Tracker, settings: Settings
) -> None:
    """The names were cut to the tree's width when the boards were read: a terminal widened
    from 80 columns (the tree the whole width, above the detail) to 160 (the tree beside it)
    cut a long name mid-word without "…", and one narrowed kept it cut short."""
    from tracker.services.governance.boards import add_board

    name = "Kinship Care and Special Guardianship Support Panel"  # 51 characters
    add_board(gov, "kinship-panel", name, parent=SFB)

    def shown() -> str:
        line = next(x for x in screen_text(app).splitlines() if "Kinship" in x)
        return line.split("── ", 1)[1].split("│")[0].strip()

    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert shown() == name  # the whole width: it fits
        await pilot.resize_terminal(160, 50)
        await settle(pilot)
        wide = shown()
        assert wide.endswith("…") and name.startswith(wide[:-1]), wide
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert shown() == name
