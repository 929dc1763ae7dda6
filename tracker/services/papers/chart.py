"""A small chart for HTML papers: the RAG and completion counts at the last period's end and
now, side by side. Drawn by matplotlib (its object API, no pyplot: safe in a worker thread) as
an inline <svg> element, the same bytes for the same figures (no date, a fixed id salt)."""

from __future__ import annotations

import io

BARS = (("complete", "#1f4e79"), ("green", "#2e7d32"), ("amber", "#b26a00"), ("red", "#b00020"))


def travel_chart(before: dict[str, int], now: dict[str, int], before_label: str,
                 now_label: str) -> str:  # fmt: skip
    """Grouped bars: each measure in BARS at the two dates. An <svg> element (no XML header)."""
    import matplotlib

    matplotlib.rcParams["svg.hashsalt"] = "tracker"  # stable ids: the same paper, the same bytes
    matplotlib.rcParams["svg.fonttype"] = "none"  # text stays text (smaller, searchable)
    from matplotlib.figure import Figure

    fig = Figure(figsize=(5.2, 2.2), dpi=72)
    ax = fig.add_subplot()
    names = [name for name, _ in BARS]
    xs = range(len(names))
    width = 0.38
    ax.bar([x - width / 2 for x in xs], [before.get(n, 0) for n in names], width,
           label=before_label, color="#c8c8c8", edgecolor="#666666")  # fmt: skip
    ax.bar([x + width / 2 for x in xs], [now.get(n, 0) for n in names], width,
           label=now_label, color=[colour for _, colour in BARS])  # fmt: skip
    for x, n in zip(xs, names, strict=True):
        ax.annotate(str(now.get(n, 0)), (x + width / 2, now.get(n, 0)), ha="center",
                    va="bottom", fontsize=8)  # fmt: skip
    ax.set_xticks(list(xs), [n.capitalize() for n in names], fontsize=9)
    ax.tick_params(axis="y", labelsize=8)
    ax.set_ylabel("actions", fontsize=9)
    ax.legend(fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    svg = out.getvalue()
    svg = svg[svg.index("<svg") :]
    # one block of HTML for Markdown: no blank line may break it
    return "\n".join(line for line in svg.splitlines() if line.strip())
