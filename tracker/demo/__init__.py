"""The demonstration plan: a clearly fictional council's plan, fully populated (owners, boards,
meetings, updates, follow-ups, indicators), which `tracker demo` loads into its own database."""

from pathlib import Path

DEMO_PLAN = Path(__file__).with_name("demo-plan.yaml")
DEMO_USER = "Alex Demo"  # the demo's user.name: "My actions" shows Alex Demo's actions
DEMO_DATABASE = "tracker-demo.db"
