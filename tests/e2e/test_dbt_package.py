"""The project as a dbt package: a user's own dbt project (here `acme_analytics`) lists this
checkout as a `local:` package, points the vars at its HubSpot connector's schema and builds
`package:lead_scoring` and a model of its own that reads a public mart. No network: `dbt deps`
of a local package only links the folder.

The connector tables are the HubSpot fixture of test_crm_hubspot.py, loaded into a schema that
is not the connector's default name (so `raw_schema` is what finds them). The package's scores
must be the scores of the HubSpot build of this checkout itself, lead by lead.
"""

from __future__ import annotations

import json
from pathlib import Path

import background
import duckdb
import pytest
from crm import crm_job, fixture_tables, load_tables
from scenario import AS_OF, PROJECT_DIR, Row, _rows, dbt_env, dbt_or_fail
from test_crm_hubspot import HubspotBuild

HOST_PROJECT = """\
name: acme_analytics
version: "1.0.0"
config-version: 2
profile: acme_analytics

vars:
  crm_source: hubspot
  raw_schema: hubspot_prod
  history_days: 30
"""
HOST_PROFILE = """\
acme_analytics:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: "{{ env_var('LEAD_SCORING_DUCKDB_PATH') }}"
      schema: analytics
      threads: 2
"""
# a model of the user's project on a public mart of the package (a two-argument ref)
HOST_MODEL = """\
select lead_id, total_score
from {{ ref('lead_scoring', 'lead_scores') }}
where scorecard_id = 'default' and is_mql
"""


class PackageBuild:
    def __init__(self, scores: list[Row], mqls: list[Row], relations: set[str]) -> None:
        self.scores = scores
        self.mqls = mqls
        self.relations = relations


@background.job("package_build")
def build_package(workdir: Path) -> PackageBuild:
    host = workdir / "acme_analytics"
    (host / "models").mkdir(parents=True)
    (host / "dbt_project.yml").write_text(HOST_PROJECT, encoding="utf-8")
    (host / "profiles.yml").write_text(HOST_PROFILE, encoding="utf-8")
    (host / "packages.yml").write_text(
        json.dumps({"packages": [{"local": str(PROJECT_DIR)}]}), encoding="utf-8"
    )
    (host / "models" / "mql_call_list.sql").write_text(HOST_MODEL, encoding="utf-8")
    env = dbt_env(host, workdir)
    load_tables("duckdb", fixture_tables("hubspot"), "hubspot_prod", host, env)
    dbt_or_fail(host, ["deps"], env, "the host project")
    dbt_or_fail(
        host,
        [
            "build",
            "--select",
            "package:lead_scoring",
            "mql_call_list",
            "--vars",
            json.dumps({"as_of": AS_OF.isoformat()}),
        ],
        env,
        "the host project",
    )
    with duckdb.connect(env["LEAD_SCORING_DUCKDB_PATH"], read_only=True) as connection:
        scores = _rows(connection.execute("select * from analytics.lead_scores"))
        mqls = _rows(connection.execute("select * from analytics.mql_call_list"))
        relations = {
            f"{schema}.{name}"
            for schema, name in connection.execute(
                "select table_schema, table_name from information_schema.tables"
            ).fetchall()
        }
    return PackageBuild(scores, mqls, relations)


@pytest.fixture(scope="module")
def package_build() -> PackageBuild:
    return background.result("package_build")


@pytest.fixture(scope="module")
def hubspot_build() -> HubspotBuild:
    result: HubspotBuild = background.result(crm_job("hubspot"))
    return result


def test_the_package_scores_like_the_project(
    package_build: PackageBuild, hubspot_build: HubspotBuild
) -> None:
    scores = {
        row["lead_id"]: row["total_score"]
        for row in package_build.scores
        if row["scorecard_id"] == "default"
    }
    assert scores, "the package scored no lead"
    expected = hubspot_build.build.scores
    assert scores == {lead_id: row["total_score"] for lead_id, row in expected.items()}


def test_the_host_model_reads_the_public_mart(package_build: PackageBuild) -> None:
    expected = {
        row["lead_id"]
        for row in package_build.scores
        if row["scorecard_id"] == "default" and row["is_mql"]
    }
    assert {row["lead_id"] for row in package_build.mqls} == expected


def test_the_package_builds_in_the_host_schemas(package_build: PackageBuild) -> None:
    # the host's target schema, with the package's layers in schemas of their own beside it
    for relation in (
        "analytics.lead_scores",
        "analytics.lead_score_history",
        "analytics.data_quality_reconciliation",
        "analytics_staging.stg_hubspot__leads",
        "analytics_scorecard.scorecard_rules",
    ):
        assert relation in package_build.relations
