"""The plan's fixed words, kept free of imports so the lightest read paths can check them."""

from __future__ import annotations

STATUSES = ("not started", "in progress", "complete", "cancelled")
OPEN_STATUSES = ("not started", "in progress")
RAGS = ("green", "amber", "red")
NO_RAG = "none"  # how filters and tables name an action whose RAG is not assessed
COMMENTARY_RAGS = ("amber", "red")  # an update giving one of these must say why
FOLLOWUP_STATUSES = ("open", "in progress", "done", "dropped")
