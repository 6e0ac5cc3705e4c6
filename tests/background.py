"""Long test setups (dbt builds), started together as soon as the tests are collected.

A dbt build takes tens of seconds and mostly keeps one core busy; run one after the other, the
suite's builds would leave the second core of a 2-core machine idle. A module registers each
of its long setups as a job under the name of the fixture that returns it:

    @background.job("dirty_build")
    def build_dirty(workdir: Path) -> DirtyBuild: ...

    @pytest.fixture(scope="module")
    def dirty_build() -> DirtyBuild:
        return background.result("dirty_build")

When the collection is finished (tests/conftest.py), every job that a selected test needs (its
name is one of the test's fixtures) starts in a pool of threads, each in a folder of its own;
a test waits for the jobs it needs only. A job that fails raises its error in the tests that
need it. `-k` selects fewer tests and so starts fewer jobs.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

# jobs at a time: builds are mostly single-threaded, and memory allows this many at once
WORKERS = int(os.environ.get("LEAD_SCORING_TEST_JOBS", "6"))

_jobs: dict[str, Callable[[Path], Any]] = {}
_priorities: dict[str, int] = {}
# functions of a test item to the jobs it needs beyond its fixture names (e.g. builds per engine)
_needs: list[Callable[[Any], Iterable[str]]] = []
_futures: dict[str, Future[Any]] = {}
_executor: ThreadPoolExecutor | None = None
_base: Path | None = None
# seconds each finished job took (wall clock), for the session's summary
durations: dict[str, float] = {}


def job(name: str, priority: int = 1) -> Callable[[Callable[[Path], T]], Callable[[Path], T]]:
    """Registers a function of a working folder as the job of the fixture `name`. Jobs start
    by priority, lowest first: the longest (Spark builds) should not be the last to start."""

    def register(function: Callable[[Path], T]) -> Callable[[Path], T]:
        assert name not in _jobs, f"two background jobs named {name}"
        _jobs[name] = function
        _priorities[name] = priority
        return function

    return register


def needs(function: Callable[[Any], Iterable[str]]) -> Callable[[Any], Iterable[str]]:
    """Registers a function of a pytest item that names jobs it needs (beyond its fixtures)."""
    _needs.append(function)
    return function


def needed_by(items: Iterable[Any]) -> set[str]:
    """The jobs the pytest items need: their fixture names, and what the `needs` functions say."""
    names: set[str] = set()
    for item in items:
        names.update(getattr(item, "fixturenames", ()))
        for function in _needs:
            names.update(function(item))
    return names


def start(needed: Iterable[str], base: Path | None = None) -> None:
    """Starts the registered jobs among `needed` (fixture names) that are not running yet."""
    global _executor, _base
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="background")
        _base = base or Path(tempfile.mkdtemp(prefix="lead-scoring-tests-"))
    assert _base is not None
    for name in sorted(set(needed) & set(_jobs), key=lambda name: (_priorities[name], name)):
        if name not in _futures:
            folder = _base / re.sub("[^A-Za-z0-9_.-]", "_", name)
            folder.mkdir(parents=True, exist_ok=True)
            _futures[name] = _executor.submit(_timed, name, folder)


def _timed(name: str, folder: Path) -> Any:
    started = time.perf_counter()
    try:
        return _jobs[name](folder)
    finally:
        durations[name] = time.perf_counter() - started


def result(name: str) -> Any:
    """The result of the job `name`, waiting for it (started now if it was not)."""
    if name not in _futures:
        start([name])
    return _futures[name].result()


def shutdown() -> None:
    if _executor is not None:
        _executor.shutdown(wait=True, cancel_futures=True)
