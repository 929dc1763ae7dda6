"""An indicator's trend as an SVG chart for a paper (matplotlib, drawn off-screen): its readings
in order, its target (a line, or a band for a range). The same data draws the same bytes."""

from __future__ import annotations

import io
from collections.abc import Sequence


def trend_svg(
    title: str, points: Sequence[tuple[str, float]], *, unit: str | None = None,
    target: float | None = None, target_max: float | None = None,
) -> str:  # fmt: skip
    """The readings (label, value), oldest first, as a line chart in SVG text."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    with matplotlib.rc_context({"svg.hashsalt": "tracker", "svg.fonttype": "none",
                                "font.size": 9}):  # fmt: skip
        fig, ax = plt.subplots(figsize=(6.4, 2.6))
        try:
            labels = [label for label, _ in points]
            values = [value for _, value in points]
            xs = list(range(len(values)))
            ax.plot(xs, values, marker="o", color="#1f6feb", linewidth=2, label="reading")
            if target is not None and target_max is not None:
                ax.axhspan(target, target_max, color="#2ea043", alpha=0.15, label="target range")
            elif target is not None:
                ax.axhline(target, color="#2ea043", linestyle="--", linewidth=1.5, label="target")
            ax.set_xticks(xs, labels, rotation=20, ha="right")
            percent = (unit or "").lower() in ("percent", "%", "per cent", "percentage")
            ax.set_ylabel("%" if percent else (unit or "value"))
            if percent:
                ax.set_ylim(0, 100)
            ax.set_title(title[:90], loc="left")
            ax.grid(axis="y", alpha=0.3)
            ax.legend(loc="best", frameon=False)
            fig.tight_layout()
            out = io.StringIO()
            fig.savefig(out, format="svg", metadata={"Date": None, "Creator": "tracker"})
        finally:
            plt.close(fig)
    return out.getvalue()
