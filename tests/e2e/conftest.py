"""Session fixtures: the dbt builds of the end-to-end tests.

There are two builds, started together at the first test that needs one (each takes tens of
seconds; they run side by side):

- `default_build`: the SHIPPED scorecard seeds, with the leads and events of every test
  module's `DEFAULT_SCORECARD_FIXTURE`;
- `custom_build`: fixture scorecard seeds, from every test module's `CUSTOM_SCORECARD_FIXTURE`
  (scorecards, rules, leads, events);
- `minimal_build`: seeds and raw files with only the columns of the fixture rows of every
  module's `MINIMAL_COLUMNS_FIXTURE`, spelled as the rows spell them (files written from the
  contract alone, odd headers).

Every test module of this folder contributes its part, whichever tests are selected, so a
build always holds the same data.

Each build runs on every engine named in LEAD_SCORING_TEST_ENGINES (comma-separated, default
`duckdb`; `scripts/test.sh` sets it): the fixtures are parametrized by engine, so every case
checks every engine against the same hand-computed expectations.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
from scenario import ENGINES, FixturePart, ScenarioResult, merge_parts, run_scenario

SELECTED_ENGINES = [
    engine.strip()
    for engine in os.environ.get("LEAD_SCORING_TEST_ENGINES", "duckdb").split(",")
    if engine.strip()
]
assert set(SELECTED_ENGINES) <= set(ENGINES), (
    f"LEAD_SCORING_TEST_ENGINES={SELECTED_ENGINES}: engines are {', '.join(ENGINES)}"
)

BUILDS: dict[str, tuple[str, bool, bool]] = {
    # build name: (module attribute holding its part, whether the part replaces the seeds,
    # whether the files have exactly the columns of the part's rows)
    "default": ("DEFAULT_SCORECARD_FIXTURE", False, False),
    "custom": ("CUSTOM_SCORECARD_FIXTURE", True, False),
    "minimal": ("MINIMAL_COLUMNS_FIXTURE", True, True),
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


Builds = dict[tuple[str, str], Future[ScenarioResult]]


@pytest.fixture(scope="session")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Builds]:
    """Every (engine, build) of the session, started together; two at a time per engine."""
    with ThreadPoolExecutor(max_workers=len(BUILDS) * len(SELECTED_ENGINES)) as executor:
        futures = {
            (engine, name): executor.submit(
                run_scenario,
                name,
                tmp_path_factory.mktemp(f"scenario_{name}_{engine}"),
                merge_parts(_parts(attribute)),
                replace_seeds=replace_seeds,
                exact_columns=exact_columns,
                engine=engine,
            )
            for engine in SELECTED_ENGINES
            for name, (attribute, replace_seeds, exact_columns) in BUILDS.items()
        }
        yield futures


@pytest.fixture(scope="session", params=SELECTED_ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """The engine a test checks (one test per selected engine)."""
    return str(request.param)


@pytest.fixture(scope="session")
def default_build(builds: Builds, engine: str) -> ScenarioResult:
    """The shipped default scorecard on the leads of every DEFAULT_SCORECARD_FIXTURE."""
    return builds[(engine, "default")].result()


@pytest.fixture(scope="session")
def custom_build(builds: Builds, engine: str) -> ScenarioResult:
    """The fixture scorecards of every CUSTOM_SCORECARD_FIXTURE, on their leads."""
    return builds[(engine, "custom")].result()


@pytest.fixture(scope="session")
def minimal_build(builds: Builds, engine: str) -> ScenarioResult:
    """The files of every MINIMAL_COLUMNS_FIXTURE, with exactly the columns of its rows."""
    return builds[(engine, "minimal")].result()
