"""The fifth fault campaign: hostile line lengths for the patterns, the environment, the
appointments around odd days, and the archive commands on an archive that is not there. Each
case failed before its fix; each ends in a German message naming the file (and line), never in
a traceback or English text."""

from __future__ import annotations

import time

import protokollkit
from protokollkit import termine


def _appointments_time(dates: int, variant: int) -> float:
    """Seconds to find the appointments of one point that lists ``dates`` dates."""
    point = "Am 1.1., " * dates + f"Variante {variant}"  # new text: no cache answers
    protocol = protokollkit.read_text(f"Protokoll Treffen 1.2.2024\n\nTOP 1 Test\n- {point}\n")
    began = time.perf_counter()
    termine.extract(protocol)
    return time.perf_counter() - began


def test_a_point_of_thousands_of_dates_is_read_in_linear_time() -> None:
    """A point listing 2,400 dates (20,000 characters, far below the size limit) took 17 s:
    for each date, the text before it was searched again from its start (``seit``, ``Stand:``,
    a weekday, a range's first day, the sentence's start). Eight times the dates must take
    about eight times as long, not sixty-four (a linear baseline measured in the same run)."""
    small = min(_appointments_time(300, variant) for variant in range(3))
    large = _appointments_time(2400, 9)
    assert large < 25 * max(small, 0.005), (small, large)
