"""Starts the long setups of the selected tests together once they are collected (see
background.py)."""

from __future__ import annotations

import background
import pytest


def pytest_collection_finish(session: pytest.Session) -> None:
    factory = getattr(session.config, "_tmp_path_factory", None)
    base = factory.mktemp("background", numbered=False) if factory is not None else None
    background.start(background.needed_by(session.items), base)


def pytest_sessionfinish(session: pytest.Session) -> None:
    background.shutdown()
