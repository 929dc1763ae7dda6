"""What a judged page's judgement quotes: the real corpus and the synthetic training pages are
held to the same rule, every judged text verbatim on its page."""

from __future__ import annotations

from typing import Any


def not_on_the_page(page: str, judged: dict[str, Any]) -> list[str]:
    """The judged texts, owners and undertakings that are not verbatim substrings of `page`."""
    texts = [r["text"] for r in judged["resolutions"]]
    texts += [a["task"] for a in judged["actions"]] + [a["owner"] for a in judged["actions"]]
    texts += judged["undertakings"]
    return [t for t in texts if t not in page]
