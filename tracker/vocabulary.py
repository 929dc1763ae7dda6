"""The plan's fixed words, kept free of imports so the lightest read paths can check them."""

from __future__ import annotations

STATUSES = ("not started", "in progress", "complete", "cancelled")
OPEN_STATUSES = ("not started", "in progress")
RAGS = ("green", "amber", "red")
