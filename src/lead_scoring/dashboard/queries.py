"""The dashboard's figures: one function per table or chart, each a query of the marts of a
scored DuckDB file (read only, one connection per query, so that a `dbt build` can write the
file between two page loads). Values chosen on a page reach the SQL as parameters only."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

TIERS = ("hot", "warm", "cold", "dead")
SEGMENTS = ("red", "purple", "blue")


class Marts:
    """The marts of the DuckDB file `database` (schema main; the seeds in main_scorecard)."""

    def __init__(self, database: Path) -> None:
        if not database.is_file():
            raise FileNotFoundError(
                f"{database}: no such DuckDB file; score the data first (./scripts/demo.sh)"
            )
        self.database = database

    def frame(self, sql: str, parameters: Sequence[Any] = ()) -> pd.DataFrame:
        with duckdb.connect(str(self.database), read_only=True) as connection:
            return connection.execute(sql, list(parameters)).df()

    def scorecards(self) -> list[str]:
        sql = "select distinct scorecard_id from main.lead_scores order by scorecard_id"
        return [str(value) for value in self.frame(sql)["scorecard_id"]]

    def totals(self, scorecard_id: str) -> dict[str, Any]:
        """As-of day, leads, hot leads, MQLs, SQLs and red-segment leads of a scorecard."""
        frame = self.frame(
            """
            select
                max(as_of_date) as as_of_date,
                count(*) as leads,
                count(*) filter (where tier = 'hot') as hot_leads,
                count(*) filter (where is_mql) as mqls,
                count(*) filter (where is_sql) as sqls,
                count(*) filter (where segment = 'red') as red_leads
            from main.lead_scores
            where scorecard_id = ?
            """,
            [scorecard_id],
        )
        return dict(frame.iloc[0])

    def tiers(self, scorecard_id: str) -> pd.DataFrame:
        """Leads and MQLs per tier, every tier (hot first) even without leads."""
        return self.frame(
            """
            select
                tiers.tier,
                count(scores.lead_id) as leads,
                count(scores.lead_id) filter (where scores.is_mql) as mqls
            from unnest(?) with ordinality as tiers (tier, tier_rank)
            left join main.lead_scores as scores
                on scores.tier = tiers.tier and scores.scorecard_id = ?
            group by tiers.tier, tiers.tier_rank
            order by tiers.tier_rank
            """,
            [list(TIERS), scorecard_id],
        )

    def segments(self, scorecard_id: str) -> pd.DataFrame:
        """Leads per segment, red, purple, blue."""
        return self.frame(
            """
            select segments.segment, count(scores.lead_id) as leads
            from unnest(?) with ordinality as segments (segment, segment_rank)
            left join main.lead_scores as scores
                on scores.segment = segments.segment and scores.scorecard_id = ?
            group by segments.segment, segments.segment_rank
            order by segments.segment_rank
            """,
            [list(SEGMENTS), scorecard_id],
        )

    def weekly(self, scorecard_id: str, weeks: int = 13) -> pd.DataFrame:
        """New MQLs and SQLs (first MQL / SQL day of lead_funnel) per week (Monday) of the
        `weeks` weeks up to the as-of day's week."""
        return self.frame(
            """
            with

            funnel as (
                select * from main.lead_funnel
                where scorecard_id = ?
            ),

            as_of as (
                select max(as_of_date) as as_of_date from main.lead_scores
                where scorecard_id = ?
            ),

            weeks as (
                select cast(unnest(generate_series(
                    date_trunc('week', as_of_date) - to_weeks(? - 1),
                    date_trunc('week', as_of_date),
                    interval 1 week
                )) as date) as week_on
                from as_of
            )

            select
                weeks.week_on,
                count(distinct funnel.lead_id) filter (
                    where date_trunc('week', funnel.first_mql_on) = weeks.week_on
                ) as new_mqls,
                count(distinct funnel.lead_id) filter (
                    where date_trunc('week', funnel.first_sql_on) = weeks.week_on
                ) as new_sqls
            from weeks
            left join funnel
                on
                    date_trunc('week', funnel.first_mql_on) = weeks.week_on
                    or date_trunc('week', funnel.first_sql_on) = weeks.week_on
            group by weeks.week_on
            order by weeks.week_on
            """,
            [scorecard_id, scorecard_id, weeks],
        )

    def matrix(self, scorecard_id: str) -> pd.DataFrame:
        """The 16 cells of the fit x engagement matrix: segment and action (matrix_segments),
        leads and MQLs now, and the pooled evaluation's leads, conversions and rate."""
        return self.frame(
            """
            with

            scores as (
                select matrix_cell, count(*) as leads, count(*) filter (where is_mql) as mqls
                from main.lead_scores
                where scorecard_id = ?
                group by matrix_cell
            ),

            evaluated as (
                select band as matrix_cell, leads, conversions, conversion_rate
                from main.scorecard_evaluation_bands
                where scorecard_id = ? and is_pooled and band_type = 'matrix_cell'
            ),

            cells as (
                select
                    grades.fit_grade,
                    levels.engagement_level,
                    grades.fit_grade || levels.engagement_level as matrix_cell
                from unnest(['A', 'B', 'C', 'D']) as grades (fit_grade)
                cross join unnest([1, 2, 3, 4]) as levels (engagement_level)
            )

            select
                cells.fit_grade,
                cells.engagement_level,
                cells.matrix_cell,
                segments.segment,
                segments.segment_action,
                coalesce(scores.leads, 0) as leads,
                coalesce(scores.mqls, 0) as mqls,
                evaluated.leads as evaluated_leads,
                evaluated.conversions,
                evaluated.conversion_rate
            from cells
            left join main_scorecard.matrix_segments as segments
                on segments.matrix_cell = cells.matrix_cell
            left join scores on scores.matrix_cell = cells.matrix_cell
            left join evaluated on evaluated.matrix_cell = cells.matrix_cell
            order by cells.fit_grade, cells.engagement_level
            """,
            [scorecard_id, scorecard_id],
        )

    def call_now(self, scorecard_id: str, segments: Sequence[str]) -> pd.DataFrame:
        """Red-segment leads and SQLs of a scorecard among `segments`, not excluded, SQLs
        first, then by score."""
        return self.frame(
            """
            select
                lead_id,
                total_score,
                tier,
                matrix_cell,
                segment,
                is_sql,
                case
                    when is_sql and segment = 'red' then 'SQL, red segment'
                    when is_sql then 'SQL'
                    else 'red segment'
                end as why_now,
                score_reasons
            from main.lead_scores
            where
                scorecard_id = ?
                and list_contains(?, segment)
                and (segment = 'red' or is_sql)
                and not is_excluded
            order by is_sql desc, total_score desc, lead_id
            """,
            [scorecard_id, list(segments)],
        )

    def evaluation(self) -> pd.DataFrame:
        """Every scorecard's evaluation, all cut-offs pooled."""
        return self.frame(
            """
            select
                scorecard_id, cutoffs, horizon_days, leads, conversions, conversion_rate,
                auc, ks, mql_lift, mql_recall, top_decile_lift
            from main.scorecard_evaluation
            where is_pooled
            order by scorecard_id
            """
        )

    def bands(self, scorecard_id: str, band_type: str) -> pd.DataFrame:
        """The pooled evaluation's bands of one type (tier, segment, score_decile...)."""
        return self.frame(
            """
            select
                band, band_rank, leads, conversions, conversion_rate, lift,
                cumulative_lead_share, cumulative_conversion_share
            from main.scorecard_evaluation_bands
            where scorecard_id = ? and is_pooled and band_type = ?
            order by band_rank
            """,
            [scorecard_id, band_type],
        )

    def wrong_way_rules(self, scorecard_id: str) -> pd.DataFrame:
        """The rules whose points point against the pooled conversions."""
        return self.frame(
            """
            select
                rule_id, description, rule_points, leads, conversion_rate,
                other_conversion_rate, lift, direction
            from main.scorecard_rule_evaluation
            where scorecard_id = ? and is_pooled and is_wrong_way
            order by abs(rule_points) desc, rule_id
            """,
            [scorecard_id],
        )

    def comparison(self) -> pd.DataFrame:
        return self.frame(
            """
            select
                scorecard_id, baseline_scorecard_id, leads_up_tier, leads_down_tier,
                mqls_gained, mqls_lost, sqls_gained, sqls_lost, auc, baseline_auc
            from main.scorecard_comparison
            order by scorecard_id
            """
        )

    def tier_transitions(self, scorecard_id: str) -> pd.DataFrame:
        return self.frame(
            """
            select baseline_tier, baseline_tier_rank, tier, tier_rank, leads
            from main.scorecard_tier_transitions
            where scorecard_id = ?
            order by baseline_tier_rank, tier_rank
            """,
            [scorecard_id],
        )

    def reconciliation(self) -> pd.DataFrame:
        return self.frame(
            """
            select
                source_name, input_rows, scored_rows, reported_rows, exact_duplicate_rows,
                after_as_of_rows,
                input_rows - scored_rows - reported_rows - exact_duplicate_rows
                - after_as_of_rows as unaccounted_rows
            from main.data_quality_reconciliation
            order by source_name
            """
        )

    def issue_counts(self) -> pd.DataFrame:
        return self.frame(
            """
            select
                source_name,
                issue_code,
                count(*) as issues,
                count(*) filter (where is_row_left_out) as rows_left_out
            from main.data_quality_issues
            group by source_name, issue_code
            order by source_name, issues desc, issue_code
            """
        )

    def issues(self) -> pd.DataFrame:
        return self.frame(
            """
            select source_name, source_key, lead_id, issue_code, issue_description,
                is_row_left_out
            from main.data_quality_issues
            order by source_name, issue_code, source_key
            """
        )
