"""The dashboard (src/lead_scoring/dashboard), served by `lead-scoring dashboard` and opened
page by page in headless Chromium (the Debian package, driven by Playwright).

Two databases: the demo data scored as of 2026-03-15 (the database that scripts/test.sh
builds, else built here) and the fixtures build (DuckDB; several scorecards, one of them
with a baseline, so the comparison of the health page has rows). Every page must render with
no page error, no console error, no exception box and no chart without marks; the numbers the
pages show (the overview's counts, the leads per tier, every matrix cell, the leads to call)
must equal counts taken here from the marts. A screenshot of each page of the demo goes to
target/dashboard_screenshots (LEAD_SCORING_SCREENSHOTS_DIR: another folder, e.g.
docs/dashboard for the README's set).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import background
import duckdb
import pytest
from scenario import PROJECT_DIR, ScenarioResult, demo_database

from lead_scoring import dashboard

CHROMIUM = Path("/usr/bin/chromium")
PAGES = {  # url path: title
    "": "Lead scoring",
    "matrix": "Fit x engagement matrix",
    "call-now": "Call now",
    "scorecard-health": "Scorecard health",
    "data-quality": "Data quality",
}
SCREENSHOTS = PROJECT_DIR / os.environ.get(
    "LEAD_SCORING_SCREENSHOTS_DIR", "target/dashboard_screenshots"
)


FIXTURES_BUILD = "build:fixtures:duckdb"  # conftest.build_job("fixtures", "duckdb")


@background.needs
def _databases_needed(item: Any) -> set[str]:
    """A test of this module needs both databases (its `served` fixture is parametrized)."""
    if Path(str(item.fspath)).name != Path(__file__).name:
        return set()
    return {"dashboard_demo_database", FIXTURES_BUILD}


@background.job("dashboard_demo_database")
def dashboard_demo_database(workdir: Path) -> Path:
    return demo_database(workdir)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Dashboard:
    """A served dashboard of one database."""

    def __init__(self, database: Path, folder: Path) -> None:
        self.database = database
        self.port = free_port()
        self.log = folder / "streamlit.log"
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                dashboard.command(database, self.port, "127.0.0.1"),
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=folder,
            )
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=5) as answer:
                    if answer.read() == b"ok":
                        return
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"the dashboard did not start:\n{self.log.read_text()}")
            time.sleep(0.5)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)

    def query(self, sql: str, parameters: list[Any] | None = None) -> list[tuple[Any, ...]]:
        with duckdb.connect(str(self.database), read_only=True) as connection:
            return connection.execute(sql, parameters or []).fetchall()


@pytest.fixture(scope="module", params=["demo", "fixtures"])
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Dashboard]:
    if not CHROMIUM.exists():
        pytest.fail("no /usr/bin/chromium: scripts/test.sh installs it (scripts/chromium.sh)")
    folder = tmp_path_factory.mktemp(f"dashboard_{request.param}")
    if request.param == "demo":
        source: Path = background.result("dashboard_demo_database")
    else:
        fixtures: ScenarioResult = background.result(FIXTURES_BUILD)
        assert fixtures.database is not None
        source = fixtures.database
    database = folder / "lead_scoring.duckdb"
    shutil.copy2(source, database)  # the server's own copy: no lock on the build's file
    server = Dashboard(database, folder)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        yield chromium
        chromium.close()


class Page:
    """A page of the dashboard, loaded, with the errors it raised."""

    def __init__(self, browser: Any, server: Dashboard, path: str) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        self.page.on("console", self._console)
        self.page.goto(f"{server.url}/{path}")  # "": the default page, the overview
        self.page.wait_for_selector('[data-testid="stApp"]')
        # the script ran to its end (app.py's last element), then each chart drew its SVG
        self.page.wait_for_selector("#page-rendered", state="attached", timeout=120_000)
        charts = self.page.locator('[data-testid="stVegaLiteChart"]')
        for index in range(charts.count()):
            charts.nth(index).locator("svg").wait_for(timeout=60_000)
        self.page.wait_for_timeout(500)

    def _console(self, message: Any) -> None:
        # Streamlit first asks for /_stcore/... under the page's own path (a 404), then at
        # the root: not an error of the page
        if message.type == "error" and "/_stcore/" not in message.location.get("url", ""):
            self.errors.append(f"console error: {message.text}")

    def texts(self, selector: str) -> list[str]:
        return [text.strip() for text in self.page.locator(selector).all_inner_texts()]

    def metrics(self) -> dict[str, int]:
        labels = self.texts('[data-testid="stMetricLabel"]')
        values = self.texts('[data-testid="stMetricValue"]')
        pairs = zip(labels, values, strict=True)
        return {label: int(value.replace(",", "")) for label, value in pairs}


@pytest.mark.parametrize("path", list(PAGES))
def test_page_renders(browser: Any, served: Dashboard, path: str, request: Any) -> None:
    page = Page(browser, served, path)
    try:
        assert page.texts("h1")[:1] == [PAGES[path]]
        assert page.errors == []
        assert page.texts('[data-testid="stException"]') == []
        charts = page.page.locator('[data-testid="stVegaLiteChart"]')
        for index in range(charts.count()):
            # drawn as SVG: a chart with no data has axes but no mark items
            marks = charts.nth(index).locator("svg .role-mark > *").count()
            assert marks > 0, f"chart {index + 1} of /{path} has no marks"
        if path in ("", "matrix"):
            assert charts.count() >= 1
        if request.node.callspec.params["served"] == "demo":
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            name = path or "overview"
            page.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    finally:
        page.page.close()


def test_overview_numbers(browser: Any, served: Dashboard) -> None:
    page = Page(browser, served, "")
    first = served.query("select min(scorecard_id) from main.lead_scores")[0][0]
    (expected,) = served.query(
        """
        select
            count(*), count(*) filter (where tier = 'hot'), count(*) filter (where is_mql),
            count(*) filter (where is_sql), count(*) filter (where segment = 'red')
        from main.lead_scores where scorecard_id = ?
        """,
        [first],
    )
    labels = ["Leads scored", "Hot leads", "MQLs", "SQLs", "Red segment (sales now)"]
    assert page.metrics() == dict(zip(labels, expected, strict=True))
    # the tiers table: tier, leads, MQLs, hot first, every tier even without leads
    rows = page.texts('[data-testid="stTable"] tbody tr')
    tiers = dict(
        served.query(
            "select tier, count(*) from main.lead_scores where scorecard_id = ? group by tier",
            [first],
        )
    )
    shown = {row.split()[0]: int(row.split()[1]) for row in rows}
    assert shown == {tier: tiers.get(tier, 0) for tier in ("hot", "warm", "cold", "dead")}
    page.page.close()


def test_matrix_cells(browser: Any, served: Dashboard) -> None:
    page = Page(browser, served, "matrix")
    first = served.query("select min(scorecard_id) from main.lead_scores")[0][0]
    counts = dict(
        served.query(
            "select matrix_cell, count(*) from main.lead_scores where scorecard_id = ?"
            " group by matrix_cell",
            [first],
        )
    )
    cells = page.page.locator("[data-cell]")
    shown = {
        cells.nth(index).get_attribute("data-cell"): int(
            cells.nth(index).get_attribute("data-leads")
        )
        for index in range(cells.count())
    }
    grid = [grade + str(level) for grade in "ABCD" for level in range(1, 5)]
    assert shown == {cell: counts.get(cell, 0) for cell in grid}
    # the cells' text says the same count
    assert page.texts('[data-cell="A1"] .leads') == [f"{counts.get('A1', 0):,} leads"]
    page.page.close()


def test_call_now_count(browser: Any, served: Dashboard) -> None:
    page = Page(browser, served, "call-now")
    first = served.query("select min(scorecard_id) from main.lead_scores")[0][0]
    (expected,) = served.query(
        """
        select count(*), count(*) filter (where is_sql) from main.lead_scores
        where scorecard_id = ? and (segment = 'red' or is_sql) and not is_excluded
        """,
        [first],
    )
    assert page.metrics() == dict(zip(["Leads to call", "of which SQLs"], expected, strict=True))
    page.page.close()


def test_health_shows_the_comparison(browser: Any, served: Dashboard) -> None:
    """With a baseline (the fixtures build), the last change's table and tier transitions;
    without (the demo), the page says how to get one."""
    page = Page(browser, served, "scorecard-health")
    compared = served.query("select count(*) from main.scorecard_comparison")[0][0]
    text = page.page.inner_text('[data-testid="stMain"]')
    if compared:
        assert "leads by baseline tier" in text
    else:
        assert "No scorecard names a baseline_scorecard_id" in text
    page.page.close()
