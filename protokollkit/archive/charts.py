"""SVG charts: German labels, readable without colour.

The statistics' charts are drawn with matplotlib (no pyplot, no display). The attendance chart
of each person and institution page is written directly as SVG text in the same style: the
website has hundreds of them and matplotlib takes about 45 ms per chart, this about 0.1 ms.

Bars are black outlines with hatching, lines differ in style and marker, values stand on the
bars where there is room; text stays text in the SVG (searchable, sharp at any size). The output
is reproducible: no date in the file, fixed element ids.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

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


def _tick_step(top: float, most: int = 6) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50 … that needs at most ``most`` steps up to ``top``."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            if top / step <= most:
                return step
        magnitude *= 10


def _n(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


FONT = 'font-family="DejaVu Sans, Arial, sans-serif"'

LINE_STYLES = (("", "circle"), ("6 4", "square"), ("1.5 3", "triangle"), ("8 3 2 3", "diamond"))
"""Dash pattern and marker of each line of :func:`svg_lines_chart` (matplotlib's -, --, :, -.)."""


class _Plot:
    """The frame of a hand-written chart: title, axes with ticks and labels, year positions."""

    def __init__(
        self,
        years: Sequence[int],
        highest: float,
        title: str,
        ylabel: str,
        height: int,
        right: int = 30,
        bars: bool = True,
    ) -> None:
        self.width, self.height = 700, height
        self.left, self.right, self.top, self.bottom = 80, right, 45, 65
        self.plot_width = self.width - self.left - self.right
        self.plot_height = self.height - self.top - self.bottom
        first, last = min(years), max(years)
        margin = 0.6 if bars else 0.3
        spread = 3.0 if len(years) < 6 else margin
        self.low: float = first - spread
        self.high: float = last + spread
        step = _tick_step(max(highest, 1))
        self.step = step
        self.ceiling = max(math.ceil(max(highest, 1) * 1.05 / step) * step, step)
        self.years = years
        self.parts = [
            '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n',
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width}" '
            f'height="{self.height}" viewBox="0 0 {self.width} {self.height}" version="1.1">\n',
            f"<title>{escape(title)}</title>\n",
            '<defs><pattern id="schraffur" patternUnits="userSpaceOnUse" width="6" height="6">'
            '<path d="M0,0L6,6M6,0L0,6" stroke="#000000" stroke-width="0.8"/></pattern></defs>\n',
            f'<rect width="{self.width}" height="{self.height}" fill="#ffffff"/>\n',
            f'<text x="{self.left + self.plot_width / 2}" y="{self.top - 12}" '
            f'text-anchor="middle" font-size="14" {FONT}>{escape(title)}</text>\n',
        ]
        self.ylabel = ylabel

    def x(self, year: float) -> float:
        return self.left + (year - self.low) / (self.high - self.low) * self.plot_width

    def y(self, value: float) -> float:
        return self.top + self.plot_height - value / self.ceiling * self.plot_height

    def text(self, x: float, y: float, text: str, anchor: str = "middle", dy: str = "") -> None:
        shift = f' dy="{dy}"' if dy else ""
        self.parts.append(
            f'<text x="{_n(x)}" y="{_n(y)}"{shift} text-anchor="{anchor}" font-size="13" '
            f"{FONT}>{escape(text)}</text>\n"
        )

    def finish(self) -> str:
        left, top, bottom = self.left, self.top, self.top + self.plot_height
        for tick in range(0, self.ceiling + 1, self.step):
            ty = _n(self.y(tick))
            self.parts.append(
                f'<line x1="{left - 4}" y1="{ty}" x2="{left}" y2="{ty}" stroke="#000000"/>'
            )
            self.text(left - 7, self.y(tick), str(tick), "end", "0.35em")
        label_step = max(1, -(-len(self.years) // 8))
        for year in list(self.years)[::label_step]:
            tx = _n(self.x(year))
            self.parts.append(
                f'<line x1="{tx}" y1="{bottom}" x2="{tx}" y2="{bottom + 4}" stroke="#000000"/>'
            )
            self.text(self.x(year), bottom + 18, str(year))
        self.parts.append(
            f'<path d="M{left},{top}V{bottom}H{left + self.plot_width}" fill="none" '
            'stroke="#000000"/>\n'
        )
        self.text(left + self.plot_width / 2, self.height - 14, "Jahr")
        self.parts.append(
            f'<text transform="translate(22 {top + self.plot_height / 2}) rotate(-90)" '
            f'text-anchor="middle" font-size="13" {FONT}>{escape(self.ylabel)}</text>\n</svg>\n'
        )
        return "".join(self.parts)


def svg_bar_chart(
    years: Sequence[int], values: Sequence[int], title: str, ylabel: str, height: int = 320
) -> str:
    """One hatched grey bar per year, written directly as SVG (700 px wide), laid out like the
    matplotlib charts: title on top, integer ticks, at most eight year labels below, the values
    on the bars up to twelve years."""
    plot = _Plot(years, max(values, default=0), title, ylabel, height)
    bar = 0.7 * plot.plot_width / (plot.high - plot.low)
    for year, value in zip(years, values, strict=True):
        bx, by = _n(plot.x(year) - bar / 2), _n(plot.y(value))
        size = f'width="{_n(bar)}" height="{_n(plot.y(0) - plot.y(value))}"'
        if value:
            plot.parts.append(
                f'<rect x="{bx}" y="{by}" {size} fill="#b0b0b0"/>'
                f'<rect x="{bx}" y="{by}" {size} fill="url(#schraffur)" stroke="#000000"/>\n'
            )
        if len(years) <= 12:
            plot.text(plot.x(year), plot.y(value) - 4, str(value))
    return plot.finish()


def _marker(shape: str, x: float, y: float) -> str:
    if shape == "circle":
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="3.5" fill="#000000"/>'
    if shape == "square":
        return f'<rect x="{_n(x - 3.5)}" y="{_n(y - 3.5)}" width="7" height="7" fill="#000000"/>'
    if shape == "triangle":
        return f'<path d="M{_n(x)},{_n(y - 4.5)}l4,7.5h-8z" fill="#000000"/>'
    return f'<path d="M{_n(x)},{_n(y - 4.5)}l4,4.5l-4,4.5l-4,-4.5z" fill="#000000"/>'


def svg_lines_chart(
    years: Sequence[int], series: Sequence[tuple[str, Sequence[float]]], title: str, ylabel: str
) -> str:
    """Several lines over the years, each with its own dash pattern and marker, the legend on
    the right; written directly as SVG like :func:`svg_bar_chart`."""
    highest = max((v for _label, values in series for v in values), default=0)
    plot = _Plot(years, highest, title, ylabel, 320, right=180, bars=False)
    for index, ((label, values), (dash, shape)) in enumerate(
        zip(series, LINE_STYLES, strict=False)
    ):
        points = [(plot.x(year), plot.y(value)) for year, value in zip(years, values, strict=True)]
        pattern = f' stroke-dasharray="{dash}"' if dash else ""
        path = "M" + "L".join(f"{_n(x)},{_n(y)}" for x, y in points)
        plot.parts.append(
            f'<path d="{path}" fill="none" stroke="#000000" stroke-width="1.5"{pattern}/>'
        )
        plot.parts.append("".join(_marker(shape, x, y) for x, y in points) + "\n")
        lx, ly = plot.left + plot.plot_width + 15, plot.top + 10 + 22 * index
        plot.parts.append(
            f'<path d="M{lx},{ly}h30" stroke="#000000" stroke-width="1.5"{pattern}/>'
            + _marker(shape, lx + 15, ly)
        )
        plot.text(lx + 38, ly, label, "start", "0.35em")
    return plot.finish()


def attendance_chart(years: Sequence[int], attended: Sequence[int], title: str) -> str:
    """Per year the meetings someone (or an institution) attended (700 × 280 px)."""
    return svg_bar_chart(years, attended, title, "Sitzungen (anwesend)", 280)


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


__all__ = [
    "attendance_chart",
    "bar_chart",
    "lines_chart",
    "ranking_chart",
    "svg_bar_chart",
    "svg_lines_chart",
]
