"""Property: every protocol the model can express in the layout survives read(write(p))."""

from __future__ import annotations

from hypothesis import given, settings

import protokollkit
from protokollkit.model import Protocol
from tests.strategies import expected_warning, protocols


@given(protocols(rich=True))
@settings(max_examples=300, deadline=None)
def test_text_round_trip(protocol: Protocol) -> None:
    written = protokollkit.write(protocol, "text")
    assert isinstance(written, str)
    again = protokollkit.read(written)
    assert again == protocol
    assert all(expected_warning(d.message) for d in again.diagnostics if d.level == "warning")


@given(protocols(rich=True))
@settings(max_examples=100, deadline=None)
def test_text_writer_is_idempotent(protocol: Protocol) -> None:
    once = protokollkit.write(protocol, "text")
    assert protokollkit.write(protokollkit.read(str(once)), "text") == once
