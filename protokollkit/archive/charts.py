"""SVG charts with matplotlib (no pyplot, no display): German labels, readable without colour.

Bars are black outlines with hatching, lines differ in style and marker, values stand on the
bars where there is room; text stays text in the SVG (searchable, sharp at any size). The output
is reproducible: no date in the file, fixed element ids.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

RC: dict[Any, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "protokollkit",
    "font.family": "sans-serif",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "hatch.linewidth": 0.8,
}


def _figure(
    width: float = 7.0, height: float = 3.2, right: float = 0.3, left: float = 0.8
) -> tuple[Figure, Axes]:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=100)
    # fixed margins instead of a layout engine: one drawing pass per chart
    figure.subplots_adjust(
        left=left / width, right=1 - right / width, bottom=0.65 / height, top=1 - 0.45 / height
    )
    axes = figure.add_subplot()
    return figure, axes


def _svg(figure: Figure, title: str) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Title": title})
    figure.clear()
    return buffer.getvalue()


def _integers(axes: Axes) -> None:
    from matplotlib.ticker import MaxNLocator

    axes.yaxis.set_major_locator(MaxNLocator(integer=True))


def _years_axis(axes: Axes, years: Sequence[int]) -> None:
    if len(years) < 6:
        axes.set_xlim(min(years) - 3, max(years) + 3)
    step = max(1, -(-len(years) // 8))
    axes.set_xticks(list(years)[::step], [str(y) for y in list(years)[::step]])
    axes.set_xlabel("Jahr")


def bar_chart(years: Sequence[int], values: Sequence[int], title: str, ylabel: str) -> str:
    """One bar per year (grey, black outline, value on top)."""
    import matplotlib

    with matplotlib.rc_context(RC):
        figure, axes = _figure()
        bars = axes.bar(years, values, color="#d0d0d0", edgecolor="black", hatch="//")
        if len(years) <= 30:
            axes.bar_label(bars, padding=2)
        axes.set_title(title)
        axes.set_ylabel(ylabel)
        _integers(axes)
        _years_axis(axes, years)
        return _svg(figure, title)


def attendance_chart(years: Sequence[int], attended: Sequence[int], title: str) -> str:
    """Per year the meetings someone (or an institution) attended: hatched grey bars."""
    import matplotlib

    with matplotlib.rc_context(RC):
        figure, axes = _figure(7.0, 2.8)
        bars = axes.bar(years, attended, width=0.7, color="#b0b0b0", edgecolor="black", hatch="xx")
        if len(years) <= 12:
            axes.bar_label(bars, padding=2)
        axes.set_title(title)
        axes.set_ylabel("Sitzungen (anwesend)")
        _integers(axes)
        _years_axis(axes, years)
        return _svg(figure, title)


def lines_chart(
    years: Sequence[int], series: Sequence[tuple[str, Sequence[float]]], title: str, ylabel: str
) -> str:
    """Several lines over the years, each with its own line style and marker."""
    import matplotlib

    styles = [("-", "o"), ("--", "s"), (":", "^"), ("-.", "D")]
    with matplotlib.rc_context(RC):
        figure, axes = _figure(right=1.8)
        for (label, values), (line, marker) in zip(series, styles, strict=False):
            axes.plot(years, values, linestyle=line, marker=marker, color="black", label=label)
        axes.set_title(title)
        axes.set_ylabel(ylabel)
        axes.set_ylim(bottom=0)
        axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        _years_axis(axes, years)
        return _svg(figure, title)


def ranking_chart(names: Sequence[str], values: Sequence[int], title: str) -> str:
    """Horizontal bars, the largest on top, the value at the end of each bar."""
    import matplotlib

    with matplotlib.rc_context(RC):
        figure, axes = _figure(7.0, 1.2 + 0.28 * len(names), right=0.5, left=2.4)
        positions = list(range(len(names)))[::-1]
        bars = axes.barh(positions, values, color="#d0d0d0", edgecolor="black", hatch="//")
        axes.bar_label(bars, padding=2)
        short = [n if len(n) <= 30 else n[:29].rstrip() + "…" for n in names]
        axes.set_yticks(positions, short)
        axes.set_xlabel("Sitzungen")
        axes.set_title(title)
        return _svg(figure, title)


__all__ = ["attendance_chart", "bar_chart", "lines_chart", "ranking_chart"]
