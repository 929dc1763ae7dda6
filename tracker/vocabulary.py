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

# Local Government Act 1972, Schedule 12A, Part 1: the descriptions of exempt information
EXEMPT_PARAGRAPHS = {
    1: "information relating to any individual",
    2: "information which is likely to reveal the identity of an individual",
    3: "information relating to the financial or business affairs of any particular person",
    4: "information relating to consultations or negotiations in connection with labour relations",
    5: "information in respect of which a claim to legal professional privilege could be maintained",
    6: "information which reveals that the authority proposes to give a notice, order or direction",
    7: "information relating to the prevention, investigation or prosecution of crime",
}


def exempt_label(paragraph: int) -> str:
    """What a public paper, calendar or export shows in place of an exempt item."""
    return f"exempt item (paragraph {paragraph})"
