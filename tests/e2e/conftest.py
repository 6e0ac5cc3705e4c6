"""Session fixtures: the dbt builds of the end-to-end tests.

There are three builds, background jobs (tests/background.py) started together with
the other long setups as soon as the tests are collected:

- `fixtures_build`: the SHIPPED scorecard seeds with the fixture scorecards and rules of every
  test module's `CUSTOM_SCORECARD_FIXTURE` added to them, on the leads and events of every
  module's `DEFAULT_SCORECARD_FIXTURE` and `CUSTOM_SCORECARD_FIXTURE`. `default_build` (the
  shipped `default` scorecard's cases) and `custom_build` (the fixture scorecards' cases) are
  both this build: each case reads its own lead and scorecard;
- `minimal_build`: seeds and raw files with only the columns of the fixture rows of every
  module's `MINIMAL_COLUMNS_FIXTURE`, spelled as the rows spell them (files written from the
  contract alone, odd headers); the scoring marts only (the history reads what they read);
- `evaluation_build`: the scorecard, leads, events and conversions of `EVALUATION_FIXTURE`
  (test_evaluation.py) alone, with a short history and given cut-offs (EVALUATION_VARS): the
  evaluation's figures are over all the leads of a scorecard.

Every test module of this folder contributes its part, whichever tests are selected, so a
build always holds the same data.

Each build runs on every engine named in LEAD_SCORING_TEST_ENGINES (comma-separated, default
`duckdb`; `scripts/test.sh` sets it) among those of its `Build.engines` (the minimal and the
evaluation builds are not run on Spark, see BUILDS): the fixtures are parametrized by engine,
so every case checks each of those engines against the same hand-computed expectations.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Mapping
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

import background
import pytest
from scenario import ENGINES, FixturePart, ScenarioResult, date_of, merge_parts, run_scenario

SELECTED_ENGINES = [
    engine.strip()
    for engine in os.environ.get("LEAD_SCORING_TEST_ENGINES", "duckdb").split(",")
    if engine.strip()
]
assert set(SELECTED_ENGINES) <= set(ENGINES), (
    f"LEAD_SCORING_TEST_ENGINES={SELECTED_ENGINES}: engines are {', '.join(ENGINES)}"
)


class Build(NamedTuple):
    parts: tuple[str, ...]  # the module attributes that hold its parts
    seeds: str  # how its seeds are written (scenario.run_scenario)
    history: bool  # whether the score history and the evaluation are built
    variables: Mapping[str, Any] = {}  # more dbt vars
    engines: tuple[str, ...] = ENGINES  # the engines it runs on (those selected of them)


EVALUATION_VARS: Mapping[str, Any] = {
    "history_days": 30,
    "evaluation_horizon_days": 10,
    # 20 and 10 days before AS_OF are evaluated; 5 has no full horizon, 40 is before the history
    "evaluation_cutoffs": [date_of(age).isoformat() for age in (5, 10, 20, 40)],
}
BUILDS: dict[str, Build] = {
    "fixtures": Build(("DEFAULT_SCORECARD_FIXTURE", "CUSTOM_SCORECARD_FIXTURE"), "append", True),
    # not on Spark: two Spark builds side by side took 15 and 20 minutes of the 2-core
    # machine (2026-12-07), the second being the suite's critical path. Which columns a file
    # has is read at compile time (macros/inputs, the same on every engine), and PostgreSQL
    # checks it on a second engine; Spark's CSV loading is in the fixtures build.
    "minimal": Build(("MINIMAL_COLUMNS_FIXTURE",), "exact", False, {}, ("duckdb", "postgres")),
    # Spark's evaluation is compared on the fixtures build (a Spark build takes minutes)
    "evaluation": Build(
        ("EVALUATION_FIXTURE",), "replace", True, EVALUATION_VARS, ("duckdb", "postgres")
    ),
}
# the fixtures that are a build
BUILD_FIXTURES: dict[str, str] = {
    "default_build": "fixtures",
    "custom_build": "fixtures",
    "minimal_build": "minimal",
    "evaluation_build": "evaluation",
}


def _parts(attributes: Iterable[str]) -> list[FixturePart]:
    """The parts that the test modules of this folder define under `attributes`."""
    parts = []
    for path in sorted(Path(__file__).parent.glob("test_*.py")):
        module = importlib.import_module(path.stem)
        for attribute in attributes:
            part = getattr(module, attribute, None)
            if part is not None:
                assert isinstance(part, FixturePart), f"{path.name}: {attribute} is no FixturePart"
                parts.append(part)
    return parts


def build_job(name: str, engine: str) -> str:
    return f"build:{name}:{engine}"


def _build(name: str, engine: str, workdir: Path) -> ScenarioResult:
    build = BUILDS[name]
    return run_scenario(
        name,
        workdir,
        merge_parts(_parts(build.parts)),
        seeds=build.seeds,
        engine=engine,
        history=build.history,
        variables=build.variables,
    )


for _name, _build_of in BUILDS.items():
    for _engine in set(SELECTED_ENGINES) & set(_build_of.engines):
        background.job(build_job(_name, _engine), priority=-ENGINES.index(_engine))(
            partial(_build, _name, _engine)
        )


@background.needs
def _builds_needed(item: Any) -> set[str]:
    """A test of a build fixture (or of any_build, every build) on its engine needs it."""
    fixtures = set(getattr(item, "fixturenames", ()))
    callspec = getattr(item, "callspec", None)
    params = callspec.params if callspec is not None else {}
    engines = [params["engine"]] if "engine" in params else SELECTED_ENGINES
    names = {BUILD_FIXTURES[fixture] for fixture in fixtures & set(BUILD_FIXTURES)}
    names.update(params[name] for name in ("any_build", "build") if name in params)
    if not names and "builds" in fixtures:
        names.update(BUILDS)
    return {
        build_job(name, engine)
        for name in names & set(BUILDS)
        for engine in engines
        if engine in BUILDS[name].engines
    }


class Builds:
    """The builds of the session by (engine, build name), waited for when asked."""

    def __getitem__(self, key: tuple[str, str]) -> ScenarioResult:
        engine, name = key
        if engine not in BUILDS[name].engines:
            pytest.skip(f"the {name} build runs on {', '.join(BUILDS[name].engines)} only")
        result: ScenarioResult = background.result(build_job(name, engine))
        return result


@pytest.fixture(scope="session")
def builds() -> Builds:
    return Builds()


@pytest.fixture(scope="session", params=SELECTED_ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """The engine a test checks (one test per selected engine)."""
    return str(request.param)


@pytest.fixture(scope="session")
def default_build(builds: Builds, engine: str) -> ScenarioResult:
    """The shipped default scorecard's cases: the leads of every DEFAULT_SCORECARD_FIXTURE."""
    return builds[(engine, "fixtures")]


@pytest.fixture(scope="session")
def custom_build(builds: Builds, engine: str) -> ScenarioResult:
    """The fixture scorecards of every CUSTOM_SCORECARD_FIXTURE, on their leads."""
    return builds[(engine, "fixtures")]


@pytest.fixture(scope="session")
def minimal_build(builds: Builds, engine: str) -> ScenarioResult:
    """The files of every MINIMAL_COLUMNS_FIXTURE, with exactly the columns of its rows."""
    return builds[(engine, "minimal")]


@pytest.fixture(scope="session")
def evaluation_build(builds: Builds, engine: str) -> ScenarioResult:
    """The evaluation's fixture alone (EVALUATION_FIXTURE, EVALUATION_VARS)."""
    return builds[(engine, "evaluation")]
