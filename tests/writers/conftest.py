"""Fixtures shared by the writer tests."""

from __future__ import annotations

import pytest

import protokollkit
from protokollkit.model import Protocol
from tests.conftest import ROOT, SEED


@pytest.fixture(autouse=True)
def project_templates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test reads the project's vorlagen/, whatever the environment says."""
    monkeypatch.delenv("PROTOKOLLKIT_VORLAGEN", raising=False)
    monkeypatch.chdir(ROOT)


@pytest.fixture(scope="module")
def reference() -> Protocol:
    """The 10.11.22 protocol as read from the archive."""
    return protokollkit.read(SEED)
