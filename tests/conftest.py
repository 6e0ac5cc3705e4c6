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


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The wall-clock time of each background job, longest first (they run side by side, so
    these overlap; the figures say where the suite's time goes)."""
    if background.durations:
        terminalreporter.section("background jobs (wall clock, overlapping)")
        for name, seconds in sorted(background.durations.items(), key=lambda item: -item[1]):
            terminalreporter.write_line(f"{seconds:8.1f}s  {name}")
