"""The plan's fixed words, kept free of imports so the lightest read paths can check them."""

from __future__ import annotations

STATUSES = ("not started", "in progress", "complete", "cancelled")
OPEN_STATUSES = ("not started", "in progress")
RAGS = ("green", "amber", "red")
NO_RAG = "none"  # how filters and tables name an action whose RAG is not assessed
COMMENTARY_RAGS = ("amber", "red")  # an update giving one of these must say why
RAG_ORDER = {"green": 0, "amber": 1, "red": 2}  # worse is larger


def greener(rag: str | None, than: str | None) -> bool:
    """A RAG better than another (the owner's against the one their progress suggests)."""
    if rag is None or than is None or rag not in RAG_ORDER or than not in RAG_ORDER:
        return False
    return RAG_ORDER[rag] < RAG_ORDER[than]


FOLLOWUP_STATUSES = ("open", "in progress", "done", "dropped")
