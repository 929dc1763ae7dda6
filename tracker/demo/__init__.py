"""The demonstration plan: a clearly fictional council's plan, fully populated (owners, boards,
meetings, updates, follow-ups, indicators), which `tracker demo` loads into its own database,
then its boards' verdicts at the meetings held (DEMO_REVIEWS: updates noted, two challenged),
which a plan file does not carry."""

import datetime as dt
from pathlib import Path

DEMO_PLAN = Path(__file__).with_name("demo-plan.yaml")
DEMO_USER = "Alex Demo"  # the demo's user.name: "My actions" shows Alex Demo's actions
DEMO_DATABASE = "tracker-demo.db"

# (board, meeting held, ((action, what the board asked for), ...)): at each meeting the action's
# latest update is challenged and every other update waiting for the board is noted.
DEMO_REVIEWS = (
    ("demo-family-board", dt.date(2025, 6, 10), ()),
    ("demo-data-group", dt.date(2025, 6, 17), (
        ("D1-03", "Give a new date for the data sharing agreement and say who is holding it "
                  "up (demo)."),
    )),
    ("demo-north-partnership", dt.date(2025, 11, 12), (
        ("D2-01", "Give a revised opening date for the North hub and the cost of the building "
                  "delay (demo)."),
    )),
)  # fmt: skip
