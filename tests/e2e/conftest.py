"""Session fixtures: the dbt builds of the end-to-end tests.

There are two builds, started together at the first test that needs one (each takes tens of
seconds; they run side by side):

- `default_build`: the SHIPPED scorecard seeds, with the leads and events of every test
  module's `DEFAULT_SCORECARD_FIXTURE`;
- `custom_build`: fixture scorecard seeds, from every test module's `CUSTOM_SCORECARD_FIXTURE`
  (scorecards, rules, leads, events).

Every test module of this folder contributes its part, whichever tests are selected, so a
build always holds the same data.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
from scenario import FixturePart, ScenarioResult, merge_parts, run_scenario

BUILDS: dict[str, tuple[str, bool]] = {
    # build name: (module attribute holding its part, whether the part replaces the seeds)
    "default": ("DEFAULT_SCORECARD_FIXTURE", False),
    "custom": ("CUSTOM_SCORECARD_FIXTURE", True),
}


def _parts(attribute: str) -> list[FixturePart]:
    """The parts that the test modules of this folder define under `attribute`."""
    parts = []
    for path in sorted(Path(__file__).parent.glob("test_*.py")):
        module = importlib.import_module(path.stem)
        part = getattr(module, attribute, None)
        if part is not None:
            assert isinstance(part, FixturePart), f"{path.name}: {attribute} is no FixturePart"
            parts.append(part)
    return parts


@pytest.fixture(scope="session")
def _builds(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[str, Future[ScenarioResult]]]:
    with ThreadPoolExecutor(max_workers=len(BUILDS)) as executor:
        futures = {
            name: executor.submit(
                run_scenario,
                name,
                tmp_path_factory.mktemp(f"scenario_{name}"),
                merge_parts(_parts(attribute)),
                replace_seeds=replace_seeds,
            )
            for name, (attribute, replace_seeds) in BUILDS.items()
        }
        yield futures


@pytest.fixture(scope="session")
def default_build(_builds: dict[str, Future[ScenarioResult]]) -> ScenarioResult:
    """The shipped default scorecard on the leads of every DEFAULT_SCORECARD_FIXTURE."""
    return _builds["default"].result()


@pytest.fixture(scope="session")
def custom_build(_builds: dict[str, Future[ScenarioResult]]) -> ScenarioResult:
    """The fixture scorecards of every CUSTOM_SCORECARD_FIXTURE, on their leads."""
    return _builds["custom"].result()
